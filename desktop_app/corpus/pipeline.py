"""One pipeline for every source: decode, recognise the format, clean, structure."""

from __future__ import annotations

import dataclasses

from desktop_app.corpus.cleanup import METADATA, TAIL, clean
from desktop_app.corpus.decode import decode
from desktop_app.corpus.formats import read_source
from desktop_app.corpus.implicit_turns import with_implicit_turns
from desktop_app.corpus.model import Article, RemovedBlock
from desktop_app.corpus.pipeline_version import PIPELINE_VERSION  # noqa: F401 - re-exported
from desktop_app.corpus.structure import build_article
from desktop_app.errors import ImportRejected

# Bump when cleaning changes, so that cached parses are redone.


def parse_text(article_id: str, text: str, origin: str = "bundled") -> Article:
    """Parses a decoded source into an article.

    Raises:
        ImportRejected: nothing readable is left after cleaning.
    """
    source = read_source(text)
    removed: list[RemovedBlock] = []
    blocks = clean(source.blocks, source.meta, removed)
    if not blocks:
        raise ImportRejected("no article text found in the file")
    article = with_implicit_turns(build_article(article_id, blocks, source.meta, source.format, origin))
    return dataclasses.replace(article, removed=tuple(_placed(removed, article, text)))


def _placed(removed: list[RemovedBlock], article: Article, source: str) -> list[RemovedBlock]:
    """Where each removed block stood among the article's blocks: found by where both texts
    begin in the source (each block's first characters, searched onward from the last)."""
    starts, cursor = [], 0
    for block in article.blocks:
        found = source.find(block.text[:12].strip(), cursor) if block.text.strip() else -1
        starts.append(found if found >= 0 else cursor)
        cursor = max(cursor, starts[-1])
    placed = []
    for item in removed:
        at = source.find(" ".join(item.text.split())[:24]) if item.text.strip() else -1
        if item.rule == TAIL:  # cut from the end
            after: int | None = len(starts) - 1
        elif item.rule == METADATA or at < 0:  # read from the head (or rewritten by the reader)
            after = None
        else:
            before = [number for number, start in enumerate(starts) if start < at]
            after = before[-1] if before else None
        placed.append(item._replace(after=after))
    return placed


def parse_bytes(article_id: str, data: bytes, origin: str = "bundled") -> Article:
    decoded = decode(data)
    return dataclasses.replace(parse_text(article_id, decoded.text, origin), encoding=decoded.encoding)
