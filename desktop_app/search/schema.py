"""The whoosh schema: one document a block, holding what ranking and filtering need.

``words`` holds jieba's search-mode words, pre-segmented so that segmentation can run on both
cores; their statistics weigh the words of a query for BM25. Literal matching does not use
whoosh at all (see ``block_table``), so no positions and no stored text are kept here: they were
most of what made the index slow to build.
"""

from __future__ import annotations

from whoosh.analysis import LowercaseFilter, RegexTokenizer
from whoosh.fields import ID, TEXT, Schema

from desktop_app.search.schema_version import SCHEMA_VERSION  # noqa: F401 - re-exported


def build_schema() -> Schema:
    return Schema(
        key=ID(unique=True),
        article=ID,
        speaker=ID,
        topic=ID,
        words=TEXT(analyzer=RegexTokenizer(r"\S+") | LowercaseFilter(), phrase=False),
    )
