"""The search box's little language, parsed without ever raising.

    大模型 文生图        every term must match (AND), each literally
    "价值，并且打破"      a phrase (white space inside is ignored like everywhere)
    -游戏               exclude blocks that contain the term
    speaker:黄民烈  article:ID  topic:N     filters

Anything malformed (an unclosed quote, a filter with no value, a bad topic number) is read as
literal text instead, so a query always runs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from desktop_app.folding import fold_text

_FILTERS = ("speaker", "article", "topic")
_TOKEN = re.compile(r'-?"[^"]*"|\S+')


@dataclass
class ParsedQuery:
    terms: list[str] = field(default_factory=list)  # folded literals that must all occur
    excluded: list[str] = field(default_factory=list)  # folded literals that must not occur
    speaker: str | None = None
    article: str | None = None
    topic: int | None = None

    @property
    def is_empty(self) -> bool:
        return not (self.terms or self.speaker or self.article or self.topic is not None)


def parse_query(text: str) -> ParsedQuery:
    parsed = ParsedQuery()
    if text.count('"') % 2:
        # An unclosed quote: dropped, and the rest read as literal terms.
        text = text.replace('"', " ", 1) if text.strip() != '"' else text
    for token in _TOKEN.findall(text):
        negative = token.startswith("-") and len(token) > 1
        body = token[1:] if negative else token
        if len(body) >= 2 and body.startswith('"') and body.endswith('"'):
            literal = fold_text(body[1:-1])
            if literal:
                (parsed.excluded if negative else parsed.terms).append(literal)
            continue
        name, colon, value = body.partition(":")
        if colon and not negative and name.lower() in _FILTERS and value:
            if name.lower() == "topic":
                if value.isascii() and value.isdigit() and len(value) <= 9:  # not '²', not 5,000 digits
                    parsed.topic = int(value)
                    continue
            elif name.lower() == "speaker":
                parsed.speaker = value
                continue
            else:
                parsed.article = value
                continue
        literal = fold_text(body)
        if literal:
            (parsed.excluded if negative else parsed.terms).append(literal)
    return parsed
