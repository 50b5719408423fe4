"""Corpus figures: cleaning the five bundled articles from nothing, and a start from the cache.

Run: .venv/bin/python tests/benchmarks/bench_corpus.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop_app.corpus.library import Library  # noqa: E402
from desktop_app.corpus.pipeline import parse_bytes  # noqa: E402
from desktop_app.paths import DataPaths, bundled_sources_dir  # noqa: E402

ROUNDS = 20


def main() -> None:
    sources = [(path.stem, path.read_bytes()) for path in sorted(bundled_sources_dir().glob("*.txt"))]
    parse_times = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        for article_id, data in sources:
            parse_bytes(article_id, data)
        parse_times.append((time.perf_counter() - started) * 1000)
    with tempfile.TemporaryDirectory() as folder:
        paths = DataPaths(Path(folder), "bench")
        started = time.perf_counter()
        Library(paths).articles()
        cold = (time.perf_counter() - started) * 1000
        cached = []
        for _ in range(ROUNDS):
            started = time.perf_counter()
            Library(paths).articles()
            cached.append((time.perf_counter() - started) * 1000)
    print(
        f"clean+structure 5 articles: median {statistics.median(parse_times):.1f} ms, "
        f"max {max(parse_times):.1f} ms (first round {parse_times[0]:.1f} ms)"
    )
    print(f"library load, empty cache: {cold:.1f} ms; from cache: median {statistics.median(cached):.1f} ms")


if __name__ == "__main__":
    main()
