"""Every indexed block's text, folded, in one string: the part of the index that guarantees
literal recall.

A word index cannot promise that any run of characters is found (jieba's boundaries split
``中国人的`` as ``中国 / 人 / 的``), and an n-gram phrase index in whoosh is slow on common
grams. A substring search over the folded texts of all blocks, laid end to end, is exact by
construction and runs in C (``str.find``), with one step per matching block rather than per
block: tens of milliseconds for millions of characters.
"""

from __future__ import annotations

import sqlite3
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from desktop_app.chinese_scripts import is_traditional, script_counts, traditional_by_counts
from desktop_app.corpus.model import Article
from desktop_app.folding import fold_text

# Folding removes white space, so a newline can never be part of a folded needle or text: it
# separates blocks without ever producing a match that straddles two of them.
_SEPARATOR = "\n"
TABLE_FILE = "aigc-blocks.sqlite3"
SPLICE_LIMIT = 8  # articles an update splices into the table in memory; more, and it is built again


@dataclass(frozen=True, slots=True)  # slots: 400,000 rows at 10,000 articles
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


def speaker_line(article: Article, name: str) -> str:
    """The name line above a turn as the reader shows it: the name, then the affiliation."""
    speaker = article.speaker(name)
    return f"{name}  {speaker.affiliation}" if speaker and speaker.affiliation else name


def rows_of(article: Article) -> list[BlockRow]:
    """The article's rows in reading order: a turn's speaker line comes before its first block.
    A row's script is its own, or the article's when its characters are common to both."""
    counts = [script_counts(block.text) for block in article.blocks]
    article_traditional = bool(traditional_by_counts(sum(c[0] for c in counts), sum(c[1] for c in counts)))
    turn_starts = {turn.block: turn.speaker for turn in article.turns}
    rows = []

    def row(
        index: int, speaker: str | None, topic: int | None, text: str, line: bool = False, script: bool | None = None
    ) -> BlockRow:
        traditional = article_traditional if script is None else script
        return BlockRow(article.id, index, speaker, topic, text, fold_text(text, scripts=True), line, traditional)

    for index, block in enumerate(article.blocks):
        name = turn_starts.get(index)
        if name:
            line = speaker_line(article, name)
            rows.append(row(index, name, block.topic, line, line=True, script=is_traditional(line)))
        rows.append(row(index, block.speaker, block.topic, block.text, script=traditional_by_counts(*counts[index])))
    return rows


