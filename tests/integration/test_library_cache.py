"""The parsed corpus is cached: the next start does not parse again unless a source changed."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from desktop_app.corpus import library as library_module
from desktop_app.corpus.library import Library
from desktop_app.paths import DataPaths
from tests.conftest import SOURCES


def test_second_start_parses_nothing_and_a_change_parses_only_that(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    sources = tmp_path / "sources"
    shutil.copytree(SOURCES, sources)
    paths = DataPaths(tmp_path / "data", "tester")
    first = Library(paths, sources).articles()
    assert len(first) == 5

    parsed: list[str] = []
    real_parse = library_module._parse  # noqa: SLF001 - counting parses is the point of the test
    monkeypatch.setattr(library_module, "_parse", lambda i, d, o: parsed.append(i) or real_parse(i, d, o))
    again = Library(paths, sources).articles()
    assert parsed == []
    assert [a.to_cache() for a in again] == [a.to_cache() for a in first]

    changed = sources / "002_24c868e8aabdd4fe.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("中国AIGC生态初现", "中国AIGC生态显现"), encoding="utf-8")
    updated = Library(paths, sources).get("002_24c868e8aabdd4fe")
    assert parsed == ["002_24c868e8aabdd4fe"]
    assert updated.topics[0].title.startswith("中国AIGC生态显现")


def test_a_damaged_cache_is_rebuilt(tmp_path: Path) -> None:
    paths = DataPaths(tmp_path / "data", "tester")
    library = Library(paths)
    library.articles()
    library.cache_file.write_text("{not json", encoding="utf-8")
    assert len(Library(paths).articles()) == 5


def test_a_same_size_change_right_after_caching_is_not_missed(tmp_path: Path) -> None:
    # Two writes inside one tick of the file system's clock leave the same size and mtime behind.
    sources = tmp_path / "sources"
    shutil.copytree(SOURCES, sources)
    paths = DataPaths(tmp_path / "data", "tester")
    changed = sources / "002_24c868e8aabdd4fe.txt"
    original = changed.read_text(encoding="utf-8")
    changed.write_text(original.replace("中国AIGC生态初现", "中国AIGC生态将现"), encoding="utf-8")
    first = Library(paths, sources).get("002_24c868e8aabdd4fe")
    assert first.topics[0].title.startswith("中国AIGC生态将现")
    stat = changed.stat()
    changed.write_text(original.replace("中国AIGC生态初现", "中国AIGC生态显现"), encoding="utf-8")
    os.utime(changed, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # the same tick
    assert changed.stat().st_size == stat.st_size
    assert Library(paths, sources).get("002_24c868e8aabdd4fe").topics[0].title.startswith("中国AIGC生态显现")
