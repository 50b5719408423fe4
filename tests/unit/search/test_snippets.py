"""Snippets: centred on the first match, never cut before it, every match in view marked."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from desktop_app.search.snippets import BEFORE, marked, plain, window


def test_a_match_deep_in_a_long_block_is_shown_with_context_before_it() -> None:
    text = "甲" * 500 + "目标" + "乙" * 500
    snippet = marked(text, [(500, 502)])
    assert snippet.startswith("…" + "甲" * BEFORE + "【目标】") and snippet.endswith("…")
    assert plain(text, [(500, 502)]).replace("…", "") in text


def test_every_match_in_the_window_is_marked_and_a_short_block_is_whole() -> None:
    assert marked("数字人和数字人", [(0, 3), (4, 7)]) == "【数字人】和【数字人】"
    assert marked("没有匹配", []) == "没有匹配"


@given(st.text(alphabet="甲乙丙丁ab ", min_size=1, max_size=400), st.data())
def test_the_window_holds_the_first_match_and_the_marks_enclose_the_matched_text(text: str, data) -> None:  # type: ignore[no-untyped-def]
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, min(len(text), start + 20)))
    left, right = window(text, [(start, end)])
    assert left <= start and end <= right and right - left <= max(100, end - left)
    snippet = marked(text, [(start, end)], "<", ">")
    assert f"<{text[start:end]}>" in snippet
    assert snippet.startswith("…") == (left > 0) and snippet.endswith("…") == (right < len(text))
