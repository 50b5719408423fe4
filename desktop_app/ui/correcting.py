"""Corrections from the window: the reader's context menu on a paragraph (whose turn it is, a
topic or not, take it out) and the outline's on a speaker (rename, merge into another). Each
goes through the library's overlay (corpus/corrections.py) and is undone with Ctrl+Z like an
annotation change; the article is shown again at the same place."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint
from PySide6.QtWidgets import QInputDialog, QMenu

from desktop_app.corpus.corrections import Correction, block_key, label_of, restore_key
from desktop_app.ui.history import CORRECTION

if TYPE_CHECKING:
    from desktop_app.ui.main_window import MainWindow


class Correcting(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.done: list[str] = []  # article ids, one per correction made here (what Ctrl+Z takes back)
        self.undone: list[tuple[str, Correction]] = []  # what Ctrl+Shift+Z makes again

    def paragraph_menu(self, menu: QMenu, block: int) -> None:
        """The corrections that apply to this paragraph, as a submenu of the reader's menu."""
        article = self._window.reader.article
        if article is None or not 0 <= block < len(article.blocks):
            return
        outline = menu.addMenu(self.tr("大纲"))
        turns = {turn.block for turn in article.turns}
        topics = {topic.block for topic in article.topics}
        speaker = outline.addMenu(self.tr("这一段开始…的发言"))
        for name in [s.name for s in article.speakers]:
            speaker.addAction(name).triggered.connect(lambda _c=False, who=name: self._block(block, "turn", who))
        speaker.addAction(self.tr("新发言人…")).triggered.connect(lambda: self._new_speaker(block))
        if block in turns:
            outline.addAction(self.tr("这一段不是发言（名字是正文）")).triggered.connect(
                lambda: self._block(block, "not-turn")
            )
        if block in topics:
            outline.addAction(self.tr("不是话题")).triggered.connect(lambda: self._block(block, "not-topic"))
        elif block not in turns:
            outline.addAction(self.tr("设为话题")).triggered.connect(lambda: self._block(block, "topic"))
        outline.addAction(self.tr("删除这一段")).triggered.connect(lambda: self._block(block, "remove"))
        outline.addSeparator()
        outline.addAction(self.tr("重命名文章…")).triggered.connect(self._retitle)
        label = label_of(article.blocks[block].text)
        if label is not None:
            every = outline.addAction(self.tr("凡以「{label}：」开头的段落都是 {label} 的发言").format(label=label))
            every.triggered.connect(lambda: self.apply(Correction("turns-by-label", values=(label,))))

    def removed_menu(self, menu: QMenu, removed: int) -> None:
        """On a block cleaning removed (shown greyed): bring it back where it stood."""
        article = self._window.reader.article
        if article is not None and 0 <= removed < len(article.removed):
            menu.addAction(self.tr("恢复这一段")).triggered.connect(lambda: self.apply(restore_key(article, removed)))

    def show_speaker_menu(self, name: str, where: QPoint) -> None:
        self.speaker_menu_shown = QMenu(self._window)  # kept: alive while it shows (and for the tests)
        self.speaker_menu(self.speaker_menu_shown, name)
        self.speaker_menu_shown.popup(where)

    def show_topic_menu(self, block: int, where: QPoint) -> None:
        self.topic_menu_shown = QMenu(self._window)
        self.topic_menu(self.topic_menu_shown, block)
        self.topic_menu_shown.popup(where)

    def speaker_menu(self, menu: QMenu, name: str) -> None:
        article = self._window.reader.article
        if article is None:
            return
        menu.addAction(self.tr("重命名…")).triggered.connect(lambda: self._rename(name))
        menu.addAction(self.tr("身份和角色…")).triggered.connect(lambda: self._speaker_info(name))
        others = [s.name for s in article.speakers if s.name != name]
        merge = menu.addMenu(self.tr("是同一个人："))
        merge.setEnabled(bool(others))
        for other in others:
            merge.addAction(other).triggered.connect(
                lambda _c=False, into=other: self.apply(Correction("merge-speakers", values=(name, into)))
            )

    def topic_menu(self, menu: QMenu, block: int) -> None:
        menu.addAction(self.tr("重命名话题…")).triggered.connect(lambda: self._rename_topic(block))
        menu.addAction(self.tr("不是话题")).triggered.connect(lambda: self._block(block, "not-topic"))

    def _rename_topic(self, block: int) -> None:
        article = self._window.reader.article
        current = next((t.title for t in article.topics if t.block == block), "") if article else ""
        title, accepted = QInputDialog.getText(self._window, self.tr("重命名话题"), self.tr("话题："), text=current)
        if accepted and title.strip() and title.strip() != current:
            self._block(block, "rename-topic", title.strip())

    def _retitle(self) -> None:
        article = self._window.reader.article
        if article is None:
            return
        title, accepted = QInputDialog.getText(
            self._window, self.tr("重命名文章"), self.tr("标题："), text=article.title
        )
        if accepted and title.strip() and title.strip() != article.title:
            self.apply(Correction("title", values=(title.strip(),)))

    def _speaker_info(self, name: str) -> None:
        article = self._window.reader.article
        speaker = article.speaker(name) if article else None
        if speaker is None:
            return
        affiliation, accepted = QInputDialog.getText(
            self._window,
            self.tr("发言人身份"),
            self.tr("{name} 的身份：").format(name=name),
            text=speaker.affiliation or "",
        )
        if not accepted:
            return
        roles = [self.tr("嘉宾"), self.tr("主持人")]
        role, accepted = QInputDialog.getItem(
            self._window, self.tr("发言人身份"), self.tr("角色："), roles, int(speaker.role == "host"), False
        )
        if accepted:
            chosen = "host" if role == roles[1] else "guest"
            self.apply(Correction("speaker-info", values=(name, affiliation.strip(), chosen)))

    def _new_speaker(self, block: int) -> None:
        name, accepted = QInputDialog.getText(self._window, self.tr("新发言人"), self.tr("名字："))
        if accepted and name.strip():
            self._block(block, "turn", name.strip())

    def _rename(self, name: str) -> None:
        new, accepted = QInputDialog.getText(self._window, self.tr("重命名发言人"), self.tr("新名字："), text=name)
        if accepted and new.strip() and new.strip() != name:
            self.apply(Correction("rename-speaker", values=(name, new.strip())))

    def _block(self, block: int, op: str, *values: str) -> None:
        article = self._window.reader.article
        if article is not None:
            key, occurrence = block_key(article, block)
            self.apply(Correction(op, key, occurrence, values))

    def apply(self, correction: Correction) -> bool:
        window, article = self._window, self._window.reader.article
        if article is None or window.run_core(lambda: window.library.correct(article.id, correction)) is None:
            return False
        self.done.append(article.id)
        self.undone.clear()  # a new change: what was undone cannot be made again
        window.history.record(CORRECTION)
        self._show_again(article.id)
        window.statusBar().showMessage(self.tr("大纲已修改（Ctrl+Z 撤销）"), 3000)
        return True

    def undo(self) -> None:
        if not self.done:
            return
        article_id = self.done.pop()
        corrections = self._window.run_core(lambda: self._window.library.overlay(article_id).read())
        if (
            isinstance(corrections, list)
            and corrections
            and self._window.run_core(lambda: self._window.library.uncorrect(article_id, len(corrections) - 1))
        ):
            self.undone.append((article_id, corrections[-1]))
            self._show_again(article_id)

    def redo(self) -> None:
        if not self.undone:
            return
        article_id, correction = self.undone.pop()
        if self._window.run_core(lambda: self._window.library.correct(article_id, correction)) is not None:
            self.done.append(article_id)
            self._show_again(article_id)

    def _show_again(self, article_id: str) -> None:
        window = self._window
        place = window.reader.place() if window.reader.article and window.reader.article.id == article_id else None
        window.reader.article = None  # shown anew, from the corrected article
        window.library_panel.set_articles(window.library.articles())  # a title or speakers may have changed
        window.show_article(article_id)
        window.reader.go_to_place(place)
        window.refresh_annotations()
        window.start_background_loading()  # the index takes the corrected article (only it) again
