"""Where the docks go on a first run (or when the saved layout lacks one): library and outline
on the left, annotations and search tabbed on the right, find at the bottom and hidden. A
returning user's layout comes from the saved state instead, with no Qt namespace enum touched
before the first paint (see main_window.py); this module is only imported when it is needed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget

if TYPE_CHECKING:
    from desktop_app.ui.main_window import MainWindow

LIBRARY_WIDTH, ANNOTATIONS_WIDTH = 440, 360  # px: room for the library's columns


def place_docks_by_default(window: MainWindow, docks: list[QDockWidget]) -> None:
    areas = {
        window.library_dock: Qt.DockWidgetArea.LeftDockWidgetArea,
        window.outline_dock: Qt.DockWidgetArea.LeftDockWidgetArea,
        window.annotations_dock: Qt.DockWidgetArea.RightDockWidgetArea,
        window.search_dock: Qt.DockWidgetArea.RightDockWidgetArea,
        window.find_dock: Qt.DockWidgetArea.BottomDockWidgetArea,
    }
    for dock in docks:
        window.addDockWidget(areas[dock], dock)
    if window.annotations_dock in docks and window.search_dock in docks:
        window.tabifyDockWidget(window.annotations_dock, window.search_dock)
        window.annotations_dock.raise_()
    if window.find_dock in docks:
        window.find_dock.hide()
    if window.library_dock in docks and window.annotations_dock in docks:
        window.resizeDocks(
            [window.library_dock, window.annotations_dock],
            [LIBRARY_WIDTH, ANNOTATIONS_WIDTH],
            Qt.Orientation.Horizontal,
        )
