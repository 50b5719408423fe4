"""Speaker labels as real transcripts write them, found in one block at a time.

Shapes recognised at the start of a paragraph, list item, quote or heading:
``名字：……`` and ``名字:`` (plain), bold in any arrangement (``**名字**：``, ``**名字：**……``,
``**名字** ：``), a label with an affiliation (``张三（某公司CEO）：``, ``BARON (BMWi):``), a label
alone on its line or as a heading (``### 名字：``), a bold name opening a quoted transcript turn
(``<blockquote><b>名字</b> …``), with a timestamp before it (``[00:12:30] 张三：``,
``18:35:36 张三：``), a name and a timestamp alone on a line (``说话人1 00:05``, as meeting-minute
apps export), a bracketed name (``【主持人】……``), numbered questions (``Q3：``).
Whether a candidate really names a speaker is decided for the whole article
(``speaker_acceptance``): here only its shape is read.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from desktop_app.corpus.model import BlockKind
from desktop_app.corpus.raw import RawBlock

_TIMESTAMP = re.compile(r"^[\[(（【]?\d{1,2}:\d{2}(?::\d{2})?[\])）】]?\s*")
_COLON = re.compile(r"\s*[：:]\s*")
_AFFILIATION = re.compile(r"^(?P<name>[^（(]+?)\s*[（(](?P<affiliation>[^）)]{1,40})[）)]$")
_MAX_LABEL = 24
# Inside a label: no sentence punctuation, quotes or digits-only; 《》 and · are names' own.
_NOT_IN_LABEL = re.compile(r"[。！？!?，,、；;“”\"「」『』…/=<>\[\]{}#@]|https?|^\d+$|^[\d.\s]+$")
_SPEECH_VERB = re.compile(
    r"(?:说|說|表示|指出|认为|認為|称|稱|问道|問道|回答|写道|寫道|强调|強調|透露|提到|坦言|笑言|直言|介绍|介紹)$"
)
_HAN = re.compile(r"[\u4e00-\u9fff]")
_LATIN_NAME = re.compile(r"^[A-Z][A-Za-z.'\-]*(?:\s[A-Z][A-Za-z.'\-]*){0,3}$")
# 'Speaker 1 00:05' / '张三 01:23:45' alone on a line: how meeting-minute and podcast apps export.
_STAMPED_NAME = re.compile(
    r"^(?P<name>[\u4e00-\u9fffA-Za-z·][\u4e00-\u9fffA-Za-z·' ]{0,14}?(?:\s?\d{1,2})?)\s*[\[(（]?\d{1,2}:\d{2}(?::\d{2})?[\])）]?$"  # noqa: E501
)
_BRACKETED = re.compile(r"^【(?P<label>[^】]{1,16})】\s*[：:]?\s*(?P<rest>\S.*)$", re.S)
_NUMBERED_QA = re.compile(r"^([QA])\s?\d{1,2}$")
_NAME_ALONE = re.compile(
    r"^(?:[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,6}(?:·[\u4e00-\u9fff]{1,8})+|[A-Z][A-Za-z]+(?:\s[A-Z][A-Za-z]+){0,2})$"
)


# A role word before the name ('主持人 Tracy', '嘉宾Cameron Johnson', '记者 李四'): the name is the
# speaker, the word says their role.
_ROLE_PREFIX = re.compile(
    r"^(?P<role>主持人|主持|主播|记者|記者|编者|編者|采访者|採訪者|嘉宾|嘉賓|来宾|來賓|受访者|受訪者|Host|Guest)"
    r"\s*(?P<name>[\u4e00-\u9fff·]{2,6}|[A-Z][A-Za-z.'\-]*(?: [A-Z][A-Za-z.'\-]*){0,2})$"
)
_HOST_PREFIXES = ("主持", "主播", "记者", "記者", "编者", "編者", "采访者", "採訪者", "Host")


def split_role_prefix(label: str) -> tuple[str, str] | None:
    """(name, 'host' or 'guest') for a label that puts a role word before the name."""
    found = _ROLE_PREFIX.match(label.strip())
    if not found:
        return None
    return found.group("name"), "host" if found.group("role").startswith(_HOST_PREFIXES) else "guest"


class LabelCandidate(NamedTuple):
    """A block that may open a speaker's turn."""

    label: str  # as written, without colon, emphasis or timestamp: '曾志豪（傳媒人）', '晚点'
    name: str  # the label without a bracketed affiliation
    affiliation: str | None  # the bracketed affiliation, if any
    rest: str  # the block's text after the label ('' when the label stands alone)
    bold: bool  # the label is emphasised (or a heading): a stronger sign than plain text
    colon: bool  # the label ends in a colon (a bold name opening a quoted turn has none)
    kind: str = BlockKind.PARAGRAPH  # the block's kind
    role: str | None = None  # 'host' or 'guest' when the label says so ('主持人 张三')


