"""Every action of the window's menus, declared once: its menu, text and shortcut. The window
builds them from this table and connects each to its handler; the shortcuts sheet (F1) reads
them back from the menus, so a new action is one line here and one handler.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import NamedTuple

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

CONTEXT = "MainWindow"  # the translation context of the texts (they were the window's own)


class Menu(Enum):
    FILE = QT_TRANSLATE_NOOP("MainWindow", "文件(&F)")
    EDIT = QT_TRANSLATE_NOOP("MainWindow", "编辑(&E)")
    VIEW = QT_TRANSLATE_NOOP("MainWindow", "视图(&V)")
    HELP = QT_TRANSLATE_NOOP("MainWindow", "帮助(&H)")

    @property
    def title(self) -> str:
        return QCoreApplication.translate(CONTEXT, self.value)


class Spec(NamedTuple):
    menu: Menu
    text: str
    shortcut: str | QKeySequence.StandardKey | None


class MainAction(Enum):
    IMPORT = Spec(Menu.FILE, QT_TRANSLATE_NOOP("MainWindow", "导入文章…"), QKeySequence.StandardKey.Open)
    EXPORT = Spec(Menu.FILE, QT_TRANSLATE_NOOP("MainWindow", "导出批注…"), "Ctrl+E")
    COPY_MARKDOWN = Spec(Menu.FILE, QT_TRANSLATE_NOOP("MainWindow", "复制所选批注为 Markdown"), "Ctrl+Shift+C")
    SWITCH_USER = Spec(Menu.FILE, QT_TRANSLATE_NOOP("MainWindow", "切换用户…"), "Ctrl+Shift+U")
    QUIT = Spec(Menu.FILE, QT_TRANSLATE_NOOP("MainWindow", "退出"), "Ctrl+Q")
    UNDO = Spec(Menu.EDIT, QT_TRANSLATE_NOOP("MainWindow", "撤销批注改动"), QKeySequence.StandardKey.Undo)
    REDO = Spec(Menu.EDIT, QT_TRANSLATE_NOOP("MainWindow", "重做批注改动"), "Ctrl+Shift+Z")
    HIGHLIGHT = Spec(Menu.EDIT, QT_TRANSLATE_NOOP("MainWindow", "高亮所选文字"), "H")
    HIGHLIGHT_SENTENCES = Spec(Menu.EDIT, QT_TRANSLATE_NOOP("MainWindow", "高亮所选文字（整句）"), "Shift+H")
    FIND = Spec(Menu.EDIT, QT_TRANSLATE_NOOP("MainWindow", "在本文中查找"), QKeySequence.StandardKey.Find)
    FIND_NEXT = Spec(Menu.EDIT, QT_TRANSLATE_NOOP("MainWindow", "查找下一个"), "F3")
    FIND_PREVIOUS = Spec(Menu.EDIT, QT_TRANSLATE_NOOP("MainWindow", "查找上一个"), "Shift+F3")
    SEARCH = Spec(Menu.EDIT, QT_TRANSLATE_NOOP("MainWindow", "搜索全部文章"), "Ctrl+Shift+F")
    BACK = Spec(Menu.VIEW, QT_TRANSLATE_NOOP("MainWindow", "后退"), "Alt+Left")
    FORWARD = Spec(Menu.VIEW, QT_TRANSLATE_NOOP("MainWindow", "前进"), "Alt+Right")
    ZOOM_IN = Spec(Menu.VIEW, QT_TRANSLATE_NOOP("MainWindow", "放大"), "Ctrl+=")
    ZOOM_OUT = Spec(Menu.VIEW, QT_TRANSLATE_NOOP("MainWindow", "缩小"), "Ctrl+-")
    ZOOM_RESET = Spec(Menu.VIEW, QT_TRANSLATE_NOOP("MainWindow", "原始大小"), "Ctrl+0")
    SHOW_REMOVED = Spec(Menu.VIEW, QT_TRANSLATE_NOOP("MainWindow", "显示已删除内容"), None)
    READING_MODE = Spec(Menu.VIEW, QT_TRANSLATE_NOOP("MainWindow", "阅读模式（隐藏面板）"), "F11")
    FOCUS_SPEAKER = Spec(Menu.VIEW, QT_TRANSLATE_NOOP("MainWindow", "只看所选发言人"), "Ctrl+Shift+O")
    SHORTCUTS = Spec(Menu.HELP, QT_TRANSLATE_NOOP("MainWindow", "键盘快捷键"), QKeySequence.StandardKey.HelpContents)
    OPEN_LOG = Spec(Menu.HELP, QT_TRANSLATE_NOOP("MainWindow", "打开日志文件夹"), None)


def build_actions(
    owner: QObject, menus: dict[Menu, QMenu], handlers: dict[MainAction, Callable[[], object]]
) -> dict[MainAction, QAction]:
    """One QAction per MainAction, in the table's order, added to its menu and connected to its
    handler (every action must have one: a forgotten handler fails at once, not at a click)."""
    missing = set(MainAction) - handlers.keys()
    if missing:
        raise ValueError(f"actions without a handler: {sorted(action.name for action in missing)}")
    built = {}
    for action in MainAction:
        spec = action.value
        qaction = QAction(QCoreApplication.translate(CONTEXT, spec.text), owner)
        if spec.shortcut is not None:
            qaction.setShortcut(QKeySequence(spec.shortcut))
        handler = handlers[action]
        qaction.triggered.connect(lambda _checked=False, run=handler: run())
        menus[spec.menu].addAction(qaction)
        built[action] = qaction
    return built
