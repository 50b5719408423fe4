"""Turns cleaned raw blocks into an Article: headings, speaker turns, topics and roles.

Recognised from the text itself:
- speaker labels: a bold line ending in a colon (``**黄民烈：**``, ``**出门问问创始人兼CEO 李志飞：**``)
  or a bold name followed by an affiliation in brackets (``**黄民烈** （…）：``);
- topics: question markers (``Q1. …``, or a bold ``Q`` before the question), else the keywords a
  host announces (``第一个关键词叫“感受”``), else the section headings;
- a single-speaker talk introduced as ``以下是……杜雨主旨发言内容``;
- affiliations and roles from a roster of guests and from the introduction.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from desktop_app.corpus.formats import Metadata, SourceFormat
from desktop_app.corpus.model import Article, Block, BlockKind, Speaker, Topic, Turn
from desktop_app.corpus.names import split_label, split_titled_label
from desktop_app.corpus.raw import RawBlock
from desktop_app.corpus.speaker_acceptance import (
    FALLBACK_INTERVIEWEE,
    GUEST_ROLE_WORDS,
    HOST_ROLE_WORDS,
    accept_labels,
    are_initials_of,
    interviewee,
)
from desktop_app.corpus.speaker_labels import LabelCandidate, find_label
from desktop_app.corpus.title import derive_title

_HAS_HAN = re.compile(r"[\u4e00-\u9fff]")
_QUESTION_MARKER = re.compile(r"^Q\s*(\d{0,2})\s*[.．、:：]?\s*(.*)$", re.S)
_ASKER = re.compile(r"^([^：:，。？\s]{1,10})[：:]\s*(.+)$", re.S)
_PAREN_LABEL_TAIL = re.compile(r"^\s*[（(](.+)[）)]\s*[：:；;]\s*$", re.S)
_SENTENCE_END = re.compile(r"[。！？!?；;]")
_SECTION = re.compile(r"^(?:[一二三四五六七八九十]{1,3}|\d{1,2})[、.．]\s*\S")
_TERMINAL = "。！？!?…；;：:”」』\"'.,，、"
_TALK_INTRO = re.compile(r"以下(?:是|为)(.{2,80}?)的?(?:主旨发言|主题演讲|演讲|发言|分享|讲话)")
_KEYWORD_QUOTED = re.compile(r"关键词[^“”\"]{0,6}?[“\"]([^”\"]+)[”\"]")
_KEYWORD_PLAIN = re.compile(r"关键词(?:叫做|叫|是)\s*([^，。,；;！!？?“”]+[？?]?)")


@dataclass
class _Item:
    kind: str  # heading, paragraph, list_item, quote, label
    text: str
    level: int = 0
    question: bool = False  # a heading that is an interviewer's question
    topic_title: str | None = None
    label_affiliation: str | None = None
    label_name: str | None = None  # set for labels found in the general shapes (speaker_labels)
    label_role: str | None = None  # 'host' / 'guest' when the label says so ('主持人 张三')
    rest_follows: bool = False  # the next item is the rest of this label's paragraph


def _label_of(block: RawBlock) -> tuple[str, str | None] | None:
    """(label, affiliation in brackets) when the block is a speaker label."""
    text = block.text.strip()
    if block.bold_only and text[-1:] in "：:" and len(text) <= 40:
        label, affiliation = text[:-1].strip(), None
    else:
        lead = block.leading_bold.rstrip("：: ")
        tail = _PAREN_LABEL_TAIL.match(block.after_leading_bold)
        if not lead or not tail:
            return None
        label, affiliation = lead, tail.group(1).strip()
    if not _HAS_HAN.search(label) or _SENTENCE_END.search(label):
        return None
    return label, affiliation


def _is_plain_heading(text: str) -> bool:
    return 2 <= len(text) <= 30 and text[-1] not in _TERMINAL and not re.match(r"^\d", text)


def _general_labels(blocks: list[RawBlock]) -> dict[int, LabelCandidate]:
    """The blocks that open a turn in one of the general label shapes, accepted for the article."""
    own_shapes = [_label_of(block) for block in blocks]
    own_shape = [label for label in own_shapes if label is not None]
    candidates = {
        index: found
        for index, block in enumerate(blocks)
        if own_shapes[index] is None and (found := find_label(block)) is not None
    }
    accepted = accept_labels(list(candidates.values()), {name for name, _ in own_shape})
    return {index: found for index, found in candidates.items() if found.label in accepted}


def _read_items(blocks: list[RawBlock], plain_text_source: bool) -> list[_Item]:
    items: list[_Item] = []
    general = _general_labels(blocks)
    index = 0
    while index < len(blocks):
        block = blocks[index]
        text = block.text.strip()
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        index += 1
        candidate = general.get(index - 1)
        if candidate is not None:
            items.append(
                _Item(
                    "label",
                    candidate.label,
                    label_affiliation=candidate.affiliation,
                    label_name=candidate.name,
                    label_role=candidate.role,
                    rest_follows=bool(candidate.rest),
                )
            )
            if candidate.rest:
                items.append(
                    _Item(BlockKind.PARAGRAPH if block.kind == BlockKind.HEADING else block.kind, candidate.rest)
                )
            continue
        marker = _QUESTION_MARKER.match(text) if block.bold_only and len(text) <= 120 else None
        if marker and (marker.group(1) or not marker.group(2)):
            if marker.group(2):
                items.append(_Item(BlockKind.HEADING, text, 2, question=True, topic_title=text))
                continue
            if following is not None and not following.bold_only:
                question = following.text.strip()
                asked = _ASKER.match(question)
                items.append(_Item(BlockKind.HEADING, question, 2, True, asked.group(2) if asked else question))
                index += 1
                continue
        label = _label_of(block)
        if label:
            items.append(_Item("label", label[0], label_affiliation=label[1]))
            continue
        if block.bold_only and re.fullmatch(r"\d{1,2}", text) and following and not following.bold_only:
            items.append(_Item(BlockKind.LIST_ITEM, f"{text} {following.text.strip()}"))
            index += 1
            continue
        if block.bold_only and len(text) <= 8 and following and following.bold_only:
            # Headings that the source split into several bold lines ('金句' '集锦').
            fragments = [text]
            while (
                index < len(blocks)
                and blocks[index].bold_only
                and len(blocks[index].text.strip()) <= 8
                and not re.fullmatch(r"\d{1,2}", blocks[index].text.strip())
            ):
                fragments.append(blocks[index].text.strip())
                index += 1
            items.append(_Item(BlockKind.HEADING, "".join(fragments), 3))
            continue
        if block.kind == BlockKind.HEADING:
            items.append(_Item(BlockKind.HEADING, text, max(block.level, 2)))
        elif block.bold_only and len(text) <= 30 and text[-1] not in "。":
            items.append(_Item(BlockKind.HEADING, text.rstrip("：:"), 3))
        elif _SECTION.match(text) and _is_plain_heading(text) and block.kind != BlockKind.LIST_ITEM:
            items.append(_Item(BlockKind.HEADING, text, 2))
        elif plain_text_source and items and block.kind == BlockKind.PARAGRAPH and _is_plain_heading(text):
            items.append(_Item(BlockKind.HEADING, text, 2))
        else:
            items.append(_Item(block.kind, text, block.level))
    return items


def _accept_labels(items: list[_Item]) -> dict[str, tuple[str, str | None]]:
    """Maps each accepted label to (name, affiliation). Labels that do not name a person are
    accepted only when they recur (``源码资本研究组``), so a one-off bold lead-in is not a speaker."""
    accepted = {}
    for item in items:
        if item.kind == "label" and item.label_name is not None:
            titled = None if item.label_affiliation else split_titled_label(item.label_name)
            accepted[item.text] = titled or (item.label_name, item.label_affiliation)
    labels = [item.text for item in items if item.kind == "label" and item.label_name is None]
    alone = {label: split_label(label) for label in dict.fromkeys(labels)}
    # Names that are certain without context: a bare name, or one set off by a space.
    known = {name for label, (name, _, is_person) in alone.items() if is_person and (name == label or " " in label)}
    for label in dict.fromkeys(labels):
        name, affiliation, is_person = split_label(label, known)
        if is_person or labels.count(label) >= 2:
            accepted[label] = (name, affiliation)
    return accepted


def _talk_speaker(items: list[_Item]) -> tuple[int, str, str | None] | None:
    """(first item of the talk, name, affiliation) when the article is one person's talk."""
    for position, item in enumerate(items[:12]):
        found = _TALK_INTRO.search(item.text) if item.kind == BlockKind.PARAGRAPH else None
        if found:
            name, affiliation, is_person = split_label(found.group(1))
            if is_person and position + 1 < len(items):
                return position + 1, name, affiliation
    return None


