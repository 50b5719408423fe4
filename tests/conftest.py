"""Shared fixtures. Qt runs offscreen: this must be set before anything imports Qt."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from desktop_app.corpus.library import Library  # noqa: E402
from desktop_app.paths import DataPaths  # noqa: E402
from desktop_app.session import Session  # noqa: E402

SOURCES = Path(__file__).resolve().parent.parent / "sources"


@pytest.fixture(scope="session")
def qapp_args(pytestconfig: pytest.Config) -> list[str]:
    """The window's tests run in the style the app asks Qt for (see ui/theme.py)."""
    return [pytestconfig.getini("qt_qapp_name"), "-style", "fusion"]


@pytest.fixture
def data_paths(tmp_path: Path) -> DataPaths:
    return DataPaths(tmp_path / "data", "tester")


@pytest.fixture
def library(data_paths: DataPaths) -> Library:
    return Library(data_paths)


@pytest.fixture
def session(data_paths: DataPaths, library: Library):  # type: ignore[no-untyped-def]
    """The tester's session over the library fixture (closed afterwards: its backup is taken)."""
    opened = Session(data_paths, library=library)
    yield opened
    opened.close()


@pytest.fixture(scope="session")
def corpus() -> dict[str, object]:
    """The five bundled articles, parsed once for the whole session."""
    from desktop_app.corpus.pipeline import parse_bytes

    return {path.stem: parse_bytes(path.stem, path.read_bytes()) for path in sorted(SOURCES.glob("*.txt"))}
