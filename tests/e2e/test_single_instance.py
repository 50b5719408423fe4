"""A second launch hands its request to the running window and exits: `aigc-reader open URL`
opens the passage in the window already open (which keeps its own saved state)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from desktop_app.paths import DataPaths
from desktop_app.single_instance import hand_over, read_request, server_name
from tests.e2e.cli_runner import run_cli

ROOT = Path(__file__).resolve().parents[2]
A003 = "003_dc324faea7d1abe7"
RUNNING = """
import sys
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from desktop_app.paths import DataPaths
from desktop_app.session import Session
from desktop_app.ui.instance_server import InstanceServer
from desktop_app.ui.main_window import MainWindow

app = QApplication([])
window = MainWindow(Session(DataPaths(Path(sys.argv[1]), "tester")), QSettings(sys.argv[2], QSettings.Format.IniFormat))
window.show()
original = window.open_passage
def reporting(article, block):
    opened = original(article, block)
    print("opened", article, window.reader.first_visible_block(), flush=True)
    return opened
window.open_passage = reporting
server = InstanceServer(window)
assert server.start()
print("listening", flush=True)
sys.exit(app.exec())
"""


def test_open_url_goes_to_the_running_window(tmp_path: Path) -> None:
    data = tmp_path / "data"
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-c", RUNNING, str(data), str(tmp_path / "w.ini")]
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=environment
    ) as window:
        assert window.stdout is not None and window.stdout.readline() == "listening\n"
        started = time.perf_counter()
        second = run_cli(
            data, "open", f"aigc-reader://open?article={A003}&block=11", env={"QT_QPA_PLATFORM": "offscreen"}
        )
        handed_over_in = time.perf_counter() - started
        assert second.code == 0 and second.stderr == "", second.stderr
        assert window.stdout.readline().split() == ["opened", A003, "11"]
        clicked = run_cli(data, f"aigc-reader://open?article={A003}&block=20")  # what a desktop's link click runs
        assert clicked.code == 0 and window.stdout.readline().split() == ["opened", A003, "20"]
        window.terminate()
        window.wait(timeout=30)
    assert handed_over_in < 10  # the second launch exits at once instead of opening a second window


def test_without_a_running_window_nobody_answers_and_bad_requests_are_refused(tmp_path: Path) -> None:
    paths = DataPaths(tmp_path, "tester")
    assert hand_over(paths, A003, 3) is False
    assert len(server_name(paths)) < 100  # a Unix socket path's limit is 108
    assert read_request(b'{"article": "a", "block": 2}\n') == ("a", 2)
    for hostile in (
        b"not json",
        b"[1]",
        b'{"article": 5}',
        b'{"block": -1, "article": "a"}',
        b'{"block": true}',
        b"\xff",
    ):
        assert read_request(hostile) is None
