"""Annotating, as the window and the command line both do it: the store, the articles the
annotations point into, and an undo history of every change.

Undo and redo replay the change's before/after states through the store, so an undone change
is as durable as any other.
"""

from __future__ import annotations

import builtins
from bisect import bisect_right
from collections.abc import Callable, Iterable
from typing import NamedTuple

from desktop_app.annotations.anchoring import exact_occurrences, locate
from desktop_app.annotations.colors import COLORS, DEFAULT_COLOR
from desktop_app.annotations.model import (
    ANCHORED,
    ORPHANED,
    Anchor,
    Annotation,
    Placed,
    Placement,
    normalize_tags,
)
from desktop_app.annotations.store import AnnotationStore
from desktop_app.corpus.model import Article
from desktop_app.errors import AnnotationError, UnknownAnnotation, UnknownArticle
from desktop_app.folding import fold, literal_spans
from desktop_app.terms import Term

ArticleLookup = Callable[[str], Article]  # raises UnknownArticle


def _place_all(annotations: list[Annotation], article: Article | None) -> list[Placed]:
    """Where each annotation of one article sits in its current text, in reading order (orphans
    last, oldest first). One tight loop: the window and the CLI place the whole library at once."""
    if article is None:
        return sorted(
            (Placed(annotation, Placement(ORPHANED)) for annotation in annotations),
            key=lambda placed: placed.annotation.created,
        )
    text, starts, blocks = article.plain_text, article.block_starts, article.blocks
    make_placement, make_placed = Placement._make, Placed._make
    placed = []
    for annotation in annotations:
        quote, _, _, start, end = anchor = annotation.anchor
        if quote and 0 <= start and end - start == len(quote) and text.startswith(quote, start):
            status = ANCHORED  # the common case, checked inline
        else:
            location = locate(anchor, text)
            status, start, end = location.status, location.start, location.end  # type: ignore[assignment]
        if start is None or end is None or not blocks:
            where = Placement(ORPHANED) if start is None else Placement(status, start, end)
            placed.append(make_placed((annotation, where)))
            continue
        number = max(0, bisect_right(starts, start) - 1)
        block = blocks[number]
        placed.append(
            make_placed((annotation, make_placement((status, start, end, number, block.speaker, block.topic))))
        )
    placed.sort(key=_position)
    return placed


def _position(placed: Placed) -> tuple[bool, int, str]:
    start = placed.placement.start
    return start is None, start or 0, placed.annotation.created


class Change(NamedTuple):
    before: Annotation | None
    after: Annotation | None


def check_color(color: str) -> str:
    if color not in COLORS:
        raise AnnotationError(f"unknown color {color!r}: choose one of {', '.join(COLORS)}")
    return color


def find_quote(text: str, quote: str, occurrence: int = 1) -> tuple[int, int]:
    """Offsets of the n-th (1-based) occurrence of quote in text: exactly as written if it is
    there, else ignoring case, width and white space as search does."""
    if not quote.strip():
        raise AnnotationError("the quote is empty")
    if occurrence < 1:
        raise AnnotationError("occurrences count from 1")
    spans = [(start, start + len(quote)) for start in exact_occurrences(quote, text)]  # as written first…
    if not spans:
        spans = literal_spans(text, [fold(quote).text])  # …else as search matches
    if not spans:
        raise AnnotationError(f"the quote {quote[:40]!r} is not in the article")
    if occurrence > len(spans):
        raise AnnotationError(f"the quote occurs {len(spans)} time(s), not {occurrence}")
    return spans[occurrence - 1]


