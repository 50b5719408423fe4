"""Light and dark themes. "system" follows the desktop's colour scheme (Qt 6.5+ reports it);
light and dark are Fusion palettes, so the reader looks the same on every platform."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

THEMES = ("system", "light", "dark")


def system_prefers_dark() -> bool:
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def _palette(colours: dict[QPalette.ColorRole, str]) -> QPalette:
    palette = QPalette()
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    return palette


def dark_palette() -> QPalette:
    return _palette({
        QPalette.ColorRole.Window: "#2b2b2b", QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1f1f1f", QPalette.ColorRole.AlternateBase: "#2a2a2a",
        QPalette.ColorRole.Text: "#e3e3e3", QPalette.ColorRole.PlaceholderText: "#9a9a9a",
        QPalette.ColorRole.Button: "#353535", QPalette.ColorRole.ButtonText: "#e6e6e6",
        QPalette.ColorRole.Highlight: "#3d6fb6", QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#353535", QPalette.ColorRole.ToolTipText: "#e6e6e6",
        QPalette.ColorRole.Link: "#8ab4f8",
    })


def light_palette() -> QPalette:
    return _palette({
        QPalette.ColorRole.Window: "#f3f3f1", QPalette.ColorRole.WindowText: "#202020",
        QPalette.ColorRole.Base: "#fdfdfb", QPalette.ColorRole.AlternateBase: "#f1f1ee",
        QPalette.ColorRole.Text: "#1d1d1d", QPalette.ColorRole.PlaceholderText: "#8a8a8a",
        QPalette.ColorRole.Button: "#ececea", QPalette.ColorRole.ButtonText: "#202020",
        QPalette.ColorRole.Highlight: "#3d6fb6", QPalette.ColorRole.HighlightedText: "#ffffff",
    })


def use_fusion_style(app: QApplication) -> None:
    """The themes' style. Setting a style is costly even when it is the same one, and re-polishes
    every widget: the launch calls this before building any."""
    if app.style().name() != "fusion":
        app.setStyle("Fusion")


def apply_theme(theme: str) -> bool:
    """Sets the application's palette; returns True when the result is dark."""
    app = QApplication.instance()
    dark = theme == "dark" or (theme == "system" and system_prefers_dark())
    if isinstance(app, QApplication):
        use_fusion_style(app)
        app.setPalette(dark_palette() if dark else light_palette())
    return dark