def _keyword_topic(text: str) -> str | None:
    found = _KEYWORD_QUOTED.search(text) or _KEYWORD_PLAIN.search(text)
    return found.group(1).strip() if found else None


def _self_introduced_affiliation(name: str, own_texts: list[str], title: str) -> str | None:
    """'大家好，我是交通大學運輸管理學系的王晉元' in the speaker's own words, or the organisation
    a headline puts before the name ('对话大疆汪滔')."""
    for text in own_texts:
        found = re.search(f"我是([^，。；;！!？?]{{2,30}}?)的?\\s?{re.escape(name)}", text)
        if found and not _NOT_AN_AFFILIATION.search(found.group(1)):
            return found.group(1).strip()
    headline = re.search(f"(?:对话|對話|专访|專訪|访谈|訪談)([^，。：:\\s｜|]{{2,10}}?){re.escape(name)}", title)
    return headline.group(1) if headline else None


def introduced_affiliation(name: str, intro: list[str], title: str) -> str | None:
    """The affiliation the introduction, or else the title, gives a speaker."""
    affiliation, _ = _introduced_affiliation(name, intro)
    return affiliation or _introduced_affiliation(name, [title])[0] if title else affiliation


def _introduced_affiliation(name: str, intro: list[str]) -> tuple[str | None, bool]:
    """Affiliation from the introduction: a roster line (``峰瑞资本投资合伙人陈石；``) or the
    clause that names the person (``量子位主编金磊与 4 位从业者…``). Returns (affiliation, in roster)."""
    for text in intro:
        roster = re.match(f"^(.{{2,60}}?)\\s*{re.escape(name)}\\s*[；;。，,]?$", text)
        if roster and not _NOT_AN_AFFILIATION.search(roster.group(1).strip()):
            return roster.group(1).strip(), True
    for text in intro:
        listed = re.match(f"^{re.escape(name)}\\s*[，,：:]\\s*([^。；;\\n]{{2,40}})", text)
        if listed:  # a show's roster: '罗丹妮，图书编辑，《三联生活周刊》出版总监'
            return listed.group(1).strip(" ，,"), True
    for text in intro:
        group = _GROUP_FROM.search(text)
        if group and re.search(f"(?:^|[、，,和及與与\\s]){re.escape(name)}(?:[、，,和及與与\\s]|$)", group.group(2)):
            return group.group(1), False
    for text in intro:
        role = re.search(f"(?:作为|作為|身为|身為)([^，。；;]{{2,40}})[，,]\\s*{re.escape(name)}", text)
        if role:  # '作为资产管理公司GMO的创始人，杰里米·格兰瑟姆……'
            return role.group(1).strip(), False
    for text in intro:
        # Latin words keep their spaces ('A16Z 的投资人 Chris Dixon'); Chinese clauses have none.
        clause = re.search(
            f"([^，。；、：\\s](?:[^，。；、：\\s]| (?=[A-Za-z0-9]))*?|[A-Za-z0-9][^，。；、：]{{0,12}}?)"
            f" ?{re.escape(name)}",
            text,
        )
        if clause:
            affiliation = _INTRODUCING.split(clause.group(1))[-1].strip()
            if 2 <= len(affiliation) <= 30 and not _NOT_AN_AFFILIATION.search(affiliation):
                return affiliation, False
        # 'Ryan Dahl 是 Node.js 的创始人' for the label 'Ryan': a Latin surname may follow the name.
        described = re.search(
            f"{re.escape(name)}(?:\\s[A-Z][a-z]+)?\\s?(?:是|為|为|任|系|現任|现任)\\s?([^，。；;（(]{{4,30}})", text
        )
        if described and not _NOT_AN_AFFILIATION.search(described.group(1)):
            return described.group(1).strip(), False  # '李文亮是武漢市中心醫院一位眼科醫生'
    return None, False


