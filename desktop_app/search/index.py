"""The full-text index: built from the library, updated per article, searched per block.

Two parts, written together and trusted together: a block table (``block_table``) that decides
which blocks match, literally and exactly, and a whoosh index of jieba's words whose statistics
rank them (BM25). A query's terms select blocks from the table; word rarity orders them.

Safety: an index is trusted only when its metadata file says it was completely written with the
current schema and its block table agrees; otherwise (a crash mid-write, an older version, a
damaged or tampered file) it is rebuilt and the reason is reported. Writes are serialised (a lock
in this process, a lock file across processes, waited on rather than raised). A rebuild writes a
new generation folder and then switches the ``CURRENT`` pointer to it atomically: a search in
another process keeps reading the generation it opened, and moves to the new one on its next
query.
"""

from __future__ import annotations

import importlib
import json
import re
import shutil
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app import chinese_scripts
from desktop_app.corpus.model import Article
from desktop_app.errors import DataError, IndexDamaged
from desktop_app.files import write_text_atomically
from desktop_app.search import segmenter, snippets
from desktop_app.search.block_table import TABLE_FILE, BlockTable, rows_of
from desktop_app.search.query import ParsedQuery, parse_query
from desktop_app.search.schema_version import SCHEMA_VERSION

if TYPE_CHECKING:
    from whoosh.searching import Searcher

META_FILE = "aigc-index.json"
CURRENT_FILE = "CURRENT"
_GENERATION = re.compile(r"^gen-[0-9a-f]{12}$")
WRITE_TIMEOUT_S = 60.0
# A long build commits every so many articles, and searches meanwhile see those. Smaller is
# smoother: whoosh sorts a batch's postings in one call that holds the GIL (~0.5 s for 500
# articles, a stall of the window's event loop); each batch also costs a commit.
BATCH_ARTICLES = 500
WRITER_MEMORY_MB = 256  # whoosh's posting pool: a batch fits (spilling runs to disk doubled the build)
PARALLEL_THRESHOLD = 400  # blocks; below this a process pool costs more than it saves

Progress = Callable[[int, int], None]
# After each batch an update commits: the articles written, those removed, and (done, total).
BatchWritten = Callable[[list[str], list[str], int, int], None]


class HitPart(StrEnum):
    """Where in the reader a hit is: a block's text, or the speaker line above the turn that
    starts at the block (the name and affiliation)."""

    TEXT = "text"
    SPEAKER = "speaker"


@dataclass(frozen=True)
class Hit:
    article: str
    block: int
    speaker: str | None
    topic: int | None
    score: float
    snippet: str
    matches: list[tuple[int, int]]  # offsets in text
    text: str  # the block's text, or the speaker line
    part: HitPart = HitPart.TEXT

    def to_json(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "block": self.block,
            "part": self.part,
            "speaker": self.speaker,
            "topic": self.topic,
            "score": round(self.score, 4),
            "snippet": self.snippet,
            "matches": [list(m) for m in self.matches],
        }


class RebuildReason(StrEnum):
    """Why the index on disk is not used as it is. The value is the CLI's (and ``--json``'s)
    wording; the window shows its own, translated (ui/search_panel.py)."""

    FOLDER_REPLACED = "the index folder was replaced by a file"
    OLDER_VERSION = "index from an older version"
    SCRIPTS_CHANGED = "the Simplified/Traditional tables changed (a new OpenCC)"
    NO_INDEX = "no index yet"
    METADATA_DAMAGED = "index metadata missing or damaged"
    HALF_WRITTEN = "index left half-written (interrupted)"
    TABLE_DAMAGED = "index block table damaged"
    TABLE_OUT_OF_STEP = "index block table out of step"
    FILES_MISSING = "index files missing"
    FILES_DAMAGED = "index files damaged"
    REQUESTED = "rebuild requested"

    @property
    def expected(self) -> bool:
        """A first build or one the user asked for: nothing to warn about."""
        return self in (RebuildReason.NO_INDEX, RebuildReason.REQUESTED)


