"""Correcting the outline from the window: a paragraph's context menu and a speaker's, each
change shown at once, undone with Ctrl+Z, kept for the next launch."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QInputDialog, QMenu
from pytestqt.qtbot import QtBot

A000 = "000_5b4e62939488a476"


def entry(menu: QMenu, *path: str):  # type: ignore[no-untyped-def]
    for text in path[:-1]:
        menu = next(a.menu() for a in menu.actions() if a.menu() is not None and a.text() == text)
    return next(a for a in menu.actions() if a.text() == path[-1])


def test_a_paragraph_taken_out_and_a_new_speakers_turn_from_the_menu_then_undone(
    make_window, qtbot: QtBot, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.open_passage(A000, None)
    article = window.reader.article
    block = next(n for n, b in enumerate(article.blocks) if b.text.startswith("本文摘取了"))
    entry(window.reader_controls.context_menu(block), "大纲", "删除这一段").trigger()
    assert "本文摘取了" not in window.reader.toPlainText() and "本文摘取了" not in window.reader.article.plain_text
    qtbot.keyClick(window.reader, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "本文摘取了" in window.reader.toPlainText()

    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("主持人甲", True))
    entry(window.reader_controls.context_menu(block), "大纲", "这一段开始…的发言", "新发言人…").trigger()
    assert window.reader.article.speaker("主持人甲") is not None
    speakers = window.outline.speakers_view.model()
    assert any("主持人甲" in speakers.index(row, 0).data() for row in range(speakers.rowCount()))
    assert window.library.overlay(A000).read()[0].op == "turn"  # kept for the next launch


def test_two_speakers_are_merged_from_the_outline_and_the_merge_undone(make_window, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.open_passage(A000, None)
    window.correcting.show_speaker_menu("闫俊宇", QPoint(0, 0))
    entry(window.correcting.speaker_menu_shown, "是同一个人：", "黄民烈").trigger()
    window.correcting.speaker_menu_shown.hide()  # as a click on the entry does
    assert window.reader.article.speaker("闫俊宇") is None
    assert all(turn.speaker != "闫俊宇" for turn in window.reader.article.turns)
    assert "闫俊宇" not in window.reader.toPlainText()
    qtbot.keyClick(window.reader, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.reader.article.speaker("闫俊宇") is not None and window.library.overlay(A000).read() == []
    redo = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window.reader, Qt.Key.Key_Z, redo)
    assert window.reader.article.speaker("闫俊宇") is None  # made again


def test_a_topic_renamed_and_a_speakers_affiliation_and_role_set_from_the_outline(make_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.open_passage(A000, None)
    heading = window.reader.article.topics[1].block
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("应用爆发了吗", True))
    window.correcting.show_topic_menu(heading, QPoint(0, 0))
    entry(window.correcting.topic_menu_shown, "重命名话题…").trigger()
    window.correcting.topic_menu_shown.hide()
    assert window.reader.article.topics[1].title == "应用爆发了吗"
    topics = window.outline.topics_view.model()
    assert topics.index(1, 0).data() == "应用爆发了吗"
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("某大学教授", True))
    monkeypatch.setattr(QInputDialog, "getItem", lambda _p, _t, _l, items, *_a: (items[1], True))  # 主持人
    window.correcting.show_speaker_menu("黄民烈", QPoint(0, 0))
    entry(window.correcting.speaker_menu_shown, "身份和角色…").trigger()
    window.correcting.speaker_menu_shown.hide()
    speaker = window.reader.article.speaker("黄民烈")
    assert (speaker.affiliation, speaker.role) == ("某大学教授", "host")


def test_an_orphan_is_reattached_to_the_selected_passage_and_the_reattaching_undone(
    make_window, qtbot: QtBot, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "访谈.md"
    head = "---\ntitle: 一次访谈\n---\n\n"
    source.write_text(head + "张三：第一段的原话，后来被改写了。\n\n李四：第二段一直都在。\n", encoding="utf-8")
    window = make_window()
    window.library.import_paths([source])
    placed = window.annotations.add_quote("访谈", "后来被改写了", note="要点")
    source.write_text(head + "张三：第一段完全换了一种说法。\n\n李四：第二段一直都在。\n", encoding="utf-8")
    window.library.import_paths([source])
    window.open_passage("访谈", None)
    assert window.annotations.list("访谈")[0].placement.status == "orphaned"
    window.annotations_panel.select_annotation(placed.annotation.id)
    window.reader.setTextCursor(window.reader.document().find("完全换了一种说法"))
    entry(window.reader_controls.context_menu(), "把所选批注重新附着到这里").trigger()
    [moved] = window.annotations.list("访谈")
    assert moved.placement.status == "anchored" and moved.annotation.anchor.quote == "完全换了一种说法"
    assert moved.annotation.note == "要点"
    qtbot.keyClick(window.reader, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.annotations.list("访谈")[0].placement.status == "orphaned"


def test_what_cleaning_removed_shows_greyed_in_place_and_hides_again_without_moving_highlights(make_window) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.ui.actions import MainAction

    window = make_window()
    window.open_passage(A000, None)
    placed = window.annotations.add_quote(A000, "生产力的范式转移")
    window.refresh_annotations()
    assert "跳转到 Cubox 查看" not in window.reader.toPlainText()
    window.menu_actions[MainAction.SHOW_REMOVED].trigger()
    shown = window.reader.toPlainText()
    assert "〔已删除：推广尾巴〕跳转到 Cubox 查看" in shown and shown.rstrip().endswith("跳转到 Cubox 查看")
    assert "〔已删除：元信息〕" in shown.split("AI-generated content")[0]  # at the top, where it stood
    start = window.reader.layout_map.document_position(placed.placement.start)
    cursor = window.reader.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(window.reader.layout_map.document_position(placed.placement.end), cursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == "生产力的范式转移"  # offsets still map to the article's text
    window.menu_actions[MainAction.SHOW_REMOVED].trigger()
    assert "跳转到 Cubox 查看" not in window.reader.toPlainText()


def test_a_removed_block_shown_greyed_is_brought_back_from_its_menu(make_window) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.ui.actions import MainAction

    window = make_window()
    window.open_passage(A000, None)
    window.menu_actions[MainAction.SHOW_REMOVED].trigger()
    at = window.reader.document().find("跳转到 Cubox 查看").selectionStart()
    removed = window.reader.layout_map.removed_at(at)
    assert window.reader.article.removed[removed].text == "跳转到 Cubox 查看"
    entry(window.reader_controls.context_menu(None, removed), "恢复这一段").trigger()
    assert window.reader.article.plain_text.rstrip().endswith("跳转到 Cubox 查看")  # part of the article again
    assert all(item.text != "跳转到 Cubox 查看" for item in window.reader.article.removed)


def test_the_article_is_renamed_from_the_menu_everywhere_and_the_rename_undone(
    make_window, qtbot: QtBot, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.open_passage(A000, None)
    old = window.reader.article.title
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("AIGC 圆桌：生产力", True))
    entry(window.reader_controls.context_menu(0), "大纲", "重命名文章…").trigger()
    assert window.reader.article.title == "AIGC 圆桌：生产力"
    model = window.library_panel.view.model()
    titles = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert "AIGC 圆桌：生产力" in titles and old not in titles
    qtbot.keyClick(window.reader, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.reader.article.title == old
