"""The window's command-line switches, in a real process: --self-test and --startup-probe."""

from __future__ import annotations

import re
from pathlib import Path

from desktop_app.annotations.model import Anchor, Annotation
from desktop_app.annotations.store import AnnotationStore, backup_path_for, read_backup
from desktop_app.paths import DataPaths
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


def test_the_window_backs_the_annotations_up_once_it_has_painted(tmp_path: Path) -> None:
    # The backup copy waits until after the first paint; it must still be taken at every launch.
    database = DataPaths(tmp_path.resolve(), "tester").annotations_db
    store = AnnotationStore(database, backup_on_open=False)
    store.put(Annotation.new("000_5b4e62939488a476", Anchor("引用", "前", "后", 0, 2), note="备份我"))
    store.close()
    assert not backup_path_for(database).exists()
    result = run_cli(tmp_path, "--startup-probe", env={"QT_QPA_PLATFORM": "offscreen"})
    assert result.code == 0, result.stderr
    assert [a.note for a in read_backup(backup_path_for(database))] == ["备份我"]
