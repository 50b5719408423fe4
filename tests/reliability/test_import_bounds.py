"""Importing can never stall or exhaust the app: each file is parsed in a worker under a time
and a memory limit, and refused in one line past either; random bytes, HTML and Markdown never
end in a traceback."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.corpus import batch_parse
from desktop_app.corpus.library import Library
from desktop_app.paths import DataPaths
from tests.e2e.cli_runner import run_cli


def nested_lists(megabytes: float) -> str:
    lines, size, depth = [], 0, 0
    while size < megabytes * 2**20:
        line = " " * (depth % 400) + "- 项目\n"
        lines.append(line)
        size += len(line.encode())
        depth += 1
    return "".join(lines)


def test_a_file_that_parses_too_long_is_refused_at_its_time_limit_and_the_rest_import(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(batch_parse, "BASE_SECONDS", 0.5)  # workers are forked: they see it too
    slow = tmp_path / "slow.md"
    slow.write_text(nested_lists(0.9), encoding="utf-8")
    good = tmp_path / "good.md"
    good.write_text("# 正常的文章\n\n张三：这是一段正常的内容。\n", encoding="utf-8")
    library = Library(DataPaths(tmp_path / "data", "tester"))
    started = time.monotonic()
    refused, imported = library.import_paths([slow, good])
    assert time.monotonic() - started < 10
    assert refused.article is None and "took longer than" in (refused.error or "")
    assert imported.article is not None and imported.article.id == "good"
    assert [article.id for article in library.articles() if article.origin == "imported"] == ["good"]


def test_a_file_that_needs_too_much_memory_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch_parse, "MEMORY_HEADROOM", 64 * 2**20)
    hungry = tmp_path / "quotes.md"
    hungry.write_text("".join("> " * depth + "引用\n" for depth in range(1, 1200)), encoding="utf-8")
    [outcome] = Library(DataPaths(tmp_path / "data", "tester")).import_paths([hungry])
    assert outcome.article is None and "memory" in (outcome.error or "")


def test_the_command_line_reports_a_refusal_in_one_line(tmp_path: Path) -> None:
    brackets = tmp_path / "brackets.md"
    brackets.write_text("[" * 20_000 + "x" + "]" * 20_000, encoding="utf-8")
    started = time.monotonic()
    result = run_cli(tmp_path / "data", "import", str(brackets), "--json")
    assert time.monotonic() - started < 15 and "Traceback" not in result.stderr


MARKUP = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<div style='display:none'>",
        "<script>",
        "<!--",
        "-->",
        "<br>",
        "<h1>",
        "# ",
        "> ",
        "- ",
        "**",
        "[",
        "](",
        ")",
        "```",
        "\n",
        "\n\n",
        "---\n",
        "张三：",
        "问：",
        "|",
        "&amp;",
        "&#",
        "<img src=x>",
        "\t",
        "    ",
    ]
)
TEXT = st.text(alphabet=st.characters(codec="utf-8"), max_size=40)
DOCUMENTS = st.one_of(
    st.binary(max_size=3000),
    st.lists(st.one_of(MARKUP, TEXT), max_size=200).map(lambda parts: "".join(parts).encode("utf-8")),
    st.lists(st.one_of(MARKUP, TEXT), max_size=200).map(lambda parts: "".join(parts).encode("gb18030", "replace")),
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(st.lists(DOCUMENTS, min_size=1, max_size=4), st.sampled_from([".md", ".html", ".txt", ""]))
def test_random_files_import_or_are_refused_quickly_never_with_a_traceback(
    tmp_path: Path, documents: list[bytes], suffix: str
) -> None:
    folder = tmp_path / f"fuzz-{time.monotonic_ns()}"
    folder.mkdir()
    files = []
    for number, data in enumerate(documents):
        path = folder / f"file{number}{suffix}"
        path.write_bytes(data)
        files.append(path)
    library = Library(DataPaths(folder / "data", "tester"))
    started = time.monotonic()
    outcomes = library.import_paths(files)
    assert time.monotonic() - started < 5 * len(files)
    assert len(outcomes) == len(files)
    for outcome in outcomes:
        assert (outcome.article is None) != (outcome.error is None)
        if outcome.error:
            assert "\n" not in outcome.error and "Error" not in outcome.error.split(":")[-1]
    library.articles()  # what was imported lists again
