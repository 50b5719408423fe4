"""Generations of backups of one annotations database, none ever overwritten by another.

Each generation is a whole SQLite copy in ``backups/`` beside the database, named by when it was
taken, how many annotations it holds and a fingerprint of them, so that listing them opens
nothing. A copy identical to the newest is not taken again. Kept: the last five distinct ones and
the newest of each of the last seven days; a pinned one (the restore point frozen when damage
was found) is kept until a restore has used it.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import sqlite3
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import NamedTuple
from urllib.parse import quote

log = logging.getLogger(__name__)

KEEP_LAST = 5
KEEP_DAYS = 7
_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<stamp>\d{8}T\d{6}\.\d{6}Z)-n(?P<count>\d+)-(?P<print>[0-9a-f]{12})"
    r"(?P<pinned>-pinned)?(?P<suffix>\.[^.]+)$"
)


class Generation(NamedTuple):
    path: Path
    taken: float  # seconds since the epoch
    held: int  # annotations in it
    fingerprint: str
    pinned: bool

    def describe(self) -> str:
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(self.taken))
        return f"the backup of {when} ({self.held} annotation{'s' if self.held != 1 else ''})"


def fingerprint(connection: sqlite3.Connection) -> tuple[int, str]:
    """(count, hash of every id and its last change): equal for databases holding the same annotations."""
    digest = hashlib.blake2b(digest_size=6)
    count = 0
    for id_, updated in connection.execute("SELECT id, updated FROM annotations ORDER BY id"):
        digest.update(f"{id_}\x00{updated}\x01".encode())
        count += 1
    return count, digest.hexdigest()


class Backups:
    """The backups of the database at ``database``."""

    def __init__(self, database: Path) -> None:
        self.folder = database.parent / "backups"
        self._stem, self._suffix = database.stem, database.suffix

    def generations(self) -> list[Generation]:
        """Newest first."""
        try:
            names = os.listdir(self.folder)
        except OSError:
            return []
        found = []
        for name in names:
            match = _NAME.match(name)
            if match and match["stem"] == self._stem and match["suffix"] == self._suffix:
                taken = datetime.strptime(match["stamp"], "%Y%m%dT%H%M%S.%fZ").replace(tzinfo=UTC).timestamp()
                found.append(
                    Generation(self.folder / name, taken, int(match["count"]), match["print"], bool(match["pinned"]))
                )
        return sorted(found, key=lambda generation: generation.taken, reverse=True)

    def newest(self) -> Generation | None:
        generations = self.generations()
        return generations[0] if generations else None

    def held_annotations(self) -> bool:
        """Whether any backup holds annotations: then an empty or missing database is a loss."""
        return any(generation.held for generation in self.generations())

    def restore_point(self) -> Generation | None:
        """What a restore brings back: the generation pinned when damage was found, else the newest."""
        generations = self.generations()
        pinned = [generation for generation in generations if generation.pinned]
        chosen = pinned or generations
        return chosen[0] if chosen else None

    def take(self, connection: sqlite3.Connection, taken: float | None = None) -> Generation | None:
        """Copies the database (SQLite's backup API: a consistent snapshot) as a new generation,
        unless the newest already holds the same annotations; then prunes. Returns the new one."""
        count, digest = fingerprint(connection)
        newest = self.newest()
        if newest is not None and newest.fingerprint == digest and newest.held == count:
            return None
        taken = time.time() if taken is None else taken
        target = self.folder / self._name(taken, count, digest)
        temporary = target.with_name(f".{target.name}.tmp")
        self.folder.mkdir(mode=0o700, exist_ok=True)
        try:
            copy = sqlite3.connect(temporary)
            try:
                with copy:
                    connection.backup(copy)
                copy.execute("PRAGMA journal_mode = DELETE")  # a lone file: readers make no -wal beside it
            finally:
                copy.close()
            os.chmod(temporary, 0o600)
            with open(temporary, "rb") as stream:
                os.fsync(stream.fileno())
            os.replace(temporary, target)
        finally:
            temporary.unlink(missing_ok=True)
        self.prune(now=taken)
        return Generation(target, taken, count, digest, False)

    def adopt_legacy(self, database: Path) -> None:
        """Moves the single rolling backup (and frozen restore points) of versions before
        generations into the backups folder, dated by their modification time."""
        legacy = [(database.with_name(f"{database.stem}.backup{database.suffix}"), False)]
        legacy += [(path, True) for path in database.parent.glob(f"{database.stem}.restore-*{database.suffix}")]
        for path, pinned in legacy:
            if not path.is_file():
                continue
            try:
                copy = sqlite3.connect(f"file:{quote(str(path))}?mode=ro&immutable=1", uri=True)
                try:
                    count, digest = fingerprint(copy)
                finally:
                    copy.close()
                self.folder.mkdir(mode=0o700, exist_ok=True)
                target = self.folder / self._name(path.stat().st_mtime, count, digest, pinned)
                path.replace(target)
            except (OSError, sqlite3.Error) as error:  # unreadable: left where it is, for a person to look at
                log.warning("could not adopt the old backup %s: %s", path, error)
                continue

    def _name(self, taken: float, count: int, digest: str, pinned: bool = False) -> str:
        stamp = datetime.fromtimestamp(taken, UTC).strftime("%Y%m%dT%H%M%S.%fZ")
        return f"{self._stem}-{stamp}-n{count}-{digest}{'-pinned' if pinned else ''}{self._suffix}"

    def prune(self, now: float | None = None) -> None:
        now = time.time() if now is None else now
        keep: set[Path] = set()
        distinct: set[str] = set()
        days: set[str] = set()
        for generation in self.generations():
            day = time.strftime("%Y-%m-%d", time.localtime(generation.taken))
            if generation.pinned:
                keep.add(generation.path)
            if len(distinct) < KEEP_LAST and generation.fingerprint not in distinct:
                distinct.add(generation.fingerprint)
                keep.add(generation.path)
            if day not in days and now - generation.taken < KEEP_DAYS * 86_400:
                days.add(day)
                keep.add(generation.path)
        for generation in self.generations():
            if generation.path not in keep:
                generation.path.unlink(missing_ok=True)

    def pin(self, generation: Generation) -> Generation:
        """Keeps the generation until ``unpin`` (a rename: it needs no free space)."""
        if generation.pinned:
            return generation
        pinned = generation.path.with_name(generation.path.stem + "-pinned" + generation.path.suffix)
        generation.path.replace(pinned)
        return generation._replace(path=pinned, pinned=True)

    def unpin_all(self) -> None:
        for generation in self.generations():
            if generation.pinned:
                generation.path.replace(generation.path.with_name(generation.path.name.replace("-pinned.", ".")))
