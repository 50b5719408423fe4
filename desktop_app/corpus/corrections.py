"""The user's corrections to an article's structure, kept as an overlay and applied after the
automatic pipeline: rename or merge speakers, set a speaker's affiliation and role, make a block
a turn of a speaker or no turn (a heading too: it becomes the turn's first paragraph), make a
block a topic or no topic, rename a topic, remove a block, restore a block that cleaning removed,
rename the article, make every question heading a turn of the host.

A correction names its block by the block's folded text (and which occurrence of that text), not
by its index, so that it follows the block when the source changes around it (a re-import, a new
pipeline). A correction whose block is gone is *stale*: listed as such, never dropped and never
applied to another block. The text of the blocks never changes except for ``not-turn``, which
gives the speaker's label back to the text: annotations keep their anchors.

The overlay is one JSON file per article (``DATA_DIR/corrections/ID.json``), written
atomically; a damaged file is set aside (renamed) and reported in one line, and the article is
shown as the pipeline made it.
"""

from __future__ import annotations

import dataclasses
import json
import re
import time
from bisect import bisect_right, insort
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from desktop_app.corpus.model import TAIL, Article, Block, BlockKind, RemovedBlock, Speaker, Topic, Turn
from desktop_app.errors import DataError
from desktop_app.files import write_text_atomically
from desktop_app.folding import fold_text

OPERATIONS = (
    "rename-speaker",
    "merge-speakers",
    "speaker-info",
    "turn",
    "not-turn",
    "topic",
    "not-topic",
    "rename-topic",
    "remove",
    "restore",
    "turns-by-label",
    "title",
    "questions-by-host",
    "not-dialogue",
)
ROLES = ("host", "guest")
_BLOCK_OPERATIONS = {"turn", "not-turn", "topic", "not-topic", "rename-topic", "remove"}


class Correction(NamedTuple):
    op: str
    key: str = ""  # the folded text of the block it is about ("" for speaker operations)
    occurrence: int = 0  # which block of that text (0: the first)
    values: tuple[str, ...] = ()  # the operation's arguments (names, titles, affiliation, role)

    def to_json(self) -> dict[str, Any]:
        return {"op": self.op, "key": self.key, "occurrence": self.occurrence, "values": list(self.values)}

    @classmethod
    def from_json(cls, data: Any) -> Correction:
        if not isinstance(data, dict) or data.get("op") not in OPERATIONS:
            raise ValueError("not a correction")
        key, occurrence, values = data.get("key", ""), data.get("occurrence", 0), data.get("values", [])
        if not isinstance(key, str) or not isinstance(occurrence, int) or not isinstance(values, list):
            raise ValueError("not a correction")
        if not all(isinstance(value, str) for value in values) or occurrence < 0:
            raise ValueError("not a correction")
        return cls(data["op"], key, occurrence, tuple(values))


@lru_cache(maxsize=8192)
def _key(text: str) -> str:
    """A block's text as a correction names it (folded: width, case and white space aside)."""
    return fold_text(text)


def block_key(article: Article, block: int) -> tuple[str, int]:
    """The key and occurrence that name this block of this article in a correction."""
    key = _key(article.blocks[block].text)
    occurrence = sum(1 for earlier in article.blocks[:block] if _key(earlier.text) == key)
    return key, occurrence


def _find(article: Article, key: str, occurrence: int) -> int | None:
    seen = 0
    for number, block in enumerate(article.blocks):
        if _key(block.text) == key:
            if seen == occurrence:
                return number
            seen += 1
    return None


def apply(article: Article, corrections: Iterable[Correction]) -> tuple[Article, list[int]]:
    """The article with the corrections applied in order, and the positions of the stale ones."""
    stale = []
    for position, correction in enumerate(corrections):
        corrected = _apply_one(article, correction)
        if corrected is None:
            stale.append(position)
        else:
            article = corrected
    return article, stale


