import gc
import threading

from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from desktop_app.ui.workers import Background


def test_the_collector_never_runs_on_a_pool_thread_and_comes_back_after(qtbot: QtBot) -> None:
    owner = QObject()
    background = Background(owner)
    release = threading.Event()
    seen: dict[str, object] = {}

    def work() -> str:
        seen["enabled during the task"] = gc.isenabled()
        release.wait(10)
        return threading.current_thread().name

    assert gc.isenabled()
    background.run(work, lambda name: seen.setdefault("result", name))
    assert not gc.isenabled()  # off before the task can start
    release.set()
    qtbot.waitUntil(lambda: "result" in seen, timeout=10_000)
    assert seen["enabled during the task"] is False
    assert seen["result"] != threading.current_thread().name
    assert gc.isenabled()


def test_a_task_whose_report_is_never_delivered_gives_the_collector_back_on_wait(qtbot: QtBot) -> None:
    owner = QObject()
    background = Background(owner)
    background.run(lambda: None, lambda _result: None)
    assert background.wait(10_000)  # returns before the queued report is processed
    assert gc.isenabled()
    qtbot.wait(50)  # the late report finds nothing left to give back
    assert gc.isenabled()


def test_a_closed_background_starts_nothing_and_leaves_the_collector_on(qtbot: QtBot) -> None:
    owner = QObject()
    background = Background(owner)
    assert background.close(1000)
    ran: list[str] = []
    background.run(lambda: ran.append("ran"), lambda _result: ran.append("reported"))
    assert background.wait(1000)
    qtbot.wait(50)
    assert ran == [] and gc.isenabled()  # a closed window's late timer starts no task
