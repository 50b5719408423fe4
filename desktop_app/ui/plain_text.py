"""Strings from files and users, shown by Qt exactly as written.

Qt renders a tooltip (and a message box's text) as HTML whenever it *might* be rich text: a
title holding ``<img src=local.png>`` would load that file, a note with ``<h1>`` would shout.
"""

from __future__ import annotations

from html import escape


def rich(text: str) -> str:
    """For labels that have no plain-text switch (a message box's informative text): rich text
    whose every character is escaped, so it shows as written."""
    return tooltip(text)


def tooltip(text: str) -> str:
    """Always rich text, with every character escaped: the tooltip shows the characters
    themselves (escaping alone is not enough: text without tags is shown with its entities)."""
    return f"<p style='white-space:pre-wrap'>{escape(text)}</p>"
