"""Re-anchoring after the text changes: every annotation lands on its passage or becomes an
orphan, never on other text."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.annotations.anchoring import locate
from desktop_app.annotations.model import ANCHORED, MOVED, ORPHANED, Anchor
from desktop_app.corpus.model import Article

A001 = "001_dc22e9bd72705afd"


@pytest.fixture(scope="module")
def text(corpus: dict[str, Article]) -> str:
    return corpus[A001].plain_text


def anchor_of(text: str, quote: str, occurrence: int = 0) -> Anchor:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(quote, start + 1)
    return Anchor.at(text, start, start + len(quote))


def quote_in(text: str) -> str:
    """A 20-odd character passage from the middle of the article, found in the real text."""
    middle = len(text) // 2
    start = text.index("。", middle) + 1
    return text[start : start + 24]


def test_unchanged_text_anchors_in_place(text: str) -> None:
    quote = quote_in(text)
    anchor = anchor_of(text, quote)
    assert locate(anchor, text) == locate(anchor, text)
    location = locate(anchor, text)
    assert location.status == ANCHORED and text[location.start : location.end] == quote


@pytest.mark.parametrize("where", ["start", "just before", "just after", "end"])
def test_insertions_elsewhere_move_the_anchor_exactly(text: str, where: str) -> None:
    quote = quote_in(text)
    anchor = anchor_of(text, quote)
    inserted = "新插入的一段文字，用来改变偏移。" * 3
    position = {"start": 0, "just before": anchor.start, "just after": anchor.end, "end": len(text)}[where]
    changed = text[:position] + inserted + text[position:]
    location = locate(anchor, changed)
    assert changed[location.start : location.end] == quote
    expected_status = ANCHORED if where in {"just after", "end"} else MOVED
    assert location.status == expected_status


def test_an_edit_inside_the_quote_is_found_fuzzily(text: str) -> None:
    quote = quote_in(text)
    anchor = anchor_of(text, quote)
    edited_quote = quote[:8] + "（注）" + quote[9:]
    changed = text[: anchor.start] + edited_quote + text[anchor.end :]
    changed = "前言。" + changed  # and moved, so the hint is off
    location = locate(anchor, changed)
    assert location.status == MOVED
    assert changed[location.start : location.end] == edited_quote


def test_an_edit_near_the_quote_keeps_it_exact(text: str) -> None:
    quote = quote_in(text)
    anchor = anchor_of(text, quote)
    changed = text[: anchor.start - 5] + "改了五个字" + text[anchor.start :]
    location = locate(anchor, changed)
    assert changed[location.start : location.end] == quote


def test_a_duplicated_passage_keeps_the_one_whose_context_fits() -> None:
    paragraph = "大模型的能力来自数据和算力的规模。"
    text = "甲说：" + paragraph + "这是第一处的上下文，讲技术。" + "乙说：" + paragraph + "这是第二处的上下文，讲商业。"
    second = text.index(paragraph, text.index(paragraph) + 1)
    anchor = Anchor.at(text, second, second + len(paragraph))
    # The text in front grows, so the hint is stale: context must choose the second copy.
    changed = "开头加了很多字。" * 10 + text
    location = locate(anchor, changed)
    assert location.status == MOVED
    assert changed[location.end : location.end + 6] == "这是第二处的"


@pytest.mark.parametrize("quote_length", [6, 12, 40])
def test_a_deleted_passage_becomes_an_orphan(text: str, quote_length: int) -> None:
    quote = quote_in(text)[:quote_length] if quote_length <= 24 else text[text.index("。", 2000) + 1 :][:quote_length]
    anchor = anchor_of(text, quote)
    changed = text[: anchor.start] + text[anchor.end :]
    assert locate(anchor, changed).status == ORPHANED


def test_a_deleted_paragraph_never_lands_on_a_similar_one() -> None:
    kept = "我们认为，中国的AIGC创业公司在应用层有很多机会。"
    deleted = "我们认为，美国的AIGC创业公司在模型层有很多机会。"
    text = kept + "\n\n" + deleted + "\n\n结尾。"
    anchor = Anchor.at(text, text.index(deleted), text.index(deleted) + len(deleted))
    changed = kept + "\n\n结尾。"
    assert locate(anchor, changed).status == ORPHANED


def test_short_quotes_are_never_matched_fuzzily() -> None:
    text = "这是一段包含大模型的文字。"
    anchor = Anchor.at(text, text.index("大模型"), text.index("大模型") + 3)
    changed = text.replace("大模型", "大魔型")
    assert locate(anchor, changed).status == ORPHANED


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 10**6), inserted=st.text(alphabet="，。的是新字ABC ", min_size=1, max_size=40))
def test_random_quotes_survive_insertions_outside_them(text: str, seed: int, inserted: str) -> None:
    generator = random.Random(seed)
    start = generator.randrange(0, len(text) - 40)
    end = start + generator.randrange(6, 40)
    anchor = Anchor.at(text, start, end)
    position = generator.choice([generator.randrange(0, start + 1), generator.randrange(end, len(text) + 1)])
    changed = text[:position] + inserted + text[position:]
    location = locate(anchor, changed)
    assert location.status != ORPHANED
    assert changed[location.start : location.end] == anchor.quote
