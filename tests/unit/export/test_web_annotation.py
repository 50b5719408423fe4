"""W3C Web Annotation: what is exported is imported back the same; hostile input is bounded."""

from __future__ import annotations

import json

import pytest

from desktop_app.annotations.model import Anchor, Annotation
from desktop_app.errors import DataError
from desktop_app.export.web_annotation import from_json_text, to_collection, to_web_annotation


def test_an_exported_annotation_imports_back_unchanged() -> None:
    annotation = Annotation.new(
        "id&with#chars", Anchor.at("前文引用后文", 2, 4), color="green", note="笔记", tags=("t",)
    )
    assert from_json_text(json.dumps(to_web_annotation(annotation, "读者"))) == [annotation]
    collection = to_collection([annotation, annotation], "读者", "2026-12-03T00:00:00.000Z")
    assert collection["type"] == "AnnotationCollection" and len(from_json_text(json.dumps(collection))) == 2


def test_negative_or_huge_offsets_are_not_taken_as_a_place_and_bad_json_is_one_error() -> None:
    exported = to_web_annotation(Annotation.new("a", Anchor.at("前文引用后文", 2, 4)), "u")
    for selector in exported["target"]["selector"]:
        if selector["type"] == "TextPositionSelector":
            selector["start"], selector["end"] = -10, 10**30
    [imported] = from_json_text(json.dumps(exported))
    assert (imported.anchor.start, imported.anchor.end) == (0, 0) and imported.anchor.quote == "引用"
    with pytest.raises(DataError):
        from_json_text("[" * 100_000)
