"""The block table: every block's folded text end to end, searched with str.find; saved and
loaded whole or refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop_app.search.block_table import BlockRow, BlockTable


def row(article: str, block: int, text: str) -> BlockRow:
    return BlockRow(article, block, None, None, text, text.lower())


def test_containing_finds_each_matching_row_once_and_never_across_rows() -> None:
    table = BlockTable([row("a", 0, "数字人数字人"), row("a", 1, "人工"), row("b", 0, "智能数字")])
    assert list(table.containing("数字")) == [0, 2]
    assert list(table.containing("人工")) == [1]
    assert list(table.containing("人人")) == [] == list(table.containing("工智"))  # never across two rows


def test_a_saved_table_loads_equal_and_a_damaged_one_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "table.json"
    table = BlockTable([row("a", 0, "一"), row("a", 1, "二")])
    table.save(path)
    assert BlockTable.load(path).rows == table.rows
    damaged_forms = ('[["a", 1e999, null, null, "x", "x", false, false]]', '[["a", 0, null, null, "x", "x", 1, false]]')
    for damaged in ("{}", "[[1, 2]]", *damaged_forms, '[["a", 0, null, null, "x", "x"]]', "not json"):
        path.write_text(damaged, encoding="utf-8")
        with pytest.raises(ValueError):
            BlockTable.load(path)
    path.write_text(json.dumps([["a", 0, "李笛", None, "李笛  小冰", "李笛小冰", True, False]]), encoding="utf-8")
    assert BlockTable.load(path).rows[0].speaker_line