class BlockTable:
    """Rows ordered by article, then block; an article's rows are contiguous."""

    def __init__(self, rows: Iterable[BlockRow]) -> None:
        self.rows: list[BlockRow] = []
        # Columns of the rows, for the ranking's comprehensions (a list index beats an attribute).
        self.folded: list[str] = []
        self.lengths: list[int] = []
        self.speaker_lines: list[bool] = []
        self.traditional: list[bool] = []
        self._articles: list[str] = []
        # Every row's folded text and a separator, end to end; _starts[k] is where row k begins,
        # and a last entry is the length (one past the end).
        self._haystack = ""
        self._starts = [0]
        self._total = 0
        self._put(0, 0, list(rows))

    @property
    def average_length(self) -> float:
        return self._total / len(self.rows) if self.rows else 0.0

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

    def replaced(self, fresh: dict[str, list[BlockRow]], removed: Iterable[str]) -> BlockTable:
        """The table with the articles in fresh given these rows and the removed ones gone (a new
        table: a search may still be reading this one)."""
        removed = [article for article in removed if article not in fresh]
        if len(fresh) + len(removed) > SPLICE_LIMIT:
            grouped = self.by_article()
            for article in removed:
                grouped.pop(article, None)
            grouped.update(fresh)
            return BlockTable(row for article in sorted(grouped) for row in grouped[article])
        table = self._copy()
        for article, rows in [*fresh.items(), *((article, []) for article in removed)]:
            table._splice(article, rows)
        return table

    def _copy(self) -> BlockTable:
        table = object.__new__(BlockTable)
        table.__dict__.update(
            {name: value[:] if isinstance(value, list) else value for name, value in vars(self).items()}
        )
        return table

    def _splice(self, article: str, rows: list[BlockRow]) -> None:
        """Puts rows in place of the article's (or where it belongs): list and string slicing in
        C, ~50 ms at 10,000 articles where building the table again takes ~0.5 s."""
        self._put(bisect_left(self._articles, article), bisect_right(self._articles, article), rows)

    def _put(self, first: int, last: int, rows: list[BlockRow]) -> None:
        """Puts rows in place of rows first to last (exclusive), in every column."""
        folded = [row.folded for row in rows]
        lengths = [len(text) for text in folded]
        begin, end = self._starts[first], self._starts[last]
        added = "".join(text + _SEPARATOR for text in folded)
        self._haystack = self._haystack[:begin] + added + self._haystack[end:]
        starts = [begin]
        for length in lengths:
            starts.append(starts[-1] + length + 1)
        shift = len(added) - (end - begin)
        self._starts[first:] = starts[:-1] + [start + shift for start in self._starts[last:]]
        self._total += sum(lengths) - sum(self.lengths[first:last])
        self.rows[first:last] = rows
        self.folded[first:last] = folded
        self.lengths[first:last] = lengths
        self.speaker_lines[first:last] = [row.speaker_line for row in rows]
        self.traditional[first:last] = [row.traditional for row in rows]
        self._articles[first:last] = [row.article for row in rows]

    # -- on disk ----------------------------------------------------------------------------
    # One SQLite file: an update rewrites only the articles it changes (adding one article to
    # 10,000 no longer rewrites 80 MB of JSON), in one transaction.
    @staticmethod
    def write(path: Path, fresh: dict[str, list[BlockRow]], removed: Iterable[str]) -> None:
        """Replaces the rows of the articles in fresh, and deletes the removed ones', at once."""
        connection = sqlite3.connect(path, isolation_level=None)
        try:
            connection.execute(_CREATE)
            connection.execute("BEGIN IMMEDIATE")
            gone = [(article,) for article in [*fresh, *removed]]
            connection.executemany("DELETE FROM rows WHERE article = ?", gone)
            connection.executemany(
                "INSERT INTO rows VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    (a, seq, r.block, r.speaker, r.topic, int(r.speaker_line), int(r.traditional), r.text, r.folded)
                    for a, rows in fresh.items()
                    for seq, r in enumerate(rows)
                ),
            )
            connection.execute("COMMIT")
        except sqlite3.Error as error:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise OSError(f"cannot write the block table: {error}") from None
        finally:
            connection.close()

    @classmethod
    def load(cls, path: Path) -> BlockTable:
        """Raises ValueError (or OSError) when the file is missing or not a table."""
        if not path.is_file():
            raise OSError(f"{path} is missing")
        try:
            connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        except sqlite3.Error as error:
            raise OSError(f"cannot open {path}: {error}") from None
        try:
            bad = connection.execute(_DAMAGED).fetchone()[0]
            if bad:
                raise ValueError(f"not a block table: {bad} damaged rows")
            rows = connection.execute(
                "SELECT article, block, speaker, topic, text, folded, speaker_line, traditional FROM rows"
                " ORDER BY article, seq"
            ).fetchall()
        except sqlite3.Error as error:
            raise ValueError(f"not a block table: {error}") from None
        finally:
            connection.close()
        return cls(BlockRow(a, b, s, t, text, folded, bool(ln), bool(tr)) for a, b, s, t, text, folded, ln, tr in rows)


_CREATE = """CREATE TABLE IF NOT EXISTS rows (
    article TEXT NOT NULL, seq INTEGER NOT NULL, block INTEGER NOT NULL, speaker TEXT, topic INTEGER,
    speaker_line INTEGER NOT NULL, traditional INTEGER NOT NULL, text TEXT NOT NULL, folded TEXT NOT NULL,
    PRIMARY KEY (article, seq)
) STRICT, WITHOUT ROWID"""
# Values no writer of this version leaves (a hand edit, a damaged page read back as numbers).
_DAMAGED = """SELECT count(*) FROM rows WHERE block < 0 OR topic < 0 OR speaker_line NOT IN (0, 1)
    OR traditional NOT IN (0, 1) OR instr(folded, char(10)) > 0"""
