"""Import figures, as a user runs them: 2,000 generated files imported with one command (the
files are interviews recombined from the five bundled articles' paragraphs, with speaker
labels in the shapes real transcripts use), the library listed right after, one real web page
parsed inside a batch, and a one-file import command from a cold start (jieba included).

Run: .venv/bin/python tests/benchmarks/bench_import.py [--files 2000] [--page PATH]
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

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from desktop_app.corpus.library import Library  # noqa: E402
from desktop_app.corpus.pipeline import parse_bytes  # noqa: E402
from desktop_app.paths import DataPaths  # noqa: E402

COMMAND = str(ROOT / ".venv" / "bin" / "aigc-reader")
LABEL_SHAPES = ["**{name}**：{text}", "{name}：{text}", "**{name}：**{text}", "[00:1{n}:30] {name}：{text}"]


def generate(folder: Path, count: int, seed: int = 11) -> None:
    generator = random.Random(seed)
    paragraphs = [
        b.text
        for a in Library(DataPaths(folder / "seed-data", "bench")).articles()
        for b in a.blocks
        if b.kind == "paragraph" and len(b.text) > 40
    ]
    names = ["张三", "李四", "王五", "赵六", "主持人", "记者"]
    for number in range(count):
        shape = LABEL_SHAPES[number % len(LABEL_SHAPES)]
        speakers = generator.sample(names, 3)
        body = [f"# 第{number}次访谈：{speakers[1]}谈大模型", "", generator.choice(paragraphs), ""]
        while sum(len(line) for line in body) < 2000:
            body += [
                shape.format(name=generator.choice(speakers), text=generator.choice(paragraphs), n=number % 10),
                "",
            ]
        (folder / f"interview_{number:05d}.md").write_text("\n".join(body), encoding="utf-8")


def timed(*args: str) -> tuple[float, subprocess.CompletedProcess[str]]:
    started = time.perf_counter()
    done = subprocess.run([COMMAND, *args], capture_output=True, text=True, encoding="utf-8")
    if done.returncode != 0:
        raise SystemExit(done.stderr)
    return time.perf_counter() - started, done


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument(
        "--page", type=Path, default=ROOT.parent / "shared" / "realworld" / "articles" / "netease_us_covid.html"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        batch = folder / "batch"
        batch.mkdir()
        generate(batch, args.files)
        for count in sorted({args.files // 10, args.files // 2, args.files}):
            subset = folder / f"subset-{count}"
            subset.mkdir()
            for path in sorted(batch.iterdir())[:count]:
                (subset / path.name).symlink_to(path)
            seconds, _ = timed("--data-dir", str(folder / f"data-{count}"), "import", str(subset))
            print(f"import {count} files: {seconds:.1f} s ({seconds / count * 1000:.1f} ms a file)")
        listed = [timed("--data-dir", str(folder / f"data-{args.files}"), "list", "--json")[0] for _ in range(3)]
        print(f"list right after importing {args.files}: median {statistics.median(listed):.2f} s (whole command)")
        started = time.perf_counter()
        Library(DataPaths(folder / f"data-{args.files}", "bench")).articles()
        print(f"library load from the cache, {args.files} imported: {time.perf_counter() - started:.2f} s")
        one = folder / "one.md"
        # A one-off person's label makes the import consult jieba's tagger: its load is included.
        one.write_text(
            (batch / "interview_00000.md").read_text(encoding="utf-8") + "\n王小明：我补充一句。\n", encoding="utf-8"
        )
        singles = [timed("--data-dir", str(folder / f"single-{n}"), "import", str(one))[0] for n in range(3)]
        print(f"one-file import command (jieba loaded): median {statistics.median(singles):.2f} s")
    if args.page.is_file():
        data = args.page.read_bytes()
        parse_bytes("warm", data, "imported")
        times = []
        for _ in range(5):
            started = time.perf_counter()
            parse_bytes("page", data, "imported")
            times.append((time.perf_counter() - started) * 1000)
        print(
            f"web page {args.page.name} ({len(data) // 1024} KB) in a batch: median {statistics.median(times):.0f} ms"
        )


if __name__ == "__main__":
    main()
