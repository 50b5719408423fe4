"""The user's library: the bundled articles plus the ones they imported, parsed once and cached.

Imported files are copied into the data dir (the original is never touched); an import whose id
(file stem) matches a bundled article overrides it in that data dir. Parsed articles are cached
by content hash, so a start only parses what changed.
"""

from __future__ import annotations

import json
import logging
import os
import re
import time
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from desktop_app.corpus.batch_parse import ParsedFile, content_digest, parse_files
from desktop_app.corpus.corrections import Correction, Overlay
from desktop_app.corpus.corrections import apply as apply_corrections
from desktop_app.corpus.model import Article
from desktop_app.corpus.pipeline_version import PIPELINE_VERSION
from desktop_app.errors import DataError, ImportRejected, ReaderError, UnknownArticle
from desktop_app.files import write_atomically
from desktop_app.paths import DataPaths, bundled_sources_dir

log = logging.getLogger(__name__)

MAX_IMPORT_BYTES = 20 * 1024 * 1024
IMPORTABLE_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".xhtml", ""}
_UNSAFE_IN_NAMES = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069/\\\\]")


def library_name(path: Path) -> str:
    """The name a file is kept under in the library, whose stem is the article's id: valid text
    (bytes of another encoding become U+FFFD), no control or bidirectional characters, and no
    leading dot (a hidden file would never be listed)."""
    name = os.fsencode(path.name).decode("utf-8", "replace")
    name = _UNSAFE_IN_NAMES.sub("_", name).lstrip(".")
    return name if Path(name).stem else f"article{name}"


def article_id_of(path: Path) -> str:
    return Path(library_name(path)).stem


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


def _same_content(entry: dict[str, object], path: Path, origin: str) -> bool:
    if not entry.get("digest") or entry.get("origin") != origin:
        return False
    try:
        return content_digest(path.read_bytes()) == entry["digest"]
    except OSError:
        return False


