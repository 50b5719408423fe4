"""Cold start to the first painted window: the app (with the last article open) against a bare
PySide6 window with a text view, each measured from process start to first paint, in one run.

Run: .venv/bin/python tests/benchmarks/bench_startup.py [--runs 7]   (set QT_QPA_PLATFORM as you like)
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

BARE = """
import sys
from desktop_app import process_clock
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QTextEdit
app = QApplication(sys.argv[:1])
view = QTextEdit()
view.setPlainText("你好，世界。" * 200)
class First(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not getattr(self, "seen", False):
            self.seen = True
            QTimer.singleShot(0, lambda: (print(f"{process_clock.elapsed_ms():.0f}", flush=True), app.quit()))
        return False
first = First()
view.viewport().installEventFilter(first)
view.resize(1100, 760)
view.show()
app.exec()
"""


def measure(command: list[str], env: dict[str, str]) -> float:
    output = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT, timeout=120, check=True)
    return float(output.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as folder:
        app = [sys.executable, "-m", "desktop_app", "--data-dir", folder, "--startup-probe"]
        measure(app, env)  # the first start parses the corpus into the cache, as a first launch does
        apps, bares = [], []
        for _ in range(args.runs):  # interleaved, so that the machine's mood hits both alike
            apps.append(measure(app, env))
            bares.append(measure([sys.executable, "-c", BARE], env))
    app_ms, bare_ms = statistics.median(apps), statistics.median(bares)
    print(f"bare PySide6 window: median {bare_ms:.0f} ms (best {min(bares):.0f}); aigc-reader with the last "
          f"article open: median {app_ms:.0f} ms (best {min(apps):.0f}); ratio of medians {app_ms / bare_ms:.2f}, "
          f"of bests {min(apps) / min(bares):.2f} (goal: at most 1.5)")


if __name__ == "__main__":
    main()
