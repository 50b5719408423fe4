"""One window per user and data dir: a second launch (a click on an aigc-reader:// link, a
second start) hands its request to the running window and exits.

The running window listens with a ``QLocalServer`` (ui/instance_server.py, after its first
paint); a new launch asks here, with the standard library only (before any Qt import, so that
asking costs the launch nothing): on POSIX the server is a Unix domain socket at the path below,
on Windows a named pipe of that name, both what QLocalServer makes of a full name."""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

from desktop_app.paths import DataPaths

CONNECT_TIMEOUT_S = 0.5


def server_name(paths: DataPaths) -> str:
    """Per user and data dir (two data dirs are two libraries); short enough for a socket path."""
    root = os.path.realpath(paths.root)  # the same folder named two ways is one library
    digest = hashlib.blake2b(f"{root}\0{paths.user}".encode(), digest_size=8).hexdigest()
    if sys.platform == "win32":
        return f"aigc-reader-{digest}"
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    folder = Path(runtime) if runtime and Path(runtime).is_dir() else Path(os.environ.get("TMPDIR") or "/tmp")
    return str(folder / f"aigc-reader-{os.getuid()}-{digest}.sock")


def hand_over(paths: DataPaths, article: str | None = None, block: int | None = None) -> bool:
    """Sends the request (open this passage, or just come to the front) to a running window.
    False when none answers: this launch opens the window itself."""
    request = (json.dumps({"article": article, "block": block}) + "\n").encode()
    name = server_name(paths)
    try:
        if sys.platform == "win32":
            with open(rf"\\.\pipe\{name}", "wb", buffering=0) as pipe:
                pipe.write(request)
            return True
        if not os.path.exists(name):
            return False  # no window is running (the usual launch): not even the socket module is loaded
        import socket  # noqa: PLC0415 - see above: ~4 ms of every launch saved

        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
            connection.settimeout(CONNECT_TIMEOUT_S)
            connection.connect(name)
            connection.sendall(request)
            return connection.recv(3) == b"ok\n"
    except OSError:
        return False


def read_request(line: bytes) -> tuple[str | None, int | None] | None:
    """(article, block) from a request line; None for anything else (never trusted blindly)."""
    try:
        request = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    if not isinstance(request, dict):
        return None
    article, block = request.get("article"), request.get("block")
    if article is not None and not isinstance(article, str):
        return None
    if block is not None and (not isinstance(block, int) or isinstance(block, bool) or not 0 <= block < 10**9):
        return None
    return article, block


def register_link_handler_on_windows() -> None:
    """Windows: aigc-reader:// links open the packaged app (per user, no administrator needed).
    Linux gets a .desktop file from scripts/setup.sh, macOS CFBundleURLTypes from build.spec."""
    if sys.platform != "win32" or not getattr(sys, "frozen", False):
        return
    import winreg  # noqa: PLC0415 - Windows only: no such module elsewhere

    base = r"Software\Classes\aigc-reader"
    try:
        with winreg.CreateKey(winreg.HKEY_CURRENT_USER, base) as key:
            winreg.SetValueEx(key, "", 0, winreg.REG_SZ, "URL:AIGC Reader")
            winreg.SetValueEx(key, "URL Protocol", 0, winreg.REG_SZ, "")
        with winreg.CreateKey(winreg.HKEY_CURRENT_USER, base + r"\shell\open\command") as key:
            winreg.SetValueEx(key, "", 0, winreg.REG_SZ, f'"{sys.executable}" "%1"')
    except OSError:
        pass  # a locked-down registry: links simply do not open the app