def _apply_one(article: Article, correction: Correction) -> Article | None:
    values = correction.values
    if correction.op in _BLOCK_OPERATIONS:
        block = _find(article, correction.key, correction.occurrence)
        if block is None:
            return None
        return _BLOCK_HANDLERS[correction.op](article, block, values)
    if correction.op == "turns-by-label" and values:
        return _turns_by_labels(article, values)
    if correction.op == "not-dialogue" and not values:
        return _not_dialogue(article)
    if correction.op == "title" and len(values) == 1:
        return _retitle(article, values[0])
    if correction.op == "questions-by-host" and len(values) == 2:
        return _questions_by_host(article, values[0], values[1])
    if correction.op == "restore" and len(values) == 1:
        return _restore(article, correction.key, correction.occurrence, values[0])
    if correction.op in ("rename-speaker", "merge-speakers") and len(values) == 2:
        return _rename_speaker(article, values[0], values[1])
    if correction.op == "speaker-info" and len(values) == 3:
        return _speaker_info(article, *values)
    return None


# -- speakers --------------------------------------------------------------------------------
def _rename_speaker(article: Article, old: str, new: str) -> Article | None:
    """Renames a speaker; to a name that already speaks, merges the two (an alias)."""
    if article.speaker(old) is None or not new.strip() or old == new:
        return None
    new = new.strip()
    speakers = [s for s in article.speakers if s.name != old]
    if article.speaker(new) is None:
        renamed = article.speaker(old)
        assert renamed is not None
        speakers.insert(article.speakers.index(renamed), renamed._replace(name=new))
    blocks = tuple(b._replace(speaker=new) if b.speaker == old else b for b in article.blocks)
    turns = _merge_adjacent(tuple(t._replace(speaker=new) if t.speaker == old else t for t in article.turns))
    return dataclasses.replace(article, speakers=tuple(speakers), blocks=blocks, turns=turns)


def _merge_adjacent(turns: tuple[Turn, ...]) -> tuple[Turn, ...]:
    """Two turns of the same speaker in a row, with no topic between, are one."""
    merged: list[Turn] = []
    for turn in turns:
        if merged and merged[-1].speaker == turn.speaker and merged[-1].topic == turn.topic:
            continue
        merged.append(turn)
    return tuple(merged)


def _speaker_info(article: Article, name: str, affiliation: str, role: str) -> Article | None:
    speaker = article.speaker(name)
    if speaker is None or role not in ("", *ROLES):
        return None
    changed = speaker._replace(affiliation=affiliation or speaker.affiliation, role=role or speaker.role)
    speakers = tuple(changed if s.name == name else s for s in article.speakers)
    return dataclasses.replace(article, speakers=speakers)


# -- blocks ----------------------------------------------------------------------------------
def _turn(article: Article, block: int, values: tuple[str, ...]) -> Article | None:
    """The block starts a turn of the speaker (a new one is added as a guest); the turn runs
    to the next turn or heading. A heading becomes the turn's first paragraph (a question set as a
    heading is the host's turn); its topic, if it began one, stays."""
    if len(values) != 1 or not values[0].strip():
        return None
    name = values[0].strip()
    if article.blocks[block].kind == BlockKind.HEADING:
        blocks = list(article.blocks)
        blocks[block] = blocks[block]._replace(kind=BlockKind.PARAGRAPH, level=0)
        article = dataclasses.replace(article, blocks=tuple(blocks))
    speakers = article.speakers if article.speaker(name) else (*article.speakers, Speaker(name, None, "guest"))
    starts = {t.block: t.speaker for t in article.turns if t.block != block}
    starts[block] = name
    return _respeak(dataclasses.replace(article, speakers=speakers), starts, block)


def _not_turn(article: Article, block: int, _values: tuple[str, ...]) -> Article | None:
    """The block starts no turn: its label was text (it goes back into the block)."""
    turn = next((t for t in article.turns if t.block == block), None)
    if turn is None:
        return None
    blocks = list(article.blocks)
    blocks[block] = blocks[block]._replace(text=f"{turn.speaker}：{blocks[block].text}")
    starts = {t.block: t.speaker for t in article.turns if t.block != block}
    return _respeak(dataclasses.replace(article, blocks=tuple(blocks)), starts, block)


