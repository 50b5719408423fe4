"""The read-only mark: annotations that cannot be saved (a read-only folder, a full disk, a store
waiting for its restore) say so in the title and a status-bar label with the reason. Part of the
window's first paint, so it touches none of Qt's namespace enums (see main_window.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

from desktop_app.ui.plain_text import tooltip

if TYPE_CHECKING:
    from desktop_app.ui.main_window import MainWindow


class ReadOnlyMark:
    """The title names the user; annotations that cannot be saved say so where it stays in sight
    (the title and a status-bar label with the reason), not in a passing message."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window
        self.label: QLabel | None = None  # made when first needed: most launches never need it

    def show(self) -> None:
        window = self._window
        why = window.annotations.store.read_only
        title = QCoreApplication.translate("MainWindow", "AIGC 阅读器 — {user}").format(user=window.session.user)
        window.setWindowTitle(title + QCoreApplication.translate("MainWindow", "（只读）") if why else title)
        if why and self.label is None:
            self.label = QLabel(QCoreApplication.translate("MainWindow", "批注只读：无法保存"))
            window.statusBar().addPermanentWidget(self.label)
        if self.label is not None:
            self.label.setVisible(bool(why))
            self.label.setToolTip(tooltip(why))
