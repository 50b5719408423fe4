"""Reliability figures: what the safety checks cost and how fast a damaged store comes back.

Run: .venv/bin/python tests/benchmarks/bench_reliability.py [--count 10000]

- opening a store of COUNT annotations (lock, quick_check, classification) and closing it after
  one change (which takes a backup generation);
- a damaged database of COUNT annotations (pages overwritten in the middle, as a bad sector or a
  stray write would): the time `annotate restore` takes to salvage it page by page and merge the
  newest backup, and how many annotations come back.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop_app.annotations.model import Anchor, Annotation  # noqa: E402
from desktop_app.annotations.recovery import restore  # noqa: E402
from desktop_app.annotations.store import AnnotationStore, StoreDamaged  # noqa: E402

TEXT = "我们今天讨论生成式人工智能对内容行业的影响，以及它会怎样改变写作者的工作方式。" * 40


def timed(action) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    action()
    return (time.perf_counter() - started) * 1000


def fill(database: Path, count: int) -> None:
    generator = random.Random(7)
    store = AnnotationStore(database)
    batch = []
    for number in range(count):
        start = generator.randrange(0, len(TEXT) - 30)
        batch.append(
            Annotation.new(
                f"article-{number % 50}", Anchor.at(TEXT, start, start + 24), note=f"第{number}条笔记", tags=("批注",)
            )
        )
    store.add_missing(batch)
    store.close()


def scribble(database: Path, fraction: float) -> None:
    """Overwrites a run of pages in the middle of the file with noise (the header stays)."""
    data = bytearray(database.read_bytes())
    span = int(len(data) * fraction)
    begin = len(data) // 2 - span // 2
    data[begin : begin + span] = random.Random(1).randbytes(span)
    database.write_bytes(bytes(data))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        pristine = Path(folder) / "pristine" / "annotations.sqlite3"
        pristine.parent.mkdir()
        fill(pristine, args.count)

        database = Path(folder) / "user" / "annotations.sqlite3"
        shutil.copytree(pristine.parent, database.parent)
        opens = [timed(lambda: AnnotationStore(database, backup_on_open=False).close()) for _ in range(7)]
        print(f"open + check + close a store of {args.count}: median {statistics.median(opens):.1f} ms")

        def change_and_close() -> None:
            store = AnnotationStore(database, backup_on_open=False)
            store.put(Annotation.new("article-0", Anchor.at(TEXT, 0, 10), note=str(time.time())))
            store.close()

        closes = [timed(change_and_close) for _ in range(7)]
        print(f"one change then close (a backup generation taken): median {statistics.median(closes):.1f} ms")

        for fraction in (0.05, 0.25):
            shutil.rmtree(database.parent)
            shutil.copytree(pristine.parent, database.parent)
            store = AnnotationStore(database)  # the backup generation this user would have
            store.put(Annotation.new("article-0", Anchor.at(TEXT, 0, 10), note="after the backup"))
            store.put(Annotation.new("article-1", Anchor.at(TEXT, 5, 15), note="after the backup too"))
            store._connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # noqa: SLF001 - the rows on disk
            store._connection.close()  # noqa: SLF001 - no close-time backup: the two are only in the file
            scribble(database, fraction)
            try:
                AnnotationStore(database).close()
            except StoreDamaged:
                pass
            started = time.perf_counter()
            report = restore(database)
            elapsed = (time.perf_counter() - started) * 1000
            after = AnnotationStore(database)
            total = after.count()
            after.close()
            print(
                f"restore after {fraction:.0%} of the file overwritten: {elapsed:.0f} ms; "
                f"{report.from_salvage} salvaged from the damaged file + {report.from_backup} from the backup = "
                f"{total} of {args.count + 2} (both made after the last backup: "
                f"{'back' if total == args.count + 2 else 'lost'})"
            )


if __name__ == "__main__":
    main()
