"""A lock held by another thread at a fork does not hold up the child."""

from __future__ import annotations

import multiprocessing
import threading

import pytest

from desktop_app.fork_safe import ForkSafeLock

LOCK = ForkSafeLock()


def _take() -> None:
    with LOCK:
        pass


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="no fork here")
def test_a_child_forked_while_another_thread_holds_the_lock_can_take_it() -> None:
    held, release = threading.Event(), threading.Event()

    def hold() -> None:
        with LOCK:
            held.set()
            release.wait(30)

    holder = threading.Thread(target=hold)
    holder.start()
    assert held.wait(10)
    child = multiprocessing.get_context("fork").Process(target=_take)
    child.start()
    child.join(10)
    if child.is_alive():
        child.kill()
    release.set()
    holder.join(10)
    assert child.exitcode == 0
