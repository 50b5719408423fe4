"""A long index update written by a child process while this one follows it: the window's way
to build the index.

Written in the window's own process, a build at 10,000 articles left it at 1.1 GiB (whoosh's
posting pool, jieba's work, the garbage a long build leaves) and stalled its event loop ~0.6 s a
batch (whoosh's sort holds the GIL). A child process takes both: it inherits the articles
(fork), loads jieba (the window does not: ``query_words``), writes the index batch by batch
exactly as ``SearchIndex.update`` does, and after each batch sends the ids it wrote; this process reads just those rows
(``SearchIndex.follow``), so that searches meanwhile answer over what is written so far.

Small updates (a few articles imported) are written in place where that costs no memory worth a
process: when jieba's dictionary is already loaded here, or the library is small. Otherwise
writing one article in place would load the dictionary (~70 MiB) into the window for the rest
of its life, which at 10,000 articles takes it past its 600 MiB; a child costs about a second.
Where there is no fork (Windows), every update is written in place.
"""

from __future__ import annotations

import gc
import multiprocessing
import signal
import sys
from collections.abc import Iterable
from multiprocessing.connection import Connection
from pathlib import Path

from desktop_app import chinese_scripts
from desktop_app.corpus.model import Article
from desktop_app.errors import DataError
from desktop_app.search import segmenter
from desktop_app.search.index import HeldTable, Progress, SearchIndex, UpdateReport

CHILD_THRESHOLD = 200  # articles to write; fewer may be written in this process (_written_in_place)
SMALL_LIBRARY = 2000  # articles: below this, jieba's dictionary in the window is of no account


def update_aside(
    index: SearchIndex, articles: Iterable[Article], rebuild: bool = False, progress: Progress | None = None
) -> UpdateReport:
    """``index.update(articles, rebuild, progress)``, written by a child process when it is long."""
    articles = list(articles)
    with index.updates_in_turn:  # a second update (an import during the first build) waits for the first
        if _written_in_place(index, articles, rebuild):
            return index.update(articles, rebuild, progress)
        return _update_in_child(index, articles, rebuild, progress)


def _written_in_place(index: SearchIndex, articles: list[Article], rebuild: bool) -> bool:
    if "fork" not in multiprocessing.get_all_start_methods():
        return True
    to_write = index.articles_to_write(articles, rebuild)
    if to_write == 0:
        return True  # nothing to write: jieba is not loaded
    return to_write < CHILD_THRESHOLD and (segmenter.is_loaded() or len(articles) < SMALL_LIBRARY)


def _update_in_child(
    index: SearchIndex, articles: list[Article], rebuild: bool, progress: Progress | None
) -> UpdateReport:
    # Loaded here, before the fork (the window needs it to search): the child inherits it
    # instead of loading it again. jieba is left to the child, which alone needs it.
    chinese_scripts.signature()
    context = multiprocessing.get_context("fork")
    receiving, sending = context.Pipe(duplex=False)
    child = context.Process(
        target=_write_in_child,
        args=(index.root, index.cache_dir, articles, rebuild, index.table_in_memory(), sending),
        name="aigc-reader index writer",
    )
    child.start()
    sending.close()  # the child's end only: the pipe reports the child's exit as EOF
    index.writer_process = child
    try:
        while True:
            try:
                message = receiving.recv()
            except EOFError:
                raise DataError("the search index writer stopped before it finished") from None
            if message[0] == "batch":
                _, generation, written, removed, done, total = message
                index.follow(generation, written, removed, done, total)
                if progress:
                    progress(done, total)
            elif message[0] == "done":
                index.followed()
                report: UpdateReport = message[1]
                return report
            else:
                raise DataError(message[1])
    except BaseException:
        index.abandon_following()
        raise
    finally:
        receiving.close()
        child.join(5)
        if child.is_alive():
            child.terminate()
            child.join(5)


def _write_in_child(
    root: Path, cache_dir: Path, articles: list[Article], rebuild: bool, held: HeldTable | None, sending: Connection
) -> None:
    gc.enable()  # the window keeps it off while background work runs; this process has no widgets
    # Stopped (the window closing), it leaves through SystemExit: the segmenting pool is shut
    # down with it, and the index is left as an interrupted update, which the next one repairs.
    signal.signal(signal.SIGTERM, lambda _signal, _frame: sys.exit(1))
    index = SearchIndex(root, cache_dir)  # its own locks: another thread may have held the parent's at the fork
    index.adopt_table(held)  # inherited with the fork: not read from the file again

    def batch_written(written: list[str], removed: list[str], done: int, total: int) -> None:
        sending.send(("batch", index.generation_dir.name, written, removed, done, total))

    try:
        report = index.update(articles, rebuild, batch_written=batch_written)
    except DataError as error:
        sending.send(("failed", str(error)))
    except Exception as error:  # noqa: BLE001 - reported to the window as the reason search is unavailable
        sending.send(("failed", f"the search index could not be written: {error}"))
    else:
        sending.send(("done", report))
    finally:
        index.close()
        sending.close()
