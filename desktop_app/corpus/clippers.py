"""What read-later apps and scrapers wrap around an article (Cubox, Omnivore, SimpRead, Obsidian
Web Clipper, mirror bots, scraper metadata lists) turned into metadata instead of body.

The wrappers are recognised by what they are, not by the app's name: a line that is only a link
to the original or back to a list, a ``key: value`` metadata line, a tag line, a transcoding
notice, a "for reference only" disclaimer, a ``Full Content`` divider, a "click the picture to
order" line. They are looked for only
before the article's first paragraph of running text, where clippers put them.
"""

from __future__ import annotations

import re

from desktop_app.corpus.formats import Metadata, normalise_date
from desktop_app.corpus.model import BlockKind
from desktop_app.corpus.raw import RawBlock

_HEAD_BLOCKS = 12
_RUNNING_TEXT = 80  # a paragraph this long is the article: wrappers come before it
_ORIGINAL_LINK = re.compile(r"原文|查看原文|阅读原文|原始链接|Original|Source|Open original|View original", re.I)
_META_LINE = re.compile(
    r"^[-*•\s]*(?:\*\*)?(?P<key>date[_ ]saved|saved[_ ]date|saved|created|published|modified|"
    r"发布日期|发布时间|发表时间|保存时间|收藏时间|剪藏时间|日期|原文链接|原文地址|原始链接|链接|来源|作者|"
    r"url|source|author|site|tags?|标签)(?:\*\*)?\s*[:：]\s*(?P<value>.*)$",
    re.I,
)
_TRANSCODED = re.compile(r"^本文由.{0,40}(?:转码|剪藏|保存|生成)")
_DISCLAIMER = re.compile(r"仅供(?:查阅|学习|参考|交流|个人)|自动备份|备份存档")
_DIVIDER = re.compile(r"^(?:Full Content|Content|Highlights?|正文|全文|原文)\s*[:：]?$", re.I)
_HEAD_PROMOTION = re.compile(
    r"点击(?:上|下)?(?:图|方|蓝字|关注)|點擊(?:上|下)?(?:圖|方|藍字|關注)|一键下单|一鍵下單|关注我们|設為星標|设为星标"
)
_URL = re.compile(r"https?://\S+")
_DOMAIN = re.compile(r"^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+", re.I)


def first_remote(hrefs: list[str]) -> str | None:
    """The first link that leaves the file (http or https)."""
    return next((href for href in hrefs if href.startswith(("http://", "https://"))), None)


def _is_link_only(block: RawBlock) -> bool:
    text = block.text.strip()
    return bool(block.hrefs) and block.link_chars >= 0.8 * max(1, len(re.sub(r"\s", "", text)))


def _apply_meta_line(key: str, value: str, block: RawBlock, meta: Metadata) -> None:
    key = key.lower().replace(" ", "_")
    in_text = _URL.search(value)
    url = first_remote(block.hrefs) or (in_text.group(0) if in_text else None)
    if key in {"原文链接", "原文地址", "原始链接", "链接", "url", "source"} and url:
        meta.source_url = meta.source_url or url
    elif "date" in key or key in {"saved", "created", "published", "modified"} or "时间" in key or "日期" in key:
        meta.date = meta.date or normalise_date(value)
    elif key in {"作者", "author", "来源", "site"} and value and len(value) <= 40 and not _URL.search(value):
        meta.publisher = meta.publisher or value.strip("* ")
    elif key in {"tag", "tags", "标签"}:
        meta.tags.extend(tag.strip("#, ") for tag in re.split(r"[,，\s]+", value) if tag.strip("#, "))


def unwrap_clipping(blocks: list[RawBlock], meta: Metadata) -> tuple[list[RawBlock], list[RawBlock]]:
    """Moves clipper and scraper wrappers at the head into ``meta``.

    Returns:
        (the blocks kept, the blocks removed as wrappers).
    """
    kept: list[RawBlock] = []
    removed: list[RawBlock] = []
    in_head = True
    for index, block in enumerate(blocks):
        text = block.text.strip()
        if in_head and (
            index >= _HEAD_BLOCKS
            or (block.kind != BlockKind.HEADING and len(text) >= _RUNNING_TEXT and not _TRANSCODED.match(text))
        ):
            in_head = False
        if not in_head or not _is_wrapper(block, text, meta):
            kept.append(block)
        else:
            removed.append(block)
    return kept, removed


def _is_wrapper(block: RawBlock, text: str, meta: Metadata) -> bool:
    if _TRANSCODED.match(text):
        meta.source_url = meta.source_url or (block.hrefs and first_remote(block.hrefs[::-1])) or None
        return True
    if _is_link_only(block) and len(text) <= 40:
        if _ORIGINAL_LINK.search(text) or _DOMAIN.match(text):
            meta.source_url = meta.source_url or first_remote(block.hrefs)
        return True  # 'Read on Omnivore', '返回列表页', '跳转到 Cubox 查看'
    found = _META_LINE.match(text)
    if found and len(text) <= 300:
        _apply_meta_line(found.group("key"), found.group("value").strip(), block, meta)
        return True
    if _DIVIDER.match(text):
        return True
    return len(text) <= 60 and (_DISCLAIMER.search(text) is not None or _HEAD_PROMOTION.search(text) is not None)
