"""Milliseconds since this process started: what a user waits from the click to the window.

On Linux the kernel's start time of the process is read (so interpreter start-up counts too);
elsewhere the clock starts when this module is first imported, which ``__main__`` does first.
"""

from __future__ import annotations

import os
import time

_IMPORTED_AT = time.monotonic()


def _linux_process_age_s() -> float | None:
    try:
        with open("/proc/self/stat", encoding="ascii") as stream:
            fields = stream.read().rsplit(")", 1)[1].split()
        started_ticks = int(fields[19])  # field 22 of stat: start time, in clock ticks after boot
        with open("/proc/uptime", encoding="ascii") as stream:
            uptime = float(stream.read().split()[0])
        return uptime - started_ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


_AGE_AT_IMPORT = _linux_process_age_s()


def elapsed_ms() -> float:
    since_import = time.monotonic() - _IMPORTED_AT
    return ((_AGE_AT_IMPORT or 0.0) + since_import) * 1000
