"""Splitting a speaker label such as ``小冰公司首席执行官李笛`` into a name and an affiliation."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from functools import lru_cache

HAN = r"\u4e00-\u9fff"
_PERSON_NAME = re.compile(f"^[{HAN}]{{2,4}}$")
_TRIM = " \t，,、：:；;（）()"
# Job titles that end an affiliation; the 2-4 Han characters after the last one are the name.
_TITLES = (
    "首席执行官|首席战略官|首席技术官|执行官|联合创始人|创始人|合伙人|副总裁|总裁|总经理|经理|总监|主编|编辑|记者|"
    "院长|所长|主任|教授|研究员|研究者|博士|作者|学者|董事长|董事|负责人|专家|主席|科学家|顾问|分析师|主持人|"
    "CEO|COO|CTO|CFO|VP"
)
_AFTER_TITLE = re.compile(f"^(.*(?:{_TITLES}))\\s*([{HAN}]{{2,4}})$")
# Labels that end like an organisation name a team or an institute rather than a person.
_ORGANISATION = re.compile(r"(?:组|公司|研究院|研究所|资本|团队|实验室|编辑部|委员会|集团|大学|学院|协会|中心|基金|平台|栏目)$")
_AFTER_SPACE = re.compile(f"^(.*\\S)\\s+([{HAN}]{{2,4}})$")


_TRANSLITERATED = re.compile(f"^[{HAN}]{{1,6}}(?:·[{HAN}]{{1,8}})+$")


def looks_like_person_name(text: str) -> bool:
    return bool(_PERSON_NAME.match(text) or _TRANSLITERATED.match(text))


def split_titled_label(label: str) -> tuple[str, str] | None:
    """(name, affiliation) for a label that sets the name off by a space or a job title
    (``某公司CEO 张三``, ``小冰公司首席执行官李笛``); None otherwise."""
    label = label.strip(_TRIM)
    if looks_like_person_name(label):
        return None
    for pattern in (_AFTER_SPACE, _AFTER_TITLE):
        found = pattern.match(label)
        if found and found.group(1).strip(_TRIM):
            return found.group(2), found.group(1).strip(_TRIM)
    return None


@lru_cache(maxsize=1)
def pos_tagger():  # type: ignore[no-untyped-def]
    """jieba's part-of-speech tagger, loaded once (about a second) and only when asked for."""
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    return jieba.posseg


def _name_by_pos_tags(label: str) -> tuple[str, str] | None:
    """Last resort: jieba's part-of-speech tags mark person names (nr)."""
    words = list(pos_tagger().cut(label))
    if words and words[-1].flag.startswith("nr") and looks_like_person_name(words[-1].word):
        name = words[-1].word
        return name, label[: -len(name)]
    return None


def split_label(label: str, known_names: Iterable[str] = ()) -> tuple[str, str | None, bool]:
    """Splits a speaker label into (name, affiliation or None, whether the name is a person's).

    Args:
        label: the label without its closing colon, e.g. ``出门问问创始人兼CEO 李志飞``.
        known_names: names already known from other labels in the same article, which settle
            labels where title and name run together (``华院数智人商业化副总裁林莱尼``).
    """
    label = label.strip(_TRIM)
    if looks_like_person_name(label):
        return label, None, True
    for name in sorted(set(known_names), key=len, reverse=True):
        if label.endswith(name) and len(label) > len(name):
            return name, label[: -len(name)].strip(_TRIM) or None, True
    for pattern in (_AFTER_SPACE, _AFTER_TITLE):
        found = pattern.match(label)
        if found:
            return found.group(2), found.group(1).strip(_TRIM) or None, True
    if _ORGANISATION.search(label):
        return label, None, False
    tagged = _name_by_pos_tags(label)
    if tagged:
        return tagged[0], tagged[1].strip(_TRIM) or None, True
    return label, None, False
