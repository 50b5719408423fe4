"""The window fixture shared by the UI tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from desktop_app.corpus.library import Library
from desktop_app.paths import DataPaths
from desktop_app.session import Session
from desktop_app.ui.main_window import MainWindow


@pytest.fixture
def make_window(qtbot: QtBot, data_paths: DataPaths, library: Library, tmp_path: Path):  # type: ignore[no-untyped-def]
    sessions = []

    def make() -> MainWindow:
        session = Session(data_paths, library=library)
        sessions.append(session)
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(session, settings)
        qtbot.addWidget(window)
        window.show()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)  # shortcuts only reach the active window
        return window

    yield make
    for session in sessions:
        session.close()
