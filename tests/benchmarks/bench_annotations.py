"""Annotation figures: add and edit one annotation, list 10,000, export 10,000 to Markdown.

Run: .venv/bin/python tests/benchmarks/bench_annotations.py [--count 10000]
The durability figures (200 kills, two writers) come from tests/integration/annotations/test_store.py.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop_app.annotations.model import Anchor, Annotation  # noqa: E402
from desktop_app.annotations.service import Annotations  # noqa: E402
from desktop_app.annotations.store import AnnotationStore  # noqa: E402
from desktop_app.corpus.library import Library  # noqa: E402
from desktop_app.export.markdown import render_markdown  # noqa: E402
from desktop_app.paths import DataPaths  # noqa: E402


def timed(action) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    action()
    return (time.perf_counter() - started) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=10_000)
    args = parser.parse_args()
    generator = random.Random(4)
    with tempfile.TemporaryDirectory() as folder:
        paths = DataPaths(Path(folder), "bench")
        library = Library(paths)
        articles = library.articles()
        book = Annotations(AnnotationStore(paths.annotations_db), library.get, paths.user)

        adds, edits = [], []
        for _ in range(200):
            article = generator.choice(articles)
            start = generator.randrange(0, len(article.plain_text) - 30)
            adds.append(timed(lambda a=article, s=start: book.add(a.id, s, s + 20, note="笔记", tags=["t"])))
        for placed in book.list()[:200]:
            edits.append(timed(lambda p=placed: book.edit(p.annotation.id, note="改过的笔记", color="green")))
        print(f"add one annotation: median {statistics.median(adds):.2f} ms (in-process, durable on return)")
        print(f"edit one annotation: median {statistics.median(edits):.2f} ms")

        bulk = []
        for number in range(args.count - book.store.count()):
            article = articles[number % len(articles)]
            start = generator.randrange(0, len(article.plain_text) - 30)
            bulk.append(
                Annotation.new(
                    article.id,
                    Anchor.at(article.plain_text, start, start + 24),
                    note=f"第{number}条笔记：*重点* <b>",
                    tags=("批注",),
                )
            )
        book.store.add_missing(bulk)
        cold = []
        for _ in range(5):
            fresh = Annotations(AnnotationStore(paths.annotations_db), library.get, paths.user)
            cold.append(timed(fresh.list))
        listing = [timed(book.list) for _ in range(5)]
        print(
            f"list {book.store.count()} annotations: median {statistics.median(cold):.0f} ms from a fresh open "
            f"(the CLI), {statistics.median(listing):.0f} ms again with nothing changed (the window)"
        )
        command = [
            sys.executable,
            "-m",
            "desktop_app",
            "--data-dir",
            folder,
            "--user",
            "bench",
            "annotate",
            "list",
            "--json",
        ]
        whole = [timed(lambda: subprocess.run(command, check=True, capture_output=True)) for _ in range(3)]
        print(
            f"'aigc-reader annotate list --json' of {book.store.count()}: median {statistics.median(whole):.0f} ms "
            "for the whole command (start Python, open, list, print)"
        )
        placed = book.list()
        export = [timed(lambda: render_markdown(placed, library.get, paths.user, "now")) for _ in range(3)]
        print(
            f"export {len(placed)} to Markdown: median {statistics.median(export):.0f} ms "
            f"(list + render: {statistics.median(listing) + statistics.median(export):.0f} ms)"
        )


if __name__ == "__main__":
    main()
