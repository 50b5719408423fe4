"""The users' own articles: the development corpus in ../shared/realworld (24 real pages, clips
and transcripts with hand-read gold), scored by its own scorer through the real command line.
The figures are the issue's targets; the bundled five are held exactly by the corpus tests."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.corpus.pipeline import parse_bytes

ROOT = Path(__file__).resolve().parents[2]
REALWORLD = ROOT.parent / "shared" / "realworld"
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not (REALWORLD / "score.py").is_file(), reason="the shared development corpus is not beside the checkout"
    ),
]


def test_the_development_corpus_meets_the_import_targets(tmp_path: Path) -> None:
    report = tmp_path / "score.json"
    scored = subprocess.run(
        [
            sys.executable,
            str(REALWORLD / "score.py"),
            "--cmd",
            f"{sys.executable} -m desktop_app",
            "--json-out",
            str(report),
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        timeout=600,
    )
    assert scored.returncode == 0, (
        scored.stdout[-3000:] + scored.stderr[-2000:]
    )  # no refusal, traceback or lost sentence
    totals = json.loads(report.read_text(encoding="utf-8"))["totals"]
    assert totals["speaker_precision"] >= 0.95 and totals["speaker_f1"] >= 0.90, totals
    assert totals["titles_ok"] >= 0.95 * totals["titles_scored"], totals
    assert totals["must_keep_kept"] == totals["must_keep_total"], totals
    assert totals["must_drop_dropped"] >= 0.90 * totals["must_drop_total"], totals


@pytest.mark.parametrize(
    "page", sorted(p.name for p in (REALWORLD / "articles").glob("*.html")) if REALWORLD.is_dir() else []
)
def test_cleaning_keeps_every_paragraph_of_running_text_the_extractor_found(page: str) -> None:
    import trafilatura

    data = (REALWORLD / "articles" / page).read_bytes()
    found = trafilatura.extract(data.decode("utf-8", "replace"), include_comments=False) or ""
    kept = "".join(parse_bytes(page, data, "imported").plain_text.split())
    for paragraph in found.splitlines():
        if len(re.findall(r"[\u4e00-\u9fff]", paragraph)) >= 100:  # running Chinese text: never dropped
            assert "".join(paragraph.split()) in kept, paragraph[:60]
