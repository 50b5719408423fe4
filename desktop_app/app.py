"""Builds the window and wires it: the one place where the GUI's objects are put together."""

from __future__ import annotations

from collections.abc import Sequence

from desktop_app.corpus.library import Library
from desktop_app.paths import DataPaths


def run_gui(paths: DataPaths, argv: Sequence[str], open_at: tuple[str, int | None] | None = None) -> int:
    """Runs the window; ``open_at`` (article id, block) opens that passage (an aigc-reader:// link)."""
    from PySide6.QtWidgets import QApplication

    from desktop_app.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(list(argv))
    app.setApplicationName("aigc-reader")
    window = MainWindow(Library(paths), paths.user)
    if open_at is not None:
        window.open_passage(*open_at)
    window.show()
    return int(app.exec())
