"""User text in the Markdown export renders as itself: never as markup, never broken."""

from __future__ import annotations

import re
import unicodedata
from html.parser import HTMLParser

import markdown
from hypothesis import example, given, settings
from hypothesis import strategies as st

from desktop_app.export.markdown import escape_heading, escape_lines


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def rendered(source: str) -> tuple[str, list[str]]:
    parser = _Text()
    parser.feed(markdown.markdown(source))
    parser.close()
    return "".join(parser.parts), parser.tags


def visible(text: str) -> str:
    """What a reader sees: HTML folds white space runs into one space; control characters
    are invisible (and dropped by the export)."""
    text = "".join(c for c in text if c.isspace() or unicodedata.category(c) != "Cc")
    return re.sub(r"\s+", " ", text).strip()


MARKUP = st.sampled_from(
    list("*_#>-+=`[]()!<>&|\\.:~{}")
    + ["1.", "2)", "---", "***", "```", "<script>", "&amp;", "    ", "\t", "\n", "\n\n", "http://x.cn", "中文", "ＡＩ"]
)
USER_TEXT = st.lists(st.one_of(MARKUP, st.text(max_size=5)), max_size=12).map("".join)


@settings(max_examples=400, deadline=None)
@given(USER_TEXT)
@example("# 标题\n> 引用\n- 列表\n1. 编号\n***\n<script>alert(1)</script>\n`代码`\n[链接](http://x)")
@example("第一行\n===")
@example("    四个空格开头")
@example("a_b_c *强调* __粗__ ~~删~~ &amp; &lt;")
def test_any_text_renders_verbatim_and_as_plain_paragraphs(text: str) -> None:
    shown, tags = rendered("\n".join(escape_lines(text)))
    assert visible(shown) == visible(text)
    assert set(tags) <= {"p", "br"}, tags


@settings(max_examples=200, deadline=None)
@given(USER_TEXT)
def test_headings_keep_their_text(text: str) -> None:
    shown, tags = rendered("## " + escape_heading(text))
    if visible(text):
        assert visible(shown) == visible(text)
        assert tags == ["h2"]
