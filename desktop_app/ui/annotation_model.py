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


def describe(placed: Placed, title: str | None = None) -> str:
    a, p = placed.annotation, placed.placement
    lines = [f"《{title}》"] if title else []
    lines += [
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
        self._titles: dict[str, str] = {}

    def set_items(self, items: list[Placed], titles: dict[str, str] | None = None) -> None:
        """``titles`` (article id → title), for a list across articles: each entry names its
        article, and the entries are grouped by title (in reading order within an article)."""
        self.beginResetModel()
        self._titles = titles or {}
        self._items = list(items)
        if titles:
            self._items.sort(key=lambda placed: titles.get(placed.annotation.article, placed.annotation.article))
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's signature
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        placed = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return describe(placed, self._titles.get(placed.annotation.article))
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
