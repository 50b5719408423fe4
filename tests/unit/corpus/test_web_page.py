"""Saved web pages: a whole page (head, chrome) is told from an HTML fragment."""

from __future__ import annotations

from desktop_app.corpus.web_page import is_whole_page, read_html_head


def test_a_whole_page_is_told_from_a_fragment() -> None:
    assert is_whole_page("<html><head><title>t</title></head><body><nav>菜单</nav><p>正文</p></body></html>")
    assert not is_whole_page("<p>一个片段</p>")


def test_the_head_gives_the_title_and_the_canonical_address() -> None:
    head = read_html_head(
        "<html><head><title>标题 | 站</title><meta property='og:url' content='https://a.cn/x'></head>"
    )
    assert head == {"title": "标题 | 站", "og:url": "https://a.cn/x"}
