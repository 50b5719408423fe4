"""Searching while another process rebuilds the index: every search answers, from the old
generation or the new one, and every rebuild completes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.e2e.cli_runner import run_cli

ROOT = Path(__file__).resolve().parents[2]

REBUILDER = """
import sys
from pathlib import Path
from desktop_app.corpus.library import Library
from desktop_app.paths import DataPaths
from desktop_app.search.index import SearchIndex
paths = DataPaths(Path(sys.argv[1]), "tester")
articles = Library(paths).articles()
for _ in range(int(sys.argv[2])):
    SearchIndex(paths.index_dir, paths.cache_dir).update(articles, rebuild=True)
print("done")
"""

SEARCHER = """
import sys, time
from pathlib import Path
from desktop_app.paths import DataPaths
from desktop_app.search.index import SearchIndex
paths = DataPaths(Path(sys.argv[1]), "tester")
kept = SearchIndex(paths.index_dir, paths.cache_dir)  # one reader kept open throughout, as the window does
answered = failed = 0
deadline = time.time() + float(sys.argv[2])
while time.time() < deadline:
    for index in (kept, SearchIndex(paths.index_dir, paths.cache_dir)):
        try:
            answered += bool(index.search("北美的商业"))
        except Exception as error:
            failed += 1
            print(type(error).__name__, error, file=sys.stderr)
print(answered, failed)
"""


def test_searches_during_rebuilds_in_another_process_all_answer(tmp_path: Path) -> None:
    assert run_cli(tmp_path, "index").code == 0
    logs = {f"{name}-err": (tmp_path / f"{name}.err").open("w+") for name in ("rebuild", "search")}
    logs |= {name: (tmp_path / f"{name}.out").open("w+") for name in ("rebuild", "search")}
    rebuilder = subprocess.Popen(
        [sys.executable, "-c", REBUILDER, str(tmp_path), "4"],
        cwd=ROOT,
        stdout=logs["rebuild"],
        stderr=logs["rebuild-err"],
        text=True,
    )
    searcher = subprocess.Popen(
        [sys.executable, "-c", SEARCHER, str(tmp_path), "12"],
        cwd=ROOT,
        stdout=logs["search"],
        stderr=logs["search-err"],
        text=True,
    )
    assert rebuilder.wait(timeout=300) == 0 and searcher.wait(timeout=300) == 0
    for log in logs.values():
        log.close()
    rebuilt, searched = (tmp_path / "rebuild.out").read_text(), (tmp_path / "search.out").read_text()
    search_errors = (tmp_path / "search.err").read_text()
    assert rebuilt.strip() == "done", (tmp_path / "rebuild.err").read_text()
    answered, failed = map(int, searched.split())
    assert failed == 0, search_errors
    assert answered > 30
    generations = [path for path in (tmp_path / "cache" / "index").iterdir() if path.name.startswith("gen-")]
    assert len(generations) <= 2  # the current one and the one a reader may still hold
    assert run_cli(tmp_path, "search", "北美的商业", "--json").json()
