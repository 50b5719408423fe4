"""Text folding for literal matching, below both search and annotations (their --search): case,
full-width/half-width forms and white space are ignored, and with ``scripts`` Traditional
characters read as Simplified ones (``chinese_scripts``). Every folded character remembers where
it came from, so a match in folded text maps back to exact offsets in the original.

Search folds across scripts; the keys of outline corrections do not (``scripts`` is False by
default), so that an OpenCC update can never detach a correction from its block.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from desktop_app.chinese_scripts import simplified_table

_MAX_CACHED = 200_000  # distinct characters; a hostile file of every code point stays bounded


def _fold_char(char: str, scripts: bool) -> str:
    if char.isspace():
        return ""
    folded = "".join(c for c in unicodedata.normalize("NFKC", char).casefold() if not c.isspace())
    if scripts:
        table = simplified_table()
        folded = "".join(table.get(c, c) for c in folded)
    return folded


class _Translation(dict[int, str]):
    """A ``str.translate`` table filled on demand: folding millions of characters runs in C.

    It also knows the characters seen so far that do not fold to exactly one (white space folds
    to none, ``㎏`` to two): only those break the one-to-one line between the folded text and
    the original, so offsets are mapped by finding them alone, not by walking every character."""

    def __init__(self, scripts: bool) -> None:
        super().__init__()
        self._scripts = scripts
        self._uneven: set[str] = set()
        self._uneven_pattern: re.Pattern[str] | None = None

    def __missing__(self, code: int) -> str:
        if len(self) > _MAX_CACHED:
            self.clear()
        folded = self[code] = _fold_char(chr(code), self._scripts)
        if len(folded) != 1 and chr(code) not in self._uneven:
            self._uneven.add(chr(code))
            self._uneven_pattern = None
        return folded

    def uneven_in(self, text: str) -> Iterator[int]:
        """Where text has characters that do not fold to one (text has been translated)."""
        if not self._uneven:
            return iter(())
        if self._uneven_pattern is None:
            self._uneven_pattern = re.compile("[" + "".join(re.escape(c) for c in sorted(self._uneven)) + "]")
        return (match.start() for match in self._uneven_pattern.finditer(text))


_TRANSLATIONS = {False: _Translation(False), True: _Translation(True)}


class Folded(NamedTuple):
    text: str
    origins: Sequence[int]  # origins[i] = index in the original text of folded character i

    def original_span(self, start: int, end: int, original_length: int) -> tuple[int, int]:
        """Maps the folded span [start, end) back to a span of the original text."""
        first = self.origins[start]
        last = self.origins[end - 1] + 1 if end > start else first
        return first, min(last, original_length)


def fold(text: str, scripts: bool = False) -> Folded:
    table = _TRANSLATIONS[scripts]
    folded = text.translate(table)
    origins: list[int] = []
    after = 0  # characters before this one (and not uneven) fold to one each
    for index in table.uneven_in(text):
        origins.extend(range(after, index))
        origins.extend([index] * len(table[ord(text[index])]))
        after = index + 1
    origins.extend(range(after, len(text)))
    return Folded(folded, origins)


def fold_text(text: str, scripts: bool = False) -> str:
    return text.translate(_TRANSLATIONS[scripts])


def literal_spans(text: str, needles: list[str], scripts: bool = False) -> list[tuple[int, int]]:
    """Every occurrence of each (folded) needle in text, as sorted spans of the original text;
    an occurrence inside a longer one is not repeated."""
    folded = fold(text, scripts)
    spans: set[tuple[int, int]] = set()
    for needle in needles:
        if not needle:
            continue
        start = folded.text.find(needle)
        while start != -1:
            spans.add(folded.original_span(start, start + len(needle), len(text)))
            start = folded.text.find(needle, start + 1)
    kept: list[tuple[int, int]] = []
    reach = -1  # the furthest end so far: every earlier span starts at or before this one
    for span in sorted(spans, key=lambda span: (span[0], -span[1])):
        if span[1] > reach:
            kept.append(span)
            reach = span[1]
    return kept
