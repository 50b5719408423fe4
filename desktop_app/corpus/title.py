"""A title for an article whose source has none: the talk, event or book it reports on, never an
image or a URL."""

from __future__ import annotations

import re
from collections.abc import Sequence

from desktop_app.corpus.model import Block, BlockKind

_TITLED = re.compile(r"题为《([^》]{2,40})》")
_EVENT = re.compile(r"[“\"]([^”\"]{4,60}(?:论坛|峰会|大会|发布会|研讨会|会议|对话|沙龙|年会)[^”\"]{0,10})[”\"]")
_BOOK = re.compile(r"《([^》]{2,40})》")
_SENTENCE = re.compile(r"^(.+?)[。！？!?]")
_INTRO_BLOCKS = 6
_HAN = re.compile(r"[\u4e00-\u9fff]")
_TITLE_LIKE_NAME = 4


def derive_title(blocks: Sequence[Block], file_name: str = "") -> str:
    """The title of an article whose source declares none: a talk, event or book the
    introduction names, a lone first heading (one of several at its level is a section's, never
    the title), a file name that reads as a title ('对话张三：未来十年.md'), else the first sentence."""
    intro = [b.text for b in blocks[:_INTRO_BLOCKS] if b.kind != BlockKind.HEADING]
    for pattern in (_TITLED, _EVENT, _BOOK):
        for text in intro:
            found = pattern.search(text)
            if found:
                return found.group(1).strip()
    headings = [b for b in blocks if b.kind == BlockKind.HEADING]
    if headings and sum(1 for b in headings if b.level == headings[0].level) == 1:
        return headings[0].text
    if len(_HAN.findall(file_name)) >= _TITLE_LIKE_NAME:
        return file_name.strip()
    first = intro[0] if intro else "无标题"
    sentence = _SENTENCE.match(first)
    title = sentence.group(1) if sentence else first
    return title if len(title) <= 40 else title[:39] + "…"