@dataclass
class UpdateReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    rebuilt_because: RebuildReason | None = None

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed)


def _segment_batch(texts: list[str]) -> list[str]:
    return [" ".join(segmenter.words(text)) for text in texts]


def _segmented(folded_texts: list[str]) -> Iterator[str]:
    """jieba's words of each text, in order, as they are ready: the caller writes them into
    whoosh while the two worker processes segment what follows."""
    import multiprocessing

    # fork only: the children inherit jieba's loaded dictionary instead of loading it again, and
    # the frozen app need not be re-executed (build.spec leaves PyInstaller's spawn support out).
    # Where there is no fork (Windows), one process does it all.
    if len(folded_texts) < PARALLEL_THRESHOLD or "fork" not in multiprocessing.get_all_start_methods():
        yield from _segment_batch(folded_texts)
        return
    workers = 2
    chunk = 200
    batches = [folded_texts[i : i + chunk] for i in range(0, len(folded_texts), chunk)]
    with multiprocessing.get_context("fork").Pool(workers, initializer=_die_when_terminated) as pool:
        for batch in pool.imap(_segment_batch, batches):
            yield from batch


def _die_when_terminated() -> None:
    """A pool worker ends on SIGTERM (the pool's own way to stop it), even when forked from a
    process that handles the signal (build_process's writer): a worker that ran a handler
    instead could die holding the pool's queue lock, and the pool would wait on its siblings
    forever."""
    import signal

    signal.signal(signal.SIGTERM, signal.SIG_DFL)


# What indexing and searching import, in groups of ~0.1 s each (jieba's alone; NumPy's, with
# matching): a window imports one group an event-loop turn (``import_engine``).
ENGINE_MODULES: tuple[tuple[str, ...], ...] = (
    ("multiprocessing", "multiprocessing.pool"),
    ("jieba",),
    ("whoosh.index", "whoosh.searching", "desktop_app.search.schema"),
    ("desktop_app.search.matching",),
)


def engine_to_import() -> list[tuple[str, ...]]:
    """The groups of ``ENGINE_MODULES`` not imported yet."""
    return [group for group in ENGINE_MODULES if not all(name in sys.modules for name in group)]


def import_engine(groups: Iterable[tuple[str, ...]] = ENGINE_MODULES) -> None:
    """Imports what indexing and searching need (whoosh, jieba, multiprocessing, NumPy), or these
    groups of it, on the calling thread. The window imports them on the main thread before
    handing work to a worker thread: importing these modules inside a Qt worker thread while the
    GUI thread runs crashed the interpreter now and then (PySide 6.11, Python 3.11)."""
    for group in groups:
        for name in group:
            importlib.import_module(name)


@dataclass(frozen=True)
class HeldTable:
    """A block table in memory, the generation folder it was read from, and the table file's
    modification time and size then."""

    generation: Path
    table: BlockTable
    stamp: tuple[int, int]


@dataclass
class _Snapshot:
    """What one search reads: the table that decides matches, and whoosh's word statistics."""

    table: BlockTable
    searcher: Searcher


def _whoosh_problem(folder: Path) -> RebuildReason | None:
    """Why whoosh cannot open the index in folder and count its documents, or None. Every file it opens
    for that is closed here, even when it fails half-way (whoosh then leaves them to the garbage
    collector, which may run on any thread, and the core never calls it)."""
    from whoosh.filedb.filestore import FileStorage
    from whoosh.index import _DEF_INDEX_NAME, FileIndex

    opened: list[Any] = []

    class ClosingStorage(FileStorage):  # type: ignore[misc]
        def open_file(self, name: str, **kwargs: Any) -> Any:
            file = super().open_file(name, **kwargs)
            opened.append(file)
            return file

    try:
        storage = ClosingStorage(str(folder))
        if not storage.index_exists(_DEF_INDEX_NAME):
            return RebuildReason.FILES_MISSING
        index = FileIndex(storage, indexname=_DEF_INDEX_NAME)
        index.doc_count()
        index.close()
        return None
    except Exception:  # noqa: BLE001 - whoosh raises many kinds for damaged files
        return RebuildReason.FILES_DAMAGED
    finally:
        for file in opened:
            if not file.is_closed:
                file.close()


