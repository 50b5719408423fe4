"""Running the command line on a full disk or a read-only folder, for real: inside a private
mount namespace (``unshare``) a small tmpfs, or a read-only bind mount, is laid over the data
dir. Even root cannot write there, so the tests hold whoever runs them."""

from __future__ import annotations

import functools
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@functools.cache
def namespaces_work() -> bool:
    if not sys.platform.startswith("linux") or shutil.which("unshare") is None:
        return False
    probe = subprocess.run(
        [
            "unshare",
            "-rm",
            "sh",
            "-c",
            'mount -t tmpfs -o size=64k tmpfs /mnt 2>/dev/null || mount -t tmpfs -o size=64k tmpfs "$HOME"',
        ],
        capture_output=True,
    )
    return probe.returncode == 0


needs_namespaces = pytest.mark.skipif(
    not namespaces_work(), reason="needs unprivileged mount namespaces (unshare -rm) to fill a disk"
)


def cli(data_dir: Path, *args: str) -> str:
    """The command line, as a shell word list, for a script run by ``confined``."""
    return shlex.join([sys.executable, "-m", "desktop_app", "--data-dir", str(data_dir), "--user", "tester", *args])


def confined(script: str) -> subprocess.CompletedProcess[str]:
    """Runs a shell script as root of a private user and mount namespace (mounts vanish with it)."""
    environment = {key: value for key, value in os.environ.items() if key != "AIGC_READER_DATA_DIR"}
    environment |= {"PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        ["unshare", "-rm", "sh", "-c", script], capture_output=True, text=True, cwd=ROOT, env=environment, timeout=300
    )


def on_a_full_disk(data_dir: Path, steps: str, size_kb: int = 4096) -> str:
    """A script that moves data_dir onto a tmpfs of size_kb, fills it to the last byte, then runs steps."""
    quoted = shlex.quote(str(data_dir))
    return (
        f"set -e; cp -a {quoted} {quoted}.seed; mount -t tmpfs -o size={size_kb}k tmpfs {quoted}; "
        f"cp -a {quoted}.seed/. {quoted}/; dd if=/dev/zero of={quoted}/filler bs=4k 2>/dev/null || true; "
        f"set +e; {steps}"
    )


def read_only(path: Path, steps: str) -> str:
    """A script that makes path (a folder or a file) read-only with a bind mount, then runs steps."""
    quoted = shlex.quote(str(path))
    return f"set -e; mount --bind {quoted} {quoted}; mount -o remount,ro,bind {quoted}; set +e; {steps}"
