"""The main window: the library on the left, the article in the centre."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QListView, QMainWindow, QSplitter, QTextBrowser

from desktop_app.corpus.library import Library
from desktop_app.corpus.model import Article
from desktop_app.ui.article_html import READER_CSS, render_article
from desktop_app.ui.library_model import LibraryModel

CJK_FONT_FAMILIES = ["Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "PingFang SC",
                     "Microsoft YaHei", "Sans Serif"]


class ReaderView(QTextBrowser):
    """Shows one article; never follows links or loads anything from outside the article."""

    def __init__(self) -> None:
        super().__init__()
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        font = QFont()
        font.setFamilies(CJK_FONT_FAMILIES)
        font.setPointSize(13)
        self.setFont(font)
        self.document().setDefaultStyleSheet(READER_CSS)
        self.document().setDocumentMargin(24)
        self.article: Article | None = None

    def loadResource(self, kind: int, name: object) -> object:  # noqa: N802 - Qt's name
        return None  # no images, no style sheets, nothing from disk or network

    def show_article(self, article: Article) -> None:
        self.article = article
        self.setHtml(render_article(article))


class MainWindow(QMainWindow):
    def __init__(self, library: Library, user: str) -> None:
        super().__init__()
        self.setWindowTitle(f"AIGC 阅读器 — {user}")
        self.library_model = LibraryModel(library.articles())
        self.library_view = QListView()
        self.library_view.setModel(self.library_model)
        self.library_view.setWordWrap(True)
        self.library_view.setSpacing(4)
        self.reader = ReaderView()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.library_view)
        splitter.addWidget(self.reader)
        splitter.setSizes([280, 820])
        self.setCentralWidget(splitter)
        self.resize(1100, 760)
        self.library_view.selectionModel().selectionChanged.connect(self.on_library_selection_changed)
        if self.library_model.rowCount():
            self.library_view.setCurrentIndex(self.library_model.index(0))

    def open_passage(self, article_id: str, block: int | None) -> None:
        """Shows the article and scrolls to the block (as an aigc-reader://open link asks)."""
        row = self.library_model.row_of(article_id)
        if row is None:
            return
        self.library_view.setCurrentIndex(self.library_model.index(row))
        if block is not None:
            self.reader.scrollToAnchor(f"block-{block}")

    @Slot(QItemSelection, QItemSelection)
    def on_library_selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            self.reader.show_article(self.library_model.article_at(indexes[0].row()))
