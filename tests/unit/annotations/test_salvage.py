"""Salvage reads annotation rows page by page from a database SQLite no longer opens."""

from __future__ import annotations

from pathlib import Path

from desktop_app.annotations.model import Anchor, Annotation
from desktop_app.annotations.salvage import salvage
from desktop_app.annotations.store import AnnotationStore

TEXT = "这是一段足够长的文字，用来做高亮和笔记。" * 20


def saved(path: Path, count: int, note: str = "笔记") -> list[Annotation]:
    store = AnnotationStore(path)
    annotations = [
        Annotation.new(f"article-{n % 3}", Anchor.at(TEXT, n % 100, n % 100 + 8), note=f"{note}{n}", tags=("标签",))
        for n in range(count)
    ]
    store.add_missing(annotations)
    store._connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # noqa: SLF001 - the rows in the main file
    store.close()
    return annotations


def test_every_row_of_a_sound_file_is_read_back_exactly(tmp_path: Path) -> None:
    database = tmp_path / "annotations.sqlite3"
    annotations = saved(database, 300, note="长笔记" * 400)  # long notes spill onto overflow pages
    found = salvage(database)
    assert sorted(found.annotations) == sorted(annotations) and found.unreadable_rows == 0


def test_a_file_with_its_header_and_some_pages_destroyed_still_gives_up_the_rest(tmp_path: Path) -> None:
    database = tmp_path / "annotations.sqlite3"
    annotations = saved(database, 400)
    data = bytearray(database.read_bytes())
    data[:100] = b"\0" * 100  # SQLite no longer recognises the file
    middle = len(data) // 2
    data[middle : middle + 4096] = b"\xff" * 4096
    database.write_bytes(bytes(data))
    found = salvage(database)
    assert 300 < len(found.annotations) < 400
    assert set(found.annotations) <= set(annotations)  # nothing invented
