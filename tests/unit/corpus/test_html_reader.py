"""HTML read into blocks: kinds, heading levels, links; scripts never become text."""

from __future__ import annotations

from desktop_app.corpus.html_reader import read_html
from desktop_app.corpus.model import BlockKind


def test_blocks_keep_their_kind_level_and_links() -> None:
    document = read_html(
        "<h2>标题</h2><p><b>张三：</b>你好<a href='https://x.cn/a'>链接</a></p>"
        "<ul><li>一</li></ul><blockquote>引</blockquote><script>alert('x')</script>"
    )
    assert [(b.kind, b.level, b.text) for b in document.blocks] == [
        (BlockKind.HEADING, 2, "标题"),
        (BlockKind.PARAGRAPH, 0, "张三：你好链接"),
        (BlockKind.LIST_ITEM, 0, "一"),
        (BlockKind.QUOTE, 0, "引"),
    ]
    assert document.blocks[1].hrefs == ["https://x.cn/a"] and document.blocks[1].leading_bold == "张三："
