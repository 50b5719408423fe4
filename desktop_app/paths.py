"""Every on-disk location the app uses, in one place.

Bundled files (sources/, resources/) sit next to the package in a checkout and under
sys._MEIPASS in the frozen app; user data and caches live in the per-user directories that
platformdirs names, so the app never writes inside its own folder.
"""

from __future__ import annotations

import getpass
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "aigc-reader"
DATA_DIR_ENV = "AIGC_READER_DATA_DIR"
_USER_NAME = re.compile(r"^[\w.@-]{1,64}$")


def bundle_root() -> Path:
    """The folder that holds sources/ and resources/ (the checkout, or the frozen bundle)."""
    frozen = getattr(sys, "_MEIPASS", None)
    return Path(frozen) if frozen else Path(__file__).resolve().parent.parent


def bundled_sources_dir() -> Path:
    return bundle_root() / "sources"


def resources_dir() -> Path:
    return bundle_root() / "resources"


def default_user() -> str:
    """The login name, mapped to a safe folder name: $LOGNAME comes from the environment, and
    '../../x' or '/abs/path' must never lead outside the data dir."""
    try:
        name = getpass.getuser()
    except (KeyError, OSError):  # no login name (containers without a passwd entry)
        return "default"
    safe = re.sub(r"[^\w.@-]", "_", name).strip(".")[:64]
    return safe if is_valid_user_name(safe) else "default"


def is_valid_user_name(name: str) -> bool:
    """User names become folder names, so they are kept to a safe alphabet."""
    return bool(_USER_NAME.match(name)) and name not in {".", ".."}


@dataclass(frozen=True)
class DataPaths:
    """Where one user's data lives. Built once from the command line and passed down."""

    root: Path
    user: str
    cache_root: Path | None = None  # None: the data dir's cache/

    @classmethod
    def resolve(cls, data_dir: str | os.PathLike[str] | None, user: str | None) -> DataPaths:
        """A data dir that is asked for (--data-dir, $AIGC_READER_DATA_DIR) holds everything,
        caches included; by default, data and caches go to the platform's per-user folders."""
        chosen = os.environ.get(DATA_DIR_ENV) if data_dir is None else data_dir
        if chosen:
            return cls(Path(chosen).expanduser().resolve(), user or default_user())
        return cls(
            Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)).resolve(),
            user or default_user(),
            Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)).resolve(),
        )

    def problem(self) -> str | None:
        """Why this data dir cannot be used, before anything tries to."""
        if self.root.exists() and not self.root.is_dir():
            return f"the data dir {self.root} is not a folder"
        if self.cache_root is not None and self.cache_root.exists() and not self.cache_root.is_dir():
            return f"the cache dir {self.cache_root} is not a folder"
        return None

    def for_user(self, user: str) -> DataPaths:
        return DataPaths(self.root, user, self.cache_root)

    def existing_users(self) -> list[str]:
        """The users who have a folder in this data dir, sorted (for choosing one)."""
        try:
            names = [entry.name for entry in (self.root / "users").iterdir() if entry.is_dir()]
        except OSError:
            return []
        return sorted(name for name in names if is_valid_user_name(name))

    @property
    def library_dir(self) -> Path:
        """Imported articles, shared by every user of this data dir."""
        return self.root / "library"

    @property
    def user_dir(self) -> Path:
        return self.root / "users" / self.user

    @property
    def window_settings_file(self) -> Path | None:
        """Where the window keeps its layout, theme, text size and last article: in an asked-for
        data dir (which holds everything), else None: the platform's settings store."""
        return self.user_dir / "window.ini" if self.cache_root is None else None

    @property
    def cache_dir(self) -> Path:
        """Derived data (parsed corpus, search index, jieba cache): safe to delete."""
        return self.cache_root or self.root / "cache"

    @property
    def log_dir(self) -> Path:
        """The rotating log (see logs.py): in an asked-for data dir, else the platform's log folder."""
        if self.cache_root is None:
            return self.root / "logs"
        return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)).resolve()

    @property
    def index_dir(self) -> Path:
        return self.cache_dir / "index"

    @property
    def annotations_db(self) -> Path:
        return self.user_dir / "annotations.sqlite3"

    def ensure_private_dir(self, path: Path) -> Path:
        """Creates path (owner-only permissions) if needed and returns it."""
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        return path
