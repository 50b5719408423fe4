"""The cleaned, structured article every other part of the app reads.

An article is an ordered list of blocks. A block knows its speaker (or None) and its topic (an
index into ``topics``, or None). The article's plain text is what ``show --text`` prints and what
annotation offsets and search snippets refer to: block texts separated by blank lines, with a
``名字：`` line before the first block of each speaker turn.
"""

from __future__ import annotations

import hashlib
import json
from bisect import bisect_right
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from typing import Any, NamedTuple


class BlockKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    QUOTE = "quote"


BLOCK_KINDS = tuple(BlockKind)
TEXT_SEPARATOR = "\n\n"

# The parts of an article are tuples: the corpus cache builds thousands of them at every start,
# and a tuple class costs a fraction of a frozen dataclass to define and to construct.


class Block(NamedTuple):
    kind: BlockKind
    text: str
    speaker: str | None = None
    topic: int | None = None
    level: int = 0  # heading level (1-6); 0 for other kinds


class Topic(NamedTuple):
    title: str
    block: int


class Speaker(NamedTuple):
    name: str
    affiliation: str | None = None
    role: str | None = None  # "host", "guest" or None when the source does not say


# The rules by which cleaning removes a block (the others are named where they are applied).
CAPTION, CLIPPER, METADATA, TAIL = "caption", "clipper wrapper", "metadata", "promotion tail"


class RemovedBlock(NamedTuple):
    """A block of the source that cleaning took out, the rule that did, and where it stood: after
    the article block ``after`` (None: before the first)."""

    text: str
    rule: str
    after: int | None = None


class Turn(NamedTuple):
    speaker: str
    topic: int | None
    block: int


