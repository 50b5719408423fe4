"""The block table: every block's folded text end to end; saved and loaded whole or refused;
spliced and extended; a hit's original text read back from the file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.search.block_table import BlockRow, BlockTable
from desktop_app.search.matching import rows_containing


def row(article: str, block: int, text: str) -> BlockRow:
    return BlockRow(article, block, None, None, text, text.lower())


def test_a_saved_table_loads_equal_and_a_damaged_one_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "table.sqlite3"
    rows = [row("a", 0, "一"), row("a", 1, "二"), BlockRow("b", 0, "李笛", 1, "李笛  小冰", "李笛小冰", True, False)]
    BlockTable.write(path, {"a": rows[:2], "b": rows[2:]}, [])
    loaded = BlockTable.load(path)
    assert loaded == BlockTable(rows)
    assert loaded.texts(path, [2, 0]) == ["李笛  小冰", "一"]
    # An update rewrites only its articles: a replaced, c added, b removed.
    BlockTable.write(path, {"a": [row("a", 0, "三")], "c": [row("c", 0, "四")]}, ["b"])
    with pytest.raises(ValueError):  # the file no longer holds what the loaded table does
        loaded.texts(path, [0])
    reloaded = BlockTable.load(path)
    assert (reloaded.articles, reloaded.texts(path, [0, 1])) == (["a", "c"], ["三", "四"])
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA ignore_check_constraints = ON")
        connection.execute("UPDATE rows SET block = -1 WHERE article = 'c'")
    with pytest.raises(ValueError):
        BlockTable.load(path)
    with pytest.raises(ValueError):
        BlockTable.load(path, ["c"])
    only_a = BlockTable.load(path, ["a"])  # one article's rows (what a window following a build reads)
    assert (only_a.articles, only_a.texts(path, [0])) == (["a"], ["三"])
    for damaged in (b"not a database at all" * 100, b""):
        path.write_bytes(damaged)
        with pytest.raises((ValueError, OSError)):
            BlockTable.load(path)
    path.unlink()
    with pytest.raises(OSError):
        BlockTable.load(path)


def test_replaced_keeps_articles_in_order_and_contiguous() -> None:
    table = BlockTable([row("a", 0, "一"), row("b", 0, "二")])
    updated = table.replaced(BlockTable([row("a", 0, "四"), row("a", 1, "五"), row("c", 0, "三")]), ["a", "b", "c"])
    assert [(updated.articles[n], updated.folded(n)) for n in range(len(updated))] == [
        ("a", "四"),
        ("a", "五"),
        ("c", "三"),
    ]
    assert list(rows_containing(updated, "五")) == [1]
    assert [updated.sequence(n) for n in range(3)] == [0, 1, 0]


def test_only_text_the_scripts_fold_changes_keeps_its_exact_folding() -> None:
    simplified, traditional = (
        BlockRow("a", 0, None, None, "数字 人", "数字人"),
        BlockRow("a", 1, None, None, "數字", "数字"),
    )
    table = BlockTable([simplified, traditional])
    assert table.unscripted == [None, "數字"]
    assert (table.exact_folded(0), table.exact_folded(1)) == ("数字人", "數字")


_ARTICLES = st.sampled_from(["a", "b", "c", "d", "e"])
_TEXTS = st.text(alphabet="数字人大模型", min_size=0, max_size=6)


@settings(max_examples=150, deadline=None)
@given(
    start=st.dictionaries(_ARTICLES, st.lists(_TEXTS, max_size=4)),
    fresh=st.dictionaries(_ARTICLES, st.lists(_TEXTS, max_size=4), max_size=3),
    removed=st.lists(_ARTICLES, max_size=3),
    needle=st.text(alphabet="数字人大模型", min_size=1, max_size=2),
)
def test_splicing_an_update_in_equals_building_the_table_again(
    start: dict[str, list[str]], fresh: dict[str, list[str]], removed: list[str], needle: str
) -> None:
    def rows(article: str, texts: list[str]) -> list[BlockRow]:
        return [row(article, n, text) for n, text in enumerate(texts)]

    table = BlockTable(r for article in sorted(start) for r in rows(article, start[article]))
    new_rows = {article: rows(article, texts) for article, texts in fresh.items()}
    spliced = table.replaced(
        BlockTable(r for article in sorted(new_rows) for r in new_rows[article]), [*fresh, *removed]
    )
    wanted = {article: rows(article, texts) for article, texts in start.items() if article not in removed}
    wanted.update(new_rows)
    built = BlockTable(r for article in sorted(wanted) for r in wanted[article])
    assert list(rows_containing(spliced, needle)) == list(rows_containing(built, needle))
    assert spliced.average_length == built.average_length
    assert spliced == built
    assert table.articles == [a for a in sorted(start) for _ in start[a]]  # the old one unchanged
    assert [table.folded(n) for n in range(len(table))] == [t for a in sorted(start) for t in start[a]]


@settings(max_examples=100, deadline=None)
@given(
    rows=st.lists(st.tuples(_TEXTS, st.booleans()), max_size=12),
    needle=st.text(alphabet="数字人大模型", min_size=1, max_size=2),
)
def test_searching_one_scripts_runs_finds_the_rows_of_that_script(rows: list[tuple[str, bool]], needle: str) -> None:
    table = BlockTable(BlockRow("a", n, None, None, text, text, False, script) for n, (text, script) in enumerate(rows))
    for traditional in (False, True):
        runs = table.script_runs(traditional)
        assert [n for first, last in runs for n in range(first, last)] == [
            n for n, (_, script) in enumerate(rows) if script == traditional
        ]
        assert rows_containing(table, needle, runs).tolist() == [
            n for n in rows_containing(table, needle).tolist() if bool(table.traditional[n]) == traditional
        ]


def test_extending_in_place_keeps_the_rows_a_search_has_read() -> None:
    table = BlockTable([row("a", 0, "数字"), row("b", 0, "人工")])
    haystack, runs = table.haystack, table.script_runs(False)
    assert table.can_extend(["c", "d"]) and not table.can_extend(["b"]) and not table.can_extend(["0", "c"])
    table.extend(BlockTable([row("c", 0, "智能"), row("c", 1, "数字")]))
    assert table == BlockTable([row("a", 0, "数字"), row("b", 0, "人工"), row("c", 0, "智能"), row("c", 1, "数字")])
    assert rows_containing(table, "数字").tolist() == [0, 3] and table.script_runs(False) == [(0, 4)] != runs
    assert haystack == "数字\n人工\n"  # the string a search held is untouched
