"""Text folding for literal matching, below both search and annotations (their --search): case,
full-width/half-width forms and white space are ignored. Every folded character remembers where it came from, so a
match in folded text maps back to exact offsets in the original."""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import NamedTuple


@lru_cache(maxsize=65536)
def _fold_char(char: str) -> str:
    if char.isspace():
        return ""
    return "".join(c for c in unicodedata.normalize("NFKC", char).casefold() if not c.isspace())


class Folded(NamedTuple):
    text: str
    origins: tuple[int, ...]  # origins[i] = index in the original text of folded character i

    def original_span(self, start: int, end: int, original_length: int) -> tuple[int, int]:
        """Maps the folded span [start, end) back to a span of the original text."""
        first = self.origins[start]
        last = self.origins[end - 1] + 1 if end > start else first
        return first, min(last, original_length)


def fold(text: str) -> Folded:
    chars: list[str] = []
    origins: list[int] = []
    for index, char in enumerate(text):
        for folded in _fold_char(char):
            chars.append(folded)
            origins.append(index)
    return Folded("".join(chars), tuple(origins))


def fold_text(text: str) -> str:
    return "".join(_fold_char(char) for char in text)


def literal_spans(text: str, needles: list[str]) -> list[tuple[int, int]]:
    """Every occurrence of each (folded) needle in text, as sorted spans of the original text."""
    folded = fold(text)
    spans: set[tuple[int, int]] = set()
    for needle in needles:
        if not needle:
            continue
        start = folded.text.find(needle)
        while start != -1:
            spans.add(folded.original_span(start, start + len(needle), len(text)))
            start = folded.text.find(needle, start + 1)
    return sorted(spans)
