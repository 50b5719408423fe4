"""A page's title without the site's name after it or a counter before it."""

from __future__ import annotations

from desktop_app.corpus.page_title import han_count, page_title, strip_site_suffix


def test_site_and_channel_names_are_stripped_but_a_short_title_is_kept_whole() -> None:
    assert strip_site_suffix("对话张三：AI的未来 | 36氪") == "对话张三：AI的未来"
    assert strip_site_suffix("对话张三 - 网易科技") == "对话张三"
    assert strip_site_suffix("AI | 36氪") == "AI | 36氪"  # nothing worth keeping before the bar


def test_a_heading_the_declared_title_starts_with_is_the_title_as_written() -> None:
    assert page_title("对话张三：AI的未来_网易科技", ["对话张三：AI的未来"]) == "对话张三：AI的未来"
    assert page_title(None, ["标题"]) is None
    assert han_count("AI中文abc") == 2
