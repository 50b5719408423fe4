"""One undo history for the window: annotation changes and outline corrections, in the order
they were made, so that Ctrl+Z takes back the last change whichever kind it was (each kind
keeps its own stack: the annotations service, the corrections overlay)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from desktop_app.ui.main_window import MainWindow

ANNOTATION, CORRECTION = "annotation", "correction"


class History(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._done: list[str] = []
        self._undone: list[str] = []

    def record(self, kind: str) -> None:
        """A change was made: it can be undone, and what was undone before cannot be redone."""
        self._done.append(kind)
        self._undone.clear()

    def undo(self) -> None:
        kind = self._done.pop() if self._done else ANNOTATION  # changes made before the window: the service's
        self._undone.append(kind)
        window = self._window
        (window.correcting.undo if kind == CORRECTION else window.annotating.undo)()

    def redo(self) -> None:
        kind = self._undone.pop() if self._undone else ANNOTATION
        self._done.append(kind)
        window = self._window
        (window.correcting.redo if kind == CORRECTION else window.annotating.redo)()

    def can_undo(self) -> bool:
        return self._window.annotations.can_undo or CORRECTION in self._done

    def can_redo(self) -> bool:
        return self._window.annotations.can_redo or CORRECTION in self._undone
