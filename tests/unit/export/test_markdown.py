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


def test_tags_are_written_as_obsidian_reads_them_and_the_time_is_local_without_milliseconds() -> None:
    import re as regex

    from desktop_app.annotations.model import Anchor, Annotation
    from desktop_app.annotations.service import Annotations
    from desktop_app.annotations.store import AnnotationStore
    from desktop_app.export.markdown import local_time, render_markdown

    assert regex.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", local_time("2026-12-03T08:14:09.123Z"))
    assert local_time("not a time") == "not a time"
    store = AnnotationStore.unavailable(__import__("pathlib").Path("/nonexistent/a.sqlite3"), "test")
    placed = Annotations(store, lambda _id: None, "u").place(  # type: ignore[arg-type, return-value]
        Annotation.new("gone", Anchor("引用", "", "", 0, 2), tags=("标签", "AI"))
    )
    document = render_markdown([placed], lambda _id: None, "u", "2026-12-03T08:14:09.123Z")
    assert "标签：#标签 #AI" in document and "\\#" not in document and ".123" not in document
    html, tags = rendered(document)
    assert "#标签" in html
