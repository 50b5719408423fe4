"""Cleaning: the promotion tail goes, each removal recorded with its rule; the text stays."""

from __future__ import annotations

from desktop_app.corpus.cleanup import trim_tail
from desktop_app.corpus.model import RemovedBlock
from desktop_app.corpus.raw import RawBlock


def test_the_promotion_tail_is_trimmed_and_recorded() -> None:
    body = RawBlock.plain("正文第一段，足够长的句子。" * 3)
    removed: list[RemovedBlock] = []
    kept = trim_tail([body, RawBlock.plain("点击阅读原文"), RawBlock.plain("责任编辑：王五")], removed)
    assert kept == [body]
    assert {(r.text, r.rule) for r in removed} == {
        ("点击阅读原文", "promotion tail"),
        ("责任编辑：王五", "promotion tail"),
    }


def test_a_text_without_a_tail_is_untouched() -> None:
    blocks = [RawBlock.plain("第一段。"), RawBlock.plain("第二段，讲完了。")]
    assert trim_tail(list(blocks), []) == blocks
