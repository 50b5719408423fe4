"""Search over one user's annotations (the search dock's 批注 group, ``search --annotations``):
the same query language and matching as the articles' search (both scripts, literal), over
each annotation's quote, note and tags. A term matches within one of them, never across two."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from desktop_app.annotations.model import Placed
from desktop_app.chinese_scripts import is_traditional
from desktop_app.folding import fold_text
from desktop_app.search import snippets
from desktop_app.search.query import parse_query
from desktop_app.terms import Term, term_spans


class AnnotationField(StrEnum):
    NOTE = "note"
    QUOTE = "quote"
    TAGS = "tags"


@dataclass(frozen=True)
class AnnotationHit:
    placed: Placed
    field: AnnotationField  # where the snippet comes from: the first of note, quote, tags that matches
    text: str  # that field's text (tags as '#a #b')
    matches: list[tuple[int, int]]  # offsets in text

    @property
    def snippet(self) -> str:
        return snippets.plain(self.text, self.matches)

    def to_json(self) -> dict[str, Any]:
        return {**self.placed.to_json(), "field": self.field, "snippet": self.snippet, "matches": self.matches}


def _fields(placed: Placed) -> list[tuple[AnnotationField, str]]:
    annotation = placed.annotation
    return [
        (AnnotationField.NOTE, annotation.note),
        (AnnotationField.QUOTE, annotation.anchor.quote),
        (AnnotationField.TAGS, " ".join(f"#{tag}" for tag in annotation.tags)),
    ]


_Field = tuple[AnnotationField, str, str, bool]  # the field, its text, folded, and whether it is Traditional


def _occurs(term: Term, fields: list[_Field]) -> bool:
    return any(term.occurs(folded, fold_text(text), traditional) for _, text, folded, traditional in fields)


def search_annotations(
    placed: list[Placed], query: str, across_scripts: bool = True, speaker: str | None = None
) -> list[AnnotationHit]:
    """The annotations every term occurs in (each in the note, the quote or a tag) and no excluded
    term does, in the order given (reading order). Filters (speaker:, article:, topic:) apply too;
    ``speaker`` is the same as ``speaker:`` in the query."""
    parsed = parse_query(query, across_scripts)
    parsed.speaker = speaker or parsed.speaker
    if not parsed.terms and not (parsed.speaker or parsed.article or parsed.topic is not None):
        return []
    hits = []
    for item in placed:
        p = item.placement
        if (parsed.speaker and p.speaker != parsed.speaker) or (
            parsed.article and item.annotation.article != parsed.article
        ):
            continue
        if parsed.topic is not None and p.topic != parsed.topic:
            continue
        fields = [
            (field, text, fold_text(text, scripts=True), bool(is_traditional(text))) for field, text in _fields(item)
        ]

        if not all(_occurs(term, fields) for term in parsed.terms) or any(_occurs(t, fields) for t in parsed.excluded):
            continue
        for field, text, _folded, traditional in fields:
            matches = term_spans(parsed.terms, text, traditional)
            if matches or not parsed.terms:
                hits.append(AnnotationHit(item, field, text, matches))
                break
    return hits
