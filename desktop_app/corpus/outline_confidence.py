"""How sure the outline's speaker structure is, and the one-step fixes a reader would try.

Cheap enough for the window to ask on every article it shows: it never loads jieba's tagger.

Read from the finished article alone (after the user's corrections), so that a fix the user
accepts makes its own suggestion disappear. The evidence is what a careful reader weighs:
- speakers whose labels recur and alternate with others are a dialogue the document shows;
- speakers with a single turn each, or one speaker alone, rest on little;
- paragraphs that still begin ``X：`` or hold only a name, recurring, are labels the importer
  did not take (``turns-by-label X``);
- question headings in an article without speakers are an interview whose questions were set
  as headings (``questions-by-host``);
- two speaker names that differ by a typo or a title prefix are one person (``merge-speakers``);
- turns that rest on little are perhaps no dialogue at all (``not-dialogue``).
"""

from __future__ import annotations

from collections import Counter
from typing import Any, NamedTuple

from rapidfuzz import fuzz

from desktop_app.corpus.corrections import is_question, label_of, name_lines_of
from desktop_app.corpus.implicit_turns import chat_bubble_names, heading_interview
from desktop_app.corpus.model import Article, BlockKind

HIGH, MEDIUM, LOW = "high", "medium", "low"
_MIN_REPEATS = 2
_SIMILAR = 80  # rapidfuzz ratio above which two names are one person's spelt two ways


class Suggestion(NamedTuple):
    """A fix as one correction: ``op`` and ``values`` as ``correct`` takes them; ``blocks`` how
    many paragraphs or turns it touches (what the window says)."""

    op: str
    values: tuple[str, ...]
    blocks: int

    def to_json(self) -> dict[str, Any]:
        return {"op": self.op, "values": list(self.values), "blocks": self.blocks}


class Confidence(NamedTuple):
    score: float  # 0 (a guess) to 1 (the document shows it)
    level: str  # high, medium, low
    reasons: tuple[str, ...]
    suggestions: tuple[Suggestion, ...]

    @property
    def uncertain(self) -> bool:
        return self.level != HIGH or bool(self.suggestions)

    def to_json(self) -> dict[str, Any]:
        return {
            "score": round(self.score, 2),
            "level": self.level,
            "reasons": list(self.reasons),
            "suggestions": [suggestion.to_json() for suggestion in self.suggestions],
        }


def assess(article: Article, tagger: bool = False) -> Confidence:
    """The confidence in the article's speakers and turns, with the likely fixes.

    Args:
        tagger: whether jieba's tagger may name an interviewee the title does not name with
            '对话X' (the command line may take the second it costs; the window does not)."""
    reasons: list[str] = []
    suggestions = (
        _chat_bubbles(article)
        + _unclaimed_labels(article)
        + _question_headings(article, tagger)
        + _similar_names(article)
    )
    counts = article.turn_counts()
    score = 1.0
    if len(article.speakers) == 1 and not _is_talk(article):
        score -= 0.4
        reasons.append("one speaker only, in part of the text")
    elif len(article.speakers) > 1:
        once = [name for name, turns in counts.items() if turns < _MIN_REPEATS]
        if len(once) == len(counts):
            score -= 0.4
            reasons.append("every label appears once")
        elif len(once) * 2 > len(counts):
            score -= 0.2
            reasons.append(f"{len(once)} of {len(counts)} speakers have a single turn")
        if not _alternates(article):
            score -= 0.2
            reasons.append("the turns do not alternate between speakers")
    if article.speakers:
        if score < 0.6 and len(article.turns) <= 4:
            suggestions.append(Suggestion("not-dialogue", (), len(article.turns)))
    for suggestion in suggestions:
        if suggestion.op == "turns-by-label":
            score -= 0.3
            reasons.append(
                f"{suggestion.blocks} paragraphs begin with {' / '.join(suggestion.values)} but are no turns"
            )
        elif suggestion.op == "questions-by-host":
            score -= 0.4
            reasons.append(f"{suggestion.blocks} question headings but no speakers")
        elif suggestion.op == "merge-speakers":
            score -= 0.2
            reasons.append(f"{suggestion.values[0]} and {suggestion.values[1]} look like one name")
    score = max(0.0, min(1.0, score))
    level = HIGH if score >= 0.8 else MEDIUM if score >= 0.5 else LOW
    return Confidence(score, level, tuple(reasons), tuple(suggestions))


def _is_talk(article: Article) -> bool:
    """One voice through most of the text: a talk or a lecture, which has one speaker by nature."""
    paragraphs = [block for block in article.blocks if block.kind != BlockKind.HEADING]
    spoken = sum(1 for block in paragraphs if block.speaker is not None)
    return len(article.turns) == 1 and spoken * 2 >= len(paragraphs)


def _alternates(article: Article) -> bool:
    """The speaker changes at most turn boundaries."""
    speakers = [turn.speaker for turn in article.turns]
    changes = sum(1 for a, b in zip(speakers, speakers[1:], strict=False) if a != b)
    return changes >= (len(speakers) - 1) / 2


def _chat_bubbles(article: Article) -> list[Suggestion]:
    """Names alone on their lines before each turn that the importer did not take on its own."""
    if article.turns:
        return []
    names, _certain = chat_bubble_names(article, judge=False)
    if not names:
        return []
    lines = sum(len(name_lines_of(article, name)) for name in names)
    return [Suggestion("turns-by-label", tuple(names), lines)]


def _unclaimed_labels(article: Article) -> list[Suggestion]:
    """Labels that recur at paragraph starts (``X：…``) outside any turn."""
    turn_starts = {turn.block for turn in article.turns}
    found: Counter[str] = Counter()
    for number, block in enumerate(article.blocks):
        if block.kind == BlockKind.HEADING or number in turn_starts:
            continue
        label = label_of(block.text)
        if label is not None and len(label) <= 12:
            found[label] += 1
    recurring = {label: count for label, count in found.items() if count >= _MIN_REPEATS}
    # A single recurring label is a dialogue only beside speakers (or other labels) to answer it.
    if len(recurring) < 2 and not article.speakers:
        return []
    return [Suggestion("turns-by-label", (label,), count) for label, count in sorted(recurring.items())]


def _question_headings(article: Article, tagger: bool) -> list[Suggestion]:
    pair = heading_interview(article, strict=False, tagger=tagger)
    if pair is None:
        return []
    questions = sum(1 for block in article.blocks if block.kind == BlockKind.HEADING and is_question(block.text))
    return [Suggestion("questions-by-host", pair, questions)]


def _similar_names(article: Article) -> list[Suggestion]:
    """Two speakers who are one: a typo, or one name inside the other (``主持人张三`` / ``张三``)."""
    counts = article.turn_counts()
    names = [speaker.name for speaker in article.speakers]
    found = []
    merged: set[str] = set()
    for position, first in enumerate(names):
        for second in names[position + 1 :]:
            if first in merged or second in merged:
                continue
            inside = min(len(first), len(second)) >= 2 and (first in second or second in first)
            if inside or fuzz.ratio(first, second) >= _SIMILAR:
                alias, name = sorted((first, second), key=lambda n: (counts.get(n, 0), -len(n)))
                found.append(Suggestion("merge-speakers", (alias, name), counts.get(alias, 0)))
                merged.add(alias)
    return found
