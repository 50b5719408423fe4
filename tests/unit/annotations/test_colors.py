"""One palette: the reader, the exports and the command line name and paint a colour alike."""

from __future__ import annotations

import json
import re

from desktop_app.annotations.colors import BY_NAME, COLORS, DEFAULT_COLOR, PALETTE, color_named, shown_name
from desktop_app.export.web_annotation import STYLESHEET


def test_every_color_has_a_light_and_a_dark_paint_and_a_name() -> None:
    assert COLORS == ("yellow", "green", "blue", "pink", "purple") and DEFAULT_COLOR in COLORS
    for color in PALETTE:
        assert re.fullmatch(r"#[0-9a-f]{6}", color.light) and re.fullmatch(r"#[0-9a-f]{6}", color.dark)
        assert color.light != color.dark and color.label.endswith("色")
    assert color_named("ultraviolet") is BY_NAME[DEFAULT_COLOR]
    assert shown_name("green") == "🟩 绿" and shown_name("ultraviolet") == "ultraviolet"


def test_the_web_annotation_stylesheet_paints_what_the_reader_paints() -> None:
    rules = dict(re.findall(r"\.(\w+) \{ background-color: (#[0-9a-f]{6}); \}", json.dumps(STYLESHEET)))
    assert rules == {color.name: color.light for color in PALETTE}
