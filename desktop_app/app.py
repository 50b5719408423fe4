"""Builds the window and wires it: the one place where the GUI's objects are put together."""

from __future__ import annotations

from collections.abc import Sequence

from desktop_app.corpus.library import Library
from desktop_app.paths import DataPaths


def run_gui(paths: DataPaths, argv: Sequence[str]) -> int:
    from PySide6.QtWidgets import QApplication

    from desktop_app.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(list(argv))
    app.setApplicationName("aigc-reader")
    window = MainWindow(Library(paths), paths.user)
    window.show()
    return int(app.exec())
