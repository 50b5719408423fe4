"""The first window: the library listed, an article opened by clicking it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop_app.corpus.library import Library
from desktop_app.ui.main_window import MainWindow


def test_library_lists_every_article_and_click_opens_it(qtbot: QtBot, library: Library, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(library, "tester")
    qtbot.addWidget(window)
    window.show()
    qtmodeltester.check(window.library_model)
    assert window.library_model.rowCount() == 5
    assert "tester" in window.windowTitle()

    view = window.library_view
    rect = view.visualRect(window.library_model.index(3))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.reader.article is not None and window.reader.article.id.startswith("003_")
    shown = window.reader.toPlainText()
    assert "中国 AIGC 新机遇" in shown and "金磊" in shown and "我非常同意陈石总的看法" in shown


def test_reader_never_loads_resources(qtbot: QtBot, library: Library) -> None:
    window = MainWindow(library, "tester")
    qtbot.addWidget(window)
    assert window.reader.openLinks() is False
    assert window.reader.loadResource(2, "https://example.com/a.png") is None
