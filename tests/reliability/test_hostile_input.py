"""Hostile and broken input through the real command line: every refusal is one line and a
non-zero exit, never a traceback, and nothing a command accepted is lost or misplaced."""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

import markdown
import pytest

from tests.e2e.cli_runner import Result, run_cli

A000 = "000_5b4e62939488a476"


def one_line_error(result: Result, *words: str) -> None:
    assert result.code != 0, result.stdout
    assert "Traceback" not in result.stderr, result.stderr
    assert result.stderr.startswith("aigc-reader: error: ") and result.stderr.count("\n") == 1, result.stderr
    for word in words:
        assert word in result.stderr, result.stderr


def web_annotation(**position: object) -> dict[str, object]:
    return {
        "type": "Annotation",
        "id": "urn:uuid:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0",
        "target": {
            "source": f"aigc-reader://article/{A000}",
            "selector": [
                {"type": "TextQuoteSelector", "exact": "国人的"},
                {"type": "TextPositionSelector", **position},
            ],
        },
    }


@pytest.mark.parametrize(
    "document, refused",
    [
        ('{"type": "AnnotationPage", "items": 5}', "items"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ('{"type": "AnnotationCollection", "first": {"items": [{"type": "Annotation"}]}}', "annotation 1"),
    ],
    ids=["items-not-a-list", "nested-100000-deep", "no-target"],
)
def test_malformed_annotation_files_are_refused_in_one_line(tmp_path: Path, document: str, refused: str) -> None:
    path = tmp_path / "in.json"
    path.write_text(document, encoding="utf-8")
    one_line_error(run_cli(tmp_path / "data", "import-annotations", str(path)), refused)


@pytest.mark.parametrize(
    "position",
    [
        {"start": 10**30, "end": 10**30 + 3},
        {"start": "1e400", "end": 3},
        {"start": -10, "end": 0},
        {"start": 5.5, "end": 2},
    ],
    ids=["10**30", "1e400", "negative", "fraction"],
)
def test_impossible_offsets_are_ignored_and_the_quote_finds_the_passage(tmp_path: Path, position: dict) -> None:  # type: ignore[type-arg]
    path = tmp_path / "in.json"
    text = json.dumps(web_annotation(**position))
    path.write_text(text.replace('"1e400"', "1e400"), encoding="utf-8")
    imported = run_cli(tmp_path / "data", "import-annotations", str(path), "--json")
    assert imported.code == 0, imported.stderr
    listed = run_cli(tmp_path / "data", "annotate", "list", "--json").json()
    assert len(listed) == 1 and listed[0]["quote"] == "国人的"
    assert listed[0]["start"] >= 0 and listed[0]["status"] in ("anchored", "moved")
    shown = run_cli(tmp_path / "data", "show", A000, "--text").stdout
    assert shown[listed[0]["start"] : listed[0]["end"]] == "国人的"


def test_an_annotation_file_with_a_byte_order_mark_and_an_empty_urn_id_imports_once(tmp_path: Path) -> None:
    item = web_annotation(start=0, end=0)
    item["id"] = "urn:uuid:"
    path = tmp_path / "in.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps([item]).encode("utf-8"))
    first = run_cli(tmp_path / "data", "import-annotations", str(path), "--json")
    assert first.code == 0 and first.json() == {"added": 1, "skipped": 0}, first.stderr
    assert run_cli(tmp_path / "data", "import-annotations", str(path), "--json").json() == {"added": 0, "skipped": 1}
    assert run_cli(tmp_path / "data", "annotate", "list", "--json").json()[0]["id"]


@pytest.mark.parametrize(
    "link",
    [
        "aigc-reader://open?article=x&block=²",
        "aigc-reader://open?article=x&block=" + "9" * 5000,
        "aigc-reader://[::1?article=x",
        "javascript:alert(1)",
    ],
)
def test_bad_open_links_are_one_line_errors(tmp_path: Path, link: str) -> None:
    one_line_error(run_cli(tmp_path, "open", link, "--json"))


@pytest.mark.parametrize("query", ["topic:²", "topic:" + "9" * 5000, "speaker:\x1b[2J", '"""', "-" * 50])
def test_odd_queries_are_answered_literally(tmp_path: Path, query: str) -> None:
    result = run_cli(tmp_path, "search", "--json", "--", query)  # "--": a query may start with "-"
    assert result.code == 0 and "Traceback" not in result.stderr, result.stderr
    assert isinstance(result.json(), list)


def test_a_data_dir_that_is_a_file_or_empty_is_refused(tmp_path: Path) -> None:
    a_file = tmp_path / "file"
    a_file.write_text("x")
    one_line_error(run_cli(a_file, "list"), "not a folder")
    import subprocess

    empty = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--data-dir", "", "list"],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    one_line_error(Result(empty.returncode, empty.stdout, empty.stderr), "--data-dir")


def test_usage_errors_start_like_every_other_error(tmp_path: Path) -> None:
    one_line_error(run_cli(tmp_path, "annotate", "add", "--quote", "x"), "annotate add", "--article")


@pytest.mark.parametrize("login", ["../../escaped", "/abs/path", "John Smith"])
def test_the_login_name_never_leads_outside_the_data_dir(tmp_path: Path, login: str) -> None:
    data = tmp_path / "data"
    environment = {**os.environ, "LOGNAME": login, "USER": login}
    environment.pop("AIGC_READER_DATA_DIR", None)
    import subprocess

    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "desktop_app",
            "--data-dir",
            str(data),
            "annotate",
            "add",
            "--article",
            A000,
            "--quote",
            "国人的",
            "--json",
        ],
        capture_output=True,
        text=True,
        env=environment,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert done.returncode == 0, done.stderr
    databases = [path for path in tmp_path.rglob("annotations.sqlite3")]
    assert len(databases) == 1 and databases[0].parent.parent == data / "users"
    assert re.fullmatch(r"[\w.@-]+", databases[0].parent.name)


