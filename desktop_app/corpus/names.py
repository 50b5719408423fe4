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
_ORGANISATION = re.compile(
    r"(?:组|公司|研究院|研究所|资本|团队|实验室|编辑部|委员会|集团|大学|学院|协会|中心|基金|平台|栏目)$"
)
_AFTER_SPACE = re.compile(f"^(.*\\S)\\s+([{HAN}]{{2,4}})$")


# The most common surnames (simplified and traditional forms), and compound ones. Used only to
# read a three-character label the tagger split into pieces ('张小珺') as a full name.
_SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范"
    "金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪"
    "庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房"
    "滕屈饶解牟艾尤阳穆农司卓古吉缪简车项连麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣"
    "巫寇桑郎甄丛仲虞敖巩佘池查麻苑迟邝"
    "張劉陳楊黃趙吳許韓馮鄧蕭葉蘇呂盧鍾譚陸賈韋鄒孫馬羅鄭謝湯溫龐顏聶魯嚴龔萬錢賴藍駱鮑寧閻顧賀龍蔣餘"
)
_COMPOUND_SURNAMES = (
    "欧阳",
    "歐陽",
    "司马",
    "司馬",
    "诸葛",
    "諸葛",
    "上官",
    "东方",
    "東方",
    "夏侯",
    "皇甫",
    "尉迟",
    "公孙",
    "慕容",
)


def surname_first(name: str) -> bool:
    """A three-character name that starts with a common surname (or four with a compound one)."""
    if len(name) == 4 and name.startswith(_COMPOUND_SURNAMES):
        return True
    return len(name) == 3 and name[0] in _SURNAMES


_TRANSLITERATED = re.compile(f"^[{HAN}]{{1,6}}(?:·[{HAN}]{{1,8}})+$")


def is_transliterated_name(text: str) -> bool:
    """A foreign name written in Han with the middle dot: ``杰里米·格兰瑟姆``."""
    return bool(_TRANSLITERATED.match(text))


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
