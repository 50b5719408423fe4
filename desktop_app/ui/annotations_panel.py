"""The annotations dock: the list with its filter, and an editor for the selected annotation.

It keeps its own state (what is listed, which one is selected, what the editor shows) and
speaks to the window in intents:

Signals:
    passage_requested(object): the ``Placed`` whose passage the user wants to see (a click).
    edit_requested(str, str, str, list): id, note, color, tags to save (保存 or Ctrl+Enter).
    delete_requested(str): the id to delete (删除).
    listing_changed(): the filter or the scope changed; the window lists again.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.annotations.colors import COLORS
from desktop_app.annotations.model import Placed
from desktop_app.ui.annotation_model import AnnotationListModel
from desktop_app.ui.reader_view import color_label, color_swatch


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
        self.note.setPlaceholderText(self.tr("笔记（Ctrl+Enter 保存）"))
        self.note.setMaximumHeight(110)
        self.color = QComboBox()
        for name in COLORS:
            self.color.addItem(color_swatch(name), color_label(name), name)
        self.tags = QLineEdit()
        self.tags.setPlaceholderText(self.tr("标签，用空格分开"))
        self.save = QPushButton(self.tr("保存"))
        self.delete = QPushButton(self.tr("删除"))
        self._lay_out()
        self._connect()

    def _lay_out(self) -> None:
        row = QHBoxLayout()
        row.addWidget(self.color)
        row.addWidget(self.tags, 1)
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
        self.save.clicked.connect(self.request_save)
        self.delete.clicked.connect(self._request_delete)
        save_note = QAction(self)
        save_note.setShortcut(QKeySequence("Ctrl+Return"))
        save_note.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save_note.triggered.connect(self.request_save)
        self.addAction(save_note)

    # -- what the window asks -----------------------------------------------------------------
    def search_text(self) -> str | None:
        return self.filter.text() or None

    def lists_whole_library(self) -> bool:
        return self.whole_library.isChecked()

    def show_items(self, items: list[Placed], select: str | None = None) -> None:
        self.model.set_items(items)
        if select is not None:
            self.select_annotation(select)

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
        self.note.clear()

    # -- what the user does -------------------------------------------------------------------
    @Slot(QModelIndex)
    def _on_clicked(self, index: QModelIndex) -> None:
        self.passage_requested.emit(self.model.placed_at(index.row()))

    @Slot(QModelIndex, QModelIndex)
    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        annotation = self.model.placed_at(current.row()).annotation
        self.note.setPlainText(annotation.note)
        self.color.setCurrentIndex(max(0, self.color.findData(annotation.color)))
        self.tags.setText(" ".join(annotation.tags))

    def request_save(self) -> None:
        placed = self.selected()
        if placed is not None:
            self.edit_requested.emit(
                placed.annotation.id, self.note.toPlainText(), str(self.color.currentData()), self.tags.text().split()
            )

    def _request_delete(self) -> None:
        placed = self.selected()
        if placed is not None:
            self.delete_requested.emit(placed.annotation.id)
