"""Totals of the real-world scorer's --json-out files, for the development and the validation
split apart (the list under '### validation' in tests/realworld/README.md) and for all files."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "tests" / "realworld" / "README.md"


def validation_files() -> set[str]:
    text = README.read_text(encoding="utf-8").split("### validation", 1)[1]
    return set(re.findall(r"^- (\S+)$", text, re.M))


def totals(files: list[dict]) -> dict[str, float]:
    tp = sum(f["speakers"]["tp"] for f in files)
    fp = sum(f["speakers"]["fp"] for f in files)
    fn = sum(f["speakers"]["fn"] for f in files)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    def ratio(hits: int, total: int) -> str:
        return f"{hits}/{total} ({hits / total:.0%})" if total else "-"

    return {
        "files": len(files),
        "P/R/F1": f"{precision:.3f}/{recall:.3f}/{f1:.3f} (tp {tp}, fp {fp}, fn {fn})",
        "titles": ratio(sum(f["title_ok"] is True for f in files), sum(f["title_ok"] is not None for f in files)),
        "must_keep": ratio(sum(f["must_keep"]["kept"] for f in files), sum(f["must_keep"]["total"] for f in files)),
        "must_drop": ratio(sum(f["must_drop"]["dropped"] for f in files), sum(f["must_drop"]["total"] for f in files)),
        "affiliations": ratio(
            sum(f["speakers"]["affiliation"]["hits"] for f in files),
            sum(f["speakers"]["affiliation"]["total"] for f in files),
        ),
        "roles": ratio(
            sum(f["speakers"]["role"]["hits"] for f in files), sum(f["speakers"]["role"]["total"] for f in files)
        ),
        "errors": sum(bool(f["errors"]) or f["traceback"] or f["refused"] for f in files),
    }


def main(paths: list[str]) -> None:
    files = [entry for path in paths for entry in json.loads(Path(path).read_text(encoding="utf-8"))["files"]]
    held_out = validation_files()
    for name, subset in (
        ("development", [f for f in files if f["file"] not in held_out]),
        ("validation", [f for f in files if f["file"] in held_out]),
        ("all", files),
    ):
        print(f"{name:12s}", "  ".join(f"{key} {value}" for key, value in totals(subset).items()))


if __name__ == "__main__":
    main(sys.argv[1:])