# The verb that introduces a person ('访谈清华大学人文学院教授汪民安'): the affiliation follows it.
_INTRODUCING = re.compile(
    r"(?:访谈|訪談|对话|對話|专访|專訪|采访|採訪|邀请|邀請|来自|來自|包括|分别是|分別是)了?|以及|和|与|與|及"
)
# A clause that is not a title or an organisation: an age, a connective, a quotation's tail.
_NOT_AN_AFFILIATION = re.compile(
    r"\d+\s*[岁歲]|[的是在了｜|”“\"·]$|^[的是在了”“\"]|^[一二两兩三四五六七八九十几幾\d]+\s*[名位個个]"
    r"|^[^\u4e00-\u9fffA-Za-z]*$"  # no word in it at all ('~~')
    r"|^[\w.-]+\.(?:com|cn|net|org|io|hk|tw)$"  # a clipper's domain ('mp.weixin.qq.com')
)
# '…来自聖保羅男女中學，分別是黃程灝、藍正宏、陸禧': where a listed group comes from.
_GROUP_FROM = re.compile(r"(?:来自|來自)([^，。；;、\s]{2,30})[，,]\s*(?:分别是|分別是|包括|有)([^。；;]{2,80})")


def build_article(
    article_id: str, raw_blocks: list[RawBlock], meta: Metadata, source_format: SourceFormat, origin: str = "bundled"
) -> Article:
    """Builds the structured article from cleaned raw blocks."""
    items = _read_items(raw_blocks, source_format.is_plain_text)
    labels = _accept_labels(items)
    answerer = _answerer(items, labels, meta.title or "")
    if labels and _nobody_named(labels, answerer):
        labels = {}  # 'Q：' / 'A：' with nobody to answer: an FAQ, not an interview
    elif answerer == FALLBACK_INTERVIEWEE:
        answerer = ""  # others are named: an unnamed 'A：' keeps its label rather than a made-up name
    talk = None if labels else _talk_speaker(items)
    initials = _initials(labels, items)

    blocks: list[tuple[_Item, str | None]] = []  # each block with its speaker
    turns: list[tuple[str, int]] = []  # (speaker, block)
    affiliations: dict[str, str | None] = {}
    label_roles: dict[str, str] = {}  # roles the labels state ('主持人 张三')
    question_headings: list[int] = []
    section_headings: list[int] = []
    speaker: str | None = None
    pending: str | None = None
    same_turn_possible = False  # no heading since the last turn began
    for position, item in enumerate(items):
        if talk and position == talk[0]:
            speaker = pending = talk[1]
            affiliations.setdefault(talk[1], talk[2])
        if item.kind == "label":
            if item.text in labels:
                name, affiliation = labels[item.text]
                name = (answerer or name) if name in GUEST_ROLE_WORDS else initials.get(name, name)
                if affiliation and initials.get(affiliation) == name:
                    affiliation = None  # 'Nolan Williams（NW）': the brackets give his initials
                label_affiliation = (
                    None if initials.get(item.label_affiliation or "") == name else item.label_affiliation
                )
                affiliations[name] = affiliations.get(name) or label_affiliation or affiliation
                if item.label_role:
                    label_roles.setdefault(name, item.label_role)
                # The same speaker labelled twice with nobody between is still one turn.
                continuing = same_turn_possible and turns and turns[-1][0] == name and pending is None
                speaker, pending = name, (None if continuing else name)
                continue
            if item.rest_follows and position + 1 < len(items):
                rejoined = items[position + 1]  # the label was text: its paragraph is whole again
                items[position + 1] = _Item(rejoined.kind, f"{item.text}：{rejoined.text}", rejoined.level)
                continue
            item = _Item(BlockKind.PARAGRAPH, item.text + "：")
        if item.kind == BlockKind.HEADING:
            (question_headings if item.question else section_headings).append(len(blocks))
            same_turn_possible = False
            if not talk:
                speaker = pending = None
        elif pending:
            turns.append((pending, len(blocks)))
            pending = None
            same_turn_possible = True
        blocks.append((item, None if item.kind == BlockKind.HEADING else speaker))

    aliases = _translations(turns, blocks) | _misspellings(turns)
    if aliases:
        turns, blocks = _merged_into(aliases, turns, blocks)
    speakers_in_order = list(dict.fromkeys(name for name, _ in turns))
    first_turn = turns[0][1] if turns else len(blocks)
    intro = [b.text for b, _ in blocks[:first_turn] if b.kind != BlockKind.HEADING]
    declared = {
        **_roster_roles(intro, speakers_in_order),
        **{name: role for name, role in meta.roles.items() if name in speakers_in_order},
        **label_roles,
    }
    declared |= _self_introduced_hosts(blocks, speakers_in_order, affiliations)
    undeclared = [name for name in speakers_in_order if name not in declared]
    if "guest" in declared.values() and "host" not in declared.values() and 1 <= len(undeclared) <= 2:
        declared |= dict.fromkeys(undeclared, "host")  # the guests are named: the others host
    host = (
        next((name for name in speakers_in_order if _is_host_role(name)), None)
        or next((name for name in speakers_in_order if declared.get(name) == "host"), None)
        or _find_host(turns, blocks)
    )

    # Topics: interviewer questions, else the host's keywords, else section headings.
    topic_starts: list[tuple[int, str]] = []
    if question_headings:
        topic_starts = [(i, blocks[i][0].topic_title or blocks[i][0].text) for i in question_headings]
    elif host:
        for name, start in turns:
            keyword = _keyword_topic(blocks[start][0].text) if name == host else None
            if keyword:
                topic_starts.append((start, keyword))
    if not topic_starts:
        topic_starts = [(i, blocks[i][0].text) for i in section_headings if blocks[i][0].level == 2]
    if not topic_starts and host:
        topic_starts = _host_questions(turns, blocks, host)
    topic_of_block: list[int | None] = []
    current: int | None = None
    starts = dict((start, number) for number, (start, _) in enumerate(topic_starts))
    for index in range(len(blocks)):
        current = starts.get(index, current)
        topic_of_block.append(current)

    hosted = host or any(role == "host" for role in declared.values())
    likely_hosts = set() if hosted else _likely_hosts(turns, blocks)
    guest = None if hosted or likely_hosts else _guest_the_title_names(meta.title or "", intro, speakers_in_order)
    if guest:  # 'Odd Lots 对话联想CFO温斯顿·郑': the one named is the guest, who asks the others
        likely_hosts = {name for name in speakers_in_order if name != guest}
    speakers = []
    for name in speakers_in_order:
        affiliation = affiliations.get(name)
        in_roster = False
        if not affiliation:
            affiliation, in_roster = _introduced_affiliation(name, intro)
        if not affiliation and meta.title:  # 'TiDB Committer 王贺的心路历程'
            affiliation, _ = _introduced_affiliation(name, [meta.title])
        if not affiliation:
            own = [b.text for b, speaker in blocks if speaker == name and b.kind != BlockKind.HEADING][:6]
            affiliation = _self_introduced_affiliation(name, own, meta.title or "")
        if host is None and affiliation and _is_host_role(affiliation):
            host = name  # '主持人 张三：'
        role = declared.get(name) or (
            "host"
            if name == host or name in likely_hosts
            else ("guest" if host or likely_hosts or in_roster or question_headings else None)
        )
        speakers.append(Speaker(name, affiliation, role))
    publication = _publication(meta)
    reported = "".join(intro)
    if publication:  # a host without a stated affiliation asks for the publication or the show
        speakers = [
            s._replace(affiliation=publication)
            if s.role == "host" and not s.affiliation and s.name != publication and s.name not in reported
            else s  # a host the introduction reports on ('黄仁勋认为…') is not the publication's
            for s in speakers
        ]

    final_blocks = tuple(
        Block(BlockKind(item.kind), item.text, speaker, topic_of_block[i], item.level)
        for i, (item, speaker) in enumerate(blocks)
    )
    return Article(
        id=article_id,
        title=meta.title or derive_title(final_blocks, article_id),
        blocks=final_blocks,
        topics=tuple(Topic(title, start) for start, title in topic_starts),
        speakers=tuple(speakers),
        turns=tuple(Turn(name, topic_of_block[start], start) for name, start in turns),
        source_url=meta.source_url,
        date=meta.date,
        publisher=meta.publisher,
        tags=tuple(meta.tags),
        origin=origin,
    )


