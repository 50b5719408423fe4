"""Light and dark themes. "system" follows the desktop's color scheme; light and dark are
Fusion palettes, so the reader looks the same on every platform.

Nothing here touches Qt's namespace (``Qt.…``): PySide creates its ~95 enums all at once on first
use, ~15 ms that the first paint does without.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import StrEnum

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QColor, QPalette
from PySide6.QtWidgets import QApplication, QMenu


class Theme(StrEnum):
    SYSTEM = "system"  # follows the desktop's color scheme
    LIGHT = "light"
    DARK = "dark"


THEMES = tuple(Theme)

_desktop_is_dark: bool | None = None  # read from the desktop's palette, before a theme replaces it


def system_prefers_dark() -> bool:
    """Whether the desktop's color scheme is dark. Qt (6.5+) builds the application's first
    palette from that scheme, so its lightness tells, as long as it is read before the first theme
    replaces it; it is remembered from then on. (``QStyleHints.colorScheme()`` tells the same in
    an enum of Qt's namespace: see above.)"""
    global _desktop_is_dark
    if _desktop_is_dark is None:
        _desktop_is_dark = QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128
    return _desktop_is_dark


def _palette(colors: dict[QPalette.ColorRole, str]) -> QPalette:
    palette = QPalette()
    for role, color in colors.items():
        palette.setColor(role, QColor(color))
    # setColor fills every group: a disabled button would look enabled. Its text takes the muted colour.
    muted = QColor(colors[QPalette.ColorRole.PlaceholderText])
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, muted)
    return palette


def dark_palette() -> QPalette:
    return _palette(
        {
            QPalette.ColorRole.Window: "#2b2b2b",
            QPalette.ColorRole.WindowText: "#e6e6e6",
            QPalette.ColorRole.Base: "#1f1f1f",
            QPalette.ColorRole.AlternateBase: "#2a2a2a",
            QPalette.ColorRole.Text: "#e3e3e3",
            QPalette.ColorRole.PlaceholderText: "#9a9a9a",
            QPalette.ColorRole.Button: "#353535",
            QPalette.ColorRole.ButtonText: "#e6e6e6",
            QPalette.ColorRole.Highlight: "#3d6fb6",
            QPalette.ColorRole.HighlightedText: "#ffffff",
            QPalette.ColorRole.ToolTipBase: "#353535",
            QPalette.ColorRole.ToolTipText: "#e6e6e6",
            QPalette.ColorRole.Link: "#8ab4f8",
        }
    )


def light_palette() -> QPalette:
    return _palette(
        {
            QPalette.ColorRole.Window: "#f3f3f1",
            QPalette.ColorRole.WindowText: "#202020",
            QPalette.ColorRole.Base: "#fdfdfb",
            QPalette.ColorRole.AlternateBase: "#f1f1ee",
            QPalette.ColorRole.Text: "#1d1d1d",
            QPalette.ColorRole.PlaceholderText: "#8a8a8a",
            QPalette.ColorRole.Button: "#ececea",
            QPalette.ColorRole.ButtonText: "#202020",
            QPalette.ColorRole.Highlight: "#3d6fb6",
            QPalette.ColorRole.HighlightedText: "#ffffff",
        }
    )


def fusion_application(argv: Sequence[str]) -> QApplication:
    """The application (made now unless one exists), in the Fusion style that the themes'
    palettes are made for. A new one is asked for it on Qt's command line (``-style fusion``):
    setting a style later re-polishes every widget, and even asking which style is set costs
    PySide ~5 ms of QStyle's enums."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        if app.style().name() != "fusion":
            app.setStyle("Fusion")
        return app
    return QApplication([*argv[:1], "-style", "fusion", *argv[1:]])


def add_theme_menu(menu: QMenu, current: Theme, choose: Callable[[Theme], None]) -> dict[Theme, QAction]:
    """View › 主题: one checkable entry a theme (following the system, light, dark)."""
    themes = menu.addMenu(QCoreApplication.translate("MainWindow", "主题"))
    labels = (
        QCoreApplication.translate("MainWindow", "跟随系统"),
        QCoreApplication.translate("MainWindow", "浅色"),
        QCoreApplication.translate("MainWindow", "深色"),
    )
    actions = {}
    for theme, label in zip(THEMES, labels, strict=True):
        action = themes.addAction(label)
        action.setCheckable(True)
        action.setChecked(theme == current)
        action.triggered.connect(lambda _checked=False, chosen=theme: choose(chosen))
        actions[theme] = action
    return actions


def apply_theme(theme: Theme) -> bool:
    """Sets the application's palette; returns True when the result is dark."""
    desktop_is_dark = system_prefers_dark()  # read before the first palette of ours replaces the desktop's
    dark = theme == Theme.DARK or (theme == Theme.SYSTEM and desktop_is_dark)
    app = QApplication.instance()
    if isinstance(app, QApplication):
        app.setPalette(dark_palette() if dark else light_palette())
    return dark
