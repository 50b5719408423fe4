"""The Help menu's actions: every shortcut in a filterable sheet (F1), and the log folder."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices

from desktop_app.ui.shortcuts_dialog import ShortcutsDialog

if TYPE_CHECKING:
    from desktop_app.ui.main_window import MainWindow


class HelpActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.shortcuts_dialog: ShortcutsDialog | None = None

    def show_shortcuts(self) -> None:
        panel = self.tr("面板")  # keys that act inside one panel, not from a menu
        panel_keys = [
            (panel, self.tr("保存笔记（批注面板）"), "Ctrl+Enter"),
            (panel, self.tr("打开第一个结果（搜索面板）"), "Enter"),
            (panel, self.tr("关闭查找栏"), "Esc"),
        ]
        self.shortcuts_dialog = ShortcutsDialog(self._window.menuBar(), panel_keys, self._window)
        self.shortcuts_dialog.show()

    def open_log_folder(self) -> None:
        folder = self._window.session.paths.log_dir
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