_QUESTION_TOPIC_CHARS = 40


def _host_questions(
    turns: list[tuple[str, int]], blocks: list[tuple[_Item, str | None]], host: str
) -> list[tuple[int, str]]:
    """Each question the host asks opens a topic (an interview without section headings): the
    question itself, shortened to a line of the outline."""
    topics = []
    for name, start in turns:
        text = blocks[start][0].text
        question = re.search(r"[^。！？!?]*[？?]", text)
        if name == host and question:
            title = question.group(0).strip()
            topics.append(
                (start, title if len(title) <= _QUESTION_TOPIC_CHARS else title[: _QUESTION_TOPIC_CHARS - 1] + "…")
            )
    return topics


# '數位時代訪問', '晚点专访：…': the publication that conducted the interview, named in the title.
_MEDIA_INTERVIEW_TITLE = re.compile(
    r"(?:^|[\s｜|】\]])([\u4e00-\u9fffA-Za-z0-9《》]{2,12}?)(?:訪問|访问|專訪|专访|採訪|采访)(?:$|[：:｜|\s])"
)


def _publication(meta: Metadata) -> str | None:
    """The publication or show the article comes from, when the page says so: its publisher
    (not a bare domain or a clipper's name) or a title such as '數位時代訪問'."""
    found = _MEDIA_INTERVIEW_TITLE.search(meta.title or "")
    if found and not found.group(1).isdigit():
        return found.group(1)
    publisher = (meta.publisher or "").strip()
    if 2 <= len(publisher) <= 30 and not re.search(r"\.[a-z]{2,}$|^https?:|^www\.", publisher, re.I):
        return publisher
    return None