def _clean_label(label: str) -> str:
    return label.strip(" \t*_\u3000")


def _shape_ok(label: str) -> bool:
    if not label or len(label) > _MAX_LABEL or _NOT_IN_LABEL.search(label):
        return False
    if not (_HAN.search(label) or _LATIN_NAME.match(re.split(r"[（(]", label)[0].strip())):
        return False
    return not _SPEECH_VERB.search(label) or label in {"问", "問"}


def _split_affiliation(label: str) -> tuple[str, str | None]:
    found = _AFFILIATION.match(label)
    if found:
        return found.group("name").strip(), found.group("affiliation").strip()
    return label, None


def find_label(block: RawBlock) -> LabelCandidate | None:
    """The label that opens this block, or None. Reads the block's shape only."""
    text = block.text.strip()
    if not text or len(text) < 2:
        return None
    stamped = _STAMPED_NAME.match(text) if block.kind != BlockKind.HEADING or len(text) <= 30 else None
    if stamped and _shape_ok(stamped.group("name").rstrip("0123456789 ") or "x1"):
        name = stamped.group("name").strip()
        return LabelCandidate(name, name, None, "", True, False, block.kind)
    bracketed = _BRACKETED.match(text)
    if bracketed and _shape_ok(bracketed.group("label")):
        label = bracketed.group("label").strip()
        name, affiliation = _split_affiliation(label)
        return LabelCandidate(label, name, affiliation, bracketed.group("rest").strip(), True, True, block.kind)
    stamp = _TIMESTAMP.match(text)
    body = text[stamp.end() :] if stamp else text
    lead = block.leading_bold
    colon = _COLON.search(body[: _MAX_LABEL + 16])
    if colon and colon.start() > 0 and not body[colon.end() - 1 : colon.end() + 1].startswith(":/"):
        label = _clean_label(body[: colon.start()])
        if re.fullmatch(r"\[[^\[\]]{1,20}\]", label):
            label = label[1:-1].strip()  # '**[Henry]**: ' names Henry
        rest = body[colon.end() :].strip(" *_\u3000")
        bold = block.kind == BlockKind.HEADING or (bool(lead) and _clean_label(lead).startswith(label[:2]))
        name, affiliation = _split_affiliation(label)
        numbered = _NUMBERED_QA.match(name)
        if numbered:  # 'Q3：' asks the third question; the asker is Q
            return LabelCandidate(label, numbered.group(1), affiliation, rest, bold, True, block.kind)
        if _shape_ok(label) and _shape_ok(name):
            prefixed = split_role_prefix(name)
            if prefixed:
                return LabelCandidate(label, prefixed[0], affiliation, rest, bold, True, block.kind, prefixed[1])
            return LabelCandidate(label, name, affiliation, rest, bold, True, block.kind)
        return None
    if block.kind == BlockKind.QUOTE and lead and _NAME_ALONE.match(_clean_label(lead)):
        # '<blockquote><b>罗丹妮</b> 首先……': a transcript turn opened by the bold name alone.
        label = _clean_label(lead)
        rest = block.after_leading_bold.strip()
        if rest:
            return LabelCandidate(label, label, None, rest, True, False, block.kind)
    return None
