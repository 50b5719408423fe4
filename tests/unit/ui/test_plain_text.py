"""Strings from files shown by Qt's rich-text labels exactly as written."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextDocument

from desktop_app.ui.plain_text import rich, tooltip

HOSTILE = [
    "<img src=local.png>",
    "<h1>标题</h1>",
    "a &amp; b",
    "行一\n行二  两个空格",
    "/tmp/<b>x</b>/annotations.sqlite3",
]


@pytest.mark.parametrize("text", HOSTILE)
@pytest.mark.parametrize("shown_as", [rich, tooltip])
def test_markup_from_a_file_shows_as_written(text: str, shown_as) -> None:  # type: ignore[no-untyped-def]
    document = QTextDocument()
    document.setHtml(shown_as(text))
    assert document.toPlainText() == text
    assert "<img" not in document.toHtml().split("<body", 1)[1]
