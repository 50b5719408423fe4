"""A hit's snippet: a window of its block's text around the first match, with the matches
marked, for every front end (the search dock, its tooltip, the command line, ``--json``)."""

from __future__ import annotations

BEFORE, WIDTH = 30, 100  # characters of context before the first match; the window's length
ELLIPSIS = "…"


def window(text: str, matches: list[tuple[int, int]], width: int = WIDTH) -> tuple[int, int]:
    """Where the snippet starts and ends in text: from a little before the first match (never
    after it), ``width`` characters long, moved left when the text ends first."""
    if not matches:
        return 0, min(len(text), width)
    first = matches[0][0]
    left = max(0, first - BEFORE)
    right = min(len(text), max(left + width, matches[0][1]))
    left = max(0, min(left, right - width))
    return left, right


def marked(
    text: str, matches: list[tuple[int, int]], opening: str = "【", closing: str = "】", width: int = WIDTH
) -> str:
    """The snippet with every match inside it between opening and closing; '…' where the text
    was cut. Matches are offsets in text, in order (overlapping ones are marked once)."""
    left, right = window(text, matches, width)
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
