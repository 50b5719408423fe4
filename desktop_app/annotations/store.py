"""One user's annotations in SQLite, as trustworthy as the disk under it.

- WAL with ``synchronous=FULL``: a change is on disk when ``COMMIT`` returns, and nothing says
  "saved" before that. Each change is one ``BEGIN IMMEDIATE … COMMIT``, so two processes (two
  windows, a window and the CLI) queue behind the busy timeout instead of losing each other's
  writes. A kill -9 loses at most the change in flight.
- The schema is versioned with ``PRAGMA user_version`` and migrated in a transaction.
- At open the file is checked (``PRAGMA quick_check``). A damaged file is moved aside, never
  overwritten, and ``StoreDamaged`` says where it went and whether a backup can be restored.
  A healthy open refreshes that backup with SQLite's backup API.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from desktop_app.annotations.model import Anchor, Annotation
from desktop_app.errors import DataError

BUSY_TIMEOUT_MS = 15_000

# Migrations: entry N brings a database from user_version N to N + 1.
_MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE annotations (
        id       TEXT PRIMARY KEY,
        article  TEXT NOT NULL,
        color    TEXT NOT NULL,
        note     TEXT NOT NULL DEFAULT '',
        tags     TEXT NOT NULL DEFAULT '',  -- one a line (tags hold no white space)
        created  TEXT NOT NULL,
        updated  TEXT NOT NULL,
        quote    TEXT NOT NULL,
        prefix   TEXT NOT NULL,
        suffix   TEXT NOT NULL,
        start    INTEGER NOT NULL,
        "end"    INTEGER NOT NULL
    );
    CREATE INDEX annotations_by_article ON annotations (article, start);
    """,
)
SCHEMA_VERSION = len(_MIGRATIONS)
_COLUMNS = 'id, article, color, note, tags, created, updated, quote, prefix, suffix, start, "end"'


class StoreDamaged(DataError):
    """The database could not be read; it has been moved aside (``damaged_path``)."""

    def __init__(self, damaged_path: Path, backup_path: Path | None) -> None:
        self.damaged_path = damaged_path
        self.backup_path = backup_path
        if backup_path is not None:
            taken = time.strftime("%Y-%m-%d %H:%M", time.localtime(backup_path.stat().st_mtime))
            advice = f"restore the backup of {taken} with 'aigc-reader annotate restore'"
        else:
            advice = "there is no backup to restore"
        super().__init__(f"the annotations database was damaged and has been kept aside as {damaged_path}; {advice}")


def _row(annotation: Annotation) -> tuple[object, ...]:
    a = annotation
    return (a.id, a.article, a.color, a.note, "\n".join(a.tags), a.created, a.updated,
            a.anchor.quote, a.anchor.prefix, a.anchor.suffix, a.anchor.start, a.anchor.end)


def _annotation(row: tuple[Any, ...]) -> Annotation:
    id_, article, color, note, tags, created, updated, quote, prefix, suffix, start, end = row
    return Annotation(id_, article, Anchor(quote, prefix, suffix, start, end), color, note,
                      tuple(tags.split("\n")) if tags else (), created, updated)


def backup_path_for(database: Path) -> Path:
    return database.with_name(database.stem + ".backup" + database.suffix)


