"""The annotations dock's list: quote, note, color, tags and speaker of each annotation."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from desktop_app.annotations.colors import color_named
from desktop_app.annotations.model import ORPHANED, Placed
from desktop_app.ui.plain_text import tooltip

Index = QModelIndex | QPersistentModelIndex
PlacedRole = Qt.ItemDataRole.UserRole + 1


def describe(placed: Placed) -> str:
    a, p = placed.annotation, placed.placement
    lines = [
        (QCoreApplication.translate("AnnotationListModel", "⚠ 未定位 · ") if p.status == ORPHANED else "")
        + f"「{a.anchor.quote}」"
    ]
    if a.note:
        lines.append(a.note)
    extras = " ".join(filter(None, [p.speaker, " ".join(f"#{t}" for t in a.tags)]))
    if extras:
        lines.append(extras)
    return "\n".join(lines)


class AnnotationListModel(QAbstractListModel):
    def __init__(self) -> None:
        super().__init__()
        self._items: list[Placed] = []

    def set_items(self, items: list[Placed]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's signature
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        placed = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return describe(placed)
        if role == Qt.ItemDataRole.DecorationRole:
            return QColor(color_named(placed.annotation.color).light)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(placed.annotation.note or placed.annotation.anchor.quote)
        if role == PlacedRole:
            return placed
        return None

    def items(self) -> list[Placed]:
        return list(self._items)

    def placed_at(self, row: int) -> Placed:
        return self._items[row]

    def row_of(self, annotation_id: str) -> int | None:
        return next((row for row, p in enumerate(self._items) if p.annotation.id == annotation_id), None)
