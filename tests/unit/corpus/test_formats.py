"""What users actually save: Markdown clips with inline HTML and clipper wrappers, YAML front
matter, whole web pages with their chrome. Each test is a shape, not a file."""

from __future__ import annotations

from desktop_app.corpus.pipeline import parse_text

LONG = "这一段是正文里相当长的一段文字，讲述了事情的来龙去脉，也给出了不少细节和数字，读者需要完整地读到它。" * 2


def test_a_stray_br_keeps_a_markdown_clip_markdown() -> None:
    clip = (
        "# 圆桌：互联网与城市\n\n"
        + "\n\n".join(f"第{n}段：{LONG}" for n in range(6))
        + "\n\n见 https://example.com/p/1 <br />\n\n最后一段也要留下，它讲的是结论。"
    )
    article = parse_text("clip", clip, "imported")
    assert len([b for b in article.blocks if b.text.startswith("第")]) == 6
    assert "最后一段也要留下" in article.plain_text and "<br" not in article.plain_text


def test_yaml_block_scalars_and_omnivore_wrappers_become_metadata() -> None:
    clip = (
        "---\nid: 1\ntitle: |\n  把清单变简单 - 少数派\nauthor: |\n  Ivan\ndate_saved: 2023-07-04 12:27:51\n---\n\n"
        "# 把清单变简单 - 少数派\n#Omnivore\n\n[Read on Omnivore](https://omnivore.app/me/x)\n\n"
        "[Read Original](https://sspai.com/post/73323)\n\ndate_saved: 2023-07-04 12:27:51\n\n---\n\n"
        f"# Full Content:\n\n## 清单的本质是提醒\n\n{LONG}\n"
    )
    article = parse_text("omnivore", clip, "imported")
    assert article.title == "把清单变简单 - 少数派"
    assert article.publisher == "Ivan" and article.date == "2023-07-04"
    assert article.source_url == "https://sspai.com/post/73323" and "Omnivore" in article.tags
    for wrapper in ("Read on Omnivore", "Read Original", "date_saved", "Full Content", "|"):
        assert wrapper not in article.plain_text
    assert {r.rule for r in article.removed} >= {"clipper wrapper"}


def test_simpread_and_mirror_wrappers_become_metadata() -> None:
    clip = (
        "> 本文由 [简悦 SimpRead](http://ksria.com/simpread/) 转码， 原文地址 [mp.weixin.qq.com](https://mp.weixin.qq.com/s/abc)\n\n"
        "[**返回列表页**](/gzh/list)\n\n小懒自动备份，仅供查阅学习\n\n" + LONG + "\n"
    )
    article = parse_text("simpread", clip, "imported")
    assert article.source_url == "https://mp.weixin.qq.com/s/abc"
    assert article.plain_text.strip() == LONG


def test_a_junk_first_heading_loses_to_the_front_matter_title() -> None:
    article = parse_text(
        "t", f"---\ntitle: 价投大佬格兰瑟姆：辛勤的工作反而会阻碍思考\n---\n\n# Ai40\n\n{LONG}\n", "imported"
    )
    assert article.title == "价投大佬格兰瑟姆：辛勤的工作反而会阻碍思考" and "Ai40" not in article.plain_text


def test_a_saved_web_page_comes_out_as_its_article() -> None:
    body = "".join(f"<p>第{n}段：{LONG}</p>" for n in range(8))
    page = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>工厂复工记_科技_某某网</title>"
        "<meta name='author' content='name, email@example.com'>"
        "<link rel='canonical' href='https://news.example.com/a/1'></head><body>"
        "<nav><ul><li><a href='/'>首页</a></li><li><a href='/tech'>科技</a></li><li><a href='/login'>登录</a></li></ul></nav>"  # noqa: E501
        f"<div class='main'><article><h1>工厂复工记</h1>{body}<p>见 https://example.com/report 原始报告。</p></article></div>"  # noqa: E501
        "<div class='comments'><p>网友甲：说得好 举报 回复</p></div>"
        "<footer><p>京ICP备12345678号 版权所有 © 某某网</p><ul><li>热门推荐</li><li>更多评论</li></ul></footer></body></html>"  # noqa: E501
    )
    article = parse_text("page", page, "imported")
    assert article.title == "工厂复工记"
    assert article.source_url == "https://news.example.com/a/1"
    assert article.publisher and "@" not in article.publisher  # a template's "name, email@…" is no author
    text = article.plain_text
    assert all(f"第{n}段" in text for n in range(8))
    for chrome in ("首页", "登录", "ICP", "版权所有", "热门推荐", "更多评论", "举报"):
        assert chrome not in text
    assert all(topic.title not in ("热门推荐", "更多评论") for topic in article.topics)


def test_running_text_with_a_url_at_the_end_is_never_trimmed() -> None:
    ending = "最后这段很长的正文提到了一个链接 https://example.com/data ，但它是文章的一部分。" + LONG
    article = parse_text(
        "url", "\n\n".join([LONG] * 3 + [ending, "[跳转到 Cubox 查看](https://cubox.pro/x)"]), "imported"
    )
    assert ending in article.plain_text and "Cubox" not in article.plain_text


def test_a_markdown_clip_that_opens_with_an_html_banner_stays_markdown() -> None:
    clip = '<p align="center"><img src="https://example.com/banner.png"></p>\n\n# 对话张三\n\n' + "\n\n".join(
        f"**{name}：**{line}" for name, line in [("主持人", "你好吗？"), ("张三", "很好，谢谢。")] * 2
    )
    article = parse_text("banner", clip, "imported")
    assert [t.speaker for t in article.turns] == ["主持人", "张三"] * 2 and "**" not in article.plain_text


def test_each_format_is_recognised_by_its_content() -> None:
    from desktop_app.corpus.formats import SourceFormat, normalise_date, read_source

    assert read_source("<html><body><p>你好</p></body></html>").format is SourceFormat.HTML
    assert read_source("# 标题\n\n段落 **粗**").format is SourceFormat.MARKDOWN
    dump = read_source("标题:测试\n链接:https://a.cn\n正文:\n你好")
    assert dump.format is SourceFormat.TEXT_DUMP and dump.meta.title == "测试" and dump.format.is_plain_text
    assert read_source("第一行\n第二行").format is SourceFormat.TEXT
    assert normalise_date("2024年3月5日") == normalise_date("2024-03-05T10:00:00Z") == "2024-03-05"
    assert normalise_date("昨天") is None
