"""Front matter (the ``---`` block that Jekyll, Hugo, Obsidian and the clippers put first) read
with a real YAML parser, so that block scalars (``title: |``), lists and quoted values mean what
they say. A block that is not valid YAML is read as flat ``key: value`` lines instead of being
lost: clippers write values such as ``title: a: b`` that YAML refuses.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import yaml

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.S)
_FLAT_LINE = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*)$")


def split_front_matter(text: str) -> tuple[dict[str, Any] | None, str]:
    """Returns (the front matter's values with lower-case keys, or None; the text after it)."""
    found = _FRONT_MATTER.match(text)
    if not found:
        return None, text
    block = found.group(1) or ""
    values = _parse_yaml(block)
    if values is None:
        values = _parse_flat(block)
    return values, text[found.end() :]


def _parse_yaml(block: str) -> dict[str, Any] | None:
    try:
        loaded = yaml.safe_load(block)
    except yaml.YAMLError:
        return None
    if not isinstance(loaded, dict):
        return None
    return {str(key).lower(): _plain(value) for key, value in loaded.items()}


def _plain(value: Any) -> Any:
    """Strings trimmed (a block scalar ends in a newline), dates as ISO text, lists of strings."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, list):
        return [str(_plain(item)) for item in value if item is not None and str(item).strip()]
    if value is None:
        return ""
    return value if isinstance(value, dict) else str(value)


def _parse_flat(block: str) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for line in block.splitlines():
        found = _FLAT_LINE.match(line)
        if not found:
            continue
        key, raw = found.group(1).lower(), found.group(2).strip()
        if raw.startswith("[") and raw.endswith("]"):
            values[key] = [part.strip(" '\"") for part in raw[1:-1].split(",") if part.strip(" '\"")]
            continue
        if len(raw) >= 2 and raw[0] == raw[-1] and raw[0] in "'\"":
            raw = raw[1:-1]
        values[key] = raw
    return values


def first_text(values: dict[str, Any], *keys: str) -> str | None:
    """The first of the keys whose value is non-empty text."""
    for key in keys:
        value = values.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None
