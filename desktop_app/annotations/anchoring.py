"""Finding an annotation again in an article's current text.

In order: the exact quote at the hinted offsets; else the exact occurrence whose context fits
best; else, for quotes of 6 characters or more, a fuzzy match scored on quote, prefix, suffix
and position (the weights Hypothesis uses) that must also pass a minimum, because a passage
that was deleted must become an orphan, not land on other text. A false anchor is worse
than an orphan.
"""

from __future__ import annotations

from typing import NamedTuple

from desktop_app.annotations.model import ANCHORED, MOVED, ORPHANED, Anchor, AnchorStatus

MIN_FUZZY_QUOTE = 6
MIN_QUOTE_SIMILARITY = 0.85  # of the quote alone: a few edited characters pass, a rewritten claim does not
MIN_SCORE = 0.75  # of the weighted sum below
WEIGHT_QUOTE, WEIGHT_PREFIX, WEIGHT_SUFFIX, WEIGHT_POSITION = 50, 20, 20, 2


class Location(NamedTuple):
    status: AnchorStatus
    start: int | None = None
    end: int | None = None


def similarity(a: str, b: str) -> float:
    """1.0 for equal strings, falling with the edits needed (normalised Indel distance)."""
    from rapidfuzz import fuzz  # loaded on the first re-anchoring, not at start-up

    if not a and not b:
        return 1.0
    return fuzz.ratio(a, b) / 100.0


def _context_fit(anchor: Anchor, text: str, start: int, end: int) -> tuple[float, float, float]:
    prefix = similarity(anchor.prefix, text[max(0, start - len(anchor.prefix)) : start])
    suffix = similarity(anchor.suffix, text[end : end + len(anchor.suffix)])
    position = 1.0 - min(1.0, abs(start - anchor.start) / max(len(text), 1))
    return prefix, suffix, position


def _weighted_context(anchor: Anchor, text: str, start: int, end: int) -> float:
    prefix, suffix, position = _context_fit(anchor, text, start, end)
    return WEIGHT_PREFIX * prefix + WEIGHT_SUFFIX * suffix + WEIGHT_POSITION * position


def _score(anchor: Anchor, text: str, start: int, end: int) -> tuple[float, float]:
    """(weighted score in 0..1, quote similarity) of the candidate text[start:end]."""
    quote = similarity(anchor.quote, text[start:end])
    prefix, suffix, position = _context_fit(anchor, text, start, end)
    total = WEIGHT_QUOTE * quote + WEIGHT_PREFIX * prefix + WEIGHT_SUFFIX * suffix + WEIGHT_POSITION * position
    return total / (WEIGHT_QUOTE + WEIGHT_PREFIX + WEIGHT_SUFFIX + WEIGHT_POSITION), quote


def exact_occurrences(quote: str, text: str) -> list[int]:
    """Start offsets of every (possibly overlapping) occurrence of quote in text."""
    found, start = [], text.find(quote)
    while start != -1:
        found.append(start)
        start = text.find(quote, start + 1)
    return found


def _fuzzy_candidates(anchor: Anchor, text: str) -> set[tuple[int, int]]:
    """Spans worth scoring: the best alignment of the quote, and the gap its context leaves."""
    from rapidfuzz import fuzz

    candidates: set[tuple[int, int]] = set()
    alignment = fuzz.partial_ratio_alignment(anchor.quote, text)
    if alignment is not None and alignment.dest_end > alignment.dest_start:
        candidates.add((alignment.dest_start, alignment.dest_end))
    # Edits inside the quote leave its context intact: the quote is whatever lies between.
    if anchor.prefix and anchor.suffix:
        for prefix_end in (p + len(anchor.prefix) for p in exact_occurrences(anchor.prefix, text)):
            suffix_start = text.find(anchor.suffix, prefix_end)
            if suffix_start != -1 and suffix_start - prefix_end <= 2 * len(anchor.quote):
                candidates.add((prefix_end, suffix_start))
    return {(s, e) for s, e in candidates if e > s}


def locate(anchor: Anchor, text: str) -> Location:
    """Where the anchored passage is in ``text`` now."""
    quote = anchor.quote
    if not quote:
        return Location(ORPHANED)
    if 0 <= anchor.start and text[anchor.start : anchor.end] == quote:
        return Location(ANCHORED, anchor.start, anchor.end)
    occurrences = exact_occurrences(quote, text)
    if occurrences:
        best = max(occurrences, key=lambda start: _weighted_context(anchor, text, start, start + len(quote)))
        return Location(MOVED, best, best + len(quote))
    if len(quote) < MIN_FUZZY_QUOTE:
        return Location(ORPHANED)
    scored = [(_score(anchor, text, s, e), (s, e)) for s, e in _fuzzy_candidates(anchor, text)]
    accepted = [
        (score, span) for (score, quote_fit), span in scored if quote_fit >= MIN_QUOTE_SIMILARITY and score >= MIN_SCORE
    ]
    if not accepted:
        return Location(ORPHANED)
    _, (start, end) = max(accepted)
    return Location(MOVED, start, end)
