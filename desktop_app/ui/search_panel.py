"""The search dock: results as you type (debounced, searched off the main thread).

Three kinds of rows: the user's own annotations that match (a 批注 group, first: the fewest and
the most specific), then the articles' hits grouped by article; inside an article, a speaker
whose name or affiliation matched gets a row of their own ("李笛 · 2 段发言") that shows only
their turns. Snippets start just before the first match, and every match is bold on the
theme's highlight colour, in the list and in the tooltip.

Signals:
    hit_chosen(object): a ``Hit`` the user opened (Enter or click).
    annotation_chosen(object): the ``Placed`` of an annotation hit the user opened.
    speaker_focus_requested(str, str): article id and speaker name: show only their turns.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QBrush,
    QColor,
    QPainter,
    QPalette,
    QResizeEvent,
    QStandardItem,
    QStandardItemModel,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.annotations.colors import color_named
from desktop_app.annotations.model import Placed
from desktop_app.corpus.model import Article
from desktop_app.search import snippets
from desktop_app.search.annotation_search import AnnotationHit, search_annotations
from desktop_app.search.build_process import update_aside
from desktop_app.search.index import Hit, HitPart, RebuildReason, SearchIndex, engine_to_import, import_engine
from desktop_app.ui.plain_text import tooltip
from desktop_app.ui.scripts_switch import add_scripts_switch
from desktop_app.ui.workers import Background

DEBOUNCE_MS = 180
SNIPPET_BEFORE, SNIPPET_WIDTH = 12, 90  # a dock is narrow: the match belongs on the first line
TOOLTIP_BEFORE, TOOLTIP_WIDTH = 120, 400
# A speaker-line hit is shown with how its turn opens: a speaker's turns share the same line,
# and the opening is what tells them apart.
TURN_OPENING_CHARS, TURN_OPENING_TOOLTIP_CHARS = 24, 200
# Why the index was rebuilt, as the window says it (the values are the CLI's English).
REBUILD_REASONS = {
    RebuildReason.FOLDER_REPLACED: QT_TRANSLATE_NOOP("RebuildReason", "索引文件夹被一个文件替换了"),
    RebuildReason.OLDER_VERSION: QT_TRANSLATE_NOOP("RebuildReason", "索引来自旧版本"),
    RebuildReason.SCRIPTS_CHANGED: QT_TRANSLATE_NOOP("RebuildReason", "简繁转换表已更新"),
    RebuildReason.METADATA_DAMAGED: QT_TRANSLATE_NOOP("RebuildReason", "索引的元数据缺失或损坏"),
    RebuildReason.HALF_WRITTEN: QT_TRANSLATE_NOOP("RebuildReason", "索引上次没有写完"),
    RebuildReason.TABLE_DAMAGED: QT_TRANSLATE_NOOP("RebuildReason", "索引的段落表损坏"),
    RebuildReason.TABLE_OUT_OF_STEP: QT_TRANSLATE_NOOP("RebuildReason", "索引的段落表与文章不一致"),
    RebuildReason.FILES_MISSING: QT_TRANSLATE_NOOP("RebuildReason", "索引文件缺失"),
    RebuildReason.FILES_DAMAGED: QT_TRANSLATE_NOOP("RebuildReason", "索引文件损坏"),
}
HitRole = Qt.ItemDataRole.UserRole + 1
AnnotationRole = Qt.ItemDataRole.UserRole + 2
SpeakerRole = Qt.ItemDataRole.UserRole + 3  # (article id, speaker name)
HtmlRole = Qt.ItemDataRole.UserRole + 4
_OPEN, _CLOSE = "\ue000", "\ue001"  # private-use marks: never in text, replaced by tags after escaping


def marked_html(
    text: str, matches: list[tuple[int, int]], background: str, before: int = SNIPPET_BEFORE, width: int = SNIPPET_WIDTH
) -> str:
    """The snippet as HTML: every character escaped, every match bold on the background colour."""
    marked = escape(snippets.marked(text, matches, _OPEN, _CLOSE, width=width, before=before))
    return marked.replace(_OPEN, f"<b style='background-color:{background}'>").replace(_CLOSE, "</b>")


def marked_snippet(text: str, matches: list[tuple[int, int]]) -> str:
    """The snippet with its matches in 【】 (the row's plain text, for accessibility and tests)."""
    return snippets.marked(text, matches, width=SNIPPET_WIDTH, before=SNIPPET_BEFORE)


def as_selected(document: QTextDocument, color: QColor) -> None:
    """The whole text in the selection's text colour, on no colour of its own: grey names and
    openings, and white on a match's yellow, were hard to read on the selection's blue. A
    match stays bold."""
    cursor = QTextCursor(document)
    cursor.select(QTextCursor.SelectionType.Document)
    plain = QTextCharFormat()
    plain.setForeground(QBrush(color))
    plain.setBackground(QBrush(Qt.GlobalColor.transparent))
    cursor.mergeCharFormat(plain)


class RichTextDelegate(QStyledItemDelegate):
    """Draws rows that carry HTML (``HtmlRole``) as wrapped rich text, the others as usual."""

    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self._view = view

    def _document(self, html: str, index: QModelIndex, option: QStyleOptionViewItem) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)  # type: ignore[attr-defined]
        document.setDocumentMargin(2)
        document.setHtml(html)
        document.setTextWidth(self._width(index))
        return document

    def _width(self, index: QModelIndex) -> float:
        depth, parent = 0, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        return max(80.0, self._view.viewport().width() - self._view.indentation() * (depth + 1) - 4)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        html = index.data(HtmlRole)
        if not html:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        option.text = ""  # type: ignore[attr-defined]
        widget = option.widget  # type: ignore[attr-defined]
        style = widget.style() if widget else self._view.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        document = self._document(str(html), index, option)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))  # type: ignore[attr-defined]
        if selected:
            as_selected(document, option.palette.color(role))  # type: ignore[attr-defined]
        painter.save()
        rect = option.rect  # type: ignore[attr-defined]
        painter.translate(rect.topLeft())
        painter.setClipRect(rect.translated(-rect.topLeft()))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802 - Qt's name
        html = index.data(HtmlRole)
        if not html:
            return super().sizeHint(option, index)
        document = self._document(str(html), index, option)
        return QSize(int(document.textWidth()), int(document.size().height()) + 2)


