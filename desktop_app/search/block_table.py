"""Every indexed block's text, folded, in one string: the part of the index that guarantees
literal recall.

A word index cannot promise that any run of characters is found (jieba's boundaries split
``中国人的`` as ``中国 / 人 / 的``), and an n-gram phrase index in whoosh is slow on common
grams. A substring search over the folded texts of all blocks, laid end to end, is exact by
construction and runs in C (``matching.rows_containing``), with one step per matching block
rather than per block: tens of milliseconds for millions of characters.
"""

from __future__ import annotations

import json
import sqlite3
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path
from typing import Any

from desktop_app.chinese_scripts import is_traditional, script_counts, traditional_by_counts
from desktop_app.corpus.model import Article
from desktop_app.folding import fold_text

# Folding removes white space, so a newline can never be part of a folded needle or text: it
# separates blocks without ever producing a match that straddles two of them.
SEPARATOR = "\n"
TABLE_FILE = "aigc-blocks.sqlite3"


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
    # The text folded without scripts, where that differs from folded (``BlockTable.unscripted``);
    # computed once here for both the table in memory and the file.
    unscripted: str | None = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "unscripted", _unscripted(self.text, self.folded))


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
    """The rows as columns, one entry a row, ordered by article, then block; an article's rows
    are contiguous. Only what matching and ranking read is held: the folded texts, end to end,
    and each row's few facts. A hit's original text is read from the file (``texts``).

    At 10,000 articles a row object with its text and folded text cost ~1 KB of memory a
    block; this costs the folded text and ~60 bytes a row."""

    def __init__(self, rows: Iterable[BlockRow] = ()) -> None:
        self.articles: list[str] = []  # shared strings: one an article, not one a row
        self.blocks: list[int] = []
        self.speakers: list[str | None] = []
        self.topics: list[int | None] = []
        self.speaker_lines = bytearray()
        self.traditional = bytearray()  # written in Traditional: the other vocabulary's phrasings apply
        # The text folded without scripts (exact-script matching), only where the scripts fold
        # changed it (Simplified text folds the same either way).
        self.unscripted: list[str | None] = []
        # Every row's folded text and a separator, end to end; starts[k] is where row k begins,
        # and a last entry is the length (one past the end).
        self.haystack = ""
        self.starts = array("q", [0])  # machine integers: a list of ints cost 36 bytes a row
        self._parts: list[str] = []  # the haystack's pieces appended since it was last joined
        # What queries compute from the columns once a table (``script_runs``, ``matching``'s
        # arrays), emptied when rows are appended.
        self.derived: dict[str, Any] = {}
        self._append_rows(list(rows))
        self._join()

    def _append_rows(self, rows: list[BlockRow]) -> None:
        shared: dict[str, str] = {}
        self._append_columns(
            [shared.setdefault(row.article, row.article) for row in rows],
            [row.block for row in rows],
            [row.speaker if row.speaker is None else shared.setdefault(row.speaker, row.speaker) for row in rows],
            [row.topic for row in rows],
            bytes(row.speaker_line for row in rows),
            bytes(row.traditional for row in rows),
            [row.unscripted for row in rows],
            *self._laid_end_to_end([row.folded for row in rows]),
        )

    def _append_columns(
        self,
        articles: list[str],
        blocks: list[int],
        speakers: list[str | None],
        topics: list[int | None],
        speaker_lines: bytes | bytearray,
        traditional: bytes | bytearray,
        unscripted: list[str | None],
        haystack: str,
        ends: list[int],
    ) -> None:
        """Appends rows: their columns, folded texts (each with its separator), and where each
        of them ends in the haystack once appended (one past its separator)."""
        self.starts.extend(ends)
        self.articles += articles
        self.blocks += blocks
        self.speakers += speakers
        self.topics += topics
        self.speaker_lines += speaker_lines
        self.traditional += traditional
        self.unscripted += unscripted
        self._parts.append(haystack)  # joined once all are appended: appending to the string each time was quadratic

    def _laid_end_to_end(self, folded: list[str] | tuple[str, ...]) -> tuple[str, list[int]]:
        """Folded texts as ``_append_columns`` takes them: end to end, and where each ends."""
        ends = accumulate((len(text) + 1 for text in folded), initial=self.starts[-1])
        return "".join(text + SEPARATOR for text in folded), list(ends)[1:]

    def _join(self) -> None:
        self.haystack = "".join([self.haystack, *self._parts])
        self._parts.clear()

    @property
    def average_length(self) -> float:
        """Of the rows' folded texts (BM25's length normalisation)."""
        return (len(self.haystack) - len(self)) / len(self) if self.articles else 0.0

    def __len__(self) -> int:
        return len(self.articles)

    def __eq__(self, other: object) -> bool:
        """The same rows: the same columns and texts (what was computed from them aside)."""
        if not isinstance(other, BlockTable):
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in _COLUMNS)

    __hash__ = None  # type: ignore[assignment]  # mutable: extend appends in place

    def folded(self, row: int) -> str:
        return self.haystack[self.starts[row] : self.starts[row + 1] - 1]

    def exact_folded(self, row: int) -> str:
        """The row's text folded without scripts."""
        return self.unscripted[row] or self.folded(row)

    def script_runs(self, traditional: bool) -> list[tuple[int, int]]:
        """The runs of consecutive rows written in Traditional (or not): a phrasing of one
        script's vocabulary is looked for in that script's text only, which in a library
        mostly of the other script is a few articles' worth."""
        key = int(traditional)
        runs: list[tuple[int, int]] | None = self.derived.get(f"script_runs:{key}")
        if runs is None:
            flags, runs, row = self.traditional, [], 0
            wanted, other = bytes([key]), bytes([1 - key])
            while (first := flags.find(wanted, row)) != -1:
                row = flags.find(other, first)
                row = len(flags) if row == -1 else row
                runs.append((first, row))
            self.derived[f"script_runs:{key}"] = runs
        return runs

    def replaced(self, fresh: BlockTable, gone: Iterable[str]) -> BlockTable:
        """The table without the rows of the articles gone, and with fresh's rows (a new table: a
        search may still be reading this one). An article with new rows is among the gone ones
        (an article left with no rows has none in fresh). The rows kept are copied a run of
        articles at a time (slicing, in C): adding one article to 10,000 takes ~50 ms."""
        table = BlockTable()
        kept_from = 0
        for article in sorted({*gone, *fresh.articles}):
            first = bisect_left(self.articles, article, lo=kept_from)
            table._append_slice(self, kept_from, first)
            table._append_slice(fresh, bisect_left(fresh.articles, article), bisect_right(fresh.articles, article))
            kept_from = bisect_right(self.articles, article, lo=first)
        table._append_slice(self, kept_from, len(self))
        table._join()
        return table

    def can_extend(self, articles: list[str]) -> bool:
        """Whether these articles all come after the table's last one (``extend``)."""
        return not self.articles or not articles or min(articles) > self.articles[-1]

    def extend(self, fresh: BlockTable) -> None:
        """Appends fresh's rows in place (``can_extend``): the rows there already keep their
        numbers and contents, so a search that has just read this table stays right; a
        following window appends each batch of a build without copying the table."""
        self._append_slice(fresh, 0, len(fresh))
        self._join()
        self.derived.clear()

    def _append_slice(self, other: BlockTable, first: int, last: int) -> None:
        if first >= last:
            return
        self._append_columns(
            other.articles[first:last],
            other.blocks[first:last],
            other.speakers[first:last],
            other.topics[first:last],
            other.speaker_lines[first:last],
            other.traditional[first:last],
            other.unscripted[first:last],
            other.haystack[other.starts[first] : other.starts[last]],
            list(map((self.starts[-1] - other.starts[first]).__add__, other.starts[first + 1 : last + 1])),
        )

    def sequence(self, row: int) -> int:
        """The row's place among its article's rows (its key in the file, with the article)."""
        return row - bisect_left(self.articles, self.articles[row])

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
                "INSERT INTO rows VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    (
                        a,
                        seq,
                        r.block,
                        r.speaker,
                        r.topic,
                        int(r.speaker_line),
                        int(r.traditional),
                        r.text,
                        r.folded,
                        r.unscripted,
                    )
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
    def load(cls, path: Path, articles: list[str] | None = None) -> BlockTable:
        """The table in the file, or only the rows of these articles. Raises ValueError (or
        OSError) when the file is missing or not a table."""
        where, arguments = "", []
        if articles is not None:
            where, arguments = "WHERE article IN (SELECT value FROM json_each(?))", [json.dumps(articles)]
        with _reading(path) as connection:
            bad = connection.execute(_DAMAGED + where.replace("WHERE", " AND"), arguments)
            if count := bad.fetchone()[0]:
                raise ValueError(f"not a block table: {count} damaged rows")
            table = cls()
            shared: dict[str, str] = {}
            cursor = connection.execute(
                "SELECT article, block, speaker, topic, speaker_line, traditional, unscripted, folded FROM rows"
                f" {where} ORDER BY article, seq",
                arguments,
            )
            while chunk := cursor.fetchmany(20000):
                ids, blocks, speakers, topics, lines, scripts, unscripted, folded = zip(*chunk, strict=True)
                table._append_columns(
                    [shared.setdefault(a, a) for a in ids],
                    list(blocks),
                    [s if s is None else shared.setdefault(s, s) for s in speakers],
                    list(topics),
                    bytes(lines),
                    bytes(scripts),
                    list(unscripted),
                    *table._laid_end_to_end(folded),
                )
            table._join()
        return table

    def texts(self, path: Path, rows: list[int]) -> list[str]:
        """The original texts of these rows, from the file the table was loaded from. Raises
        ValueError when the file no longer holds what the table does (another process has
        rewritten it since): the caller loads the table again."""
        texts = []
        with _reading(path) as connection:
            for row in rows:
                found = connection.execute(
                    "SELECT text, folded FROM rows WHERE article = ? AND seq = ?",
                    (self.articles[row], self.sequence(row)),
                ).fetchone()
                if found is None or found[1] != self.folded(row):
                    raise ValueError("the block table changed on disk")
                texts.append(found[0])
        return texts