_MOST_SPEAKERS_WITH_ONE_GUEST = 3


def _is_joint_label(name: str, names: list[str]) -> bool:
    """'崔西和乔', 'A & B': two of the other speakers at once."""
    parts = [part.strip() for part in re.split(r"\s*(?:&|＆|和|与|與|及|、|/)\s*", name)]
    return len(parts) >= 2 and all(part in names for part in parts)


def _guest_the_title_names(title: str, intro: list[str], names: list[str]) -> str | None:
    """The speaker the title or introduction names as the interviewee ('对话…温斯顿·郑' names
    '温斯顿'), in a conversation of two or three people."""
    names = [name for name in names if not _is_joint_label(name, names)]
    if not 2 <= len(names) <= _MOST_SPEAKERS_WITH_ONE_GUEST:
        return None
    named = interviewee(title, intro[:6])
    if named == FALLBACK_INTERVIEWEE:
        return None
    matching = [name for name in names if len(name) >= 2 and (named.startswith(name) or name.startswith(named))]
    return matching[0] if len(matching) == 1 else None


# '欢迎来到知行小酒馆，这是一档……的播客节目。……我是雨白': a host opening the show.
_SHOW_OPENING = re.compile(
    r"欢迎(?:来到|收听|收看|大家来到)(?:本期)?[《「“]?(?P<show>[^，,。！!？?《》「」“”\s]{2,20}?)[》」”]?"
    r"(?:[，,。！!]|的|节目|播客).{0,80}?我是(?P<name>[^，,。！!？?\s]{2,12})"
)


