"""The search box's little language, parsed without ever raising.

    大模型 文生图        every term must match (AND), each literally
    "价值，并且打破"      a phrase (white space inside is ignored like everywhere)
    -游戏               exclude blocks that contain the term
    speaker:黄民烈  article:ID  topic:N     filters

Anything malformed (an unclosed quote, a filter with no value, a bad topic number) is read as
literal text instead, so a query always runs.

Each term matches in either script (數字人 finds 数字人, 人工智慧 finds 人工智能) unless the query
asks for its own script only (``across_scripts`` False).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from desktop_app.folding import fold_text
from desktop_app.terms import Term, term_spans

_FILTERS = ("speaker", "article", "topic")
_TOKEN = re.compile(r'-?"[^"]*"|\S+')


@dataclass
class ParsedQuery:
    terms: list[Term] = field(default_factory=list)  # must all occur
    excluded: list[Term] = field(default_factory=list)  # must not occur
    speaker: str | None = None
    article: str | None = None
    topic: int | None = None
    across_scripts: bool = True

    @property
    def is_empty(self) -> bool:
        return not (self.terms or self.speaker or self.article or self.topic is not None)

    def spans(self, original: str, traditional: bool) -> list[tuple[int, int]]:
        """Where the terms occur in the original text (offsets into it), in order."""
        return term_spans(self.terms, original, traditional)


def parse_query(text: str, across_scripts: bool = True) -> ParsedQuery:
    parsed = ParsedQuery(across_scripts=across_scripts)
    if text.count('"') % 2:
        # An unclosed quote: dropped, and the rest read as literal terms.
        text = text.replace('"', " ", 1) if text.strip() != '"' else text
    for token in _TOKEN.findall(text):
        negative = token.startswith("-") and len(token) > 1
        body = token[1:] if negative else token
        if len(body) >= 2 and body.startswith('"') and body.endswith('"'):
            if fold_text(body[1:-1]):
                (parsed.excluded if negative else parsed.terms).append(Term.of(body[1:-1], across_scripts))
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
        if fold_text(body):
            (parsed.excluded if negative else parsed.terms).append(Term.of(body, across_scripts))
    return parsed
