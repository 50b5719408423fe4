"""Moving through the text: focus on one speaker, the outline and the progress mark following
the reader, jumps with a history to go back and forward (Alt+← / Alt+→), opening a search hit,
find in the article, the search box, the text size."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QLabel

from desktop_app.corpus.focus import speaker_focus_blocks
from desktop_app.search.index import Hit, HitPart
from desktop_app.ui.plain_text import tooltip
from desktop_app.ui.reader_view import DEFAULT_POINT_SIZE

Place = tuple[str, tuple[int, float] | None]  # an article and where in it

if TYPE_CHECKING:
    from desktop_app.ui.main_window import MainWindow


class Navigation(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._back: list[Place] = []
        self._forward: list[Place] = []
        self.progress = QLabel()  # "37% · Q3. …" in the status bar
        window.statusBar().addPermanentWidget(self.progress)

    # -- jumps and the history --------------------------------------------------------------
    def _here(self) -> Place | None:
        reader = self._window.reader
        return (reader.article.id, reader.place()) if reader.article is not None else None

    def jump(self, article_id: str, block: int) -> None:
        """Goes to a block (an outline entry, a search hit, a turn, a link), remembering where
        the reader was so that Alt+← comes back."""
        here = self._here()
        if here is not None and here != (article_id, (block, 0.0)):
            self._back.append(here)
            self._forward.clear()
        self._window.open_passage(article_id, block)

    @Slot(int)
    def jump_to_block(self, block: int) -> None:
        if self._window.reader.article is not None:
            self.jump(self._window.reader.article.id, block)

    def back(self) -> None:
        self._step(self._back, self._forward)

    def forward(self) -> None:
        self._step(self._forward, self._back)

    def _step(self, source: list[Place], target: list[Place]) -> None:
        if not source:
            return
        here = self._here()
        if here is not None:
            target.append(here)
        article_id, place = source.pop()
        self._window.open_passage(article_id, None)
        self._window.reader.go_to_place(place)

    def can_go(self) -> tuple[bool, bool]:
        return bool(self._back), bool(self._forward)

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
        reader = self._window.reader
        block = reader.first_visible_block()
        self._window.outline.follow(block)  # None at the top: no topic yet
        self.show_progress(block)

    def show_progress(self, block: int | None) -> None:
        article = self._window.reader.article
        bar = self._window.reader.verticalScrollBar()
        if article is None:
            self.progress.setText("")
            return
        percent = round(100 * bar.value() / bar.maximum()) if bar.maximum() > 0 else 100
        topic = article.blocks[block].topic if block is not None and block < len(article.blocks) else None
        title = article.topics[topic].title if topic is not None and topic < len(article.topics) else ""
        shown = title if len(title) <= 24 else title[:23] + "…"
        self.progress.setText(f"{percent}%" + (f" · {shown}" if shown else ""))
        self.progress.setToolTip(tooltip(title))

    @Slot(object)
    def on_hit_chosen(self, hit: Hit) -> None:
        self.jump(hit.article, hit.block)
        if not hit.matches:
            return
        start, end = hit.matches[0]
        if hit.part == HitPart.SPEAKER:  # the turn opens with the matched name (or affiliation) selected
            self._window.reader.select_in_speaker_line(hit.block, start, end)
            return
        base = self._window.library.get(hit.article).block_starts[hit.block]
        self._window.reader.select_span(base + start, base + end)

    @Slot(str, str)
    def on_speaker_found(self, article_id: str, speaker: str) -> None:
        """A search row "李笛 · 2 段发言": the speaker's first turn, and only their turns shown."""
        article = self._window.library.get(article_id)
        first = next((turn.block for turn in article.turns if turn.speaker == speaker), 0)
        self.jump(article_id, first)
        self._window.outline.focus_on(speaker)

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
