"""One user's annotations in SQLite, as trustworthy as the disk under it.

- WAL with ``synchronous=FULL``: a change is on disk when ``COMMIT`` returns, and nothing says
  "saved" before that. Each change is one ``BEGIN IMMEDIATE … COMMIT``, so two processes (two
  windows, a window and the CLI) queue behind the busy timeout instead of losing each other's
  writes. A kill -9 loses at most the change in flight. ``secure_delete`` zeroes deleted rows,
  so that salvaging a damaged file never brings a deleted note back.
- The schema is versioned with ``PRAGMA user_version`` and migrated in a transaction; the file
  is marked as ours with ``PRAGMA application_id``.
- Opening is serialised across processes by a lock file, and classifies what it finds. Only
  what SQLite calls corrupt (or a failed ``quick_check``), a lost table, a foreign database, or
  a file emptied or deleted while backups of it exist count as damage: the file is moved aside
  (never overwritten), the newest backup pinned, and ``StoreDamaged`` / ``StoreMissing`` say
  what to do. A full disk, an I/O error or a permission is reported as what it is, and nothing
  is moved. A database (or folder) the user cannot write is opened read-only.
- A healthy open adds a backup generation (``backups.py``) when the annotations changed.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

try:
    import fcntl
except ImportError:  # Windows: see _opening_lock
    fcntl = None  # type: ignore[assignment]

from desktop_app.annotations.backups import Backups, Generation
from desktop_app.annotations.model import Anchor, Annotation, now_iso
from desktop_app.errors import DataError

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 15_000
APPLICATION_ID = 0x41494752  # "AIGR": marks a database as an aigc-reader annotations store

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
    """
    CREATE TABLE reading_places (  -- where the user was in each article: a block and how far into it
        article  TEXT PRIMARY KEY,
        block    INTEGER NOT NULL,
        fraction REAL NOT NULL,
        updated  TEXT NOT NULL
    );
    """,
)
SCHEMA_VERSION = len(_MIGRATIONS)
_COLUMN_NAMES = (
    "id",
    "article",
    "color",
    "note",
    "tags",
    "created",
    "updated",
    "quote",
    "prefix",
    "suffix",
    "start",
    "end",
)
_COLUMNS = ", ".join(f'"{name}"' for name in _COLUMN_NAMES)

# SQLite's primary result codes (https://www.sqlite.org/rescode.html) that say something about the disk.
_CORRUPT, _NOTADB = 11, 26
_BUSY, _LOCKED = 5, 6
_FULL, _IOERR, _CANTOPEN, _READONLY, _PERM = 13, 10, 14, 8, 3


class StoreDamaged(DataError):
    """The database could not be used; it has been moved aside (``damaged_path``)."""

    def __init__(self, what: str, damaged_path: Path, restore_point: Generation | None) -> None:
        self.damaged_path = damaged_path
        self.restore_point = restore_point
        super().__init__(
            f"the annotations database {what}; it has been kept aside as {damaged_path}; "
            f"{_restore_advice(restore_point)}"
        )


class DamageFound(DataError):
    """SQLite found damage in the open database: the next open sets it aside for a restore."""


class StoreMissing(DataError):
    """The database is gone though backups of it exist: it is not silently started afresh."""

    def __init__(self, path: Path, restore_point: Generation) -> None:
        self.restore_point = restore_point
        super().__init__(f"the annotations database {path} is missing; {_restore_advice(restore_point)}")


def _restore_advice(restore_point: Generation | None) -> str:
    if restore_point is None:
        return "a restore salvages what can still be read"
    return f"a restore brings back {restore_point.describe()} and whatever can be salvaged"


def _row(annotation: Annotation) -> tuple[object, ...]:
    a = annotation
    return (
        a.id,
        a.article,
        a.color,
        a.note,
        "\n".join(a.tags),
        a.created,
        a.updated,
        a.anchor.quote,
        a.anchor.prefix,
        a.anchor.suffix,
        a.anchor.start,
        a.anchor.end,
    )


def annotation_from_row(row: tuple[Any, ...]) -> Annotation:
    """An annotation from a row of the table's columns in order (the store's, and salvage's)."""
    id_, article, color, note, tags, created, updated, quote_, prefix, suffix, start, end = row
    return Annotation(
        id_,
        article,
        Anchor(quote_, prefix, suffix, start, end),
        color,
        note,
        tuple(tags.split("\n")) if tags else (),
        created,
        updated,
    )


