"""Opening an article with 50 highlights in the reader, and drawing 1,000 highlights in one
article (offscreen). Run: .venv/bin/python tests/benchmarks/bench_reader.py"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QSettings  # noqa: E402

from desktop_app.paths import DataPaths  # noqa: E402
from desktop_app.session import Session  # noqa: E402
from desktop_app.ui.main_window import MainWindow  # noqa: E402
from desktop_app.ui.theme import fusion_application  # noqa: E402


def main() -> None:
    app = fusion_application(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        paths = DataPaths(Path(folder), "bench")
        session = Session(paths)
        library, book = session.library, session.annotations
        articles = sorted(library.articles(), key=lambda a: len(a.plain_text))
        longest, other = articles[-1], articles[0]
        step = len(longest.plain_text) // 1000
        for number in range(1000):
            book.add(longest.id, number * step, number * step + max(2, step // 2))
        fifty = articles[-2]
        step = len(fifty.plain_text) // 50
        for number in range(50):
            book.add(fifty.id, number * step, number * step + 10)
        window = MainWindow(session, QSettings(str(Path(folder) / "s.ini"), QSettings.Format.IniFormat))
        window.show()
        app.processEvents()
        for target, label in ((fifty, "50 highlights"), (longest, "1,000 highlights")):
            times = []
            for _ in range(5):
                window.open_passage(other.id, None)
                app.processEvents()
                started = time.perf_counter()
                window.open_passage(target.id, None)
                app.processEvents()  # includes the paint
                times.append((time.perf_counter() - started) * 1000)
            print(
                f"open an article with {label} ({len(target.plain_text)} chars): median {statistics.median(times):.0f} ms"  # noqa: E501
            )
        bar = window.reader.verticalScrollBar()
        started = time.perf_counter()
        steps = 0
        for value in range(0, bar.maximum(), max(1, bar.maximum() // 200)):
            bar.setValue(value)
            window.reader.viewport().repaint()
            steps += 1
        per_frame = (time.perf_counter() - started) * 1000 / max(steps, 1)
        print(f"scrolling with 1,000 highlights: {per_frame:.1f} ms a repainted frame (60 fps needs < 16.7 ms)")
        window.close()


if __name__ == "__main__":
    main()
