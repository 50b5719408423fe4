"""The Qt binding itself must not corrupt the interpreter: PySide6 6.12.0 on Python 3.11 drops a
reference to None on every call of a method that returns nothing, and the app crashes once the
count reaches zero (the reader makes thousands of such calls to draw highlights)."""

from __future__ import annotations

import sys

from PySide6.QtGui import QTextCharFormat, QTextCursor, QTextDocument


def test_void_qt_calls_keep_none_alive() -> None:
    document = QTextDocument()
    document.setPlainText("高亮" * 500)
    cursor = QTextCursor(document)
    before = sys.getrefcount(None)
    for _ in range(5000):
        cursor.setPosition(10)
        cursor.setPosition(20, QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(QTextCharFormat())
    assert sys.getrefcount(None) >= before - 100  # a few references may come and go, not thousands
