"""``aigc-reader --self-test``: the real window, offscreen, in a temporary data dir: every
article opened, a search, an annotation round trip (highlight, note, export, undo). One line of
timings; exit 0 when everything worked. The packaged app runs it to prove the bundle works."""

from __future__ import annotations

import html
import os
import sys
import tempfile
import time
from pathlib import Path


def run_self_test() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import markdown
    from PySide6.QtCore import QSettings

    from desktop_app.export.formats import ExportFormat
    from desktop_app.paths import DataPaths
    from desktop_app.session import Session
    from desktop_app.ui.actions import MainAction
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.theme import fusion_application

    timings: dict[str, float] = {}
    started = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal started
        timings[name] = (time.perf_counter() - started) * 1000
        started = time.perf_counter()

    with tempfile.TemporaryDirectory(prefix="aigc-self-test-") as folder:
        paths = DataPaths(Path(folder), "self-test")
        app = fusion_application(sys.argv[:1])
        session = Session(paths)
        library = session.library
        try:
            window = MainWindow(session, QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat))
            window.show()
            app.processEvents()
            from desktop_app.ui.instance_server import InstanceServer  # QtNetwork bundled and working

            server = InstanceServer(window)
            assert server.start(), f"the single-instance server did not listen: {server.errorString()}"
            lap("window")
            articles = library.articles()
            for article in articles:
                window.open_passage(article.id, None)
                app.processEvents()
                shown = window.reader.article.id if window.reader.article else None
                assert shown == article.id, f"opening {article.id} showed {shown}"
                assert article.title in window.reader.toPlainText(), f"{article.id}'s title is not shown"
            lap("open")
            window.search_index.update(articles)
            hits = window.search_index.search("大模型")
            assert hits, "the search found nothing"
            # OpenCC's dictionaries are bundled: a Traditional query finds the Simplified text.
            assert window.search_index.search("數字人"), "a Traditional query found nothing (OpenCC data missing?)"
            lap("search")
            first = articles[0]
            window.open_passage(first.id, None)
            cursor = window.reader.document().find(first.blocks[-1].text[:8])
            window.reader.setTextCursor(cursor)
            window.menu_actions[MainAction.HIGHLIGHT].trigger()
            placed = window.annotations.list(first.id)
            assert len(placed) == 1, "the highlight was not saved"
            window.annotations.edit(placed[0].annotation.id, note="自检笔记")
            exported = window.files.export_text(ExportFormat.MARKDOWN, whole_library=True)
            rendered = html.unescape(markdown.markdown(exported))
            assert "自检笔记" in rendered and placed[0].annotation.anchor.quote in rendered, "the export lacks the note"
            window.annotating.undo()
            window.annotating.undo()
            assert window.annotations.list(first.id) == []
            lap("annotate")
            server.close()
            window.close()
            window.deleteLater()
            app.processEvents()
        except Exception as error:  # noqa: BLE001 - the self-test reports whatever broke, in one line
            print(f"self-test FAILED: {type(error).__name__}: {error}")
            return 1
        finally:
            session.close()
    print(
        "self-test ok: "
        + ", ".join(f"{name} {ms:.0f} ms" for name, ms in timings.items())
        + f" ({len(articles)} articles, {len(hits)} hits)"
    )
    return 0
