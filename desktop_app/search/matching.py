"""Answering a query over a snapshot of the index: which rows match (literally, in the block
table) and in what order (BM25 on the words, with whoosh's statistics).

Written for the common case at 10,000 articles, a single common term in ~50,000 of 260,000
rows. Every step a row is taken in C: ``str.find``/``str.count`` called through ``map`` over
the rows' spans, a regular expression where matching rows are dense, and NumPy for row numbers,
masks and the arithmetic. Loaded with the search engine, off the window's start-up path.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from itertools import compress, repeat
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from desktop_app.search.block_table import SEPARATOR, BlockTable
from desktop_app.search.query import ParsedQuery
from desktop_app.search.query_words import query_words
from desktop_app.terms import Term

if TYPE_CHECKING:
    from whoosh.searching import Searcher

Rows = npt.NDArray[np.int64]  # row numbers, ascending
Mask = npt.NDArray[np.bool_]  # one flag a row of some Rows
# Finding matching rows one ``find`` at a time costs ~0.6 us of Python a row; a regular
# expression that matches the needle and the rest of its row costs nothing a row but scans
# about twice as slowly. Below one row in this many characters, find's scan wins.
DENSE_CHARS_PER_ROW = 4000
DENSITY_SAMPLE = 256  # rows: how often the density is checked


@dataclass(frozen=True, slots=True)
class Vectors:
    """The table's columns that whole-query arithmetic reads, as arrays."""

    starts: Rows  # BlockTable.starts
    speaker_lines: Mask
    traditional: Mask


def vectors(table: BlockTable) -> Vectors:
    """The table's arrays, made once a table (and again after rows are appended)."""
    made = table.derived.get("vectors")
    if made is None:
        made = table.derived["vectors"] = Vectors(
            starts=np.array(table.starts, dtype=np.int64),
            speaker_lines=np.frombuffer(bytes(table.speaker_lines), dtype=np.bool_),
            traditional=np.frombuffer(bytes(table.traditional), dtype=np.bool_),
        )
    assert isinstance(made, Vectors)
    return made


def rows_containing(table: BlockTable, needle: str, runs: list[tuple[int, int]] | None = None) -> Rows:
    """Row numbers whose folded text contains the (folded, non-empty) needle, in order; only
    in the runs of rows given (first, last exclusive), if given."""
    spans = [(0, len(table))] if runs is None else runs
    found = [_rows_between(table, needle, table.starts[first], table.starts[last]) for first, last in spans]
    return np.concatenate(found) if found else np.empty(0, dtype=np.int64)


def _rows_between(table: BlockTable, needle: str, begin: int, end: int) -> Rows:
    """The rows containing the needle in the haystack's characters from begin to end (a row
    boundary each): found with ``find``, one step a row, until the rows found come thicker than
    one in ``DENSE_CHARS_PER_ROW`` characters; then the rest with a regular expression."""
    starts, find = table.starts, table.haystack.find
    rows: list[int] = []
    sample_from = begin
    found = find(needle, begin, end)
    while found != -1:
        row = bisect_right(starts, found) - 1
        rows.append(row)
        position = starts[row + 1]  # one step per matching row, not per occurrence
        if len(rows) % DENSITY_SAMPLE == 0:
            if position - sample_from < DENSITY_SAMPLE * DENSE_CHARS_PER_ROW:
                rest = _rows_matching(table, needle, position, end)
                return np.concatenate([np.array(rows, dtype=np.int64), rest])
            sample_from = position
        found = find(needle, position, end)
    return np.array(rows, dtype=np.int64)


def _rows_matching(table: BlockTable, needle: str, begin: int, end: int) -> Rows:
    # The needle and the rest of its row: one match a row, each found in C. The separator is
    # never in a needle, so a match never runs into the next row.
    pattern = re.compile(re.escape(needle) + f"[^{SEPARATOR}]*")
    found = np.fromiter(map(re.Match.start, pattern.finditer(table.haystack, begin, end)), dtype=np.int64)
    return np.searchsorted(vectors(table).starts, found, side="right") - 1


def matching_rows(table: BlockTable, parsed: ParsedQuery) -> Rows:
    """The numbers of the rows that contain every term and no excluded one and pass the
    filters, in order.

    Written for the common case at 10,000 articles, a single common term matching ~50,000
    rows: the longest term (likely the rarest) is found by scanning, and every other term is
    only checked in the rows found, without copying their text."""
    if parsed.terms:
        first, *others = sorted(parsed.terms, key=lambda term: len(term.key), reverse=True)
        rows = _rows_with(table, first)
        for term in others:
            rows = rows[_occurs_in(table, term, rows)]
    else:
        rows = np.arange(len(table), dtype=np.int64)
    for term in parsed.excluded:
        rows = rows[~_occurs_in(table, term, rows)]
    filters: list[tuple[Sequence[object], object]] = [
        (table.speakers, parsed.speaker),
        (table.articles, parsed.article),
        (table.topics, parsed.topic),
    ]
    for column, wanted in filters:
        if wanted is not None:
            rows = rows[_each(rows, partial(_equals, column, wanted))]
    return rows


def _equals(column: Sequence[object], wanted: object, row: int) -> bool:
    return column[row] == wanted


