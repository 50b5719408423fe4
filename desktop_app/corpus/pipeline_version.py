"""The version of the import pipeline: the parsed-article cache is keyed by it, so that a change
to the importer parses every article again.

``IMPORTER_FINGERPRINT`` is a hash of the importer's own code (``importer_fingerprint``); a test
fails when the code changes and the fingerprint does not, which is the moment to bump
``PIPELINE_VERSION`` and record the new fingerprint. The hash is not computed at run time: the
frozen app has no sources, and the CLI's start must stay fast.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

PIPELINE_VERSION = 5  # 5: implicit turns (chat bubbles, question headings), furniture, labels
IMPORTER_FINGERPRINT = "65ed5786f74bf14c"

# The modules whose code decides what an import produces. Not the library (where articles are
# kept), the batch parser (how parses are scheduled) or the confidence (read from the result).
_NOT_IMPORTER = {"library.py", "batch_parse.py", "pipeline_version.py", "outline_confidence.py", "focus.py"}
_ALSO_IMPORTER = ("folding.py",)


def importer_sources(package: Path | None = None) -> list[Path]:
    corpus = package or Path(__file__).parent
    files = [path for path in sorted(corpus.glob("*.py")) if path.name not in _NOT_IMPORTER]
    return files + [corpus.parent / name for name in _ALSO_IMPORTER]


def importer_fingerprint(package: Path | None = None) -> str:
    digest = hashlib.sha256()
    for path in importer_sources(package):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]
