"""Runs a callback right after a widget's first paint: the launch fills the docks then, once the
article is on screen, and ``--startup-probe`` takes its measure there."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _FirstPaintWatcher(QObject):
    def __init__(self, widget: QWidget, callback: Callable[[], object]) -> None:
        super().__init__(widget)
        self._callback = callback
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._callback)  # once this paint is done and on screen
            self.deleteLater()
        return False


def after_first_paint(widget: QWidget, callback: Callable[[], object]) -> None:
    _FirstPaintWatcher(widget, callback)
