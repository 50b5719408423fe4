"""YAML front matter: read when it is there and sound, ignored (never an error) when it is not."""

from __future__ import annotations

from desktop_app.corpus.front_matter import first_text, split_front_matter


def test_front_matter_is_split_from_the_body() -> None:
    values, body = split_front_matter("---\ntitle: 标题\ntags: [访谈, AI]\n---\n正文第一段")
    assert values == {"title": "标题", "tags": ["访谈", "AI"]} and body == "正文第一段"
    assert first_text(values, "headline", "title") == "标题"


def test_a_text_without_front_matter_or_with_broken_yaml_keeps_its_body() -> None:
    assert split_front_matter("没有前言的正文") == (None, "没有前言的正文")
    values, body = split_front_matter("---\n: : [unclosed\n---\n正文")
    assert body == "正文" and not values
