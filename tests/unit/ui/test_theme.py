"""Light and dark themes, chosen from the View menu; "system" follows the desktop's palette."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QPalette, QTextCursor
from PySide6.QtWidgets import QApplication

from desktop_app.annotations.colors import BY_NAME
from desktop_app.ui import theme
from desktop_app.ui.theme import apply_theme, dark_palette

A003 = "003_dc324faea7d1abe7"


@pytest.fixture
def light_again(qapp: QApplication) -> Iterator[None]:
    yield
    apply_theme("light")  # the application's palette outlives each test's window


def test_the_dark_theme_from_the_view_menu_recolors_the_text_and_highlights_and_is_remembered(
    make_window, light_again
) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.open_passage(A003, None)
    start = window.reader.article.plain_text.index("我非常同意陈石总的看法")
    window.annotations.add(A003, start, start + 5, color="blue")
    window.refresh_annotations()
    window.theme_actions["dark"].trigger()
    assert window.theme_actions["dark"].isChecked() and not window.theme_actions["system"].isChecked()
    assert QApplication.palette().color(QPalette.ColorRole.Base).lightness() < 60
    cursor = QTextCursor(window.reader.document())
    cursor.setPosition(window.reader.layout_map.document_position(start) + 1)
    assert cursor.charFormat().background().color().name() == BY_NAME["blue"].dark
    assert cursor.charFormat().foreground().color().lightness() > 180  # light text on the dark page
    window.close()
    again = make_window()
    assert again.theme == "dark" and again.theme_actions["dark"].isChecked()


def test_the_system_theme_follows_the_desktops_palette(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, light_again
) -> None:  # type: ignore[no-untyped-def]
    # The desktop's palette is read once, before any theme replaces it, and remembered.
    monkeypatch.setattr(theme, "_desktop_is_dark", None)
    qapp.setPalette(dark_palette())  # what Qt makes from a dark desktop
    assert apply_theme("system") is True
    assert apply_theme("light") is False
    assert apply_theme("system") is True  # still the desktop's, not the light theme just set
    monkeypatch.setattr(theme, "_desktop_is_dark", None)
    qapp.setPalette(theme.light_palette())
    assert apply_theme("system") is False
    # A saved "dark" applied at launch must not pass for the desktop's choice later.
    monkeypatch.setattr(theme, "_desktop_is_dark", None)
    assert apply_theme("dark") is True
    assert apply_theme("system") is False


def test_a_disabled_control_looks_disabled_in_both_themes() -> None:
    from PySide6.QtGui import QPalette

    from desktop_app.ui.theme import dark_palette, light_palette

    for palette in (light_palette(), dark_palette()):
        for role in (QPalette.ColorRole.ButtonText, QPalette.ColorRole.Text):
            enabled = palette.color(QPalette.ColorGroup.Active, role)
            assert palette.color(QPalette.ColorGroup.Disabled, role) != enabled
