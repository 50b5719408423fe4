"""Removes what is not the article: images and their captions, spliced-in link spam, the
publisher's attribution (kept as metadata), promotion tails, related-article lists and social
links. Every rule looks at content and position, never at a file name.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from desktop_app.corpus.clippers import first_remote, unwrap_clipping
from desktop_app.corpus.formats import Metadata, normalise_date
from desktop_app.corpus.model import CAPTION, CLIPPER, METADATA, TAIL, BlockKind, RemovedBlock
from desktop_app.corpus.page_title import han_count
from desktop_app.corpus.raw import RawBlock

_CAPTION = re.compile(
    r"^(?:图片来源|图片来自|图源|图片由|题图来源|封面来源|来源：网络|(?:题图|題圖|头图|頭圖|封面图|封面圖|首图)\s*[:：｜|])\s*[:：]?"
)
# An account's promotion card, follow appeals and the app's own controls: page furniture wherever
# a clipper left them ('303篇原创内容', '点击关注，每天更新…', '微信扫一扫').
_PROMOTION_CARD = re.compile(
    r"^\d+\s*篇原创内容$|^\d+\s*篇原創內容$|^(?:点击|點擊)(?:上方|下方|蓝字|藍字|卡片)?\s*(?:关注|關注)"
    r"|^(?:关注有礼|關注有禮|欢迎关注|歡迎關注|另可关注|另可關注)|^(?:微信扫一扫|微信掃一掃|预览时标签不可点|預覽時標籤不可點)"
    r"|^(?:长按|長按)(?:识别|識別)?(?:二维码|二維碼)|^(?:View/Hide )?Original English$"
    r"|^(?:安装|安裝|下载|下載)[^，。]{0,12}(?:客户端|客戶端|APP|App)"
)
_PROMOTION_CARD_CHARS = 80
_PRODUCED_BY = re.compile(r"^(?:出品|来源|编辑|作者)\s*[｜|:：]\s*(\S.{1,40}?)\s*(?:[（(]ID[:：][^）)]*[）)])?$")
# Credit lines of the reporters and editors: '采访整理：本刊记者', '文｜杨宙', '记者｜孙若茜'. With a
# colon only for words that never label a speaker ('记者：' and '文：' may open a turn).
_CREDIT_LINE = re.compile(
    r"^(?:(?:采访|采写|整理|采访整理|撰文|撰稿|摄影|攝影|翻译|翻譯|编译|編譯|校对|校對|责编|責編|责任编辑|責任編輯|监制|監製|口述|"
    r"编辑|編輯|排版|审核|審核|图|圖|视觉|視覺)\s*[｜|:：/]|(?:文|记者|記者|撰文)\s*[｜|/])\s*\S.{0,40}$"
)
_ATTRIBUTION = re.compile(
    r"^本文(?:来自|转载自|转自|经授权转载自)(?:微信公众号|公众号)?\s*[\"“「《]?([^\"”」》（(，,]+)"
)
_DOMAIN = re.compile(r"^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+$", re.I)
_URL = re.compile(r"https?://|www\.[a-z0-9-]+\.", re.I)
_DATED_LINE = re.compile(r"^\S.{0,24}\s\d{4}-\d{2}-\d{2}(?:\s\d{1,2}:\d{2}(?::\d{2})?)?$")
_PROMO = re.compile(
    r"请关注|請關注|扫码|掃碼|扫描|掃描|关注我们|關注我們|点击|點擊|阅读原文|跳转到|开放合作|欢迎转发|欢迎投稿|商务合作|版权声明|"
    r"原文链接|推荐阅读|相关阅读|往期推荐|延伸阅读|联系我们|点赞|在看|转载请|下单|解锁|订阅|訂閱|订户|訂戶|会员|會員|"
    r"支持我们|支持我們|抽奖|抽獎|二维码|二維碼|长按|長按|微信群|公众号|公眾號|滑动|滑動|看下一个|招聘|👇|↓|"
    r"关注有礼|關注有禮|欢迎关注|歡迎關注|回复「|回覆「|付费社群|付費社群|知识星球|知識星球|已获作者授权|已獲作者授權"
)
# A box about the account or its authors, closing the page under its own heading.
_ABOUT_HEADING = re.compile(
    r"^(?:关于我们|關於我們|关于作者|關於作者|作者简介|作者簡介|关注我们|關注我們|联系我们|聯繫我們"
    r"|About (?:us|the author))$",
    re.I,
)
# The source credit a page glues to its last paragraph: '…（供稿：党委宣传部）'.
_TRAILING_CREDIT = re.compile(
    r"\s*[（(](?:供稿|稿件来源|来源|來源|文|图|圖|图文|圖文|撰稿|编辑|編輯|责编|責編|作者)\s*[:：][^（）()]{1,30}[）)]\s*$"
)
_PROMO_HEADING = re.compile(
    r"^(?:推荐阅读|推薦閱讀|相关阅读|相關閱讀|往期推荐|往期推薦|往期回顾|往期回顧|延伸阅读|延伸閱讀|更多阅读|更多閱讀|精彩推荐|"
    r"精彩推薦|联系我们|END\b)"
)
_CREDIT_HEAD = 12  # credit lines are looked for among the first blocks and in the tail
_TAIL_SCAN = 0.6  # promotion is only looked for in the last 40% of an article
_LEGAL = re.compile(
    r"声明[:：]|仅提供信息存储空间|版权(?:归|所有)|版權(?:歸|所有)|未经(?:许可|授权)|未經(?:許可|授權)|严禁|嚴禁|"
    r"(?:不代表|不表明|并不表明|不构成|不構成).{0,12}(?:立场|立場|观点|觀點|建议|建議)|责任编辑|責任編輯|免责|免責|"
    r"All Rights Reserved|Copyright|©"
)
# Who the author or the publisher is, in a box after the article.
_ABOUT = re.compile(
    r"作者(?:本名|简介|簡介|為|为|是)|(?:旗下|致力于|致力於|专注于|專注於).{0,30}(?:品牌|平台|媒体|媒體|内容|內容|信息|資訊|服务|服務)"
    r"|(?:是一个|是一個|是一家).{0,20}(?:翻译|翻譯).{0,20}(?:社区|社區|计划|計劃|平台)|(?:发现|發現)(?:译文|譯文)"
)
# The credits of a translation, boxed before it: what the original was and who translated it.
_TRANSLATION_BOX = re.compile(
    r"^(?:原文地址|原文链接|原文連結|原文作者|译文出自|譯文出自|本文永久链接|本文永久連結|译者|譯者|校对者|校對者|审校|審校|"
    r"翻译|翻譯)\s*[:：]"
)
_CREDITS = re.compile(r"^(?:排版|审核|校对|责编|编辑|监制|美编|视觉|设计|统筹|图片|封面)\s*[:：｜|]")
_TRAILING_NAVIGATION = re.compile(
    r"\s*(?:返回[^，。！？\s]{1,8}[，,]?\s*)?(?:查看更多|阅读原文|返回(?:首页|顶部|列表页?))\s*$"
)
_SENTENCE_MARK = re.compile(r"[。！？!?…]")
_SENTENCE_END = re.compile(r"[。！？!?…”」』]$")
# A table-of-contents entry: a headline with its author in brackets ('加沙来信（程靖）').
_CONTENTS_ENTRY = re.compile(r"^.{2,60}[（(][^（）()。！？!?]{1,15}[）)]$")
_RUNNING_TEXT = 150  # a paragraph this long is running text, whatever it contains


# The rules' names, as reported by ``import --json`` and kept with the article.


def extract_metadata(blocks: list[RawBlock], meta: Metadata) -> list[RawBlock]:
    """Moves metadata lines (source link, 出品, the closing attribution) out of the body."""
    kept: list[RawBlock] = []
    for index, block in enumerate(blocks):
        text = block.text.strip()
        near_top = index < 4
        if _TRANSLATION_BOX.match(text) and index < _CREDIT_HEAD and len(text) <= 200:
            continue  # '原文作者：…', '译者：…', '校对者：…': a translation's box of credits, not its text
        if index < _CREDIT_HEAD and block.kind == BlockKind.HEADING and block.level == 1 and not kept:
            chosen = _choose_title(meta.title, text)
            if chosen == text or _same_title(meta.title, text) or not han_count(text):
                meta.title = chosen
                continue  # the heading is the title (or a clipper's junk heading such as '# Ai40')
        if near_top and block.hrefs and _is_link_line(block):
            meta.source_url = meta.source_url or first_remote(block.hrefs)
            continue
        declared = _DECLARED_TITLE.match(text) if index < _LINK_LINE_HEAD else None
        if declared:
            meta.title = meta.title or declared.group(1).strip()
            continue  # '原文标题：…' names the article; it is not its text
        if index < _LINK_LINE_HEAD and _written_link_line(text):
            if re.match(r"^(?:原文|原文链接|原文連結|来源|來源|Source)?\s*[：:]?\s*https?://", text, re.I):
                meta.source_url = meta.source_url or _WRITTEN_URL.search(text).group(0)  # type: ignore[union-attr]
            continue  # '原文：https://…', '会议链接：https://…': where the page came from, not its text
        produced = _PRODUCED_BY.match(text)
        if produced and len(text) <= 60:
            meta.publisher = meta.publisher or produced.group(1)
            continue
        if (index < _CREDIT_HEAD or index >= len(blocks) * _TAIL_SCAN) and _CREDIT_LINE.match(text) and len(text) <= 60:
            continue
        attribution = _ATTRIBUTION.match(text)
        if attribution and index >= len(blocks) * _TAIL_SCAN:
            meta.publisher = meta.publisher or attribution.group(1).strip()
            meta.date = meta.date or normalise_date(text)
            continue
        kept.append(block)
    return kept


def _same_title(declared: str | None, heading: str) -> bool:
    if not declared:
        return False
    bare = [re.sub(r"[\W_]+", "", value) for value in (declared, heading)]
    return bare[0] in bare[1] or bare[1] in bare[0] or fuzz.ratio(*bare) >= 80


def _choose_title(declared: str | None, heading: str) -> str:
    """The document's own first heading keeps the title's punctuation, which a front-matter slug
    loses (``AIGC如此火爆,有何机会-10位…``); a heading that is not the same title wins only when it
    says more (a clipper's ``# Ai40`` loses to the declared title)."""
    if not declared or _same_title(declared, heading):
        return heading or declared or ""
    return heading if han_count(heading) > han_count(declared) else declared


_LINK_LINE_HEAD = 6
_DECLARED_TITLE = re.compile(r"^(?:原文标题|原文標題|原标题|原標題|文章标题|文章標題)\s*[:：]\s*(\S.{1,100})$")
_WRITTEN_URL = re.compile(r"https?://\S+")


def _written_link_line(text: str) -> bool:
    """A line that is a written-out address with at most a short label ('原文：', '会议纪要：')."""
    rest = _WRITTEN_URL.sub("", text).strip(" ：:|｜-")
    return bool(_WRITTEN_URL.search(text)) and len(rest) <= 20 and not _SENTENCE_MARK.search(rest)


def _is_link_line(block: RawBlock) -> bool:
    """A line that is a bare domain link, perhaps with a word such as 关注 after it."""
    text = block.text.strip()
    linked = text[: block.link_chars] if block.link_chars else ""
    return bool(_DOMAIN.match(linked)) and len(text) - len(linked) <= 4


# A clipped player's or reader's controls, left in the text wherever the app put them.
_CONTROLS = re.compile(
    r"^(?:[\U0001F300-\U0001FAFF\u25b6\u23ef\ufe0f\s]*(?:Play|Listen|Click to expand|Show more|Show less|Read more|"
    r"展开全文|展开|收起|阅读全文|閱讀全文|查看全文|播放)\b.*|Click to expand|Show (?:more|less)|Read more|展开全文|收起全文)$",  # noqa: E501
    re.I,
)


def drop_noise(blocks: list[RawBlock]) -> list[RawBlock]:
    """Drops image-only blocks, empty blocks, image captions, promotion cards and clipped
    controls anywhere."""
    return [
        block
        for block in blocks
        if block.text.strip()
        and not (_CAPTION.match(block.text.strip()) and len(block.text) <= 80)
        and not (len(block.text) <= 120 and _CONTROLS.match(block.text.strip()))
        and not (len(block.text) <= _PROMOTION_CARD_CHARS and _PROMOTION_CARD.search(block.text.strip()))
    ]


def _is_tail_junk(block: RawBlock, mostly_han: bool) -> bool:
    text = block.text.strip()
    if not text or _DATED_LINE.match(text) or _TRAILING_NAVIGATION.fullmatch(text):
        return True
    if block.hrefs and block.link_chars >= 0.8 * len(text):
        return True  # a link list, 'jump to …' and the like
    if (_LEGAL.search(text) or _ABOUT.search(text)) and len(text) <= 400:
        return True  # platform and copyright notices, author and publisher boxes
    if mostly_han and not han_count(text):
        return True  # an English legal notice or a share widget under a Chinese article
    if len(text) >= _RUNNING_TEXT:
        return False  # running text is the article, whatever link or word it contains
    if _URL.search(text) or _CREDITS.match(text) or _CONTENTS_ENTRY.match(text):
        return True
    if block.bold_only and len(text) <= 20:
        return True  # promotion headings ('…开放合作啦！', '联系我们') and dangling section titles
    if len(text) <= 30 and not _SENTENCE_MARK.search(text):
        return True  # 热点新闻, 大家都在看, a column's name, a related headline: page furniture
    if block.kind == BlockKind.LIST_ITEM and len(text) <= 40 and not _SENTENCE_END.search(text):
        return True  # a related-article list
    return _PROMO_HEADING.match(text) is not None or _PROMO.search(text) is not None


def trim_tail(blocks: list[RawBlock], removed: list[RemovedBlock] | None = None) -> list[RawBlock]:
    """Cuts promotion, social links, notices and related-article lists from the end of the
    article; a long paragraph of running text is never cut, only navigation glued to its end."""
    end = len(blocks)
    body = "".join(block.text for block in blocks)
    # The floor is counted in characters: a page's furniture is many short blocks, and counting
    # blocks let a long related list push the floor into it.
    floor, read = 0, 0
    while floor < len(blocks) and read < _TAIL_SCAN * len(body):
        read += len(blocks[floor].text)
        floor += 1
    mostly_han = han_count(body) >= 0.3 * max(1, len(body))
    end = _about_box_start(blocks, floor)
    if removed is not None:
        removed.extend(RemovedBlock(block.text, TAIL) for block in reversed(blocks[end:]))
    if end:
        _strip_trailing_credit(blocks[end - 1])  # first: its brackets make a paragraph look like a list entry
    while end > floor and _is_tail_junk(blocks[end - 1], mostly_han):
        end -= 1
        if removed is not None:
            removed.append(RemovedBlock(blocks[end].text, TAIL))
    kept = blocks[:end]
    for block in kept[floor:]:
        _strip_trailing_navigation(block)
    if kept:
        _strip_trailing_credit(kept[-1])
    return kept


def _about_box_start(blocks: list[RawBlock], floor: int) -> int:
    """Where the page's closing sections of furniture begin: sections under headings such as
    '关于我们', '关注我们', '往期推荐', '推荐阅读' that close the page, when together they are
    short; else the end."""
    total = sum(len(block.text) for block in blocks) or 1
    start = len(blocks)
    for index in range(len(blocks) - 1, max(floor, 0) - 1, -1):
        block = blocks[index]
        if block.kind == BlockKind.HEADING or block.bold_only:
            text = block.text.strip()
            if not (_ABOUT_HEADING.match(text) or _PROMO_HEADING.match(text)):
                break  # a section of the article closes the page up to here
            start = index
    if start < len(blocks) and sum(len(b.text) for b in blocks[start:]) <= 0.3 * total:
        return start
    return len(blocks)


def _strip_trailing_credit(block: RawBlock) -> None:
    """'……密切相关。（供稿：党委宣传部）': the page's credit, glued to the last paragraph."""
    found = _TRAILING_CREDIT.search(block.text)
    if found and found.start() > 0:
        _cut_end(block, len(block.text) - found.start())


def _strip_trailing_navigation(block: RawBlock) -> None:
    """'（本文来源：经济日报）返回搜狐，查看更多': the link back to the site is not the article's."""
    found = _TRAILING_NAVIGATION.search(block.text)
    if found and found.start() > 0:
        _cut_end(block, len(block.text) - found.start())


def _cut_end(block: RawBlock, cut: int) -> None:
    """Takes the last ``cut`` characters off the block's runs."""
    while cut and block.runs:
        last = block.runs[-1]
        if len(last.text) <= cut:
            cut -= len(last.text)
            block.runs.pop()
        else:
            last.text = last.text[: len(last.text) - cut].rstrip()
            cut = 0


# A finance site's live quote spliced into a company's name: '贝莱德(431.2, 7.37, 1.74%)'.
_SPLICED_QUOTE = re.compile(r"[(（]\s*-?\d+(?:\.\d+)?\s*[,，]\s*-?\d+(?:\.\d+)?\s*[,，]\s*-?\d+(?:\.\d+)?%\s*[)）]")


def _strip_spliced_quotes(block: RawBlock) -> None:
    for run in block.runs:
        if "%" in run.text:
            run.text = _SPLICED_QUOTE.sub("", run.text)


def _missing(before: list[RawBlock], after: list[RawBlock]) -> list[RawBlock]:
    kept = {id(block) for block in after}
    return [block for block in before if id(block) not in kept]


def clean(blocks: list[RawBlock], meta: Metadata, removed: list[RemovedBlock] | None = None) -> list[RawBlock]:
    """The whole cleaning pass: clipper wrappers and metadata out, noise out, tail trimmed.

    Args:
        removed: when given, receives every block that was taken out, with its rule.
    """
    removed = [] if removed is None else removed
    for block in blocks:
        _strip_spliced_quotes(block)
    kept = drop_noise(blocks)
    removed.extend(RemovedBlock(block.text, CAPTION) for block in _missing(blocks, kept) if block.text.strip())
    unwrapped, wrappers = unwrap_clipping(kept, meta)
    removed.extend(RemovedBlock(block.text, CLIPPER) for block in wrappers)
    extracted = extract_metadata(unwrapped, meta)
    removed.extend(RemovedBlock(block.text, METADATA) for block in _missing(unwrapped, extracted))
    return trim_tail(extracted, removed)
