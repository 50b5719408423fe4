"""Every indexed block's text, folded, in one string: the part of the index that guarantees
literal recall.

A word index cannot promise that any run of characters is found (jieba's boundaries split
``中国人的`` as ``中国 / 人 / 的``), and an n-gram phrase index in whoosh is slow on common
grams. A substring search over the folded texts of all blocks, laid end to end, is exact by
construction and runs in C (``str.find``), with one step per matching block rather than per
block: tens of milliseconds for millions of characters.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop_app.chinese_scripts import is_traditional
from desktop_app.corpus.model import Article
from desktop_app.files import write_text_atomically
from desktop_app.folding import fold_text

# Folding removes white space, so a newline can never be part of a folded needle or text: it
# separates blocks without ever producing a match that straddles two of them.
_SEPARATOR = "\n"
TABLE_FILE = "aigc-blocks.json"


@dataclass(frozen=True)
class BlockRow:
    """A block's text, or (``speaker_line``) the line the reader shows above the turn that
    starts at the block: the speaker's name and affiliation, searchable like any text."""

    article: str
    block: int
    speaker: str | None
    topic: int | None
    text: str
    folded: str
    speaker_line: bool = False
    traditional: bool = False  # written in Traditional characters: the other vocabulary's phrasings apply

    @property
    def key(self) -> str:
        return f"{self.article}:{self.block}" + (":speaker" if self.speaker_line else "")


def speaker_line(article: Article, name: str) -> str:
    """The name line above a turn as the reader shows it: the name, then the affiliation."""
    speaker = article.speaker(name)
    return f"{name}  {speaker.affiliation}" if speaker and speaker.affiliation else name


def rows_of(article: Article) -> list[BlockRow]:
    """The article's rows in reading order: a turn's speaker line comes before its first block.
    A row's script is its own, or the article's when its characters are common to both."""
    article_traditional = bool(is_traditional("".join(block.text for block in article.blocks)))
    turn_starts = {turn.block: turn.speaker for turn in article.turns}
    rows = []

    def row(index: int, speaker: str | None, topic: int | None, text: str, line: bool = False) -> BlockRow:
        script = is_traditional(text)
        traditional = article_traditional if script is None else script
        return BlockRow(article.id, index, speaker, topic, text, fold_text(text, scripts=True), line, traditional)

    for index, block in enumerate(article.blocks):
        name = turn_starts.get(index)
        if name:
            rows.append(row(index, name, block.topic, speaker_line(article, name), line=True))
        rows.append(row(index, block.speaker, block.topic, block.text))
    return rows


class BlockTable:
    """Rows ordered by article, then block; an article's rows are contiguous."""

    def __init__(self, rows: Iterable[BlockRow]) -> None:
        self.rows = list(rows)
        self._haystack = _SEPARATOR.join(row.folded for row in self.rows)
        self._starts: list[int] = []
        position = 0
        for row in self.rows:
            self._starts.append(position)
            position += len(row.folded) + 1
        self._starts.append(position)  # sentinel: one past the end
        self.average_length = sum(len(row.folded) for row in self.rows) / len(self.rows) if self.rows else 0.0

    def __len__(self) -> int:
        return len(self.rows)

    def by_article(self) -> dict[str, list[BlockRow]]:
        grouped: dict[str, list[BlockRow]] = {}
        for row in self.rows:
            grouped.setdefault(row.article, []).append(row)
        return grouped

    def containing(self, needle: str) -> Iterator[int]:
        """Row numbers whose folded text contains the (folded, non-empty) needle, in order."""
        starts, find = self._starts, self._haystack.find
        found = find(needle)
        while found != -1:
            row = bisect_right(starts, found) - 1
            yield row
            found = find(needle, starts[row + 1])  # one step per matching row, not per occurrence

    # -- on disk ----------------------------------------------------------------------------
    def save(self, path: Path) -> None:
        payload = [
            [r.article, r.block, r.speaker, r.topic, r.text, r.folded, r.speaker_line, r.traditional] for r in self.rows
        ]
        write_text_atomically(path, json.dumps(payload, ensure_ascii=False, separators=(",", ":")))

    @classmethod
    def load(cls, path: Path) -> BlockTable:
        """Raises ValueError (or OSError) when the file is missing or not a table."""
        payload: Any = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(payload, list):
            raise ValueError("not a block table")
        try:
            return cls(
                BlockRow(
                    _text(a),
                    _number(b),
                    None if s is None else _text(s),
                    None if t is None else _number(t),
                    _text(text),
                    _text(folded),
                    _flag(line),
                    _flag(traditional),
                )
                for a, b, s, t, text, folded, line, traditional in payload
            )
        except (TypeError, ValueError, OverflowError) as error:
            raise ValueError(f"not a block table: {error}") from None


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is not text")
    return value


def _flag(value: object) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"{value!r} is not a flag")
    return value


def _number(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValueError(f"{value!r} is not a block number")
    return value