def _each(rows: Rows, predicate: Callable[[int], bool]) -> Mask:
    """The predicate of each row, as a mask of the rows."""
    return np.fromiter(map(predicate, rows.tolist()), dtype=np.bool_, count=len(rows))


def _rows_with(table: BlockTable, term: Term) -> Rows:
    """The rows the term occurs in (``Term.occurs``), in order, found by scanning."""
    rows = rows_containing(table, term.key)
    if not term.across_scripts:
        exact = table.exact_folded
        return rows[_each(rows, lambda n: term.exact in exact(n))]
    # A phrasing of the other script's vocabulary counts in text of that script (and only where
    # the library has text of that script: ``Term.traditional`` is costly to make).
    others = [
        rows_containing(table, form, runs)
        for traditional in (False, True)
        if (runs := table.script_runs(traditional))
        for form in term.forms(traditional)[1:]
    ]
    return np.unique(np.concatenate([rows, *others])) if others else rows


def _occurs_in(table: BlockTable, term: Term, rows: Rows) -> Mask:
    """``Term.occurs`` for each of these rows, as a mask, without copying their texts: one
    ``find`` a row over its span of the haystack, the calls made in C (``map``)."""
    starts = vectors(table).starts
    begins, ends = starts[rows].tolist(), starts[rows + 1].tolist()

    def finds(needle: str, where: Mask | None = None) -> Mask:
        first, last = (begins, ends) if where is None else (_picked(begins, where), _picked(ends, where))
        found = map(table.haystack.find, repeat(needle), first, last)
        return np.not_equal(np.fromiter(found, dtype=np.int64, count=len(first)), -1)

    occurs = finds(term.key)
    if not term.across_scripts:
        exact = table.exact_folded
        occurs[occurs] = _each(rows[occurs], lambda n: term.exact in exact(n))
        return occurs
    traditional = vectors(table).traditional[rows]
    for script, in_script in ((False, ~traditional), (True, traditional)):
        if not in_script.any():
            continue  # no row of that script: its phrasings are not even made
        for form in term.forms(script)[1:]:  # a phrasing of one script's vocabulary counts in text of that script
            unfound = in_script & ~occurs
            occurs[unfound] = finds(form, unfound)
    return occurs


def _picked(values: list[int], where: Mask) -> list[int]:
    return list(compress(values, where.tolist()))


def words_to_rank(table: BlockTable, searcher: Searcher, parsed: ParsedQuery) -> list[str]:
    """The words that the index knows (``query_words``) of every phrasing of the terms for which
    the table has text: the key, and each script's phrasings where rows of that script exist."""
    reader = searcher.reader()
    known: dict[str, bool] = {}

    def is_known(word: str) -> bool:
        if word not in known:
            known[word] = ("words", word) in reader
        return known[word]

    scripts = [traditional for traditional in (False, True) if table.script_runs(traditional)]
    forms = [form for term in parsed.terms for script in scripts for form in term.forms(script)]
    forms += [term.key for term in parsed.terms]  # an empty table has no script, still a key
    return list(dict.fromkeys(word for form in forms for word in query_words(form, is_known)))


BM25_K1, BM25_B = 1.2, 0.75  # whoosh's BM25F defaults


def rank(
    table: BlockTable, searcher: Searcher, rows: Rows, words: list[str], limit: int | None
) -> list[tuple[int, float]]:
    """Speaker lines first, in reading order; then BM25 on jieba's words, best first (ties and
    blocks that match no word keep reading order). Rows by number, with their scores.

    The word statistics (how rare each word is) come from whoosh. The per-block part is computed
    here over the candidate blocks only: whoosh's own collector walks every posting of a common
    word in Python, which alone cost ~100 ms a query at 2,000 articles. A word's count in a block
    is its count in the folded text, which is what jieba's search mode yields too (it emits the
    parts of a long word besides the word: 大模型 gives 模型 and 大模型). The counts are taken in
    C (``map`` over the blocks' spans) and the arithmetic is NumPy's: a common word at 10,000
    articles scores ~50,000 blocks.
    """
    is_line = vectors(table).speaker_lines[rows]
    lines = [(n, 0.0) for n in rows[is_line].tolist()]  # first, in reading order
    texts = rows[~is_line]
    if limit is not None and len(lines) >= limit:
        return lines[:limit]
    wanted = len(texts) if limit is None else min(len(texts), limit - len(lines))
    if not words or not len(texts):
        return lines + [(n, 0.0) for n in texts[:wanted].tolist()]
    starts = vectors(table).starts
    begins, ends = starts[texts], starts[texts + 1]
    norms = BM25_K1 * (1 - BM25_B) + BM25_K1 * BM25_B / (table.average_length or 1.0) * (ends - begins - 1)
    first, last = begins.tolist(), ends.tolist()
    scores = np.zeros(len(texts))
    for word in words:
        counts = np.fromiter(map(table.haystack.count, repeat(word), first, last), dtype=np.float64, count=len(first))
        scores += searcher.idf("words", word) * (BM25_K1 + 1) * counts / (counts + norms)
    order = np.argsort(-scores, kind="stable")[:wanted]  # stable: ties keep reading order
    return lines + list(zip(texts[order].tolist(), scores[order].tolist(), strict=True))
