"""The window's command-line switches, in a real process: --self-test and --startup-probe."""

from __future__ import annotations

import re
from pathlib import Path

from tests.e2e.cli_runner import run_cli


def test_self_test_exercises_the_real_window(tmp_path: Path) -> None:
    result = run_cli(tmp_path, "--self-test", env={"QT_QPA_PLATFORM": "offscreen"})
    assert result.code == 0, result.stdout + result.stderr
    assert re.fullmatch(r"self-test ok: window \d+ ms, open \d+ ms, search \d+ ms, annotate \d+ ms "
                        r"\(5 articles, \d+ hits\)\n", result.stdout)


def test_startup_probe_prints_the_milliseconds_to_first_paint(tmp_path: Path) -> None:
    result = run_cli(tmp_path, "--startup-probe", env={"QT_QPA_PLATFORM": "offscreen"})
    assert result.code == 0, result.stderr
    milliseconds = int(result.stdout.strip())
    assert 0 < milliseconds < 60_000
