"""Dialogues the document shows without ``名字：`` labels, found after the article is built:

- chat-bubble interviews, where each turn is preceded by the speaker's name alone on its line
  (a paragraph or a bold line); taken when at least two names each recur and they alternate;
- roundups that introduce each person by a line of their title and name ('AMUNDI副首席投资官：
  Vincent Mortier') before their answers; taken when at least three people are introduced so;
- Q&As whose questions are headings addressed to someone (``你…？``) and answered in the first
  person, in an article that names its interviewee: the questions become the host's turns and
  the answers the interviewee's.

Both are applied as the user's own corrections would be (``turns-by-label``,
``questions-by-host``), so what the importer does here the user can do, or undo, in one step.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter

from desktop_app.corpus.corrections import (
    Correction,
    answered_questions,
    apply,
    drop_block,
    name_line_of,
    name_lines_of,
)
from desktop_app.corpus.model import Article, BlockKind, Speaker, Turn
from desktop_app.corpus.names import is_transliterated_name
from desktop_app.corpus.speaker_acceptance import (
    FALLBACK_INTERVIEWEE,
    GUEST_ROLE_WORDS,
    HOST_ROLE_WORDS,
    interviewee,
    is_person_name,
)
from desktop_app.corpus.structure import introduced_affiliation

_MIN_NAME_LINES = 2
_LATIN_PERSON = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+){1,2}")
_ADDRESSED = re.compile(r"[你您]")
_FIRST_PERSON = re.compile(r"[我]")
_TRADITIONAL_HINTS = set("們這說訪問對話與為個來時會從還當實們後")


def with_implicit_turns(article: Article) -> Article:
    """The article with the turns its layout shows, when it has none."""
    if article.turns:
        return article
    names, certain = chat_bubble_names(article)
    if names and certain:
        corrected, _ = apply(article, [Correction("turns-by-label", values=(name,)) for name in names])
        return corrected
    introduced = introduced_people(article)
    if introduced:
        return _with_introduced_turns(article, introduced)
    pair = heading_interview(article, strict=True)
    if pair:
        corrected, _ = apply(article, [Correction("questions-by-host", values=pair)])
        return _with_guest_affiliation(corrected, pair[1])
    return article


def _with_guest_affiliation(article: Article, guest: str) -> Article:
    """The interviewee's affiliation, as the introduction or the title gives it."""
    first = article.turns[0].block if article.turns else len(article.blocks)
    intro = [block.text for block in article.blocks[:first] if block.kind != BlockKind.HEADING]
    affiliation = introduced_affiliation(guest, intro, article.title)
    if not affiliation:
        return article
    speakers = tuple(s._replace(affiliation=affiliation) if s.name == guest else s for s in article.speakers)
    return dataclasses.replace(article, speakers=speakers)


# 'AMUNDI副首席投资官：Vincent Mortier': a title with a job word, a colon, a person's name, nothing else.
_JOB_WORDS = (
    "官|总裁|总监|主管|经理|教授|创始人|CEO|CFO|CTO|主席|董事|研究员|分析师|负责人|合伙人|院长|所长|主任|"
    "總裁|總監|經理|創始人|董事長|研究員|分析師|負責人|合夥人"
)
_INTRODUCED = re.compile(
    f"^(?P<title>[^：:，。！？]{{2,40}}?(?:{_JOB_WORDS})[^：:，。！？]{{0,10}})\\s*[：:]\\s*"
    r"(?P<name>[A-Z][A-Za-z'\-]+(?: [A-Z][A-Za-z'\-]+){1,2}|[\u4e00-\u9fff·]{2,6})$"
)
_MIN_INTRODUCED = 3


def introduced_people(article: Article) -> dict[int, tuple[str, str]]:
    """Blocks that introduce a person by title and name, followed by what they say: block ->
    (name, title). Only when at least three people are introduced that way."""
    found = {}
    for number, block in enumerate(article.blocks[:-1]):
        matched = _INTRODUCED.match(block.text.strip())
        if matched and (matched.group("name")[0].isupper() or is_person_name(matched.group("name"))):
            found[number] = (matched.group("name"), matched.group("title").strip())
    return found if len(found) >= _MIN_INTRODUCED else {}


