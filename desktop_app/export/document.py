"""An export as a whole document, as both the command line and the window write it."""

from __future__ import annotations

import json

from desktop_app.annotations.model import now_iso
from desktop_app.annotations.service import Annotations
from desktop_app.export.formats import ExportFormat
from desktop_app.export.markdown import render_markdown
from desktop_app.export.web_annotation import to_collection


def export_document(
    annotations: Annotations, format_: ExportFormat, article_id: str | None = None, language: str = "zh"
) -> tuple[str, int]:
    """(the document, how many annotations it holds): the library's, or one article's; the
    Markdown's own words in ``language``."""
    placed = annotations.list(article_id)
    exported_at = now_iso()
    if format_ is ExportFormat.JSON:
        collection = to_collection([p.annotation for p in placed], annotations.user, exported_at)
        return json.dumps(collection, ensure_ascii=False, indent=2) + "\n", len(placed)
    return render_markdown(placed, annotations.article_or_none, annotations.user, exported_at, language), len(placed)
