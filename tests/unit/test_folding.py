"""Folding for literal matching: case, width and white space ignored, offsets mapped back."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from desktop_app.folding import fold, fold_text, literal_spans


def test_case_width_and_spaces_fold_away() -> None:
    assert fold_text("ＡＩ 绘画 ChatGPT") == "ai绘画chatgpt"
    assert literal_spans("AI 绘画与ai绘画", ["ai绘画"]) == [(0, 5), (6, 10)]


@given(st.text(alphabet="Aa Ｂb中文　\t", max_size=40))
def test_every_folded_character_maps_back_into_the_original(text: str) -> None:
    folded = fold(text)
    assert len(folded.origins) == len(folded.text)
    for start in range(len(folded.text)):
        begin, end = folded.original_span(start, start + 1, len(text))
        assert 0 <= begin < end <= len(text) and fold_text(text[begin:end]) == folded.text[start]


@given(st.text(alphabet="Aa Ｂb中文數據　\t\n㎏ßﬁ①😀", max_size=60), st.booleans())
def test_offsets_are_those_of_folding_each_character_alone(text: str, scripts: bool) -> None:
    # fold() finds only the characters that do not fold to one; walking every character is the
    # plain definition it must agree with.
    origins = [index for index, char in enumerate(text) for _ in fold_text(char, scripts)]
    folded = fold(text, scripts)
    assert (folded.text, list(folded.origins)) == ("".join(fold_text(c, scripts) for c in text), origins)
