"""An uncertain outline says so on its article and offers its fixes, each one action: a
chat-bubble interview whose names the importer would not take alone is fixed in one click."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

CHAT_BUBBLES = """# 晚点对话王小明：一家小公司的十年

这是一篇对话，整理自一次长谈。

晚点LatePost

你们最早是怎么开始做这个产品的？

王小明

最早是我们几个同学在宿舍里写代码，想解决自己的问题。

后来用的人越来越多，我们就决定认真做。

晚点LatePost

最难的时候是什么时候？

王小明

是第三年，钱快花完了，我们差点解散。

晚点LatePost

现在回头看呢？

王小明

我觉得那段时间让团队更团结。
"""


def test_a_chat_bubble_interview_is_fixed_in_one_action_and_every_turn_is_attributed(
    make_window, qtbot: QtBot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    source = tmp_path / "chat.md"
    source.write_text(CHAT_BUBBLES, encoding="utf-8")
    window.files.import_files([source])  # as a drop or Ctrl+O does
    qtbot.waitUntil(lambda: window.reader.article is not None and window.reader.article.id == "chat", timeout=30000)
    assert not window.reader.article.turns  # the importer did not guess
    notice = window.outline.notice
    qtbot.waitUntil(notice.isVisible)
    assert len(notice.buttons) == 1 and "晚点LatePost" in notice.buttons[0].text()
    qtbot.mouseClick(notice.buttons[0], Qt.MouseButton.LeftButton)
    article = window.reader.article
    assert [turn.speaker for turn in article.turns] == ["晚点LatePost", "王小明"] * 3
    paragraphs = [b for b in article.blocks if b.kind != "heading"][1:]
    assert all(block.speaker is not None for block in paragraphs)  # every turn attributed
    assert "晚点LatePost：\n\n你们最早" in article.plain_text
    assert not notice.isVisible()  # the outline is sure now
    qtbot.keyClick(window.reader, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not window.reader.article.turns and notice.isVisible()  # undone like any correction


def test_a_sure_outline_shows_no_notice_and_a_dismissed_one_stays_away(make_window, qtbot: QtBot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.open_passage("000_5b4e62939488a476", None)
    assert not window.outline.notice.isVisible()
    source = tmp_path / "chat.md"
    source.write_text(CHAT_BUBBLES, encoding="utf-8")
    article = window.library.import_paths([source])[0].article
    window.open_passage(article.id, None)
    assert window.outline.notice.isVisible()
    qtbot.mouseClick(window.outline.notice.dismiss, Qt.MouseButton.LeftButton)
    window.open_passage("000_5b4e62939488a476", None)
    window.open_passage(article.id, None)
    assert not window.outline.notice.isVisible()
