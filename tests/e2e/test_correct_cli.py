"""`aigc-reader correct`: corrections to an outline, kept and followed by outline, search,
annotations and export; a bad one refused in one line; a damaged overlay set aside."""

from __future__ import annotations

from pathlib import Path

from tests.e2e.cli_runner import assert_one_line_error, run_cli

A000 = "000_5b4e62939488a476"


def test_a_renamed_speaker_reads_everywhere_and_the_correction_can_be_taken_back(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert run_cli(data, "correct", A000, "--json").json() == []
    added = run_cli(data, "correct", A000, "merge-speakers", "闫俊宇", "黄民烈", "--json")
    assert added.code == 0 and added.json()[0]["op"] == "merge-speakers"
    outline = run_cli(data, "outline", A000, "--json").json()
    assert "闫俊宇" not in {s["name"] for s in outline["speakers"]}
    assert all(t["speaker"] != "闫俊宇" for t in outline["turns"])
    hits = run_cli(data, "search", "技术", "--speaker", "黄民烈", "--limit", "0", "--json").json()
    assert any("技术的发展是连续的" in hit["snippet"] for hit in hits)  # 闫俊宇's turn, now 黄民烈's
    note = run_cli(data, "annotate", "add", "--article", A000, "--quote", "技术的发展是连续的", "--json").json()
    assert note["speaker"] == "黄民烈"
    assert run_cli(data, "correct", A000, "--rm", "1").code == 0
    assert "闫俊宇" in {s["name"] for s in run_cli(data, "outline", A000, "--json").json()["speakers"]}


def test_block_corrections_name_blocks_by_index_and_bad_ones_are_one_line_errors(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shown = run_cli(data, "show", A000, "--json").json()
    heading = next(n for n, b in enumerate(shown["blocks"]) if b["text"].startswith("Q2"))
    renamed = run_cli(data, "correct", A000, "rename-topic", str(heading), "应用爆发了吗", "--json")
    assert renamed.code == 0 and renamed.json()[0]["text"].startswith("Q2")
    assert run_cli(data, "outline", A000, "--json").json()["topics"][1]["title"] == "应用爆发了吗"
    assert_one_line_error(run_cli(data, "correct", A000, "remove", "9999"), "block")
    assert_one_line_error(run_cli(data, "correct", A000, "rename-speaker", "无名氏", "谁"), "does not apply")
    assert_one_line_error(run_cli(data, "correct", A000, "turn", "3"), "argument")
    assert_one_line_error(run_cli(data, "correct", A000, "--rm", "7"), "no correction 7")
    (data / "corrections" / f"{A000}.json").write_text("{broken", encoding="utf-8")
    listed = run_cli(data, "correct", A000, "--json")
    assert listed.json() == [] and "kept aside" in listed.stderr and listed.stderr.count("\n") == 1
    assert run_cli(data, "outline", A000, "--json").json()["topics"][1]["title"].startswith("Q2")


def test_what_cleaning_removed_is_listed_with_its_place_and_can_be_restored(tmp_path: Path) -> None:
    data = tmp_path / "data"
    removed = run_cli(data, "show", A000, "--removed", "--json").json()
    assert {item["rule"] for item in removed} >= {"metadata", "promotion tail"}
    tail = next(n for n, item in enumerate(removed) if item["rule"] == "promotion tail")
    blocks = len(run_cli(data, "show", A000, "--json").json()["blocks"])
    assert removed[tail]["block_before"] == blocks - 1  # after the last block
    assert run_cli(data, "correct", A000, "restore", str(tail)).code == 0
    assert run_cli(data, "show", A000, "--text").stdout.rstrip().endswith(removed[tail]["text"])
    assert removed[tail]["text"] not in [i["text"] for i in run_cli(data, "show", A000, "--removed", "--json").json()]
    [listed] = run_cli(data, "correct", A000, "--json").json()
    assert listed["op"] == "restore" and listed["text"] == removed[tail]["text"][:40]


def test_a_correction_follows_its_block_when_the_source_is_reimported_with_blocks_before_it(tmp_path: Path) -> None:
    data, source = tmp_path / "data", tmp_path / "圆桌.md"
    body = (
        "---\ntitle: 一场圆桌\n---\n\n主持人：第一个问题是什么？\n\n张三：这是张三的回答一。\n\n"
        "李四：回答二，这一段要改成王五的。\n\n主持人：第二个问题呢？\n\n张三：张三再答。\n\n李四：李四再答。\n"
    )
    source.write_text(body, encoding="utf-8")
    assert run_cli(data, "import", str(source)).code == 0
    blocks = run_cli(data, "show", "圆桌", "--json").json()["blocks"]
    target = next(n for n, b in enumerate(blocks) if b["text"].startswith("回答二"))
    assert run_cli(data, "correct", "圆桌", "turn", str(target), "王五").code == 0
    source.write_text(body.replace("---\n\n", "---\n\n前言一段。\n\n前言又一段。\n\n"), encoding="utf-8")  # 2 before
    assert run_cli(data, "import", str(source)).code == 0
    blocks = run_cli(data, "show", "圆桌", "--json").json()["blocks"]
    moved = next(b for b in blocks if b["text"].startswith("回答二"))
    assert moved["speaker"] == "王五"
    [listed] = run_cli(data, "correct", "圆桌", "--json").json()
    assert listed["stale"] is False and listed["block"] == blocks.index(moved)


QA_WITH_QUESTION_HEADINGS = """# 一份问答

本期我们请来了老周，聊聊他做开源的经历。

## 最早怎么开始写开源软件的？

我在大学时候开始写，第一个项目是一个小工具。

## 最难的是什么？

我觉得最难的是坚持维护，用户越来越多。

## 关于项目

项目的主页在网上可以找到。
"""


def test_a_heading_becomes_a_hosts_turn_and_an_end_block_comes_back_after_its_neighbour_went(tmp_path: Path) -> None:
    data = tmp_path / "data"
    source = tmp_path / "qa.md"
    source.write_text(QA_WITH_QUESTION_HEADINGS + "\n点击关注，每天更新\n", encoding="utf-8")
    article = run_cli(data, "import", str(source), "--json").json()[0]["id"]
    blocks = run_cli(data, "show", article, "--json").json()["blocks"]
    heading = next(n for n, b in enumerate(blocks) if b["text"].startswith("最早怎么"))
    assert blocks[heading]["kind"] == "heading"
    assert run_cli(data, "correct", article, "turn", str(heading), "采访者").code == 0
    outline = run_cli(data, "outline", article, "--json").json()
    assert {"speaker": "采访者", "topic": 0, "block": heading} in outline["turns"]
    removed = run_cli(data, "show", article, "--removed", "--json").json()
    at_end = next(n for n, item in enumerate(removed) if "点击关注" in item["text"])
    last = len(blocks) - 1
    assert run_cli(data, "correct", article, "remove", str(last)).code == 0
    restored = run_cli(data, "correct", article, "restore", str(at_end))
    assert restored.code == 0, restored.stderr
    assert run_cli(data, "show", article, "--json").json()["blocks"][-1]["text"].startswith("点击关注")


def test_the_title_is_corrected_from_the_command_line(tmp_path: Path) -> None:
    data = tmp_path / "data"
    source = tmp_path / "transcript.txt"
    source.write_text("主持人：大家好，今天聊聊天气。\n\n老王：天气不错。\n\n主持人：谢谢。\n", encoding="utf-8")
    article = run_cli(data, "import", str(source), "--json").json()[0]["id"]
    assert run_cli(data, "correct", article, "title", "老王谈天气", "--json").code == 0
    assert run_cli(data, "outline", article, "--json").json()["title"] == "老王谈天气"
    assert [a["title"] for a in run_cli(data, "list", "--json").json() if a["id"] == article] == ["老王谈天气"]
    assert_one_line_error(run_cli(data, "correct", article, "title", " "), "does not apply")


def test_outline_json_says_how_sure_it_is_and_offers_the_fix(tmp_path: Path) -> None:
    data = tmp_path / "data"
    source = tmp_path / "qa.md"
    # The questions address nobody (no 你/您): the importer does not take them on its own, and says so.
    source.write_text(
        "# 对话老周：开源十年\n\n老周是一位开源作者。\n\n## 最早怎么开始的？\n\n大学时候开始写。\n\n"
        "## 最难的是什么？\n\n坚持维护。\n",
        encoding="utf-8",
    )
    imported = run_cli(data, "import", str(source), "--json").json()[0]
    assert imported["confidence"]["level"] != "high"
    outline = run_cli(data, "outline", imported["id"], "--json").json()
    suggestion = outline["confidence"]["suggestions"][0]
    assert suggestion["op"] == "questions-by-host" and suggestion["values"][1] == "老周"
    assert run_cli(data, "correct", imported["id"], suggestion["op"], *suggestion["values"]).code == 0
    after = run_cli(data, "outline", imported["id"], "--json").json()
    assert [s["name"] for s in after["speakers"]] == suggestion["values"]
    assert after["confidence"]["level"] == "high" and after["confidence"]["suggestions"] == []
    sure = run_cli(data, "outline", "000_5b4e62939488a476", "--json").json()["confidence"]
    assert sure["level"] == "high" and sure["suggestions"] == []
