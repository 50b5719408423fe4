"""The annotations dock: the list with its filter, and an editor for the selected annotation."""

from __future__ import annotations

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
from desktop_app.ui.annotation_model import AnnotationListModel
from desktop_app.ui.reader_view import color_label, color_swatch


class AnnotationsPanel(QWidget):
    """The annotations dock: the list, a filter, and an editor for the selected annotation."""

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
