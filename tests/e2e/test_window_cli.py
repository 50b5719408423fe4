"""The window from the command line, in a real process: --self-test, --startup-probe, no display."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.annotations.backups import Backups
from desktop_app.annotations.model import Anchor, Annotation
from desktop_app.annotations.store import AnnotationStore, read_backup
from desktop_app.paths import DataPaths
from tests.e2e.cli_runner import run_cli


def test_self_test_exercises_the_real_window(tmp_path: Path) -> None:
    result = run_cli(tmp_path, "--self-test", env={"QT_QPA_PLATFORM": "offscreen"})
    assert result.code == 0, result.stdout + result.stderr
    assert re.fullmatch(
        r"self-test ok: window \d+ ms, open \d+ ms, search \d+ ms, annotate \d+ ms "
        r"\(5 articles, \d+ hits\)\n",
        result.stdout,
    )


def test_startup_probe_prints_the_milliseconds_to_first_paint(tmp_path: Path) -> None:
    result = run_cli(tmp_path, "--startup-probe", env={"QT_QPA_PLATFORM": "offscreen"})
    assert result.code == 0, result.stderr
    milliseconds = int(result.stdout.strip())
    assert 0 < milliseconds < 60_000


def test_the_window_backs_the_annotations_up_once_it_has_painted(tmp_path: Path) -> None:
    # The backup copy waits until after the first paint; it must still be taken at every launch.
    database = DataPaths(tmp_path.resolve(), "tester").annotations_db
    store = AnnotationStore(database, backup_on_open=False)
    store.put(Annotation.new("000_5b4e62939488a476", Anchor("引用", "前", "后", 0, 2), note="备份我"))
    store.close()
    shutil.rmtree(Backups(database).folder)  # as if the change had come from a program without backups
    result = run_cli(tmp_path, "--startup-probe", env={"QT_QPA_PLATFORM": "offscreen"})
    assert result.code == 0, result.stderr
    newest = Backups(database).newest()
    assert newest is not None and [a.note for a in read_backup(newest.path)] == ["备份我"]


# Runs the command line with every Python enum that PySide creates announced on stdout, in order
# with the probe's figure.
ENUM_SPY = """
import enum, sys
create = enum.EnumType._create_
def announce(cls, class_name, *args, **kwargs):
    print("enum", class_name, flush=True)
    return create(cls, class_name, *args, **kwargs)
enum.EnumType._create_ = announce
from desktop_app.cli.main import main
sys.exit(main(sys.argv[1:]))
"""


def test_a_returning_users_first_paint_needs_none_of_qts_namespace_enums(tmp_path: Path) -> None:
    # PySide creates all ~95 enums of Qt's namespace at its first use, ~15 ms: a returning user's
    # launch (layout saved by the last session) must not pay them before the article is on screen.
    command = [sys.executable, "-c", ENUM_SPY, "--data-dir", str(tmp_path), "--user", "tester", "--startup-probe"]
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    first = subprocess.run(command, capture_output=True, text=True, env=environment, timeout=120)
    assert first.returncode == 0, first.stderr
    assert (tmp_path / "users" / "tester" / "window.ini").is_file()  # the probe closed the window as a user does
    again = subprocess.run(command, capture_output=True, text=True, env=environment, timeout=120)
    assert again.returncode == 0, again.stderr
    lines = again.stdout.splitlines()
    painted = next(i for i, line in enumerate(lines) if line.isdigit())
    before, after = set(lines[:painted]), set(lines[painted:])
    assert "enum DockWidgetArea" not in before and "enum GlobalColor" not in before
    assert "enum DockWidgetArea" in after  # the panels, built after the paint, do use them


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="elsewhere the platform always has a screen")
def test_without_a_display_the_window_says_so_in_one_line(tmp_path: Path) -> None:
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "AIGC_READER_DATA_DIR"}
    }
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--data-dir", str(tmp_path)],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
    )
    assert result.returncode == 1
    assert result.stderr.startswith("aigc-reader: error: no display") and result.stderr.count("\n") == 1
