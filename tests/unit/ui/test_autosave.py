"""Nothing typed is lost: the note editor saves as the user types, and at once when the user
moves to another annotation, article or user, or closes the window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.ui.actions import MainAction
from desktop_app.ui.annotations_panel import AUTOSAVE_MS
from tests.unit.ui.test_main_window import A003, select_text, type_chinese

A000 = "000_5b4e62939488a476"


def two_highlights(window, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    window.open_passage(A003, None)
    for quote in ("我非常同意陈石总的看法", "震撼和冲击"):
        select_text(window, quote)
        qtbot.keyClick(window.reader, Qt.Key.Key_H)


def id_of(window, quote: str) -> str:  # type: ignore[no-untyped-def]
    return next(p.annotation.id for p in window.annotations.list(A003) if p.annotation.anchor.quote == quote)


def notes(window) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {p.annotation.anchor.quote: p.annotation.note for p in window.annotations.list(A003)}


def test_a_note_is_saved_half_a_second_after_the_last_keystroke_as_one_undo_step(make_window, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    two_highlights(window, qtbot)
    panel = window.annotations_panel
    assert panel.selected().annotation.anchor.quote == "震撼和冲击"  # the new highlight is selected
    panel.note.setFocus()
    for piece in ("最直观", "的感受"):
        type_chinese(panel.note, piece)
    assert notes(window)["震撼和冲击"] == "" and panel.saved_state.text() == "未保存"
    qtbot.waitUntil(lambda: notes(window)["震撼和冲击"] == "最直观的感受", timeout=AUTOSAVE_MS * 4)
    assert panel.saved_state.text() == "已保存" and panel.note.toPlainText() == "最直观的感受"
    window.menu_actions[MainAction.UNDO].trigger()  # the whole burst, in one step
    assert notes(window)["震撼和冲击"] == "" and panel.note.toPlainText() == ""  # the editor follows the undo


def test_moving_to_another_annotation_saves_what_was_typed_at_once(make_window, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    two_highlights(window, qtbot)
    panel = window.annotations_panel
    panel.note.setFocus()
    type_chinese(panel.note, "还没等自动保存")
    panel.tags.setFocus()
    qtbot.keyClicks(panel.tags, "tag1")
    first = panel.model.index(panel.model.row_of(id_of(window, "我非常同意陈石总的看法")))
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=panel.view.visualRect(first).center())
    saved = {p.annotation.anchor.quote: p.annotation for p in window.annotations.list(A003)}
    assert saved["震撼和冲击"].note == "还没等自动保存" and saved["震撼和冲击"].tags == ("tag1",)
    assert panel.note.toPlainText() == "" and panel.selected().annotation.anchor.quote == "我非常同意陈石总的看法"


def test_switching_article_or_user_or_closing_saves_first(make_window, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    two_highlights(window, qtbot)
    panel = window.annotations_panel
    panel.note.setFocus()
    type_chinese(panel.note, "换文章之前")
    window.open_passage(A000, None)
    assert notes(window)["震撼和冲击"] == "换文章之前"
    assert not panel.note.isEnabled() and panel.note.toPlainText() == ""  # nothing selected: nothing to edit

    window.open_passage(A003, None)
    panel.select_annotation(id_of(window, "震撼和冲击"))
    panel.note.setFocus()
    panel.note.selectAll()
    type_chinese(panel.note, "换用户之前")
    assert window.users.switch_user("alice")
    assert window.annotations.list() == []
    assert window.users.switch_user("tester")
    assert notes(window)["震撼和冲击"] == "换用户之前"

    panel.select_annotation(id_of(window, "震撼和冲击"))
    panel.note.setFocus()
    panel.note.selectAll()
    type_chinese(panel.note, "关窗之前")
    window.close()
    assert notes(window)["震撼和冲击"] == "关窗之前"


def test_colour_and_enter_in_tags_save_at_once_and_tab_leaves_the_note(make_window, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    two_highlights(window, qtbot)
    panel = window.annotations_panel
    panel.color.setFocus()
    panel.color.setCurrentIndex(panel.color.findData("green"))
    panel.color.activated.emit(panel.color.currentIndex())  # what picking an entry does
    assert window.annotations.get(id_of(window, "震撼和冲击")).color == "green"
    panel.tags.setFocus()
    qtbot.keyClicks(panel.tags, "important")
    qtbot.keyClick(panel.tags, Qt.Key.Key_Return)
    assert window.annotations.get(id_of(window, "震撼和冲击")).tags == ("important",)
    panel.note.setFocus()
    qtbot.keyClick(panel.note, Qt.Key.Key_Tab)
    assert panel.note.toPlainText() == "" and QApplication.focusWidget() is not panel.note


def test_annotations_added_from_the_command_line_appear_within_a_second(make_window, qtbot: QtBot, data_paths) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.annotations.service import Annotations
    from desktop_app.annotations.store import AnnotationStore

    window = make_window()
    window.open_passage(A003, None)
    assert window.annotations_panel.model.rowCount() == 0
    other = Annotations(AnnotationStore(data_paths.annotations_db), window.library.get, "tester")
    other.add_quote(A003, "震撼和冲击", note="从命令行加的")
    other.store.close()
    qtbot.waitUntil(lambda: window.annotations_panel.model.rowCount() == 1, timeout=2500)
    assert window.reader.annotation_at(window.reader.document().find("震撼和冲击").selectionStart() + 1)
