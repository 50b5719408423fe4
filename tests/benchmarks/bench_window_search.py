"""The window over a large library, as a user meets it: N generated interviews (default 10,000,
about 21 M characters) imported with one command, then the window opened on them. Measured:
how long the search index takes to build in the background, whether the window stays usable
meanwhile (the longest stall of its event loop, and searches typed into the dock answering over
what is indexed so far), query latency in the window's process once built, adding one article
as an import does (a child writes it: the window holds no jieba), and the window's resident
memory (now and at its peak).

Run: .venv/bin/python tests/benchmarks/bench_window_search.py [--files 10000]
"""

from __future__ import annotations

import argparse
import gc
import multiprocessing
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop_app.paths import DataPaths  # noqa: E402
from desktop_app.search import segmenter  # noqa: E402
from desktop_app.search.build_process import update_aside  # noqa: E402
from desktop_app.session import Session  # noqa: E402
from desktop_app.ui.main_window import MainWindow  # noqa: E402
from tests.benchmarks.bench_import import COMMAND, generate  # noqa: E402
from tests.benchmarks.bench_search import COMMON, CROSS, RARE, SCRIPTS, percentile  # noqa: E402

TICK_MS = 20
LONG_STALL_MS = 100  # listed one by one, with when they happened


def memory(process: str = "self") -> tuple[float, float]:
    """(resident now, peak resident) in MiB, from the kernel's own accounting."""
    status = Path(f"/proc/{process}/status").read_text()
    fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=10000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        sources, data = Path(folder) / "sources", Path(folder) / "data"
        sources.mkdir()
        # In a child process: generating imports the import pipeline (trafilatura, lxml), which the
        # window over an imported library never loads; its memory is not the window's.
        writer = multiprocessing.get_context("fork").Process(target=generate, args=(sources, args.files))
        writer.start()
        writer.join()
        started = time.perf_counter()
        subprocess.run([COMMAND, "--data-dir", str(data), "import", str(sources)], check=True, capture_output=True)
        print(f"import {args.files} files: {time.perf_counter() - started:.1f} s")

        app = QApplication.instance() or QApplication([])
        session = Session(DataPaths(data, "bench"))
        window = MainWindow(session, QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat))
        window.show()
        app.processEvents()
        chars = sum(article.chars for article in session.library.articles())
        print(
            f"window open on {len(session.library.articles())} articles ({chars / 1e6:.1f} M chars), "
            f"resident memory {memory()[0]:.0f} MiB"
        )

        panel = window.search_panel
        stalls: list[float] = []
        last = [time.perf_counter()]
        partial_answers: list[str] = []

        worst: list[tuple[float, float, str]] = []

        writer_peak = [0.0]  # the child process writing the index (build_process)
        highest: list[Any] = [0.0, 0.0, ""]  # the window's resident memory at its highest, when, the status then

        def tick() -> None:
            writer = window.search_index.writer_process
            if writer is not None and writer.is_alive():
                try:
                    writer_peak[0] = max(writer_peak[0], memory(str(writer.pid))[1])
                except (OSError, KeyError):
                    pass  # it has just exited
            now = time.perf_counter()
            if len(stalls) % 10 == 0:  # where the window's peak comes from: every 0.2 s
                resident = memory()[0]
                if resident > highest[0]:
                    highest[:] = [resident, now - started, panel.status.text()]
            stalls.append((now - last[0]) * 1000 - TICK_MS)
            if stalls[-1] > LONG_STALL_MS:
                worst.append((stalls[-1], now - started, panel.status.text()))
            last[0] = now

        ticker = QTimer()
        ticker.setInterval(TICK_MS)
        ticker.timeout.connect(tick)
        ticker.start()
        queries = iter(["大模型", "數字人", "张三", "商业模式", "人工智慧"] * 100)

        def ask() -> None:  # a user typing into the dock while it builds
            if "正在建立索引" in panel.status.text() and "条结果" in panel.status.text():
                partial_answers.append(panel.status.text())
            panel.query.setText(next(queries))

        asker = QTimer()
        asker.setInterval(3000)
        asker.timeout.connect(ask)
        asker.start()
        collections: list[tuple[float, int, float]] = []  # the cyclic collector's passes: ms, generation, when
        collecting = [0.0]

        def timed(phase: str, info: dict[str, int]) -> None:
            if phase == "start":
                collecting[0] = time.perf_counter()
            else:
                collections.append(((time.perf_counter() - collecting[0]) * 1000, info["generation"], collecting[0]))

        gc.callbacks.append(timed)
        started = time.perf_counter()
        window.start_background_loading()
        while not (panel._ready and not panel._partial and "正在" not in panel.status.text()):  # noqa: SLF001
            app.processEvents()
            time.sleep(0.005)
        build = time.perf_counter() - started
        ticker.stop()
        asker.stop()
        print(f"background index build: {build:.0f} s; window resident memory then {memory()[0]:.0f} MiB")
        print(
            f"event loop while building: median stall {statistics.median(stalls):.1f} ms, "
            f"p95 {percentile(stalls, 0.95):.0f} ms, p99 {percentile(stalls, 0.99):.0f} ms, worst {max(stalls):.0f} ms"
        )
        print(
            f"stalls over {LONG_STALL_MS} ms (ms, seconds into the build, the dock's status): "
            f"{[(round(ms), round(when, 1), status) for ms, when, status in worst]}"
        )
        print(f"searches answered over a partial index: {len(partial_answers)}, e.g. {partial_answers[:1]}")
        longest = max(collections, default=(0.0, 0, started))
        print(
            f"the cyclic collector during the build: {len(collections)} passes, the longest {longest[0]:.0f} ms "
            f"(generation {longest[1]}, {longest[2] - started:.1f} s in)"
        )
        print(
            f"window resident memory at its highest during the build: {highest[0]:.0f} MiB, "
            f"{highest[1]:.0f} s in ({highest[2]})"
        )

        index = window.search_index
        times = []
        for query in (COMMON + RARE + CROSS + SCRIPTS) * 7:
            begun = time.perf_counter()
            index.search(query, limit=200)
            times.append((time.perf_counter() - begun) * 1000)
        print(
            f"{len(times)} queries in the window's process: median {statistics.median(times):.1f} ms, "
            f"p95 {percentile(times, 0.95):.1f} ms"
        )
        extra = replace(session.library.articles()[3], id="zzz_one_more")  # one article imported
        begun = time.perf_counter()
        written = update_aside(index, [*session.library.articles(), extra])
        print(
            f"adding one article in the window: {time.perf_counter() - begun:.2f} s "
            f"({'by a child process' if not segmenter.is_loaded() else 'in place'}; added {written.added})"
        )
        import jieba

        loaded = [name for name in ("trafilatura", "lxml", "jieba.posseg") if name in sys.modules]
        dictionary = "loaded" if jieba.dt.initialized else "not loaded"
        print(f"in the window's process: jieba's dictionary {dictionary}; modules {loaded}")
        resident, peak = memory()
        print(f"window resident memory: {resident:.0f} MiB now, {peak:.0f} MiB peak")
        print(f"index writer process (a child, gone once built): peak {writer_peak[0]:.0f} MiB")
        window.close()
        session.close()


if __name__ == "__main__":
    main()