def _respeak(article: Article, starts: dict[int, str], block: int) -> Article:
    """What _with_turns does, for a change of the turn starts at ``block`` only: the blocks from
    there to the next start take the speaker that now speaks there (the rest of the article is
    unchanged, so a correction costs its turn, not the article)."""
    blocks = list(article.blocks)
    earlier = [start for start in starts if start < block]
    speaker = starts.get(block) or (starts[max(earlier)] if earlier else None)
    end = block
    while end < len(blocks) and (end == block or end not in starts):
        if blocks[end].kind != BlockKind.HEADING and blocks[end].speaker != speaker:
            blocks[end] = blocks[end]._replace(speaker=speaker)
        end += 1
    turns = [turn for turn in article.turns if turn.block != block]  # the others stand as they were
    if block in starts:
        insort(turns, Turn(starts[block], blocks[block].topic, block), key=lambda turn: turn.block)
    replaced = next((turn.speaker for turn in article.turns if turn.block == block), None)
    speakers = article.speakers
    if replaced is not None and all(turn.speaker != replaced for turn in turns):
        speakers = tuple(s for s in speakers if s.name != replaced)  # they no longer speak
    return dataclasses.replace(article, blocks=tuple(blocks), turns=tuple(turns), speakers=speakers)


def _with_turns(article: Article, starts: dict[int, str]) -> Article:
    """Speakers of blocks from the turn starts, as the pipeline assigns them: a turn runs to the
    next start (past headings, which are nobody's: a talk is one long turn)."""
    blocks, current = [], None
    for number, block in enumerate(article.blocks):
        if number in starts:
            current = starts[number]
        speaker = None if block.kind == BlockKind.HEADING else current
        blocks.append(block if block.speaker == speaker else block._replace(speaker=speaker))
    turns = tuple(Turn(starts[n], blocks[n].topic, n) for n in sorted(starts))
    speaking = {t.speaker for t in turns}
    speakers = tuple(s for s in article.speakers if s.name in speaking)
    return dataclasses.replace(article, blocks=tuple(blocks), turns=turns, speakers=speakers)


def _topic(article: Article, block: int, values: tuple[str, ...]) -> Article | None:
    """The block begins a topic (titled by the block's text unless a title is given); a
    paragraph becomes a heading."""
    if any(topic.block == block for topic in article.topics):
        return None
    title = values[0].strip() if values and values[0].strip() else article.blocks[block].text
    blocks = list(article.blocks)
    if blocks[block].kind != BlockKind.HEADING and any(t.block == block for t in article.turns):
        return None  # a turn's first paragraph stays the turn's: mark the heading before it
    blocks[block] = blocks[block]._replace(kind=BlockKind.HEADING, level=blocks[block].level or 2, speaker=None)
    topics = sorted((*article.topics, Topic(title, block)), key=lambda topic: topic.block)
    return _with_topics(dataclasses.replace(article, blocks=tuple(blocks)), topics)


def _not_topic(article: Article, block: int, _values: tuple[str, ...]) -> Article | None:
    topics = [topic for topic in article.topics if topic.block != block]
    if len(topics) == len(article.topics):
        return None
    return _with_topics(article, topics)


def _rename_topic(article: Article, block: int, values: tuple[str, ...]) -> Article | None:
    if len(values) != 1 or not values[0].strip() or not any(t.block == block for t in article.topics):
        return None
    topics = [t._replace(title=values[0].strip()) if t.block == block else t for t in article.topics]
    return dataclasses.replace(article, topics=tuple(topics))


def _with_topics(article: Article, topics: list[Topic]) -> Article:
    """Each block's and turn's topic from the topics' first blocks."""
    firsts = [topic.block for topic in topics]

    def topic_of(block: int) -> int | None:
        found = bisect_right(firsts, block)
        return found - 1 if found else None

    blocks = tuple(
        b if b.topic == (topic := topic_of(n)) else b._replace(topic=topic) for n, b in enumerate(article.blocks)
    )
    turns = tuple(t._replace(topic=topic_of(t.block)) for t in article.turns)
    return dataclasses.replace(article, topics=tuple(topics), blocks=blocks, turns=turns)


