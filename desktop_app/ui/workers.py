"""Long work off the main thread, with the result delivered back on it: workers never touch
widgets, their callbacks run on the GUI thread through a queued signal."""

from __future__ import annotations

import gc
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class _Relay(QObject):
    finished = Signal(object)
    failed = Signal(object)


class _CollectorOnGuiThread:
    """Python's cyclic collector runs in whichever thread happens to allocate; on a pool thread
    it would destroy Qt objects caught in garbage cycles (old windows, their panels) from the
    wrong thread, which crashes Qt. While any task runs, automatic collection is off; it comes
    back on, on the GUI thread, when the last one has reported."""

    running = 0
    was_enabled = True

    @classmethod
    def task_started(cls) -> None:
        if cls.running == 0:
            cls.was_enabled = gc.isenabled()
            gc.disable()
        cls.running += 1

    @classmethod
    def task_ended(cls) -> None:
        cls.running -= 1
        if cls.running == 0 and cls.was_enabled:
            gc.enable()


class _Task(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._work = work
        self._relay = relay

    @Slot()
    def run(self) -> None:
        try:
            result = self._work()
        except Exception as error:  # noqa: BLE001 - handed to the caller, shown in the window
            self._relay.failed.emit(error)
        else:
            self._relay.finished.emit(result)


class Background:
    """Runs callables on a small thread pool; keeps each task and its relay alive until it
    reports. The pool does not delete the tasks: that would drop the last references to their
    Python callables (and whatever those hold, the window included) on a pool thread, where
    Qt objects must not be destroyed; they are released here, on the GUI thread."""

    def __init__(self, parent: QObject) -> None:
        self._parent = parent
        self._pool = QThreadPool(parent)
        self._pool.setMaxThreadCount(2)
        self._running: dict[_Relay, _Task] = {}
        self._closed = False

    def run(
        self,
        work: Callable[[], Any],
        done: Callable[[Any], None],
        failed: Callable[[BaseException], None] | None = None,
    ) -> None:
        if self._closed:
            return  # the window is gone: a timer that fires after it closed starts nothing
        relay = _Relay(self._parent)
        task = _Task(work, relay)
        task.setAutoDelete(False)
        self._running[relay] = task

        def settle() -> None:
            if self._running.pop(relay, None) is not None:
                _CollectorOnGuiThread.task_ended()
            relay.deleteLater()

        def finish(result: Any) -> None:
            settle()
            done(result)

        def fail(error: Any) -> None:
            settle()
            if failed is not None:
                failed(error)

        relay.finished.connect(finish)
        relay.failed.connect(fail)
        _CollectorOnGuiThread.task_started()
        self._pool.start(task)

    def close(self, milliseconds: int = 30_000) -> bool:
        """Waits for the running tasks, as ``wait`` does, and starts no task after: what a
        closed window's timers ask for would never report (and would keep the collector off)."""
        self._closed = True
        return self.wait(milliseconds)

    def wait(self, milliseconds: int = 30_000) -> bool:
        """Waits for the running tasks (the window does before it closes, when their reports
        may never be delivered); the collector is given back for those that are done."""
        done = self._pool.waitForDone(milliseconds)
        if done:
            for relay in list(self._running):
                self._running.pop(relay)
                _CollectorOnGuiThread.task_ended()
        return done
