"""What the window remembers between launches, declared once: key, type and default of each
setting, read and written through QSettings (an ini file in the data dir, or the platform's
store). A value a user or an older version left in a wrong shape reads as the default."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from desktop_app.ui.reader_document import Typography
from desktop_app.ui.reader_view import DEFAULT_POINT_SIZE, MAX_POINT_SIZE, MIN_POINT_SIZE
from desktop_app.ui.theme import THEMES, Theme

GEOMETRY, WINDOW_STATE, THEME = "geometry", "windowState", "theme"
POINT_SIZE, LAST_ARTICLE, LAST_BLOCK = "pointSize", "lastArticle", "lastBlock"
FAMILY, LINE_HEIGHT, PARAGRAPH_SPACING, MEASURE = "fontFamily", "lineHeight", "paragraphSpacing", "measure"
ACROSS_SCRIPTS = "searchAcrossScripts"


class WindowSettings:
    def __init__(self, settings: QSettings) -> None:
        self.store = settings

    def _bytes(self, key: str) -> QByteArray | None:
        value = self.store.value(key)
        return value if isinstance(value, QByteArray) else None

    @property
    def geometry(self) -> QByteArray | None:
        return self._bytes(GEOMETRY)

    @property
    def window_state(self) -> QByteArray | None:
        return self._bytes(WINDOW_STATE)

    @property
    def theme(self) -> Theme:
        theme = self.store.value(THEME, Theme.SYSTEM)
        return Theme(theme) if theme in THEMES else Theme.SYSTEM

    @theme.setter
    def theme(self, theme: Theme) -> None:
        self.store.setValue(THEME, theme)

    @property
    def point_size(self) -> float:
        return self._number(POINT_SIZE, DEFAULT_POINT_SIZE, MIN_POINT_SIZE, MAX_POINT_SIZE)

    @property
    def typography(self) -> Typography:
        default = Typography()
        family = self.store.value(FAMILY, default.family)
        return Typography(
            family if isinstance(family, str) else default.family,
            int(self._number(LINE_HEIGHT, default.line_height, 100, 300)),
            self._number(PARAGRAPH_SPACING, default.paragraph_spacing, 0.0, 3.0),
            int(self._number(MEASURE, default.measure, 0, 200)),
        )

    @typography.setter
    def typography(self, typography: Typography) -> None:
        self.store.setValue(FAMILY, typography.family)
        self.store.setValue(LINE_HEIGHT, typography.line_height)
        self.store.setValue(PARAGRAPH_SPACING, typography.paragraph_spacing)
        self.store.setValue(MEASURE, typography.measure)

    @property
    def across_scripts(self) -> bool:
        """Whether search and find match Simplified and Traditional alike (the 简繁 switch)."""
        return self.store.value(ACROSS_SCRIPTS, "true") not in ("false", False, "0", 0)

    @across_scripts.setter
    def across_scripts(self, on: bool) -> None:
        self.store.setValue(ACROSS_SCRIPTS, "true" if on else "false")

    def _number(self, key: str, default: float, low: float, high: float) -> float:
        """A number in [low, high]; the default for anything else (a hand-edited or older file)."""
        try:
            value = float(self.store.value(key, default))
        except (TypeError, ValueError):
            return default
        return value if low <= value <= high else default

    @property
    def last_place(self) -> tuple[str, int | None] | None:
        """The article read last and its first visible block (None: at the title)."""
        article = self.store.value(LAST_ARTICLE)
        if not isinstance(article, str) or not article:
            return None
        try:
            block = int(self.store.value(LAST_BLOCK, ""))
        except (TypeError, ValueError):
            block = None
        return article, block if block is None or block >= 0 else None

    def save(
        self, geometry: QByteArray, window_state: QByteArray, point_size: float, place: tuple[str, int | None] | None
    ) -> None:
        self.store.setValue(GEOMETRY, geometry)
        self.store.setValue(WINDOW_STATE, window_state)
        self.store.setValue(POINT_SIZE, point_size)
        if place is not None:
            self.store.setValue(LAST_ARTICLE, place[0])
            self.store.setValue(LAST_BLOCK, "" if place[1] is None else place[1])
        self.store.sync()