class SearchIndex:
    """The index in one data dir. Build it once and share it; it is safe across threads."""

    def __init__(self, index_dir: Path, cache_dir: Path) -> None:
        self._root = index_dir
        self._cache_dir = cache_dir
        self._dir = self._current_dir()  # the generation this object reads (and updates in place)
        self._write_lock = threading.Lock()
        self._read_lock = threading.Lock()
        self._index: Any = None
        self._searcher: Searcher | None = None
        self._table: BlockTable | None = None
        self._table_stamp: tuple[int, int] | None = None
        # While an update runs: (articles written, articles to write). A search meanwhile answers
        # over what is written, and a new generation being built is read before CURRENT names it.
        self.progress: tuple[int, int] | None = None
        # An update is writing (here, or in a child process this object follows): the table in
        # memory is the one kept in step with it, not reloaded; a rebuild's new generation is
        # read before CURRENT names it.
        self._building = False
        self.writer_process: Any = None  # a child process writing for this object (build_process)
        self.updates_in_turn = threading.Lock()  # held by build_process for a whole update, wherever it is written

    # -- state on disk ----------------------------------------------------------------------
    @property
    def root(self) -> Path:
        return self._root

    @property
    def cache_dir(self) -> Path:
        return self._cache_dir

    @property
    def generation_dir(self) -> Path:
        """The folder of the generation this object reads (for diagnostics and tests)."""
        return self._dir

    def _current_dir(self) -> Path:
        """The generation CURRENT names, or a folder that does not exist when there is none."""
        try:
            name = (self._root / CURRENT_FILE).read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError):
            name = ""
        return self._root / (name if _GENERATION.match(name) else "gen-none")

    def _switch_to(self, generation: Path) -> None:
        """Points CURRENT at the generation (atomically), then removes the generations before
        the previous one: a search in another process may still be reading the previous one."""
        previous = self._current_dir()
        write_text_atomically(self._root / CURRENT_FILE, generation.name)
        for old in self._root.iterdir():
            if old.is_dir() and _GENERATION.match(old.name) and old not in (generation, previous):
                shutil.rmtree(old, ignore_errors=True)
        for leftover in ("_MAIN_WRITELOCK", META_FILE, TABLE_FILE):  # the one-folder layout of older versions
            (self._root / leftover).unlink(missing_ok=True)
        for old_segment in self._root.glob("*.seg"):
            old_segment.unlink(missing_ok=True)
        for old_toc in self._root.glob("_MAIN_*.toc"):
            old_toc.unlink(missing_ok=True)

    @property
    def _meta_path(self) -> Path:
        return self._dir / META_FILE

    @property
    def _table_path(self) -> Path:
        return self._dir / TABLE_FILE

    def _read_meta(self) -> dict[str, Any] | None:
        """The metadata, or None when it is missing or not what this version writes."""
        try:
            meta = json.loads(self._meta_path.read_text(encoding="utf-8"))
        except (OSError, ValueError, RecursionError):
            return None
        if not isinstance(meta, dict) or not isinstance(meta.get("articles"), dict):
            return None
        if not all(isinstance(key, str) and isinstance(value, str) for key, value in meta["articles"].items()):
            return None
        if not isinstance(meta.get("blocks", 0), int) or isinstance(meta.get("blocks", 0), bool):
            return None
        return meta

    def _write_meta(self, complete: bool, digests: dict[str, str], blocks: int | None = None) -> None:
        self._dir.mkdir(parents=True, exist_ok=True)
        meta: dict[str, Any] = {
            "schema": SCHEMA_VERSION,
            "scripts": chinese_scripts.signature(),
            "complete": complete,
            "articles": digests,
        }
        if blocks is not None:
            meta["blocks"] = blocks
        write_text_atomically(self._meta_path, json.dumps(meta))

    def problem(self) -> RebuildReason | None:
        """Why the index on disk cannot be trusted, or None when it can."""
        if self._root.exists() and not self._root.is_dir():
            return RebuildReason.FOLDER_REPLACED
        meta = self._read_meta()
        if meta is None:
            if not self._dir.is_dir():
                return RebuildReason.OLDER_VERSION if (self._root / META_FILE).exists() else RebuildReason.NO_INDEX
            return RebuildReason.METADATA_DAMAGED
        if meta.get("schema") != SCHEMA_VERSION:
            return RebuildReason.OLDER_VERSION
        if meta.get("complete") is not True:
            return RebuildReason.HALF_WRITTEN
        if meta.get("scripts") != chinese_scripts.signature():
            return RebuildReason.SCRIPTS_CHANGED
        try:
            table = self._current_table()
        except (OSError, ValueError):
            return RebuildReason.TABLE_DAMAGED
        if set(table.articles) - set(meta["articles"]) or len(table) != meta.get("blocks", len(table)):
            return RebuildReason.TABLE_OUT_OF_STEP
        return _whoosh_problem(self._dir)

    def _open(self) -> Any:
        if self._index is None:
            from whoosh import index as whoosh_index  # whoosh loads off the window's start-up path

            self._index = whoosh_index.open_dir(str(self._dir))
        return self._index

    def _create(self) -> None:
        """A new, empty generation; CURRENT moves to it once it is completely written."""
        self._close()
        _make_folder(self._root)
        self._dir = self._root / f"gen-{uuid.uuid4().hex[:12]}"
        self._dir.mkdir()
        self._write_meta(False, {})
        from whoosh import index as whoosh_index

        from desktop_app.search.schema import build_schema

        self._index = whoosh_index.create_in(str(self._dir), build_schema())

    def _close(self) -> None:
        with self._read_lock:
            self._forget()

    def _forget(self) -> None:
        """Drops the open generation (the caller holds the read lock)."""
        if self._searcher is not None:
            try:
                self._searcher.close()
            except Exception:  # noqa: BLE001 - a searcher over removed files may fail to close; it is dropped anyway
                pass
            self._searcher = None
        self._table, self._table_stamp = None, None
        self._index = None

    # -- writing ----------------------------------------------------------------------------
    def update(
        self,
        articles: Iterable[Article],
        rebuild: bool = False,
        progress: Progress | None = None,
        batch_written: BatchWritten | None = None,
    ) -> UpdateReport:
        """Brings the index in line with the articles: only changed articles are rewritten."""
        articles = list(articles)
        with self._write_lock, self._writers_lock():
            if self._current_dir() != self._dir:  # another process switched generations meanwhile
                self._close()
                self._dir = self._current_dir()
            report = UpdateReport()
            problem = RebuildReason.REQUESTED if rebuild else self.problem()
            self._building = problem is not None
            try:
                return self._update(articles, problem, report, progress, batch_written)
            except OSError as error:
                if self._dir != self._current_dir():  # a new generation is dropped; CURRENT still names the old
                    shutil.rmtree(self._dir, ignore_errors=True)
                    self._close()
                    self._dir = self._current_dir()
                reason = "the disk is full" if error.errno == 28 else (error.strerror or str(error))
                raise DataError(f"cannot write the search index in {self._root}: {reason}") from None
            finally:
                self._building = False
                self.progress = None

    def articles_to_write(self, articles: list[Article], rebuild: bool = False) -> int:
        """How many articles an update would write (or remove) now: all of them for a rebuild."""
        if rebuild or self.problem() is not None:
            return len(articles)
        _, changed, removed = _changes(dict((self._read_meta() or {}).get("articles", {})), articles)
        return len(changed) + len(removed)

    def _update(
        self,
        articles: list[Article],
        problem: RebuildReason | None,
        report: UpdateReport,
        progress: Progress | None,
        batch_written: BatchWritten | None,
    ) -> UpdateReport:
        if problem is not None:
            report.rebuilt_because = problem
            self._create()
            known: dict[str, str] = {}
        else:
            known = dict((self._read_meta() or {}).get("articles", {}))
        wanted, changed, removed = _changes(known, articles)
        if changed or removed or problem is not None:
            report.added = [a.id for a in changed if a.id not in known]
            report.updated = [a.id for a in changed if a.id in known]
            report.removed = removed
            table = self._write(changed, removed, progress, batch_written)
            self._write_meta(True, wanted, len(table))
        if problem is not None:
            self._switch_to(self._dir)
        return report

    @contextmanager
    def _writers_lock(self) -> Iterator[None]:
        """One writer at a time across processes (whoosh's own lock covers one generation only)."""
        from filelock import FileLock, Timeout

        try:
            _make_folder(self._root)
        except OSError as error:
            raise DataError(f"cannot write the search index in {self._root}: {error.strerror or error}") from None
        lock = FileLock(str(self._root / ".write.lock"), timeout=WRITE_TIMEOUT_S)
        try:
            with lock:
                yield
        except Timeout:
            raise DataError("the search index is being written by another program; try again in a moment") from None

    def _write(
        self, changed: list[Article], removed: list[str], progress: Progress | None, batch_written: BatchWritten | None
    ) -> BlockTable:
        """Writes the changed articles in batches, each committed to both parts: a search in this
        process during a long build answers over the batches written so far."""
        segmenter.ensure_loaded(self._cache_dir)
        meta = self._read_meta() or {}
        self._write_meta(False, meta.get("articles", {}))  # marks the index dirty until both parts are written
        try:
            table = self._current_table()
        except (OSError, ValueError):
            table = BlockTable([])  # a new generation
        batches = [changed[i : i + BATCH_ARTICLES] for i in range(0, len(changed), BATCH_ARTICLES)] or [[]]
        done = 0
        for number, batch in enumerate(batches):
            gone = removed if number == 0 else []
            table = self._write_batch(table, batch, gone, merge=len(batches) == 1)
            done += len(batch)
            self.progress = (done, len(changed))
            if batch_written:
                batch_written([article.id for article in batch], gone, done, len(changed))
            if progress:
                progress(done, len(changed))
        return table

    def _write_batch(self, table: BlockTable, batch: list[Article], removed: list[str], merge: bool) -> BlockTable:
        from whoosh.index import LockError
        from whoosh.writing import NO_MERGE

        fresh = {article.id: rows_of(article) for article in batch}
        rows = [row for article in batch for row in fresh[article.id]]  # the batch is in id order (_changes)
        try:
            writer = self._open().writer(timeout=WRITE_TIMEOUT_S, limitmb=WRITER_MEMORY_MB)
        except LockError:
            raise DataError("the search index is being written by another program; try again in a moment") from None
        try:
            for article_id in removed + list(fresh):
                writer.delete_by_term("article", article_id)
            for row, words in zip(rows, _segmented([row.folded for row in rows]), strict=True):  # as segmented
                writer.add_document(article=row.article, words=words)
            # Under whoosh's lock, so that two processes never interleave their tables.
            BlockTable.write(self._table_path, fresh, removed)
            table = table.replaced(BlockTable(rows), [*fresh, *removed])
            # A build in batches keeps a segment a batch: merging them would rewrite the index each time.
            writer.commit(mergetype=_merge_small_segments if merge else NO_MERGE)
        except BaseException:
            writer.cancel()
            raise
        with self._read_lock:
            self._table, self._table_stamp = table, self._stamp()
        # Opening a writer, whoosh catches an exception of its own (FileStorage.create) and keeps
        # it in a reference cycle whose frames reach back to this one: only the cyclic collector
        # frees them, and the window keeps it off while background work runs. Without these lines
        # each batch's posting list (~1 M tuples) and the table before it would stay until then.
        writer.pool.current = []
        del writer, fresh, rows, table
        return self._table

    # -- following a writer in another process (build_process) -----------------------------
    def follow(self, generation: str, written: list[str], removed: list[str], done: int, total: int) -> None:
        """A child process writing for this object has committed a batch to the generation:
        searches here see those articles from now on (a rebuild's first batch moves this
        object to the new generation, before CURRENT names it)."""
        folder = self._root / generation
        with self._read_lock:
            if folder != self._dir:
                self._forget()
                self._dir = folder
            self._building = True
            table = self._table
        path = self._table_path
        # Only the batch is read, and merged in: reading the whole table each batch would cost the
        # window's process ~2 s a batch at 10,000 articles.
        if table is None:
            table = BlockTable.load(path)
        else:
            fresh = BlockTable.load(path, written)
            if not removed and table.can_extend(written):
                with self._read_lock:  # in place: a build's batches come in the table's order
                    table.extend(fresh)
            else:
                table = table.replaced(fresh, written + removed)
        with self._read_lock:
            self._table = table
            self.progress = (done, total)

    def followed(self) -> None:
        """The child process has finished writing: this object reads what it wrote, as its own."""
        with self._read_lock:
            self._building = False
            self.progress = None
            self.writer_process = None
            if self._dir != self._current_dir():  # it rebuilt, and wrote nothing this object followed
                self._forget()
                self._dir = self._current_dir()
            self._table_stamp = self._stamp()

    def abandon_following(self) -> None:
        """The child process failed or was stopped: back to what CURRENT names, read afresh."""
        with self._read_lock:
            self._building = False
            self.progress = None
            self.writer_process = None
            self._forget()
            self._dir = self._current_dir()

    def stop_writer(self) -> None:
        """Stops a child process writing for this object (the window is closing); what it had
        not finished is left as an update interrupted, which the next one repairs."""
        process = self.writer_process
        if process is not None and process.is_alive():
            process.terminate()
            process.join(10)

    # -- reading ----------------------------------------------------------------------------
    def _stamp(self) -> tuple[int, int] | None:
        try:
            status = self._table_path.stat()
        except OSError:
            return None
        return status.st_mtime_ns, status.st_size

    def table_in_memory(self) -> HeldTable | None:
        """The block table this object holds, with where and when it was read: a writer forked
        from this process adopts it (``adopt_table``) instead of reading the file again, which at
        10,000 articles cost it ~2 s of a one-article update."""
        with self._read_lock:
            if self._table is None or self._table_stamp is None or self._building:
                return None
            return HeldTable(self._dir, self._table, self._table_stamp)

    def adopt_table(self, held: HeldTable | None) -> None:
        """Takes a table another object over the same index held, if the file is still the one
        it was read from."""
        if held is not None and held.generation == self._dir and held.stamp == self._stamp():
            self._table, self._table_stamp = held.table, held.stamp

    def _current_table(self) -> BlockTable:
        """The block table on disk, reloaded when another process has rewritten it."""
        stamp = self._stamp()
        if self._table is None or (stamp != self._table_stamp and not self._building):
            self._table = BlockTable.load(self._table_path)
            self._table_stamp = stamp
        return self._table

    def _snapshot(self) -> _Snapshot:
        if not self._building and self._current_dir() != self._dir:  # another process rebuilt: read its new one
            self._forget()
            self._dir = self._current_dir()
        try:
            table = self._current_table()
            self._searcher = self._open().searcher() if self._searcher is None else self._searcher.refresh()
        except Exception:  # whoosh raises many kinds for missing or damaged files  # noqa: BLE001
            self._forget()
            raise IndexDamaged("the search index is damaged") from None
        return _Snapshot(table, self._searcher)

    def search(
        self,
        text: str,
        speaker: str | None = None,
        article: str | None = None,
        limit: int | None = 20,
        across_scripts: bool = True,
    ) -> list[Hit]:
        """Blocks and speaker lines that match the query, best first; ``limit`` None (or 0)
        returns every hit. Speaker lines that match come first: a name (or an affiliation)
        finds that speaker's turns before the blocks that mention it."""
        parsed = parse_query(text, across_scripts)
        parsed.speaker = speaker or parsed.speaker
        parsed.article = article or parsed.article
        if parsed.is_empty:
            return []
        if self._building and self._table is None:
            return []  # a build has written nothing yet
        from desktop_app.search import matching  # NumPy: loaded with the engine, not with the window's panels

        with self._read_lock:
            for attempt in range(2):
                snapshot = self._snapshot()
                rows = matching.matching_rows(snapshot.table, parsed)
                try:
                    words = matching.words_to_rank(snapshot.table, snapshot.searcher, parsed)
                    ranked = matching.rank(snapshot.table, snapshot.searcher, rows, words, limit or None)
                    texts = snapshot.table.texts(self._table_path, [number for number, _ in ranked])
                    break
                except Exception:  # a generation removed or rewritten under us between two queries  # noqa: BLE001
                    self._forget()
                    if attempt:
                        raise IndexDamaged("the search index is damaged") from None
        table = snapshot.table
        return [_hit(table, number, text, score, parsed) for (number, score), text in zip(ranked, texts, strict=True)]

    def warm_up(self) -> None:
        """Loads the block table and opens a searcher, so that the first query pays no start-up
        cost (jieba is not needed to search: ``query_words``)."""
        from desktop_app.search import matching

        with self._read_lock:
            matching.vectors(self._snapshot().table)

    def close(self) -> None:
        self.stop_writer()
        self._close()


