"""Removes what is not the article: images and their captions, spliced-in link spam, the
publisher's attribution (kept as metadata), promotion tails, related-article lists and social
links. Every rule looks at content and position, never at a file name.
"""

from __future__ import annotations

import re

from desktop_app.corpus.formats import Metadata, normalise_date
from desktop_app.corpus.raw import RawBlock

_CAPTION = re.compile(r"^(?:图片来源|图片来自|图源|图片由|题图来源|封面来源|来源：网络)\s*[:：]?")
_PRODUCED_BY = re.compile(r"^(?:出品|来源|编辑|作者)\s*[｜|:：]\s*(\S.{1,40}?)\s*(?:[（(]ID[:：][^）)]*[）)])?$")
_ATTRIBUTION = re.compile(r"^本文(?:来自|转载自|转自|经授权转载自)(?:微信公众号|公众号)?\s*[\"“「《]?([^\"”」》（(，,]+)")
_DOMAIN = re.compile(r"^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+$", re.I)
_URL = re.compile(r"https?://|www\.[a-z0-9-]+\.", re.I)
_DATED_LINE = re.compile(r"^\S.{0,24}\s\d{4}-\d{2}-\d{2}(?:\s\d{1,2}:\d{2}(?::\d{2})?)?$")
_PROMO = re.compile(
    r"请关注|扫码|关注我们|点击阅读原文|阅读原文|跳转到|开放合作|欢迎转发|欢迎投稿|商务合作|版权声明|"
    r"原文链接|推荐阅读|相关阅读|往期推荐|延伸阅读|联系我们|点赞|在看|转载请"
)
_PROMO_HEADING = re.compile(r"^(?:推荐阅读|相关阅读|往期推荐|延伸阅读|联系我们|END\b)")
_TAIL_SCAN = 0.6  # promotion is only looked for in the last 40% of an article


def extract_metadata(blocks: list[RawBlock], meta: Metadata) -> list[RawBlock]:
    """Moves metadata lines (source link, 出品, the closing attribution) out of the body."""
    kept: list[RawBlock] = []
    for index, block in enumerate(blocks):
        text = block.text.strip()
        near_top = index < 4
        if near_top and block.kind == "heading" and block.level == 1 and not kept:
            meta.title = text or meta.title  # the document's own heading beats a slug in front matter
            continue
        if near_top and block.hrefs and _is_link_line(block):
            meta.source_url = meta.source_url or _first_remote(block.hrefs)
            continue
        produced = _PRODUCED_BY.match(text)
        if produced and len(text) <= 60:
            meta.publisher = meta.publisher or produced.group(1)
            continue
        attribution = _ATTRIBUTION.match(text)
        if attribution and index >= len(blocks) * _TAIL_SCAN:
            meta.publisher = meta.publisher or attribution.group(1).strip()
            meta.date = meta.date or normalise_date(text)
            continue
        kept.append(block)
    return kept


def _first_remote(hrefs: list[str]) -> str | None:
    return next((href for href in hrefs if href.startswith(("http://", "https://"))), None)


def _is_link_line(block: RawBlock) -> bool:
    """A line that is a bare domain link, perhaps with a word such as 关注 after it."""
    text = block.text.strip()
    linked = text[: block.link_chars] if block.link_chars else ""
    return bool(_DOMAIN.match(linked)) and len(text) - len(linked) <= 4


def drop_noise(blocks: list[RawBlock]) -> list[RawBlock]:
    """Drops image-only blocks, empty blocks and image captions anywhere in the article."""
    return [
        block
        for block in blocks
        if block.text.strip() and not (_CAPTION.match(block.text.strip()) and len(block.text) <= 60)
    ]


def _is_tail_junk(block: RawBlock) -> bool:
    text = block.text.strip()
    if not text or _URL.search(text) or _DATED_LINE.match(text):
        return True
    if block.hrefs and block.link_chars >= 0.8 * len(text):
        return True  # a link list, 'jump to …' and the like
    if block.bold_only and len(text) <= 20:
        return True  # promotion headings ('…开放合作啦！', '联系我们') and dangling section titles
    return _PROMO_HEADING.match(text) is not None or (len(text) <= 80 and _PROMO.search(text) is not None)


def trim_tail(blocks: list[RawBlock]) -> list[RawBlock]:
    """Cuts promotion, social links and related-article lists from the end of the article."""
    end = len(blocks)
    floor = int(len(blocks) * _TAIL_SCAN)
    while end > floor and _is_tail_junk(blocks[end - 1]):
        end -= 1
    return blocks[:end]


def clean(blocks: list[RawBlock], meta: Metadata) -> list[RawBlock]:
    """The whole cleaning pass: metadata out, noise out, tail trimmed."""
    blocks = drop_noise(blocks)
    blocks = extract_metadata(blocks, meta)
    return trim_tail(blocks)
