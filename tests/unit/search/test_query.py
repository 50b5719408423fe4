"""The query language, including every malformed form: it never raises."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.search.query import parse_query


def test_terms_phrases_exclusions_and_filters() -> None:
    parsed = parse_query('大模型 "AI 绘画" -游戏 speaker:黄民烈 article:000_x topic:3')
    assert parsed.terms == ["大模型", "ai绘画"]
    assert parsed.excluded == ["游戏"]
    assert (parsed.speaker, parsed.article, parsed.topic) == ("黄民烈", "000_x", 3)


def test_folding_of_case_width_and_space() -> None:
    assert parse_query("ＣｈａｔＧＰＴ").terms == ["chatgpt"]
    assert parse_query('"Chat GPT"').terms == ["chatgpt"]
    assert parse_query('-"大 模型"').excluded == ["大模型"]


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ('"未闭合的引号', ["未闭合的引号"]),
        ("speaker:", ["speaker:"]),
        ("topic:abc", ["topic:abc"]),
        ("-", ["-"]),
        ("unknown:filter", ["unknown:filter"]),
        ('""', []),
    ],
)
def test_bad_forms_fall_back_to_literals(text: str, terms: list[str]) -> None:
    assert parse_query(text).terms == terms


@given(st.text(max_size=60))
def test_any_text_parses(text: str) -> None:
    parse_query(text)
