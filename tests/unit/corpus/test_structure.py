"""Structure: turns by speaker, topics from question headings, roles from who asks."""

from __future__ import annotations

from desktop_app.corpus.model import BlockKind
from desktop_app.corpus.pipeline import parse_bytes

INTERVIEW = (
    "# 对话张三\n\n主持人：第一个问题是什么？\n\n张三：这是回答，很长的回答。\n\n"
    "## Q2. 第二个话题？\n\n主持人：还有呢？\n\n张三：还有这些。"
)


def test_turns_topics_and_roles_come_out_of_a_small_interview() -> None:
    article = parse_bytes("x", INTERVIEW.encode())
    assert [(s.name, s.role) for s in article.speakers] == [("主持人", "host"), ("张三", "guest")]
    assert [topic.title for topic in article.topics] == ["Q2. 第二个话题？"]
    assert [(b.kind, b.speaker, b.topic) for b in article.blocks] == [
        (BlockKind.PARAGRAPH, "主持人", None),
        (BlockKind.PARAGRAPH, "张三", None),
        (BlockKind.HEADING, None, 0),
        (BlockKind.PARAGRAPH, "主持人", 0),
        (BlockKind.PARAGRAPH, "张三", 0),
    ]
    assert article.turn_counts() == {"主持人": 2, "张三": 2}


def test_a_span_across_two_turns_keeps_only_the_turn_it_began_in() -> None:
    article = parse_bytes("x", INTERVIEW.encode())
    text = article.plain_text
    start = text.index("这是回答")
    end = text.index("还有呢")  # dragged over '## Q2…' and '主持人：' into the next turn
    clipped = article.within_one_turn(start, end)
    assert text[slice(*clipped)] == "这是回答，很长的回答。"  # not the heading, not the next name
    label = text.index("张三：")
    assert text[slice(*article.within_one_turn(label, label + 12))].startswith("这是回答")  # began on the name
    assert all(text[a:b].endswith("：") for a, b in article.label_spans())
