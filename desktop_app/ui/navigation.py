"""Moving through the text: focus on one speaker, the outline following the reader, opening a
search hit, find in the article, the search box, the text size."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot

from desktop_app.corpus.focus import speaker_focus_blocks
from desktop_app.search.index import Hit
from desktop_app.ui.reader_view import DEFAULT_POINT_SIZE

if TYPE_CHECKING:
    from desktop_app.ui.main_window import MainWindow


class Navigation(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window

    @Slot(object)
    def on_focus_speaker(self, speaker: str | None) -> None:
        article = self._window.reader.article
        if article is None:
            return
        if speaker is None:
            block = self._window.reader.first_visible_block()
            self._window.reader.show_only(None)
            if block is not None:
                self._window.reader.scroll_to_block(block)
            self._window.statusBar().showMessage(self.tr("显示全文"), 2000)
            return
        shown = speaker_focus_blocks(article, speaker)
        self._window.reader.show_only(shown)
        if shown:
            self._window.reader.scroll_to_block(min(shown))  # the first question they answer, or their first turn
        turns = article.turn_counts().get(speaker, 0)
        self._window.statusBar().showMessage(
            self.tr("只显示{speaker}的 {turns} 段发言和所答的问题（再按“只看此人”显示全文）").format(
                speaker=speaker, turns=turns
            )
        )

    def toggle_focus(self) -> None:
        self._window.outline_dock.show()
        self._window.outline.toggle_focus()

    @Slot(int)
    def on_reader_scrolled(self, _value: int) -> None:
        block = self._window.reader.first_visible_block()
        if block is not None:
            self._window.outline.follow(block)

    @Slot(object)
    def on_hit_chosen(self, hit: Hit) -> None:
        self._window.open_passage(hit.article, hit.block)
        if hit.matches:
            base = self._window.library.get(hit.article).block_starts[hit.block]
            self._window.reader.select_span(base + hit.matches[0][0], base + hit.matches[0][1])

    def find(self) -> None:
        self._window.find_dock.show()
        self._window.find_bar.start()

    @Slot()
    def close_find(self) -> None:
        self._window.find_dock.hide()
        self._window.reader.setFocus()

    @Slot(int)
    def on_find_counted(self, matches: int) -> None:
        text = self.tr("{count} 处匹配").format(count=matches) if self._window.find_bar.text() else ""
        self._window.statusBar().showMessage(text, 3000)

    def focus_search(self) -> None:
        self._window.search_dock.show()
        self._window.search_dock.raise_()
        self._window.search_panel.focus_query()

    def zoom(self, step: int) -> None:
        self._window.reader.set_point_size(
            DEFAULT_POINT_SIZE if step == 0 else self._window.reader.point_size + step, self._window.current_placed()
        )
