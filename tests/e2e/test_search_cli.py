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
    assert hits and set(hits[0]) == {"article", "block", "part", "speaker", "topic", "score", "snippet", "matches"}
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


def test_a_speakers_name_finds_their_speaker_lines_and_the_offsets_slice_the_shown_line(tmp_path: Path) -> None:
    hits = run_cli(tmp_path, "search", "李笛", "--json").json()
    lines = [hit for hit in hits if hit["part"] == "speaker"]
    assert len(lines) == 2 and hits[:2] == lines  # 李笛's two turns, before the blocks that mention him
    article = run_cli(tmp_path, "show", lines[0]["article"], "--json").json()
    blocks = article["blocks"]
    for hit in lines:  # each is the first block of one of 李笛's turns
        assert blocks[hit["block"]]["speaker"] == "李笛" and blocks[hit["block"] - 1]["speaker"] != "李笛"
    assert all(hit["snippet"].startswith("李笛") and hit["matches"] == [[0, 2]] for hit in lines)


def test_traditional_queries_and_the_exact_script_switch(tmp_path: Path) -> None:
    simplified = run_cli(tmp_path, "search", "数字人", "--limit", "0", "--json").json()
    traditional = run_cli(tmp_path, "search", "數字人", "--limit", "0", "--json").json()
    assert simplified and [(h["article"], h["block"]) for h in traditional] == [
        (h["article"], h["block"]) for h in simplified
    ]
    assert run_cli(tmp_path, "search", "數字人", "--exact-script", "--json").json() == []
    assert run_cli(tmp_path, "search", "人工智慧", "--json").json()  # Taiwan's word for 人工智能


def test_annotations_are_searched_in_either_script(tmp_path: Path) -> None:
    added = run_cli(
        tmp_path, "annotate", "add", "--article", "002_24c868e8aabdd4fe", "--quote", "数字人",
        "--note", "重要：商業模式", "--tag", "商业", "--json",
    )  # fmt: skip
    assert added.code == 0, added.stderr
    hits = run_cli(tmp_path, "search", "商业模式", "--annotations", "--json").json()
    assert len(hits) == 1 and hits[0]["field"] == "note" and hits[0]["matches"] == [[3, 7]]
    assert hits[0]["id"] == added.json()["id"] and hits[0]["quote"] == "数字人"
    assert run_cli(tmp_path, "search", "商业模式", "--annotations", "--exact-script", "--json").json() == []
    by_tag = run_cli(tmp_path, "search", "#商业", "--annotations", "--json").json()
    assert by_tag and by_tag[0]["field"] == "tags"
    assert run_cli(tmp_path, "search", "数字人 -商业", "--annotations", "--json").json() == []
    listed = run_cli(tmp_path, "annotate", "list", "--search", "商业模式", "--json").json()
    assert [item["id"] for item in listed] == [hits[0]["id"]]
    assert run_cli(tmp_path, "annotate", "list", "--search", "商业模式", "--exact-script", "--json").json() == []
    refused = run_cli(tmp_path, "search", "--queries-file", "q.txt", "--annotations")
    assert refused.code == 2 and refused.stderr.count("\n") == 1
