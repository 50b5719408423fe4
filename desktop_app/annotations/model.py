"""What an annotation is: a highlight (and maybe a note and tags) anchored to an article's text.

The anchor follows the W3C Web Annotation selectors Hypothesis uses: the exact quote with about
32 characters of context either side (``TextQuoteSelector``) and its offsets in the article's
clean text (``TextPositionSelector``) as a hint. Offsets index ``Article.plain_text``.
"""

from __future__ import annotations

import time
from enum import StrEnum
from typing import Any, NamedTuple

from desktop_app.annotations.colors import DEFAULT_COLOR

CONTEXT_CHARS = 32


class AnchorStatus(StrEnum):
    ANCHORED = "anchored"  # at its place
    MOVED = "moved"  # found again elsewhere after the text changed
    ORPHANED = "orphaned"  # nowhere in the text: kept and exported, never dropped


ANCHORED, MOVED, ORPHANED = AnchorStatus.ANCHORED, AnchorStatus.MOVED, AnchorStatus.ORPHANED


def now_iso() -> str:
    """UTC, to the millisecond: 2026-11-23T19:15:30.123Z (time, not datetime: one import less at start-up)."""
    now = time.time()
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(now)) + f".{int(now * 1000) % 1000:03d}Z"


def new_id() -> str:
    import uuid  # here, not at the top: it costs the window's start-up 3 ms and only new annotations need it

    return uuid.uuid4().hex


class Anchor(NamedTuple):  # tuples: 10,000 of them are built per listing, and fast
    quote: str
    prefix: str
    suffix: str
    start: int
    end: int

    @classmethod
    def at(cls, text: str, start: int, end: int) -> Anchor:
        """The anchor of text[start:end], with its context."""
        return cls(
            text[start:end], text[max(0, start - CONTEXT_CHARS) : start], text[end : end + CONTEXT_CHARS], start, end
        )


class Annotation(NamedTuple):
    """Immutable; a tuple because a listing builds 10,000 of them from the store (a frozen
    dataclass costs four times as much to construct)."""

    id: str
    article: str
    anchor: Anchor
    color: str
    note: str
    tags: tuple[str, ...]
    created: str
    updated: str

    @classmethod
    def new(
        cls,
        article: str,
        anchor: Anchor,
        color: str = DEFAULT_COLOR,
        note: str = "",
        tags: tuple[str, ...] = (),
        id: str | None = None,
    ) -> Annotation:  # noqa: A002 - the field's name
        """A new annotation, created (and last updated) now."""
        created = now_iso()
        return cls(id or new_id(), article, anchor, color, note, tags, created, created)

    def edited(self, **changes: Any) -> Annotation:
        return self._replace(**changes, updated=now_iso())


class Placement(NamedTuple):
    """Where an annotation sits in the article's current text."""

    status: AnchorStatus
    start: int | None = None
    end: int | None = None
    block: int | None = None
    speaker: str | None = None
    topic: int | None = None


class Placed(NamedTuple):
    annotation: Annotation
    placement: Placement

    def to_json(self) -> dict[str, Any]:
        """The command line's contract (see README, `annotate list --json`)."""
        a, p = self.annotation, self.placement
        return {
            "id": a.id,
            "article": a.article,
            "quote": a.anchor.quote,
            "note": a.note,
            "color": a.color,
            "tags": list(a.tags),
            "start": p.start,
            "end": p.end,
            "block": p.block,
            "status": p.status,
            "speaker": p.speaker,
            "topic": p.topic,
            "created": a.created,
            "updated": a.updated,
        }


def normalize_tags(tags: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """Tags without '#', white space or duplicates, in the order given."""
    cleaned = ("".join(tag.lstrip("#").split()) for tag in tags)
    return tuple(dict.fromkeys(tag for tag in cleaned if tag))
