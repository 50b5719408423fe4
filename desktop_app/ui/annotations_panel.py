"""The annotations dock: the list with its filter, and an editor for the selected annotation.

The editor saves as the user types: a burst of edits (note, tags) is saved half a second after
the last keystroke, a colour at once, and whatever is pending at once when the selection moves,
the article or user changes or the window closes (``flush``), so nothing typed is ever lost. With
nothing selected the editor is empty and disabled. It keeps its own state (what is listed, which
annotation the editor shows) and speaks to the window in intents:

Signals:
    passage_requested(object): the ``Placed`` whose passage the user wants to see (a click).
    edit_requested(str, str, str, list): id, note, color, tags to save.
    delete_requested(str): the id to delete (删除).
    listing_changed(): the filter or the scope changed; the window lists again.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.annotations.colors import COLORS
from desktop_app.annotations.model import Annotation, Placed
from desktop_app.ui.annotation_model import AnnotationListModel
from desktop_app.ui.reader_view import color_label, color_swatch

AUTOSAVE_MS = 500  # after the last keystroke of a burst: one save, one undo step, per burst


class AnnotationsPanel(QWidget):
    passage_requested = Signal(object)
    edit_requested = Signal(str, str, str, list)
    delete_requested = Signal(str)
    listing_changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("筛选批注"))
        self.filter.setClearButtonEnabled(True)
        self.whole_library = QCheckBox(self.tr("显示全部文章的批注"))
        self.model = AnnotationListModel()
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setSpacing(2)
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(self.tr("笔记（自动保存）"))
        self.note.setMaximumHeight(110)
        self.note.setTabChangesFocus(True)  # Tab leaves the editor (no keyboard trap)
        self.color = QComboBox()
        for name in COLORS:
            self.color.addItem(color_swatch(name), color_label(name), name)
        self.tags = QLineEdit()
        self.tags.setPlaceholderText(self.tr("标签，用空格分开"))
        self.save = QPushButton(self.tr("保存"))
        self.delete = QPushButton(self.tr("删除"))
        self.saved_state = QLabel()
        self._editing: str | None = None  # the annotation the editor shows
        self._pending = False  # edited since the last save
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._lay_out()
        self._connect()
        self._show_in_editor(None)

    def _lay_out(self) -> None:
        row = QHBoxLayout()
        row.addWidget(self.color)
        row.addWidget(self.tags, 1)
        row.addWidget(self.saved_state)
        row.addWidget(self.save)
        row.addWidget(self.delete)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter)
        layout.addWidget(self.whole_library)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.note)
        layout.addLayout(row)

    def _connect(self) -> None:
        self.view.clicked.connect(self._on_clicked)
        self.view.selectionModel().currentChanged.connect(self._on_current_changed)
        self.filter.textChanged.connect(lambda _text: self.listing_changed.emit())
        self.whole_library.toggled.connect(lambda _on: self.listing_changed.emit())
        self.save.clicked.connect(self.flush)
        self.delete.clicked.connect(self._request_delete)
        self.note.textChanged.connect(self._edited)
        self.tags.textEdited.connect(lambda _text: self._edited())
        self.tags.returnPressed.connect(self.flush)
        self.color.activated.connect(lambda _index: (self._edited(), self.flush()))
        self._autosave.timeout.connect(self.flush)
        save_now = QAction(self)
        save_now.setShortcut(QKeySequence("Ctrl+Return"))
        save_now.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save_now.triggered.connect(self.flush)
        self.addAction(save_now)

    # -- what the window asks -----------------------------------------------------------------
    def search_text(self) -> str | None:
        return self.filter.text() or None

    def lists_whole_library(self) -> bool:
        return self.whole_library.isChecked()

    def show_items(self, items: list[Placed], select: str | None = None, titles: dict[str, str] | None = None) -> None:
        """Lists the items and selects ``select``, else keeps the one the editor shows. The editor
        is left alone while it shows what is stored (the user may be typing in it); it shows the
        stored annotation when that changed elsewhere (undo, another process), and nothing when
        the annotation is gone. Call ``flush`` first: the items must include what it saves."""
        keep = select or self._editing
        self.view.selectionModel().blockSignals(True)  # the editor follows below, once
        self.model.set_items(items, titles)
        row = self.model.row_of(keep) if keep else None
        if row is not None:
            self.view.setCurrentIndex(self.model.index(row))
        else:
            self.view.setCurrentIndex(QModelIndex())
        self.view.selectionModel().blockSignals(False)
        placed = self.model.placed_at(row) if row is not None else None
        if placed is None or placed.annotation.id != self._editing:
            self._show_in_editor(placed)
        elif not self._pending and not self._shows(placed.annotation):
            self._show_in_editor(placed)

    def _shows(self, annotation: Annotation) -> bool:
        return (self.note.toPlainText(), str(self.color.currentData()), tuple(self.tags.text().split())) == (
            annotation.note,
            annotation.color,
            annotation.tags,
        )

    def select_annotation(self, annotation_id: str) -> bool:
        row = self.model.row_of(annotation_id)
        if row is not None:
            self.view.setCurrentIndex(self.model.index(row))
        return row is not None

    def selected(self) -> Placed | None:
        index = self.view.currentIndex()
        return self.model.placed_at(index.row()) if index.isValid() else None

    def listed(self) -> list[Placed]:
        return self.model.items()

    def start_note(self) -> None:
        self.note.setFocus()

    def clear_editor(self) -> None:
        self._pending = False
        self._autosave.stop()
        self._show_in_editor(None)

    def flush(self) -> None:
        """Saves what the editor holds now, if it was edited since the last save."""
        edit = self._take_edit()
        if edit is not None:
            self.edit_requested.emit(*edit)

    def _take_edit(self) -> tuple[str, str, str, list[str]] | None:
        """The pending edit (id, note, color, tags), now no longer pending."""
        self._autosave.stop()
        if not self._pending or self._editing is None:
            return None
        self._pending = False
        self.saved_state.setText(self.tr("已保存"))
        return self._editing, self.note.toPlainText(), str(self.color.currentData()), self.tags.text().split()

    # -- what the user does -------------------------------------------------------------------
    @Slot(QModelIndex)
    def _on_clicked(self, index: QModelIndex) -> None:
        self.passage_requested.emit(self.model.placed_at(index.row()))

    @Slot(QModelIndex, QModelIndex)
    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        # What was typed for the previous one is saved, after the editor has moved on: the save
        # lists the annotations again, and that listing must keep the new selection.
        edit = self._take_edit()
        self._show_in_editor(self.model.placed_at(current.row()) if current.isValid() else None)
        if edit is not None:
            self.edit_requested.emit(*edit)

    def _show_in_editor(self, placed: Placed | None) -> None:
        annotation = placed.annotation if placed is not None else None
        self._editing = annotation.id if annotation is not None else None
        for widget in (self.note, self.tags, self.color, self.save, self.delete):
            widget.blockSignals(True)
        self.note.setPlainText(annotation.note if annotation else "")
        self.tags.setText(" ".join(annotation.tags) if annotation else "")
        if annotation is not None:
            self.color.setCurrentIndex(max(0, self.color.findData(annotation.color)))
        for widget in (self.note, self.tags, self.color, self.save, self.delete):
            widget.blockSignals(False)
            widget.setEnabled(annotation is not None)
        self._pending = False
        self.saved_state.setText("")

    def _edited(self) -> None:
        if self._editing is None:
            return
        self._pending = True
        self.saved_state.setText(self.tr("未保存"))
        self._autosave.start()

    def _request_delete(self) -> None:
        if self._editing is not None:
            editing, self._editing = self._editing, None
            self._pending = False
            self._autosave.stop()
            self.delete_requested.emit(editing)
