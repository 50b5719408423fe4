"""The cleaning rules on articles the library has never seen: they are content rules, so new
articles of the same kinds go through them with no special case."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.corpus.pipeline import parse_bytes, parse_text
from desktop_app.errors import ImportRejected

NEW_ROUNDTABLE = """访谈：开源大模型的下一步
=====

[www.example.com](https://www.example.com/p/1)关注

本次圆桌邀请了几位从业者讨论开源模型。

**Q1. 开源模型能追上闭源吗？**

**张三** （[某某科技](https://example.com/project/1)创始人 ）：

我认为可以，比[如游](https://example.com/project/2)戏行业已经在用开源模型，成本降低\\~50%。

**李四：**

我持保留意见，数\\_据是关键。

**Q2. 创业公司的机会在哪？**

**张三：**

在应用层。

本文来自微信公众号["某某资本"（ID:xxx）](https://mp.weixin.qq.com/s/abc)，作者：X。

[跳转到 Cubox 查看](https://cubox.pro/my/card?id=1)
"""

HOSTILE_HTML = """<html><head><title>测试页面</title><script>alert(1)</script><style>p{}</style></head><body>
<p>正文第一段<script>steal()</script>继续。</p>
<iframe src="https://evil.example/"></iframe>
<form action="/x"><input name="a"><p>表单里的字</p></form>
<p><img src="file:///etc/passwd"><a href="file:///home/user/secret.txt">本地链接</a>和<a href="https://remote.example/">远程链接</a>只留文字。</p>
<p style="display:none">隐藏的字</p>
</body></html>"""


def test_a_new_roundtable_in_the_36kr_style() -> None:
    article = parse_text("new", NEW_ROUNDTABLE)
    assert article.title == "访谈：开源大模型的下一步"
    assert article.source_url == "https://www.example.com/p/1"
    assert article.publisher == "某某资本"
    assert [t.title for t in article.topics] == ["Q1. 开源模型能追上闭源吗？", "Q2. 创业公司的机会在哪？"]
    assert [(t.speaker, t.topic) for t in article.turns] == [("张三", 0), ("李四", 0), ("张三", 1)]
    assert article.speaker("张三") is not None and article.speaker("张三").affiliation == "某某科技创始人"  # type: ignore[union-attr]
    text = article.plain_text
    assert "比如游戏行业" in text and "成本降低~50%" in text and "数_据是关键" in text
    assert "Cubox" not in text and "本文来自" not in text and "example" not in text


def test_hostile_html_keeps_only_text() -> None:
    article = parse_text("hostile", HOSTILE_HTML)
    text = article.plain_text
    assert article.title == "测试页面"
    assert "正文第一段继续。" in text
    assert "本地链接和远程链接只留文字。" in text
    for dropped in ("alert", "steal", "表单里的字", "隐藏的字", "passwd", "file:", "evil", "remote.example", "p{}"):
        assert dropped not in text


def test_plain_text_without_headers_is_one_paragraph_a_line() -> None:
    article = parse_text("plain", "第一段文字。\n\n第二段文字。\n")
    assert [b.text for b in article.blocks] == ["第一段文字。", "第二段文字。"]
    assert article.title == "第一段文字"


def test_nothing_left_after_cleaning_is_rejected() -> None:
    try:
        parse_text("empty", "![](https://example.com/a.png)\n\n图片来源：网络\n")
    except ImportRejected as error:
        assert "no article text" in str(error)
    else:
        raise AssertionError("an article of only an image must be rejected")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_random_bytes_never_crash_the_pipeline(data: bytes) -> None:
    try:
        article = parse_bytes("random", data, "imported")
    except ImportRejected:
        return
    assert article.blocks and all(block.text for block in article.blocks)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.sampled_from(
            list("**[]()<>#:：Q1.\n \\-|中国大模型张三李四黄民烈。，")
            + ["<p>", "</p>", "<strong>", "</strong>", "**Q1. ", "：**\n\n", "以下是张三的发言"]
        ),
        max_size=120,
    ).map("".join)
)
def test_random_markup_never_crashes_the_pipeline(text: str) -> None:
    try:
        article = parse_text("random", text, "imported")
    except ImportRejected:
        return
    assert all(t.block < len(article.blocks) for t in article.turns + article.topics)  # type: ignore[operator]
