"""The corrections overlay survives kill -9 at any moment: it always reads back whole, holding
every correction that was reported saved."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from desktop_app.corpus.corrections import Overlay

ROOT = Path(__file__).resolve().parents[3]
WRITER = """
import sys
from pathlib import Path
from desktop_app.corpus.corrections import Correction, Overlay
overlay = Overlay(Path(sys.argv[1]), "x")
for number in range(100000):
    overlay.add(Correction("rename-speaker", values=(f"甲{number}", f"乙{number}")))
    print(number, flush=True)
"""


def test_kill_9_while_writing_never_leaves_a_half_written_overlay(tmp_path: Path) -> None:
    generator = random.Random(3)
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    for run in range(12):
        folder = tmp_path / str(run)
        folder.mkdir()
        with subprocess.Popen(
            [sys.executable, "-c", WRITER, str(folder)], stdout=subprocess.PIPE, text=True, env=environment
        ) as writer:
            assert writer.stdout is not None
            writer.stdout.readline()  # running
            time.sleep(generator.uniform(0.0, 0.3))
            writer.send_signal(signal.SIGKILL)
            reported = [int(line) for line in writer.stdout.read().split()]
            writer.wait()
        saved = Overlay(folder, "x").read()  # never a damaged file
        assert len(saved) >= (reported[-1] + 1 if reported else 1)
        assert [c.values[0] for c in saved] == [f"甲{n}" for n in range(len(saved))]
