"""Which label candidates of an article really name speakers, decided as a careful reader would.

A candidate counts when it is a role word (``问``, ``Q``, ``记者``, ``主持人``), when it recurs,
when jieba's tagger calls it a person (``nr``) in an article that is a dialogue, when it opens a
quotation with the speaker's affiliation (``名字（身份）：「…」``), or when it has the shape of the
article's other accepted labels (a meeting transcript's one-off ``### 名字：`` headings). A
generic noun phrase followed by an explanation (``技术进步：……``, ``商业模式：``), a one-off bold
lead-in, a quotation inside prose (``唐僧说：``) and a biography list are not speakers.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Sequence
from functools import lru_cache

from desktop_app.corpus.model import BlockKind
from desktop_app.corpus.names import is_transliterated_name, pos_tagger, split_titled_label, surname_first
from desktop_app.corpus.speaker_labels import LabelCandidate

HOST_ROLE_WORDS = frozenset(
    {
        "问",
        "問",
        "Q",
        "记者",
        "記者",
        "主持人",
        "主持",
        "提问",
        "提問",
        "再问",
        "再問",
        "追问",
        "追問",
        "采访者",
        "採訪者",
        "访问者",
        "訪問者",
    }
)
GUEST_ROLE_WORDS = frozenset({"答", "A", "受访者", "受訪者"})
FALLBACK_INTERVIEWEE = "受访者"
# Words that introduce a note, a credit or a field, never a person speaking.
_NOT_SPEAKERS = frozenset(
    {
        "注",
        "註",
        "备注",
        "備註",
        "按",
        "编者按",
        "編者按",
        "编按",
        "PS",
        "P.S",
        "附",
        "附注",
        "附註",
        "提示",
        "来源",
        "來源",
        "作者",
        "编辑",
        "編輯",
        "责编",
        "責編",
        "图",
        "圖",
        "文",
        "摄影",
        "攝影",
        "原标题",
        "原標題",
        "地址",
        "电话",
        "電話",
        "时间",
        "時間",
        "地点",
        "地點",
        "日期",
        "链接",
        "連結",
        "网址",
        "網址",
        "邮箱",
        "题目",
        "標題",
        "标题",
        "关键词",
        "關鍵詞",
        "答案",
        "结论",
        "結論",
        "总结",
        "總結",
        "例如",
        "比如",
        "注意",
        "声明",
        "聲明",
        "简介",
        "簡介",
        "摘要",
        "导语",
        "導語",
        "背景",
        "问题",
        "問題",
        "优点",
        "缺点",
        "優點",
        "缺點",
        "目标",
        "目標",
        "方法",
        "步骤",
        "步驟",
        "结果",
        "結果",
        "原因",
        "TL",
        "TL; DR",
        "TLDR",
        "Note",
        "NB",
        "Tips",
        "Tip",
        "Update",
        "Source",
        "Via",
        "Tags",
        "优势",
        "劣势",
        "優勢",
        "劣勢",
        "特点",
        "特點",
        "亮点",
        "亮點",
        "槽点",
        "价格",
        "價格",
        "配置",
        "建议",
        "建議",
        "观点",
        "觀點",
        "理由",
        "参考",
        "參考",
        "资料",
        "資料",
        "出处",
        "出處",
        "导读",
        "導讀",
        "前言",
        "后记",
        "後記",
        "引言",
        "说明",
        "說明",
        "第一",
        "第二",
        "第三",
        "第四",
        "第五",
        "首先",
        "其次",
        "最后",
        "最後",
        "另外",
        "此外",
        "其一",
        "其二",
        "其三",
        "定义",
        "定義",
        "场景",
        "場景",
        "案例",
        "示例",
        "例子",
        # credits of the people who made the page
        "整理",
        "整理编辑",
        "采访",
        "採訪",
        "采写",
        "採寫",
        "撰文",
        "校对",
        "校對",
        "翻译",
        "翻譯",
        "译者",
        "譯者",
        "审校",
        "審校",
        "排版",
        "美编",
        "責任編輯",
        "责任编辑",
        "监制",
        "監製",
        "出品",
        "策划",
        "策劃",
        # a meeting's agenda fields
        "流程",
        "议程",
        "議程",
        "议题",
        "議題",
        "讨论",
        "討論",
        "决策",
        "決策",
        "决议",
        "決議",
        "遗留问题",
        "遺留問題",
        "待办",
        "待辦",
        "行动项",
        "行動項",
        "参会人",
        "參會人",
        "与会者",
        "與會者",
        "会议时间",
        "會議時間",
        "会议地点",
        "會議地點",
        "主题",
        "主題",
        "纪要",
        "紀要",
    }
)
# Words that end a phrase introducing what follows ('翻译结果如下：'), never a name.
_INTRODUCES_WHAT_FOLLOWS = re.compile(r"(?:如下|以下|下面|这样|這樣|那样|那樣|结果|結果|所示|这些|這些|步骤|步驟)$")
_QUOTE_OPENERS = '「“『"‘'
_MEDIA = re.compile(r"^《[^》]{1,12}》$")
_NAME_LIKE = re.compile(
    r"^(?:[\u4e00-\u9fff]{1,8}|[\u4e00-\u9fff]{1,6}(?:·[\u4e00-\u9fff]{1,8})+|《[^》]{1,12}》"
    r"|[A-Za-z][A-Za-z.'\-]*(?:\s[A-Za-z][A-Za-z.'\-]*){0,3}"
    # a media or show name that mixes scripts ('晚点LatePost', '政见CNPolitics'): taken only when it recurs
    r"|[\u4e00-\u9fff]{1,6}[A-Za-z][A-Za-z0-9]{1,15}|[A-Za-z][A-Za-z0-9]{1,15}[\u4e00-\u9fff]{1,6})(?:\s?\d{1,2})?$"
)
_MIXED_SCRIPTS = re.compile(r"[\u4e00-\u9fff].*[A-Za-z]|[A-Za-z].*[\u4e00-\u9fff]")
_LATIN_SURNAME = re.compile(r"[A-Z][A-Za-z'\-]{1,20}(?: [A-Z][A-Za-z'\-]{1,20}){0,2}")
_STYLE_SHARE = 0.6
_STYLE_MIN = 4


@lru_cache(maxsize=4096)
def is_person_name(name: str) -> bool:
    """jieba's tagger reads the whole label as one person's name (``nr``)."""
    if not re.fullmatch(r"[\u4e00-\u9fff·]{2,8}", name):
        return False
    words = list(pos_tagger().cut(name))
    if len(words) == 1:
        return bool(words[0].flag.startswith("nr"))
    # The tagger knows surnames better than given names: '李想' is 李/nr + 想/v, '张小珺' 张 小 珺.
    return (words[0].flag.startswith("nr") and len(words[0].word) == 1 and len(name) <= 3) or surname_first(name)


def _style(candidate: LabelCandidate) -> tuple[bool, bool, bool]:
    return candidate.bold, not candidate.rest, candidate.colon


def accept_labels(candidates: Sequence[LabelCandidate], other_labels: Collection[str] = ()) -> set[str]:
    """The labels (as written) of the candidates that name speakers.

    Args:
        other_labels: labels of the same article found by the bundled sources' own shape (a bold
            line ending in a colon), which tell that the article is a dialogue.
    """
    if not candidates:
        return set()
    counts = Counter(candidate.name for candidate in candidates)
    accepted: set[str] = set()
    people: set[str] = set()  # one-off labels that name a person: speakers only in a dialogue
    for candidate in candidates:
        name = candidate.name
        if (
            name in _NOT_SPEAKERS
            or candidate.label in _NOT_SPEAKERS
            or not _NAME_LIKE.match(name)
            or _INTRODUCES_WHAT_FOLLOWS.search(name)
        ):
            continue
        if _MIXED_SCRIPTS.search(name) and not re.search(r"\s", name) and counts[name] < 2:
            continue
        if name in HOST_ROLE_WORDS or name in GUEST_ROLE_WORDS:
            accepted.add(candidate.label)
        elif counts[name] >= 2:
            accepted.add(candidate.label)
        elif candidate.affiliation and candidate.rest[:1] in _QUOTE_OPENERS:
            accepted.add(candidate.label)  # '**曾志豪（傳媒人）：** 「…」': a quoted speaker
        elif (
            candidate.colon
            and candidate.kind != BlockKind.LIST_ITEM
            and (is_person_name(name) or (candidate.affiliation and _LATIN_SURNAME.fullmatch(name)))
        ):
            people.add(candidate.label)  # 'BARON (BMWi):' at a press conference
    # A person's name before a colon is a speaker when others hold a conversation around it (a
    # press conference's one interjection); without one it is a biography or a quotation list.
    if any(counts[c.name] >= 2 for c in candidates if c.label in accepted):
        accepted |= people
    accepted |= _defined_initials(candidates, accepted)
    accepted |= _same_style_as_accepted(candidates, accepted)
    accepted |= _titled_forms_of_accepted(candidates, accepted)
    names = {candidate.name for candidate in candidates if candidate.label in accepted}
    everyone = names | {label for label in other_labels if label not in names}
    if not names or (len(everyone) == 1 and not _speaks_alone(next(iter(names)))):
        return set()  # one recurring phrase ('优势：' 'Note:') is a list's field, not a dialogue
    # One label alone is a quotation or a lead-in, not a dialogue.
    occurrences = sum(1 for candidate in candidates if candidate.label in accepted)
    return accepted if occurrences >= 2 else set()


def initials_of(name: str) -> str:
    return "".join(word[0] for word in re.findall(r"[A-Za-z][A-Za-z'\-]*", name)).upper()


def are_initials_of(bracketed: str, name: str) -> bool:
    """'NW' (or 'N.W.') beside 'Nolan Williams': the brackets give the name's initials."""
    letters = initials_of(name)
    return len(letters) >= 2 and bracketed.replace(".", "").upper() == letters


