"""A note typed in the window is in the store a second after the last keystroke, whatever
happens next: SIGKILL (20 runs), and SIGTERM at logout (the window closes as Ctrl+Q does)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop_app.annotations.store import AnnotationStore

ROOT = Path(__file__).resolve().parents[2]
A003 = "003_dc324faea7d1abe7"
TYPING = """
import sys
from pathlib import Path
from PySide6.QtCore import QTimer, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication
from desktop_app.app import close_on_terminate
from desktop_app.paths import DataPaths
from desktop_app.session import Session
from desktop_app.ui.main_window import MainWindow
from PySide6.QtCore import QSettings

app = QApplication([])
session = Session(DataPaths(Path(sys.argv[1]), "tester"))
window = MainWindow(session, QSettings(sys.argv[2], QSettings.Format.IniFormat))
window.show()
close_on_terminate(window)
window.open_passage(sys.argv[4], None)
window.reader.setTextCursor(window.reader.document().find("震撼和冲击"))
window.reader_controls.highlight()
window.annotations_panel.note.setFocus()

def type_note() -> None:
    event = QInputMethodEvent("", [])
    event.setCommitString(sys.argv[3])
    QApplication.sendEvent(window.annotations_panel.note, event)
    print("typed", flush=True)

QTimer.singleShot(50, type_note)
sys.exit(app.exec())
"""


def type_then(tmp_path: Path, note: str, then: signal.Signals, after: float) -> list[str]:
    data = tmp_path / "data"
    command = [sys.executable, "-c", TYPING, str(data), str(tmp_path / "window.ini"), note, A003]
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=environment
    ) as process:
        assert process.stdout is not None and process.stdout.readline() == "typed\n"
        time.sleep(after)
        process.send_signal(then)
        process.wait(timeout=30)
    store = AnnotationStore(data / "users" / "tester" / "annotations.sqlite3")
    try:
        return [annotation.note for annotation in store.all() if annotation.note]
    finally:
        store.close()


@pytest.mark.slow
def test_a_note_typed_a_second_before_sigkill_is_saved_in_20_of_20_runs(tmp_path: Path) -> None:
    for run in range(20):
        assert type_then(tmp_path / str(run), f"第{run}次的笔记", signal.SIGKILL, 1.0) == [f"第{run}次的笔记"], run


def test_sigterm_at_once_after_typing_saves_the_note_and_closes_cleanly(tmp_path: Path) -> None:
    assert type_then(tmp_path, "注销前刚打的字", signal.SIGTERM, 0.05) == ["注销前刚打的字"]
