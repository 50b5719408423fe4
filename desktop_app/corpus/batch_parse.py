"""Parsing files in forked worker processes, each file under a time and a memory limit.

A hostile or pathological file (20 KB of nested brackets keeps Python-Markdown busy for
seconds, 18 MB of nested lists for ever) must cost its own refusal, never the app's time: each
file is parsed in a worker that is killed when the file's time is up, and whose address space
is capped so that a runaway parse fails with MemoryError instead of swapping the machine.
Workers are forked, so they inherit jieba's loaded tagger (and the parse function itself)
instead of loading them again; a worker that was killed is replaced. Where there is no fork
(Windows), one process parses everything, without those limits.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import time
from collections import deque
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import NamedTuple, cast

try:
    import resource
except ImportError:  # Windows
    resource = None  # type: ignore[assignment]

from desktop_app.corpus.model import Article

BASE_SECONDS = 4.0  # for any file; a real article of a few hundred KB parses in a fraction of this
SECONDS_PER_MB = 1.5  # beyond the first MB (real articles parse at about 1 s per MB, jieba included)
MEMORY_HEADROOM = 1 << 30  # bytes a worker may allocate beyond what it inherited


class ParsedFile(NamedTuple):
    path: Path
    article: Article | None
    error: str | None  # why the file was refused, for the user
    digest: str | None  # the content's hash, which keeps a just-written copy's cache entry valid


def content_digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def time_limit(path: Path) -> float:
    try:
        megabytes = path.stat().st_size / 2**20
    except OSError:
        megabytes = 0.0
    return BASE_SECONDS + SECONDS_PER_MB * max(0.0, megabytes - 1)


def parse_files(
    paths: Sequence[Path],
    parse_one: Callable[[Path], ParsedFile],
    warm_up: Callable[[], None] = lambda: None,
    workers: int | None = None,
    keep_warm_up: bool = True,
) -> list[ParsedFile]:
    """``parse_one`` applied to every path, in order, each in a worker under its limits;
    ``warm_up`` runs first in the parent, so that the workers inherit what it loads. With
    ``keep_warm_up`` False, the parent is a child process that supervises the workers and sends
    the results back: what the warm-up loads (jieba's tagger, ~135 MiB) then leaves with it
    instead of staying in the caller (the window) for as long as it runs."""
    if not paths:
        return []
    if "fork" not in multiprocessing.get_all_start_methods():
        return [parse_one(path) for path in paths]
    count = max(1, min(workers or os.cpu_count() or 1, len(paths)))
    if not keep_warm_up:
        parsed = _supervised_aside(paths, parse_one, warm_up, count)
        if parsed is not None:
            return parsed
    warm_up()
    return _Supervisor(paths, parse_one).run(count)


def _supervised_aside(
    paths: Sequence[Path], parse_one: Callable[[Path], ParsedFile], warm_up: Callable[[], None], count: int
) -> list[ParsedFile] | None:
    """The results of a supervisor run in a child process, or None when that child died (the
    caller then supervises the workers itself)."""
    context = multiprocessing.get_context("fork")
    ours, theirs = context.Pipe(duplex=False)
    # Not a daemon: a daemonic process may not start the workers.
    child = context.Process(target=_supervise, args=(theirs, paths, parse_one, warm_up, count))
    child.start()
    theirs.close()
    try:
        return cast(list[ParsedFile], ours.recv())
    except (EOFError, OSError):
        return None
    finally:
        ours.close()
        child.join()


def _supervise(
    connection: Connection,
    paths: Sequence[Path],
    parse_one: Callable[[Path], ParsedFile],
    warm_up: Callable[[], None],
    count: int,
) -> None:
    warm_up()
    connection.send(_Supervisor(paths, parse_one).run(count))
    connection.close()


class _Worker(NamedTuple):
    process: multiprocessing.process.BaseProcess
    connection: Connection


class _Supervisor:
    def __init__(self, paths: Sequence[Path], parse_one: Callable[[Path], ParsedFile]) -> None:
        self._paths = paths
        self._parse_one = parse_one
        self._context = multiprocessing.get_context("fork")

    def _start(self) -> _Worker:
        ours, theirs = self._context.Pipe()
        process = self._context.Process(target=_serve, args=(theirs, self._paths, self._parse_one), daemon=True)
        process.start()
        theirs.close()
        return _Worker(process, ours)

    def run(self, count: int) -> list[ParsedFile]:
        results: list[ParsedFile | None] = [None] * len(self._paths)
        waiting = deque(range(len(self._paths)))
        busy: dict[Connection, tuple[_Worker, int, float]] = {}  # connection -> (worker, file, deadline)
        idle: list[_Worker] = []
        try:
            for _ in range(count):
                idle.append(self._start())
            while waiting or busy:
                while waiting and idle:
                    worker, number = idle.pop(), waiting.popleft()
                    worker.connection.send(number)
                    busy[worker.connection] = (worker, number, time.monotonic() + time_limit(self._paths[number]))
                next_deadline = min(deadline for _, _, deadline in busy.values())
                for ready in wait(list(busy), timeout=max(0.0, next_deadline - time.monotonic())):
                    connection = cast(Connection, ready)  # wait() hands back what it was given
                    worker, number, _ = busy.pop(connection)
                    try:
                        results[number] = connection.recv()
                        idle.append(worker)
                    except (EOFError, OSError):  # the worker died: the memory cap, or the OS killed it
                        results[number] = ParsedFile(
                            self._paths[number], None, "reading it took more memory than an article can", None
                        )
                        self._stop(worker)
                        idle.append(self._start())
                now = time.monotonic()
                for connection, (worker, number, deadline) in list(busy.items()):
                    if now >= deadline:
                        del busy[connection]
                        seconds = time_limit(self._paths[number])
                        results[number] = ParsedFile(
                            self._paths[number],
                            None,
                            f"reading it took longer than {seconds:.0f} s; it is not "
                            "imported (is it really an article?)",
                            None,
                        )
                        self._stop(worker)
                        if waiting:
                            idle.append(self._start())
        finally:
            for worker in idle + [worker for worker, _, _ in busy.values()]:
                self._stop(worker)
        return [result for result in results if result is not None]

    @staticmethod
    def _stop(worker: _Worker) -> None:
        worker.process.kill()
        worker.process.join()
        worker.connection.close()


def _serve(connection: Connection, paths: Sequence[Path], parse_one: Callable[[Path], ParsedFile]) -> None:
    """A worker's loop: parse the file whose number comes in, send the result back."""
    _cap_memory()
    while True:
        try:
            number = connection.recv()
        except (EOFError, OSError):
            return
        path = paths[number]
        try:
            result = parse_one(path)
        except MemoryError:
            result = ParsedFile(path, None, "reading it took more memory than an article can", None)
        except RecursionError:
            result = ParsedFile(path, None, "it is nested too deeply to be read", None)
        except Exception as error:  # noqa: BLE001 - one file's failure is its own refusal, in one line
            result = ParsedFile(path, None, f"it could not be read ({type(error).__name__})", None)
        connection.send(result)


def _cap_memory() -> None:
    if resource is None:
        return  # Windows: no address-space limits (and no fork); the time limit still holds
    try:
        with open("/proc/self/statm") as statm:
            inherited = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        wanted = inherited + MEMORY_HEADROOM
        resource.setrlimit(resource.RLIMIT_AS, (wanted if hard == resource.RLIM_INFINITY else min(wanted, hard), hard))
    except (OSError, ValueError):
        pass  # no /proc (macOS): the time limit still holds
