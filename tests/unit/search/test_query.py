"""The query language, including every malformed form: it never raises."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.search.query import parse_query


def test_terms_phrases_exclusions_and_filters() -> None:
    parsed = parse_query('大模型 "AI 绘画" -游戏 speaker:黄民烈 article:000_x topic:3')
    assert [t.key for t in parsed.terms] == ["大模型", "ai绘画"]
    assert [t.key for t in parsed.excluded] == ["游戏"]
    assert (parsed.speaker, parsed.article, parsed.topic) == ("黄民烈", "000_x", 3)


def test_folding_of_case_width_and_space() -> None:
    assert [t.key for t in parse_query("ＣｈａｔＧＰＴ").terms] == ["chatgpt"]
    assert [t.key for t in parse_query('"Chat GPT"').terms] == ["chatgpt"]
    assert [t.key for t in parse_query('-"大 模型"').excluded] == ["大模型"]


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
    assert [t.key for t in parse_query(text).terms] == terms


@given(st.text(max_size=60))
def test_any_text_parses(text: str) -> None:
    parse_query(text)


def test_terms_match_either_script_each_vocabulary_in_its_own_script() -> None:
    video = parse_query("视频").terms[0]
    assert video.key == "视频" and "影片" in video.traditional and "影片" not in video.simplified
    software = parse_query("軟體").terms[0]
    assert software.key == "软体" and "软件" in software.simplified
    assert parse_query("數字人").terms[0].key == "数字人"
    exact = parse_query("數字人", across_scripts=False).terms[0]
    assert (exact.key, exact.exact, exact.simplified, exact.traditional) == ("数字人", "數字人", (), ())
