"""The main window: the reader in the middle, the library, outline, annotations, search and find
docks around it, every action in a menu. It only wires: each dock is a panel that owns its
widgets and speaks in signals of intent, the core (the session's library, annotations and search
index) does the work, and ``_connect`` joins the two in one place.

Start-up comes in two steps, so that the last article is on screen as early as possible: the
shell (reader, menus, the docks' frames at their saved places) with the article and its
highlights, then, after that first paint, ``build_panels``: the one place where the panels'
modules are imported late. Qt's namespace (``Qt.…``) waits there too: PySide creates its ~95
enums all at once on first use, and a window restored from the last session needs none of
them before the first paint.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QTimer, Slot
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMessageBox

from desktop_app.annotations.model import Placed
from desktop_app.annotations.service import Annotations
from desktop_app.corpus.library import Library
from desktop_app.errors import ReaderError
from desktop_app.session import Session
from desktop_app.ui.actions import MainAction, Menu
from desktop_app.ui.read_only_mark import ReadOnlyMark
from desktop_app.ui.reader_view import ReaderView
from desktop_app.ui.theme import Theme, add_theme_menu, apply_theme
from desktop_app.ui.window_settings import WindowSettings
from desktop_app.ui.workers import Background

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from desktop_app.search.index import SearchIndex
    from desktop_app.ui.annotating import Annotating
    from desktop_app.ui.annotations_panel import AnnotationsPanel
    from desktop_app.ui.correcting import Correcting
    from desktop_app.ui.file_actions import FileActions
    from desktop_app.ui.find_bar import FindBar
    from desktop_app.ui.help_actions import HelpActions
    from desktop_app.ui.history import History
    from desktop_app.ui.library_panel import LibraryPanel
    from desktop_app.ui.navigation import Navigation
    from desktop_app.ui.outline_panel import OutlinePanel
    from desktop_app.ui.reader_controls import ReaderControls
    from desktop_app.ui.search_panel import SearchPanel
    from desktop_app.ui.user_actions import UserActions
    from desktop_app.ui.view_options import ViewOptions


READER_MIN_WIDTH = 420  # px: about 20 characters at the default size, with the margins


class MainWindow(QMainWindow):
    """``build_panels_now=False`` leaves the docks empty and the menus without actions until
    ``build_panels`` is called: the launch does that right after the first paint; everything
    else wants the whole window at once."""

    def __init__(self, session: Session, settings: QSettings | None = None, build_panels_now: bool = True) -> None:
        super().__init__()
        self.session = session
        self.settings = WindowSettings(settings or QSettings("aigc-reader", f"reader-{session.user}"))
        self.background = Background(self)
        self._place_timer = QTimer(self)  # the place is kept a second after scrolling stops
        self._place_timer.setSingleShot(True)
        self._place_timer.setInterval(1000)
        self._place_timer.timeout.connect(self.remember_place)
        self.panels_built = False
        self.read_only_mark = ReadOnlyMark(self)
        self.read_only_mark.show()
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
        self.menus = {menu: self.menuBar().addMenu(menu.title) for menu in Menu}  # the first paint has them
        self.statusBar()  # and the status bar (the progress mark): nothing moves when the panels arrive
        self.menu_actions: dict[MainAction, QAction] = {}
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

        from desktop_app.ui.annotating import Annotating
        from desktop_app.ui.annotations_panel import AnnotationsPanel
        from desktop_app.ui.correcting import Correcting
        from desktop_app.ui.file_actions import FileActions
        from desktop_app.ui.find_bar import FindBar
        from desktop_app.ui.help_actions import HelpActions
        from desktop_app.ui.history import History
        from desktop_app.ui.library_panel import LibraryPanel
        from desktop_app.ui.navigation import Navigation
        from desktop_app.ui.outline_panel import OutlinePanel
        from desktop_app.ui.reader_controls import ReaderControls
        from desktop_app.ui.search_panel import SearchPanel
        from desktop_app.ui.user_actions import UserActions
        from desktop_app.ui.view_options import ViewOptions

        self.search_index: SearchIndex = self.session.search_index  # whoosh's imports wait for the first paint
        self.library_panel: LibraryPanel = LibraryPanel(self.library.articles(), self.annotations.counts_by_article())
        self.outline: OutlinePanel = OutlinePanel()
        self.annotations_panel: AnnotationsPanel = AnnotationsPanel()
        self.search_panel: SearchPanel = SearchPanel(
            self.search_index, self._title_of, self.background, lambda: self.annotations.list(), self._block_text
        )
        self.find_bar: FindBar = FindBar(self.reader)
        for dock, panel in (
            (self.library_dock, self.library_panel),
            (self.outline_dock, self.outline),
            (self.annotations_dock, self.annotations_panel),
            (self.search_dock, self.search_panel),
            (self.find_dock, self.find_bar),
        ):
            dock.setWidget(panel)
        self.annotating: Annotating = Annotating(self)
        self.correcting: Correcting = Correcting(self)
        self.history: History = History(self)
        self.view_options: ViewOptions = ViewOptions(self)
        self.navigation: Navigation = Navigation(self)
        self.files: FileActions = FileActions(self)
        self.users: UserActions = UserActions(self)
        self.help: HelpActions = HelpActions(self)
        self._build_menus()
        self.reader_controls: ReaderControls = ReaderControls(self.reader, self.menu_actions[MainAction.FIND], self)
        self._connect()
        self._watch = QTimer(self)  # annotations changed by the CLI or another window show within a second
        self._watch.setInterval(1000)
        self._watch.timeout.connect(self._show_changes_made_elsewhere)
        self.annotations.changed_elsewhere()  # the version seen now
        self._watch.start()
        self.panels_built = True
        article = self.reader.article
        if article is not None:
            self.library_panel.select(article.id)
            self.outline.show_article(article)
            self.refresh_annotations(redraw=False)  # the first paint drew them
            self.navigation.on_reader_scrolled(0)

    def _dock(self, name: str, title: str) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock-{name}")  # what saveState and restoreState know it by
        return dock

    def _build_menus(self) -> None:
        from desktop_app.ui.actions import build_actions
        from desktop_app.ui.typography_menu import add_typography_menu

        self.menu_actions = build_actions(
            self,
            self.menus,
            {
                MainAction.IMPORT: self.files.choose_and_import,
                MainAction.EXPORT: self.files.choose_and_export,
                MainAction.COPY_MARKDOWN: self.files.copy_markdown,
                MainAction.SWITCH_USER: self.users.choose_user,
                MainAction.QUIT: self.close,
                MainAction.UNDO: self.history.undo,
                MainAction.REDO: self.history.redo,
                MainAction.HIGHLIGHT: lambda: self.reader_controls.highlight(),
                MainAction.HIGHLIGHT_SENTENCES: lambda: self.reader_controls.highlight(whole_sentences=True),
                MainAction.FIND: self.navigation.find,
                MainAction.FIND_NEXT: lambda: self.find_bar.step(backwards=False),
                MainAction.FIND_PREVIOUS: lambda: self.find_bar.step(backwards=True),
                MainAction.SEARCH: self.navigation.focus_search,
                MainAction.BACK: self.navigation.back,
                MainAction.FORWARD: self.navigation.forward,
                MainAction.ZOOM_IN: lambda: self.navigation.zoom(1),
                MainAction.ZOOM_OUT: lambda: self.navigation.zoom(-1),
                MainAction.ZOOM_RESET: lambda: self.navigation.zoom(0),
                MainAction.FOCUS_SPEAKER: self.navigation.toggle_focus,
                MainAction.READING_MODE: self.view_options.toggle_reading_mode,
                MainAction.SHOW_REMOVED: lambda: self.view_options.show_removed(
                    self.menu_actions[MainAction.SHOW_REMOVED].isChecked()
                ),
                MainAction.SHORTCUTS: self.help.show_shortcuts,
                MainAction.OPEN_LOG: self.help.open_log_folder,
            },
        )
        for action in self.menu_actions.values():
            self.addAction(action)  # shortcuts work with the menu bar hidden too
        self.menu_actions[MainAction.SHOW_REMOVED].setCheckable(True)
        view = self.menus[Menu.VIEW]
        self.theme_actions = add_theme_menu(view, self.theme, self.set_theme)
        add_typography_menu(view, self.reader.typography, self.view_options.set_typography)
        view.addSeparator()
        for dock in (self.library_dock, self.outline_dock, self.annotations_dock, self.search_dock):
            view.addAction(dock.toggleViewAction())

    def _connect(self) -> None:
        self.library_panel.article_chosen.connect(self.on_article_chosen)
        self.outline.block_chosen.connect(self.navigation.jump_to_block)
        self.outline.focus_requested.connect(self.navigation.on_focus_speaker)
        self.reader.verticalScrollBar().valueChanged.connect(self.navigation.on_reader_scrolled)
        self.reader.verticalScrollBar().valueChanged.connect(lambda _value: self._place_timer.start())
        self.reader.highlight_clicked.connect(self.annotating.on_highlight_clicked)
        self.reader_controls.highlight_requested.connect(self.annotating.on_highlight_requested)
        self.reader_controls.note_requested.connect(self.annotating.on_note_requested)
        self.reader_controls.nothing_selected.connect(self.annotating.on_nothing_selected)
        self.search_panel.hit_chosen.connect(self.navigation.on_hit_chosen)
        self.search_panel.annotation_chosen.connect(self.annotating.on_annotation_found)
        self.search_panel.speaker_focus_requested.connect(self.navigation.on_speaker_found)
        # One 简繁 switch for search and find, remembered.
        for switch in self._scripts_switches():
            switch.setChecked(self.settings.across_scripts)
            switch.toggled.connect(self._set_across_scripts)
        self.annotations_panel.passage_requested.connect(self.annotating.on_passage_requested)
        self.annotations_panel.edit_requested.connect(self.annotating.on_edit_requested)
        self.annotations_panel.delete_requested.connect(self.annotating.on_delete_requested)
        self.annotations_panel.listing_changed.connect(self.refresh_annotations)
        self.find_bar.counted.connect(self.navigation.on_find_counted)
        self.find_bar.closed.connect(self.navigation.close_find)
        self.reader_controls.paragraph_menu = self.correcting.paragraph_menu
        self.reader_controls.removed_menu = self.correcting.removed_menu
        self.reader_controls.selection_menu = self.annotating.reattach_entry
        self.outline.speaker_menu_requested.connect(self.correcting.show_speaker_menu)
        self.outline.topic_menu_requested.connect(self.correcting.show_topic_menu)
        self.outline.fix_requested.connect(self.correcting.apply)

    def _scripts_switches(self) -> tuple[QAction, QAction]:
        return self.search_panel.across_scripts, self.find_bar.across_scripts

    def _set_across_scripts(self, on: bool) -> None:
        self.settings.across_scripts = on
        for switch in self._scripts_switches():
            if switch.isChecked() != on:
                switch.setChecked(on)

    def start_background_loading(self) -> None:
        """jieba and the index load off the start-up path; the search dock says so meanwhile."""
        self.search_panel.load(self.library.articles())

    # -- settings ---------------------------------------------------------------------------
    def _restore_settings(self) -> None:
        if (geometry := self.settings.geometry) is not None:
            self.restoreGeometry(geometry)
        if (state := self.settings.window_state) is not None:
            self.restoreState(state)  # places the docks it names, though none was added yet
        docks = [self.library_dock, self.outline_dock, self.annotations_dock, self.search_dock, self.find_dock]
        unplaced = [dock for dock in docks if self.layout().indexOf(dock) < 0]
        if unplaced:
            from desktop_app.ui.dock_layout import place_docks_by_default

            place_docks_by_default(self, unplaced)
        self.set_theme(self.settings.theme)
        self.reader.point_size = self.settings.point_size
        self.reader.typography = self.settings.typography
        last = self.settings.last_place  # the article; its place is in the user's database
        if last is not None and self.open_passage(last[0], None if self._stored_place(last[0]) else last[1]):
            return
        articles = self.library.articles()
        if articles:
            self.show_article(articles[0].id)

    def save_settings(self) -> None:
        article = self.reader.article
        place = (article.id, self.reader.first_visible_block()) if article is not None else None
        self.settings.save(self.saveGeometry(), self.saveState(), self.reader.point_size, place)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self.panels_built:
            self.annotations_panel.flush()  # a note typed a moment ago is saved before the window goes
        self.remember_place()
        self.save_settings()
        self.search_index.stop_writer()  # a build in a child process; the next start builds again
        self.background.close(10_000)
        super().closeEvent(event)

    # -- reading ----------------------------------------------------------------------------
    def _title_of(self, article_id: str) -> str:
        try:
            return self.library.get(article_id).title
        except ReaderError:
            return article_id

    def _block_text(self, article_id: str, block: int) -> str:
        try:
            blocks = self.library.get(article_id).blocks
        except ReaderError:
            return ""
        return blocks[block].text if 0 <= block < len(blocks) else ""

    def current_placed(self) -> list[Placed]:
        return [] if self.reader.article is None else self.annotations.list(self.reader.article.id)

    def open_passage(self, article_id: str, block: int | None) -> bool:
        """Shows the article at the block (as an aigc-reader://open link asks), or, for None, where
        this user left it."""
        try:
            self.library.get(article_id)
        except ReaderError:
            return False
        if self.reader.article is None or self.reader.article.id != article_id:
            self.show_article(article_id)
        if block is not None:
            self._go_to_place(article_id, (block, 0.0))
        return True

    def show_article(self, article_id: str) -> None:
        """Shows the article where this user left it (the place of the one left is kept first)."""
        article = self.library.get(article_id)
        self.remember_place()
        if (
            self.reader.focused_blocks is not None
            and self.reader.article is not None
            and self.reader.article.id != article_id
        ):
            self.statusBar().clearMessage()  # the focus ends with its article
        if not self.panels_built:
            self.reader.show_article(article, self.annotations.list(article.id))
        else:
            self.reader.show_article(article, [])  # refresh_annotations below draws the highlights, once
            self.library_panel.select(article_id)
            self.outline.show_article(article)
            self.refresh_annotations()
        self._go_to_place(article_id, self._stored_place(article_id))
        if self.panels_built:
            self.navigation.on_reader_scrolled(0)  # the progress mark and the outline, at once

    def _go_to_place(self, article_id: str, place: tuple[int, float] | None) -> None:
        """Now, and once more when the event loop turns: before the window is shown its
        scroll range is still empty, and the first resize lays the text out anew."""
        self.reader.go_to_place(place)
        if place is not None:
            QTimer.singleShot(
                0,
                lambda: (
                    self.reader.article is not None
                    and self.reader.article.id == article_id
                    and self.reader.go_to_place(place)
                ),
            )

    def _stored_place(self, article_id: str) -> tuple[int, float] | None:
        try:
            return self.annotations.reading_place(article_id)
        except ReaderError:
            return None  # an unreadable store: the title

    def remember_place(self) -> None:
        """Keeps where the user is in the article shown (per user, in their database)."""
        self._place_timer.stop()
        article = self.reader.article
        if article is None or self.annotations.store.read_only:
            return
        try:
            place = self.reader.place()
            if place != self.annotations.reading_place(article.id):  # a write is an fsync: only a change
                self.annotations.remember_reading_place(article.id, place)
        except ReaderError:
            pass  # a full disk: the place is a convenience, never an error to show

    @Slot(str)
    def on_article_chosen(self, article_id: str) -> None:
        if self.reader.article is None or self.reader.article.id != article_id:
            self.show_article(article_id)

    def set_theme(self, theme: Theme) -> None:
        apply_theme(theme)
        self.theme = self.settings.theme = theme
        for name, action in self.theme_actions.items():
            action.setChecked(name == theme)
        self.reader.redraw(self.current_placed())  # the text colours come from the palette

    # -- annotating -------------------------------------------------------------------------
    def refresh_annotations(self, select: str | None = None, redraw: bool = True) -> None:
        """Lists the annotations and redraws the article's highlights (``redraw=False`` when they
        are already drawn, as when the panels arrive after the first paint)."""
        panel, article = self.annotations_panel, self.reader.article
        panel.flush()  # what the editor holds is saved before the list is read
        scope = None if panel.lists_whole_library() or article is None else article.id
        items = self.annotations.list(scope, search=panel.search_text())
        titles = {p.annotation.article: self._title_of(p.annotation.article) for p in items} if scope is None else None
        panel.show_items(items, select, titles)
        self.library_panel.set_annotation_counts(self.annotations.counts_by_article())
        if article is not None and redraw:
            self.reader.draw_highlights(self.annotations.list(article.id))
        self.menu_actions[MainAction.UNDO].setEnabled(self.history.can_undo())
        self.menu_actions[MainAction.REDO].setEnabled(self.history.can_redo())

    def _show_changes_made_elsewhere(self) -> None:
        try:
            changed = self.annotations.changed_elsewhere()
        except ReaderError:
            return  # a store that cannot be read now: the next tick asks again
        if changed:
            self.refresh_annotations()

    def warn(self, title: str, text: str) -> None:
        from PySide6.QtCore import Qt

        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self)
        box.setTextFormat(Qt.TextFormat.PlainText)  # file names and errors, never markup
        self.warning_box = box
        box.exec()

    def run_core(self, action: Callable[[], object]) -> object:
        """Runs a core call; a ReaderError becomes a message box, never a crash."""
        try:
            return action()
        except ReaderError as error:
            self.warn(self.tr("AIGC 阅读器"), str(error))
            return None

    # -- files, users -----------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if event.mimeData().hasUrls() and all(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        files = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.build_panels()
            self.files.import_files(files)

    def use_session(self, session: Session) -> None:
        """Shows this session's annotations instead (another user's, or the ones just restored)."""
        if self.panels_built:
            self.annotations_panel.flush()  # into the user who typed it, before the store changes
        self.remember_place()
        self.session.close()
        self.session = session
        self.read_only_mark.show()
        if self.panels_built:
            self.annotations_panel.clear_editor()
        if self.reader.article is not None:
            self.reader.show_article(self.reader.article, self.current_placed())
        if self.panels_built:
            self.refresh_annotations()

    def offer_restore(self, problem: str) -> None:
        self.build_panels()
        self.users.offer_restore(problem)
