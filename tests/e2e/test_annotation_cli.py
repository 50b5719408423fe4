"""annotate / export / import-annotations / open, through the real command line."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest

from tests.e2e.cli_runner import run_cli

A000, A003 = "000_5b4e62939488a476", "003_dc324faea7d1abe7"
TRICKY_NOTE = "第一行 *不是强调* _也不是_\n# 不是标题\n> 不是引用\n- 不是列表\n<script>alert('x')</script> & 1. 完"


def add(data: Path, *args: str, user: str = "tester") -> dict:
    result = run_cli(data, "annotate", "add", *args, "--json", user=user)
    assert result.code == 0, result.stderr
    return result.json()


def plain_text(data: Path, article: str) -> str:
    result = run_cli(data, "show", article, "--text")
    assert result.code == 0
    return result.stdout[:-1]  # print's newline


def test_add_list_edit_rm_round_trip(tmp_path: Path) -> None:
    created = add(
        tmp_path,
        "--article",
        A000,
        "--quote",
        "国人的",
        "--note",
        TRICKY_NOTE,
        "--color",
        "green",
        "--tag",
        "中国",
        "--tag",
        "#AI",
    )
    assert set(created) >= {
        "id",
        "article",
        "quote",
        "note",
        "color",
        "tags",
        "start",
        "end",
        "status",
        "speaker",
        "topic",
        "created",
        "updated",
    }
    assert created["status"] == "anchored" and created["tags"] == ["中国", "AI"] and created["color"] == "green"
    assert plain_text(tmp_path, A000)[created["start"] : created["end"]] == "国人的"
    assert created["speaker"] == "黄民烈"

    listed = run_cli(tmp_path, "annotate", "list", "--json").json()
    assert [a["id"] for a in listed] == [created["id"]] and listed[0]["note"] == TRICKY_NOTE

    edited = run_cli(
        tmp_path, "annotate", "edit", created["id"][:6], "--note", "改过的笔记", "--color", "pink", "--json"
    )
    assert edited.code == 0, edited.stderr
    assert edited.json()["note"] == "改过的笔记" and edited.json()["color"] == "pink"
    assert edited.json()["tags"] == ["中国", "AI"]  # untouched
    assert edited.json()["updated"] >= created["updated"]

    assert run_cli(tmp_path, "annotate", "rm", created["id"]).code == 0
    assert run_cli(tmp_path, "annotate", "list", "--json").json() == []


def test_occurrence_and_list_filters(tmp_path: Path) -> None:
    text = plain_text(tmp_path, A003)
    assert text.count("大模型") >= 3
    second = add(tmp_path, "--article", A003, "--quote", "大模型", "--occurrence", "2", "--tag", "模型")
    first = add(tmp_path, "--article", A003, "--quote", "大模型", "--note", "ChatGPT 很火")
    other = add(tmp_path, "--article", A000, "--quote", "北美的商业")
    nth = [i for i in range(len(text)) if text.startswith("大模型", i)]
    assert (first["start"], second["start"]) == (nth[0], nth[1])

    def ids(*args: str) -> list[str]:
        return [a["id"] for a in run_cli(tmp_path, "annotate", "list", *args, "--json").json()]

    assert ids() == [other["id"], first["id"], second["id"]]  # by article, then reading order
    assert ids("--article", A003) == [first["id"], second["id"]]
    assert ids("--tag", "模型") == [second["id"]]
    assert ids("--search", "chatgpt") == [first["id"]]  # notes too, ignoring case
    assert ids("--search", "北美 的商业") == [other["id"]]  # and white space


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--article", A000, "--quote", "这句话不在文章里"], "not in the article"),
        (["--article", "no_such_article", "--quote", "国人的"], "no article"),
        (["--article", A000, "--quote", "国人的", "--occurrence", "99"], "occurs"),
        (["--article", A000, "--quote", "国人的", "--color", "red"], "invalid choice"),
    ],
)
def test_bad_requests_are_one_line_errors(tmp_path: Path, args: list[str], message: str) -> None:
    result = run_cli(tmp_path, "annotate", "add", *args)
    assert result.code != 0
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_each_user_sees_only_their_own(tmp_path: Path) -> None:
    add(tmp_path, "--article", A000, "--quote", "国人的", user="alice")
    assert run_cli(tmp_path, "annotate", "list", "--json", user="bob").json() == []
    assert len(run_cli(tmp_path, "annotate", "list", "--json", user="alice").json()) == 1
    assert (tmp_path / "users" / "alice" / "annotations.sqlite3").stat().st_mode & 0o077 == 0


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def visible(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_markdown_export_shows_every_quote_and_note_verbatim(tmp_path: Path) -> None:
    a = add(
        tmp_path, "--article", A003, "--quote", "大模型", "--occurrence", "3", "--note", TRICKY_NOTE, "--tag", "重点"
    )
    assert a["speaker"] == "朱雷" and a["topic"] == 1
    b = add(tmp_path, "--article", A000, "--quote", "北美的商业", "--note", "**粗体？** 不，是原样", "--color", "blue")
    output = tmp_path / "导出.md"
    result = run_cli(tmp_path, "export", "--format", "markdown", "--output", str(output))
    assert result.code == 0, result.stderr
    document = output.read_text(encoding="utf-8")
    assert document.startswith("# 批注导出\n") and "用户：tester" in document
    html = markdown.markdown(document)
    parser = _Text()
    parser.feed(html)
    shown = visible("".join(parser.parts))
    for quote_or_note in (a["quote"], TRICKY_NOTE, b["quote"], "**粗体？** 不，是原样"):
        assert visible(quote_or_note) in shown
    assert "<script>" not in html and "<h1>不是标题" not in html
    assert f"aigc-reader://open?article={A003}&amp;block=" in html  # the link back
    assert "#重点" in shown and "🟦 蓝" in shown
    # Grouped by article, the highlight under its topic heading, the speaker named below it.
    before_quote = document[: document.index("> 大模型")].rsplit("\n## ", 1)[1]
    assert "\n### 模型同质化和创新性" in before_quote
    assert "— **朱雷**" in document[document.index("> 大模型") :]
    single = run_cli(tmp_path, "export", "--article", A000).stdout
    assert "北美的商业" in single and "> 大模型" not in single


def test_json_export_is_web_annotation_and_imports_idempotently(tmp_path: Path) -> None:
    created = add(tmp_path, "--article", A000, "--quote", "国人的", "--note", "笔记", "--tag", "t1")
    exported = run_cli(tmp_path, "export", "--format", "json").json()
    assert exported["type"] == "AnnotationCollection"
    item = exported["first"]["items"][0]
    assert item["@context"] == "http://www.w3.org/ns/anno.jsonld" and item["type"] == "Annotation"
    selectors = {s["type"]: s for s in item["target"]["selector"]}
    assert selectors["TextQuoteSelector"]["exact"] == "国人的"
    assert selectors["TextPositionSelector"] == {
        "type": "TextPositionSelector",
        "start": created["start"],
        "end": created["end"],
    }
    assert {b["purpose"]: b["value"] for b in item["body"]} == {"commenting": "笔记", "tagging": "t1"}

    file = tmp_path / "annotations.json"
    file.write_text(json.dumps(exported, ensure_ascii=False), encoding="utf-8")
    other_user = run_cli(tmp_path, "import-annotations", str(file), "--json", user="second")
    assert other_user.json() == {"added": 1, "skipped": 0}
    assert run_cli(tmp_path, "import-annotations", str(file), "--json", user="second").json() == {
        "added": 0,
        "skipped": 1,
    }
    imported = run_cli(tmp_path, "annotate", "list", "--json", user="second").json()
    assert [(a["id"], a["quote"], a["note"], a["tags"], a["start"]) for a in imported] == [
        (created["id"], "国人的", "笔记", ["t1"], created["start"])
    ]


@pytest.mark.parametrize("content", ["{not json", '{"type": "Annotation"}', "[1, 2]"])
def test_importing_a_bad_file_is_a_one_line_error(tmp_path: Path, content: str) -> None:
    file = tmp_path / "bad.json"
    file.write_text(content, encoding="utf-8")
    result = run_cli(tmp_path, "import-annotations", str(file))
    assert result.code == 1 and len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_open_link_resolves_the_passage(tmp_path: Path) -> None:
    created = add(tmp_path, "--article", A000, "--quote", "国人的")
    exported = run_cli(tmp_path, "export").stdout
    link = re.search(r"\((aigc-reader://open\?[^)]+)\)", exported).group(1)
    opened = run_cli(tmp_path, "open", link, "--json")
    assert opened.code == 0, opened.stderr
    assert opened.json()["article"] == A000 and opened.json()["block"] == created["block"]
    assert "国人的" in opened.json()["text"]
    bad = run_cli(tmp_path, "open", "https://example.com", "--json")
    assert bad.code == 1 and "not an aigc-reader link" in bad.stderr


def test_a_corrupt_database_is_reported_and_restored(tmp_path: Path) -> None:
    created = add(tmp_path, "--article", A000, "--quote", "国人的")
    assert run_cli(tmp_path, "annotate", "list").code == 0  # a start: the backup now holds it
    database = tmp_path / "users" / "tester" / "annotations.sqlite3"
    database.write_bytes(b"\x00garbage" * 1000)
    broken = run_cli(tmp_path, "annotate", "list", "--json")
    assert broken.code == 1 and "damaged" in broken.stderr and "annotate restore" in broken.stderr
    assert "Traceback" not in broken.stderr
    restored = run_cli(tmp_path, "annotate", "restore", "--json")
    assert restored.code == 0 and restored.json()["restored"] == 1
    assert [a["id"] for a in run_cli(tmp_path, "annotate", "list", "--json").json()] == [created["id"]]
    assert list((tmp_path / "users" / "tester").glob("annotations.salvaged-*.sqlite3"))  # kept, for a person to look at


def test_a_quote_is_found_as_written_else_as_search_matches(tmp_path: Path) -> None:
    created = add(tmp_path, "--article", A003, "--quote", "chatgpt 等")  # case and a space differ
    assert created["quote"] == "ChatGPT 等"
    assert plain_text(tmp_path, A003)[created["start"] : created["end"]] == "ChatGPT 等"


def test_an_orphan_is_reattached_by_hand_keeping_its_note_tags_colour_and_times(tmp_path: Path) -> None:
    data = tmp_path / "data"
    source = tmp_path / "访谈.md"
    source.write_text("张三：第一段的原话，后来被改写了。\n\n李四：第二段一直都在。\n", encoding="utf-8")
    assert run_cli(data, "import", str(source)).code == 0
    added = run_cli(
        data,
        "annotate",
        "add",
        "--article",
        "访谈",
        "--quote",
        "后来被改写了",
        "--note",
        "要点",
        "--color",
        "green",
        "--tag",
        "t",
        "--json",
    ).json()
    source.write_text("张三：第一段完全换了一种说法。\n\n李四：第二段一直都在。\n", encoding="utf-8")
    assert run_cli(data, "import", str(source)).code == 0
    [orphan] = run_cli(data, "annotate", "list", "--json").json()
    assert orphan["status"] == "orphaned"
    moved = run_cli(data, "annotate", "reattach", added["id"][:8], "--quote", "完全换了一种说法", "--json").json()
    assert moved["status"] == "anchored" and moved["quote"] == "完全换了一种说法"
    assert (moved["note"], moved["color"], moved["tags"], moved["created"]) == (
        "要点",
        "green",
        ["t"],
        added["created"],
    )
    refused = run_cli(data, "annotate", "reattach", added["id"], "--quote", "不存在的话")
    assert refused.code == 1 and "not in the article" in refused.stderr
