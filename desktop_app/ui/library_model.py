"""The library as a Qt table: one row an article, with its source, date, speakers and the
user's annotation count; every column sorts (numbers as numbers, missing values last)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desktop_app.corpus.model import Article
from desktop_app.ui.plain_text import tooltip

ArticleRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2
FilterRole = Qt.ItemDataRole.UserRole + 3  # the plain text the filter box matches
Index = QModelIndex | QPersistentModelIndex

TITLE, SOURCE, DATE, SPEAKERS, ANNOTATIONS = range(5)
HEADERS = (
    QT_TRANSLATE_NOOP("LibraryModel", "标题"),
    QT_TRANSLATE_NOOP("LibraryModel", "来源"),
    QT_TRANSLATE_NOOP("LibraryModel", "日期"),
    QT_TRANSLATE_NOOP("LibraryModel", "发言人"),
    QT_TRANSLATE_NOOP("LibraryModel", "批注"),
)


class LibraryModel(QAbstractTableModel):
    def __init__(self, articles: list[Article], annotation_counts: dict[str, int] | None = None) -> None:
        super().__init__()
        self._articles = articles
        self._counts = annotation_counts or {}

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._articles)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(HEADERS)
        ):
            return self.tr(HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._articles):
            return None
        article = self._articles[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(article, column)
        if role == SortRole:
            value = self._display(article, column)
            # Missing sources and dates sort after the known ones, in either order they are read.
            return value if isinstance(value, int) else (value or "\uffff")
        if role == FilterRole:
            return " · ".join(part for part in (article.title, article.publisher, article.date) if part)
        if role == Qt.ItemDataRole.ToolTipRole:
            details = [
                article.title,
                article.publisher,
                article.date,
                self.tr("{count} 位发言人").format(count=len(article.speakers)),
                self.tr("{count} 字").format(count=article.chars),
                self.tr("{count} 条批注").format(count=self._counts.get(article.id, 0)),
            ]
            return tooltip(" · ".join(part for part in details if part))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (SPEAKERS, ANNOTATIONS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ArticleRole:
            return article
        return None

    def _display(self, article: Article, column: int) -> str | int | None:
        if column == TITLE:
            return article.title
        if column == SOURCE:
            return article.publisher or ""
        if column == DATE:
            return article.date or ""
        if column == SPEAKERS:
            return len(article.speakers)
        if column == ANNOTATIONS:
            return self._counts.get(article.id, 0)
        return None

    def article_at(self, row: int) -> Article:
        return self._articles[row]

    def row_of(self, article_id: str) -> int | None:
        return next((row for row, article in enumerate(self._articles) if article.id == article_id), None)

    def set_articles(self, articles: list[Article]) -> None:
        self.beginResetModel()
        self._articles = articles
        self.endResetModel()

    def set_annotation_counts(self, counts: dict[str, int]) -> None:
        """Updates the annotation column in place (keeps the selection and the sort)."""
        if counts == self._counts:
            return
        self._counts = dict(counts)
        if self._articles:
            self.dataChanged.emit(self.index(0, ANNOTATIONS), self.index(len(self._articles) - 1, ANNOTATIONS))
