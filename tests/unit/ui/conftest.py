"""The window fixture shared by the UI tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from desktop_app.annotations.service import Annotations
from desktop_app.annotations.store import AnnotationStore
from desktop_app.corpus.library import Library
from desktop_app.paths import DataPaths
from desktop_app.search.index import SearchIndex
from desktop_app.ui.main_window import MainWindow


@pytest.fixture
def make_window(qtbot: QtBot, data_paths: DataPaths, library: Library, tmp_path: Path):  # type: ignore[no-untyped-def]
    stores = []

    def make() -> MainWindow:
        data_paths.ensure_private_dir(data_paths.user_dir)
        store = AnnotationStore(data_paths.annotations_db)
        stores.append(store)
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        def open_user(name: str) -> Annotations:
            other = DataPaths(data_paths.root, name)
            other.ensure_private_dir(other.user_dir)
            opened = AnnotationStore(other.annotations_db)
            stores.append(opened)
            return Annotations(opened, library.get, name)

        window = MainWindow(library, Annotations(store, library.get, data_paths.user),
                            lambda: SearchIndex(data_paths.index_dir, data_paths.cache_dir), settings, open_user)
        qtbot.addWidget(window)
        window.show()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)  # shortcuts only reach the active window
        return window

    yield make
    for store in stores:
        store.close()
