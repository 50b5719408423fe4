"""Printing for the command line: JSON (the contract) and one-line errors."""

from __future__ import annotations

import json
import re
import sys
from typing import Any

# Control characters (but line breaks and tabs) and the bidirectional overrides: from a file's
# name or a note, they could move a terminal's cursor, retitle it, or reorder what it shows.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def shown(text: str) -> str:
    """Text from files and users, safe to print on a terminal: each such character as its escape."""
    return _UNPRINTABLE.sub(lambda match: match.group().encode("unicode_escape").decode("ascii"), text)


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
    one_line = shown(" ".join(line.strip() for line in message.splitlines() if line.strip()))  # names may hold newlines
    print(f"aigc-reader: error: {one_line}", file=sys.stderr)
    return code
