"""The export formats (a module of its own, importing nothing: the command line's parser needs
the names at every start)."""

from __future__ import annotations

from enum import StrEnum


class ExportFormat(StrEnum):
    MARKDOWN = "markdown"  # for people (see export/markdown.py)
    JSON = "json"  # W3C Web Annotation, for other tools (see export/web_annotation.py)
