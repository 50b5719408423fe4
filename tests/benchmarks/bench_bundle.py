"""The frozen app against a bare PySide6 hello-world (a window with a text view) built the same
way with PyInstaller: bundle size, cold start to the first paint, and build time.

Run: .venv/bin/python tests/benchmarks/bench_bundle.py [--runs 5]   (builds both; a few minutes)
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_startup import BARE, FIRST_ARTICLE, offscreen_platform  # noqa: E402

PYINSTALLER = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "ERROR"]


def size_mib(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 2**20


def first_paint_ms(command: list[str], platform: str) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", platform)}
    output = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120, check=True)
    return float(output.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        started = time.perf_counter()
        subprocess.run(
            [
                *PYINSTALLER,
                "--clean",
                "--distpath",
                str(work / "dist"),
                "--workpath",
                str(work / "build"),
                str(ROOT / "build.spec"),
            ],
            check=True,
            cwd=ROOT,
        )
        build_s = time.perf_counter() - started
        script = work / "hello.py"
        # The bare app uses the same start-up clock; copied in so that it is all it bundles.
        (work / "process_clock.py").write_text((ROOT / "desktop_app" / "process_clock.py").read_text())
        script.write_text(BARE.replace("from desktop_app import process_clock", "import process_clock"))
        subprocess.run(
            [
                *PYINSTALLER,
                "--onedir",
                "--name",
                "hello",
                "--distpath",
                str(work / "dist"),
                "--workpath",
                str(work / "build-hello"),
                "--specpath",
                str(work),
                str(script),
            ],
            check=True,
            cwd=work,
        )
        app, hello = work / "dist" / "aigc-reader", work / "dist" / "hello"
        data = work / "data"
        probe = [str(app / "aigc-reader"), "--data-dir", str(data), "--startup-probe"]
        platform = offscreen_platform(work)
        first_paint_ms(
            probe, platform
        )  # the first start fills the corpus cache and saves the layout, as a first launch does
        article_text = work / "article.txt"  # what the app shows first, for the hello-world to show too
        article_text.write_text(
            subprocess.run(
                [str(app / "aigc-reader"), "--data-dir", str(data), "show", FIRST_ARTICLE, "--text"],
                capture_output=True,
                text=True,
                encoding="utf-8",
                check=True,
            ).stdout,
            encoding="utf-8",
        )
        apps, hellos, hellos_with_article = [], [], []
        for _ in range(args.runs):
            apps.append(first_paint_ms(probe, platform))
            hellos.append(first_paint_ms([str(hello / "hello")], platform))
            hellos_with_article.append(first_paint_ms([str(hello / "hello"), str(article_text)], platform))
        app_size, hello_size = size_mib(app), size_mib(hello)
        print(f"build time (build.spec, from clean): {build_s:.0f} s")
        print(
            f"bundle size: {app_size:.0f} MiB against {hello_size:.0f} MiB for the hello-world: "
            f"{app_size / hello_size:.2f}x (goal: 1.3x)"
        )
        app_ms = statistics.median(apps)
        print(
            f"frozen cold start to first paint: median {app_ms:.0f} ms (best {min(apps):.0f}) against "
            f"{statistics.median(hellos):.0f} ms (best {min(hellos):.0f}): {app_ms / statistics.median(hellos):.2f}x, "
            f"of bests {min(apps) / min(hellos):.2f}x (goal: 1.5x); against the hello-world showing the same article's text, "  # noqa: E501
            f"{statistics.median(hellos_with_article):.0f} ms: {app_ms / statistics.median(hellos_with_article):.2f}x"
        )


if __name__ == "__main__":
    main()
