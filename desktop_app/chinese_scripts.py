"""Simplified and Traditional Chinese, through OpenCC.

Two uses, both for search:
- a character table that folds Traditional characters (and the Hong Kong and Taiwan variants)
  to Simplified ones, one character for one, so that folded text keeps its offsets: 數字人 and
  数字人 fold to the same text;
- the forms of a query in the other script's vocabulary, phrase by phrase, where a character
  table cannot help: 人工智慧 → 人工智能, 軟體 → 软件, and back.

OpenCC's converters are built on first use (about 60 ms with the table), off the window's
start-up path. Nothing here is specific to one article or site.
"""

from __future__ import annotations

import hashlib
from functools import cache
from typing import Any

from desktop_app.fork_safe import ForkSafeLock

# The CJK blocks OpenCC's dictionaries cover (unified ideographs, extension A to F, compatibility).
_CJK_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2A6DF), (0x2A700, 0x2EBEF),
               (0x2F800, 0x2FA1F))  # fmt: skip
# Traditional to Simplified first, then what only the regional configurations know (衞 → 卫).
_FOLD_CONFIGS = ("t2s", "hk2s", "tw2s")
# A query's forms in the other script's vocabulary: as Simplified text would say it, and as
# Traditional text (Taiwan's, Hong Kong's) would.
_TO_SIMPLIFIED = ("t2s", "tw2sp", "hk2s")
_TO_TRADITIONAL = ("s2t", "s2twp", "s2hk")

_lock = ForkSafeLock()  # OpenCC's converters are not documented as thread-safe


@cache
def _converter(config: str) -> Any:
    import opencc

    return opencc.OpenCC(config)


@cache
def simplified_table() -> dict[str, str]:
    """Each Traditional or variant character that has a Simplified form, mapped to it (one
    character to one, applied to a fixed point so that folding twice changes nothing)."""
    characters = [chr(code) for first, last in _CJK_RANGES for code in range(first, last + 1)]
    joined = "\n".join(characters)  # one call, one character a line: no phrase spans two of them
    table: dict[str, str] = {}
    with _lock:
        for config in _FOLD_CONFIGS:
            converted = _converter(config).convert(joined).split("\n")
            if len(converted) != len(characters):
                continue  # not one line per character: this configuration is not used rather than misread
            for original, simplified in zip(characters, converted, strict=True):
                if simplified != original and len(simplified) == 1 and original not in table:
                    table[original] = simplified
    for _ in range(3):  # 薴 → 苧 → 苎
        table = {original: table.get(simplified, simplified) for original, simplified in table.items()}
    return table


@cache
def signature() -> str:
    """Changes when the table does (a new OpenCC): an index folded with another table is rebuilt."""
    payload = "".join(f"{a}{b}" for a, b in sorted(simplified_table().items()))
    return hashlib.sha256(payload.encode()).hexdigest()[:16]


# A query's phrasings: as Simplified text would say it (软件 for 軟體), and as Traditional text
# would (軟體 for 软件). They are kept apart because a phrase of one vocabulary can mean something
# else in the other script's text: Taiwan's 影片 (a video) is a film in mainland text, so 视频
# finds 影片 in Traditional text only.


def simplified_forms(text: str) -> tuple[str, ...]:
    """The query as Simplified text would say it."""
    with _lock:
        return tuple(dict.fromkeys(_converter(config).convert(text) for config in _TO_SIMPLIFIED))


def traditional_forms(text: str) -> tuple[str, ...]:
    """The query as Traditional text would say it. Its converters hold OpenCC's Simplified to
    Traditional phrase dictionaries, ~43 MiB: a search asks for these forms only where there is
    Traditional text to find them in."""
    with _lock:
        return tuple(dict.fromkeys(_converter(config).convert(text) for config in _TO_TRADITIONAL))


@cache
def _script_characters() -> tuple[frozenset[str], frozenset[str]]:
    """Characters only Traditional text uses (說), and only Simplified text uses (说)."""
    table = simplified_table()
    traditional = frozenset(table) - frozenset(table.values())
    simplified = frozenset(table.values()) - frozenset(table)
    return traditional, simplified


def script_counts(text: str) -> tuple[int, int]:
    """How many characters of the text only Traditional text uses, and only Simplified text uses."""
    traditional, simplified = _script_characters()
    return sum(map(traditional.__contains__, text)), sum(map(simplified.__contains__, text))


def is_traditional(text: str) -> bool | None:
    """Whether the text is written in Traditional characters: True or False by which script's
    own characters it has more of, None when it has none of either (影片, 数字 are both)."""
    return traditional_by_counts(*script_counts(text))


def traditional_by_counts(traditional: int, simplified: int) -> bool | None:
    return None if traditional == simplified == 0 else traditional > simplified
