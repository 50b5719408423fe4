"""Search figures: index build time and query latency on the five articles and on a generated
corpus of 2,000 articles (paragraphs of the five recombined), against a plain substring scan;
with --articles 10000, the issue-18 scale (21 M characters): build, 200 mixed queries (median
and p95, beside the scan), adding one article, and the process's peak resident memory.

Run: .venv/bin/python tests/benchmarks/bench_search.py [--articles 2000] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import random
import resource
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop_app.corpus.library import Library  # noqa: E402
from desktop_app.corpus.model import Article, Block  # noqa: E402
from desktop_app.folding import fold_text  # noqa: E402
from desktop_app.paths import DataPaths  # noqa: E402
from desktop_app.search.index import SearchIndex  # noqa: E402

COMMON = ["AIGC", "大模型", "ChatGPT", "中国", "技术", "创业公司", "数据"]
RARE = ["阿喀琉斯之踵", "奶酪", "柳叶熙", "万物总动员", "杜雨", "speaker:黄民烈 中文", "-游戏 商业模式"]
CROSS = ["国人的", "北美的商业", "价值，并且打破", "比如游戏", "AI绘画", "chatgpt", "型的", "的技术"]
# Either script, and speaker names (the generated articles carry no turns: names match in text).
SCRIPTS = ["數字人", "人工智慧", "軟體", "大模型 數據", "黄民烈", "李笛", "小冰", "商業模式"]


def generated_corpus(articles: list[Article], count: int, seed: int = 7) -> list[Article]:
    generator = random.Random(seed)
    blocks = [b for a in articles for b in a.blocks if b.kind != "heading"]
    speakers = [s for a in articles for s in a.speakers]
    corpus = []
    for number in range(count):
        chosen: list[Block] = []
        while sum(len(b.text) for b in chosen) < 2000:  # about 2,000 characters an article
            chosen.append(generator.choice(blocks)._replace(topic=None))
        corpus.append(
            Article(
                id=f"gen_{number:05d}", title=f"生成文章 {number}", blocks=tuple(chosen), speakers=tuple(speakers[:10])
            )
        )
    return corpus


def latencies(index: SearchIndex, queries: list[str], rounds: int) -> list[float]:
    times = []
    for _ in range(rounds):
        for query in queries:
            started = time.perf_counter()
            index.search(query, limit=20)
            times.append((time.perf_counter() - started) * 1000)
    return times


def scan_latencies(articles: list[Article], queries: list[str]) -> list[float]:
    folded = [fold_text(b.text) for a in articles for b in a.blocks]
    times = []
    for query in queries:
        needles = [fold_text(t) for t in query.split() if ":" not in t and not t.startswith("-")]
        started = time.perf_counter()
        [text for text in folded if all(n in text for n in needles)]
        times.append((time.perf_counter() - started) * 1000)
    return times


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def size_of(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 2**20


def report(name: str, times: list[float]) -> str:
    return f"{name}: median {statistics.median(times):.2f} ms, p95 {percentile(times, 0.95):.2f} ms"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    queries = COMMON + RARE + CROSS + SCRIPTS
    with tempfile.TemporaryDirectory() as folder:
        paths = DataPaths(Path(folder), "bench")
        articles = Library(paths).articles()
        index = SearchIndex(paths.index_dir, paths.cache_dir)
        started = time.perf_counter()
        index.update(articles)  # includes jieba's dictionary load
        print(
            f"five articles: index build from nothing {time.perf_counter() - started:.2f} s "
            f"(jieba load included), {size_of(paths.index_dir):.1f} MiB"
        )
        small = latencies(index, queries, 10)
        print(report("five articles, queries", small))

        big = generated_corpus(articles, args.articles)
        chars = sum(a.chars for a in big)
        big_index = SearchIndex(Path(folder) / "big", paths.cache_dir)
        profiler = cProfile.Profile() if args.profile else None
        started = time.perf_counter()
        if profiler:
            profiler.enable()
        big_index.update(big)
        if profiler:
            profiler.disable()
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(15)
        build = time.perf_counter() - started
        print(
            f"{len(big)} articles ({chars / 1e6:.1f} M chars): index build {build:.1f} s, "
            f"{size_of(Path(folder) / 'big'):.0f} MiB on disk"
        )
        rounds = max(1, round(200 / len(queries)))  # about 200 queries
        times = latencies(big_index, queries, rounds)
        scans = scan_latencies(big, queries * rounds)
        print(report(f"{len(big)} articles, queries", times))
        print(report(f"{len(big)} articles, plain substring scan", scans))
        print(f"scan/index median ratio: {statistics.median(scans) / statistics.median(times):.1f}x")
        extra = replace(generated_corpus(articles, 1, seed=99)[0], id="gen_extra")
        started = time.perf_counter()
        big_index.update([*big, extra])
        print(f"adding one article to {len(big)}: {time.perf_counter() - started:.2f} s")
        print(f"peak resident memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
