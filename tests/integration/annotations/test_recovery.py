"""Restore: salvaged rows from the damaged files merged with a chosen backup generation, and a
report that says where each came from and what was lost."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.annotations.backups import Backups
from desktop_app.annotations.model import Anchor, Annotation
from desktop_app.annotations.recovery import damaged_files, restore
from desktop_app.annotations.store import AnnotationStore, StoreDamaged
from desktop_app.errors import DataError

TEXT = "这是一段足够长的文字，用来做高亮和笔记。" * 5


def note(number: int) -> Annotation:
    return Annotation.new("article", Anchor.at(TEXT, number, number + 4), note=f"笔记{number}")


def test_restore_from_an_older_generation_adds_what_is_missing_and_reports_it(tmp_path: Path) -> None:
    database = tmp_path / "annotations.sqlite3"
    store = AnnotationStore(database)
    first = note(1)
    store.put(first)
    store.close()  # the first generation: note 1
    older = Backups(database).newest()
    assert older is not None and older.held == 1
    store = AnnotationStore(database)
    store.put(note(2))
    store.delete(first.id)
    store.close()  # the second: note 2 only
    report = restore(database, older.path)
    assert report.backup == older.path and report.from_backup == 1 and report.from_salvage == 0
    restored = AnnotationStore(database)
    assert sorted(a.note for a in restored.all()) == ["笔记1", "笔记2"]
    restored.close()
    assert report.describe().startswith("restored 1 annotation") and report.to_json()["damaged_files"] == []


def test_nothing_to_restore_from_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="no backup"):
        restore(tmp_path / "annotations.sqlite3")


def test_a_damaged_file_is_salvaged_once_and_then_marked(tmp_path: Path) -> None:
    database = tmp_path / "annotations.sqlite3"
    store = AnnotationStore(database)
    for number in range(5):
        store.put(note(number))
    store._connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # noqa: SLF001
    store._connection.close()  # noqa: SLF001 - no backup at close: the rows live only in the file
    data = bytearray(database.read_bytes())
    data[:16] = b"\0" * 16
    database.write_bytes(bytes(data))
    with pytest.raises(StoreDamaged):
        AnnotationStore(database)
    assert len(damaged_files(database)) == 1
    report = restore(database)
    assert report.from_salvage == 5 and damaged_files(database) == []
    assert restore(database).from_salvage == 0  # a second restore salvages nothing again
