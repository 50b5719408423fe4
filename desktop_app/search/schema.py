"""The whoosh schema: one document a block (or speaker line), holding what ranking needs.

``words`` holds jieba's search-mode words, segmented beforehand so that segmentation can run on
both cores. Ranking asks whoosh one thing only, how many blocks hold a word (its idf), so each
block gives each distinct word once, with no frequencies, positions, lengths or stored text:
those were most of the writer's time (profiled at 2,000 articles: whoosh's posting pool and
``add_postings`` took 3/4 of the build). Literal matching and the filters do not use whoosh at
all (see ``block_table``); ``article`` is there to delete an article's documents.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from whoosh import formats
from whoosh.analysis import LowercaseFilter, RegexTokenizer
from whoosh.fields import ID, FieldType, Schema

from desktop_app.search.schema_version import SCHEMA_VERSION  # noqa: F401 - re-exported


class DistinctWords(FieldType):  # type: ignore[misc]
    """Words already split by white space, each indexed once: existence only."""

    def __init__(self) -> None:
        self.format = formats.Existence()
        self.analyzer = RegexTokenizer(r"\S+") | LowercaseFilter()  # for whoosh's own query parsing, unused
        self.scorable = False
        self.stored = False
        self.unique = False
        self.vector = None

    def index(self, value: Any, **_kwargs: Any) -> Iterator[tuple[bytes, int, float, bytes]]:
        for word in set(value.split()):
            yield word.encode("utf-8"), 1, 1.0, b""


def build_schema() -> Schema:
    return Schema(article=ID, words=DistinctWords())
