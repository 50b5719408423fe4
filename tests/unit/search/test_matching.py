"""Answering a query over the block table: the rows that contain a needle, found one find a
row or, where they come thick, with a regular expression: the same rows either way."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.search.block_table import BlockRow, BlockTable
from desktop_app.search.matching import rows_containing


def row(article: str, block: int, text: str) -> BlockRow:
    return BlockRow(article, block, None, None, text, text.lower())


def test_containing_finds_each_matching_row_once_and_never_across_rows() -> None:
    table = BlockTable([row("a", 0, "数字人数字人"), row("a", 1, "人工"), row("b", 0, "智能数字")])
    assert list(rows_containing(table, "数字")) == [0, 2]
    assert list(rows_containing(table, "人工")) == [1]
    assert list(rows_containing(table, "人人")) == [] == list(rows_containing(table, "工智"))  # never across two rows


@settings(max_examples=30, deadline=None)
@given(
    layout=st.lists(st.tuples(st.sampled_from(["dense", "sparse"]), st.integers(1, 700)), min_size=1, max_size=5),
    needle=st.sampled_from(["数字", "数", "字数", "数字数字"]),
)
def test_rows_as_dense_as_a_regular_expression_scans_them_are_found_the_same(
    layout: list[tuple[str, int]], needle: str
) -> None:
    # Where matching rows come thick (one in a few characters here), the rows after a sample are
    # found with a regular expression instead of one find a row: the same rows either way.
    texts = []
    for kind, count in layout:
        for n in range(count):
            texts.append("数字数字，数" if kind == "dense" and n % 2 == 0 else ("模型" * 30 if n % 97 else "字数字"))
    table = BlockTable(row("a", n, text) for n, text in enumerate(texts))
    expected = [n for n, text in enumerate(texts) if needle in text]
    assert rows_containing(table, needle).tolist() == expected
    runs = [(first, min(len(texts), first + 150)) for first in range(0, len(texts), 400)]
    assert rows_containing(table, needle, runs).tolist() == [n for n in expected if any(a <= n < b for a, b in runs)]


def test_traditional_phrasings_are_made_only_where_the_table_has_traditional_text(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # OpenCC's Simplified-to-Traditional phrase dictionaries cost ~43 MiB: a library of
    # Simplified text never loads them, and one with Traditional text finds 軟體 for 软件.
    from desktop_app import terms
    from desktop_app.search.matching import matching_rows
    from desktop_app.search.query import parse_query

    asked: list[str] = []
    made = terms.traditional_forms
    monkeypatch.setattr(terms, "traditional_forms", lambda text: asked.append(text) or made(text))
    simplified = BlockTable([row("a", 0, "开源软件"), row("a", 1, "数字人")])
    assert matching_rows(simplified, parse_query("软件", True)).tolist() == [0]
    assert asked == []
    mixed = BlockTable([row("a", 0, "开源软件"), BlockRow("b", 0, None, None, "開源軟體", "开源软体", False, True)])
    assert matching_rows(mixed, parse_query("软件", True)).tolist() == [0, 1]
    assert asked == ["软件"]