def _code(error: sqlite3.Error) -> int:
    return int(getattr(error, "sqlite_errorcode", -1) or -1) & 0xFF


def describe_disk_error(error: BaseException, path: Path) -> str:
    """What a failed read or write of the database means for the user, in a few words."""
    code = _code(error) if isinstance(error, sqlite3.Error) else None
    errno = getattr(error, "errno", None)
    if code == _FULL or errno == 28 or (code == _IOERR and _nearly_full(path)):
        return f"the disk holding {path} is full: free some space and try again"
    if code in (_READONLY, _PERM, _CANTOPEN) or errno in (1, 13, 30):
        return f"cannot write {path}: check the permissions of it and its folder"
    if code in (_BUSY, _LOCKED):
        return "the annotations database is busy (another program holds it); try again"
    return f"cannot read or write {path}: {getattr(error, 'strerror', None) or error}"


class _Damage(Exception):
    """Found while checking an open database: what is wrong with it."""


def _nearly_full(path: Path) -> bool:
    """SQLite reports a full disk while making its shared-memory file as a mere I/O error."""
    try:
        return shutil.disk_usage(path if path.is_dir() else path.parent).free < 1 << 20
    except OSError:
        return False


def _is_damage(error: sqlite3.Error) -> bool:
    return _code(error) in (_CORRUPT, _NOTADB)


@contextmanager
def _opening_lock(folder: Path) -> Iterator[None]:
    """One process at a time opens (and maybe creates or sets aside) the database: SQLite's busy
    handler does not cover switching a new file to WAL, and two processes must not both move a
    damaged file aside. A folder the user cannot write has no lock, and needs none (read-only).

    On POSIX this is flock(2) itself, as filelock does there: importing filelock (it imports
    asyncio) cost the window's first paint ~18 ms. Windows takes filelock."""
    path = folder / ".annotations.lock"
    if fcntl is None:
        with _portable_lock(path):
            yield
        return
    try:
        descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError:
        yield
        return
    try:
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        while True:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise DataError("the annotations database is being opened by another program; try again") from None
                time.sleep(0.01)
        try:
            yield
        finally:
            fcntl.flock(descriptor, fcntl.LOCK_UN)
    finally:
        os.close(descriptor)


@contextmanager
def _portable_lock(path: Path) -> Iterator[None]:
    from filelock import FileLock, Timeout

    lock = FileLock(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        lock.acquire()
    except Timeout:
        raise DataError("the annotations database is being opened by another program; try again") from None
    except OSError:
        yield
        return
    try:
        yield
    finally:
        lock.release()


def _roll_back(connection: sqlite3.Connection) -> None:
    if connection.in_transaction:
        try:
            connection.execute("ROLLBACK")
        except sqlite3.Error:
            pass  # SQLite rolls back by itself when it cannot (a full disk): the change was not saved either way


def _empty_connection() -> sqlite3.Connection:
    connection = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    for statement in filter(str.strip, _MIGRATIONS[0].split(";")):
        connection.execute(statement)
    return connection


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK)


