"""Annotations as values: an anchor cut from the text, tags normalised, times in UTC."""

from __future__ import annotations

import re

from desktop_app.annotations.model import ANCHORED, Anchor, AnchorStatus, Annotation, normalize_tags, now_iso


def test_an_anchor_keeps_the_quote_its_context_and_its_offsets() -> None:
    anchor = Anchor.at("前文引用后文", 2, 4)
    assert anchor == Anchor("引用", "前文", "后文", 2, 4)


def test_tags_lose_their_hash_spaces_and_repeats_keeping_their_order() -> None:
    assert normalize_tags(["#a", "a", " b ", "", "c d"]) == ("a", "b", "cd")


def test_a_new_annotation_has_a_fresh_id_and_utc_times_and_an_edit_moves_updated_only() -> None:
    first, second = (Annotation.new("x", Anchor.at("一二三", 0, 1)) for _ in range(2))
    assert first.id != second.id and re.fullmatch(r"[0-9a-f]{32}", first.id)
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", now_iso()) and first.created == first.updated
    edited = first.edited(note="新")
    assert edited.note == "新" and edited.id == first.id and edited.created == first.created
    assert ANCHORED is AnchorStatus.ANCHORED and AnchorStatus("orphaned") is AnchorStatus.ORPHANED
