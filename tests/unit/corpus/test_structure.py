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