class AnnotationStore:
    """The annotations database of one user. Open it once; close it when done."""

    def __init__(self, path: Path, backup_on_open: bool = True, create_missing: bool = False) -> None:
        """``backup_on_open=False`` leaves ``refresh_backup`` to the caller: the window calls it
        after its first paint. ``create_missing`` starts a new database even where backups say
        one existed (what a restore does)."""
        self.path = path
        self.backups = Backups(path)
        self.read_only = ""  # why nothing can be written, when that is so
        self._changed = False
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as error:
            raise DataError(describe_disk_error(error, path.parent)) from None
        with _opening_lock(path.parent):
            if _writable(path.parent):
                self.backups.adopt_legacy(path)
            self._connection = self._open(create_missing)
        if backup_on_open:
            self.refresh_backup()

    # -- opening ----------------------------------------------------------------------------
    def _open(self, create_missing: bool) -> sqlite3.Connection:
        folder_writable = _writable(self.path.parent)
        if not self.path.exists():
            restore_point = self.backups.restore_point()
            if restore_point is not None and self.backups.held_annotations() and not create_missing:
                raise StoreMissing(self.path, restore_point)
            if not folder_writable:
                return self._empty_read_only()
        elif (
            self.path.stat().st_size == 0 and not Path(f"{self.path}-wal").exists() and self.backups.held_annotations()
        ):
            raise self._set_aside("was emptied")
        self._creating = not self.path.exists()
        if not self._creating and not (folder_writable and _writable(self.path)):
            self.read_only = "the annotations database or its folder is read-only (check their permissions)"
        connection = None
        try:
            connection = self._connect()
            if not self.read_only:
                connection.execute("PRAGMA schema_version").fetchone()  # reads the file: its errors surface here
        except sqlite3.Error as error:
            if _is_damage(error):
                raise self._set_aside(f"is damaged ({error})") from None
            if self._creating or self.read_only:
                raise DataError(describe_disk_error(error, self.path)) from None
            # A full disk or an I/O error: the annotations can still be read, and nothing is moved.
            self.read_only = describe_disk_error(error, self.path)
            if connection is not None:
                connection.close()
            try:
                connection = self._connect()
            except sqlite3.Error:
                raise DataError(self.read_only) from None
        try:
            self._check(connection)
            if not self.read_only:
                self._configure(connection)
        except _Damage as damage:
            connection.close()  # before the move: closing may still checkpoint into the file
            raise self._set_aside(str(damage)) from None
        except BaseException:
            connection.close()
            raise
        return connection

    def _connect(self) -> sqlite3.Connection:
        if self.read_only:
            uri = f"file:{quote(str(self.path))}?mode=ro"
            wal = Path(f"{self.path}-wal")
            if not wal.exists() or wal.stat().st_size == 0:
                # Without a log to read, the file alone is the database: read it as immutable, for
                # SQLite cannot make its -shm file in a read-only folder or on a full disk.
                uri += "&immutable=1"
            return sqlite3.connect(
                uri, uri=True, isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000
            )
        if not self.path.exists():
            # Created owner-only before SQLite opens it; its -wal and -shm files copy this mode.
            os.close(os.open(self.path, os.O_CREAT | os.O_WRONLY, 0o600))
        connection = sqlite3.connect(
            self.path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False
        )
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        return connection

    def _configure(self, connection: sqlite3.Connection) -> None:
        """Only once the file is known to be ours: switching to WAL rewrites the file's header."""
        try:
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA synchronous = FULL")
            connection.execute("PRAGMA secure_delete = ON")
            self._migrate(connection)
        except sqlite3.Error as error:
            raise DataError(describe_disk_error(error, self.path)) from None

    def _empty_read_only(self) -> sqlite3.Connection:
        """A user without a database, in a folder where none can be made: nothing to list."""
        self.read_only = "the annotations folder is read-only (check its permissions)"
        return _empty_connection()

    @classmethod
    def unavailable(cls, path: Path, reason: str) -> AnnotationStore:
        """A store that lists nothing and saves nothing, saying why: what the window works on
        while a damaged or missing database waits for the user to restore it."""
        store = cls.__new__(cls)
        store.path, store.backups, store._changed = path, Backups(path), False
        store.read_only = reason
        store._connection = _empty_connection()
        return store

    def _check(self, connection: sqlite3.Connection) -> None:
        try:
            verdict = connection.execute("PRAGMA quick_check").fetchone()
            if verdict is None or verdict[0] != "ok":
                found = [line for line in str(verdict[0] if verdict else "no answer").splitlines() if "***" not in line]
                raise _Damage(f"is damaged (quick_check: {'; '.join(found[:2])})")
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise DataError(f"{self.path} was written by a newer version of aigc-reader; update the app")
            application = connection.execute("PRAGMA application_id").fetchone()[0]
            tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
            if "annotations" in tables:
                present = {row[1] for row in connection.execute("PRAGMA table_info(annotations)")}
                lost = [column for column in _COLUMN_NAMES if column not in present]
                if lost:
                    raise _Damage(f"has lost columns of its annotations table ({', '.join(lost)})")
            elif tables and application != APPLICATION_ID and version == 0:
                raise _Damage(f"is not an aigc-reader database (it holds {', '.join(sorted(tables)[:5])})")
            elif version or application == APPLICATION_ID:
                raise _Damage("has lost its annotations table")
            elif not self._creating and self.backups.held_annotations():
                raise _Damage("was emptied")
        except sqlite3.Error as error:
            if _is_damage(error):
                raise _Damage(f"is damaged ({error})") from None
            raise DataError(describe_disk_error(error, self.path)) from None

    def _migrate(self, connection: sqlite3.Connection) -> None:
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        application = connection.execute("PRAGMA application_id").fetchone()[0]
        if version == SCHEMA_VERSION and application == APPLICATION_ID:
            return
        with self._transaction(connection) as transaction:
            for number in range(version, SCHEMA_VERSION):
                for statement in filter(str.strip, _MIGRATIONS[number].split(";")):
                    transaction.execute(statement)
            transaction.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            transaction.execute(f"PRAGMA application_id = {APPLICATION_ID}")

    def _set_aside(self, what: str) -> DataError:
        """Moves the database (and its -wal, -shm) aside by renaming, which needs no free space,
        and pins the newest backup so that later backups of the new, empty database never prune it."""
        stamp = time.strftime("%Y%m%d-%H%M%S")
        damaged = self.path.with_name(f"{self.path.stem}.damaged-{stamp}{self.path.suffix}")
        number = 1
        while damaged.exists():
            number += 1
            damaged = self.path.with_name(f"{self.path.stem}.damaged-{stamp}-{number}{self.path.suffix}")
        try:
            for suffix in ("", "-wal", "-shm"):
                companion = Path(str(self.path) + suffix)
                if companion.exists():
                    companion.replace(Path(str(damaged) + suffix))
        except OSError as error:
            return DataError(
                f"the annotations database {self.path} {what}, and it cannot be moved aside "
                f"({error.strerror}); nothing was changed"
            )
        restore_point = self.backups.restore_point()
        if restore_point is not None:
            try:
                restore_point = self.backups.pin(restore_point)
            except OSError as error:  # still listed, unpinned: the restore finds it all the same
                log.warning("could not pin the restore point %s: %s", restore_point.path, error)
        return StoreDamaged(what, damaged, restore_point)

    def refresh_backup(self) -> Generation | None:
        """Adds a backup generation when the annotations changed since the newest one."""
        if self.read_only:
            return None
        try:
            return self.backups.take(self._connection)
        except (OSError, sqlite3.Error) as error:
            # A missed backup must not stop the user working (the older ones stay).
            log.warning("could not take a backup of %s: %s", self.path, error)
            return None

    def close(self) -> None:
        """Takes a backup when this connection changed anything (so that the newest change too
        survives the file being lost), then closes."""
        if self._changed:
            self.refresh_backup()
        self._connection.close()

    # -- transactions -----------------------------------------------------------------------
    @contextmanager
    def _transaction(self, connection: sqlite3.Connection | None = None) -> Iterator[sqlite3.Connection]:
        if self.read_only:
            raise DataError(f"nothing can be saved: {self.read_only}")
        connection = connection or self._connection
        try:
            connection.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            raise DataError(describe_disk_error(error, self.path)) from None
        try:
            yield connection
        except sqlite3.Error as error:
            _roll_back(connection)
            raise DataError(f"could not save the annotation: {describe_disk_error(error, self.path)}") from None
        except BaseException:
            _roll_back(connection)
            raise
        try:
            connection.execute("COMMIT")
        except sqlite3.Error as error:
            _roll_back(connection)
            raise DataError(f"could not save the annotation: {describe_disk_error(error, self.path)}") from None
        self._changed = True

    def _read(self, sql: str, parameters: tuple[object, ...] = ()) -> list[Any]:
        try:
            return self._connection.execute(sql, parameters).fetchall()
        except sqlite3.Error as error:
            if _is_damage(error):
                raise DamageFound(
                    f"the annotations database {self.path} is damaged ({error}); open it again to "
                    "set it aside, then restore"
                ) from None
            raise DataError(describe_disk_error(error, self.path)) from None

    # -- reading ----------------------------------------------------------------------------
    def get(self, annotation_id: str) -> Annotation | None:
        rows = self._read(f"SELECT {_COLUMNS} FROM annotations WHERE id = ?", (annotation_id,))
        return annotation_from_row(rows[0]) if rows else None

    def ids_starting_with(self, prefix: str) -> list[str]:
        escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        rows = self._read("SELECT id FROM annotations WHERE id LIKE ? ESCAPE '\\' LIMIT 2", (escaped + "%",))
        return [str(row[0]) for row in rows]

    def all(self, article: str | None = None) -> list[Annotation]:
        """In no particular order (callers sort by where the annotations sit now)."""
        if article is None:
            rows = self._read(f"SELECT {_COLUMNS} FROM annotations")
        else:
            rows = self._read(f"SELECT {_COLUMNS} FROM annotations WHERE article = ?", (article,))
        return [annotation_from_row(row) for row in rows]

    def data_version(self) -> int:
        """Changes whenever another connection (another window, the CLI) commits a change."""
        return int(self._read("PRAGMA data_version")[0][0])

    def counts_by_article(self) -> dict[str, int]:
        """How many annotations each article has (the library list shows it)."""
        rows = self._read("SELECT article, count(*) FROM annotations GROUP BY article")
        return {str(article): int(count) for article, count in rows}

    def count(self) -> int:
        return int(self._read("SELECT count(*) FROM annotations")[0][0])

    def integrity(self) -> str:
        return str(self._read("PRAGMA integrity_check")[0][0])

    # -- writing: each call is one transaction, durable when it returns --------------------
    def reading_place(self, article: str) -> tuple[int, float] | None:
        rows = self._read("SELECT block, fraction FROM reading_places WHERE article = ?", (article,))
        return (int(rows[0][0]), float(rows[0][1])) if rows else None

    def remember_reading_place(self, article: str, place: tuple[int, float] | None) -> None:
        """Keeps the place (None: at the title); not an annotation: no backup generation for it."""
        with self._transaction() as connection:
            if place is None:
                connection.execute("DELETE FROM reading_places WHERE article = ?", (article,))
            else:
                connection.execute(
                    "INSERT OR REPLACE INTO reading_places (article, block, fraction, updated) VALUES (?, ?, ?, ?)",
                    (article, place[0], place[1], now_iso()),
                )

    def put(self, annotation: Annotation) -> None:
        """Inserts or replaces the annotation with this id."""
        with self._transaction() as connection:
            connection.execute(
                f"INSERT OR REPLACE INTO annotations ({_COLUMNS}) VALUES ({', '.join('?' * 12)})", _row(annotation)
            )

    def delete(self, annotation_id: str) -> None:
        with self._transaction() as connection:
            connection.execute("DELETE FROM annotations WHERE id = ?", (annotation_id,))

    def add_missing(self, annotations: Iterable[Annotation]) -> list[Annotation]:
        """Inserts those whose id is not stored yet (one transaction); returns them."""
        added = []
        with self._transaction() as connection:
            for annotation in annotations:
                cursor = connection.execute(
                    f"INSERT OR IGNORE INTO annotations ({_COLUMNS}) VALUES ({', '.join('?' * 12)})", _row(annotation)
                )
                if cursor.rowcount:
                    added.append(annotation)
        return added


def read_backup(backup_path: Path) -> list[Annotation]:
    """The annotations in a backup file (read-only)."""
    try:
        # immutable: a backup is never written, and so no -wal or -shm appears beside it
        connection = sqlite3.connect(f"file:{quote(str(backup_path))}?mode=ro&immutable=1", uri=True)
        try:
            rows = connection.execute(f"SELECT {_COLUMNS} FROM annotations").fetchall()
        finally:
            connection.close()
    except sqlite3.Error as error:
        raise DataError(f"the backup {backup_path} cannot be read: {error}") from None
    return [annotation_from_row(row) for row in rows]
