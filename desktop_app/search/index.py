"""The full-text index: built from the library, updated per article, searched per block.

Safety: an index is trusted only when its metadata file says it was completely written with the
current schema; otherwise (a crash mid-write, an older version, a damaged file) it is rebuilt and
the reason is reported. Writes are serialised (a lock in this process, whoosh's lock file across
processes, waited on rather than raised); searches read a consistent snapshot meanwhile.
"""

from __future__ import annotations

import gc
import hashlib
import json
import multiprocessing
import shutil
import threading
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.index import LockError
from whoosh.query import And, AndMaybe, AndNot, Every, Or, Phrase, Prefix, Query, Term
from whoosh.searching import Searcher

from desktop_app.corpus.model import Article
from desktop_app.errors import DataError
from desktop_app.search import segmenter
from desktop_app.search.normalize import fold_text, literal_spans
from desktop_app.search.query import ParsedQuery, parse_query
from desktop_app.search.schema import SCHEMA_VERSION, build_schema

META_FILE = "aigc-index.json"
WRITE_TIMEOUT_S = 60.0
PARALLEL_THRESHOLD = 400  # blocks; below this a process pool costs more than it saves
SNIPPET_BEFORE, SNIPPET_AFTER = 30, 70

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Hit:
    article: str
    block: int
    speaker: str | None
    topic: int | None
    score: float
    snippet: str
    matches: list[tuple[int, int]]  # offsets in the block's text
    text: str

    def to_json(self) -> dict[str, Any]:
        return {"article": self.article, "block": self.block, "speaker": self.speaker, "topic": self.topic,
                "score": round(self.score, 4), "snippet": self.snippet, "matches": [list(m) for m in self.matches]}


@dataclass
class UpdateReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    rebuilt_because: str | None = None

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed)


def article_digest(article: Article) -> str:
    return hashlib.sha256(json.dumps(article.to_cache(), ensure_ascii=False, sort_keys=True).encode()).hexdigest()


def _segment_batch(texts: list[str]) -> list[str]:
    return [" ".join(segmenter.words(text)) for text in texts]


