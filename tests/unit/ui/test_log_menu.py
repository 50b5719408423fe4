"""Help › 打开日志文件夹 opens the folder the log is written to."""

from __future__ import annotations

from PySide6.QtGui import QDesktopServices

from desktop_app.ui.actions import MainAction


def test_help_opens_the_log_folder(make_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    window = make_window()
    window.menu_actions[MainAction.OPEN_LOG].trigger()
    assert opened == [str(window.session.paths.log_dir)] and window.session.paths.log_dir.is_dir()
