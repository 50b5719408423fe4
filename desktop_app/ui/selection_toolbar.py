"""The small toolbar that floats under a fresh selection in the reader: one click highlights it
in a color, or highlights it and opens the note editor. It lives inside the reader's viewport
(no popup window: it never takes the focus or the selection away)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QToolButton, QWidget

from desktop_app.annotations.colors import COLORS
from desktop_app.ui.reader_view import color_swatch, highlight_label

MARGIN = 6


class SelectionToolbar(QFrame):
    color_chosen = Signal(str)
    note_requested = Signal()

    def __init__(self, viewport: QWidget) -> None:
        super().__init__(viewport)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(3, 2, 3, 2)
        layout.setSpacing(1)
        self.buttons: dict[str, QToolButton] = {}
        for color in COLORS:
            button = QToolButton(self)
            button.setIcon(color_swatch(color))
            button.setToolTip(highlight_label(color))
            button.setAutoRaise(True)
            button.clicked.connect(lambda _checked=False, chosen=color: self.color_chosen.emit(chosen))
            layout.addWidget(button)
            self.buttons[color] = button
        self.note_button = QToolButton(self)
        self.note_button.setText(self.tr("笔记"))
        self.note_button.setToolTip(self.tr("高亮并写笔记"))
        self.note_button.setAutoRaise(True)
        self.note_button.clicked.connect(self.note_requested.emit)
        layout.addWidget(self.note_button)
        self.hide()

    def show_under(self, selection: QRect) -> None:
        """Shows the toolbar just under the selection's last line (above it near the bottom),
        kept inside the viewport."""
        self.adjustSize()
        area = self.parentWidget().rect()
        x = min(max(MARGIN, selection.left()), max(MARGIN, area.width() - self.width() - MARGIN))
        y = selection.bottom() + MARGIN
        if y + self.height() > area.height() - MARGIN:
            y = max(MARGIN, selection.top() - self.height() - MARGIN)
        self.move(QPoint(x, y))
        self.show()
        self.raise_()
