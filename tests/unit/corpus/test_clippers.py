"""A clipper's wrapper (its link line, its 'open in' line) becomes metadata or goes."""

from __future__ import annotations

from desktop_app.corpus.clippers import first_remote, unwrap_clipping
from desktop_app.corpus.formats import Metadata
from desktop_app.corpus.raw import RawBlock


def test_only_a_web_link_counts_as_the_source() -> None:
    assert first_remote(["#top", "/local", "javascript:alert(1)", "https://x.cn/p"]) == "https://x.cn/p"
    assert first_remote(["javascript:alert(1)"]) is None


def test_a_link_line_at_the_head_becomes_the_source_and_leaves_the_text() -> None:
    body = RawBlock.plain("正文" * 50)
    meta = Metadata()
    kept, removed = unwrap_clipping([RawBlock.plain("链接：https://www.36kr.com/p/1"), body], meta)
    assert meta.source_url == "https://www.36kr.com/p/1"
    assert kept == [body] and [block.text for block in removed] == ["链接：https://www.36kr.com/p/1"]