def _self_introduced_hosts(
    blocks: list[tuple[_Item, str | None]], names: list[str], affiliations: dict[str, str | None]
) -> dict[str, str]:
    """A speaker who opens the show in their first words ('欢迎来到X……我是Y') hosts it, for X."""
    hosts: dict[str, str] = {}
    for name in names:
        first = next((item.text for item, speaker in blocks if speaker == name), "")
        opening = _SHOW_OPENING.search(first[:300])
        if opening and opening.group("name").startswith(name):
            hosts[name] = "host"
            affiliations[name] = affiliations.get(name) or opening.group("show")
    return hosts


def _likely_hosts(turns: list[tuple[str, int]], blocks: list[tuple[_Item, str | None]]) -> set[str]:
    """Who hosts a conversation where nobody asks in most turns (a podcast, a chat show): the
    speakers who ask in at least 40% of their turns, at least 20 points more often than the
    others, and speak shorter turns. Two hosts are common; a guest must remain."""
    asking: dict[str, list[bool]] = {}
    length: dict[str, list[int]] = {}
    for name, texts in _turn_texts(turns, blocks):
        asking.setdefault(name, []).append(any(_asks(text) for text in texts))
        length.setdefault(name, []).append(sum(len(text) for text in texts))
    shares = {name: sum(flags) / len(flags) for name, flags in asking.items() if len(flags) >= 2}
    means = {name: sum(values) / len(values) for name, values in length.items()}
    if len(shares) < 2:
        return set()
    hosts = set()
    for name, share in shares.items():
        others = [other for other in shares if other != name and shares[other] < 0.4]
        if (
            share >= 0.4
            and others
            and share >= max(shares[other] for other in others) + 0.2
            and means[name] < min(means[other] for other in others)
        ):
            hosts.add(name)
    if not hosts and len(shares) == 2 and all(len(asking[name]) >= 3 for name in shares):
        # Two people, and the first speaks turns half as long as the other's: who leads the talk.
        first, second = list(shares)
        if means[first] <= 0.5 * means[second]:
            hosts.add(first)
    return hosts if len(hosts) < len(shares) else set()