def _remove(article: Article, block: int, _values: tuple[str, ...]) -> Article | None:
    """Takes the block out (its turn, if it began one, moves to the turn's next block)."""
    if len(article.blocks) <= 1:
        return None
    starts: dict[int, str] = {}
    for turn in article.turns:
        start = turn.block
        if start == block:
            following = block + 1
            if following < len(article.blocks) and article.blocks[following].speaker == turn.speaker:
                starts[block] = turn.speaker  # what was block + 1 is block now
            continue
        starts[start - 1 if start > block else start] = turn.speaker
    topics = [t._replace(block=t.block - 1 if t.block > block else t.block) for t in article.topics if t.block != block]
    removed = dataclasses.replace(
        article,
        blocks=article.blocks[:block] + article.blocks[block + 1 :],
        turns=(),
        topics=(),
        removed=_shift_removed(article.removed, block, -1),
    )
    return _with_topics(_with_turns(removed, starts), topics)


LABEL = re.compile(r"^\s*([^：:\s][^：:]{0,15}?)\s*[：:]\s*(?=\S)")


def label_of(text: str) -> str | None:
    """The 'X' of a paragraph that begins 'X：…' (a label the pipeline did not take for a name)."""
    found = LABEL.match(text)
    return found.group(1).strip() if found else None


def name_line_of(text: str) -> str | None:
    """The name of a paragraph that holds only a name (``张三`` or ``张三：``), as chat-bubble
    interviews set each turn's speaker: a short line without sentence punctuation."""
    name = text.strip().strip("*_ \u3000").rstrip("：:").strip()
    if not 1 <= len(name) <= 16 or re.search(r"[。！？!?，,；;、“”\"「」]", name):
        return None
    return name


def name_lines_of(article: Article, name: str) -> list[int]:
    """The blocks that hold only ``name`` (a paragraph, or a bold line read as a heading) and are
    followed by the text it speaks."""
    return [
        n
        for n, block in enumerate(article.blocks[:-1])
        if name_line_of(block.text) == name
        and article.blocks[n + 1].kind != BlockKind.HEADING
        and name_line_of(article.blocks[n + 1].text) is None
    ]


def _turns_by_labels(article: Article, labels: tuple[str, ...]) -> Article | None:
    """Several labels at once (a chat-bubble interview's host and guest: one step for the user);
    refused only when none applies."""
    changed = None
    for label in labels:
        changed = _turns_by_label(changed or article, label) or changed
    return changed


def _turns_by_label(article: Article, label: str) -> Article | None:
    """Every paragraph that begins '``label``：' starts a turn of ``label`` (the label leaves the
    text, as the pipeline's labels do), and so does the paragraph after one that holds only
    ``label`` (the name line goes, like a label): one correction for a transcript's hundred labels."""
    label = label.strip()
    if not label:
        return None
    paragraphs = [n for n, b in enumerate(article.blocks) if b.kind != BlockKind.HEADING]
    inline = [n for n in paragraphs if label_of(article.blocks[n].text) == label]
    name_lines = name_lines_of(article, label)
    if not inline and not name_lines:
        return None
    blocks = list(article.blocks)
    for number in inline:
        blocks[number] = blocks[number]._replace(text=LABEL.sub("", blocks[number].text, count=1))
    speakers = article.speakers if article.speaker(label) else (*article.speakers, Speaker(label, None, "guest"))
    starts = {t.block: t.speaker for t in article.turns} | dict.fromkeys(inline, label)
    starts |= dict.fromkeys((n + 1 for n in name_lines), label)
    article = _with_turns(dataclasses.replace(article, blocks=tuple(blocks), speakers=speakers), starts)
    for number in reversed(name_lines):
        article = drop_block(article, number)
    return article


