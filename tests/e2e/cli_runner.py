"""Runs the real command line in a child process, as a script or a user would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass
class Result:
    code: int
    stdout: str
    stderr: str

    def json(self) -> Any:
        return json.loads(self.stdout)


def run_cli(
    data_dir: Path, *args: str, user: str = "tester", stdin: str | None = None, env: dict[str, str] | None = None
) -> Result:
    inherited = {key: value for key, value in os.environ.items() if key != "AIGC_READER_DATA_DIR"}
    environment = {**inherited, "PYTHONIOENCODING": "utf-8", **(env or {})}
    completed = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--data-dir", str(data_dir), "--user", user, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        input=stdin,
        env=environment,
        timeout=120,
    )
    return Result(completed.returncode, completed.stdout, completed.stderr)


def assert_one_line_error(result: Result, *words: str) -> None:
    assert result.code != 0
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith("aigc-reader: error: ")
    for word in words:
        assert word in result.stderr, result.stderr
