"""Bringing annotations back after damage: whatever can still be read from the databases that
were set aside, merged with a backup generation. Nothing is overwritten: an annotation already
in the database stays as it is, and a salvaged copy wins over the older one in the backup."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from desktop_app.annotations.backups import Backups
from desktop_app.annotations.model import Annotation
from desktop_app.annotations.salvage import salvage
from desktop_app.annotations.store import AnnotationStore, StoreDamaged, read_backup
from desktop_app.errors import DataError


class RestoreReport(NamedTuple):
    backup: Path | None
    from_backup: int
    salvaged_files: list[Path]
    from_salvage: int
    unreadable: int  # rows found in the damaged files that could not be decoded

    def to_json(self) -> dict[str, object]:
        return {
            "backup": str(self.backup) if self.backup else None,
            "restored": self.from_backup + self.from_salvage,
            "from_backup": self.from_backup,
            "salvaged": self.from_salvage,
            "damaged_files": [str(path) for path in self.salvaged_files],
            "unrecoverable_rows": self.unreadable,
        }

    def describe(self) -> str:
        parts = [f"restored {self.from_backup + self.from_salvage} annotation(s)"]
        if self.salvaged_files:
            parts.append(f"{self.from_salvage} salvaged from {', '.join(str(path) for path in self.salvaged_files)}")
        if self.backup:
            parts.append(f"{self.from_backup} from the backup {self.backup}")
        if self.unreadable:
            parts.append(f"{self.unreadable} damaged row(s) could not be read and are lost")
        return "; ".join(parts)


def damaged_files(database: Path) -> list[Path]:
    """Databases set aside and not yet salvaged, oldest first."""
    return sorted(database.parent.glob(f"{database.stem}.damaged-*{database.suffix}"))


def restore(database: Path, source: Path | None = None) -> RestoreReport:
    """Salvages every set-aside database and adds what the chosen backup (default: the restore
    point, else the newest generation) holds that the database lacks."""
    try:
        store = AnnotationStore(database, backup_on_open=False, create_missing=True)
    except StoreDamaged:
        store = AnnotationStore(database, backup_on_open=False, create_missing=True)  # the damaged one is aside now
    try:
        backups = Backups(database)
        if source is None:
            point = backups.restore_point()
            source = point.path if point else None
        pending = damaged_files(database)
        if source is None and not pending:
            raise DataError("there is no backup of the annotations and no damaged database to restore from")
        salvaged: list[Annotation] = []
        unreadable = 0
        for path in pending:
            found = salvage(path)
            salvaged += found.annotations
            unreadable += found.unreadable_rows
        from_salvage = store.add_missing(_newest_first(salvaged))
        from_backup = store.add_missing(read_backup(source)) if source else []
        for path in pending:
            _mark_salvaged(path)
        backups.unpin_all()
        store.refresh_backup()
    finally:
        store.close()
    return RestoreReport(source, len(from_backup), pending, len(from_salvage), unreadable)


def _newest_first(annotations: list[Annotation]) -> list[Annotation]:
    """One copy per id, the most recently updated (several damaged files may hold the same one)."""
    by_id: dict[str, Annotation] = {}
    for annotation in annotations:
        if annotation.id not in by_id or annotation.updated > by_id[annotation.id].updated:
            by_id[annotation.id] = annotation
    return list(by_id.values())


def _mark_salvaged(path: Path) -> None:
    """Kept (a person may want to look at it) under a name the next restore does not salvage again."""
    for suffix in ("", "-wal", "-shm"):
        companion = Path(str(path) + suffix)
        if companion.exists():
            try:
                companion.replace(Path(str(path).replace(".damaged-", ".salvaged-", 1) + suffix))
            except OSError:
                pass  # salvaging it again next time adds nothing new: add_missing skips known ids
