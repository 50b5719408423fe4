"""Writing a file so that a crash, a kill or a full disk leaves either the old file or the new
one, never half of either: the one way the app replaces a file (library copies and cache,
search index metadata, block table and CURRENT pointer, exports)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomically(path: Path, data: bytes) -> None:
    """Writes data to a temporary file beside path, flushes it to the disk, then renames it over
    path (atomic on POSIX and on Windows within a volume) and flushes the folder's entry."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)


def write_text_atomically(path: Path, text: str) -> None:
    write_atomically(path, text.encode("utf-8"))


def _sync_folder(folder: Path) -> None:
    """Makes the rename itself durable (POSIX); folders cannot be opened so on Windows."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass  # some file systems refuse fsync on a folder; the rename is still atomic
    finally:
        os.close(descriptor)
