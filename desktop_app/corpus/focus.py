"""Focus on one speaker: which blocks to show when a reader wants only that speaker's turns and
the questions they answer."""

from __future__ import annotations

from desktop_app.corpus.model import Article, BlockKind, Turn

QUESTION_MARKS = ("？", "?")


def _turn_blocks(article: Article, turns: tuple[Turn, ...], number: int) -> range:
    """The blocks of the number-th turn: from its first block to the next turn's (or to the
    last block that still carries its speaker, when it is the last turn)."""
    start = turns[number].block
    if number + 1 < len(turns):
        return range(start, turns[number + 1].block)
    end = start + 1
    while end < len(article.blocks) and article.blocks[end].speaker == turns[number].speaker:
        end += 1
    return range(start, end)


def _asks(article: Article, turn: Turn, blocks: range) -> bool:
    """A host's turn, or (when the source names no host) a turn that ends with a question."""
    speaker = article.speaker(turn.speaker)
    if speaker is not None and speaker.role == "host":
        return True
    if any(s.role == "host" for s in article.speakers):
        return False
    return article.blocks[blocks[-1]].text.rstrip().endswith(QUESTION_MARKS)


def speaker_focus_blocks(article: Article, speaker: str) -> set[int]:
    """The blocks of the speaker's turns, the question each answers (the last question asked
    before it, by the host or, without a host, by anybody) and the headings of their topics."""
    turns = article.turns
    shown: set[int] = set()
    question: range | None = None
    for number, turn in enumerate(turns):
        blocks = _turn_blocks(article, turns, number)
        if turn.speaker == speaker:
            shown.update(blocks)
            if question is not None:
                shown.update(question)
            if turn.topic is not None and 0 <= turn.topic < len(article.topics):
                heading = article.topics[turn.topic].block
                if 0 <= heading < len(article.blocks) and article.blocks[heading].kind == BlockKind.HEADING:
                    shown.add(heading)
        elif _asks(article, turn, blocks):
            question = blocks
    return shown
