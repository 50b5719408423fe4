"""The user's library: the bundled articles plus the ones they imported, parsed once and cached.

Imported files are copied into the data dir (the original is never touched); an import whose id
(file stem) matches a bundled article overrides it in that data dir. Parsed articles are cached
by content hash, so a start only parses what changed.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from desktop_app.corpus.model import Article
from desktop_app.corpus.pipeline_version import PIPELINE_VERSION
from desktop_app.errors import DataError, ImportRejected, ReaderError, UnknownArticle
from desktop_app.paths import DataPaths, bundled_sources_dir

MAX_IMPORT_BYTES = 20 * 1024 * 1024
IMPORTABLE_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".xhtml", ""}


def _parse(article_id: str, data: bytes, origin: str) -> Article:
    # Imported here, not at the top: a start with a warm cache never parses, and the pipeline's
    # imports (Markdown, charset detection, jieba's tagger) would cost the window's first paint.
    from desktop_app.corpus.pipeline import parse_bytes

    return parse_bytes(article_id, data, origin)


class ImportOutcome(NamedTuple):
    path: Path
    article: Article | None
    error: str | None
    replaced: bool = False


RACY_NS = 2_000_000_000  # file systems' clocks tick coarsely (FAT: 2 s); closer to now, a change could hide


def _signature(path: Path, origin: str) -> list[object] | None:
    """What stands for a source file's content in the cache: its size and modification time, as
    for make and git, so that a start reads no source file and hashes nothing. None for a file
    modified so recently that another change in the same clock tick would keep both (git's
    "racily clean" case): such a file is parsed again next time."""
    stat = path.stat()
    if stat.st_mtime_ns > time.time_ns() - RACY_NS:
        return None
    return [stat.st_size, stat.st_mtime_ns, origin]


def write_atomically(path: Path, data: bytes) -> None:
    """Writes data so that a crash leaves either the old file or the new one, never half."""
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


class Library:
    """All articles visible in one data dir. Build it once and pass it to whoever needs it."""

    def __init__(self, paths: DataPaths, bundled_dir: Path | None = None) -> None:
        self._paths = paths
        self._bundled_dir = bundled_dir or bundled_sources_dir()
        self._articles: dict[str, Article] | None = None

    @property
    def cache_file(self) -> Path:
        return self._paths.cache_dir / f"corpus-v{PIPELINE_VERSION}.json"

    def _source_files(self) -> dict[str, tuple[Path, str]]:
        """id -> (file, origin); imports win over bundled files with the same id."""
        files: dict[str, tuple[Path, str]] = {}
        for origin, folder in (("bundled", self._bundled_dir), ("imported", self._paths.library_dir)):
            if folder.is_dir():
                for path in sorted(folder.iterdir()):
                    if path.is_file() and not path.name.startswith("."):
                        files[path.stem] = (path, origin)
        return files

    def _load(self) -> dict[str, Article]:
        cache = self._read_cache()
        articles: dict[str, Article] = {}
        fresh: dict[str, dict[str, object]] = {}
        for article_id, (path, origin) in self._source_files().items():
            signature = _signature(path, origin)
            entry = cache.get(article_id)
            if signature is not None and entry and entry.get("signature") == signature:
                article = Article.from_cache(entry["article"])  # type: ignore[arg-type]
                fresh[article_id] = entry
            else:
                try:
                    article = _parse(article_id, path.read_bytes(), origin)
                except ReaderError:
                    continue  # a bundled or imported file that no longer parses is skipped, not fatal
                fresh[article_id] = {"signature": signature, "article": article.to_cache()}
            articles[article_id] = article
        if fresh.keys() != cache.keys() or any(fresh[key] is not cache[key] for key in fresh):
            self._write_cache(fresh)
        return articles

    def _read_cache(self) -> dict[str, dict[str, object]]:
        try:
            loaded = json.loads(self.cache_file.read_text(encoding="utf-8"))
            return loaded if isinstance(loaded, dict) else {}
        except (OSError, ValueError):
            return {}  # missing or damaged cache: parse again

    def _write_cache(self, entries: dict[str, dict[str, object]]) -> None:
        try:
            write_atomically(self.cache_file, json.dumps(entries, ensure_ascii=False).encode("utf-8"))
        except OSError:
            pass  # the cache only saves time; a read-only cache dir must not stop the app

    def articles(self) -> list[Article]:
        if self._articles is None:
            self._articles = self._load()
        return [self._articles[key] for key in sorted(self._articles)]

    def get(self, article_id: str) -> Article:
        if self._articles is None:
            self._articles = self._load()
        try:
            return self._articles[article_id]
        except KeyError:
            raise UnknownArticle(article_id) from None

    def import_paths(self, paths: Iterable[Path]) -> list[ImportOutcome]:
        """Imports files (or every article file in a folder). Each file succeeds or fails alone."""
        outcomes: list[ImportOutcome] = []
        for path in paths:
            if path.is_dir():
                candidates = sorted(
                    p for p in path.iterdir()
                    if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in IMPORTABLE_SUFFIXES
                )
                if not candidates:
                    outcomes.append(ImportOutcome(path, None, f"{path}: no article files in this folder"))
                outcomes.extend(self._import_file(candidate) for candidate in candidates)
            else:
                outcomes.append(self._import_file(path))
        self._articles = None
        return outcomes

    def _import_file(self, path: Path) -> ImportOutcome:
        try:
            article = self._read_import(path)
        except ImportRejected as error:
            return ImportOutcome(path, None, f"{path}: {error}")
        existing = self._source_files().get(article.id)
        target = self._paths.library_dir / path.name
        try:
            self._paths.ensure_private_dir(self._paths.library_dir)
            write_atomically(target, path.read_bytes())
            for old in self._paths.library_dir.iterdir():
                if old.stem == article.id and old.name != path.name:
                    old.unlink()  # the same id imported under another extension before
        except OSError as error:
            raise DataError(f"cannot write to the library folder {self._paths.library_dir}: {error.strerror}") from None
        return ImportOutcome(path, article, None, replaced=existing is not None)

    @staticmethod
    def _read_import(path: Path) -> Article:
        try:
            size = path.stat().st_size
            if not path.is_file():
                raise ImportRejected("not a regular file")
            if size > MAX_IMPORT_BYTES:
                raise ImportRejected(f"the file is {size / 1e6:.1f} MB, over the {MAX_IMPORT_BYTES // 2**20} MB limit")
            data = path.read_bytes()
        except FileNotFoundError:
            raise ImportRejected("no such file") from None
        except PermissionError:
            raise ImportRejected("permission denied") from None
        except OSError as error:
            raise ImportRejected(error.strerror or "cannot be read") from None
        return _parse(path.stem, data, "imported")
