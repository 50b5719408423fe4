"""The corpus commands through the real CLI: the JSON contract and the one-line errors."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.cli_runner import run_cli

A000 = "000_5b4e62939488a476"


def test_list_json_contract(tmp_path: Path) -> None:
    result = run_cli(tmp_path, "list", "--json")
    assert result.code == 0, result.stderr
    listing = result.json()
    assert [item["id"] for item in listing] == [p.stem for p in sorted(Path("sources").glob("*.txt"))]
    first = listing[0]
    assert set(first) == {"id", "title", "source_url", "date", "speakers", "chars"}
    assert first["speakers"] == 9 and first["chars"] > 5000


def test_show_json_and_text(tmp_path: Path) -> None:
    shown = run_cli(tmp_path, "show", A000, "--json").json()
    assert set(shown) >= {"id", "title", "source_url", "date", "blocks"}
    assert set(shown["blocks"][0]) == {"kind", "text", "speaker", "topic"}
    assert {block["kind"] for block in shown["blocks"]} <= {"heading", "paragraph", "list_item", "quote"}
    text = run_cli(tmp_path, "show", A000, "--text").stdout
    assert "中国和北美的商业和科技环境不一样" in text and "](" not in text and "**" not in text
    assert "黄民烈：" in text


def test_outline_json_contract(tmp_path: Path) -> None:
    outline = run_cli(tmp_path, "outline", A000, "--json").json()
    assert set(outline) == {"id", "title", "topics", "speakers", "turns", "confidence"}
    assert set(outline["confidence"]) == {"score", "level", "reasons", "suggestions"}
    assert len(outline["topics"]) == 8 and len(outline["turns"]) == 19 and len(outline["speakers"]) == 9
    assert set(outline["speakers"][0]) == {"name", "affiliation", "role", "turns"}
    shown = run_cli(tmp_path, "show", A000, "--json").json()
    for turn in outline["turns"]:
        assert shown["blocks"][turn["block"]]["speaker"] == turn["speaker"]
        assert turn["topic"] is None or 0 <= turn["topic"] < len(outline["topics"])


@pytest.mark.parametrize(
    "args",
    [("show", "no-such-article"), ("outline", "missing", "--json"), ("frobnicate",), ("show",), ("list", "--bogus")],
)
def test_usage_errors_are_one_line(tmp_path: Path, args: tuple[str, ...]) -> None:
    result = run_cli(tmp_path, *args)
    assert result.code != 0
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "Traceback" not in result.stderr and result.stderr.startswith("aigc-reader")


def test_import_then_list_show_and_override(tmp_path: Path) -> None:
    data = tmp_path / "data"
    article = tmp_path / "my_article.md"
    article.write_text(
        "# 我的访谈\n\n**王五：**\n\n大模型改变了内容生产。\n\n**王五：**\n\n再补充一句。\n", encoding="utf-8"
    )
    original = article.read_bytes()
    result = run_cli(data, "import", str(article))
    assert result.code == 0, result.stderr
    assert article.read_bytes() == original  # the original is never modified
    ids = [item["id"] for item in run_cli(data, "list", "--json").json()]
    assert "my_article" in ids
    assert run_cli(data, "show", "my_article", "--json").json()["title"] == "我的访谈"
    # Re-import with the same id replaces; an id equal to a bundled article overrides it.
    article.write_text("# 改过的访谈\n\n新的内容。\n", encoding="utf-8")
    assert run_cli(data, "import", str(article)).code == 0
    assert run_cli(data, "show", "my_article", "--json").json()["title"] == "改过的访谈"
    override = tmp_path / f"{A000}.txt"
    override.write_text("标题: 覆盖的文章\n正文:\n覆盖后的正文。\n", encoding="utf-8")
    assert run_cli(data, "import", str(override)).code == 0
    assert run_cli(data, "show", A000, "--json").json()["title"] == "覆盖的文章"
    assert len(run_cli(data, "list", "--json").json()) == 6


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "empty"),
        ("binary.txt", bytes(range(256)) * 20, "binary"),
        ("pic.md", b"![](https://example.com/x.png)\n", "no article text"),
    ],
)
def test_bad_imports_fail_cleanly_and_lose_nothing(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    data = tmp_path / "data"
    good = tmp_path / "good.txt"
    good.write_text("一篇好文章。\n", encoding="utf-8")
    assert run_cli(data, "import", str(good)).code == 0
    bad = tmp_path / name
    bad.write_bytes(content)
    result = run_cli(data, "import", str(bad))
    assert result.code == 1
    assert len(result.stderr.strip().splitlines()) == 1 and message in result.stderr
    assert "Traceback" not in result.stderr
    assert "good" in [item["id"] for item in run_cli(data, "list", "--json").json()]
    assert not (data / "library" / name).exists()


def test_missing_file_too_large_file_and_empty_folder(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert "no such file" in run_cli(data, "import", str(tmp_path / "nope.txt")).stderr
    folder = tmp_path / "folder"
    folder.mkdir()
    result = run_cli(data, "import", str(folder))
    assert result.code == 1 and "no article files" in result.stderr
    big = tmp_path / "big.txt"
    with big.open("wb") as stream:
        stream.truncate(21 * 1024 * 1024)
    result = run_cli(data, "import", str(big))
    assert result.code == 1 and "limit" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_data_dir_from_environment(tmp_path: Path) -> None:
    environment = {**os.environ, "AIGC_READER_DATA_DIR": str(tmp_path / "env-data")}
    article = tmp_path / "env_article.txt"
    article.write_text("环境变量指定的数据目录。\n", encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "desktop_app", "import", str(article)], env=environment, check=True, capture_output=True
    )
    assert (tmp_path / "env-data" / "library" / "env_article.txt").exists()


def test_invalid_user_name_is_refused(tmp_path: Path) -> None:
    result = run_cli(tmp_path, "list", user="../evil")
    assert result.code == 2 and "invalid user name" in result.stderr
