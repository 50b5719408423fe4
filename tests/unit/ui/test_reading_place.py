"""The place belongs to the text: resizing or maximising the window keeps the block at the top."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.unit.ui.test_main_window import A003


def test_resizing_and_maximising_keep_the_block_at_the_top(make_window, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.resize(1000, 640)
    window.open_passage(A003, 30)
    QApplication.processEvents()
    assert window.reader.first_visible_block() == 30
    for width, height in ((1600, 1000), (760, 520), (1280, 820)):
        window.resize(width, height)
        QApplication.processEvents()
        assert window.reader.first_visible_block() == 30, (width, height)
    window.showMaximized()
    qtbot.waitUntil(lambda: window.isMaximized())
    QApplication.processEvents()
    assert window.reader.first_visible_block() == 30


def test_each_article_keeps_its_own_place_across_switching_zoom_and_theme(make_window, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.resize(1000, 640)
    window.open_passage(A003, 25)
    QApplication.processEvents()
    window.open_passage("000_5b4e62939488a476", 14)
    QApplication.processEvents()
    window.library_panel.select(A003)  # back, as a click in the library does
    QApplication.processEvents()
    assert window.reader.article.id == A003 and window.reader.first_visible_block() == 25
    window.navigation.zoom(2)
    assert window.reader.first_visible_block() == 25
    window.set_theme(window.theme.__class__("dark"))
    assert window.reader.first_visible_block() == 25
    window.library_panel.select("000_5b4e62939488a476")
    QApplication.processEvents()
    assert window.reader.first_visible_block() == 14
    assert window.annotations.reading_place(A003)[0] == 25  # kept in the user's database


def test_a_deep_link_lands_on_its_block(make_window, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.open_passage(A003, 11)
    QApplication.processEvents()
    assert window.reader.first_visible_block() == 11


def test_alt_left_and_right_walk_back_and_forth_across_jumps(make_window, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    window = make_window()
    window.resize(1000, 640)
    window.open_passage(A003, 5)
    QApplication.processEvents()
    window.navigation.jump(A003, 30)  # an outline entry, a hit, a link: all jump
    window.navigation.jump("000_5b4e62939488a476", 20)
    QApplication.processEvents()
    qtbot.keyClick(window.reader, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.reader.article.id == A003 and window.reader.first_visible_block() == 30
    qtbot.keyClick(window.reader, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.reader.first_visible_block() == 5
    qtbot.keyClick(window.reader, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(window.reader, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.reader.article.id == "000_5b4e62939488a476" and window.reader.first_visible_block() == 20


def test_the_status_bar_says_how_far_and_in_which_topic_and_the_outline_follows_to_the_top(make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.resize(1000, 640)
    window.open_passage(A003, 30)
    QApplication.processEvents()
    article = window.reader.article
    text = window.navigation.progress.text()
    assert text.split("%")[0].isdigit() and 0 < int(text.split("%")[0]) < 100
    assert article.topics[article.blocks[30].topic].title[:10] in text
    window.reader.verticalScrollBar().setValue(0)
    assert window.outline.topics_view.currentIndex().isValid() is False
    assert window.navigation.progress.text() == "0%"
