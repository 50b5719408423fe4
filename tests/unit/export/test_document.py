"""One export entry point for the window and the CLI: Markdown or Web Annotation JSON."""

from __future__ import annotations

import json

from desktop_app.export.document import export_document
from desktop_app.export.formats import ExportFormat
from desktop_app.session import Session

A000 = "000_5b4e62939488a476"


def test_both_formats_hold_the_same_annotations_and_say_how_many(session: Session) -> None:
    session.annotations.add_quote(A000, "生产力", note="第一条")
    markdown, count = export_document(session.annotations, ExportFormat.MARKDOWN)
    document, same = export_document(session.annotations, ExportFormat.JSON, A000)
    assert count == same == 1 and "第一条" in markdown
    assert json.loads(document)["first"]["items"][0]["body"][0]["value"] == "第一条"
    assert export_document(session.annotations, ExportFormat.JSON, "no-such-article")[1] == 0