def _is_host_role(name: str) -> bool:
    """A role word, a reporter, or a publication asking in its own name (``《人物》：``)."""
    return (
        name in HOST_ROLE_WORDS
        or name.endswith(("记者", "記者", "主持人"))
        or (name.startswith("《") and name.endswith("》"))
    )


def _initials(labels: dict[str, tuple[str, str | None]], items: list[_Item]) -> dict[str, str]:
    """Initials a label defines in brackets ('Nolan Williams（NW）', '**Chris Anderson (CA)**'),
    mapped to the full name: later 'NW：' labels are his."""
    found = {}
    for item in items:
        if item.kind != "label" or item.text not in labels:
            continue
        name, affiliation = labels[item.text]
        bracketed = item.label_affiliation or affiliation or ""
        if are_initials_of(bracketed, name):
            found[bracketed] = name
    return found


_TRANSLATION_SHARE = 0.8


def _translations(turns: list[tuple[str, int]], blocks: list[tuple[_Item, str | None]]) -> dict[str, str]:
    """Speakers whose every turn repeats, in the other language, the turn just before it (a
    bilingual transcript: '崔西：…' then 'Tracy: …'): each such name mapped to the speaker it
    translates. Evidence: at least three turns, always right after the same speaker, who is
    followed by them at least 80% of the time; the names and the turns' text are in different
    scripts (two people who simply alternate write in one)."""
    following: dict[str, list[str]] = {}
    for (previous, _), (current, _) in zip(turns, turns[1:], strict=False):
        following.setdefault(current, []).append(previous)
    counts: dict[str, int] = {}
    for name, _ in turns:
        counts[name] = counts.get(name, 0) + 1
    translated: dict[str, str] = {}
    main_latin = _mostly_latin(None, turns, blocks)
    for name, before in following.items():
        leads = set(before)
        if len(before) < 3 or len(leads) != 1 or len(before) != counts[name]:
            continue
        (original,) = leads
        latin = [bool(re.search(r"[A-Za-z]", n)) and not _HAS_HAN.search(n) for n in (name, original)]
        if latin[0] == latin[1] or len(before) < _TRANSLATION_SHARE * counts[original]:
            continue
        # The repeat is in the article's minority language, the original in its main one.
        if _mostly_latin(name, turns, blocks) != main_latin == _mostly_latin(original, turns, blocks):
            translated[name] = original
    return translated


def _misspellings(turns: list[tuple[str, int]]) -> dict[str, str]:
    """A label spelt once or twice with one character off a speaker's usual one ('胡欣慰' for
    '胡欣蔚', 'Adebhar' for 'Adebahr'): the same speaker. Only for names of three characters or
    more, and a spelling at most a third as frequent as the usual one."""
    counts: dict[str, int] = {}
    for name, _ in turns:
        counts[name] = counts.get(name, 0) + 1
    found = {}
    for rare in counts:
        for usual in counts:
            if (
                rare != usual
                and len(rare) >= 3
                and len(rare) == len(usual)
                and counts[rare] * 3 <= counts[usual]
                and Levenshtein.distance(rare, usual) == 1
            ):
                found[rare] = usual
    return found


def _mostly_latin(name: str | None, turns: list[tuple[str, int]], blocks: list[tuple[_Item, str | None]]) -> bool:
    """Whether the turns of ``name`` (of everyone: None) are written mostly in Latin letters."""
    text = "".join(blocks[start][0].text for speaker, start in turns if name is None or speaker == name)
    return len(_HAS_HAN.findall(text)) < 0.2 * max(1, len(re.findall(r"[A-Za-z\u4e00-\u9fff]", text)))


def _merged_into(
    names: dict[str, str], turns: list[tuple[str, int]], blocks: list[tuple[_Item, str | None]]
) -> tuple[list[tuple[str, int]], list[tuple[_Item, str | None]]]:
    """Turns and blocks with each translated name replaced by its speaker's; a turn that then
    continues the same speaker's turn is part of it."""
    merged: list[tuple[str, int]] = []
    for name, start in turns:
        name = names.get(name, name)
        if not (merged and merged[-1][0] == name):
            merged.append((name, start))
    return merged, [(item, names.get(speaker, speaker) if speaker else speaker) for item, speaker in blocks]


