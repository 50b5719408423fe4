"""What the window does with the annotation intents of its panels: highlight a selection (and
open the note editor), select a clicked highlight, go to an annotation's passage, save an edit,
delete, undo and redo. Every change goes through the session's annotations, then the list and
the highlights are drawn again."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QMenu

from desktop_app.annotations.model import Placed
from desktop_app.ui.history import ANNOTATION

if TYPE_CHECKING:
    from desktop_app.ui.main_window import MainWindow


class Annotating(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window

    @Slot(int, int, str)
    def on_highlight_requested(self, start: int, end: int, color: str) -> bool:
        window, article = self._window, self._window.reader.article
        placed = (
            window.run_core(lambda: window.annotations.add(article.id, start, end, color=color)) if article else None
        )
        if not isinstance(placed, Placed):
            return False
        window.history.record(ANNOTATION)
        window.reader_controls.clear_selection()
        window.refresh_annotations(select=placed.annotation.id)
        window.statusBar().showMessage(self.tr("已高亮并保存"), 2000)
        return True

    @Slot(int, int, str)
    def on_note_requested(self, start: int, end: int, color: str) -> None:
        if self.on_highlight_requested(start, end, color):
            self._show_dock()
            self._window.annotations_panel.start_note()

    @Slot()
    def on_nothing_selected(self) -> None:
        self._window.statusBar().showMessage(self.tr("先选中要高亮的文字"), 3000)

    def undo(self) -> None:
        if self._window.run_core(self._window.annotations.undo) is not None:
            self._window.refresh_annotations()

    def redo(self) -> None:
        if self._window.run_core(self._window.annotations.redo) is not None:
            self._window.refresh_annotations()

    @Slot(str)
    def on_highlight_clicked(self, annotation_id: str) -> None:
        self._show_dock()
        self._window.annotations_panel.select_annotation(annotation_id)

    @Slot(object)
    def on_passage_requested(self, placed: Placed) -> None:
        window, p = self._window, placed.placement
        if p.start is None or p.end is None:
            return  # an orphan: its passage is nowhere in the text
        if window.reader.article is None or window.reader.article.id != placed.annotation.article:
            window.navigation.jump(placed.annotation.article, p.block if p.block is not None else 0)
        window.reader.select_span(p.start, p.end)

    @Slot(object)
    def on_annotation_found(self, placed: Placed) -> None:
        """An annotation hit of the search dock: its passage in the reader, itself in the list."""
        self.on_passage_requested(placed)
        self.on_highlight_clicked(placed.annotation.id)

    @Slot(str, str, str, list)
    def on_edit_requested(self, annotation_id: str, note: str, color: str, tags: list[str]) -> None:
        window = self._window
        if (
            window.run_core(lambda: window.annotations.edit(annotation_id, note=note, color=color, tags=tags))
            is not None
        ):
            window.history.record(ANNOTATION)
            window.reader_controls.color = color  # H uses the colour chosen last
            window.refresh_annotations()  # the editor keeps its text and cursor: it holds what was saved

    @Slot(str)
    def on_delete_requested(self, annotation_id: str) -> None:
        window = self._window
        if window.run_core(lambda: window.annotations.remove(annotation_id)) is not None:
            window.history.record(ANNOTATION)
            window.annotations_panel.clear_editor()
            window.refresh_annotations()
            window.statusBar().showMessage(self.tr("批注已删除（Ctrl+Z 撤销）"), 3000)

    def reattach_here(self) -> None:
        """The annotation selected in the dock (an orphan, typically) goes to the reader's selection."""
        window = self._window
        placed, span, article = (
            window.annotations_panel.selected(),
            window.reader.selected_span(),
            window.reader.article,
        )
        if placed is None or span is None or article is None or placed.annotation.article != article.id:
            return
        if window.run_core(lambda: window.annotations.reattach_at(placed.annotation.id, *span)) is not None:
            window.history.record(ANNOTATION)
            window.reader_controls.clear_selection()
            window.refresh_annotations(select=placed.annotation.id)
            window.statusBar().showMessage(self.tr("批注已重新附着（Ctrl+Z 撤销）"), 3000)

    def reattach_entry(self, menu: QMenu) -> None:
        """重新附着 in the reader's menu: the annotation selected in the dock goes to the selected passage."""
        if self.can_reattach_here():
            menu.addAction(self.tr("把所选批注重新附着到这里")).triggered.connect(self.reattach_here)

    def can_reattach_here(self) -> bool:
        window = self._window
        placed, article = window.annotations_panel.selected(), window.reader.article
        return (
            placed is not None and article is not None and placed.annotation.article == article.id
            and window.reader.selected_span() is not None
        )  # fmt: skip

    def _show_dock(self) -> None:
        self._window.annotations_dock.show()
        self._window.annotations_dock.raise_()
