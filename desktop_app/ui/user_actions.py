"""Whose annotations the window shows: switching user, and the non-blocking restore offer for a
damaged or missing database (read_only_mark.py says when they cannot be saved)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox

from desktop_app.paths import is_valid_user_name
from desktop_app.session import Session
from desktop_app.ui.plain_text import rich

if TYPE_CHECKING:
    from desktop_app.ui.main_window import MainWindow


class UserActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.restore_box: QMessageBox | None = None

    def choose_user(self) -> None:
        """A list of the users who exist, and 新用户… at its end: a typo never creates a user."""
        session = self._window.session
        users = [name for name in session.paths.existing_users() if name != session.user]
        new_user = self.tr("新用户…")
        chosen, accepted = QInputDialog.getItem(
            self._window, self.tr("切换用户"), self.tr("切换到："), [*users, new_user], 0, False
        )
        if not accepted:
            return
        if chosen == new_user:
            chosen, accepted = QInputDialog.getText(
                self._window, self.tr("新用户"), self.tr("用户名（字母、数字、. _ @ -）：")
            )
            if not accepted:
                return
        self.switch_user(chosen.strip())

    def switch_user(self, name: str) -> bool:
        """Shows another user's annotations (their own database); False if that cannot be done."""
        window = self._window
        if name == window.session.user:
            return False
        if not is_valid_user_name(name):
            window.warn(
                self.tr("切换用户"), self.tr("用户名“{name}”不可用：请只用字母、数字和 . _ @ -").format(name=name)
            )
            return False
        opened = window.run_core(lambda: window.session.for_user(name))
        if not isinstance(opened, Session):
            return False
        window.use_session(opened)
        window.statusBar().showMessage(self.tr("已切换到用户 {name}").format(name=name), 3000)
        return True

    def offer_restore(self, problem: str) -> None:
        """Says, without blocking the window, that the annotations could not be opened; its
        Restore button brings them back."""
        window = self._window
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("批注数据库"),
            self.tr("批注数据库无法打开。在恢复之前，新的高亮和笔记无法保存。"),
            QMessageBox.StandardButton.NoButton,
            window,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)  # paths and SQLite's words, never markup
        box.setInformativeText(rich(problem))  # where the damaged file was kept, which backup restores
        restore_button = box.addButton(self.tr("立即恢复"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("稍后"), QMessageBox.ButtonRole.RejectRole)
        box.setModal(False)

        def on_clicked(button: object) -> None:
            if button is restore_button:
                restored = window.run_core(window.session.restore)
                if isinstance(restored, tuple):
                    window.use_session(restored[0])
                    window.statusBar().showMessage(self.tr("批注已恢复"), 5000)

        box.buttonClicked.connect(on_clicked)
        self.restore_box = box
        box.show()
