"""The whoosh schema: one document a block, with two indexed forms of its text.

``words`` holds jieba's search-mode words (pre-segmented, so segmentation can run on both
cores) for BM25 ranking; ``grams`` holds the character bigram at every position, so that any
literal text is a phrase of grams and is found even across jieba's word boundaries.
"""

from __future__ import annotations

from collections.abc import Iterator

from whoosh.analysis import LowercaseFilter, RegexTokenizer, Token, Tokenizer
from whoosh.fields import ID, NUMERIC, STORED, TEXT, Schema

from desktop_app.search.normalize import grams

SCHEMA_VERSION = 1


class GramTokenizer(Tokenizer):  # type: ignore[misc]
    """Emits ``normalize.grams`` of already folded text, one position each."""

    def __call__(self, value: str, positions: bool = False, chars: bool = False, keeporiginal: bool = False,
                 removestops: bool = True, start_pos: int = 0, start_char: int = 0, tokenize: bool = True,
                 mode: str = "", **kwargs: object) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for position, gram in enumerate(grams(value)):
            token.text = gram
            token.boost = 1.0
            token.stopped = False
            if positions:
                token.pos = start_pos + position
            if chars:
                token.startchar = start_char + position
                token.endchar = token.startchar + len(gram)
            yield token


def build_schema() -> Schema:
    return Schema(
        key=ID(unique=True, stored=True),
        article=ID(stored=True),
        block=NUMERIC(stored=True),
        speaker=ID(stored=True),
        topic=ID(stored=True),
        words=TEXT(analyzer=RegexTokenizer(r"\S+") | LowercaseFilter(), phrase=False),
        grams=TEXT(analyzer=GramTokenizer(), phrase=True),
        text=STORED(),
    )
