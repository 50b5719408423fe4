"""Find in the article (Ctrl+F): every match marked in the reader as you type, F3 / Shift+F3 to
step through them, wrapping at either end. Matching is search's: case, width and white space
ignored, and Simplified and Traditional alike unless 简繁 is switched off (the switch is shared
with the search dock and remembered).

Signals:
    counted(int): how many matches the text has now (for the status bar; 0 for no text).
    closed(): Esc: the bar wants to go (its marks are gone from the reader already).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QTextCursor
from PySide6.QtWidgets import QLineEdit, QTextEdit

from desktop_app.chinese_scripts import is_traditional
from desktop_app.terms import Term, term_spans
from desktop_app.ui.reader_view import ReaderView
from desktop_app.ui.scripts_switch import add_scripts_switch

MATCH_COLOR = "#ffb74d"
MAX_MARKED = 5000  # a one-character search in a long article: enough to see, cheap to draw


def utf16_positions(text: str) -> list[int] | None:
    """The document position of each character of text (QTextDocument counts UTF-16 units), or
    None when they are the same (no character beyond the Basic Multilingual Plane)."""
    if not text or max(text) < "\U00010000":
        return None
    positions, position = [], 0
    for char in text:
        positions.append(position)
        position += 2 if char >= "\U00010000" else 1
    positions.append(position)
    return positions


class FindBar(QLineEdit):
    counted = Signal(int)
    closed = Signal()

    def __init__(self, reader: ReaderView) -> None:
        super().__init__()
        self._reader = reader
        self.matches = 0
        self._spans: list[tuple[int, int]] = []  # document positions, in order
        self.setPlaceholderText(self.tr("在本文中查找（F3 下一个，Shift+F3 上一个，Esc 关闭）"))
        self.setClearButtonEnabled(True)
        self.across_scripts = add_scripts_switch(self, self)
        self.across_scripts.toggled.connect(lambda _on: self.mark_all(self.text()))
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

    def _find(self, text: str) -> list[tuple[int, int]]:
        """Where text occurs in the reader's document, as document positions."""
        if not text.strip():
            return []
        shown = self._reader.document().toPlainText()
        term = Term.of(text, self.across_scripts.isChecked())
        spans = term_spans([term], shown, traditional=self._reader_is_traditional())
        positions = utf16_positions(shown)
        if positions is not None:
            spans = [(positions[start], positions[end]) for start, end in spans]
        return spans[:MAX_MARKED]

    def _reader_is_traditional(self) -> bool:
        article = self._reader.article
        if article is None:
            return False
        return bool(is_traditional("".join(block.text for block in article.blocks[:50])))

    def mark_all(self, text: str) -> None:
        self._spans = self._find(text)
        document = self._reader.document()
        selections = []
        for start, end in self._spans:
            cursor = QTextCursor(document)
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor  # type: ignore[attr-defined]
            selection.format.setBackground(QColor(MATCH_COLOR))  # type: ignore[attr-defined]
            selections.append(selection)
        if selections:
            self._reader.setTextCursor(QTextCursor(document))
        self._reader.setExtraSelections(selections)
        self.matches = len(selections)
        self.counted.emit(self.matches)
        if selections:
            self.step(backwards=False)

    def step(self, backwards: bool) -> None:
        """Selects the next (or previous) match after the reader's cursor, wrapping around."""
        if not self._spans:
            return
        cursor = self._reader.textCursor()
        if backwards:
            here = cursor.selectionStart()
            earlier = [span for span in self._spans if span[1] <= here and span[0] < here]
            start, end = earlier[-1] if earlier else self._spans[-1]
        else:
            here = cursor.selectionEnd() if cursor.hasSelection() else cursor.position()
            later = [span for span in self._spans if span[0] >= here]
            start, end = later[0] if later else self._spans[0]
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self._reader.setTextCursor(cursor)
        self._reader.ensureCursorVisible()
