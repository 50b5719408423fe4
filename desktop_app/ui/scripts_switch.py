"""The 简繁 switch that the search dock and the find bar carry at the end of their text field:
on, Simplified and Traditional match alike; off, only the typed script. A line edit shows an
action by its icon only, so the icon is the glyph 繁, drawn in the highlight colour when on and
faint and struck through when off."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QRectF, Qt
from PySide6.QtGui import QAction, QColor, QFont, QIcon, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QApplication, QLineEdit

SIZE = 32  # drawn at twice the size a line edit shows it, for high-density screens


def _glyph(color: QColor, struck: bool) -> QPixmap:
    pixmap = QPixmap(SIZE, SIZE)
    pixmap.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont(QApplication.font())
    font.setPixelSize(int(SIZE * 0.8))
    painter.setFont(font)
    painter.setPen(color)
    painter.drawText(QRectF(0, 0, SIZE, SIZE), Qt.AlignmentFlag.AlignCenter, "繁")
    if struck:
        painter.setPen(QPen(color, SIZE / 12))
        painter.drawLine(3, SIZE - 3, SIZE - 3, 3)
    painter.end()
    return pixmap


def scripts_icons() -> tuple[QIcon, QIcon]:
    """The switch's look when on and when off. Two icons, swapped on toggle: a line edit draws
    an action's icon in its Off state whatever the action's check state."""
    on = QApplication.palette().color(QPalette.ColorRole.Highlight)
    off = QColor(QApplication.palette().color(QPalette.ColorRole.Text))
    off.setAlphaF(0.35)
    return QIcon(_glyph(on, struck=False)), QIcon(_glyph(off, struck=True))


def add_scripts_switch(field: QLineEdit, parent: QObject) -> QAction:
    """A checkable action at the end of the field, on by default."""
    action = QAction(QCoreApplication.translate("ScriptsSwitch", "简繁"), parent)
    action.setCheckable(True)
    action.setChecked(True)
    on, off = scripts_icons()
    action.setIcon(on)
    action.toggled.connect(lambda checked: action.setIcon(on if checked else off))
    action.setToolTip(
        QCoreApplication.translate("ScriptsSwitch", "简繁通查：數字人 也找到 数字人（关闭后只找所输入的字形）")
    )
    field.addAction(action, QLineEdit.ActionPosition.TrailingPosition)
    return action
