"""A hit's snippet: a window of its block's text around the first match, with the matches
marked, for every front end (the search dock, its tooltip, the command line, ``--json``)."""

from __future__ import annotations

BEFORE, WIDTH = 30, 100  # characters of context before the first match; the window's length
ELLIPSIS = "…"


def window(text: str, matches: list[tuple[int, int]], width: int = WIDTH, before: int = BEFORE) -> tuple[int, int]:
    """Where the snippet starts and ends in text: ``before`` characters before the first match
    (so that the match is near the start of the first line, whatever the width of the list), up
    to ``width`` characters long, and never ending inside the match."""
    if not matches:
        return 0, min(len(text), width)
    left = max(0, matches[0][0] - before)
    return left, min(len(text), max(left + width, matches[0][1]))


def marked(
    text: str,
    matches: list[tuple[int, int]],
    opening: str = "【",
    closing: str = "】",
    width: int = WIDTH,
    before: int = BEFORE,
) -> str:
    """The snippet with every match inside it between opening and closing; '…' where the text
    was cut. Matches are offsets in text, in order (overlapping ones are marked once)."""
    left, right = window(text, matches, width, before)
    out, position = [ELLIPSIS if left else ""], left
    for start, end in matches:
        start, end = max(start, position), min(end, right)
        if start >= end:
            continue
        out += [text[position:start], opening, text[start:end], closing]
        position = end
    out += [text[position:right], ELLIPSIS if right < len(text) else ""]
    return "".join(out)


def plain(text: str, matches: list[tuple[int, int]]) -> str:
    """The snippet without marks (``--json``'s ``snippet``)."""
    return marked(text, matches, "", "")