class Library:
    """All articles visible in one data dir. Build it once and pass it to whoever needs it."""

    def __init__(self, paths: DataPaths, bundled_dir: Path | None = None) -> None:
        self._paths = paths
        self._bundled_dir = bundled_dir or bundled_sources_dir()
        self._articles: dict[str, Article] | None = None
        self._parsed: dict[str, Article] | None = None
        self.problems: list[str] = []  # corrections that could not be read (one line each)
        self.stale: dict[str, list[int]] = {}  # article id -> positions of corrections whose block is gone

    @property
    def corrections_dir(self) -> Path:
        """The user's corrections to the outlines (shared by every user of the data dir: the
        article's structure is the article's, annotations are the user's)."""
        return self._paths.root / "corrections"

    def overlay(self, article_id: str) -> Overlay:
        return Overlay(self.corrections_dir, article_id)

    def _corrected(self, parsed: dict[str, Article]) -> dict[str, Article]:
        """The articles with their corrections applied; a damaged overlay is set aside and told."""
        self.problems, self.stale = [], {}
        corrected = dict(parsed)  # a copy: the parsed articles stay as the pipeline made them
        if not self.corrections_dir.is_dir():
            return corrected
        for path in sorted(self.corrections_dir.glob("*.json")):
            article_id = path.stem
            if article_id not in parsed or ".damaged-" in path.name:
                continue
            try:
                corrections = self.overlay(article_id).read()
            except DataError as error:
                self.problems.append(str(error))
                log.warning("%s", error)
                continue
            corrected[article_id], stale = apply_corrections(parsed[article_id], corrections)
            if stale:
                self.stale[article_id] = stale
        return corrected

    def correct(self, article_id: str, correction: Correction) -> Article:
        """Adds a correction (it must apply: a correction that changes nothing is refused) and
        returns the article as it now reads."""
        base = self.uncorrected(article_id)
        corrections = self.overlay(article_id).read()  # again: the CLI may have added some meanwhile
        before, stale = apply_corrections(base, corrections)
        after, refused = apply_corrections(before, [correction])
        if refused or after == before:
            raise DataError(f"the correction {correction.op} does not apply to this article as it reads now")
        self.overlay(article_id).write([*corrections, correction])
        assert self._articles is not None
        self._articles[article_id] = after  # only this article changed: the others keep theirs
        self.stale[article_id] = stale
        return after

    def uncorrect(self, article_id: str, position: int) -> Correction:
        removed = self.overlay(article_id).remove(position)
        self._articles = None
        return removed

    def uncorrected(self, article_id: str) -> Article:
        """The article as the pipeline made it."""
        self.get(article_id)
        assert self._parsed is not None
        return self._parsed[article_id]

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
                        files[article_id_of(path)] = (path, origin)
        return files

    def _load(self) -> dict[str, Article]:
        cache = self._read_cache()
        articles: dict[str, Article] = {}
        fresh: dict[str, dict[str, object]] = {}
        to_parse: dict[str, tuple[Path, str, list[object] | None]] = {}
        for article_id, (path, origin) in self._source_files().items():
            signature = _signature(path, origin)
            entry = cache.get(article_id)
            try:
                if signature is not None and entry and entry.get("signature") == signature:
                    articles[article_id] = Article.from_cache(entry["article"])  # type: ignore[arg-type]
                    fresh[article_id] = entry
                    continue
                if entry and _same_content(entry, path, origin):
                    # Written too recently for its size and time to vouch for it (an import a
                    # moment ago): its content hash does.
                    articles[article_id] = Article.from_cache(entry["article"])  # type: ignore[arg-type]
                    # Still too recent to vouch for (no signature yet): the entry stands as it is,
                    # and the cache is not written again for nothing.
                    fresh[article_id] = entry if signature is None else {**entry, "signature": signature}
                    continue
            except (KeyError, TypeError, ValueError):
                pass  # a damaged cache entry: parsed again
            to_parse[article_id] = (path, origin, signature)
        if to_parse:
            # Parsed as an import is, in workers under a time and memory limit: one pathological
            # file left in the library must not hold up the window's first paint.
            ids = list(to_parse)
            parsed = parse_files(
                [to_parse[article_id][0] for article_id in ids],
                lambda path: _parse_library_file(path, to_parse[article_id_of(path)][1]),
                warm_up=_load_tagger if len(ids) > 1 else lambda: None,
                keep_warm_up=False,  # the tagger is needed for these files only, not by the window after
            )
            for article_id, result in zip(ids, parsed, strict=True):
                if result.article is None:
                    continue  # a bundled or imported file that no longer parses is skipped, not fatal
                articles[article_id] = result.article
                fresh[article_id] = {"signature": to_parse[article_id][2], "article": result.article.to_cache()}
        if fresh.keys() != cache.keys() or any(fresh[key] is not cache[key] for key in fresh):
            self._write_cache(fresh)
        return {article_id: articles[article_id] for article_id in sorted(articles)}

    def _read_cache(self) -> dict[str, dict[str, object]]:
        try:
            loaded = json.loads(self.cache_file.read_text(encoding="utf-8"))
            return loaded if isinstance(loaded, dict) else {}
        except (OSError, ValueError):
            return {}  # missing or damaged cache: parse again

    def _write_cache(self, entries: dict[str, dict[str, object]]) -> None:
        try:
            write_atomically(self.cache_file, json.dumps(entries, ensure_ascii=False).encode("utf-8"))
        except (OSError, ValueError) as error:
            # The cache only saves time; a read-only or full cache dir must not stop the app.
            log.warning("the parsed-article cache %s could not be written: %s", self.cache_file, error)

    def _ensure_loaded(self) -> dict[str, Article]:
        if self._articles is None:
            if self._parsed is None:
                self._parsed = self._load()
            self._articles = self._corrected(self._parsed)
        return self._articles

    def articles(self) -> list[Article]:
        self._ensure_loaded()
        assert self._articles is not None
        return [self._articles[key] for key in sorted(self._articles)]

    def get(self, article_id: str) -> Article:
        self._ensure_loaded()
        assert self._articles is not None
        try:
            return self._articles[article_id]
        except KeyError:
            raise UnknownArticle(article_id) from None

    def import_paths(self, paths: Iterable[Path]) -> list[ImportOutcome]:
        """Imports files (or every article file in a folder). Each file succeeds or fails alone.

        Files are parsed on all cores; the parsed articles go straight into the cache, so that
        the library listed right after an import parses nothing again.
        """
        outcomes: dict[int, ImportOutcome] = {}
        files: list[tuple[int, Path]] = []
        for path in paths:
            if path.is_dir():
                candidates = sorted(
                    p
                    for p in path.iterdir()
                    if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in IMPORTABLE_SUFFIXES
                )
                if not candidates:
                    outcomes[len(outcomes) + len(files)] = ImportOutcome(
                        path, None, f"{path}: no article files in this folder"
                    )
                files.extend(
                    (len(outcomes) + len(files) + offset, candidate) for offset, candidate in enumerate(candidates)
                )
            else:
                files.append((len(outcomes) + len(files), path))
        existing = self._source_files()
        # The library's own files that the cache lacks (the bundled articles, on a data dir's
        # first import) are parsed in the same batch, while the tagger is warm: else the first
        # listing after the import would start a parse of its own (1.5 s).
        cached = self._read_cache()
        importing = {path for _, path in files}
        imported_ids = {article_id_of(path) for path in importing}
        unparsed = {
            path: origin
            for article_id, (path, origin) in existing.items()
            if article_id not in cached and article_id not in imported_ids
        }

        def parse(path: Path) -> ParsedFile:
            return _parse_import(path) if path in importing else _parse_library_file(path, unparsed[path])

        everything = parse_files(
            [path for _, path in files] + list(unparsed), parse, warm_up=_load_tagger, keep_warm_up=False
        )
        parsed, library_parsed = everything[: len(files)], everything[len(files) :]
        library_files: dict[str, list[Path]] = {}
        if self._paths.library_dir.is_dir():
            for old in self._paths.library_dir.iterdir():
                library_files.setdefault(old.stem, []).append(old)
        entries: dict[str, dict[str, object]] = {}
        for (position, _), result in zip(files, parsed, strict=True):
            outcomes[position] = self._store_import(result, existing, library_files, entries)
        for path, result in zip(unparsed, library_parsed, strict=True):
            if result.article is not None:
                entries[result.article.id] = {
                    "signature": _signature(path, unparsed[path]),
                    "article": result.article.to_cache(),
                }
        self._add_to_cache(entries)
        self._articles = self._parsed = None
        return [outcomes[position] for position in sorted(outcomes)]

    def _store_import(
        self,
        result: ParsedFile,
        existing: dict[str, tuple[Path, str]],
        library_files: dict[str, list[Path]],
        entries: dict[str, dict[str, object]],
    ) -> ImportOutcome:
        if result.article is None:
            log.info("refused %s: %s", result.path, result.error)
            return ImportOutcome(result.path, None, f"{result.path}: {result.error}")
        article = result.article
        target = self._paths.library_dir / library_name(result.path)
        try:
            self._paths.ensure_private_dir(self._paths.library_dir)
            write_atomically(target, result.path.read_bytes())
            for old in library_files.get(article.id, []):
                if old.name != target.name:
                    old.unlink(missing_ok=True)  # the same id imported under another extension before
            library_files[article.id] = [target]
        except OSError as error:
            raise DataError(f"cannot write to the library folder {self._paths.library_dir}: {error.strerror}") from None
        replaced = article.id in existing
        existing[article.id] = (target, "imported")
        entries[article.id] = {
            "signature": _signature(target, "imported"),
            "digest": result.digest,
            "origin": "imported",
            "article": article.to_cache(),
        }
        return ImportOutcome(result.path, article, None, replaced=replaced)

    def _add_to_cache(self, entries: dict[str, dict[str, object]]) -> None:
        if entries:
            cache = self._read_cache()
            cache.update(entries)
            self._write_cache(cache)