# whoosh's merge policy for updates (``_merge_small_segments``).
SMALL_SEGMENT_DOCS = 2000  # blocks; a build's batches leave segments of ~13,000 blocks
MOST_SMALL_SEGMENTS = 8


def _merge_small_segments(writer: Any, segments: list[Any]) -> list[Any]:
    """whoosh's merge policy for an update: once updates have left more than a few small
    segments, they are merged into one; the large segments of a build are never rewritten.

    whoosh's own policy (MERGE_SMALL) merges every segment up to the first place where the
    documents so far are fewer than a Fibonacci number; after a build of 10,000 articles and a
    few one-article updates, that place is near the last segment, and one article's update
    rewrote the whole index: 155 s. Merging the small ones costs at most a few thousand blocks,
    once in a while."""
    from whoosh.reading import SegmentReader

    small = [segment for segment in segments if segment.doc_count_all() < SMALL_SEGMENT_DOCS]
    if len(small) <= MOST_SMALL_SEGMENTS:
        return segments
    for segment in small:
        reader = SegmentReader(writer.storage, writer.schema, segment)
        writer.add_reader(reader)
        reader.close()
    return [segment for segment in segments if segment not in small]


def _changes(known: dict[str, str], articles: list[Article]) -> tuple[dict[str, str], list[Article], list[str]]:
    """Given the indexed articles' digests: every article's digest, the articles to write (new or
    changed), and the ids to remove. The articles to write come in id order, the table's: each
    batch of a build then comes after the one before it, and a process following the build
    appends it to its table instead of copying the table."""
    wanted = {article.id: article.content_digest for article in articles}
    changed = sorted((a for a in articles if known.get(a.id) != wanted[a.id]), key=lambda article: article.id)
    return wanted, changed, [article_id for article_id in known if article_id not in wanted]


def _make_folder(path: Path) -> None:
    """Creates the folder (in the cache folder); a file in the place of either is moved aside."""
    for folder in (path.parent, path):
        if folder.exists() and not folder.is_dir():
            folder.replace(folder.with_name(f"{folder.name}.not-a-folder-{time.strftime('%Y%m%d-%H%M%S')}"))
    path.mkdir(parents=True, exist_ok=True)


def _hit(table: BlockTable, row: int, text: str, score: float, parsed: ParsedQuery) -> Hit:
    matches = parsed.spans(text, bool(table.traditional[row]))
    return Hit(
        article=table.articles[row],
        block=table.blocks[row],
        speaker=table.speakers[row],
        topic=table.topics[row],
        score=score,
        snippet=snippets.plain(text, matches),
        matches=matches,
        text=text,
        part=HitPart.SPEAKER if table.speaker_lines[row] else HitPart.TEXT,
    )
