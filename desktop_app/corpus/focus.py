"""Focus on one speaker: which blocks to show when a reader wants only that speaker's turns and
the questions they answer."""

from __future__ import annotations

from desktop_app.corpus.model import Article, BlockKind, Turn


def _turn_blocks(article: Article, turns: tuple[Turn, ...], number: int) -> list[int]:
    """The blocks of the number-th turn: up to the next turn, those that carry its speaker (a
    topic heading between two turns is nobody's; a talk's turn runs on past its headings)."""
    turn = turns[number]
    limit = turns[number + 1].block if number + 1 < len(turns) else len(article.blocks)
    return [block for block in range(turn.block, limit) if article.blocks[block].speaker == turn.speaker]


def _is_host(article: Article, turn: Turn) -> bool:
    speaker = article.speaker(turn.speaker)
    return speaker is not None and speaker.role == "host"


def speaker_focus_blocks(article: Article, speaker: str) -> set[int]:
    """The blocks of the speaker's turns and, before each, the question it answers: the heading
    of its topic, and the host's last turn before it in the same topic. Never another guest's
    turn: in a roundtable without a host the questions are the topic headings."""
    turns = article.turns
    shown: set[int] = set()
    question: tuple[list[int], int | None] | None = None  # the host's last turn, and its topic
    for number, turn in enumerate(turns):
        blocks = _turn_blocks(article, turns, number)
        if turn.speaker == speaker:
            shown.update(blocks)
            if question is not None and question[1] == turn.topic:
                shown.update(question[0])
            if turn.topic is not None and 0 <= turn.topic < len(article.topics):
                heading = article.topics[turn.topic].block
                if 0 <= heading < len(article.blocks) and article.blocks[heading].kind == BlockKind.HEADING:
                    shown.add(heading)
        elif _is_host(article, turn):
            question = (blocks, turn.topic)
    return shown
