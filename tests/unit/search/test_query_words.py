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


def test_latin_runs_stay_whole_as_jieba_keeps_them() -> None:
    # The index knows the short pieces from text where they stood alone ("AI绘画", "A轮", "10")
    vocabulary = {"ai", "gc", "aigc", "a", "c", "g", "10", "1000", "gpt", "chatgpt", "tob", "绘画", "的", "c#"}
    assert query_words("aigc", vocabulary.__contains__) == ["aigc"]
    assert query_words("chatgpt的", vocabulary.__contains__) == ["chatgpt", "的"]
    assert query_words("超过1000", vocabulary.__contains__) == ["1000"]
    assert query_words("chatgp", vocabulary.__contains__) == []  # a piece of a run, as jieba leaves it
    # A short run standing alone is a word, next to Chinese or punctuation
    assert query_words("ai绘画", vocabulary.__contains__) == ["ai", "绘画"]
    assert query_words("tob", vocabulary.__contains__) == ["tob"]
    assert query_words("c#", vocabulary.__contains__) == ["c#"]


@pytest.mark.parametrize("text", ["aigc绘画", "用chatgpt写代码", "超过1000亿", "openai的gpt", "tob问题", "ai绘画"])
def test_given_a_corpus_vocabulary_latin_text_cuts_as_jieba_does(tmp_path: Path, text: str) -> None:
    segmenter.ensure_loaded(tmp_path)
    corpus = ["ai绘画和aigc", "a轮融资", "chatgpt和gpt", "10个人", "超过1000亿", "openai的gpt", "tob问题", "用代码写"]
    vocabulary = {word for line in corpus for word in segmenter.words(line)}
    expected = [word for word in segmenter.words(text) if word in vocabulary]
    assert query_words(text, vocabulary.__contains__) == list(dict.fromkeys(expected))
