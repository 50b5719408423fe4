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


def test_second_start_parses_nothing_and_a_change_parses_only_that(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sources = tmp_path / "sources"
    shutil.copytree(SOURCES, sources)
    paths = DataPaths(tmp_path / "data", "tester")
    first = Library(paths, sources).articles()
    assert len(first) == 5

    # Parsing runs in forked workers: they count the parses in a file, which the test reads.
    log = tmp_path / "parsed.log"
    log.touch()
    real_parse = library_module._parse  # noqa: SLF001 - counting parses is the point of the test

    def counting_parse(article_id: str, data: bytes, origin: str):  # type: ignore[no-untyped-def]
        with log.open("a", encoding="utf-8") as stream:
            stream.write(article_id + "\n")
        return real_parse(article_id, data, origin)

    monkeypatch.setattr(library_module, "_parse", counting_parse)
    again = Library(paths, sources).articles()
    assert log.read_text(encoding="utf-8").split() == []
    assert [a.to_cache() for a in again] == [a.to_cache() for a in first]

    changed = sources / "002_24c868e8aabdd4fe.txt"
    changed.write_text(
        changed.read_text(encoding="utf-8").replace("中国AIGC生态初现", "中国AIGC生态显现"), encoding="utf-8"
    )
    updated = Library(paths, sources).get("002_24c868e8aabdd4fe")
    assert log.read_text(encoding="utf-8").split() == ["002_24c868e8aabdd4fe"]
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


_GUESTS = ["张伟", "李娜", "王芳", "刘洋", "陈静"]


def _interviews(folder: Path, count: int) -> list[Path]:
    folder.mkdir()
    for number in range(count):
        guest = _GUESTS[number % len(_GUESTS)]
        lines = [f"# 第{number}次访谈", "", "这是导语，介绍这次访谈的缘起与两位对谈者。", ""]
        for turn in range(3):
            lines += [f"主持人：第{turn}个问题是什么？", "", f"{guest}：这是第{turn}个回答，内容充实。", ""]
        (folder / f"interview_{number:03d}.md").write_text("\n".join(lines), encoding="utf-8")
    return sorted(folder.iterdir())


def test_a_batch_import_on_all_cores_equals_one_by_one_and_the_next_listing_parses_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = _interviews(tmp_path / "batch", 40)
    batch = Library(DataPaths(tmp_path / "batch-data", "tester"), tmp_path / "no-bundled")
    outcomes = batch.import_paths([tmp_path / "batch"])
    single = Library(DataPaths(tmp_path / "single-data", "tester"), tmp_path / "no-bundled")
    one_by_one = [single.import_paths([path])[0] for path in files]
    assert [o.article.to_cache() for o in outcomes] == [o.article.to_cache() for o in one_by_one]  # type: ignore[union-attr]
    assert [o.path for o in outcomes] == files

    parsed: list[str] = []
    monkeypatch.setattr(library_module, "_parse", lambda i, d, o: parsed.append(i))
    listed = Library(DataPaths(tmp_path / "batch-data", "tester"), tmp_path / "no-bundled").articles()
    assert len(listed) == 40 and parsed == []  # written a moment ago, vouched for by the content hash
    assert listed[7].turn_counts() == {"主持人": 3, _GUESTS[7 % len(_GUESTS)]: 3}
