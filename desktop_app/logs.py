"""The app's log: what was skipped or failed quietly (a cache that could not be written, a
missed backup, a refused file) goes to a rotating file in the user's log folder, so that a user
who asks "why?" and a developer reading a report can find out. Nothing goes to the terminal: the
command line's output is a contract (one error line on stderr)."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

LOG_FILE = "aigc-reader.log"
MAX_BYTES = 1 << 20
BACKUP_COUNT = 3  # aigc-reader.log.1 … .3: at most 4 MiB in all


class _QuietFileHandler(logging.handlers.RotatingFileHandler):
    """A record that cannot be written (a full disk, a read-only folder) is dropped: logging's
    default prints a traceback on stderr, which would break the one-line error contract."""

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        pass


def start_logging(folder: Path) -> Path | None:
    """Sends the app's records (desktop_app.*) at INFO and above to folder/aigc-reader.log; once.
    Returns the file, or None when the folder cannot be written (the app works all the same)."""
    logger = logging.getLogger("desktop_app")
    for handler in logger.handlers:
        if isinstance(handler, logging.handlers.RotatingFileHandler):
            return Path(handler.baseFilename)
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        handler = _QuietFileHandler(
            folder / LOG_FILE, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=True
        )
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False  # never on the terminal, whatever the root logger does
    return folder / LOG_FILE