_COLUMNS = (
    "articles",
    "blocks",
    "speakers",
    "topics",
    "speaker_lines",
    "traditional",
    "unscripted",
    "haystack",
    "starts",
)


def _unscripted(text: str, folded: str) -> str | None:
    exact = fold_text(text)
    return None if exact == folded else exact


@contextmanager
def _reading(path: Path) -> Iterator[sqlite3.Connection]:
    """A read-only connection; a file that is missing or not a table raises OSError or ValueError."""
    if not path.is_file():
        raise OSError(f"{path} is missing")
    try:
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as error:
        raise OSError(f"cannot open {path}: {error}") from None
    try:
        yield connection
    except sqlite3.Error as error:
        raise ValueError(f"not a block table: {error}") from None
    finally:
        connection.close()


_CREATE = """CREATE TABLE IF NOT EXISTS rows (
    article TEXT NOT NULL, seq INTEGER NOT NULL, block INTEGER NOT NULL, speaker TEXT, topic INTEGER,
    speaker_line INTEGER NOT NULL, traditional INTEGER NOT NULL, text TEXT NOT NULL, folded TEXT NOT NULL,
    unscripted TEXT,
    PRIMARY KEY (article, seq)
) STRICT, WITHOUT ROWID"""
# Values no writer of this version leaves (a hand edit, a damaged page read back as numbers).
_DAMAGED = """SELECT count(*) FROM rows WHERE (block < 0 OR topic < 0 OR speaker_line NOT IN (0, 1)
    OR traditional NOT IN (0, 1) OR instr(folded, char(10)) > 0)"""