def _nobody_named(labels: dict[str, tuple[str, str | None]], answerer: str) -> bool:
    """Every label is a role word (问/答, Q/A) and neither the title nor the introduction names
    who answers: the questions and answers of an FAQ or a help page."""
    names = {name for name, _ in labels.values()}
    return names <= (HOST_ROLE_WORDS | GUEST_ROLE_WORDS) and answerer in ("", FALLBACK_INTERVIEWEE)


def _answerer(items: list[_Item], labels: dict[str, tuple[str, str | None]], title: str) -> str:
    """The name behind ``答``/``A`` labels: the interviewee the title or introduction names."""
    if not any(name in GUEST_ROLE_WORDS for name, _ in labels.values()):
        return ""
    first = next((i for i, item in enumerate(items) if item.kind == "label" and item.text in labels), len(items))
    return interviewee(title, [item.text for item in items[:first] if item.kind != "label"][:12])


# A show's roster: '【本期主播】' / '主持人：' then the names, '【本期嘉宾】' then the guests'.
_ROSTER_HEADING = re.compile(
    r"^[【\[（(]?\s*(?:本期|本集|本節目|本节目)?\s*(?P<role>主播|主持人?|Hosts?|嘉宾|嘉賓|來賓|来宾|Guests?)\s*[】\]）)]?\s*[:：]?\s*(?P<rest>.*)$",
    re.I | re.S,
)


def _roster_roles(intro: list[str], names: list[str]) -> dict[str, str]:
    """Roles a show's notes declare before the transcript."""
    roles: dict[str, str] = {}
    section: str | None = None
    for text in intro:
        heading = _ROSTER_HEADING.match(text)
        if heading and len(heading.group("role")) + 6 >= len(text) - len(heading.group("rest")):
            section = "guest" if re.match(r"嘉|來|来|guest", heading.group("role"), re.I) else "host"
            text = heading.group("rest")
        elif len(text) > 80:
            section = None  # running text ends the roster
        if section:
            for name in names:
                if re.match(f"^\\s*{re.escape(name)}\\s*(?:[，,、：:（(\\s]|$)", text) or re.search(
                    f"(?:^|[、，,\\s]){re.escape(name)}(?:[、，,\\s]|$)", text
                ):
                    roles.setdefault(name, section)
    return roles


def _asks(text: str) -> bool:
    return (
        bool(re.search(r"[？?]", text))
        or re.match(r"(?:谈谈|談談|说说|說說|讲讲|講講|聊聊|请|請|介绍一下|介紹一下)", text) is not None
    )


def _turn_texts(
    turns: list[tuple[str, int]], blocks: list[tuple[_Item, str | None]]
) -> Iterator[tuple[str, list[str]]]:
    """Each turn's speaker and the texts of its paragraphs (headings aside), in order."""
    boundaries = [start for _, start in turns] + [len(blocks)]
    for (name, start), end in zip(turns, boundaries[1:], strict=True):
        yield name, [b.text for b, _ in blocks[start:end] if b.kind != BlockKind.HEADING]


def _find_host(turns: list[tuple[str, int]], blocks: list[tuple[_Item, str | None]]) -> str | None:
    """The speaker whose turns are mostly questions: at least two turns, 60% ending in ？; else,
    when exactly one speaker asks in 70% of their turns and nobody else in more than 30%, that one."""
    asked: dict[str, list[bool]] = {}
    asking: dict[str, list[bool]] = {}
    for name, texts in _turn_texts(turns, blocks):
        last = texts[-1] if texts else ""
        asked.setdefault(name, []).append(last.rstrip()[-1:] in "？?")
        asking.setdefault(name, []).append(any(_asks(text) for text in texts))
    hosts = [name for name, flags in asked.items() if len(flags) >= 2 and sum(flags) >= 0.6 * len(flags)]
    if len(hosts) == 1:
        return hosts[0]
    if hosts:
        return None
    shares = {name: sum(flags) / len(flags) for name, flags in asking.items() if len(flags) >= 2}
    likely = [name for name, share in shares.items() if share >= 0.7]
    if len(likely) == 1 and all(share <= 0.3 for name, share in shares.items() if name != likely[0]):
        return likely[0]
    return None
