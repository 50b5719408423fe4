"""Parsing many imported files at once on every core: each file is read and parsed in a forked
worker (the children inherit jieba's loaded tagger instead of loading it again); where there is
no fork (Windows), or for a handful of files, one process does it all.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NamedTuple

from desktop_app.corpus.model import Article

PARALLEL_THRESHOLD = 8  # files; below this a process pool costs more than it saves
_CHUNK = 8


class ParsedFile(NamedTuple):
    path: Path
    article: Article | None
    error: str | None  # why the file was refused, for the user
    digest: str | None  # the content's hash, which keeps a just-written copy's cache entry valid


def content_digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def parse_files(paths: Sequence[Path], parse_one: Callable[[Path], ParsedFile],
                warm_up: Callable[[], None] = lambda: None) -> list[ParsedFile]:
    """``parse_one`` applied to every path, in order, on all cores when it pays; ``warm_up``
    runs first in the parent when workers are forked, so that they inherit what it loads."""
    if len(paths) < PARALLEL_THRESHOLD or "fork" not in multiprocessing.get_all_start_methods():
        return [parse_one(path) for path in paths]
    workers = min(os.cpu_count() or 1, max(1, len(paths) // _CHUNK))
    if workers == 1:
        return [parse_one(path) for path in paths]
    warm_up()
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        return pool.map(parse_one, paths, chunksize=_CHUNK)
