"""A query cut with the index's vocabulary, as jieba's search mode cut the blocks."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.search import segmenter
from desktop_app.search.query_words import query_words


@pytest.mark.parametrize(
    "text", ["中华人民共和国成立", "生成式人工智能", "大模型", "型的", "价值,并且打破", "aigc绘画的商业模式"]
)
def test_given_jiebas_words_it_cuts_as_jieba_does(tmp_path: Path, text: str) -> None:
    segmenter.ensure_loaded(tmp_path)
    jieba_words = segmenter.words(text)
    assert query_words(text, set(jieba_words).__contains__) == list(dict.fromkeys(jieba_words))


def test_longest_known_words_first_and_unknown_characters_skipped() -> None:
    vocabulary = {"大", "模", "型", "模型", "大模型", "的", "商业", "模式", "商业模式"}
    assert query_words("大模型的商业模式", vocabulary.__contains__) == [
        "模型",
        "大模型",
        "的",
        "商业",
        "模式",
        "商业模式",
    ]
    assert query_words("大模x型", vocabulary.__contains__) == ["大", "模", "型"]
    assert query_words("未知", vocabulary.__contains__) == []