def drop_block(article: Article, block: int) -> Article:
    """The article without one block: turns, topics and where removed blocks stood shift up."""
    turns = tuple(t._replace(block=t.block - 1) if t.block > block else t for t in article.turns if t.block != block)
    topics = tuple(t._replace(block=t.block - 1) if t.block > block else t for t in article.topics if t.block != block)
    return dataclasses.replace(
        article,
        blocks=article.blocks[:block] + article.blocks[block + 1 :],
        turns=turns,
        topics=topics,
        removed=_shift_removed(article.removed, block, -1),
    )


def _shift_removed(removed: tuple[RemovedBlock, ...], block: int, by: int) -> tuple[RemovedBlock, ...]:
    """Where removed blocks stand after a block is taken out at ``block`` (by -1) or put in there
    (by +1): those that followed a later block follow it still."""
    shifted = []
    for item in removed:
        after = item.after
        if after is not None and (after > block or (by > 0 and after >= block) or (by < 0 and after == block)):
            after = after + by if after + by >= 0 else None
        shifted.append(item if after == item.after else item._replace(after=after))
    return tuple(shifted)


def _not_dialogue(article: Article) -> Article | None:
    """The article is no dialogue: every label goes back into its text and nobody speaks."""
    if not article.turns:
        return None
    blocks = list(article.blocks)
    for turn in article.turns:
        blocks[turn.block] = blocks[turn.block]._replace(text=f"{turn.speaker}：{blocks[turn.block].text}")
    blocks = [block._replace(speaker=None) if block.speaker is not None else block for block in blocks]
    return dataclasses.replace(article, blocks=tuple(blocks), turns=(), speakers=())


def _retitle(article: Article, title: str) -> Article | None:
    """The article is called ``title`` (an untitled transcript's first sentence is no title)."""
    title = " ".join(title.split())
    if not title or title == article.title:
        return None
    return dataclasses.replace(article, title=title)


def is_question(text: str) -> bool:
    return text.rstrip().endswith(("？", "?"))


def answered_questions(article: Article) -> list[int]:
    """The question headings followed by text (what a Q&A set as headings answers)."""
    return [
        number
        for number, block in enumerate(article.blocks[:-1])
        if block.kind == BlockKind.HEADING
        and is_question(block.text)
        and article.blocks[number + 1].kind != BlockKind.HEADING
    ]


def _questions_by_host(article: Article, host: str, guest: str) -> Article | None:
    """The headings are the host's questions and what follows each is the guest's answer (a Q&A
    whose questions are set as headings): each question heading becomes a turn of ``host``, the
    paragraphs after it a turn of ``guest``. Only question headings when some end in ？, else every
    heading that is followed by text. The topics stay."""
    host, guest = host.strip(), guest.strip()
    if not host or not guest or host == guest:
        return None
    headings = [n for n, b in enumerate(article.blocks) if b.kind == BlockKind.HEADING]
    if any(is_question(article.blocks[n].text) for n in headings):
        headings = [n for n in headings if is_question(article.blocks[n].text)]
    headings = [n for n in headings if n + 1 < len(article.blocks) and article.blocks[n + 1].kind != BlockKind.HEADING]
    if not headings:
        return None
    blocks = list(article.blocks)
    starts = {t.block: t.speaker for t in article.turns}
    for number in headings:
        blocks[number] = blocks[number]._replace(kind=BlockKind.PARAGRAPH, level=0)
        starts[number] = host
        starts[number + 1] = guest
    # A later section heading (not a question) ends the guest's answer, as a heading ends a turn.
    speakers = list(article.speakers)
    for name, role in ((host, "host"), (guest, "guest")):
        existing = article.speaker(name)
        if existing is None:
            speakers.append(Speaker(name, None, role))
        elif existing.role != role:
            speakers[speakers.index(existing)] = existing._replace(role=role)
    turned = _with_turns(dataclasses.replace(article, blocks=tuple(blocks), speakers=tuple(speakers)), starts)
    blocks, speaking = list(turned.blocks), False
    for number, block in enumerate(blocks):
        if number in starts:
            speaking = True
        elif block.kind == BlockKind.HEADING:
            speaking = False
        elif not speaking and block.speaker is not None:
            blocks[number] = block._replace(speaker=None)
    return dataclasses.replace(turned, blocks=tuple(blocks))


