"""Help › Keyboard shortcuts: every menu action that has a shortcut, grouped by menu, with a
filter box; built from the menus themselves so that it can never disagree with them."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QMenu,
    QMenuBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)


def shortcut_rows(menu_bar: QMenuBar) -> list[tuple[str, str, str]]:
    """(menu, action, shortcut) for every action with a shortcut, submenus included."""
    rows: list[tuple[str, str, str]] = []

    def walk(menu: QMenu, title: str) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu(), title)  # type: ignore[arg-type]
            elif not action.shortcut().isEmpty():
                rows.append(
                    (
                        title,
                        action.text().replace("&", ""),
                        action.shortcut().toString(QKeySequence.SequenceFormat.NativeText),
                    )
                )

    for action in menu_bar.actions():
        if action.menu() is not None:
            walk(action.menu(), action.text().split("(")[0].replace("&", ""))  # type: ignore[arg-type]
    return rows


class ShortcutsDialog(QDialog):
    def __init__(self, menu_bar: QMenuBar, extra: list[tuple[str, str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("键盘快捷键"))
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("筛选（名称或按键）"))
        self.filter.setClearButtonEnabled(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("操作"), self.tr("快捷键")])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        groups: dict[str, QTreeWidgetItem] = {}
        for menu, text, keys in shortcut_rows(menu_bar) + extra:
            if menu not in groups:
                groups[menu] = QTreeWidgetItem(self.tree, [menu])
                groups[menu].setFirstColumnSpanned(True)
                font = groups[menu].font(0)
                font.setBold(True)
                groups[menu].setFont(0, font)
            QTreeWidgetItem(groups[menu], [text, keys])
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self.filter.textChanged.connect(self.apply_filter)
        self.resize(520, 560)

    def apply_filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for group_number in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(group_number)
            shown = 0
            for number in range(group.childCount()):
                item = group.child(number)
                match = not needle or needle in item.text(0).casefold() or needle in item.text(1).casefold()
                item.setHidden(not match)
                shown += match
            group.setHidden(shown == 0)

    def visible_rows(self) -> list[tuple[str, str]]:
        return [
            (group.child(n).text(0), group.child(n).text(1))
            for group in (self.tree.topLevelItem(g) for g in range(self.tree.topLevelItemCount()))
            if not group.isHidden()
            for n in range(group.childCount())
            if not group.child(n).isHidden()
        ]
