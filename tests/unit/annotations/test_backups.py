"""Backup generations: a copy only when something changed; the last five distinct ones, the
newest of each day for a week, and the pinned restore point are kept."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from desktop_app.annotations.backups import KEEP_DAYS, KEEP_LAST, Backups, fingerprint

DAY = 86_400.0
NOW = 1_790_000_000.0  # some afternoon in 2026


def database_with(path: Path, rows: int) -> sqlite3.Connection:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE IF NOT EXISTS annotations (id TEXT PRIMARY KEY, updated TEXT)")
    connection.execute("DELETE FROM annotations")
    connection.executemany("INSERT INTO annotations VALUES (?, ?)", [(f"id{n}", f"t{n}") for n in range(rows)])
    connection.commit()
    return connection


def test_a_copy_is_taken_only_when_the_annotations_changed(tmp_path: Path) -> None:
    database = tmp_path / "annotations.sqlite3"
    backups = Backups(database)
    connection = database_with(database, 2)
    first = backups.take(connection, taken=NOW)
    assert first is not None and first.held == 2 and backups.take(connection, taken=NOW + 60) is None
    assert fingerprint(connection) == (2, first.fingerprint)
    database_with(database, 3)
    assert backups.take(connection, taken=NOW + 120) is not None and backups.newest().held == 3  # type: ignore[union-attr]


def test_the_last_distinct_ones_and_one_a_day_for_a_week_are_kept(tmp_path: Path) -> None:
    database = tmp_path / "annotations.sqlite3"
    backups = Backups(database)
    connection = database_with(database, 1)
    for day in range(10):  # one change a day for ten days, then many changes today
        database_with(database, day + 1)
        backups.take(connection, taken=NOW - (10 - day) * DAY)
    for minute in range(8):
        database_with(database, 100 + minute)
        backups.take(connection, taken=NOW + minute * 60)
    held = sorted(generation.held for generation in backups.generations())
    today = [100 + minute for minute in range(8)][-KEEP_LAST:]
    week = list(range(10 - KEEP_DAYS + 2, 11))  # the newest of each earlier day within the week
    assert held == sorted(set(week) | set(today))


def test_a_pinned_restore_point_outlives_the_policy_until_unpinned(tmp_path: Path) -> None:
    database = tmp_path / "annotations.sqlite3"
    backups = Backups(database)
    connection = database_with(database, 1)
    pinned = backups.pin(backups.take(connection, taken=NOW - 30 * DAY))  # type: ignore[arg-type]
    for minute in range(KEEP_LAST + 2):
        database_with(database, 10 + minute)
        backups.take(connection, taken=NOW + minute * 60)
    assert backups.restore_point() == pinned and pinned.path.exists()
    backups.unpin_all()
    backups.prune(now=NOW + DAY)
    assert all(generation.held != 1 for generation in backups.generations())
