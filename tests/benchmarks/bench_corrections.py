"""Corrections: applying 100 to an article of 500 blocks (goal: 20 ms).

Run: .venv/bin/python tests/benchmarks/bench_corrections.py
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop_app.corpus.corrections import Correction, apply, block_key  # noqa: E402
from desktop_app.corpus.pipeline import parse_bytes  # noqa: E402


def interview(blocks: int) -> bytes:
    generator = random.Random(5)
    names = ["主持人", "张三", "李四", "王五", "赵六"]
    parts = ["# 一场圆桌"]
    for number in range(blocks):
        if number % 25 == 0:
            parts.append(f"## 第{number // 25 + 1}个话题是什么？")
        name = names[0] if number % 5 == 0 else generator.choice(names[1:])
        parts.append(f"{name}：这是第{number}段发言，讲的是生成式人工智能对内容行业的影响和机会。")
    return "\n\n".join(parts).encode()


def main() -> None:
    article = parse_bytes("bench", interview(480))
    generator = random.Random(9)
    corrections = [Correction("speaker-info", values=("张三", "某公司 CEO", "guest"))]
    headings = [topic.block for topic in article.topics]
    starts = [turn.block for turn in article.turns]
    for number in range(99):  # each kind on blocks where it applies
        kind = ("rename-topic", "turn", "not-turn")[number % 3]
        block = generator.choice(headings if kind == "rename-topic" else starts)
        key, occurrence = block_key(article, block)
        values = {"rename-topic": (f"新话题{number}",), "turn": ("孙七",), "not-turn": ()}[kind]
        corrections.append(Correction(kind, key, occurrence, values))
    times = []
    for _ in range(20):
        started = time.perf_counter()
        corrected, stale = apply(article, corrections)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    median, p95 = statistics.median(times), times[int(len(times) * 0.95) - 1]
    size = f"{len(corrections)} corrections to {len(article.blocks)} blocks"
    print(f"apply {size}: median {median:.1f} ms, p95 {p95:.1f} ms (goal: 20 ms)")
    print(f"({len(stale)} stale: a not-turn whose turn an earlier correction had undone)")


if __name__ == "__main__":
    main()
