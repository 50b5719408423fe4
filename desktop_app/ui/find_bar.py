"""Find in the article (Ctrl+F): every match marked in the reader as you type, F3 / Shift+F3 to
step through them, wrapping at either end.

Signals:
    counted(int): how many matches the text has now (for the status bar; 0 for no text).
    closed(): Esc: the bar wants to go (its marks are gone from the reader already).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import QLineEdit, QTextEdit

from desktop_app.ui.reader_view import ReaderView

MATCH_COLOR = "#ffb74d"
MAX_MARKED = 5000  # a one-character search in a long article: enough to see, cheap to draw


class FindBar(QLineEdit):
    counted = Signal(int)
    closed = Signal()

    def __init__(self, reader: ReaderView) -> None:
        super().__init__()
        self._reader = reader
        self.matches = 0
        self.setPlaceholderText(self.tr("在本文中查找（F3 下一个，Shift+F3 上一个，Esc 关闭）"))
        self.setClearButtonEnabled(True)
        self.textChanged.connect(self.mark_all)
        self.returnPressed.connect(lambda: self.step(backwards=False))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Escape:
            self._reader.setExtraSelections([])
            self.closed.emit()
            return
        super().keyPressEvent(event)

    def start(self) -> None:
        self.setFocus()
        self.selectAll()

    def mark_all(self, text: str) -> None:
        selections = []
        if text:
            document = self._reader.document()
            cursor = document.find(text, 0)
            while not cursor.isNull() and len(selections) < MAX_MARKED:
                selection = QTextEdit.ExtraSelection()
                selection.cursor = cursor  # type: ignore[attr-defined]
                selection.format.setBackground(QColor(MATCH_COLOR))  # type: ignore[attr-defined]
                selections.append(selection)
                cursor = document.find(text, cursor, QTextDocument.FindFlag(0))
            self._reader.setTextCursor(QTextCursor(document))
        self._reader.setExtraSelections(selections)
        self.matches = len(selections)
        self.counted.emit(self.matches)
        if selections:
            self.step(backwards=False)

    def step(self, backwards: bool) -> None:
        text = self.text()
        if not text:
            return
        flags = QTextDocument.FindFlag.FindBackward if backwards else QTextDocument.FindFlag(0)
        if not self._reader.find(text, flags):
            cursor = self._reader.textCursor()
            cursor.movePosition(cursor.MoveOperation.End if backwards else cursor.MoveOperation.Start)
            self._reader.setTextCursor(cursor)
            self._reader.find(text, flags)
