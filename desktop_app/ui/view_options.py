"""How the text is shown, beyond the theme: typography (View › 版式), what cleaning removed
(View › 显示已删除内容) and reading mode (F11: only the text)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDockWidget

from desktop_app.ui.reader_document import Typography

if TYPE_CHECKING:
    from desktop_app.ui.main_window import MainWindow


class ViewOptions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.reading_mode: list[QDockWidget] | None = None  # the docks reading mode hid

    def set_typography(self, typography: Typography) -> None:
        window = self._window
        window.settings.typography = typography
        window.reader.set_typography(typography, window.current_placed())

    def show_removed(self, shown: bool) -> None:
        self._window.reader.set_show_removed(shown, self._window.current_placed())

    def toggle_reading_mode(self) -> None:
        """Only the text (F11 again brings back what was there): docks, menu bar and status bar go."""
        window = self._window
        docks = [
            window.library_dock,
            window.outline_dock,
            window.annotations_dock,
            window.search_dock,
            window.find_dock,
        ]
        if self.reading_mode is None:
            self.reading_mode = [dock for dock in docks if dock.isVisible()]
            for dock in docks:
                dock.hide()
            window.menuBar().hide()
            window.statusBar().hide()
        else:
            for dock in self.reading_mode:
                dock.show()
            window.menuBar().show()
            window.statusBar().show()
            self.reading_mode = None
