"""The main window: library, reader, and the outline, search and annotations docks, with every
action in a menu with its shortcut. A thin layer: reading, searching and annotating are the
Qt-free core's; this file turns clicks and keys into its calls and shows the results.

Start-up comes in two steps, so that the last article is on screen as early as possible: the
window's frame (reader, menus, the docks' frames at their saved places) with the article and its
highlights, then, after that first paint, the docks' contents (``build_panels``). The panels'
modules are imported there, not here, for the same reason. So is Qt's namespace (``Qt.…``):
PySide creates its ~95 enums all at once on first use, ~15 ms, and a window whose layout is
restored from the last session needs none of them before the first paint.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QItemSelection, QModelIndex, QPoint, QSettings, QTimer, Slot
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QMenu

from desktop_app.annotations.colors import COLORS
from desktop_app.annotations.model import Placed, now_iso
from desktop_app.annotations.service import Annotations
from desktop_app.corpus.focus import speaker_focus_blocks
from desktop_app.corpus.library import ImportOutcome, Library
from desktop_app.errors import ReaderError
from desktop_app.files import write_atomically
from desktop_app.paths import is_valid_user_name
from desktop_app.session import Session
from desktop_app.ui.plain_text import rich, tooltip
from desktop_app.ui.reader_view import DEFAULT_POINT_SIZE, ReaderView, color_swatch, highlight_label
from desktop_app.ui.theme import THEMES, apply_theme
from desktop_app.ui.workers import Background

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QKeySequence
    from PySide6.QtWidgets import QLabel, QLineEdit

    from desktop_app.search.index import Hit, SearchIndex
    from desktop_app.ui.annotations_panel import AnnotationsPanel
    from desktop_app.ui.library_panel import LibraryPanel
    from desktop_app.ui.outline_panel import OutlinePanel
    from desktop_app.ui.search_panel import SearchPanel
    from desktop_app.ui.selection_toolbar import SelectionToolbar


READER_MIN_WIDTH = 420  # px: about 20 characters at the default size, with the margins


class MainWindow(QMainWindow):
    """``build_panels_now=False`` leaves the docks empty and the menus without actions until
    ``build_panels`` is called: the launch does that right after the first paint; everything
    else wants the whole window at once."""

    def __init__(self, session: Session, settings: QSettings | None = None, build_panels_now: bool = True) -> None:
        super().__init__()
        self.session = session
        self.settings = settings or QSettings("aigc-reader", f"reader-{session.user}")
        self.background = Background(self)
        self.highlight_color = "yellow"
        self.panels_built = False
        self.read_only_label: QLabel | None = None
        self._show_user()
        self.setDockNestingEnabled(True)

        self.reader = ReaderView()
        self.reader.setAcceptDrops(False)  # files dropped on the text go to the window: an import
        # The docks give way before the text does: a layout saved on a wider screen, restored on a
        # narrower one, would otherwise keep the docks' widths and squeeze the article to a sliver.
        self.reader.setMinimumWidth(READER_MIN_WIDTH)
        self.setCentralWidget(self.reader)
        self.setAcceptDrops(True)

        # Placed by _restore_settings: where the last session left them, or by default.
        self.library_dock = self._dock("library", self.tr("文库"))
        self.outline_dock = self._dock("outline", self.tr("大纲"))
        self.annotations_dock = self._dock("annotations", self.tr("批注"))
        self.search_dock = self._dock("search", self.tr("搜索"))
        self.find_dock = self._dock("find", self.tr("查找"))

        menu_bar = self.menuBar()  # its menus now, so that the first paint has them; their actions come with the panels
        self._menus = {title: menu_bar.addMenu(title)
                       for title in (self.tr("文件(&F)"), self.tr("编辑(&E)"), self.tr("视图(&V)"), self.tr("帮助(&H)"))}
        self.theme = "system"
        self.theme_actions: dict[str, QAction] = {}
        self.resize(1280, 820)
        self._restore_settings()
        if build_panels_now:
            self.build_panels()

    @property
    def library(self) -> Library:
        return self.session.library

    @property
    def annotations(self) -> Annotations:
        return self.session.annotations

    # -- construction -----------------------------------------------------------------------
    def build_panels(self) -> None:
        """Fills the docks (library, outline, annotations, search, find) and wires them up; once."""
        if self.panels_built:
            return
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QLineEdit

        from desktop_app.ui.annotations_panel import AnnotationsPanel
        from desktop_app.ui.library_panel import LibraryPanel
        from desktop_app.ui.outline_panel import OutlinePanel
        from desktop_app.ui.search_panel import SearchPanel
        from desktop_app.ui.selection_toolbar import SelectionToolbar

        self.search_index: SearchIndex = self.session.search_index  # whoosh's imports wait for the first paint
        self.library_panel: LibraryPanel = LibraryPanel(self.library.articles(), self.annotations.counts_by_article())
        self.outline: OutlinePanel = OutlinePanel()
        self.annotations_panel: AnnotationsPanel = AnnotationsPanel()
        self.search_panel: SearchPanel = SearchPanel(self.search_index, self._title_of, self.background)
        self.find_bar: QLineEdit = QLineEdit()
        self.find_bar.setPlaceholderText(self.tr("在本文中查找（F3 下一个，Shift+F3 上一个，Esc 关闭）"))
        self.find_bar.setClearButtonEnabled(True)
        for dock, panel in ((self.library_dock, self.library_panel), (self.outline_dock, self.outline),
                            (self.annotations_dock, self.annotations_panel), (self.search_dock, self.search_panel),
                            (self.find_dock, self.find_bar)):
            dock.setWidget(panel)
        self.selection_toolbar: SelectionToolbar = SelectionToolbar(self.reader.viewport())
        self.reader.allow_keyboard_selection_and_links()
        self.reader.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self._build_menus()
        self._connect()
        self.panels_built = True
        article = self.reader.article
        if article is not None:
            self.library_panel.select(article.id)
            self.outline.show_article(article)
            self.refresh_annotations(redraw=False)  # the first paint drew them

    def _dock(self, name: str, title: str) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock-{name}")  # what saveState and restoreState know it by
        return dock

    def _place_docks_by_default(self, docks: list[QDockWidget]) -> None:
        """Library and outline on the left, annotations and search tabbed on the right, find at
        the bottom and hidden: a first run's layout, or that of docks the saved one lacks."""
        from PySide6.QtCore import Qt

        areas = {self.library_dock: Qt.DockWidgetArea.LeftDockWidgetArea,
                 self.outline_dock: Qt.DockWidgetArea.LeftDockWidgetArea,
                 self.annotations_dock: Qt.DockWidgetArea.RightDockWidgetArea,
                 self.search_dock: Qt.DockWidgetArea.RightDockWidgetArea,
                 self.find_dock: Qt.DockWidgetArea.BottomDockWidgetArea}
        for dock in docks:
            self.addDockWidget(areas[dock], dock)
        if self.annotations_dock in docks and self.search_dock in docks:
            self.tabifyDockWidget(self.annotations_dock, self.search_dock)
            self.annotations_dock.raise_()
        if self.find_dock in docks:
            self.find_dock.hide()
        if self.library_dock in docks and self.annotations_dock in docks:  # room for the library's columns
            self.resizeDocks([self.library_dock, self.annotations_dock], [440, 360], Qt.Orientation.Horizontal)

    def _action(self, menu_title: str, text: str, shortcut: QKeySequence | str | None, slot: object) -> QAction:
        from PySide6.QtGui import QAction, QKeySequence

        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self._menus[menu_title].addAction(action)
        self.addAction(action)
        return action

    def _build_menus(self) -> None:
        from PySide6.QtGui import QKeySequence

        file_, edit, view, help_ = self._menus
        self.import_action = self._action(file_, self.tr("导入文章…"), QKeySequence.StandardKey.Open, self.on_import)
        self.export_action = self._action(file_, self.tr("导出批注…"), "Ctrl+E", self.on_export)
        self.copy_markdown_action = self._action(file_, self.tr("复制所选批注为 Markdown"), "Ctrl+Shift+C", self.on_copy_markdown)
        self.switch_user_action = self._action(file_, self.tr("切换用户…"), "Ctrl+Shift+U", self.on_switch_user)
        self._action(file_, self.tr("退出"), "Ctrl+Q", self.close)
        self.undo_action = self._action(edit, self.tr("撤销批注改动"), QKeySequence.StandardKey.Undo, self.on_undo)
        self.redo_action = self._action(edit, self.tr("重做批注改动"), "Ctrl+Shift+Z", self.on_redo)
        self.highlight_action = self._action(edit, self.tr("高亮所选文字"), "H", lambda: self.on_highlight(False))
        self.highlight_sentence_action = self._action(edit, self.tr("高亮所选文字（整句）"), "Shift+H",
                                                      lambda: self.on_highlight(True))
        self.find_action = self._action(edit, self.tr("在本文中查找"), QKeySequence.StandardKey.Find, self.on_find)
        self.find_next_action = self._action(edit, self.tr("查找下一个"), "F3", lambda: self.on_find_step(False))
        self.find_previous_action = self._action(edit, self.tr("查找上一个"), "Shift+F3", lambda: self.on_find_step(True))
        self.search_action = self._action(edit, self.tr("搜索全部文章"), "Ctrl+Shift+F", self.on_focus_search)
        self.zoom_in_action = self._action(view, self.tr("放大"), "Ctrl+=", lambda: self.on_zoom(1))
        self.zoom_out_action = self._action(view, self.tr("缩小"), "Ctrl+-", lambda: self.on_zoom(-1))
        self.zoom_reset_action = self._action(view, self.tr("原始大小"), "Ctrl+0", lambda: self.on_zoom(0))
        self.focus_action = self._action(view, self.tr("只看所选发言人"), "Ctrl+Shift+O", self.on_toggle_focus)
        theme_menu = self._menus[view].addMenu(self.tr("主题"))
        for theme, label in zip(THEMES, (self.tr("跟随系统"), self.tr("浅色"), self.tr("深色")), strict=True):
            action = theme_menu.addAction(label)
            action.setCheckable(True)
            action.setChecked(theme == self.theme)
            action.triggered.connect(lambda _checked=False, chosen=theme: self.set_theme(chosen))
            self.theme_actions[theme] = action
        self._menus[view].addSeparator()
        for dock in (self.library_dock, self.outline_dock, self.annotations_dock, self.search_dock):
            self._menus[view].addAction(dock.toggleViewAction())
        self._action(help_, self.tr("键盘快捷键"), QKeySequence.StandardKey.HelpContents, self.on_shortcuts)
        self.open_log_action = self._action(help_, self.tr("打开日志文件夹"), None, self.on_open_log_folder)

    def _connect(self) -> None:
        self.library_panel.view.selectionModel().selectionChanged.connect(self.on_library_selection_changed)
        self.outline.block_chosen.connect(self.reader.scroll_to_block)
        self.outline.focus_requested.connect(self.on_focus_speaker)
        self.reader.verticalScrollBar().valueChanged.connect(self.on_reader_scrolled)
        self.reader.highlight_clicked.connect(self.on_highlight_clicked)
        self.reader.customContextMenuRequested.connect(self.on_reader_context_menu)
        self.reader.selection_finished.connect(self.on_selection_finished)
        self.reader.selectionChanged.connect(self.on_reader_selection_changed)
        self.selection_toolbar.color_chosen.connect(self.highlight_in)
        self.selection_toolbar.note_requested.connect(self.on_highlight_with_note)
        self.search_panel.hit_chosen.connect(self.on_hit_chosen)
        panel = self.annotations_panel
        panel.view.clicked.connect(self.on_annotation_clicked)
        panel.view.selectionModel().currentChanged.connect(self.on_annotation_current_changed)
        panel.filter.textChanged.connect(lambda _text: self.refresh_annotations())
        panel.whole_library.toggled.connect(lambda _on: self.refresh_annotations())
        panel.save.clicked.connect(self.on_save_annotation)
        panel.delete.clicked.connect(self.on_delete_annotation)
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QAction, QKeySequence

        save_note = QAction(self)
        save_note.setShortcut(QKeySequence("Ctrl+Return"))
        save_note.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save_note.triggered.connect(self.on_save_annotation)
        panel.addAction(save_note)
        self.find_bar.textChanged.connect(self.on_find_text)
        self.find_bar.returnPressed.connect(lambda: self.on_find_step(False))

    def start_background_loading(self) -> None:
        """jieba and the index load off the start-up path; the search dock says so meanwhile."""
        from desktop_app.search.index import import_engine

        import_engine()  # on this (the GUI) thread: see its docstring
        articles = self.library.articles()

        def load() -> str | None:
            report = self.search_index.update(articles)
            self.search_index.warm_up()
            return report.rebuilt_because

        self.background.run(load, lambda reason: self.search_panel.set_ready(
            self.tr("索引已重建（{reason}）").format(reason=reason) if reason and reason not in {"no index yet"} else None),
            lambda error: self.search_panel.set_failed(str(error)))

    # -- settings ---------------------------------------------------------------------------
    def _restore_settings(self) -> None:
        geometry = self.settings.value("geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        state = self.settings.value("windowState")
        if isinstance(state, QByteArray):
            self.restoreState(state)  # places the docks it names, though none was added yet
        docks = [self.library_dock, self.outline_dock, self.annotations_dock, self.search_dock, self.find_dock]
        unplaced = [dock for dock in docks if self.layout().indexOf(dock) < 0]
        if unplaced:
            self._place_docks_by_default(unplaced)
        theme = self.settings.value("theme", "system")
        self.set_theme(theme if theme in THEMES else "system")
        size = self.settings.value("pointSize", DEFAULT_POINT_SIZE)
        self.reader.point_size = float(size) if size else DEFAULT_POINT_SIZE
        last = self.settings.value("lastArticle")
        block = self.settings.value("lastBlock")
        if isinstance(last, str) and self.open_passage(last, int(block) if block not in (None, "") else None):
            return
        articles = self.library.articles()
        if articles:
            self.show_article(articles[0].id)

    def save_settings(self) -> None:
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("windowState", self.saveState())
        self.settings.setValue("pointSize", self.reader.point_size)
        if self.reader.article is not None:
            self.settings.setValue("lastArticle", self.reader.article.id)
            block = self.reader.first_visible_block()
            self.settings.setValue("lastBlock", block if block is not None else "")
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self.save_settings()
        self.background.wait(10_000)
        super().closeEvent(event)

    # -- reading ----------------------------------------------------------------------------
    def _title_of(self, article_id: str) -> str:
        try:
            return self.library.get(article_id).title
        except ReaderError:
            return article_id

    def current_placed(self) -> list[Placed]:
        if self.reader.article is None:
            return []
        return self.annotations.list(self.reader.article.id)

    def open_passage(self, article_id: str, block: int | None) -> bool:
        """Shows the article and scrolls to the block (as an aigc-reader://open link asks)."""
        try:
            self.library.get(article_id)
        except ReaderError:
            return False
        if self.reader.article is None or self.reader.article.id != article_id:
            self.show_article(article_id)
        if block is not None:
            QTimer.singleShot(0, lambda: self.reader.scroll_to_block(block))
            self.reader.scroll_to_block(block)
        return True

    def show_article(self, article_id: str) -> None:
        article = self.library.get(article_id)
        if self.reader.focused_blocks is not None and self.reader.article is not None \
                and self.reader.article.id != article_id:
            self.statusBar().clearMessage()  # the focus ends with its article
        if not self.panels_built:
            self.reader.show_article(article, self.annotations.list(article.id))
            return
        self.reader.show_article(article, [])  # refresh_annotations below draws the highlights, once
        self.library_panel.select(article_id)
        self.outline.show_article(article)
        self.refresh_annotations()

    @Slot(QItemSelection, QItemSelection)
    def on_library_selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            panel = self.library_panel
            chosen = panel.model.article_at(panel.proxy.mapToSource(indexes[0]).row()).id
            if self.reader.article is None or self.reader.article.id != chosen:
                self.show_article(chosen)

    @Slot(object)
    def on_focus_speaker(self, speaker: str | None) -> None:
        article = self.reader.article
        if article is None:
            return
        if speaker is None:
            block = self.reader.first_visible_block()
            self.reader.show_only(None)
            if block is not None:
                self.reader.scroll_to_block(block)
            self.statusBar().showMessage(self.tr("显示全文"), 2000)
            return
        shown = speaker_focus_blocks(article, speaker)
        self.reader.show_only(shown)
        if shown:
            self.reader.scroll_to_block(min(shown))  # the first question they answer, or their first turn
        turns = article.turn_counts().get(speaker, 0)
        self.statusBar().showMessage(self.tr("只显示{speaker}的 {turns} 段发言和所答的问题（再按“只看此人”显示全文）")
                                      .format(speaker=speaker, turns=turns))

    def on_toggle_focus(self) -> None:
        self.outline_dock.show()
        self.outline.focus_button.toggle()

    @Slot(int)
    def on_reader_scrolled(self, _value: int) -> None:
        self.selection_toolbar.hide()  # it would float away from its selection
        block = self.reader.first_visible_block()
        if block is not None:
            self.outline.follow(block)

    @Slot(object)
    def on_hit_chosen(self, hit: Hit) -> None:
        self.open_passage(hit.article, hit.block)
        article = self.library.get(hit.article)
        if hit.matches:
            start, end = hit.matches[0]
            base = article.block_starts[hit.block]
            self.reader.select_span(base + start, base + end)

    # -- annotating -------------------------------------------------------------------------
    def refresh_annotations(self, select: str | None = None, redraw: bool = True) -> None:
        """Lists the annotations and redraws the article's highlights (``redraw=False`` when they
        are already drawn, as when the panels arrive after the first paint)."""
        panel = self.annotations_panel
        article = self.reader.article
        if panel.whole_library.isChecked() or article is None:
            items = self.annotations.list(search=panel.filter.text() or None)
        else:
            items = self.annotations.list(article.id, search=panel.filter.text() or None)
        panel.model.set_items(items)
        self.library_panel.model.set_annotation_counts(self.annotations.counts_by_article())
        if article is not None and redraw:
            self.reader.draw_highlights(self.annotations.list(article.id))
        if select is not None:
            row = panel.model.row_of(select)
            if row is not None:
                panel.view.setCurrentIndex(panel.model.index(row))
        self.undo_action.setEnabled(self.annotations.can_undo)
        self.redo_action.setEnabled(self.annotations.can_redo)

    def _warn(self, title: str, text: str) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import (
            QMessageBox,  # not at the top: only a failure needs it, never the start-up
        )

        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self)
        box.setTextFormat(Qt.TextFormat.PlainText)  # file names and errors, never markup
        self.warning_box = box
        box.exec()

    def _run(self, action: object) -> object:
        """Runs a core call; a ReaderError becomes a message box, never a crash."""
        try:
            return action()  # type: ignore[operator]
        except ReaderError as error:
            self._warn(self.tr("AIGC 阅读器"), str(error))
            return None

    def on_highlight(self, whole_sentences: bool) -> None:
        article = self.reader.article
        span = self.reader.selected_span(whole_sentences)
        if article is None or span is None:
            self.statusBar().showMessage(self.tr("先选中要高亮的文字"), 3000)
            return
        placed = self._run(lambda: self.annotations.add(article.id, span[0], span[1], color=self.highlight_color))
        if isinstance(placed, Placed):
            cursor = self.reader.textCursor()
            cursor.clearSelection()
            self.reader.setTextCursor(cursor)
            self.refresh_annotations(select=placed.annotation.id)
            self.statusBar().showMessage(self.tr("已高亮并保存"), 2000)

    def reader_context_menu(self) -> QMenu:
        """The reader's context menu: highlight the selection in a chosen color, copy, find."""
        menu = QMenu(self)
        has_selection = self.reader.selected_span() is not None
        for color in COLORS:
            action = menu.addAction(color_swatch(color), highlight_label(color))
            action.setObjectName(f"highlight-{color}")
            action.setEnabled(has_selection)
            action.triggered.connect(lambda _checked=False, chosen=color: self.highlight_in(chosen))
        menu.addSeparator()
        copy = menu.addAction(self.tr("复制"))
        copy.setEnabled(has_selection)
        copy.triggered.connect(self.reader.copy)
        menu.addAction(self.find_action)
        return menu

    @Slot(QPoint)
    def on_reader_context_menu(self, position: QPoint) -> None:
        self.reader_context_menu().exec(self.reader.mapToGlobal(position))

    @Slot()
    def on_selection_finished(self) -> None:
        if self.reader.selected_span() is not None:
            self.selection_toolbar.show_under(self.reader.selection_rect())

    @Slot()
    def on_reader_selection_changed(self) -> None:
        if not self.reader.textCursor().hasSelection():
            self.selection_toolbar.hide()

    def on_highlight_with_note(self) -> None:
        self.on_highlight(False)
        if self.reader.textCursor().hasSelection():
            return  # nothing was highlighted (the message says why)
        self.annotations_dock.show()
        self.annotations_dock.raise_()
        self.annotations_panel.note.setFocus()

    def highlight_in(self, color: str) -> None:
        self.highlight_color = color  # H uses the color chosen last
        self.on_highlight(False)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if event.mimeData().hasUrls() and all(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        files = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.import_files(files)

    def on_undo(self) -> None:
        if self._run(self.annotations.undo) is not None:
            self.refresh_annotations()

    def on_redo(self) -> None:
        if self._run(self.annotations.redo) is not None:
            self.refresh_annotations()

    def selected_annotation(self) -> Placed | None:
        index = self.annotations_panel.view.currentIndex()
        return self.annotations_panel.model.placed_at(index.row()) if index.isValid() else None

    @Slot(str)
    def on_highlight_clicked(self, annotation_id: str) -> None:
        self.annotations_dock.show()
        self.annotations_dock.raise_()
        row = self.annotations_panel.model.row_of(annotation_id)
        if row is not None:
            self.annotations_panel.view.setCurrentIndex(self.annotations_panel.model.index(row))

    @Slot(QModelIndex)
    def on_annotation_clicked(self, index: QModelIndex) -> None:
        placed = self.annotations_panel.model.placed_at(index.row())
        p = placed.placement
        if p.start is None or p.end is None:
            return
        if self.reader.article is None or self.reader.article.id != placed.annotation.article:
            self.open_passage(placed.annotation.article, p.block)
        self.reader.select_span(p.start, p.end)

    @Slot(QModelIndex, QModelIndex)
    def on_annotation_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        panel = self.annotations_panel
        if not current.isValid():
            return
        annotation = panel.model.placed_at(current.row()).annotation
        panel.note.setPlainText(annotation.note)
        panel.color.setCurrentIndex(max(0, panel.color.findData(annotation.color)))
        panel.tags.setText(" ".join(annotation.tags))

    def on_save_annotation(self) -> None:
        placed = self.selected_annotation()
        if placed is None:
            return
        panel = self.annotations_panel
        result = self._run(lambda: self.annotations.edit(placed.annotation.id, note=panel.note.toPlainText(),
                                                         color=str(panel.color.currentData()),
                                                         tags=panel.tags.text().split()))
        if result is not None:
            self.highlight_color = str(panel.color.currentData())
            self.refresh_annotations(select=placed.annotation.id)
            self.statusBar().showMessage(self.tr("批注已保存"), 2000)

    def on_delete_annotation(self) -> None:
        placed = self.selected_annotation()
        if placed is not None and self._run(lambda: self.annotations.remove(placed.annotation.id)) is not None:
            self.annotations_panel.note.clear()
            self.refresh_annotations()
            self.statusBar().showMessage(self.tr("批注已删除（Ctrl+Z 撤销）"), 3000)

    # -- find in the article ----------------------------------------------------------------
    def on_find(self) -> None:
        self.find_dock.show()
        self.find_bar.setFocus()
        self.find_bar.selectAll()

    def on_find_text(self, text: str) -> None:
        from PySide6.QtGui import QColor, QTextCursor, QTextDocument
        from PySide6.QtWidgets import QTextEdit

        selections = []
        if text:
            document = self.reader.document()
            cursor = document.find(text, 0)
            while not cursor.isNull() and len(selections) < 5000:
                selection = QTextEdit.ExtraSelection()
                selection.cursor = cursor  # type: ignore[attr-defined]
                selection.format.setBackground(QColor("#ffb74d"))  # type: ignore[attr-defined]
                selections.append(selection)
                cursor = document.find(text, cursor, QTextDocument.FindFlag(0))
            start = QTextCursor(document)
            self.reader.setTextCursor(start)
        self.reader.setExtraSelections(selections)
        self.find_matches = len(selections)
        self.statusBar().showMessage(self.tr("{count} 处匹配").format(count=len(selections)) if text else "", 3000)
        if selections:
            self.on_find_step(False)

    def on_find_step(self, backwards: bool) -> None:
        from PySide6.QtGui import QTextDocument

        text = self.find_bar.text()
        if not text:
            return
        flags = QTextDocument.FindFlag.FindBackward if backwards else QTextDocument.FindFlag(0)
        if not self.reader.find(text, flags):
            cursor = self.reader.textCursor()
            cursor.movePosition(cursor.MoveOperation.End if backwards else cursor.MoveOperation.Start)
            self.reader.setTextCursor(cursor)
            self.reader.find(text, flags)

    def on_focus_search(self) -> None:
        self.search_dock.show()
        self.search_dock.raise_()
        self.search_panel.query.setFocus()
        self.search_panel.query.selectAll()

    def on_zoom(self, step: int) -> None:
        size = DEFAULT_POINT_SIZE if step == 0 else self.reader.point_size + step
        self.reader.set_point_size(size, self.current_placed())

    def set_theme(self, theme: str) -> None:
        apply_theme(theme)
        self.theme = theme
        self.settings.setValue("theme", theme)
        for name, action in self.theme_actions.items():
            action.setChecked(name == theme)
        if self.reader.article is not None:  # the text colors come from the palette
            block = self.reader.first_visible_block()
            self.reader.show_article(self.reader.article, self.current_placed())
            if block is not None:
                self.reader.scroll_to_block(block)

    # -- files ------------------------------------------------------------------------------
    def on_import(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        files, _ = QFileDialog.getOpenFileNames(self, self.tr("导入文章"), "",
                                                self.tr("文章 (*.txt *.md *.markdown *.html *.htm);;所有文件 (*)"))
        if files:
            self.import_files([Path(f) for f in files])

    def import_files(self, files: list[Path]) -> None:
        """Imports on a worker thread (each file parsed in a worker process under its own time
        and memory limit): the window stays responsive, and a hostile file costs its refusal only."""
        self.build_panels()  # a drop can come before they are (right at start-up)
        self.statusBar().showMessage(self.tr("正在导入 {count} 个文件…").format(count=len(files)))
        self.background.run(lambda: self.library.import_paths(files), self._imported,
                            lambda error: self._warn(self.tr("导入文章"), str(error)))

    def _imported(self, outcomes: list[ImportOutcome]) -> None:
        self.statusBar().clearMessage()
        errors = [f"{o.path.name}: {o.error}" for o in outcomes if o.error]
        self.library_panel.model.set_articles(self.library.articles())
        if errors:
            self._warn(self.tr("导入文章"), self.tr("以下文件没有导入：") + "\n" + "\n".join(errors))
        imported = [o.article.id for o in outcomes if o.article is not None]
        if imported:
            self.open_passage(imported[-1], None)
            self.start_background_loading()

    def export_text(self, format_: str, whole_library: bool) -> str:
        from desktop_app.export.document import export_document

        article = self.reader.article
        article_id = None if whole_library or article is None else article.id
        return export_document(self.annotations, format_, article_id)[0]

    def on_export(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        choices = {self.tr("Markdown，本文 (*.md)"): ("markdown", False),
                   self.tr("Markdown，全部文章 (*.md)"): ("markdown", True),
                   self.tr("Web Annotation JSON，本文 (*.json)"): ("json", False),
                   self.tr("Web Annotation JSON，全部文章 (*.json)"): ("json", True)}
        path, chosen = QFileDialog.getSaveFileName(self, self.tr("导出批注"), self.tr("批注.md"), ";;".join(choices))
        if path:
            self.export_to(Path(path), *choices.get(chosen, ("markdown", False)))

    def export_to(self, path: Path, format_: str, whole_library: bool) -> None:
        try:
            write_atomically(path, self.export_text(format_, whole_library).encode("utf-8"))
        except OSError as error:
            self._warn(self.tr("导出批注"), self.tr("无法写入 {path}：{reason}").format(path=path, reason=error.strerror or error))
            return
        self.statusBar().showMessage(self.tr("已导出到 {path}").format(path=path), 4000)

    def on_copy_markdown(self) -> None:
        placed = self.selected_annotation()
        items = [placed] if placed else self.annotations_panel.model.items()
        if items:
            from desktop_app.export.markdown import render_markdown

            QApplication.clipboard().setText(render_markdown(items, self.annotations.article_or_none, self.annotations.user,
                                                             now_iso()))
            self.statusBar().showMessage(self.tr("已复制为 Markdown"), 2000)

    def on_switch_user(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        name, accepted = QInputDialog.getText(self, self.tr("切换用户"), self.tr("用户名（字母、数字、. _ @ -）："),
                                              text=self.annotations.user)
        if accepted:
            self.switch_user(name.strip())

    def switch_user(self, name: str) -> bool:
        """Shows another user's annotations (their own database); False if that cannot be done."""
        if name == self.session.user:
            return False
        if not is_valid_user_name(name):
            self._warn(self.tr("切换用户"), self.tr("用户名“{name}”不可用：请只用字母、数字和 . _ @ -").format(name=name))
            return False
        opened = self._run(lambda: self.session.for_user(name))
        if not isinstance(opened, Session):
            return False
        self.use_session(opened)
        self.statusBar().showMessage(self.tr("已切换到用户 {name}").format(name=name), 3000)
        return True

    def use_session(self, session: Session) -> None:
        """Shows this session's annotations instead (another user's, or the ones just restored)."""
        self.session.close()
        self.session = session
        self._show_user()
        if self.panels_built:
            self.annotations_panel.note.clear()
        if self.reader.article is not None:
            self.reader.show_article(self.reader.article, self.current_placed())
        if self.panels_built:
            self.refresh_annotations()

    def _show_user(self) -> None:
        """The title names the user; annotations that cannot be saved (a read-only folder, a full
        disk, a store waiting for its restore) say so where it stays in sight, not in a passing message."""
        why = self.annotations.store.read_only
        title = self.tr("AIGC 阅读器 — {user}").format(user=self.annotations.user)
        self.setWindowTitle(title + self.tr("（只读）") if why else title)
        if why and self.read_only_label is None:
            from PySide6.QtWidgets import QLabel

            self.read_only_label = QLabel(self.tr("批注只读：无法保存"))
            self.statusBar().addPermanentWidget(self.read_only_label)
        if self.read_only_label is not None:
            self.read_only_label.setVisible(bool(why))
            self.read_only_label.setToolTip(tooltip(why))

    def offer_restore(self, problem: str) -> None:
        """Says, without blocking the window, that the annotations could not be opened; its
        Restore button brings them back."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("批注数据库"),
                          self.tr("批注数据库无法打开。在恢复之前，新的高亮和笔记无法保存。"),
                          QMessageBox.StandardButton.NoButton, self)
        box.setTextFormat(Qt.TextFormat.PlainText)  # paths and SQLite's words, never markup
        box.setInformativeText(rich(problem))  # where the damaged file was kept, which backup restores
        restore_button = box.addButton(self.tr("立即恢复"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("稍后"), QMessageBox.ButtonRole.RejectRole)
        box.setModal(False)

        def on_clicked(button: object) -> None:
            if button is restore_button:
                restored = self._run(self.session.restore)
                if isinstance(restored, tuple):
                    self.use_session(restored[0])
                    self.statusBar().showMessage(self.tr("批注已恢复"), 5000)

        box.buttonClicked.connect(on_clicked)
        self.restore_box = box
        box.show()

    def on_open_log_folder(self) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        folder = self.session.paths.log_dir
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def on_shortcuts(self) -> None:
        from desktop_app.ui.shortcuts_dialog import ShortcutsDialog

        panel = self.tr("面板")  # keys that act inside one panel, not from a menu
        panel_keys = [(panel, self.tr("保存笔记（批注面板）"), "Ctrl+Enter"),
                      (panel, self.tr("打开第一个结果（搜索面板）"), "Enter"), (panel, self.tr("关闭查找栏"), "Esc")]
        self.shortcuts_dialog = ShortcutsDialog(self.menuBar(), panel_keys, self)
        self.shortcuts_dialog.show()
