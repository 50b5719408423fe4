"""Annotating through the core as the window does: undo/redo, and annotations following their
article when it is re-cleaned or re-imported."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from desktop_app.annotations.model import ANCHORED, MOVED, ORPHANED
from desktop_app.annotations.service import Annotations
from desktop_app.annotations.store import AnnotationStore
from desktop_app.corpus.model import Article, Block
from desktop_app.errors import AnnotationError, UnknownArticle

A000 = "000_5b4e62939488a476"


@pytest.fixture
def articles(corpus: dict[str, Article]) -> dict[str, Article]:
    return dict(corpus)


@pytest.fixture
def book(tmp_path: Path, articles: dict[str, Article]) -> Annotations:
    def lookup(article_id: str) -> Article:
        if article_id not in articles:
            raise UnknownArticle(article_id)
        return articles[article_id]

    return Annotations(AnnotationStore(tmp_path / "annotations.sqlite3"), lookup, "tester")


def test_undo_and_redo_every_kind_of_change(book: Annotations) -> None:
    added = book.add_quote(A000, "北美的商业", note="初稿").annotation
    book.edit(added.id, note="改稿", color="blue", tags=["x"])
    assert [p.annotation.note for p in book.list()] == ["改稿"]  # a listing never shows a stale copy
    book.remove(added.id)
    assert book.list() == []
    book.undo()  # the removal
    assert book.store.get(added.id).note == "改稿"  # type: ignore[union-attr]
    book.undo()  # the edit
    restored = book.store.get(added.id)
    assert restored is not None and (restored.note, restored.color, restored.tags) == ("初稿", "yellow", ())
    book.undo()  # the add
    assert book.store.count() == 0 and not book.can_undo
    book.redo()
    book.redo()
    assert book.store.get(added.id).note == "改稿"  # type: ignore[union-attr]
    book.add_quote(A000, "国人的")  # a new change forgets what could be redone
    assert not book.can_redo


def test_annotations_follow_their_article_when_it_changes(book: Annotations, articles: dict[str, Article]) -> None:
    kept = book.add_quote(A000, "北美的商业").annotation
    edited = book.add_quote(A000, "国内面临").annotation
    article = articles[A000]
    doomed_block = article.block_at(edited.anchor.start)
    # Re-cleaned: a paragraph appears at the top; the block holding the second quote is removed.
    blocks = (Block("paragraph", "编者按：本文为新加的一段导语。"),) + tuple(
        b for i, b in enumerate(article.blocks) if i != doomed_block
    )
    articles[A000] = replace(article, blocks=blocks, turns=(), topics=())
    placed = {p.annotation.id: p.placement for p in book.list()}
    assert placed[kept.id].status == MOVED
    text = articles[A000].plain_text
    assert text[placed[kept.id].start : placed[kept.id].end] == "北美的商业"
    assert placed[edited.id].status == ORPHANED  # kept and listed, never dropped or misplaced
    del articles[A000]  # the article left the library
    assert {p.placement.status for p in book.list()} == {ORPHANED}
    assert len(book.list()) == 2


def test_spans_and_ids_are_checked(book: Annotations) -> None:
    with pytest.raises(AnnotationError):
        book.add(A000, 10, 5)
    with pytest.raises(AnnotationError, match="no annotation"):
        book.edit("nonexistent-id", note="x")
    placed = book.add(A000, 0, 4)
    assert placed.placement.status == ANCHORED and placed.annotation.anchor.prefix == ""


def test_reattaching_is_one_undo_step_and_keeps_everything_but_the_place(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.corpus.library import Library
    from desktop_app.paths import DataPaths
    from desktop_app.session import Session

    session = Session(DataPaths(tmp_path, "t"), library=Library(DataPaths(tmp_path, "t")))
    book = session.annotations
    placed = book.add_quote("000_5b4e62939488a476", "生产力", note="n", tags=["a"])
    moved = book.reattach(placed.annotation.id, "范式转移")
    assert moved.annotation.anchor.quote == "范式转移" and moved.annotation.note == "n"
    assert moved.annotation.created == placed.annotation.created
    book.undo()
    assert book.get(placed.annotation.id).anchor.quote == "生产力"
    session.close()
