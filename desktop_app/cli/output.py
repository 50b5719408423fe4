"""Printing for the command line: JSON (the contract) and one-line errors."""

from __future__ import annotations

import json
import sys
from typing import Any


def format_json(value: Any) -> str:
    """Indented JSON, except that a top-level array puts one compact element a line: the C
    encoder only runs without ``indent``, and a listing of 10,000 annotations indented by the
    pure-Python encoder takes half a second."""
    if isinstance(value, list) and value:
        return "[\n" + ",\n".join("  " + json.dumps(item, ensure_ascii=False) for item in value) + "\n]"
    return json.dumps(value, ensure_ascii=False, indent=2)


def print_json(value: Any) -> None:
    sys.stdout.write(format_json(value) + "\n")


def fail(message: str, code: int = 1) -> int:
    """Prints one error line on stderr and returns the exit code to use."""
    one_line = " ".join(line.strip() for line in message.splitlines() if line.strip())  # names may hold newlines
    print(f"aigc-reader: error: {one_line}", file=sys.stderr)
    return code