class Annotations:
    """One user's annotations over the library."""

    def __init__(self, store: AnnotationStore, article: ArticleLookup, user: str) -> None:
        self.store = store
        self.user = user
        self._article = article
        self._undo: list[Change] = []
        self._redo: list[Change] = []
        self._cached: tuple[int, list[Annotation]] | None = None
        self._listing: tuple[int, dict[str, Article | None], list[Placed]] | None = None
        self._generation = 0  # counts re-reads of the store: the placed list is valid for one
        self._watched_version: int | None = None

    def _all(self) -> list[Annotation]:
        """Every annotation, read again only when some connection has changed the database."""
        version = self.store.data_version()
        if self._cached is None or self._cached[0] != version:
            self._cached = (version, self.store.all())
            self._generation += 1
        return self._cached[1]

    # -- placing ----------------------------------------------------------------------------
    def article_or_none(self, article_id: str) -> Article | None:
        """The article, or None when it has left the library (its annotations are orphans)."""
        try:
            return self._article(article_id)
        except UnknownArticle:
            return None

    def place(self, annotation: Annotation, article: Article | None = None) -> Placed:
        """Where the annotation sits in the article's current text (orphaned if nowhere)."""
        return _place_all([annotation], article or self.article_or_none(annotation.article))[0]

    def _placed_in_order(self) -> list[Placed]:
        """Every annotation placed and sorted; recomputed only when the annotations or one of
        their articles changed (the window lists often, and 10,000 placements cost ~100 ms)."""
        annotations = self._all()
        articles = {article_id: self.article_or_none(article_id) for article_id in {a.article for a in annotations}}
        # Articles by identity: the library hands out the same object until the article changes
        # (the cache holds them, so an identity is never reused by another object meanwhile).
        cached = self._listing
        if (
            cached is None
            or cached[0] != self._generation
            or cached[1].keys() != articles.keys()
            or any(cached[1][key] is not article for key, article in articles.items())
        ):
            by_article: dict[str, list[Annotation]] = {}
            for annotation in annotations:
                by_article.setdefault(annotation.article, []).append(annotation)
            placed = [
                p for article_id in sorted(by_article) for p in _place_all(by_article[article_id], articles[article_id])
            ]
            cached = self._listing = (self._generation, articles, placed)
        return cached[2]

    def list(
        self, article: str | None = None, tag: str | None = None, search: str | None = None, across_scripts: bool = True
    ) -> list[Placed]:
        """Annotations in reading order (by article, then position); orphans last in each article.
        ``search`` is a literal found in the quote or the note, in either script unless
        ``across_scripts`` is False."""
        placed = self._placed_in_order()
        if article is not None:
            placed = [p for p in placed if p.annotation.article == article]
        if tag:
            wanted = normalize_tags([tag])
            placed = [p for p in placed if wanted and wanted[0] in p.annotation.tags]
        if search:
            term = Term.of(search, across_scripts)
            placed = [
                p for p in placed if term.occurs_in(p.annotation.anchor.quote) or term.occurs_in(p.annotation.note)
            ]
        return list(placed)

    def counts_by_article(self) -> dict[str, int]:
        """Annotations per article id, orphans included (cheap: counted by the database)."""
        return self.store.counts_by_article()

    def changed_elsewhere(self) -> bool:
        """Whether another connection (the CLI, a second window) changed the annotations since
        the last call; cheap enough to ask every second (``PRAGMA data_version``)."""
        version = self.store.data_version()
        changed = self._watched_version is not None and version != self._watched_version
        self._watched_version = version
        return changed

    def reading_place(self, article: str) -> tuple[int, float] | None:
        """Where this user left the article: (block, how far into it), None at the title or never."""
        return self.store.reading_place(article)

    def remember_reading_place(self, article: str, place: tuple[int, float] | None) -> None:
        self.store.remember_reading_place(article, place)

    def get(self, annotation_id: str) -> Annotation:
        """By id, or by an unambiguous prefix of it (as git takes short hashes)."""
        annotation = self.store.get(annotation_id)
        if annotation is not None:
            return annotation
        matches = self.store.ids_starting_with(annotation_id) if len(annotation_id) >= 4 else []
        if len(matches) == 1:
            found = self.store.get(matches[0])
            if found is not None:
                return found
        if len(matches) > 1:
            raise UnknownAnnotation(f"annotation id {annotation_id!r} is ambiguous: give more characters")
        raise UnknownAnnotation(f"no annotation with id {annotation_id!r}")

    # -- changing (each one undoable) -------------------------------------------------------
    def add(
        self,
        article_id: str,
        start: int,
        end: int,
        note: str = "",
        color: str = DEFAULT_COLOR,
        tags: Iterable[str] = (),
    ) -> Placed:
        """Highlights plain_text[start:end] of the article."""
        article = self._article(article_id)
        text = article.plain_text
        if not 0 <= start < end <= len(text):
            raise AnnotationError(f"the span {start}–{end} is outside the article's text (0–{len(text)})")
        annotation = Annotation.new(
            article_id,
            Anchor.at(text, start, end),
            color=check_color(color),
            note=note,
            tags=normalize_tags(list(tags)),
        )
        self._apply(Change(None, annotation))
        return self.place(annotation, article)

    def add_quote(
        self,
        article_id: str,
        quote: str,
        occurrence: int = 1,
        note: str = "",
        color: str = DEFAULT_COLOR,
        tags: Iterable[str] = (),
    ) -> Placed:
        start, end = find_quote(self._article(article_id).plain_text, quote, occurrence)
        return self.add(article_id, start, end, note, color, tags)

    def reattach(self, annotation_id: str, quote: str, occurrence: int = 1) -> Placed:
        """Attaches an annotation (an orphan, typically) to a new passage of its article: the
        quote as ``add_quote`` finds it. Note, tags, colour and times are kept; undoable."""
        before = self.get(annotation_id)
        start, end = find_quote(self._article(before.article).plain_text, quote, occurrence)
        return self.reattach_at(annotation_id, start, end)

    def reattach_at(self, annotation_id: str, start: int, end: int) -> Placed:
        """The same, to a span of the article's plain text (what the reader's selection gives)."""
        before = self.get(annotation_id)
        text = self._article(before.article).plain_text
        if not 0 <= start < end <= len(text):
            raise AnnotationError(f"the span {start}–{end} is outside the article's text (0–{len(text)})")
        after = before._replace(anchor=Anchor.at(text, start, end))
        if after.anchor == before.anchor:
            return self.place(before)
        self._apply(Change(before, after))
        return self.place(after)

    def edit(
        self, annotation_id: str, note: str | None = None, color: str | None = None, tags: Iterable[str] | None = None
    ) -> Placed:
        before = self.get(annotation_id)
        wanted = (
            before.note if note is None else note,
            before.color if color is None else check_color(color),
            before.tags if tags is None else normalize_tags(list(tags)),
        )
        if wanted == (before.note, before.color, before.tags):
            return self.place(before)  # nothing to save: no write, no undo step (autosave calls this often)
        after = before.edited(note=wanted[0], color=wanted[1], tags=wanted[2])
        self._apply(Change(before, after))
        return self.place(after)

    def remove(self, annotation_id: str) -> Annotation:
        before = self.get(annotation_id)
        self._apply(Change(before, None))
        return before

    def import_annotations(self, annotations: Iterable[Annotation]) -> builtins.list[Annotation]:
        """Adds those not stored yet (same id); importing twice adds nothing. Not undoable."""
        self._cached = None
        return self.store.add_missing(annotations)

    def _write(self, current: Annotation | None, wanted: Annotation | None) -> None:
        self._cached = None  # our own commits do not change data_version
        if wanted is not None:
            self.store.put(wanted)
        elif current is not None:
            self.store.delete(current.id)

    def _apply(self, change: Change) -> None:
        self._write(change.before, change.after)
        self._undo.append(change)
        self._redo.clear()

    # -- history ----------------------------------------------------------------------------
    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    def undo(self) -> Change | None:
        """Reverts the last change; returns it (None when there is nothing to undo)."""
        if not self._undo:
            return None
        change = self._undo.pop()
        self._write(change.after, change.before)
        self._redo.append(change)
        return change

    def redo(self) -> Change | None:
        if not self._redo:
            return None
        change = self._redo.pop()
        self._write(change.before, change.after)
        self._undo.append(change)
        return change
