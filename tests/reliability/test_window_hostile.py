"""Markup in titles and notes reaches the window's tooltips and messages as text, never as HTML."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QTextDocument
from pytestqt.qtbot import QtBot

from desktop_app.corpus.library import Library
from desktop_app.paths import DataPaths
from desktop_app.session import Session
from desktop_app.ui.main_window import MainWindow

TITLE = "<h1>大标题</h1><img src='local.png'><table><tr><td>格</td></tr></table>"


def rendered(html: str) -> str:
    """What Qt shows for a tooltip string."""
    document = QTextDocument()
    document.setHtml(html)
    return document.toPlainText()


def test_titles_and_notes_with_markup_show_as_written(
    qtbot: QtBot, data_paths: DataPaths, library: Library, tmp_path: Path
) -> None:
    page = tmp_path / "markup.md"
    page.write_text(f'---\ntitle: "{TITLE}"\n---\n\n张三：一段足够长的访谈内容，用来高亮。\n', encoding="utf-8")
    [outcome] = library.import_paths([page])
    assert outcome.article is not None and outcome.article.title == TITLE
    session = Session(data_paths, library=library)
    annotations = session.annotations
    note = "<b>粗</b> & <img src='x.png'>"
    annotations.add(outcome.article.id, 0, 4, note=note)
    window = MainWindow(session, QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    window.open_passage(outcome.article.id, None)
    model = window.library_panel.model
    tip = model.data(model.index(model.row_of(outcome.article.id), 0), Qt.ItemDataRole.ToolTipRole)
    assert "<img" not in tip and "<h1>" not in tip
    assert rendered(tip).startswith(TITLE)
    notes = window.annotations_panel.model
    note_tip = notes.data(notes.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert rendered(note_tip) == note
    window.library_panel.filter.setText("<img")  # the filter matches the title's own characters
    assert window.library_panel.proxy.rowCount() == 1
    session.close()
