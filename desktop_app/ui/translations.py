"""The UI's language: Chinese (the language the texts are written in) by default and for a
Chinese system locale, English for any other language the locale names, with Qt's own texts
(dialog buttons, the file dialog) to match."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop_app.paths import resources_dir


def wants_chinese(locale: QLocale) -> bool:
    # The C/POSIX locale names no language: the default, Chinese, applies.
    return locale.language() in (QLocale.Language.Chinese, QLocale.Language.C, QLocale.Language.AnyLanguage)


_language = "zh"


def ui_language() -> str:
    """ "zh" or "en": the language the window speaks (and writes its exports in)."""
    return _language


def install_translations(app: QCoreApplication, locale: QLocale) -> list[QTranslator]:
    """Installs the translators for the locale; returns them (removeTranslator undoes it)."""
    global _language
    _language = "zh" if wants_chinese(locale) else "en"
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    wanted = (
        [("qtbase", qt_folder), ("qt", qt_folder)]  # qt: the meta catalogue (the file dialog's other modules)
        if wants_chinese(locale)
        else [("aigc_reader", str(resources_dir() / "translations"))]
    )
    language = (
        QLocale(QLocale.Language.Chinese, QLocale.Country.China)
        if wants_chinese(locale)
        else QLocale(QLocale.Language.English)
    )
    installed = []
    for name, folder in wanted:
        translator = QTranslator(app)
        if translator.load(language, name, "_", folder):  # e.g. qtbase_zh_CN.qm, aigc_reader_en.qm
            app.installTranslator(translator)
            installed.append(translator)
    return installed
