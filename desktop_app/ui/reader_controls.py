"""What the reader offers on a selection: the small toolbar that floats under a mouse selection,
the context menu (a colour each, copy, find), and the colour H uses (the one chosen last).

Signals:
    highlight_requested(int, int, str): start, end (offsets in the article's plain text) and colour.
    note_requested(int, int, str): the same, then the note editor wants the focus.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint, Qt, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from desktop_app.annotations.colors import COLORS, DEFAULT_COLOR
from desktop_app.ui.reader_view import ReaderView, color_swatch, highlight_label
from desktop_app.ui.selection_toolbar import SelectionToolbar


class ReaderControls(QObject):
    highlight_requested = Signal(int, int, str)
    note_requested = Signal(int, int, str)
    nothing_selected = Signal()

    def __init__(self, reader: ReaderView, find_action: QAction, parent: QWidget) -> None:
        super().__init__(parent)
        self._reader = reader
        self._find_action = find_action
        self._parent = parent
        self.color = DEFAULT_COLOR
        self.paragraph_menu: Callable[[QMenu, int], None] | None = None  # more entries for a paragraph
        self.removed_menu: Callable[[QMenu, int], None] | None = None  # for a removed block shown greyed
        self.selection_menu: Callable[[QMenu], None] | None = None  # more entries for a selection
        self.toolbar = SelectionToolbar(reader.viewport())
        reader.allow_keyboard_selection_and_links()
        reader.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        reader.customContextMenuRequested.connect(self._show_context_menu)
        reader.selection_finished.connect(self._on_selection_finished)
        reader.selectionChanged.connect(self._on_selection_changed)
        reader.verticalScrollBar().valueChanged.connect(lambda _value: self.toolbar.hide())  # it would float away
        self.toolbar.color_chosen.connect(self.highlight_in)
        self.toolbar.note_requested.connect(self.highlight_with_note)

    def highlight(self, whole_sentences: bool = False) -> None:
        """H / Shift+H: the selection (widened to whole sentences) in the colour chosen last."""
        self._request(self.highlight_requested, whole_sentences)

    def highlight_in(self, color: str) -> None:
        self.color = color
        self.highlight()

    def highlight_with_note(self) -> None:
        self._request(self.note_requested, False)

    def clear_selection(self) -> None:
        cursor = self._reader.textCursor()
        cursor.clearSelection()
        self._reader.setTextCursor(cursor)

    def _request(self, signal: Signal, whole_sentences: bool) -> None:  # type: ignore[type-arg]
        span = self._reader.selected_span(whole_sentences)
        if self._reader.article is None or span is None:
            self.nothing_selected.emit()
            return
        signal.emit(span[0], span[1], self.color)  # type: ignore[attr-defined]

    def context_menu(self, block: int | None = None, removed: int | None = None) -> QMenu:
        menu = QMenu(self._parent)
        has_selection = self._reader.selected_span() is not None
        for color in COLORS:
            action = menu.addAction(color_swatch(color), highlight_label(color))
            action.setObjectName(f"highlight-{color}")
            action.setEnabled(has_selection)
            action.triggered.connect(lambda _checked=False, chosen=color: self.highlight_in(chosen))
        menu.addSeparator()
        copy = menu.addAction(self.tr("复制"))
        copy.setEnabled(has_selection)
        copy.triggered.connect(self._reader.copy)
        menu.addAction(self._find_action)
        if has_selection and self.selection_menu is not None:
            self.selection_menu(menu)
        if removed is not None and self.removed_menu is not None:
            menu.addSeparator()
            self.removed_menu(menu, removed)
        elif block is not None and self.paragraph_menu is not None:
            menu.addSeparator()
            self.paragraph_menu(menu, block)
        return menu

    @Slot(QPoint)
    def _show_context_menu(self, position: QPoint) -> None:
        layout = self._reader.layout_map
        at = self._reader.cursorForPosition(position).position()
        block = layout.block_of_position(at) if layout else None
        removed = layout.removed_at(at) if layout else None
        self.context_menu(block, removed).exec(self._reader.mapToGlobal(position))

    @Slot()
    def _on_selection_finished(self) -> None:
        if self._reader.selected_span() is not None:
            self.toolbar.show_under(self._reader.selection_rect())

    @Slot()
    def _on_selection_changed(self) -> None:
        if not self._reader.textCursor().hasSelection():
            self.toolbar.hide()
