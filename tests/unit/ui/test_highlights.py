"""Highlights as a reader sees them: never over a speaker's name, a note marked in the text and
shown on hover, a highlight inside another still visible."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from desktop_app.ui.actions import MainAction
from tests.unit.ui.test_main_window import A003, select_text


def select_between(window, first: str, last: str) -> None:  # type: ignore[no-untyped-def]
    document = window.reader.document()
    begin, finish = document.find(first), document.find(last)
    cursor = QTextCursor(document)
    cursor.setPosition(begin.selectionStart())
    cursor.setPosition(finish.selectionEnd(), QTextCursor.MoveMode.KeepAnchor)
    window.reader.setTextCursor(cursor)


def test_a_highlight_dragged_into_the_next_turn_keeps_only_its_own_turn(make_window, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.open_passage(A003, None)
    article = window.reader.article
    turn = next(t for t in article.turns if t.speaker == "朱雷")
    following = next(t for t in article.turns if t.block > turn.block)
    last_words = article.blocks[following.block - 1].text[-6:]
    select_between(window, last_words, article.blocks[following.block].text[:6])
    qtbot.keyClick(window.reader, Qt.Key.Key_H)
    [placed] = window.annotations.list(A003)
    assert placed.annotation.anchor.quote.endswith(last_words)
    assert f"{following.speaker}：" not in placed.annotation.anchor.quote


def char_format_at(window, text: str):  # type: ignore[no-untyped-def]
    found = window.reader.document().find(text)
    cursor = QTextCursor(window.reader.document())
    cursor.setPosition(found.selectionStart() + 1)
    return cursor.charFormat()


def test_a_note_is_dotted_under_and_shown_on_hover_and_an_inner_highlight_is_underlined(  # type: ignore[no-untyped-def]
    make_window, qtbot: QtBot
) -> None:
    window = make_window()
    window.open_passage(A003, None)
    select_text(window, "我非常同意陈石总的看法")
    qtbot.keyClick(window.reader, Qt.Key.Key_H)
    outer = window.annotations.list(A003)[0].annotation
    window.annotations.edit(outer.id, note="<b>要点</b>", tags=["观点"])
    select_text(window, "陈石总")  # inside the first, in the same colour
    qtbot.keyClick(window.reader, Qt.Key.Key_H)
    window.refresh_annotations()
    assert char_format_at(window, "我非常").underlineStyle() == char_format_at(window, "我非常").UnderlineStyle.DotLine
    inner = char_format_at(window, "陈石总")
    assert inner.underlineStyle() == inner.UnderlineStyle.SingleUnderline  # seen inside the other
    found = window.reader.document().find("我非常")
    cursor = QTextCursor(window.reader.document())
    cursor.setPosition(found.selectionStart() + 1)
    point = window.reader.cursorRect(cursor).center()  # in the viewport
    hover = QHelpEvent(QEvent.Type.ToolTip, point, window.reader.viewport().mapToGlobal(point))
    QApplication.sendEvent(window.reader.viewport(), hover)  # what resting the mouse there sends
    qtbot.waitUntil(QToolTip.isVisible, timeout=2000)
    assert "&lt;b&gt;要点&lt;/b&gt;" in QToolTip.text() and "#观点" in QToolTip.text()  # shown as written
    QToolTip.hideText()


def test_the_list_across_articles_names_each_entrys_article_grouped_by_title(make_window, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    for article_id, quote in (
        (A003, "震撼和冲击"),
        ("000_5b4e62939488a476", "生产力"),
        (A003, "我非常同意陈石总的看法"),
    ):
        window.annotations.add_quote(article_id, quote)
    window.open_passage(A003, None)
    panel = window.annotations_panel
    assert panel.model.rowCount() == 2 and not panel.model.index(0).data().startswith("《")
    panel.whole_library.setChecked(True)
    shown = [panel.model.index(row).data() for row in range(panel.model.rowCount())]
    titles = [text.split("\n")[0] for text in shown]
    assert len(shown) == 3 and all(title.startswith("《") for title in titles)
    assert titles == sorted(titles)  # grouped by article title


def test_export_asks_format_and_scope_with_buttons_then_where(make_window, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json

    from PySide6.QtWidgets import QFileDialog

    from desktop_app.ui.export_dialog import ExportDialog

    window = make_window()
    window.annotations.add_quote(A003, "震撼和冲击", note="笔记")
    window.annotations.add_quote("000_5b4e62939488a476", "生产力")
    window.open_passage(A003, None)
    asked: list[str] = []

    def answer(dialog: ExportDialog) -> int:
        assert dialog.this_article.isChecked() and dialog.markdown.isChecked()  # the defaults
        dialog.json.setChecked(True)
        dialog.whole_library.setChecked(True)
        return ExportDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportDialog, "exec", answer)
    target = tmp_path / "out.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (asked.append(args[3]) or str(target), args[3]))
    window.menu_actions[MainAction.EXPORT].trigger()
    assert asked == ["Web Annotation JSON (*.json)"]
    assert len(json.loads(target.read_text(encoding="utf-8"))["first"]["items"]) == 2