@dataclass(frozen=True)
class Article:
    id: str
    title: str
    blocks: tuple[Block, ...]
    topics: tuple[Topic, ...] = ()
    speakers: tuple[Speaker, ...] = ()
    turns: tuple[Turn, ...] = ()
    source_url: str | None = None
    date: str | None = None
    publisher: str | None = None
    tags: tuple[str, ...] = ()
    origin: str = "bundled"  # "bundled" or "imported"
    removed: tuple[RemovedBlock, ...] = ()
    encoding: str | None = None  # the source file's text encoding

    @cached_property
    def _layout(self) -> tuple[str, tuple[int, ...]]:
        parts: list[str] = []
        starts: list[int] = []
        position = 0
        turn_starts = {turn.block: turn.speaker for turn in self.turns}
        for index, block in enumerate(self.blocks):
            label = turn_starts.get(index)
            if label is not None:
                parts.append(f"{label}：")
                position += len(parts[-1]) + len(TEXT_SEPARATOR)
            starts.append(position)
            parts.append(block.text)
            position += len(block.text) + len(TEXT_SEPARATOR)
        return TEXT_SEPARATOR.join(parts), tuple(starts)

    @property
    def plain_text(self) -> str:
        """The clean text, no markup; annotation offsets index into it."""
        return self._layout[0]

    @property
    def block_starts(self) -> tuple[int, ...]:
        """Offset of each block's text in ``plain_text``."""
        return self._layout[1]

    def block_at(self, offset: int) -> int:
        """Index of the block that holds (or, between blocks, follows) a plain-text offset."""
        return max(0, bisect_right(self.block_starts, offset) - 1)

    def label_spans(self) -> list[tuple[int, int]]:
        """Where each turn's ``名字：`` line sits in ``plain_text`` (start, end), in order."""
        starts = self.block_starts
        spans = []
        for turn in self.turns:
            if 0 <= turn.block < len(starts):
                end = starts[turn.block] - len(TEXT_SEPARATOR)
                spans.append((end - len(turn.speaker) - 1, end))
        return spans

    def within_one_turn(self, start: int, end: int) -> tuple[int, int]:
        """The span clipped to the turn it begins in, so that a highlight never takes in a
        speaker's name line: a start on a name line moves to the turn's text, and the span ends
        before the next turn (its name line) or, inside a turn, before a heading."""
        starts = self.block_starts
        labels = {turn.block: span for turn, span in zip(self.turns, self.label_spans(), strict=False)}
        for block, (label_start, _label_end) in labels.items():
            if label_start <= start < starts[block]:
                start = starts[block]
        first = self.block_at(start)
        in_turn = self.blocks[first].speaker is not None if first < len(self.blocks) else False
        for block in range(first + 1, len(self.blocks)):
            begin = labels[block][0] if block in labels else starts[block]
            if begin >= end:
                break
            if block in labels or (in_turn and self.blocks[block].kind == BlockKind.HEADING):
                end = begin
                break
        text = self.plain_text
        while end > start and text[end - 1].isspace():
            end -= 1
        return start, max(start, end)

    @property
    def chars(self) -> int:
        """Characters of body text (block texts only), the article's size for the library list."""
        return sum(len(block.text) for block in self.blocks)

    def speaker(self, name: str) -> Speaker | None:
        return next((s for s in self.speakers if s.name == name), None)

    def turn_counts(self) -> dict[str, int]:
        counts = {speaker.name: 0 for speaker in self.speakers}
        for turn in self.turns:
            counts[turn.speaker] = counts.get(turn.speaker, 0) + 1
        return counts

    # JSON forms: the command line's contract (see README).
    def summary_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "source_url": self.source_url,
            "date": self.date,
            "speakers": len(self.speakers),
            "chars": self.chars,
        }

    def document_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "source_url": self.source_url,
            "date": self.date,
            "publisher": self.publisher,
            "tags": list(self.tags),
            "blocks": [{"kind": b.kind, "text": b.text, "speaker": b.speaker, "topic": b.topic} for b in self.blocks],
        }

    def import_report_json(self) -> dict[str, Any]:
        """What an import found, so that a user sees at once whether the outline came out."""
        return {
            "speakers": [s.name for s in self.speakers],
            "turns": len(self.turns),
            "topics": len(self.topics),
            "removed_blocks": len(self.removed),
            "encoding": self.encoding,
        }

    def outline_json(self) -> dict[str, Any]:
        counts = self.turn_counts()
        return {
            "id": self.id,
            "title": self.title,
            "topics": [{"title": t.title, "block": t.block} for t in self.topics],
            "speakers": [
                {"name": s.name, "affiliation": s.affiliation, "role": s.role, "turns": counts[s.name]}
                for s in self.speakers
            ],
            "turns": [{"speaker": t.speaker, "topic": t.topic, "block": t.block} for t in self.turns],
        }

    @cached_property
    def content_digest(self) -> str:
        """A hash of everything the article holds: the search index compares it to know which
        articles changed. Kept with the (immutable) article: at 10,000 articles, hashing them
        all took 0.7 s of every index update."""
        return hashlib.sha256(json.dumps(self.to_cache(), ensure_ascii=False, sort_keys=True).encode()).hexdigest()

    def to_cache(self) -> dict[str, Any]:
        """A lossless JSON form for the parsed-corpus cache."""
        return {
            "id": self.id,
            "title": self.title,
            "blocks": [[b.kind, b.text, b.speaker, b.topic, b.level] for b in self.blocks],
            "topics": [[t.title, t.block] for t in self.topics],
            "speakers": [[s.name, s.affiliation, s.role] for s in self.speakers],
            "turns": [[t.speaker, t.topic, t.block] for t in self.turns],
            "source_url": self.source_url,
            "date": self.date,
            "publisher": self.publisher,
            "tags": list(self.tags),
            "origin": self.origin,
            "removed": [[r.text, r.rule, r.after] for r in self.removed],
            "encoding": self.encoding,
        }

    @classmethod
    def from_cache(cls, data: dict[str, Any]) -> Article:
        return cls(
            id=data["id"],
            title=data["title"],
            blocks=tuple(Block(*b) for b in data["blocks"]),
            topics=tuple(Topic(*t) for t in data["topics"]),
            speakers=tuple(Speaker(*s) for s in data["speakers"]),
            turns=tuple(Turn(*t) for t in data["turns"]),
            source_url=data["source_url"],
            date=data["date"],
            publisher=data["publisher"],
            tags=tuple(data["tags"]),
            origin=data["origin"],
            removed=tuple(RemovedBlock(*r[:3]) for r in data.get("removed", ())),
            encoding=data.get("encoding"),
        )
