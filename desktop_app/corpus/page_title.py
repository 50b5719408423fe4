"""A web page's title as a reader names the article: without the site's suffix
(``…_科技_腾讯网``, ``… - 少数派``, ``…-CSDN博客``) or a logged-in user's counters
(``(99+ 封私信 / 87 条消息) …``)."""

from __future__ import annotations

import re

_HAN = re.compile(r"[\u4e00-\u9fff]")
_COUNTER_PREFIX = re.compile(r"^\s*[(（][^)）]{0,30}\d[^)）]{0,30}[)）]\s*")
# A trailing segment set off by '_', a spaced dash or bar, or an unspaced dash after CJK text or
# full-width punctuation ('…？-CSDN博客'): an unspaced dash between Latin characters is a word's
# own ('GPT-4').
_SITE_SUFFIX = re.compile(
    r"(?:\s*_\s*|\s+[-–—|｜·]\s+|(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])[-–—|｜])([^_|｜]{1,24})\s*$"
)
_MIN_KEPT = 4


def strip_site_suffix(title: str) -> str:
    """Removes counters before the title and site or channel names after it."""
    title = " ".join(_COUNTER_PREFIX.sub("", title).split())
    while True:
        found = _SITE_SUFFIX.search(title)
        if not found or len(title[: found.start()].strip()) < _MIN_KEPT:
            return title
        title = title[: found.start()].strip()


def page_title(declared: str | None, headings: list[str]) -> str | None:
    """The page's title: a first-level heading that the declared title starts with is the title
    as written (the declared one adds the site), else the declared title without its suffix."""
    declared = " ".join((declared or "").split()) or None
    if declared:
        bare = _COUNTER_PREFIX.sub("", declared)
        for heading in headings:
            if len(heading) >= _MIN_KEPT and bare.startswith(heading):
                return heading
        return strip_site_suffix(declared) or declared
    return None


def han_count(text: str) -> int:
    return len(_HAN.findall(text))
