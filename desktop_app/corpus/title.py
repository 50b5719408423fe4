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


def derive_title(blocks: Sequence[Block]) -> str:
    intro = [b.text for b in blocks[:_INTRO_BLOCKS] if b.kind != BlockKind.HEADING]
    for pattern in (_TITLED, _EVENT, _BOOK):
        for text in intro:
            found = pattern.search(text)
            if found:
                return found.group(1).strip()
    heading = next((b.text for b in blocks if b.kind == BlockKind.HEADING), None)
    if heading:
        return heading
    first = intro[0] if intro else "无标题"
    sentence = _SENTENCE.match(first)
    title = sentence.group(1) if sentence else first
    return title if len(title) <= 40 else title[:39] + "…"
