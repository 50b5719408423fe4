"""Long work off the main thread, with the result delivered back on it: workers never touch
widgets, their callbacks run on the GUI thread through a queued signal."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class _Relay(QObject):
    finished = Signal(object)
    failed = Signal(object)


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
    """Runs callables on a small thread pool; keeps the relays alive until they report."""

    def __init__(self, parent: QObject) -> None:
        self._parent = parent
        self._pool = QThreadPool(parent)
        self._pool.setMaxThreadCount(2)
        self._relays: set[_Relay] = set()

    def run(self, work: Callable[[], Any], done: Callable[[Any], None],
            failed: Callable[[BaseException], None] | None = None) -> None:
        relay = _Relay(self._parent)
        self._relays.add(relay)

        def finish(result: Any) -> None:
            self._relays.discard(relay)
            relay.deleteLater()
            done(result)

        def fail(error: Any) -> None:
            self._relays.discard(relay)
            relay.deleteLater()
            if failed is not None:
                failed(error)

        relay.finished.connect(finish)
        relay.failed.connect(fail)
        self._pool.start(_Task(work, relay))

    def wait(self, milliseconds: int = 30_000) -> bool:
        return self._pool.waitForDone(milliseconds)
