"""A lock that a forked child process gets anew: a child forked while another thread held a
plain lock would wait on it forever (the thread that would release it does not exist there).
The index writer and the parsing supervisor are forked from the window, whose threads may be
converting scripts or loading jieba at that moment."""

from __future__ import annotations

import os
import threading
from types import TracebackType


class ForkSafeLock:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        if hasattr(os, "register_at_fork"):  # Unix only; elsewhere nothing forks
            os.register_at_fork(after_in_child=self._renew)

    def _renew(self) -> None:
        self._lock = threading.Lock()

    def __enter__(self) -> ForkSafeLock:
        self._lock.acquire()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self._lock.release()
