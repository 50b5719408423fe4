"""The library list as a Qt model: one row an article."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from desktop_app.corpus.model import Article

ArticleRole = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


class LibraryModel(QAbstractListModel):
    def __init__(self, articles: list[Article]) -> None:
        super().__init__()
        self._articles = articles

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._articles)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._articles):
            return None
        article = self._articles[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return article.title
        if role == Qt.ItemDataRole.ToolTipRole:
            details = [article.publisher, article.date, f"{len(article.speakers)} 位发言人", f"{article.chars} 字"]
            return " · ".join(part for part in details if part)
        if role == ArticleRole:
            return article
        return None

    def article_at(self, row: int) -> Article:
        return self._articles[row]

    def row_of(self, article_id: str) -> int | None:
        return next((row for row, article in enumerate(self._articles) if article.id == article_id), None)

    def set_articles(self, articles: list[Article]) -> None:
        self.beginResetModel()
        self._articles = articles
        self.endResetModel()
