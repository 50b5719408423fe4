"""View › 版式: the typeface, the line height, the space between paragraphs and the width of the
text column, each an exclusive choice; a choice is applied at once and remembered per user."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QFontDatabase
from PySide6.QtWidgets import QMenu

from desktop_app.ui.reader_document import Typography

LINE_HEIGHTS = (
    (150, QT_TRANSLATE_NOOP("Typography", "紧凑")),
    (170, QT_TRANSLATE_NOOP("Typography", "适中")),
    (200, QT_TRANSLATE_NOOP("Typography", "宽松")),
)
PARAGRAPH_SPACINGS = (
    (0.4, QT_TRANSLATE_NOOP("Typography", "小")),
    (0.8, QT_TRANSLATE_NOOP("Typography", "中")),
    (1.4, QT_TRANSLATE_NOOP("Typography", "大")),
)
MEASURES = (
    (30, QT_TRANSLATE_NOOP("Typography", "窄（30 字）")),
    (38, QT_TRANSLATE_NOOP("Typography", "适中（38 字）")),
    (48, QT_TRANSLATE_NOOP("Typography", "宽（48 字）")),
    (0, QT_TRANSLATE_NOOP("Typography", "铺满")),
)
MAX_FAMILIES = 16


def _tr(text: str) -> str:
    return QCoreApplication.translate("Typography", text)


def chinese_families() -> list[str]:
    """Installed font families that write Simplified Chinese, serif ones (宋/明/Serif) first."""
    families = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    serif = ("Serif", "Song", "Ming", "宋", "明")
    return sorted(set(families), key=lambda name: (not any(mark in name for mark in serif), name))[:MAX_FAMILIES]


def add_typography_menu(menu: QMenu, current: Typography, choose: Callable[[Typography], None]) -> QMenu:
    typography = menu.addMenu(QCoreApplication.translate("Typography", "版式"))
    state = {"current": current}

    def group(title: str, options: list[tuple[object, str]], field: str) -> None:
        submenu = typography.addMenu(title)
        exclusive = QActionGroup(submenu)
        for value, label in options:
            action = QAction(label, submenu)
            action.setCheckable(True)
            action.setChecked(getattr(state["current"], field) == value)
            action.triggered.connect(lambda _checked=False, chosen=value: pick(field, chosen))
            exclusive.addAction(action)
            submenu.addAction(action)

    def pick(field: str, value: object) -> None:
        state["current"] = state["current"]._replace(**{field: value})
        choose(state["current"])

    typeface = QCoreApplication.translate("Typography", "字体")
    default = QCoreApplication.translate("Typography", "默认（黑体）")
    group(typeface, [("", default), *((name, name) for name in chinese_families())], "family")
    group(
        QCoreApplication.translate("Typography", "行距"),
        [(value, _tr(label)) for value, label in LINE_HEIGHTS],
        "line_height",
    )
    group(
        QCoreApplication.translate("Typography", "段距"),
        [(value, _tr(label)) for value, label in PARAGRAPH_SPACINGS],
        "paragraph_spacing",
    )
    group(
        QCoreApplication.translate("Typography", "栏宽"), [(value, _tr(label)) for value, label in MEASURES], "measure"
    )
    return typography
