"""The window driven as a user drives it: clicks, selections, shortcuts, typing; offscreen."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QInputMethodEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.corpus.library import Library
from desktop_app.export.formats import ExportFormat
from desktop_app.paths import DataPaths
from desktop_app.session import Session
from desktop_app.ui.actions import MainAction
from desktop_app.ui.main_window import READER_MIN_WIDTH, MainWindow
from desktop_app.ui.search_panel import HitRole

A000, A003 = "000_5b4e62939488a476", "003_dc324faea7d1abe7"


def type_chinese(widget: QWidget, text: str) -> None:
    """Types text the way a Chinese input method does: a commit, not key presses (QTest's key
    clicks only know ASCII)."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def select_text(window: MainWindow, needle: str) -> None:
    """Selects the first occurrence of needle in the reader, as a mouse drag would."""
    found = window.reader.document().find(needle)
    assert not found.isNull(), needle
    window.reader.setTextCursor(found)


def test_library_lists_every_article_and_click_opens_it(make_window, qtbot: QtBot, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    qtmodeltester.check(window.library_panel.model)
    assert window.library_panel.proxy.rowCount() == 5
    assert "tester" in window.windowTitle()
    index = window.library_panel.proxy.mapFromSource(
        window.library_panel.model.index(window.library_panel.model.row_of(A003), 0)
    )
    rect = window.library_panel.view.visualRect(index)
    qtbot.mouseClick(window.library_panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.reader.article is not None and window.reader.article.id == A003
    shown = window.reader.toPlainText()
    assert "中国 AIGC 新机遇" in shown and "金磊" in shown and "我非常同意陈石总的看法" in shown
    type_chinese(window.library_panel.filter, "数字星球")
    assert window.library_panel.proxy.rowCount() < 5


def library_column(window: MainWindow, column: int) -> list[object]:
    proxy = window.library_panel.proxy
    return [proxy.index(row, column).data() for row in range(proxy.rowCount())]


def test_library_columns_sort_by_a_header_click_and_count_annotations(make_window, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    header = window.library_panel.view.header()
    headers = [window.library_panel.proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(5)]
    assert headers == ["标题", "来源", "日期", "发言人", "批注"]
    speakers_column = headers.index("发言人")
    qtbot.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(header.sectionViewportPosition(speakers_column) + 5, header.height() // 2),
    )
    counts = library_column(window, speakers_column)
    assert counts == sorted(counts) and counts[-1] == 9  # 000 has nine speakers
    qtbot.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(header.sectionViewportPosition(speakers_column) + 5, header.height() // 2),
    )
    assert library_column(window, speakers_column) == sorted(counts, reverse=True)

    window.open_passage(A003, None)
    select_text(window, "我非常同意陈石总的看法")
    qtbot.keyClick(window.reader, Qt.Key.Key_H)
    row = window.library_panel.proxy.mapFromSource(
        window.library_panel.model.index(window.library_panel.model.row_of(A003), 4)
    ).row()
    assert window.library_panel.proxy.index(row, 4).data() == 1
    assert sum(library_column(window, 4)) == 1  # type: ignore[arg-type]
    qtbot.keyClick(window.reader, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.library_panel.proxy.index(row, 4).data() == 0


def test_reader_never_loads_resources(make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    assert window.reader.openLinks() is False
    assert window.reader.loadResource(2, "https://example.com/a.png") is None


def test_the_source_link_opens_in_the_browser_only_when_clicked(make_window, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QObject, Slot
    from PySide6.QtGui import QDesktopServices

    class Browser(QObject):  # stands in for the system's browser
        opened: list[str] = []

        @Slot(QUrl)
        def open(self, url: QUrl) -> None:
            self.opened.append(url.toString())

    browser = Browser()
    QDesktopServices.setUrlHandler("https", browser, "open")
    try:
        window = make_window()
        window.open_passage(A000, None)
        assert browser.opened == []  # showing the article loads nothing
        found = window.reader.document().find("原文")
        assert found.charFormat().isAnchor()
        cursor = window.reader.textCursor()
        cursor.setPosition(found.selectionStart() + 1)
        point = window.reader.cursorRect(cursor).center()
        qtbot.mouseClick(window.reader.viewport(), Qt.MouseButton.LeftButton, pos=point)
        assert browser.opened == [window.reader.article.source_url]
        assert window.reader.article.id == A000 and window.reader.document().find("原文").charFormat().isAnchor()
    finally:
        QDesktopServices.unsetUrlHandler("https")


def test_highlight_with_h_saves_draws_and_undoes(make_window, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.open_passage(A003, None)
    select_text(window, "我非常同意陈石总的看法")
    qtbot.keyClick(window.reader, Qt.Key.Key_H)
    saved = window.annotations.list(A003)
    assert [p.annotation.anchor.quote for p in saved] == ["我非常同意陈石总的看法"]
    assert saved[0].placement.speaker == "朱雷"
    # Drawn as a character format in the document, listed in the dock.
    cursor = QTextCursor(window.reader.document())
    cursor.setPosition(window.reader.layout_map.document_position(saved[0].placement.start) + 1)
    assert cursor.charFormat().background().color().name() == "#fff0a0"
    assert window.annotations_panel.model.rowCount() == 1
    qtbot.keyClick(window.reader, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.annotations.list(A003) == [] and window.annotations_panel.model.rowCount() == 0
    qtbot.keyClick(window.reader, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert len(window.annotations.list(A003)) == 1


def test_sentence_snapping_and_note_editing(make_window, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.open_passage(A003, None)
    select_text(window, "同意陈石")
    qtbot.keyClick(window.reader, Qt.Key.Key_H, Qt.KeyboardModifier.ShiftModifier)
    placed = window.annotations.list(A003)[0]
    assert placed.annotation.anchor.quote.startswith("我非常同意陈石总的看法")
    assert placed.annotation.anchor.quote[-1] in "。！？；"
    panel = window.annotations_panel
    panel.view.setCurrentIndex(panel.model.index(0))
    panel.note.setPlainText("第一行\n第二行：中文笔记")
    panel.color.setCurrentIndex(panel.color.findData("green"))
    panel.tags.setText("观点 重要")
    qtbot.mouseClick(panel.save, Qt.MouseButton.LeftButton)
    edited = window.annotations.list(A003)[0].annotation
    assert (edited.note, edited.color, edited.tags) == ("第一行\n第二行：中文笔记", "green", ("观点", "重要"))


def test_outline_click_scrolls_the_reader(make_window, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.resize(1000, 600)
    window.open_passage(A003, None)
    bar = window.reader.verticalScrollBar()
    assert bar.value() == 0
    model = window.outline.topics_view.model()
    last_topic = model.index(model.rowCount() - 1, 0)
    window.outline.topics_view.scrollTo(last_topic)
    rect = window.outline.topics_view.visualRect(last_topic)
    qtbot.mouseClick(window.outline.topics_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert bar.value() > 0
    assert window.reader.first_visible_block() is not None


def visible_speakers(window: MainWindow) -> set[str | None]:
    """The speakers of the article blocks the reader shows."""
    article, layout = window.reader.article, window.reader.layout_map
    assert article is not None and layout is not None
    document = window.reader.document()
    return {
        article.blocks[number].speaker
        for number, start in enumerate(layout.starts)
        if document.findBlock(start).isVisible()
    }


def test_focus_on_a_speaker_shows_only_their_turns_and_the_questions(make_window, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.open_passage(A003, None)
    outline = window.outline
    outline.tabs.setCurrentWidget(outline.speakers_view)
    model = outline.speakers_view.model()
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data().startswith("朱雷"))
    rect = outline.speakers_view.visualRect(model.index(row, 0))
    qtbot.mouseClick(outline.speakers_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseClick(outline.focus_button, Qt.MouseButton.LeftButton)
    assert visible_speakers(window) == {"朱雷", "金磊"}
    assert "朱雷" in window.statusBar().currentMessage()
    shown = window.reader.document().toPlainText()
    assert "震撼和冲击" in shown  # toPlainText keeps hidden text; visibility is per block
    # Next turn, twice: the view lands on 朱雷's turns, each after the other (the reading position
    # is found among the shown blocks alone).
    turns = [turn.block for turn in window.reader.article.turns if turn.speaker == "朱雷"]
    qtbot.mouseClick(outline.next_turn, Qt.MouseButton.LeftButton)
    first = window.reader.first_visible_block()
    qtbot.mouseClick(outline.next_turn, Qt.MouseButton.LeftButton)
    assert first in turns and window.reader.first_visible_block() in turns[turns.index(first) + 1 :]
    # The focus follows another speaker chosen in the list, and a highlight still lands right.
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data().startswith("陈石"))
    qtbot.mouseClick(
        outline.speakers_view.viewport(),
        Qt.MouseButton.LeftButton,
        pos=outline.speakers_view.visualRect(model.index(row, 0)).center(),
    )
    assert visible_speakers(window) == {"陈石", "金磊"}
    select_text(window, "经历了几次 AI 的技术变革")
    qtbot.keyClick(window.reader, Qt.Key.Key_H)
    assert window.annotations.list(A003)[0].placement.speaker == "陈石"
    # The menu shortcut turns it off: everything shows again.
    qtbot.keyClick(window.reader, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert {"朱雷", "马千里", "林莱尼", None} <= visible_speakers(window)
    assert not outline.focus_button.isChecked()


def test_search_dock_finds_as_you_type_and_opens_the_hit(make_window, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.start_background_loading()
    qtbot.waitUntil(lambda: window.search_panel._ready, timeout=60_000)  # noqa: SLF001
    type_chinese(window.search_panel.query, "北美的商业")
    qtbot.waitUntil(lambda: window.search_panel.results_model.rowCount() > 0, timeout=10_000)
    first_hit = window.search_panel.first_hit_index().data(HitRole)
    qtbot.keyClick(window.search_panel.query, Qt.Key.Key_Return)
    assert window.reader.article is not None and window.reader.article.id == first_hit.article
    assert window.reader.textCursor().selectedText() == "北美的商业"


def test_find_in_article(make_window, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.open_passage(A003, None)
    qtbot.keyClick(window.reader, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    type_chinese(window.find_bar, "大模型")
    assert window.find_bar.matches == window.reader.toPlainText().count("大模型") > 3
    first = window.reader.textCursor().position()
    qtbot.keyClick(window.find_bar, Qt.Key.Key_F3)
    assert window.reader.textCursor().position() > first
    qtbot.keyClick(window.find_bar, Qt.Key.Key_Escape)  # as the placeholder says
    assert not window.find_dock.isVisible() and window.reader.extraSelections() == []
    assert window.reader.hasFocus()


def test_zoom_and_settings_survive_a_restart(make_window, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.open_passage(A003, None)
    before = window.reader.point_size
    qtbot.keyClick(window.reader, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.reader.point_size == before + 1
    window.close()
    again = make_window()
    assert again.reader.article is not None and again.reader.article.id == A003
    assert again.reader.point_size == before + 1


def test_the_reading_position_survives_a_restart(make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.open_passage(A003, 30)
    assert window.reader.first_visible_block() == 30
    window.close()
    again = make_window()
    assert again.reader.article.id == A003 and again.reader.first_visible_block() == 30
    again.open_passage(A000, None)  # a fresh article opens at its title
    assert again.reader.verticalScrollBar().value() == 0 and again.reader.first_visible_block() is None
    again.close()
    third = make_window()  # closed at the title: it opens there again, not at the first paragraph
    assert third.reader.article.id == A000 and third.reader.verticalScrollBar().value() == 0


def test_closing_before_the_layout_is_done_keeps_the_true_reading_position(
    qtbot: QtBot,
    session: Session,  # type: ignore[no-untyped-def]
    tmp_path: Path,
) -> None:
    # A launch closed at once (as --startup-probe does): the document is still being laid out.
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(session, settings, build_panels_now=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.build_panels()
    window.close()
    assert window.reader.verticalScrollBar().value() == 0 and settings.value("lastBlock") == ""


def test_the_dock_layout_survives_a_restart(make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    docks = ("library_dock", "outline_dock", "annotations_dock", "search_dock", "find_dock")
    right, bottom = Qt.DockWidgetArea.RightDockWidgetArea, Qt.DockWidgetArea.BottomDockWidgetArea
    assert window.dockWidgetArea(window.library_dock) == Qt.DockWidgetArea.LeftDockWidgetArea  # first run
    assert window.dockWidgetArea(window.find_dock) == bottom and window.find_dock.isHidden()
    window.addDockWidget(right, window.library_dock)  # the user drags the library to the right
    window.outline_dock.hide()
    window.close()
    # The next start places the docks from the saved layout alone (none is added by default).
    again = make_window()
    assert again.dockWidgetArea(again.library_dock) == right
    assert again.outline_dock.isHidden() and again.find_dock.isHidden() and again.search_dock.isVisible()
    assert all(again.layout().indexOf(getattr(again, name)) >= 0 for name in docks)


def test_a_layout_saved_on_a_wider_screen_leaves_the_text_room(make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    assert window.width() > 1000  # the first run's window; the offscreen screen is 800 px wide
    window.close()
    again = make_window()  # its saved geometry is fitted to the screen; the docks keep their widths
    assert again.width() < 1000 and again.reader.width() >= READER_MIN_WIDTH


def test_a_dock_the_saved_layout_lacks_gets_its_default_place(make_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # A layout saved by a version without the find dock (or with another name for it).
    from PySide6.QtWidgets import QDockWidget, QMainWindow

    old = QMainWindow()
    for name in ("library", "outline", "annotations", "search"):
        dock = QDockWidget(name, old)
        dock.setObjectName(f"dock-{name}")
        old.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("windowState", old.saveState())
    settings.sync()
    window = make_window()
    assert window.dockWidgetArea(window.library_dock) == Qt.DockWidgetArea.RightDockWidgetArea  # as saved
    assert window.dockWidgetArea(window.find_dock) == Qt.DockWidgetArea.BottomDockWidgetArea  # by default
    assert window.find_dock.isHidden() and not window.find_dock.isFloating()
    window.navigation.find()
    assert window.find_dock.isVisible() and window.find_bar.hasFocus()


def test_export_writes_markdown_of_this_article(make_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.open_passage(A003, None)
    select_text(window, "我非常同意陈石总的看法")
    window.menu_actions[MainAction.HIGHLIGHT].trigger()
    target = tmp_path / "out.md"
    window.files.export_to(target, ExportFormat.MARKDOWN, whole_library=False)
    html = markdown.markdown(target.read_text(encoding="utf-8"))
    assert "我非常同意陈石总的看法" in html and "朱雷" in html


def test_context_menu_highlights_in_the_chosen_color(make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.open_passage(A003, None)
    select_text(window, "我非常同意陈石总的看法")
    menu = window.reader_controls.context_menu()
    pink = next(action for action in menu.actions() if action.objectName() == "highlight-pink")
    pink.trigger()
    placed = window.annotations.list(A003)
    assert [(p.annotation.anchor.quote, p.annotation.color) for p in placed] == [("我非常同意陈石总的看法", "pink")]


def test_dropping_files_imports_them_and_refusals_are_reported(
    make_window,
    tmp_path: Path,
    qtbot: QtBot,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = make_window()
    good = tmp_path / "新文章.md"
    good.write_text("# 拖进来的文章\n\n张三：这是一段拖放导入的访谈内容。\n", encoding="utf-8")
    bad = tmp_path / "空.txt"
    bad.write_bytes(b"")
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: warnings.append(box.text()))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(good)), QUrl.fromLocalFile(str(bad))])
    position = QPointF(window.rect().center())
    enter = QDragEnterEvent(
        position.toPoint(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        position, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(window, drop)
    qtbot.waitUntil(lambda: bool(warnings), timeout=30_000)  # imported off the window's thread
    assert window.library_panel.model.row_of("新文章") is not None
    assert window.reader.article is not None and window.reader.article.id == "新文章"
    assert len(warnings) == 1 and "空.txt" in warnings[0]


def test_switching_user_shows_only_their_annotations(make_window, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.open_passage(A003, None)
    select_text(window, "我非常同意陈石总的看法")
    window.menu_actions[MainAction.HIGHLIGHT].trigger()
    offered: list[list[str]] = []

    def pick(_parent, _title, _label, items, *_args):  # type: ignore[no-untyped-def]
        offered.append(list(items))
        return items[-1], True  # 新用户…

    monkeypatch.setattr(QInputDialog, "getItem", pick)
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("alice", True))
    window.menu_actions[MainAction.SWITCH_USER].trigger()
    assert offered == [["新用户…"]]  # the only user is the one reading
    assert window.annotations.user == "alice" and "alice" in window.windowTitle()
    assert window.annotations_panel.model.rowCount() == 0 and window.annotations.list() == []
    monkeypatch.setattr(QInputDialog, "getItem", lambda _p, _t, _l, items, *_a: (items[0], True))
    window.menu_actions[MainAction.SWITCH_USER].trigger()  # back to tester, chosen from the list
    assert window.annotations.user == "tester"
    assert window.users.switch_user("alice") is True
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: warnings.append(box.text()))
    assert window.users.switch_user("../evil") is False and warnings
    assert window.users.switch_user("tester") is True
    assert window.annotations_panel.model.rowCount() == 1


def test_copy_as_markdown_puts_the_selected_annotation_on_the_clipboard(make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.open_passage(A003, None)
    select_text(window, "我非常同意陈石总的看法")
    window.menu_actions[MainAction.HIGHLIGHT].trigger()
    panel = window.annotations_panel
    panel.view.setCurrentIndex(panel.model.index(0))
    window.menu_actions[MainAction.COPY_MARKDOWN].trigger()
    copied = QApplication.clipboard().text()
    assert "> 我非常同意陈石总的看法" in copied and "— **朱雷**" in copied


def test_help_lists_every_shortcut_and_filters(make_window, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window.help.shortcuts_dialog
    assert dialog.isVisible()
    rows = dict(dialog.visible_rows())
    assert rows["高亮所选文字"] == "H" and rows["只看所选发言人"] == "Ctrl+Shift+O" and rows["导出批注…"] == "Ctrl+E"
    assert rows["保存笔记（批注面板）"] == "Ctrl+Enter"
    menu_shortcuts = [a for a in window.actions() if not a.shortcut().isEmpty() and a.text()]
    assert len(rows) >= len(menu_shortcuts)
    type_chinese(dialog.filter, "查找")
    assert {name for name, _ in dialog.visible_rows()} == {"在本文中查找", "查找下一个", "查找上一个", "关闭查找栏"}
    dialog.filter.clear()
    type_chinese(dialog.filter, "F3")
    assert {name for name, _ in dialog.visible_rows()} == {"查找下一个", "查找上一个"}


def drag_select(window: MainWindow, qtbot: QtBot, needle: str) -> None:
    """Selects needle with a mouse drag over the reader, as a user does."""
    found = window.reader.document().find(needle)
    assert not found.isNull(), needle
    start, end = QTextCursor(found), QTextCursor(found)
    start.setPosition(found.selectionStart())
    end.setPosition(found.selectionEnd())
    window.reader.setTextCursor(start)
    window.reader.ensureCursorVisible()
    begin = window.reader.cursorRect(start).center()
    finish = window.reader.cursorRect(end).center()
    viewport = window.reader.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=begin)
    qtbot.mouseMove(viewport, pos=(begin + finish) / 2)
    qtbot.mouseMove(viewport, pos=finish)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=finish)


def test_floating_toolbar_highlights_a_dragged_selection(make_window, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.open_passage(A003, None)
    toolbar = window.reader_controls.toolbar
    assert not toolbar.isVisible()
    drag_select(window, qtbot, "我非常同意陈石总的看法")
    assert window.reader.textCursor().selectedText() == "我非常同意陈石总的看法"
    assert toolbar.isVisible() and window.reader.viewport().rect().contains(toolbar.geometry())
    qtbot.mouseClick(toolbar.buttons["blue"], Qt.MouseButton.LeftButton)
    saved = window.annotations.list(A003)
    assert [(p.annotation.anchor.quote, p.annotation.color) for p in saved] == [("我非常同意陈石总的看法", "blue")]
    assert not toolbar.isVisible()
    # "笔记" highlights and puts the cursor in the note editor, ready for typing.
    drag_select(window, qtbot, "震撼和冲击")
    qtbot.mouseClick(toolbar.note_button, Qt.MouseButton.LeftButton)
    assert window.annotations_panel.note.hasFocus()
    type_chinese(window.annotations_panel.note, "最直观的感受")
    qtbot.keyClick(window.annotations_panel.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    notes = {p.annotation.anchor.quote: p.annotation.note for p in window.annotations.list(A003)}
    assert notes["震撼和冲击"] == "最直观的感受"


def test_start_up_paints_the_last_article_first_then_fills_the_docks_in_place(
    qtbot: QtBot,
    session: Session,  # type: ignore[no-untyped-def]
    library: Library,
    tmp_path: Path,
) -> None:
    annotations = session.annotations
    article = library.get(A003)
    start = article.plain_text.index("我非常同意陈石总的看法")
    annotations.add(A003, start, start + 5, color="green")
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("lastArticle", A003)
    window = MainWindow(session, settings, build_panels_now=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    # The first paint: the last article with its highlight, the docks framed but empty, no index yet.
    assert window.reader.article is not None and window.reader.article.id == A003
    cursor = QTextCursor(window.reader.document())
    cursor.setPosition(window.reader.layout_map.document_position(start) + 1)
    assert cursor.charFormat().background().color().name() == "#c8f0c0"
    assert window.library_dock.widget() is None and "search_index" not in session.__dict__
    menus = window.menuBar().actions()
    assert [menu.text() for menu in menus] == ["文件(&F)", "编辑(&E)", "视图(&V)", "帮助(&H)"]
    assert all(not menu.menu().actions() for menu in menus)  # their actions come with the panels
    reader_geometry = window.reader.geometry()
    window.build_panels()
    QApplication.processEvents()
    assert "search_index" in session.__dict__ and window.library_dock.widget() is window.library_panel
    assert window.reader.geometry() == reader_geometry  # nothing moves when the panels arrive
    current = window.library_panel.view.currentIndex()
    assert window.library_panel.model.article_at(window.library_panel.proxy.mapToSource(current).row()).id == A003
    assert window.annotations_panel.model.rowCount() == 1 and window.outline.isVisible()
    assert window.menu_actions[MainAction.HIGHLIGHT].shortcut().toString() == "H"
    window.close()


def test_a_damaged_index_is_rebuilt_and_the_search_dock_says_why_in_the_windows_language(  # type: ignore[no-untyped-def]
    make_window, qtbot: QtBot, data_paths: DataPaths, library: Library
) -> None:
    index = Session(data_paths, library=library).search_index
    index.update(library.articles())
    [meta] = data_paths.index_dir.glob("gen-*/aigc-index.json")
    meta.write_text("[]", encoding="utf-8")  # valid JSON, not metadata
    window = make_window()
    window.start_background_loading()
    qtbot.waitUntil(lambda: window.search_panel.status.text().startswith("索引已重建"), timeout=60_000)
    assert window.search_panel.status.text() == "索引已重建（索引的元数据缺失或损坏）"


def test_outline_buttons_wait_for_a_speaker_and_cut_texts_have_tooltips(make_window, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.open_passage(A003, None)
    outline = window.outline
    assert not outline.previous_turn.isEnabled() and not outline.focus_button.isEnabled()
    model = outline.speakers_view.model()
    outline.tabs.setCurrentWidget(outline.speakers_view)
    outline.speakers_view.setCurrentIndex(model.index(0, 0))
    assert outline.next_turn.isEnabled() and outline.focus_button.isEnabled()
    assert "（" in model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    topic = outline.topics_view.model().index(0, 0)
    assert outline.topics_view.model().data(topic, Qt.ItemDataRole.ToolTipRole)
    window.open_passage("000_5b4e62939488a476", None)  # another article: nothing selected again
    assert not outline.next_turn.isEnabled()
