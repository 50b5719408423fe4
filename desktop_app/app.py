"""Runs the window: the application, the session (desktop_app.session puts the objects together),
the window over it, and the two-step start-up."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from desktop_app.cli.hints import with_hint
from desktop_app.paths import DataPaths, resources_dir
from desktop_app.session import Session
from desktop_app.single_instance import hand_over, register_link_handler_on_windows

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


def run_gui(
    paths: DataPaths, argv: Sequence[str], open_at: tuple[str, int | None] | None = None, probe: bool = False
) -> int:
    """Runs the window; ``open_at`` (article id, block) opens that passage (an aigc-reader:// link);
    ``probe`` prints the milliseconds from process start to the first paint and, once the panels
    are built (their time goes to stderr), closes the window as a user would: its layout and
    last article are saved, so the next launch is a returning user's."""
    if not probe and hand_over(paths, *(open_at or (None, None))):
        return 0  # the running window opens it (and comes to the front)
    missing = missing_display()
    if missing:
        print(f"aigc-reader: error: {missing}", file=sys.stderr)
        return 1
    from PySide6.QtCore import QLocale, QSettings, QTimer

    from desktop_app.process_clock import elapsed_ms
    from desktop_app.ui.first_paint import after_first_paint
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.theme import fusion_application
    from desktop_app.ui.translations import install_translations

    app = fusion_application(argv)
    app.setApplicationName("aigc-reader")
    install_translations(app, QLocale.system())
    session = Session(paths, backup_on_open=False)  # the backup waits for the first paint
    problem = session.open_leniently()

    settings_file = paths.window_settings_file  # None: the window's own default, the platform's store
    settings = QSettings(str(settings_file), QSettings.Format.IniFormat) if settings_file else None
    window = MainWindow(session, settings, build_panels_now=False)
    if open_at is not None:
        window.open_passage(*open_at)
    if problem is not None:
        print(f"aigc-reader: error: {with_hint(problem)}", file=sys.stderr)
        QTimer.singleShot(0, lambda: window.offer_restore(str(problem)))

    def on_first_paint() -> None:
        if probe:
            print(f"{elapsed_ms():.0f}", flush=True)
        from PySide6.QtGui import QIcon  # the icon too can wait for the text to be on screen

        app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "aigc-reader.png")))
        from desktop_app.logs import start_logging  # logging.handlers: ~8 ms of imports, after the paint too

        start_logging(paths.log_dir)
        if not probe:
            from desktop_app.ui.instance_server import InstanceServer  # QtNetwork: ~20 ms, after the paint

            window.instance_server = InstanceServer(window)
            window.instance_server.start()
            register_link_handler_on_windows()
        window.session.annotations.store.refresh_backup()
        window.build_panels()
        if probe:
            print(f"aigc-reader: panels ready at {elapsed_ms():.0f} ms", file=sys.stderr, flush=True)
            window.close()
        else:
            QTimer.singleShot(100, window.start_background_loading)  # once the panels have been painted

    after_first_paint(window.reader.viewport(), on_first_paint)
    window.show()
    close_on_terminate(window)
    code = int(app.exec())
    window.session.close()
    return code


def close_on_terminate(window: QWidget) -> None:
    """SIGTERM (a logout, a shutdown, ``kill``) closes the window as Ctrl+Q does, so that a note
    typed a moment ago and the reading place are saved. Python runs a signal handler only when
    the interpreter gets control: a timer hands it control four times a second."""
    import signal

    from PySide6.QtCore import QTimer

    signal.signal(signal.SIGTERM, lambda _number, _frame: QTimer.singleShot(0, window.close))
    wake = QTimer(window)
    wake.timeout.connect(lambda: None)
    wake.start(250)


def missing_display() -> str | None:
    """Why the window cannot open here, when that is plain beforehand: on Linux, without a display
    Qt aborts the process with a screenful of plugin messages (and a core dump)."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return (
        "no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is set); "
        "the commands work without one: aigc-reader --help"
    )