def _segment_all(folded_texts: list[str]) -> list[str]:
    if len(folded_texts) < PARALLEL_THRESHOLD:
        return _segment_batch(folded_texts)
    # fork: the children inherit jieba's loaded dictionary instead of loading it again.
    workers = 2
    chunk = max(1, len(folded_texts) // (workers * 8))
    batches = [folded_texts[i : i + chunk] for i in range(0, len(folded_texts), chunk)]
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        return [words for batch in pool.map(_segment_batch, batches) for words in batch]


class SearchIndex:
    """The index in one data dir. Build it once and share it; it is safe across threads."""

    def __init__(self, index_dir: Path, cache_dir: Path) -> None:
        self._dir = index_dir
        self._cache_dir = cache_dir
        self._write_lock = threading.Lock()
        self._read_lock = threading.Lock()
        self._index: Any = None
        self._searcher: Searcher | None = None

    # -- state on disk ----------------------------------------------------------------------
    @property
    def _meta_path(self) -> Path:
        return self._dir / META_FILE

    def _read_meta(self) -> dict[str, Any] | None:
        try:
            meta = json.loads(self._meta_path.read_text(encoding="utf-8"))
            return meta if isinstance(meta, dict) else None
        except (OSError, ValueError):
            return None

    def _write_meta(self, complete: bool, digests: dict[str, str]) -> None:
        self._dir.mkdir(parents=True, exist_ok=True)
        temporary = self._meta_path.with_suffix(".tmp")
        temporary.write_text(json.dumps({"schema": SCHEMA_VERSION, "complete": complete, "articles": digests}),
                             encoding="utf-8")
        temporary.replace(self._meta_path)

    def problem(self) -> str | None:
        """Why the index on disk cannot be trusted, or None when it can."""
        meta = self._read_meta()
        if meta is None:
            return "no index yet" if not self._dir.exists() or not any(self._dir.iterdir()) else "index metadata missing"
        if meta.get("schema") != SCHEMA_VERSION:
            return "index from an older version"
        if not meta.get("complete"):
            return "index left half-written (interrupted)"
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ResourceWarning)
            try:
                if not whoosh_index.exists_in(str(self._dir)):
                    return "index files missing"
                opened = whoosh_index.open_dir(str(self._dir))
                opened.doc_count()
                opened.close()
            except Exception:  # whoosh raises many kinds for damaged files  # noqa: BLE001
                return "index files damaged"
            finally:
                gc.collect()  # whoosh leaves the damaged file open; close it here, quietly
        return None

    def _open(self) -> Any:
        if self._index is None:
            self._index = whoosh_index.open_dir(str(self._dir))
        return self._index

    def _create(self) -> None:
        self._close()
        shutil.rmtree(self._dir, ignore_errors=True)
        self._dir.mkdir(parents=True, exist_ok=True)
        self._write_meta(False, {})
        self._index = whoosh_index.create_in(str(self._dir), build_schema())

    def _close(self) -> None:
        with self._read_lock:
            if self._searcher is not None:
                self._searcher.close()
                self._searcher = None
        self._index = None

    # -- writing ----------------------------------------------------------------------------
    def update(self, articles: Iterable[Article], rebuild: bool = False, progress: Progress | None = None) -> UpdateReport:
        """Brings the index in line with the articles: only changed articles are rewritten."""
        articles = list(articles)
        with self._write_lock:
            report = UpdateReport()
            problem = "rebuild requested" if rebuild else self.problem()
            if problem is not None:
                report.rebuilt_because = problem
                self._create()
                known: dict[str, str] = {}
            else:
                known = dict((self._read_meta() or {}).get("articles", {}))
            wanted = {article.id: article_digest(article) for article in articles}
            changed = [a for a in articles if known.get(a.id) != wanted[a.id]]
            removed = [article_id for article_id in known if article_id not in wanted]
            if not changed and not removed:
                return report
            report.added = [a.id for a in changed if a.id not in known]
            report.updated = [a.id for a in changed if a.id in known]
            report.removed = removed
            self._write(changed, removed, progress)
            self._write_meta(True, wanted)
            return report

    def _write(self, changed: list[Article], removed: list[str], progress: Progress | None) -> None:
        segmenter.ensure_loaded(self._cache_dir)
        blocks = [(article, index, block) for article in changed for index, block in enumerate(article.blocks)]
        folded = [fold_text(block.text) for _, _, block in blocks]
        words = _segment_all(folded)
        meta = self._read_meta() or {}
        self._write_meta(False, meta.get("articles", {}))  # marks the index dirty until commit
        try:
            writer = self._open().writer(timeout=WRITE_TIMEOUT_S)
        except LockError:
            raise DataError("the search index is being written by another program; try again in a moment") from None
        try:
            for article_id in removed + [article.id for article in changed]:
                writer.delete_by_term("article", article_id)
            for done, ((article, index, block), folded_text, segmented) in enumerate(zip(blocks, folded, words,
                                                                                        strict=True)):
                writer.add_document(
                    key=f"{article.id}:{index}", article=article.id, block=index, speaker=block.speaker or "",
                    topic="" if block.topic is None else str(block.topic), words=segmented, grams=folded_text,
                    text=block.text,
                )
                if progress and done % 200 == 0:
                    progress(done, len(blocks))
            writer.commit()
        except BaseException:
            writer.cancel()
            raise
        if progress:
            progress(len(blocks), len(blocks))

    # -- reading ----------------------------------------------------------------------------
    def _current_searcher(self) -> Searcher:
        if self._searcher is None:
            self._searcher = self._open().searcher()
        else:
            self._searcher = self._searcher.refresh()
        return self._searcher

    def search(self, text: str, speaker: str | None = None, article: str | None = None,
               limit: int | None = 20) -> list[Hit]:
        """Blocks that match the query, best first; ``limit`` None (or 0) returns every hit."""
        parsed = parse_query(text)
        parsed.speaker = speaker or parsed.speaker
        parsed.article = article or parsed.article
        if parsed.is_empty:
            return []
        segmenter.ensure_loaded(self._cache_dir)
        query = self._build_query(parsed)
        with self._read_lock:
            searcher = self._current_searcher()
            results = searcher.search(query, limit=limit or None)
            return [self._hit(result, parsed) for result in results]

    def _build_query(self, parsed: ParsedQuery) -> Query:
        required: list[Query] = [_literal(term) for term in parsed.terms]
        if parsed.speaker:
            required.append(Term("speaker", parsed.speaker))
        if parsed.article:
            required.append(Term("article", parsed.article))
        if parsed.topic is not None:
            required.append(Term("topic", str(parsed.topic)))
        query: Query = And(required) if len(required) > 1 else (required[0] if required else Every())
        ranking = [Term("words", word) for term in parsed.terms for word in segmenter.words(term)]
        if ranking:
            query = AndMaybe(query, Or(ranking))
        if parsed.excluded:
            query = AndNot(query, Or([_literal(term) for term in parsed.excluded]))
        return query

    @staticmethod
    def _hit(result: Any, parsed: ParsedQuery) -> Hit:
        text = result["text"]
        matches = literal_spans(text, parsed.terms)
        return Hit(
            article=result["article"], block=int(result["block"]), speaker=result["speaker"] or None,
            topic=int(result["topic"]) if result["topic"] else None, score=float(result.score or 0.0),
            snippet=make_snippet(text, matches), matches=matches, text=text,
        )

    def warm_up(self) -> None:
        """Loads jieba and opens a searcher, so that the first query pays no start-up cost."""
        segmenter.ensure_loaded(self._cache_dir)
        with self._read_lock:
            self._current_searcher()

    def close(self) -> None:
        self._close()


def _literal(term: str) -> Query:
    """Matches blocks whose folded text contains ``term`` (already folded) literally."""
    if len(term) == 1:
        return Prefix("grams", term)
    pairs = [term[i : i + 2] for i in range(len(term) - 1)]
    return Term("grams", pairs[0]) if len(pairs) == 1 else Phrase("grams", pairs)


def make_snippet(text: str, matches: list[tuple[int, int]]) -> str:
    """The first match with some context, '…' where text was cut."""
    if not matches:
        return text if len(text) <= SNIPPET_BEFORE + SNIPPET_AFTER else text[: SNIPPET_BEFORE + SNIPPET_AFTER] + "…"
    start, end = matches[0]
    left, right = max(0, start - SNIPPET_BEFORE), min(len(text), end + SNIPPET_AFTER)
    return ("…" if left else "") + text[left:right] + ("…" if right < len(text) else "")
