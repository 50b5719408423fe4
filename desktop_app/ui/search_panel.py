"""The search dock: results as you type (debounced, searched off the main thread), grouped by
article, each with speaker, topic and the snippet with its matches marked.

Signals:
    hit_chosen(object): a ``Hit`` the user opened (Enter or click).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QLabel, QLineEdit, QTreeView, QVBoxLayout, QWidget

from desktop_app.corpus.model import Article
from desktop_app.search import snippets
from desktop_app.search.index import Hit, RebuildReason, SearchIndex, import_engine
from desktop_app.ui.plain_text import tooltip
from desktop_app.ui.workers import Background

DEBOUNCE_MS = 180
# Why the index was rebuilt, as the window says it (the values are the CLI's English).
REBUILD_REASONS = {
    RebuildReason.FOLDER_REPLACED: QT_TRANSLATE_NOOP("RebuildReason", "索引文件夹被一个文件替换了"),
    RebuildReason.OLDER_VERSION: QT_TRANSLATE_NOOP("RebuildReason", "索引来自旧版本"),
    RebuildReason.METADATA_DAMAGED: QT_TRANSLATE_NOOP("RebuildReason", "索引的元数据缺失或损坏"),
    RebuildReason.HALF_WRITTEN: QT_TRANSLATE_NOOP("RebuildReason", "索引上次没有写完"),
    RebuildReason.TABLE_DAMAGED: QT_TRANSLATE_NOOP("RebuildReason", "索引的段落表损坏"),
    RebuildReason.TABLE_OUT_OF_STEP: QT_TRANSLATE_NOOP("RebuildReason", "索引的段落表与文章不一致"),
    RebuildReason.FILES_MISSING: QT_TRANSLATE_NOOP("RebuildReason", "索引文件缺失"),
    RebuildReason.FILES_DAMAGED: QT_TRANSLATE_NOOP("RebuildReason", "索引文件损坏"),
}
HitRole = Qt.ItemDataRole.UserRole + 1


def marked_snippet(hit: Hit) -> str:
    """The hit's snippet with its matches in 【】 (plain text for the list)."""
    return snippets.marked(hit.text, hit.matches)


class SearchPanel(QWidget):
    hit_chosen = Signal(object)

    def __init__(self, index: SearchIndex, titles: Callable[[str], str], background: Background) -> None:
        super().__init__()
        self._index = index
        self._titles = titles
        self._background = background
        self._ready = False
        self._generation = 0
        self.query = QLineEdit()
        self.query.setPlaceholderText(self.tr('搜索全部文章：词语、"短语"、-排除、speaker:姓名'))
        self.query.setClearButtonEnabled(True)
        self.status = QLabel(self.tr("正在载入分词词典和索引…"))
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.results_model = QStandardItemModel()
        self.results = QTreeView()
        self.results.setHeaderHidden(True)
        self.results.setModel(self.results_model)
        self.results.setWordWrap(True)
        self.results.setUniformRowHeights(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.query)
        layout.addWidget(self.status)
        layout.addWidget(self.results)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_query)
        self.query.textChanged.connect(lambda _text: self._timer.start())
        self.query.returnPressed.connect(self.open_first)
        self.results.activated.connect(self.on_result_activated)
        self.results.clicked.connect(self.on_result_activated)

    def focus_query(self) -> None:
        self.query.setFocus()
        self.query.selectAll()

    def load(self, articles: list[Article]) -> None:
        """Brings the index up to date and loads jieba and the index, off the window's thread;
        until then the panel says it is loading."""
        import_engine()  # on this (the GUI) thread: see its docstring

        def load() -> RebuildReason | None:
            report = self._index.update(articles)
            self._index.warm_up()
            return report.rebuilt_because

        self._background.run(load, self._loaded, lambda error: self.set_failed(str(error)))

    def _loaded(self, reason: RebuildReason | None) -> None:
        if reason is None or reason.expected:
            self.set_ready()
        else:
            shown = QCoreApplication.translate("RebuildReason", REBUILD_REASONS.get(reason, reason.value))
            self.set_ready(self.tr("索引已重建（{reason}）").format(reason=shown))

    def set_ready(self, message: str | None = None) -> None:
        """The index is loaded: searches can run (and the pending one does)."""
        self._ready = True
        self.status.setText(message or self.tr("输入即搜索"))
        if self.query.text().strip():
            self.run_query()

    def set_failed(self, message: str) -> None:
        self.status.setText(self.tr("搜索不可用：{reason}").format(reason=message))

    @Slot()
    def run_query(self) -> None:
        text = self.query.text()
        if not self._ready:
            return
        self._generation += 1
        generation = self._generation
        if not text.strip():
            self.results_model.clear()
            self.status.setText(self.tr("输入即搜索"))
            return
        self._background.run(
            lambda: self._index.search(text, limit=200),
            lambda hits: self._show(generation, text, hits),
            lambda error: self.status.setText(self.tr("搜索出错：{reason}").format(reason=error)),
        )

    def _show(self, generation: int, text: str, hits: list[Hit]) -> None:
        if generation != self._generation:
            return  # an older query finished after a newer one started
        self.results_model.clear()
        groups: dict[str, QStandardItem] = {}
        for hit in hits:
            group = groups.get(hit.article)
            if group is None:
                group = QStandardItem(self._titles(hit.article))
                group.setEditable(False)
                groups[hit.article] = group
                self.results_model.appendRow(group)
            where = " · ".join(filter(None, [hit.speaker]))
            item = QStandardItem((f"{where}：" if where else "") + marked_snippet(hit))
            item.setData(hit, HitRole)
            item.setEditable(False)
            item.setToolTip(tooltip(hit.text[:400]))
            group.appendRow(item)
        self.results.expandAll()
        self.status.setText(
            self.tr("{hits} 条结果，{articles} 篇文章").format(hits=len(hits), articles=len(groups))
            if hits
            else self.tr("没有找到“{query}”").format(query=text)
        )

    def first_hit_index(self) -> QModelIndex | None:
        if self.results_model.rowCount() == 0:
            return None
        group = self.results_model.index(0, 0)
        return self.results_model.index(0, 0, group)

    @Slot()
    def open_first(self) -> None:
        self._timer.stop()
        index = self.results.currentIndex()
        if not index.isValid() or index.data(HitRole) is None:
            index = self.first_hit_index() or QModelIndex()
        if index.isValid():
            self.on_result_activated(index)

    @Slot(QModelIndex)
    def on_result_activated(self, index: QModelIndex) -> None:
        hit = index.data(HitRole)
        if hit is not None:
            self.hit_chosen.emit(hit)
