"""Renders the README's screenshots (docs/*.png) from the real window, offscreen, in a
temporary data dir: a few highlights with a note, a search with results, the outline.

Run: .venv/bin/python scripts/screenshots.py            (the Chinese UI)
     .venv/bin/python scripts/screenshots.py --english  (docs/main-window-en.png only)
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, QLocale, QSettings, QTimer  # noqa: E402

from desktop_app.paths import DataPaths  # noqa: E402
from desktop_app.session import Session  # noqa: E402
from desktop_app.ui.main_window import MainWindow  # noqa: E402
from desktop_app.ui.theme import fusion_application  # noqa: E402
from desktop_app.ui.translations import install_translations  # noqa: E402

ARTICLE = "003_dc324faea7d1abe7"
HIGHLIGHTS = [
    ("我非常同意陈石总的看法", "yellow", "同质化的根源在数据", ["观点"]),
    ("大力一定会出奇迹吗", "blue", "", []),
    ("中国 AIGC 新机遇", "green", "", ["机会"]),
]


def settle(milliseconds: int = 300) -> None:
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()


def main() -> None:
    app = fusion_application(sys.argv[:1])
    english = "--english" in sys.argv
    install_translations(app, QLocale(QLocale.Language.English if english else QLocale.Language.Chinese))
    with tempfile.TemporaryDirectory() as folder:
        paths = DataPaths(Path(folder), "读者")
        session = Session(paths)
        annotations = session.annotations
        for quote, color, note, tags in HIGHLIGHTS:
            annotations.add_quote(ARTICLE, quote, color=color, note=note, tags=tags)
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(session, settings)
        window.resize(1400, 860)
        window.show()
        window.open_passage(ARTICLE, None)
        window.start_background_loading()
        settle(3000)  # jieba and the index
        window.navigation.focus_search()
        window.search_panel.query.setText("数据 模型")
        settle(1500)
        window.annotations_dock.raise_()
        window.refresh_annotations(select=annotations.list(ARTICLE)[0].annotation.id)
        settle()
        out = ROOT / "docs"
        window.grab().save(str(out / ("main-window-en.png" if english else "main-window.png")))
        if english:
            window.close()
            session.close()
            return
        window.search_dock.raise_()
        window.set_theme("dark")
        settle()
        window.grab().save(str(out / "main-window-dark.png"))
        window.set_theme("light")
        window.annotations_dock.raise_()
        settle()
        window.annotations_dock.grab().save(str(out / "annotations-dock.png"))
        window.outline.focus_on("朱雷")
        settle()
        window.grab().save(str(out / "focus-speaker.png"))
        window.outline.toggle_focus()  # the whole text again
        window.resize(1500, 900)
        window.view_options.toggle_reading_mode()  # only the text, in its column
        window.open_passage(ARTICLE, 12)
        settle()
        window.grab().save(str(out / "reading-mode.png"))
        window.set_theme("dark")
        settle()
        window.grab().save(str(out / "reading-mode-dark.png"))
        window.set_theme("light")
        window.view_options.toggle_reading_mode()
        window.close()
        session.close()
    app.quit()


if __name__ == "__main__":
    main()