def restore_key(article: Article, removed: int) -> Correction:
    """The correction that brings back the article's ``removed``-th removed block where it stood
    (after the block it followed, named by that block's text: it follows it). A block cut from
    the end whose neighbour is gone goes back at the end."""
    item = article.removed[removed]
    key = fold_text(item.text)
    occurrence = sum(1 for earlier in article.removed[:removed] if fold_text(earlier.text) == key)
    after_block = None if item.after is None else min(item.after, len(article.blocks) - 1)
    after = "" if after_block is None or after_block < 0 else fold_text(article.blocks[after_block].text)
    return Correction("restore", key, occurrence, (after,))


def _restore(article: Article, key: str, occurrence: int, after_key: str) -> Article | None:
    matching = [n for n, item in enumerate(article.removed) if fold_text(item.text) == key]
    if len(matching) <= occurrence:
        return None
    item = article.removed[matching[occurrence]]
    if after_key:
        after = _find(article, after_key, 0)
        if after is None and item.rule != TAIL:
            return None
        position = len(article.blocks) if after is None else after + 1
    else:
        position = 0
    previous = article.blocks[position - 1] if position > 0 else None
    speaker = previous.speaker if previous is not None and previous.kind != BlockKind.HEADING else None
    restored = Block(BlockKind.PARAGRAPH, item.text, speaker, previous.topic if previous else None, 0)
    turns = tuple(t._replace(block=t.block + 1) if t.block >= position else t for t in article.turns)
    topics = tuple(t._replace(block=t.block + 1) if t.block >= position else t for t in article.topics)
    others = article.removed[: matching[occurrence]] + article.removed[matching[occurrence] + 1 :]
    return dataclasses.replace(
        article,
        blocks=article.blocks[:position] + (restored,) + article.blocks[position:],
        turns=turns,
        topics=topics,
        removed=_shift_removed(others, position, +1),
    )


_BLOCK_HANDLERS = {
    "turn": _turn,
    "not-turn": _not_turn,
    "topic": _topic,
    "not-topic": _not_topic,
    "rename-topic": _rename_topic,
    "remove": _remove,
}


# -- the overlay on disk ---------------------------------------------------------------------
class Overlay:
    """One article's corrections, in the order they were made."""

    def __init__(self, folder: Path, article_id: str) -> None:
        self.path = folder / f"{article_id}.json"

    def read(self) -> list[Correction]:
        """The corrections; a damaged file is set aside and reported (DataError), never applied."""
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return []
        except (OSError, UnicodeDecodeError) as error:
            raise DataError(f"cannot read the corrections {self.path}: {error}") from None
        try:
            data = json.loads(text)
            if not isinstance(data, list):
                raise ValueError("not a list")
            return [Correction.from_json(item) for item in data]
        except (ValueError, RecursionError):
            aside = self.path.with_name(f"{self.path.stem}.damaged-{time.strftime('%Y%m%dT%H%M%S')}.json")
            try:
                self.path.replace(aside)
            except OSError:
                aside = self.path
            raise DataError(
                f"the corrections of this article were damaged and are kept aside as {aside}; "
                "the article is shown as read"
            ) from None

    def write(self, corrections: list[Correction]) -> None:
        try:
            write_text_atomically(
                self.path, json.dumps([c.to_json() for c in corrections], ensure_ascii=False, indent=1) + "\n"
            )
        except OSError as error:
            raise DataError(f"cannot save the corrections in {self.path}: {error.strerror or error}") from None

    def add(self, correction: Correction) -> list[Correction]:
        corrections = [*self.read(), correction]
        self.write(corrections)
        return corrections

    def remove(self, position: int) -> Correction:
        corrections = self.read()
        if not 0 <= position < len(corrections):
            raise DataError(f"there is no correction {position + 1} (there are {len(corrections)})")
        removed = corrections.pop(position)
        self.write(corrections)
        return removed
