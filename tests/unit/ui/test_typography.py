"""The page reads like a good book: a centred column of a comfortable measure, a chosen
typeface, line height and paragraph spacing, remembered; a reading mode with only the text."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.ui.actions import MainAction
from desktop_app.ui.reader_document import Typography
from tests.unit.ui.test_main_window import A003


def characters_a_line(window) -> float:  # type: ignore[no-untyped-def]
    font = QFont(window.reader.document().defaultFont())
    font.setPointSizeF(window.reader.point_size)
    frame = window.reader.document().rootFrame().frameFormat()
    width = window.reader.viewport().width() - frame.leftMargin() - frame.rightMargin()
    return width / QFontMetricsF(font).horizontalAdvance("中")


def test_lines_keep_their_measure_in_a_wide_window_and_fill_a_narrow_one(make_window, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.open_passage(A003, None)
    window.menu_actions[MainAction.READING_MODE].trigger()  # the docks go: the text has the whole width
    window.resize(1600, 900)
    QApplication.processEvents()
    assert 37 <= characters_a_line(window) <= 38.5  # not 75, as before
    frame = window.reader.document().rootFrame().frameFormat()
    assert abs(frame.leftMargin() - frame.rightMargin()) < 1  # centred
    window.resize(500, 600)
    QApplication.processEvents()
    assert characters_a_line(window) < 30  # a narrow window: the whole width…
    frame = window.reader.document().rootFrame().frameFormat()
    assert frame.leftMargin() >= window.reader.document().documentMargin()  # …within the page's margin


def test_typography_choices_apply_keep_the_place_and_survive_a_restart(make_window, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.resize(1000, 640)
    window.open_passage(A003, 30)
    QApplication.processEvents()
    chosen = Typography(family="", line_height=200, paragraph_spacing=1.4, measure=30)
    window.view_options.set_typography(chosen)
    assert window.reader.first_visible_block() == 30 and window.reader.typography == chosen
    block = window.reader.document().findBlock(window.reader.layout_map.starts[31])
    assert block.blockFormat().lineHeight() == 200
    window.close()
    again = make_window()
    assert again.reader.typography == chosen


def test_reading_mode_hides_everything_but_the_text_and_f11_brings_it_back(make_window, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    window = make_window()
    window.open_passage(A003, None)
    shown = [dock for dock in (window.library_dock, window.outline_dock) if dock.isVisible()]
    assert shown
    qtbot.keyClick(window.reader, Qt.Key.Key_F11)
    assert not any(dock.isVisible() for dock in shown) and not window.menuBar().isVisible()
    qtbot.keyClick(window.reader, Qt.Key.Key_F11)
    assert all(dock.isVisible() for dock in shown) and window.menuBar().isVisible()
