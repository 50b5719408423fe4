"""The library dock: a filter box over the sortable table of articles.

Signals:
    article_chosen(str): the id of the article the user picked.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QSortFilterProxyModel, Qt, Signal, Slot
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLineEdit, QTreeView, QVBoxLayout, QWidget

from desktop_app.corpus.model import Article
from desktop_app.ui.library_model import (
    ANNOTATIONS,
    DATE,
    SOURCE,
    SPEAKERS,
    TITLE,
    FilterRole,
    LibraryModel,
    SortRole,
)


class LibraryPanel(QWidget):
    article_chosen = Signal(str)

    def __init__(self, articles: list[Article], annotation_counts: dict[str, int]) -> None:
        super().__init__()
        self.model = LibraryModel(articles, annotation_counts)
        self.proxy = QSortFilterProxyModel()
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterRole(FilterRole)  # title, source and date
        self.proxy.setFilterKeyColumn(TITLE)
        self.proxy.setSortRole(SortRole)
        self.proxy.setSortLocaleAware(True)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("筛选文章（标题、来源、日期）"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.view = self._table()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter)
        layout.addWidget(self.view)
        self.view.selectionModel().selectionChanged.connect(self._on_selection_changed)

    @Slot(QItemSelection, QItemSelection)
    def _on_selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            self.article_chosen.emit(self.model.article_at(self.proxy.mapToSource(indexes[0]).row()).id)

    def set_articles(self, articles: list[Article]) -> None:
        self.model.set_articles(articles)

    def set_annotation_counts(self, counts: dict[str, int]) -> None:
        self.model.set_annotation_counts(counts)

    def _table(self) -> QTreeView:
        view = QTreeView()
        view.setModel(self.proxy)
        view.setRootIsDecorated(False)
        view.setUniformRowHeights(True)
        view.setAlternatingRowColors(True)
        view.setSortingEnabled(True)
        view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the library's own order until a header is clicked
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(SOURCE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(SOURCE, 76)  # publishers' names are long; the tooltip has them whole
        for column in (DATE, SPEAKERS, ANNOTATIONS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        return view

    def select(self, article_id: str) -> None:
        """Makes the article the current row (clearing a filter that hides it)."""
        row = self.model.row_of(article_id)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, TITLE))
        if not index.isValid():
            self.filter.clear()
            index = self.proxy.mapFromSource(self.model.index(row, TITLE))
        if self.view.currentIndex() != index:
            self.view.setCurrentIndex(index)
