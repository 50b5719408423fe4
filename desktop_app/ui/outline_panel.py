"""The outline dock: topics with the speakers who speak in each, and the speakers with their
affiliations and turn counts; clicking scrolls the reader, and the outline follows the reading.

Signals:
    block_chosen(int): the reader should show this block.
    focus_requested(object): show only this speaker's turns (a name), or everything again (None).
    fix_requested(object): apply this correction (an uncertain outline's one-step fix).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QPoint, Qt, Signal, Slot
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTabWidget, QTreeView, QVBoxLayout, QWidget

from desktop_app.corpus.model import Article
from desktop_app.ui.outline_notice import OutlineNotice
from desktop_app.ui.plain_text import tooltip

BlockRole = Qt.ItemDataRole.UserRole + 1
SpeakerRole = Qt.ItemDataRole.UserRole + 2


def topics_model(article: Article) -> QStandardItemModel:
    model = QStandardItemModel()
    model.setHorizontalHeaderLabels([QCoreApplication.translate("OutlinePanel", "话题")])
    for number, topic in enumerate(article.topics):
        item = QStandardItem(topic.title)
        item.setToolTip(tooltip(topic.title))  # a long question is cut in a narrow dock
        item.setData(topic.block, BlockRole)
        item.setEditable(False)
        seen: set[str] = set()
        for turn in article.turns:
            if turn.topic == number and turn.speaker not in seen:
                seen.add(turn.speaker)
                child = QStandardItem(turn.speaker)
                child.setData(turn.block, BlockRole)
                child.setData(turn.speaker, SpeakerRole)
                child.setEditable(False)
                item.appendRow(child)
        model.appendRow(item)
    return model


def speakers_model(article: Article) -> QStandardItemModel:
    model = QStandardItemModel()
    model.setHorizontalHeaderLabels([QCoreApplication.translate("OutlinePanel", "发言人")])
    counts = article.turn_counts()
    for speaker in article.speakers:
        turns = QCoreApplication.translate("OutlinePanel", "{count} 次发言").format(count=counts.get(speaker.name, 0))
        details = QCoreApplication.translate("OutlinePanel", "，").join(filter(None, [speaker.affiliation, turns]))
        item = QStandardItem(
            QCoreApplication.translate("OutlinePanel", "{name}（{details}）").format(name=speaker.name, details=details)
        )
        item.setToolTip(tooltip(item.text()))
        item.setData(speaker.name, SpeakerRole)
        first = next((t.block for t in article.turns if t.speaker == speaker.name), None)
        item.setData(first, BlockRole)
        item.setEditable(False)
        model.appendRow(item)
    return model


class OutlinePanel(QWidget):
    block_chosen = Signal(int)
    focus_requested = Signal(object)
    speaker_menu_requested = Signal(str, QPoint)  # a right click on a speaker: its name, where
    topic_menu_requested = Signal(int, QPoint)  # a right click on a topic: its heading block, where
    fix_requested = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.article: Article | None = None
        self.topics_view = QTreeView()
        self.topics_view.setHeaderHidden(True)
        self.speakers_view = QTreeView()
        self.speakers_view.setHeaderHidden(True)
        self.speakers_view.setRootIsDecorated(False)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.topics_view, self.tr("话题"))
        self.tabs.addTab(self.speakers_view, self.tr("发言人"))
        self.previous_turn = QPushButton(self.tr("◀ 上一段"))
        self.next_turn = QPushButton(self.tr("下一段 ▶"))
        for button in (self.previous_turn, self.next_turn):
            button.setToolTip(self.tr("在所选发言人的发言之间跳转"))
        self.focus_button = QPushButton(self.tr("只看此人"))
        self.focus_button.setCheckable(True)
        self.focus_button.setToolTip(self.tr("只显示所选发言人的发言和他们回答的问题"))
        steps = QHBoxLayout()
        steps.addWidget(self.previous_turn)
        steps.addWidget(self.focus_button)
        steps.addWidget(self.next_turn)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.notice = OutlineNotice()
        self.notice.fix_chosen.connect(self.fix_requested)
        layout.addWidget(self.notice)
        layout.addWidget(self.tabs)
        layout.addLayout(steps)
        self.topics_view.clicked.connect(self.on_item_clicked)
        self.speakers_view.clicked.connect(self.on_item_clicked)
        self.previous_turn.clicked.connect(lambda: self.step_turn(-1))
        self.next_turn.clicked.connect(lambda: self.step_turn(1))
        self.focus_button.toggled.connect(self._on_focus_toggled)
        self._current_block = 0
        self._update_buttons()
        for view in (self.speakers_view, self.topics_view):
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            view.customContextMenuRequested.connect(lambda point, shown=view: self._speaker_menu(shown, point))

    def _speaker_menu(self, view: QTreeView, point: QPoint) -> None:
        index = view.indexAt(point)
        name, block = index.data(SpeakerRole), index.data(BlockRole)
        if name:
            self.speaker_menu_requested.emit(str(name), view.viewport().mapToGlobal(point))
        elif view is self.topics_view and block is not None:
            self.topic_menu_requested.emit(int(block), view.viewport().mapToGlobal(point))

    def show_article(self, article: Article) -> None:
        self.article = article
        self.topics_view.setModel(topics_model(article))
        self.topics_view.expandAll()
        self.speakers_view.setModel(speakers_model(article))
        self.notice.show_for(article)
        self._current_block = 0
        self.focus_button.blockSignals(True)  # the reader drops a focus with the article it named
        self.focus_button.setChecked(False)
        self.focus_button.blockSignals(False)
        for view in (self.topics_view, self.speakers_view):
            view.selectionModel().currentChanged.connect(lambda _current, _previous: self._update_buttons())
        self._update_buttons()

    def _update_buttons(self) -> None:
        """The turn buttons and 只看此人 act on the selected speaker: without one they are off
        (只看此人 stays on while a focus is shown, to show everything again)."""
        chosen = self.selected_speaker() is not None
        self.previous_turn.setEnabled(chosen)
        self.next_turn.setEnabled(chosen)
        self.focus_button.setEnabled(chosen or self.focus_button.isChecked())

    @Slot(QModelIndex)
    def on_item_clicked(self, index: QModelIndex) -> None:
        if self.focus_button.isChecked() and index.data(SpeakerRole):
            self.focus_requested.emit(str(index.data(SpeakerRole)))  # the focus follows the choice
        block = index.data(BlockRole)
        if block is not None:
            self._current_block = int(block)
            self.block_chosen.emit(int(block))

    @Slot(bool)
    def _on_focus_toggled(self, on: bool) -> None:
        speaker = self.selected_speaker()
        if on and speaker is None:
            self.tabs.setCurrentWidget(self.speakers_view)  # say where to choose one
            self.focus_button.setChecked(False)
            return
        self.focus_requested.emit(speaker if on else None)
        self._update_buttons()

    def toggle_focus(self) -> None:
        """Ctrl+Shift+O: focus on the selected speaker, or show the whole text again."""
        self.focus_button.toggle()

    def focus_on(self, speaker: str) -> bool:
        """Selects the speaker and shows only their turns (as a click and the button do)."""
        model = self.speakers_view.model()
        if model is None:
            return False
        for row in range(model.rowCount()):
            index = model.index(row, 0)
            if index.data(SpeakerRole) == speaker:
                self.tabs.setCurrentWidget(self.speakers_view)
                self.speakers_view.setCurrentIndex(index)
                if self.focus_button.isChecked():
                    self.focus_requested.emit(speaker)
                else:
                    self.focus_button.setChecked(True)
                return True
        return False

    def selected_speaker(self) -> str | None:
        for view in (self.speakers_view, self.topics_view):
            index = view.currentIndex()
            if index.isValid() and index.data(SpeakerRole):
                return str(index.data(SpeakerRole))
        return None

    def step_turn(self, direction: int) -> None:
        """Jumps to the selected speaker's next (1) or previous (-1) turn."""
        speaker = self.selected_speaker()
        if self.article is None or speaker is None:
            return
        blocks = [t.block for t in self.article.turns if t.speaker == speaker]
        if direction > 0:
            target = next((b for b in blocks if b > self._current_block), None)
        else:
            target = next((b for b in reversed(blocks) if b < self._current_block), None)
        if target is not None:
            self._current_block = target
            self.block_chosen.emit(target)

    def follow(self, block: int | None) -> None:
        """Selects the topic being read (as the reader scrolls); none above the first block."""
        self._current_block = block if block is not None else -1
        if block is None:
            block = -1
        if self.article is None or not self.article.topics:
            return
        current = None
        for number, topic in enumerate(self.article.topics):
            if topic.block <= block:
                current = number
        model = self.topics_view.model()
        if current is None:
            self.topics_view.clearSelection()
            self.topics_view.setCurrentIndex(self.topics_view.rootIndex())
        elif model is not None:
            index = model.index(current, 0)
            if self.topics_view.currentIndex().parent() != index and self.topics_view.currentIndex() != index:
                self.topics_view.setCurrentIndex(index)