def _defined_initials(candidates: Sequence[LabelCandidate], accepted: set[str]) -> set[str]:
    """'Nolan Williams（NW）：' once, then 'NW：' throughout: the full label is the same speaker's."""
    names = {candidate.name for candidate in candidates if candidate.label in accepted}
    return {
        candidate.label
        for candidate in candidates
        if candidate.affiliation
        and are_initials_of(candidate.affiliation, candidate.name)
        and candidate.affiliation in names
    }


def _speaks_alone(name: str) -> bool:
    """A name that is a speaker even with nobody else labelled: a person, a role, a Latin name."""
    return (
        name in HOST_ROLE_WORDS
        or name in GUEST_ROLE_WORDS
        or is_person_name(name)
        or is_transliterated_name(name)
        or re.fullmatch(r"[A-Z][a-z]+(?:\s[A-Z][a-z]+)+", name) is not None
    )


# '对话李想' is a headline about 李想, not his label.
_INTRODUCING_VERB = re.compile(r"(?:对话|對話|专访|專訪|访谈|訪談|采访|採訪|独家|獨家|走近|专题|專題)$")


def _titled_forms_of_accepted(candidates: Sequence[LabelCandidate], accepted: set[str]) -> set[str]:
    """'某公司CEO 张三：' the first time, '张三：' after: the first label is the same speaker's."""
    names = {candidate.name for candidate in candidates if candidate.label in accepted}
    more = set()
    for candidate in candidates:
        if candidate.label in accepted or not candidate.colon:
            continue
        titled = split_titled_label(candidate.name)
        if (titled and titled[0] in names) or any(
            candidate.name.endswith(name)
            and len(candidate.name) - len(name) >= 2
            and re.search(r"[\u4e00-\u9fff]", name)
            and not _INTRODUCING_VERB.search(candidate.name[: -len(name)])
            for name in names
        ):
            more.add(candidate.label)
    return more


