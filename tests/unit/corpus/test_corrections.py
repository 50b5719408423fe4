"""Corrections to an article's structure: applied after the pipeline, keyed to block text so
they follow their block, stale (never misapplied) when the block is gone."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.corpus.corrections import Correction, Overlay, apply, block_key
from desktop_app.corpus.model import BlockKind
from desktop_app.corpus.pipeline import parse_bytes
from desktop_app.errors import DataError

INTERVIEW = (
    "# 对话张三\n\n主持人：第一个问题是什么？\n\n张三：这是回答，很长的回答。\n\n注意：这是张三的补充。\n\n"
    "## Q2. 第二个话题？\n\n主持人：还有呢？\n\n张三：还有这些。"
)


def article(source: str = INTERVIEW):  # type: ignore[no-untyped-def]
    return parse_bytes("x", source.encode())


def on(a, text: str, op: str, *values: str) -> Correction:  # type: ignore[no-untyped-def]
    number = next(n for n, b in enumerate(a.blocks) if b.text.startswith(text))
    key, occurrence = block_key(a, number)
    return Correction(op, key, occurrence, values)


def test_renaming_and_merging_speakers_follow_through_turns_and_blocks() -> None:
    a = article()
    renamed, stale = apply(a, [Correction("rename-speaker", values=("张三", "张三丰"))])
    assert not stale and [s.name for s in renamed.speakers] == ["主持人", "张三丰"]
    assert {b.speaker for b in renamed.blocks} == {"主持人", "张三丰", None}
    merged, _ = apply(a, [Correction("merge-speakers", values=("主持人", "张三"))])
    assert [s.name for s in merged.speakers] == ["张三"] and all(t.speaker == "张三" for t in merged.turns)
    assert renamed.plain_text.replace("张三丰", "张三") == a.plain_text  # only names change
    info, _ = apply(a, [Correction("speaker-info", values=("张三", "某公司 CEO", "guest"))])
    assert info.speaker("张三").affiliation == "某公司 CEO"


def test_turns_and_topics_can_be_made_and_unmade() -> None:
    a = article()
    made, _ = apply(a, [on(a, "注意：这是张三的补充", "turn", "李四")])
    turn = next(t for t in made.turns if t.speaker == "李四")
    assert made.blocks[turn.block].text.startswith("注意：") and made.speaker("李四").role == "guest"
    unmade, _ = apply(a, [on(a, "还有这些", "not-turn")])
    assert any(b.text == "张三：还有这些。" and b.speaker == "主持人" for b in unmade.blocks)  # the label is text again
    topic, _ = apply(a, [on(a, "注意：", "topic", "补充")])
    heading = next(n for n, b in enumerate(topic.blocks) if b.text.startswith("注意："))
    assert [t.title for t in topic.topics] == ["补充", "Q2. 第二个话题？"] and topic.blocks[heading].speaker is None
    assert topic.blocks[heading].kind == BlockKind.HEADING and topic.blocks[heading + 1].topic == 1
    _, refused = apply(a, [on(a, "第一个问题是什么", "topic", "开场")])
    assert refused == [0]  # a turn's first paragraph stays the turn's: the heading goes before it
    no_topic, _ = apply(a, [on(a, "Q2.", "not-topic")])
    assert no_topic.topics == () and all(b.topic is None for b in no_topic.blocks)
    renamed, _ = apply(a, [on(a, "Q2.", "rename-topic", "第二部分")])
    assert renamed.topics[0].title == "第二部分" and renamed.plain_text == a.plain_text


def test_removing_a_block_renumbers_turns_and_topics() -> None:
    a = article()
    removed, _ = apply(a, [on(a, "这是回答", "remove")])
    assert "这是回答" not in removed.plain_text and len(removed.blocks) == len(a.blocks) - 1
    assert all(removed.blocks[t.block].speaker == t.speaker for t in removed.turns)
    assert removed.blocks[removed.topics[0].block].kind == BlockKind.HEADING


def test_a_correction_follows_its_block_when_blocks_are_inserted_before_it_and_is_stale_when_gone() -> None:
    a = article()
    correction = on(a, "还有这些", "not-turn")
    edited = article(INTERVIEW.replace("# 对话张三\n\n", "# 对话张三\n\n新加的导语一段。\n\n新加的导语二段。\n\n"))
    corrected, stale = apply(edited, [correction])
    assert not stale and any(b.text == "张三：还有这些。" for b in corrected.blocks)
    gone = article(INTERVIEW.replace("张三：还有这些。", "张三：完全改写了。"))
    unchanged, stale = apply(gone, [correction])
    assert stale == [0] and unchanged == gone  # listed as stale, applied nowhere


def test_the_overlay_is_written_atomically_and_a_damaged_one_is_set_aside(tmp_path: Path) -> None:
    overlay = Overlay(tmp_path, "x")
    assert overlay.read() == []
    first = Correction("rename-speaker", values=("张三", "张三丰"))
    overlay.add(first)
    assert Overlay(tmp_path, "x").read() == [first]
    assert overlay.remove(0) == first and overlay.read() == []
    overlay.path.write_text("[{]", encoding="utf-8")
    with pytest.raises(DataError, match="kept aside"):
        overlay.read()
    assert overlay.read() == [] and list(tmp_path.glob("x.damaged-*.json"))


def test_the_local_speaker_update_equals_the_whole_recomputation(library) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.corpus.corrections import _respeak, _with_turns

    for a in library.articles():
        starts = {t.block: t.speaker for t in a.turns}
        for block in list(starts)[:12]:
            without = {b: s for b, s in starts.items() if b != block}
            assert _respeak(a, without, block) == _with_turns(a, without), (a.id, block)
            moved = {**without, block: "新来的人"}
            assert _respeak(a, moved, block).blocks == _with_turns(a, moved).blocks, (a.id, block)


def test_one_correction_makes_every_paragraph_with_a_label_a_turn_of_it() -> None:
    from desktop_app.corpus.corrections import label_of

    # A label the pipeline took for a word (注意): the user says it is a voice of the text.
    parts = [f"注意：第{n}条注意事项。\n\n正文第{n}段继续讲述，没有标签。" for n in range(6)]
    a = article("\n\n".join(["# 一篇文章", "这是正文的第一段，写得很长很长，介绍了背景。", *parts]))
    assert a.turns == () and label_of("注意：第1条") == "注意" and label_of("没有标签的段落。") is None
    corrected, stale = apply(a, [Correction("turns-by-label", values=("注意",))])
    turns = [t for t in corrected.turns if t.speaker == "注意"]
    assert not stale and len(turns) == 6 and corrected.speaker("注意") is not None
    assert all(not corrected.blocks[t.block].text.startswith("注意") for t in turns)  # the label left the text
    _, nothing = apply(a, [Correction("turns-by-label", values=("无人",))])
    assert nothing == [0]