class ResultsView(QTreeView):
    """Rows wrap to the view's width: a new width lays them out again."""

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.scheduleDelayedItemsLayout()


class SearchPanel(QWidget):
    hit_chosen = Signal(object)
    annotation_chosen = Signal(object)
    speaker_focus_requested = Signal(str, str)
    _indexed = Signal(int, int)  # emitted on the indexing thread, shown on this one (a queued connection)

    def __init__(
        self,
        index: SearchIndex,
        titles: Callable[[str], str],
        background: Background,
        annotations: Callable[[], list[Placed]] = list,
        block_text: Callable[[str, int], str] | None = None,
    ) -> None:
        super().__init__()
        self._index = index
        self._titles = titles
        self._block_text = block_text or (lambda _article, _block: "")
        self._annotations = annotations
        self._background = background
        self._ready = False
        self._partial = ""  # while the index is being built: how far it has got
        self._generation = 0
        self.query = QLineEdit()
        self.query.setPlaceholderText(self.tr('搜索全部文章和批注：词语、"短语"、-排除、speaker:姓名'))
        self.query.setClearButtonEnabled(True)
        self.across_scripts = add_scripts_switch(self.query, self)
        self.status = QLabel(self.tr("正在载入分词词典和索引…"))
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.results_model = QStandardItemModel()
        self.results = ResultsView()
        self.results.setHeaderHidden(True)
        self.results.setModel(self.results_model)
        self.results.setWordWrap(True)
        self.results.setUniformRowHeights(False)
        self.results.setItemDelegate(RichTextDelegate(self.results))
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
        self.across_scripts.toggled.connect(lambda _on: self.run_query())
        self.query.returnPressed.connect(self.open_first)
        self.results.activated.connect(self.on_result_activated)
        self.results.clicked.connect(self.on_result_activated)
        self._indexed.connect(self._show_indexing)

    def _show_indexing(self, done: int, total: int) -> None:
        """A build under way: searches answer over the articles written so far, and say so."""
        if not total or done >= total:
            return
        self._partial = self.tr("正在建立索引：已完成 {done} / {total} 篇，结果可能不全").format(done=done, total=total)
        self._ready = True
        if self.query.text().strip():
            self.run_query()
        else:
            self.status.setText(self._partial)

    def focus_query(self) -> None:
        self.query.setFocus()
        self.query.selectAll()

    def load(self, articles: list[Article]) -> None:
        """Brings the index up to date and loads it, off the window's thread;
        until then the panel says it is loading."""
        self._import_engine_then_load(engine_to_import(), articles)

    def _import_engine_then_load(self, groups: list[tuple[str, ...]], articles: list[Article]) -> None:
        # The engine's modules are imported on this (the GUI) thread (see import_engine), one
        # group an event-loop turn: all at once, they stalled the window ~0.25 s as it opened.
        if groups:
            import_engine(groups[:1])
            QTimer.singleShot(0, self, lambda: self._import_engine_then_load(groups[1:], articles))
            return

        def load() -> RebuildReason | None:
            report = update_aside(self._index, articles, progress=self._indexed.emit)  # a long one in a child process
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
        self._partial = ""
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
        across = self.across_scripts.isChecked()
        annotations = self._annotations()  # read here: the store belongs to this thread

        def search() -> tuple[list[Hit], list[AnnotationHit]]:
            return self._index.search(text, limit=200, across_scripts=across), search_annotations(
                annotations, text, across
            )

        self._background.run(
            search,
            lambda found: self._show(generation, text, *found),
            lambda error: self.status.setText(self.tr("搜索出错：{reason}").format(reason=error)),
        )

    def _highlight(self) -> str:
        dark = self.palette().color(QPalette.ColorRole.Base).lightness() < 128
        yellow = color_named("yellow")
        return yellow.dark if dark else yellow.light

    def _row(self, plain: str, html: str, tooltip_html: str) -> QStandardItem:
        item = QStandardItem(plain)
        item.setData(html, HtmlRole)
        item.setToolTip(f"<p style='white-space:pre-wrap'>{tooltip_html}</p>")
        item.setEditable(False)
        return item

    def _hit_row(self, hit: Hit, color: str) -> QStandardItem:
        """A block's snippet after its speaker's name; or a speaker line, then how the turn opens."""
        where = f"{hit.speaker}：" if hit.speaker and hit.part == HitPart.TEXT else ""
        plain, html = where + marked_snippet(hit.text, hit.matches), marked_html(hit.text, hit.matches, color)
        tip = marked_html(hit.text, hit.matches, color, TOOLTIP_BEFORE, TOOLTIP_WIDTH)
        opening = self._block_text(hit.article, hit.block) if hit.part == HitPart.SPEAKER else ""
        if opening:
            plain += f" — {_shortened(opening, TURN_OPENING_CHARS)}"
            html += f"<span style='color:gray'> — {escape(_shortened(opening, TURN_OPENING_CHARS))}</span>"
            tip += f"<br><span style='color:gray'>{escape(_shortened(opening, TURN_OPENING_TOOLTIP_CHARS))}</span>"
        return self._row(plain, f"<span style='color:gray'>{escape(where)}</span>{html}", tip)

    def _show(self, generation: int, text: str, hits: list[Hit], notes: list[AnnotationHit]) -> None:
        if generation != self._generation:
            return  # an older query finished after a newer one started
        self.results_model.clear()
        color = self._highlight()
        if notes:
            group = QStandardItem(self.tr("批注 · {count} 条").format(count=len(notes)))
            group.setEditable(False)
            self.results_model.appendRow(group)
            for note in notes:
                title = self._titles(note.placed.annotation.article)
                snippet = marked_html(note.text, note.matches, color)
                item = self._row(
                    f"{title}：{marked_snippet(note.text, note.matches)}",
                    f"<span style='color:gray'>{escape(title)}</span><br>{snippet}",
                    marked_html(note.text, note.matches, color, TOOLTIP_BEFORE, TOOLTIP_WIDTH),
                )
                item.setData(note.placed, AnnotationRole)
                group.appendRow(item)
        groups: dict[str, QStandardItem] = {}
        speakers: dict[tuple[str, str], int] = {}
        for hit in hits:
            if hit.part == HitPart.SPEAKER and hit.speaker:
                speakers[hit.article, hit.speaker] = speakers.get((hit.article, hit.speaker), 0) + 1
        for hit in hits:
            group = groups.get(hit.article)
            if group is None:
                group = QStandardItem(self._titles(hit.article))
                group.setEditable(False)
                groups[hit.article] = group
                self.results_model.appendRow(group)
                for (article, name), turns in speakers.items():
                    if article == hit.article:
                        focus = QStandardItem(
                            self.tr("{name} · {turns} 段发言（只看此人）").format(name=name, turns=turns)
                        )
                        focus.setData((article, name), SpeakerRole)
                        focus.setToolTip(tooltip(self.tr("只显示{name}的发言").format(name=name)))
                        focus.setEditable(False)
                        group.appendRow(focus)
            item = self._hit_row(hit, color)
            item.setData(hit, HitRole)
            group.appendRow(item)
        self.results.expandAll()
        if hits or notes:
            status = self.tr("{hits} 条结果，{articles} 篇文章").format(hits=len(hits), articles=len(groups))
            if notes:
                status += self.tr("，{notes} 条批注").format(notes=len(notes))
        else:
            status = self.tr("没有找到“{query}”").format(query=text)
        self.status.setText(f"{status}（{self._partial}）" if self._partial else status)

    def first_hit_index(self) -> QModelIndex | None:
        """The first row that opens something (an annotation, a speaker or a hit)."""
        for group_row in range(self.results_model.rowCount()):
            group = self.results_model.index(group_row, 0)
            if self.results_model.rowCount(group):
                return self.results_model.index(0, 0, group)
        return None

    @Slot()
    def open_first(self) -> None:
        self._timer.stop()
        index = self.results.currentIndex()
        if not index.isValid() or index.parent() == QModelIndex():
            index = self.first_hit_index() or QModelIndex()
        if index.isValid():
            self.on_result_activated(index)

    @Slot(QModelIndex)
    def on_result_activated(self, index: QModelIndex) -> None:
        hit, placed, speaker = index.data(HitRole), index.data(AnnotationRole), index.data(SpeakerRole)
        if hit is not None:
            self.hit_chosen.emit(hit)
        elif placed is not None:
            self.annotation_chosen.emit(placed)
        elif speaker is not None:
            self.speaker_focus_requested.emit(*speaker)


def _shortened(text: str, size: int) -> str:
    text = " ".join(text.split())  # one line
    return text if len(text) <= size else text[:size].rstrip() + "…"