class AnnotationStore:
    """The annotations database of one user. Open it once; close it when done."""

    def __init__(self, path: Path, backup_on_open: bool = True) -> None:
        """``backup_on_open=False`` leaves ``refresh_backup`` to the caller: the window calls it
        after its first paint (with 10,000 annotations the copy takes ~15 ms)."""
        self.path = path
        self.backup_path = backup_path_for(path)
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        self._connection = self._open_checked()
        self._migrate()
        if backup_on_open:
            self.refresh_backup()

    # -- opening ----------------------------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        if not self.path.exists():
            # Created owner-only before SQLite opens it; its -wal and -shm files copy this mode.
            os.close(os.open(self.path, os.O_CREAT | os.O_WRONLY, 0o600))
        connection = sqlite3.connect(self.path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000,
                                     check_same_thread=False)
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = FULL")
        return connection

    def _open_checked(self) -> sqlite3.Connection:
        try:
            connection = self._connect()
            verdict = connection.execute("PRAGMA quick_check").fetchone()
            if verdict is None or verdict[0] != "ok":
                connection.close()
                raise sqlite3.DatabaseError(f"quick_check: {verdict}")
            return connection
        except sqlite3.OperationalError as error:
            if "locked" in str(error) or "busy" in str(error):
                raise DataError("the annotations database is locked by another program; try again") from None
            if not os.access(self.path, os.R_OK | os.W_OK):
                raise DataError(f"cannot read or write {self.path}: check its permissions") from None
            raise self._set_aside() from None
        except sqlite3.DatabaseError:
            raise self._set_aside() from None

    def _set_aside(self) -> StoreDamaged:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        damaged = self.path.with_name(f"{self.path.stem}.damaged-{stamp}{self.path.suffix}")
        for suffix in ("", "-wal", "-shm"):
            companion = Path(str(self.path) + suffix)
            if companion.exists():
                companion.replace(Path(str(damaged) + suffix))
        # The backup is frozen under its own name: the next open would overwrite the usual one
        # with a copy of the new, empty database.
        restore_point = None
        if self.backup_path.exists():
            restore_point = self.path.with_name(f"{self.path.stem}.restore-{stamp}{self.path.suffix}")
            shutil.copy2(self.backup_path, restore_point)
        return StoreDamaged(damaged, restore_point)

    def _migrate(self) -> None:
        with self._transaction() as connection:
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise DataError(f"{self.path} was written by a newer version of aigc-reader; update the app")
            for number in range(version, SCHEMA_VERSION):
                for statement in filter(str.strip, _MIGRATIONS[number].split(";")):
                    connection.execute(statement)
            if version != SCHEMA_VERSION:
                connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def refresh_backup(self) -> None:
        """Copies the healthy database next to it (atomically), for a restore after damage."""
        temporary = self.backup_path.with_name(self.backup_path.name + ".tmp")
        try:
            target = sqlite3.connect(temporary)
            with target:
                self._connection.backup(target)
            target.close()
            os.chmod(temporary, 0o600)
            temporary.replace(self.backup_path)
        except (OSError, sqlite3.Error):
            temporary.unlink(missing_ok=True)  # a missed backup must not stop the user working

    def close(self) -> None:
        self._connection.close()

    # -- transactions -----------------------------------------------------------------------
    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        connection = self._connection
        try:
            connection.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError:
            raise DataError("the annotations database is busy (another program holds it); try again") from None
        try:
            yield connection
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        try:
            connection.execute("COMMIT")
        except sqlite3.Error as error:
            raise DataError(f"could not save the annotation: {error}") from None

    # -- reading ----------------------------------------------------------------------------
    def get(self, annotation_id: str) -> Annotation | None:
        row = self._connection.execute(f"SELECT {_COLUMNS} FROM annotations WHERE id = ?", (annotation_id,)).fetchone()
        return _annotation(row) if row else None

    def ids_starting_with(self, prefix: str) -> list[str]:
        escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        rows = self._connection.execute("SELECT id FROM annotations WHERE id LIKE ? ESCAPE '\\' LIMIT 2",
                                        (escaped + "%",)).fetchall()
        return [str(row[0]) for row in rows]

    def all(self, article: str | None = None) -> list[Annotation]:
        """In no particular order (callers sort by where the annotations sit now)."""
        if article is None:
            rows = self._connection.execute(f"SELECT {_COLUMNS} FROM annotations").fetchall()
        else:
            rows = self._connection.execute(f"SELECT {_COLUMNS} FROM annotations WHERE article = ?",
                                            (article,)).fetchall()
        return [_annotation(row) for row in rows]

    def data_version(self) -> int:
        """Changes whenever another connection (another window, the CLI) commits a change."""
        return int(self._connection.execute("PRAGMA data_version").fetchone()[0])

    def counts_by_article(self) -> dict[str, int]:
        """How many annotations each article has (the library list shows it)."""
        rows = self._connection.execute("SELECT article, count(*) FROM annotations GROUP BY article").fetchall()
        return {str(article): int(count) for article, count in rows}

    def count(self) -> int:
        return int(self._connection.execute("SELECT count(*) FROM annotations").fetchone()[0])

    def integrity(self) -> str:
        return str(self._connection.execute("PRAGMA integrity_check").fetchone()[0])

    # -- writing: each call is one transaction, durable when it returns --------------------
    def put(self, annotation: Annotation) -> None:
        """Inserts or replaces the annotation with this id."""
        with self._transaction() as connection:
            connection.execute(f"INSERT OR REPLACE INTO annotations ({_COLUMNS}) VALUES ({', '.join('?' * 12)})",
                               _row(annotation))

    def delete(self, annotation_id: str) -> None:
        with self._transaction() as connection:
            connection.execute("DELETE FROM annotations WHERE id = ?", (annotation_id,))

    def add_missing(self, annotations: Iterable[Annotation]) -> list[Annotation]:
        """Inserts those whose id is not stored yet (one transaction); returns them."""
        added = []
        with self._transaction() as connection:
            for annotation in annotations:
                cursor = connection.execute(
                    f"INSERT OR IGNORE INTO annotations ({_COLUMNS}) VALUES ({', '.join('?' * 12)})", _row(annotation))
                if cursor.rowcount:
                    added.append(annotation)
        return added


def newest_restore_point(database: Path) -> Path | None:
    """The backup to restore: the one frozen when damage was found, else the rolling one."""
    frozen = sorted(database.parent.glob(f"{database.stem}.restore-*{database.suffix}"))
    if frozen:
        return frozen[-1]
    rolling = backup_path_for(database)
    return rolling if rolling.exists() else None


def read_backup(backup_path: Path) -> list[Annotation]:
    """The annotations in a backup file (read-only)."""
    try:
        connection = sqlite3.connect(f"file:{backup_path}?mode=ro", uri=True)
        try:
            rows = connection.execute(f"SELECT {_COLUMNS} FROM annotations").fetchall()
        finally:
            connection.close()
    except sqlite3.Error as error:
        raise DataError(f"the backup {backup_path} cannot be read: {error}") from None
    return [_annotation(row) for row in rows]
