"""Where data, caches and window settings go: the per-user folders by default, everything in an
asked-for data dir."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from desktop_app.paths import DATA_DIR_ENV, DataPaths


@pytest.mark.skipif(sys.platform != "linux", reason="the XDG variables name the folders on Linux")
def test_by_default_data_and_caches_go_to_the_per_user_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(DATA_DIR_ENV, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    paths = DataPaths.resolve(None, "ann")
    assert paths.annotations_db == tmp_path / "data" / "aigc-reader" / "users" / "ann" / "annotations.sqlite3"
    assert paths.index_dir == tmp_path / "cache" / "aigc-reader" / "index"
    assert paths.for_user("bob").cache_dir == paths.cache_dir
    assert paths.window_settings_file is None  # the platform's settings store


def test_an_asked_for_data_dir_holds_the_caches_and_window_settings_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "from-env"))
    assert DataPaths.resolve(None, "ann").cache_dir == tmp_path / "from-env" / "cache"
    assert DataPaths.resolve(tmp_path / "chosen", "ann").cache_dir == tmp_path / "chosen" / "cache"
    assert (
        DataPaths.resolve(tmp_path / "chosen", "ann").window_settings_file
        == tmp_path / "chosen" / "users" / "ann" / "window.ini"
    )
