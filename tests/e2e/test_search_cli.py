"""index and search through the real CLI: the JSON contract, queries files and errors."""

from __future__ import annotations

import json
from pathlib import Path

from tests.e2e.cli_runner import run_cli


def test_index_then_search_json_contract(tmp_path: Path) -> None:
    built = run_cli(tmp_path, "index", "--json")
    assert built.code == 0, built.stderr
    assert len(built.json()["added"]) == 5
    again = run_cli(tmp_path, "index", "--json").json()
    assert again["added"] == again["updated"] == again["removed"] == [] and again["rebuilt_because"] is None

    hits = run_cli(tmp_path, "search", "北美的商业", "--json").json()
    assert hits and set(hits[0]) == {"article", "block", "speaker", "topic", "score", "snippet", "matches"}
    shown = {a: run_cli(tmp_path, "show", a, "--json").json() for a in {h["article"] for h in hits}}
    for hit in hits:
        text = shown[hit["article"]]["blocks"][hit["block"]]["text"]
        assert [text[s:e] for s, e in hit["matches"]] == ["北美的商业"] * len(hit["matches"])
    speaker_hits = run_cli(tmp_path, "search", "中国", "--speaker", "黄民烈", "--limit", "0", "--json").json()
    assert speaker_hits and {h["speaker"] for h in speaker_hits} == {"黄民烈"}
    assert len(run_cli(tmp_path, "search", "大模型", "--limit", "3", "--json").json()) == 3


def test_search_builds_the_index_when_missing_and_marks_matches(tmp_path: Path) -> None:
    result = run_cli(tmp_path, "search", "国人的")
    assert result.code == 0, result.stderr
    assert "【国人的】" in result.stdout


def test_queries_file_prints_one_json_object_a_line(tmp_path: Path) -> None:
    queries = tmp_path / "queries.txt"
    queries.write_text("大模型\n国人的\n\nspeaker:陈石 中国\n", encoding="utf-8")
    result = run_cli(tmp_path / "data", "search", "--queries-file", str(queries), "--json")
    assert result.code == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["query"] for line in lines] == ["大模型", "国人的", "speaker:陈石 中国"]
    for line in lines:
        assert set(line) == {"query", "hits", "elapsed_ms", "results"}
        assert line["hits"] == len(line["results"]) and line["elapsed_ms"] >= 0
    assert all(r["speaker"] == "陈石" for r in lines[2]["results"])


def test_search_errors_are_one_line(tmp_path: Path) -> None:
    for args in (
        ("search",),
        ("search", "x", "--limit", "-1"),
        ("search", "x", "--article", "nope"),
        ("search", "--queries-file", str(tmp_path / "missing.txt")),
    ):
        result = run_cli(tmp_path, *args)
        assert result.code != 0 and len(result.stderr.strip().splitlines()) == 1, (args, result.stderr)
        assert "Traceback" not in result.stderr


def test_a_crashed_index_is_rebuilt_with_a_message(tmp_path: Path) -> None:
    assert run_cli(tmp_path, "index").code == 0
    index = tmp_path / "cache" / "index"
    meta = index / (index / "CURRENT").read_text() / "aigc-index.json"
    meta.write_text(meta.read_text().replace('"complete": true', '"complete": false'))
    result = run_cli(tmp_path, "search", "北美的商业", "--json")
    assert result.code == 0 and result.json()
    assert "rebuilt" in result.stderr and "Traceback" not in result.stderr
