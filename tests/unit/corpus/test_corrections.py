"""Corrections to an article's structure: applied after the pipeline, keyed to block text so
they follow their block, stale (never misapplied) when the block is gone."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.corpus.cleanup import TAIL
from desktop_app.corpus.corrections import Correction, Overlay, apply, block_key, restore_key
from desktop_app.corpus.model import BlockKind, RemovedBlock
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


QUESTION_HEADINGS = (
    "# 一篇问答\n\n今天我们聊聊开源。\n\n## 当时怎么想到做这个项目？\n\n因为好玩。\n\n"
    "## 接下来做什么？\n\n继续写代码。\n\n## 结语\n\n谢谢大家。"
)


def test_a_question_heading_can_start_a_hosts_turn_and_keeps_its_topic() -> None:
    a = article(QUESTION_HEADINGS)
    heading = next(n for n, b in enumerate(a.blocks) if b.text.startswith("当时怎么"))
    assert a.blocks[heading].kind == BlockKind.HEADING
    corrected, stale = apply(a, [on(a, "当时怎么", "turn", "采访者")])
    assert not stale
    assert corrected.blocks[heading].kind == BlockKind.PARAGRAPH
    assert corrected.blocks[heading].speaker == "采访者"
    assert any(t.block == heading and t.speaker == "采访者" for t in corrected.turns)
    assert [t.block for t in corrected.topics] == [t.block for t in a.topics]
    assert "采访者：\n\n当时怎么想到做这个项目？" in corrected.plain_text


def test_questions_by_host_makes_question_headings_the_hosts_turns_and_answers_the_guests() -> None:
    a = article(QUESTION_HEADINGS)
    corrected, stale = apply(a, [Correction("questions-by-host", values=("采访者", "李四"))])
    assert not stale
    assert [(t.speaker, corrected.blocks[t.block].text) for t in corrected.turns] == [
        ("采访者", "当时怎么想到做这个项目？"),
        ("李四", "因为好玩。"),
        ("采访者", "接下来做什么？"),
        ("李四", "继续写代码。"),
    ]
    assert {s.name: s.role for s in corrected.speakers} == {"采访者": "host", "李四": "guest"}
    closing = next(b for b in corrected.blocks if b.text == "谢谢大家。")
    assert closing.speaker is None  # a section heading that is no question ends the answer


def test_the_title_can_be_corrected_and_an_empty_or_unchanged_title_is_refused() -> None:
    a = article()
    renamed, stale = apply(a, [Correction("title", values=("  新的 标题 ",))])
    assert not stale and renamed.title == "新的 标题"
    _, refused = apply(a, [Correction("title", values=("   ",)), Correction("title", values=(a.title,))])
    assert refused == [0, 1]


def test_a_block_cut_from_the_end_comes_back_at_the_end_even_after_its_neighbour_was_removed() -> None:
    source = "# 标题\n\n第一段正文，足够长的一句话。\n\n第二段正文，也是一句话。\n\n最后一段正文。"
    a = article(source)
    a = a.__class__(**{**a.__dict__, "removed": (RemovedBlock("点击关注我们", TAIL, len(a.blocks) - 1),)})
    last = len(a.blocks) - 1
    without_last, _ = apply(a, [on(a, "最后一段", "remove")])
    assert without_last.removed[0].after == last - 1  # it follows what is now the last block
    restore = restore_key(without_last, 0)
    restored, stale = apply(without_last, [restore])
    assert not stale and restored.blocks[-1].text == "点击关注我们"


def test_turns_by_label_takes_a_name_alone_on_its_line_as_the_next_paragraphs_speaker() -> None:
    source = "# 访谈\n\n引言一段。\n\n小王\n\n你好，我想问一个问题。\n\n老李\n\n请问吧。\n\n小王\n\n谢谢。"
    a = article(source)
    corrected, _ = apply(
        a, [Correction("turns-by-label", values=("小王",)), Correction("turns-by-label", values=("老李",))]
    )
    assert [t.speaker for t in corrected.turns] == ["小王", "老李", "小王"]
    assert all(b.text not in ("小王", "老李") for b in corrected.blocks)  # the name lines went, like labels


def test_not_dialogue_gives_every_label_back_to_the_text() -> None:
    a = article()
    corrected, stale = apply(a, [Correction("not-dialogue")])
    assert not stale and not corrected.turns and not corrected.speakers
    assert "主持人：第一个问题是什么？" in corrected.plain_text
