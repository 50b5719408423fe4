"""The annotations database under real processes: pragmas, permissions, migrations, damaged
files, two writers at once, and kill -9 at random moments."""

from __future__ import annotations

import os
import random
import select
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop_app.annotations.model import Anchor, Annotation
from desktop_app.annotations.recovery import restore
from desktop_app.annotations.store import SCHEMA_VERSION, AnnotationStore, StoreDamaged, StoreMissing
from desktop_app.errors import DataError

WRITER = Path(__file__).with_name("writer.py")
ROOT = Path(__file__).resolve().parents[3]


def annotation(number: int = 0) -> Annotation:
    return Annotation.new("000", Anchor("引用", "前", "后", number, number + 2), note=f"注{number}")


def start_writer(database: Path, count: int, label: str = "w") -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(WRITER), str(database), str(count), label],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def test_wal_full_sync_and_owner_only_files(tmp_path: Path) -> None:
    database = tmp_path / "user" / "annotations.sqlite3"
    store = AnnotationStore(database)
    store.put(annotation())
    store.refresh_backup()
    backup = store.backups.newest()
    assert backup is not None and backup.held == 1
    connection = store._connection  # noqa: SLF001 - the pragmas are the promise under test
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert connection.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    for path in (database, Path(str(database) + "-wal"), backup.path):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    assert stat.S_IMODE(database.parent.stat().st_mode) == 0o700
    store.close()


def test_a_database_from_a_newer_version_is_refused_not_touched(tmp_path: Path) -> None:
    database = tmp_path / "annotations.sqlite3"
    AnnotationStore(database).close()
    connection = sqlite3.connect(database)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()
    with pytest.raises(DataError, match="newer version"):
        AnnotationStore(database)
    assert database.exists()


@pytest.mark.parametrize("damage", ["garbage", "truncated", "zeroed-page"])
def test_a_damaged_database_is_set_aside_and_the_backup_restores(tmp_path: Path, damage: str) -> None:
    database = tmp_path / "annotations.sqlite3"
    store = AnnotationStore(database)
    saved = [annotation(n) for n in range(50)]
    for item in saved:
        store.put(item)
    store.close()
    AnnotationStore(database).close()  # the next start takes the backup
    raw = database.read_bytes()
    if damage == "garbage":
        damaged = b"this is not a database at all" * 100
    elif damage == "truncated":
        damaged = raw[: len(raw) // 3 + 7]
    else:
        damaged = raw[:4096] + b"\x00" * 4096 + raw[8192:]
    database.write_bytes(damaged)
    with pytest.raises(StoreDamaged) as caught:
        AnnotationStore(database)
    message = str(caught.value)
    assert "kept aside" in message and "a restore" in message and "\n" not in message
    assert caught.value.damaged_path.read_bytes() == damaged  # kept as it was, for forensics
    with pytest.raises(StoreMissing):  # not silently started afresh…
        AnnotationStore(database)
    report = restore(database)  # …the restore brings every note back
    assert report.from_backup + report.from_salvage == len(saved)
    fresh = AnnotationStore(database)
    assert {a.id for a in fresh.all()} == {a.id for a in saved}
    assert fresh.integrity() == "ok"


def test_two_processes_adding_a_thousand_each_end_with_two_thousand(tmp_path: Path) -> None:
    database = tmp_path / "annotations.sqlite3"
    AnnotationStore(database).close()
    writers = [start_writer(database, 1000, label) for label in ("甲", "乙")]
    reported = set()
    for writer in writers:
        out, _ = writer.communicate(timeout=300)
        assert writer.returncode == 0
        reported |= set(out.split())
    store = AnnotationStore(database)
    assert len(reported) == 2000
    assert {a.id for a in store.all()} == reported
    assert store.integrity() == "ok"


@pytest.mark.slow
def test_kill_9_at_random_moments_never_loses_a_saved_annotation(tmp_path: Path) -> None:
    database = tmp_path / "annotations.sqlite3"
    AnnotationStore(database).close()
    generator = random.Random(9)
    reported: set[str] = set()
    kills = 0
    while kills < 200:
        writer = start_writer(database, 100_000)
        assert writer.stdout is not None
        descriptor = writer.stdout.fileno()
        deadline = time.monotonic() + generator.uniform(0.03, 0.25)
        received = b""
        while (left := deadline - time.monotonic()) > 0:
            if select.select([descriptor], [], [], left)[0]:
                received += os.read(descriptor, 65536)
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        while chunk := os.read(descriptor, 65536):
            received += chunk
        writer.stdout.close()
        lines = received.decode().split("\n")
        reported |= {line for line in lines[:-1] if line}  # the last, unterminated line was in flight
        kills += 1
    connection = sqlite3.connect(database)
    stored = {row[0] for row in connection.execute("SELECT id FROM annotations")}
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    connection.close()
    assert reported, "the writer never got to save anything"
    assert reported <= stored, f"{len(reported - stored)} saved annotations lost"


def test_a_table_that_lost_a_column_is_damage_and_the_restore_brings_the_rows_back(tmp_path: Path) -> None:
    database = tmp_path / "annotations.sqlite3"
    store = AnnotationStore(database)
    saved = Annotation.new("a1", Anchor.at("一段足够长的文字", 0, 4), note="留着")
    store.put(saved)
    store.close()
    with sqlite3.connect(database) as connection:
        connection.execute("ALTER TABLE annotations DROP COLUMN note")
    connection.close()
    with pytest.raises(StoreDamaged, match=r"lost columns of its annotations table \(note\)"):
        AnnotationStore(database)
    restore(database)
    reopened = AnnotationStore(database)
    assert [a.note for a in reopened.all()] == ["留着"]
    reopened.close()


def test_a_database_of_the_first_schema_gains_reading_places_and_keeps_its_annotations(tmp_path: Path) -> None:
    from desktop_app.annotations.store import _MIGRATIONS, APPLICATION_ID

    database = tmp_path / "annotations.sqlite3"
    connection = sqlite3.connect(database)
    connection.executescript(_MIGRATIONS[0])
    connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    connection.execute("PRAGMA user_version = 1")
    connection.commit()
    connection.close()
    store = AnnotationStore(database)
    store.put(annotation(1))
    assert store.reading_place("a") is None
    store.remember_reading_place("a", (12, 0.25))
    store.close()
    reopened = AnnotationStore(database)
    assert reopened.reading_place("a") == (12, 0.25) and len(reopened.all()) == 1
    reopened.remember_reading_place("a", None)
    assert reopened.reading_place("a") is None
    reopened.close()
