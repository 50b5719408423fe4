"""The argument parser every command uses."""

from __future__ import annotations

import argparse
import sys
from typing import NoReturn


class OneLineParser(argparse.ArgumentParser):
    """Usage errors are one line on stderr and exit 2, as for every other error."""

    def error(self, message: str) -> NoReturn:
        # Every error line starts the same way (scripts match on it); the command comes after.
        command = self.prog.partition(" ")[2]
        print(f"aigc-reader: error: {command + ': ' if command else ''}{message} (see --help)", file=sys.stderr)
        raise SystemExit(2)