def test_file_names_that_are_not_utf8_hidden_or_full_of_controls_import_and_list(tmp_path: Path) -> None:
    sources = tmp_path / "in"
    sources.mkdir()
    names = [b"bad\xff.md", b".hidden.md", b"ctl\x1b[31mred.md", b"rlo\xe2\x80\xaetxt.md"]
    for number, name in enumerate(names):
        (Path(os.fsdecode(bytes(sources))) / os.fsdecode(name)).write_text(
            f"# 文章{number}\n\n张三：第{number}篇的内容。\n", encoding="utf-8"
        )
    imported = run_cli(
        tmp_path / "data", "import", *[os.fsdecode(bytes(sources) + b"/" + name) for name in names], "--json"
    )
    assert imported.code == 0, imported.stderr
    ids = [entry["id"] for entry in imported.json()]
    assert all(ids) and len(set(ids)) == len(names)
    listed = run_cli(tmp_path / "data", "list", "--json")
    assert listed.code == 0 and set(ids) <= {article["id"] for article in listed.json()}
    plain = run_cli(tmp_path / "data", "list")
    assert "\x1b" not in plain.stdout and "\u202e" not in plain.stdout
    for article_id in ids:
        assert run_cli(tmp_path / "data", "show", article_id, "--json").code == 0
    assert run_cli(tmp_path / "data", "search", "内容", "--json").code == 0


def test_import_json_says_which_encoding_and_reads_utf16_without_bom_or_newlines(tmp_path: Path) -> None:
    text = (
        "人工智能正在改变我们的生活方式，从语音助手到自动驾驶汽车，这项技术已经深入到各个领域。专家认为，未来十年是关键时期。"
        * 4
    )
    files = {
        "le.txt": text.encode("utf-16-le"),
        "big5.txt": (
            "記者：請問您當時為什麼決定公開這件事？\n\n李文亮：我覺得一個健康的社會不應該只有一種聲音。\n" * 3
        ).encode("big5"),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    imported = run_cli(tmp_path / "data", "import", *(str(tmp_path / name) for name in files), "--json")
    assert imported.code == 0, imported.stderr
    assert [entry["encoding"] for entry in imported.json()] == ["utf-16-le", "big5hkscs"] or [
        entry["encoding"] for entry in imported.json()
    ][0] == "utf-16-le"
    assert "big5" in imported.json()[1]["encoding"]


def test_plain_listings_print_terminal_escapes_escaped(tmp_path: Path) -> None:
    note = "注意\x1b]0;pwned\x07\x1b[2J"
    assert run_cli(tmp_path, "annotate", "add", "--article", A000, "--quote", "国人的", f"--note={note}").code == 0
    listed = run_cli(tmp_path, "annotate", "list")
    assert listed.code == 0 and "\x1b" not in listed.stdout and "\\x1b" in listed.stdout
    assert run_cli(tmp_path, "annotate", "list", "--json").json()[0]["note"] == note  # JSON keeps it exact


HOSTILE_ID = "paren)<img src=x onerror=alert(1)>&#+"


def test_markdown_export_never_carries_live_markup_or_foreign_links(tmp_path: Path) -> None:
    page = tmp_path / f"{HOSTILE_ID}.md"
    page.write_text(
        '---\ntitle: "标题\\n# 不是标题"\nurl: "javascript:alert(\'og\')"\nauthor: "作者\\n- 不是列表"\n---\n\n'
        "张三：第一段内容，很长的一段话。\n\n李四：第二段内容，也是很长的一段话。\n",
        encoding="utf-8",
    )
    imported = run_cli(tmp_path / "data", "import", str(page), "--json")
    assert imported.code == 0, imported.stderr
    article = imported.json()[0]["id"]
    for quote in ("第一段内容", "第二段内容"):
        assert run_cli(tmp_path / "data", "annotate", "add", "--article", article, "--quote", quote).code == 0
    exported = run_cli(tmp_path / "data", "export", "--article", article)
    assert exported.code == 0, exported.stderr
    html = markdown.markdown(exported.stdout)
    assert "<img" not in html and "onerror" not in html.replace("onerror%3D", "") and "javascript:" not in html
    assert html.count("<blockquote>") == 2  # adjacent highlights stay apart
    links = re.findall(r'href="(aigc-reader://[^"]+)"', html)
    assert links
    opened = run_cli(tmp_path / "data", "open", links[0].replace("&amp;", "&"), "--json")
    assert opened.code == 0 and opened.json()["article"] == article
    assert not re.search(r"^#+ 不是标题", exported.stdout, re.M) and not re.search(
        r"^- 不是列表", exported.stdout, re.M
    )