def _with_introduced_turns(article: Article, introduced: dict[int, tuple[str, str]]) -> Article:
    """Each introduced person speaks from the block after their introduction to the next one;
    the introduction lines go (their title becomes the affiliation)."""
    starts = {number + 1: name for number, (name, _) in introduced.items()}
    blocks = list(article.blocks)
    speaker = None
    for number, block in enumerate(blocks):
        if number in introduced:
            speaker = None
        speaker = starts.get(number, speaker)
        if block.kind != BlockKind.HEADING and number not in introduced:
            blocks[number] = block._replace(speaker=speaker)
    turns = tuple(Turn(name, blocks[start].topic, start) for start, name in sorted(starts.items()))
    speakers = tuple(Speaker(name, title, None) for name, title in introduced.values())
    article = dataclasses.replace(article, blocks=tuple(blocks), turns=turns, speakers=speakers)
    for number in sorted(introduced, reverse=True):
        article = drop_block(article, number)
    return article


def _surely_a_speaker(name: str) -> bool:
    """A role word, a name jieba's tagger reads as a person's, or a transliterated or Latin
    personal name: what the importer takes without asking."""
    return (
        name in HOST_ROLE_WORDS
        or name in GUEST_ROLE_WORDS
        or is_person_name(name)
        or is_transliterated_name(name)
        or _LATIN_PERSON.fullmatch(name) is not None
    )


def chat_bubble_names(article: Article, judge: bool = True) -> tuple[list[str], bool]:
    """Names that stand alone before the text they speak, recurring and alternating: at least two
    names, each at least twice, the speaker changing at most name lines. And whether every one
    of them surely names a speaker (else the user is asked: ``晚点LatePost`` may be a caption;
    ``judge=False`` does not ask jieba's tagger and says not sure)."""
    sequence = []
    for number, block in enumerate(article.blocks[:-1]):
        name = name_line_of(block.text)
        following = article.blocks[number + 1]
        if (
            name is not None
            and len(name) <= 12  # a media name ('晚点LatePost') as well as a person's
            and following.kind != BlockKind.HEADING
            and name_line_of(following.text) is None
        ):
            sequence.append(name)
    counts = Counter(sequence)
    names = [name for name, count in counts.items() if count >= _MIN_NAME_LINES]
    if len(names) < 2:
        return [], False
    kept = [name for name in sequence if name in names]
    changes = sum(1 for a, b in zip(kept, kept[1:], strict=False) if a != b)
    if changes < (len(kept) - 1) * 0.6 or sum(counts[name] for name in names) < 4:
        return [], False
    if any(len(name_lines_of(article, name)) < _MIN_NAME_LINES for name in names):
        return [], False
    return names, judge and all(_surely_a_speaker(name) for name in names)


def heading_interview(article: Article, strict: bool, tagger: bool = True) -> tuple[str, str] | None:
    """(host, guest) when the headings are a host's questions to a named interviewee.

    Strict (the importer): a question addresses someone (你/您: Chinese questions often drop
    the pronoun, so one is enough) and most answers are in the first person (我). Otherwise (a
    suggestion to the user) question headings and a named person do."""
    if article.speakers:
        return None
    questions = answered_questions(article)
    if len(questions) < 2:
        return None
    if strict:
        addressed = sum(1 for n in questions if _ADDRESSED.search(article.blocks[n].text))
        answered = sum(1 for n in questions if _FIRST_PERSON.search(article.blocks[n + 1].text))
        if not addressed or answered * 2 < len(questions):
            return None
    intro = [block.text for block in article.blocks[: questions[0]] if block.kind != BlockKind.HEADING][:8]
    guest = interviewee(article.title, intro, tagger)
    if guest == FALLBACK_INTERVIEWEE:
        return None
    traditional = any(char in _TRADITIONAL_HINTS for char in article.title + "".join(intro[:2]))
    return ("採訪者" if traditional else "采访者"), guest
