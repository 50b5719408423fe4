"""A quiet line at the top of the outline when the importer is unsure of the speakers: what it
doubts, and the likely fixes, each one click (a correction, undone with Ctrl+Z like any other).

Signals:
    fix_chosen(object): apply this correction (``corpus.corrections.Correction``).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QVBoxLayout, QWidget

from desktop_app.corpus.corrections import Correction
from desktop_app.corpus.model import Article
from desktop_app.corpus.outline_confidence import LOW, Suggestion, assess
from desktop_app.ui.plain_text import tooltip


class OutlineNotice(QFrame):
    fix_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outline-notice")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.dismiss = QToolButton()
        self.dismiss.setText("×")
        self.dismiss.setAutoRaise(True)
        self.dismiss.setToolTip(self.tr("不再提示这篇文章"))
        self.dismiss.clicked.connect(self._dismiss)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.message, 1)
        top.addWidget(self.dismiss)
        self.fixes = QVBoxLayout()
        self.fixes.setContentsMargins(0, 0, 0, 0)
        self.fixes.setSpacing(2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addLayout(top)
        layout.addLayout(self.fixes)
        self.buttons: list[QPushButton] = []
        self._dismissed: set[str] = set()  # article ids, for this session
        self._article_id: str | None = None
        self.hide()

    def show_for(self, article: Article) -> None:
        """Says what is uncertain in this article's outline and offers its fixes; hides itself
        when the outline is sure (or the user dismissed it for this article)."""
        self._article_id = article.id
        for button in self.buttons:
            button.deleteLater()
        self.buttons = []
        confidence = assess(article)
        if not confidence.uncertain or article.id in self._dismissed:
            self.hide()
            return
        doubt = self.tr("大纲把握不大") if confidence.level == LOW else self.tr("大纲可能不准")
        self.message.setText(doubt + (self.tr("，可以一步修正：") if confidence.suggestions else ""))
        self.message.setToolTip(tooltip("\n".join(confidence.reasons)))
        for suggestion in confidence.suggestions:
            button = QPushButton(self._describe(suggestion))
            button.setToolTip(tooltip(button.text()))
            button.setStyleSheet("text-align: left; padding: 2px 6px;")
            correction = Correction(suggestion.op, values=suggestion.values)
            button.clicked.connect(lambda _checked=False, fix=correction: self.fix_chosen.emit(fix))
            self.fixes.addWidget(button)
            self.buttons.append(button)
        self.show()

    def _describe(self, suggestion: Suggestion) -> str:
        values = suggestion.values
        if suggestion.op == "turns-by-label":
            if len(values) == 1:
                return self.tr("以「{label}」开头的 {count} 段都是 {label} 的发言").format(
                    label=values[0], count=suggestion.blocks
                )
            return self.tr("单独一行的名字（{names}）开始各自的发言，共 {count} 处").format(
                names="、".join(values), count=suggestion.blocks
            )
        if suggestion.op == "questions-by-host":
            return self.tr("标题是 {host} 的提问，其后是 {guest} 的回答").format(host=values[0], guest=values[1])
        if suggestion.op == "merge-speakers":
            return self.tr("{alias} 和 {name} 是同一个人").format(alias=values[0], name=values[1])
        return self.tr("这不是对话")

    def _dismiss(self) -> None:
        if self._article_id is not None:
            self._dismissed.add(self._article_id)
        self.hide()
