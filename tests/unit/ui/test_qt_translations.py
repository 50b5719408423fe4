"""The UI's language follows the system locale: Chinese for Chinese, English otherwise."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from desktop_app.export.formats import ExportFormat
from desktop_app.ui.translations import install_translations

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "scripts"))

from translations_en import QM, SOURCES, TS, untranslated  # noqa: E402

TOOLS = Path(sys.executable).parent


@pytest.fixture
def language(qapp: QApplication) -> Iterator[object]:
    installed = []

    def use(locale: QLocale) -> None:
        installed.extend(install_translations(qapp, locale))

    yield use
    installed.extend(install_translations(qapp, QLocale.c()))  # the window's language back to Chinese
    for translator in installed:  # the other tests read the Chinese texts
        qapp.removeTranslator(translator)


def test_a_chinese_system_gets_qts_own_buttons_in_chinese(language) -> None:  # type: ignore[no-untyped-def]
    language(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close | QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Close).text() == "关闭"
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"


def test_chinese_is_the_default_where_the_locale_names_no_language(language, make_window) -> None:  # type: ignore[no-untyped-def]
    language(QLocale.c())
    window = make_window()
    assert [action.text() for action in window.menuBar().actions()][0] == "文件(&F)"
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"


def test_another_system_gets_the_window_in_english(language, make_window) -> None:  # type: ignore[no-untyped-def]
    language(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    window = make_window()
    assert [action.text() for action in window.menuBar().actions()] == ["&File", "&Edit", "&View", "&Help"]
    assert window.library_dock.windowTitle() == "Library" and window.outline.focus_button.text() == "Only this speaker"
    assert window.library_panel.proxy.headerData(0, Qt.Orientation.Horizontal) == "Title"
    assert window.windowTitle().startswith("AIGC Reader — ")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancel"
    window.annotations.add_quote("003_dc324faea7d1abe7", "震撼和冲击", tags=["AI"])
    exported = window.files.export_text(ExportFormat.MARKDOWN, whole_library=True)  # in the UI's language
    assert exported.startswith("# Annotations\n") and "Tags: #AI" in exported and "🟨 yellow" in exported


def test_every_text_of_the_window_has_its_english_and_the_qm_is_current(tmp_path: Path) -> None:
    """Run scripts/translations_en.py after changing a text of the window."""
    ts = tmp_path / TS.name
    shutil.copy(TS, ts)
    subprocess.run(
        [str(TOOLS / "pyside6-lupdate"), *map(str, SOURCES), "-no-obsolete", "-ts", str(ts)],
        check=True,
        capture_output=True,
    )
    assert untranslated(ts) == []
    assert ts.read_text(encoding="utf-8").count("<message") == TS.read_text(encoding="utf-8").count("<message")
    qm = tmp_path / QM.name
    subprocess.run([str(TOOLS / "pyside6-lrelease"), str(TS), "-qm", str(qm)], check=True, capture_output=True)
    assert qm.read_bytes() == QM.read_bytes()