def _load_tagger() -> None:
    """Loads the pipeline and jieba's tagger once before the workers fork, so that each inherits
    them (and no worker imports a module while another thread of the window holds the import lock)."""
    import desktop_app.corpus.pipeline  # noqa: F401
    from desktop_app.corpus.speaker_acceptance import is_person_name

    is_person_name("张三")


def _parse_library_file(path: Path, origin: str) -> ParsedFile:
    try:
        return ParsedFile(path, _parse(article_id_of(path), path.read_bytes(), origin), None, None)
    except (ReaderError, OSError) as error:
        return ParsedFile(path, None, str(error), None)


def _parse_import(path: Path) -> ParsedFile:
    try:
        data = _read_import(path)
        return ParsedFile(path, _parse(article_id_of(path), data, "imported"), None, content_digest(data))
    except ImportRejected as error:
        return ParsedFile(path, None, str(error), None)


def _read_import(path: Path) -> bytes:
    """The file's bytes, or ImportRejected saying in a few words why it cannot be imported."""
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise ImportRejected("not a regular file")
        if size > MAX_IMPORT_BYTES:
            raise ImportRejected(f"the file is {size / 1e6:.1f} MB, over the {MAX_IMPORT_BYTES // 2**20} MB limit")
        return path.read_bytes()
    except FileNotFoundError:
        raise ImportRejected("no such file") from None
    except PermissionError:
        raise ImportRejected("permission denied") from None
    except OSError as error:
        raise ImportRejected(error.strerror or "cannot be read") from None