def _same_style_as_accepted(candidates: Sequence[LabelCandidate], accepted: set[str]) -> set[str]:
    """A transcript labels every speaker the same way: once most labels of one shape are
    accepted, the one-off names of that shape are speakers too (a meeting's ``### 名字：``)."""
    by_style: dict[tuple[bool, bool, bool], list[LabelCandidate]] = {}
    for candidate in candidates:
        by_style.setdefault(_style(candidate), []).append(candidate)
    more: set[str] = set()
    for style, group in by_style.items():
        bold, alone, colon = style
        if not (bold and (alone or not colon)) or len(group) < _STYLE_MIN:
            continue
        share = sum(1 for candidate in group if candidate.label in accepted) / len(group)
        if share >= _STYLE_SHARE:
            more |= {
                candidate.label
                for candidate in group
                if candidate.name not in _NOT_SPEAKERS
                and re.fullmatch(r"[\u4e00-\u9fff·]{2,6}|[A-Za-z]{2,20}", candidate.name)
            }
    return more


_INTERVIEW_TITLE = re.compile(
    r"(?:对话|對話|专访|專訪|访谈|訪談|采访|採訪|独家对话|獨家對話)[^，。：:｜|]{0,12}?"
    r"([\u4e00-\u9fff]{1,6}·[\u4e00-\u9fff]{1,6}|[\u4e00-\u9fff]{2,4})(?=[：:，,｜|\s]|$)"
)
_FUNCTION_CHARS = "的了是和与與及在这這那"
_NOT_NAMES = frozenset(
    {"關於", "关于", "對於", "对于", "因為", "因为", "所以", "但是", "如果", "然後", "然后", "這裏", "这里"}
)
_NAME_PREFIX = re.compile(r"^([\u4e00-\u9fff·]{2,4})\s*[｜|：:]")


def interviewee(title: str, intro: Sequence[str], tagger: bool = True) -> str:
    """Who answers when the labels are only ``答``/``A``: the person the title or introduction
    names (``对话汤道生``, ``汪民安｜再读福柯``), else "受访者".

    Args:
        tagger: whether jieba's tagger may be asked (about a second and 135 MiB the first time);
            without it only a title that names its interviewee ('对话X') answers. The window
            asks without it."""
    for text in (title, *intro):
        for pattern in (_INTERVIEW_TITLE, _NAME_PREFIX):
            found = pattern.search(text)
            name = found.group(1) if found else ""
            if (
                name
                and name not in _NOT_SPEAKERS
                and name[0] not in _FUNCTION_CHARS
                and ((text is title and pattern is _INTERVIEW_TITLE) or (tagger and is_person_name(name)))
            ):
                return name
    if not tagger:
        return FALLBACK_INTERVIEWEE
    for text in (title, *intro):
        for word in pos_tagger().cut(text):
            if (
                word.flag.startswith("nr")
                and re.fullmatch(r"[\u4e00-\u9fff·]{2,4}", word.word)
                and word.word not in _NOT_NAMES  # the tagger takes some Traditional words for names
            ):
                return str(word.word)
    return FALLBACK_INTERVIEWEE
