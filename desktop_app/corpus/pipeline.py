"""One pipeline for every source: decode, recognise the format, clean, structure."""

from __future__ import annotations

import dataclasses
import re

from desktop_app.corpus.cleanup import clean
from desktop_app.corpus.decode import decode
from desktop_app.corpus.formats import read_source
from desktop_app.corpus.implicit_turns import with_implicit_turns
from desktop_app.corpus.model import METADATA, TAIL, Article, RemovedBlock
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
    article = _without_stray_spaces(article)
    return dataclasses.replace(article, removed=tuple(_placed(removed, article, text)))


# A space between two Chinese characters, or between one and Chinese punctuation, is a page's
# layout artefact ('而是 App 本身 。', '把 任务交给'): Chinese sets no spaces between words.
_CJK = "\u3400-\u4dbf\u4e00-\u9fff"
_CJK_PUNCTUATION = "，。！？、；：“”‘’「」『』（）《》【】…—"
_STRAY_SPACE = re.compile(
    f"(?<=[{_CJK}])[ \u3000\u00a0]+(?=[{_CJK}{_CJK_PUNCTUATION}])|(?<=[{_CJK_PUNCTUATION}])[ \u3000\u00a0]+(?=[{_CJK}])"
)


def close_stray_spaces(text: str) -> str:
    return _STRAY_SPACE.sub("", text)


def _without_stray_spaces(article: Article) -> Article:
    blocks = tuple(
        block._replace(text=closed) if (closed := close_stray_spaces(block.text)) != block.text else block
        for block in article.blocks
    )
    topics = tuple(topic._replace(title=close_stray_spaces(topic.title)) for topic in article.topics)
    return dataclasses.replace(article, blocks=blocks, topics=topics, title=close_stray_spaces(article.title))


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
