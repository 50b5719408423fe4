"""The highlight palette, in one table: every place that shows or stores a color (the reader,
the annotations list, the Markdown and Web Annotation exports, the command line) reads it here.

A module of its own, with nothing imported: the command line needs the names before anything else.
"""

from __future__ import annotations

from typing import NamedTuple


class HighlightColor(NamedTuple):
    name: str  # as stored, and as --color takes it
    light: str  # the highlight on a light page (also the exports' CSS)
    dark: str  # on a dark page: dimmer, so that light text stays readable on it
    label: str  # the Chinese name (the window translates it)
    mark: str  # the square the Markdown export and the CLI listing put before the name


PALETTE = (
    HighlightColor("yellow", "#fff0a0", "#6b5d12", "黄色", "🟨"),
    HighlightColor("green", "#c8f0c0", "#2f5a2a", "绿色", "🟩"),
    HighlightColor("blue", "#c6e2ff", "#26476b", "蓝色", "🟦"),
    HighlightColor("pink", "#ffd1e6", "#6b2d49", "粉色", "🩷"),
    HighlightColor("purple", "#e3d3ff", "#4b3670", "紫色", "🟪"),
)
BY_NAME = {color.name: color for color in PALETTE}
COLORS = tuple(BY_NAME)
DEFAULT_COLOR = "yellow"


def color_named(name: str) -> HighlightColor:
    """The color, or the default one for a name this version does not know (a newer file)."""
    return BY_NAME.get(name, BY_NAME[DEFAULT_COLOR])


def shown_name(name: str) -> str:
    """'🟨 黄' — how a plain-text listing or the Markdown export names the color."""
    color = BY_NAME.get(name)
    return f"{color.mark} {color.label[0]}" if color else name
