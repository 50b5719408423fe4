"""One pipeline for every source: decode, recognise the format, clean, structure."""

from __future__ import annotations

import dataclasses

from desktop_app.corpus.cleanup import clean
from desktop_app.corpus.decode import decode
from desktop_app.corpus.formats import read_source
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
    article = build_article(article_id, blocks, source.meta, source.format, origin)
    return dataclasses.replace(article, removed=tuple(removed))


def parse_bytes(article_id: str, data: bytes, origin: str = "bundled") -> Article:
    decoded = decode(data)
    return dataclasses.replace(parse_text(article_id, decoded.text, origin), encoding=decoded.encoding)
