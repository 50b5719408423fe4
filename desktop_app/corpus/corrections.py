"""The user's corrections to an article's structure, kept as an overlay and applied after the
automatic pipeline: rename or merge speakers, set a speaker's affiliation and role, make a block
a turn of a speaker or no turn, make a block a topic or no topic, rename a topic, remove a block,
restore a block that cleaning removed.

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

from desktop_app.corpus.model import Article, Block, BlockKind, Speaker, Topic, Turn
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
    if correction.op == "turns-by-label" and len(values) == 1:
        return _turns_by_label(article, values[0])
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
    to the next turn or heading."""
    if len(values) != 1 or not values[0].strip() or article.blocks[block].kind == BlockKind.HEADING:
        return None
    name = values[0].strip()
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
        article, blocks=article.blocks[:block] + article.blocks[block + 1 :], turns=(), topics=()
    )
    return _with_topics(_with_turns(removed, starts), topics)


LABEL = re.compile(r"^\s*([^：:\s][^：:]{0,15}?)\s*[：:]\s*(?=\S)")


def label_of(text: str) -> str | None:
    """The 'X' of a paragraph that begins 'X：…' (a label the pipeline did not take for a name)."""
    found = LABEL.match(text)
    return found.group(1).strip() if found else None


def _turns_by_label(article: Article, label: str) -> Article | None:
    """Every paragraph that begins '``label``：' starts a turn of ``label`` (the label leaves the
    text, as the pipeline's labels do): one correction for a transcript's hundred labels."""
    label = label.strip()
    matching = [n for n, b in enumerate(article.blocks) if b.kind != BlockKind.HEADING and label_of(b.text) == label]
    if not label or not matching:
        return None
    blocks = list(article.blocks)
    for number in matching:
        blocks[number] = blocks[number]._replace(text=LABEL.sub("", blocks[number].text, count=1))
    speakers = article.speakers if article.speaker(label) else (*article.speakers, Speaker(label, None, "guest"))
    starts = {t.block: t.speaker for t in article.turns} | dict.fromkeys(matching, label)
    return _with_turns(dataclasses.replace(article, blocks=tuple(blocks), speakers=speakers), starts)


def restore_key(article: Article, removed: int) -> Correction:
    """The correction that brings back the article's ``removed``-th removed block where it stood
    (after the block it followed, named by that block's text: it follows it)."""
    item = article.removed[removed]
    key = fold_text(item.text)
    occurrence = sum(1 for earlier in article.removed[:removed] if fold_text(earlier.text) == key)
    after = "" if item.after is None else fold_text(article.blocks[item.after].text)
    return Correction("restore", key, occurrence, (after,))


def _restore(article: Article, key: str, occurrence: int, after_key: str) -> Article | None:
    matching = [n for n, item in enumerate(article.removed) if fold_text(item.text) == key]
    if len(matching) <= occurrence:
        return None
    item = article.removed[matching[occurrence]]
    if after_key:
        after = _find(article, after_key, 0)
        if after is None:
            return None
        position = after + 1
    else:
        position = 0
    previous = article.blocks[position - 1] if position > 0 else None
    speaker = previous.speaker if previous is not None and previous.kind != BlockKind.HEADING else None
    restored = Block(BlockKind.PARAGRAPH, item.text, speaker, previous.topic if previous else None, 0)
    turns = tuple(t._replace(block=t.block + 1) if t.block >= position else t for t in article.turns)
    topics = tuple(t._replace(block=t.block + 1) if t.block >= position else t for t in article.topics)
    return dataclasses.replace(
        article,
        blocks=article.blocks[:position] + (restored,) + article.blocks[position:],
        turns=turns,
        topics=topics,
        removed=article.removed[: matching[occurrence]] + article.removed[matching[occurrence] + 1 :],
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
