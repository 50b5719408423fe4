"""Printing for the command line: JSON (the contract) and one-line errors."""

from __future__ import annotations

import json
import sys
from typing import Any


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def fail(message: str, code: int = 1) -> int:
    """Prints one error line on stderr and returns the exit code to use."""
    print(f"aigc-reader: error: {message}", file=sys.stderr)
    return code
