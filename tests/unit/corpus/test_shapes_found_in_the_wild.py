"""Shapes that real files showed and the importer now reads from the document's own evidence:
each test is a small file of that shape, written for the test, and what a reader would see."""

from __future__ import annotations

from desktop_app.corpus.model import BlockKind
from desktop_app.corpus.pipeline import parse_text


def turns(article) -> list[str]:  # type: ignore[no-untyped-def]
    return [turn.speaker for turn in article.turns]


LONG = "这是一个足够长的回答，讲了很多细节，也讲了原因和经过。"


def test_names_alone_on_their_lines_before_each_turn_are_a_dialogue() -> None:
    lines = ["# 一次长谈", "", "导语一段，说明这次谈话的缘起。", ""]
    for number in range(3):
        lines += ["张小龙", "", f"第{number}个问题，你怎么看？", "", "王大明", "", LONG, ""]
    article = parse_text("bubbles", "\n".join(lines), "imported")
    assert turns(article) == ["张小龙", "王大明"] * 3
    assert all(block.text not in ("张小龙", "王大明") for block in article.blocks)


def test_a_few_short_lines_in_an_essay_are_no_chat_bubbles() -> None:
    lines = ["# 随笔", "", "春天", "", LONG, "", "夏天", "", LONG, "", "秋天", "", LONG]
    assert turns(parse_text("essay", "\n".join(lines), "imported")) == []


def test_question_headings_addressed_to_a_named_guest_become_the_hosts_turns() -> None:
    source = (
        "# 开源十年：TiDB Committer 王小贺的心路历程\n\n今天来了解一下王小贺的贡献之路。\n\n"
        "## 你是怎么开始写开源软件的？\n\n我从高中开始写，第一个项目是一个小工具。\n\n"
        "## 最难的是什么？\n\n我觉得是坚持维护。\n\n## 给新人一些建议？\n\n我建议先从小问题做起。\n"
    )
    article = parse_text("qa", source, "imported")
    assert turns(article) == ["采访者", "王小贺"] * 3
    assert {s.name: s.role for s in article.speakers} == {"采访者": "host", "王小贺": "guest"}


def test_question_headings_in_an_explainer_stay_headings() -> None:
    source = (
        "# 超导体入门：李四整理\n\n本文介绍超导体。\n\n## 什么是超导体？\n\n超导体是电阻为零的材料。\n\n"
        "## 它有什么用？\n\n可以用于磁悬浮列车。\n"
    )
    article = parse_text("explainer", source, "imported")
    assert turns(article) == [] and any(b.kind == BlockKind.HEADING for b in article.blocks)


def test_q_and_a_with_nobody_named_to_answer_is_an_faq() -> None:
    source = "# 常见问题\n\nQ：如何安装？\n\nA：下载安装包，双击运行。\n\nQ：如何卸载？\n\nA：在设置里删除。\n"
    article = parse_text("faq", source, "imported")
    assert turns(article) == [] and "Q：如何安装？" in article.plain_text


def test_a_role_word_before_the_name_gives_the_name_and_the_role() -> None:
    lines = ["# 播客", "", "本期节目聊贸易。", ""]
    for _ in range(3):
        lines += ["主持人 Tracy: 你怎么看关税？", "", f"嘉宾 Cameron Johnson: {LONG}", ""]
    article = parse_text("roles", "\n".join(lines), "imported")
    assert turns(article) == ["Tracy", "Cameron Johnson"] * 3
    assert {s.name: s.role for s in article.speakers} == {"Tracy": "host", "Cameron Johnson": "guest"}


def test_square_bracketed_and_mixed_script_media_labels_are_speakers() -> None:
    lines = ["# 对谈", "", "导语。", ""]
    for _ in range(3):
        lines += ["**[红军]**: 你觉得呢？", "", f"**[Henry]**: {LONG}", ""]
    assert turns(parse_text("square", "\n".join(lines), "imported")) == ["红军", "Henry"] * 3
    media = ["# 专访", "", "导语。", ""]
    for _ in range(3):
        media += ["**【政见CNPolitics】**您怎么看？", "", f"**【马若德】**{LONG}", ""]
    assert turns(parse_text("media", "\n".join(media), "imported")) == ["政见CNPolitics", "马若德"] * 3


def test_credits_agenda_fields_and_phrases_that_introduce_what_follows_are_no_speakers() -> None:
    minutes = [
        "# 技术委员会例会",
        "",
        "流程：先过议题，再讨论。",
        "",
        "张伟：我同意这个方案。",
        "",
        "决策：通过。",
        "",
        "李娜：我补充一点。",
        "",
        "张伟：好的。",
        "",
        "流程：下一个议题。",
        "",
        "决策：暂缓。",
        "",
        "李娜：我再看看。",
    ]
    assert set(turns(parse_text("minutes", "\n".join(minutes), "imported"))) == {"张伟", "李娜"}
    tutorial = "# 教程\n\n翻译结果如下：你好。\n\n正文。\n\n翻译结果如下：再见。\n\n正文。"
    assert turns(parse_text("tutorial", tutorial, "imported")) == []


def test_promotion_cards_captions_about_boxes_and_glued_credits_go_wherever_they_stand() -> None:
    source = (
        "# 一篇文章\n\n303篇原创内容\n\n点击关注，每天更新深度行业洞察\n\n"
        + "正文第一段，讲了一件事情的来龙去脉，足够长。\n\n" * 6
        + "最后一段正文，讲完了。（供稿：党委宣传部）\n\n题图：从左到右依次为三位创始人。\n\n"
        "## 关于我们\n\n我们是一个持续追求精品内容的技术团队，欢迎交流。\n"
    )
    text = parse_text("furniture", source, "imported").plain_text
    for furniture in ("303篇原创内容", "点击关注", "供稿", "题图", "关于我们", "持续追求精品"):
        assert furniture not in text
    assert "最后一段正文，讲完了。" in text


def test_a_disclosure_widgets_label_is_not_text() -> None:
    source = (
        "# 双语\n\n中文的一段话，讲完了。\n\n"
        "<details><summary>Original English</summary>\n\nThe English text.\n\n</details>\n"
    )
    text = parse_text("details", source, "imported").plain_text
    assert "Original English" not in text and "The English text." in text


def test_a_podcast_host_is_the_one_who_asks() -> None:
    lines = ["# 播客第一期", "", "导语。", ""]
    for number in range(4):
        lines += [f"小雨：第{number}个话题你怎么看？", "", f"大卫：{LONG}{LONG}", ""]
    article = parse_text("podcast", "\n".join(lines), "imported")
    assert {s.name: s.role for s in article.speakers} == {"小雨": "host", "大卫": "guest"}


def test_initials_in_brackets_name_the_later_labels() -> None:
    lines = [
        "# TED 对话",
        "",
        "导语。",
        "",
        "**Chris Anderson (CA)**：你的研究是什么？",
        "",
        f"Nolan Williams（NW）：{LONG}",
        "",
    ]
    for _ in range(2):
        lines += ["**CA**：还有呢？", "", f"NW：{LONG}", ""]
    article = parse_text("initials", "\n".join(lines), "imported")
    assert turns(article) == ["Chris Anderson", "Nolan Williams"] * 3
    assert all(s.affiliation not in ("CA", "NW") for s in article.speakers)


def test_a_bilingual_transcripts_english_repeat_is_the_same_speakers_turn() -> None:
    lines = ["# 双语访谈", "", "导语。", ""]
    for number in range(3):
        lines += [
            f"崔西：第{number}个问题，你怎么看？",
            "",
            f"Tracy: Question number {number}, what do you think?",
            "",
            f"温斯顿：{LONG}",
            "",
            "Winston: A long answer with many details and the reasons behind them.",
            "",
        ]
    article = parse_text("bilingual", "\n".join(lines), "imported")
    assert turns(article) == ["崔西", "温斯顿"] * 3
    assert {s.name for s in article.speakers} == {"崔西", "温斯顿"}


def test_stray_spaces_inside_chinese_go_and_spaces_around_latin_and_digits_stay() -> None:
    source = "# 标题\n\n如果 他 是对的， 那么未来最先被重做的不是程序员，而是 App 本身 。拍摄于 2024 年 7 月。"
    text = parse_text("spaces", source, "imported").plain_text
    assert "如果他是对的，那么未来最先被重做的不是程序员，而是 App 本身。拍摄于 2024 年 7 月。" in text


def test_written_out_links_at_the_top_and_closing_furniture_sections_go() -> None:
    source = (
        "# 标题\n\n原文：https://example.com/post/1\n\n会议链接：https://meet.example.com/j/1\n\n"
        + "正文一段，讲了一件事情的来龙去脉，足够长。\n\n" * 8
        + "## 关于我们\n\n我们是一份周报，分享经验教训。\n\n### 往期推荐\n\n第四十九期\n\n第四十八期\n"
    )
    article = parse_text("links", source, "imported")
    for furniture in ("https://", "关于我们", "往期推荐", "第四十九期"):
        assert furniture not in article.plain_text
    assert article.source_url == "https://example.com/post/1"


def test_the_guest_the_title_names_makes_the_others_hosts() -> None:
    lines = ["# 对话联想CFO温斯顿·郑：算力的供应链", "", "本期两位主持人与温斯顿聊天。", ""]
    for _ in range(3):
        lines += [f"崔西：{LONG}", "", f"乔：{LONG}", "", f"温斯顿：{LONG}", ""]
    article = parse_text("guest", "\n".join(lines), "imported")
    assert {s.name: s.role for s in article.speakers} == {"崔西": "host", "乔": "host", "温斯顿": "guest"}


def test_a_roundup_that_introduces_each_person_by_title_and_name() -> None:
    people = [
        ("某银行(431.2, 7.37, 1.74%)首席投资官", "Rick Rieder"),
        ("某基金总监", "Bob Michele"),
        ("某公司CEO", "张伟明"),
    ]
    lines = ["# 首席投资官们怎么说", "", "我们请几位首席投资官回答同样的问题。", ""]
    for title, name in people:
        lines += [f"{title}：{name}", "", "## 债券市场存在泡沫吗？", "", LONG, ""]
    article = parse_text("roundup", "\n".join(lines), "imported")
    assert turns(article) == [name for _, name in people]
    assert article.speaker("Rick Rieder").affiliation == "某银行首席投资官"  # the spliced quote is gone
    assert "431.2" not in article.plain_text


def test_a_label_misspelt_once_is_the_same_speaker() -> None:
    lines = ["# 会议记录", "", "导语。", ""]
    for number in range(4):
        lines += [f"主持人：第{number}个议题？", "", f"{'胡欣慰' if number == 2 else '胡欣蔚'}：{LONG}", ""]
    article = parse_text("typo", "\n".join(lines), "imported")
    assert turns(article) == ["主持人", "胡欣蔚"] * 4


def test_titles_come_from_the_pages_own_title_fields_never_a_section_heading() -> None:
    declared = "原文标题：对话张三：未来十年\n\n## 第一部分\n\n正文一段，足够长的一句话。"
    assert parse_text("x", declared, "imported").title == "对话张三：未来十年"
    small_page = (
        "<html><head><title>对话张三：未来十年 - 某某网</title></head><body><div>"
        "<p>正文一段，足够长的一句话。正文一段，足够长的一句话。</p></div></body></html>"
    )
    assert parse_text("x", small_page, "imported").title == "对话张三：未来十年"
    sections = "## 第一部分\n\n正文一段，足够长的一句话。\n\n## 第二部分\n\n正文。"
    assert parse_text("x", sections, "imported").title != "第一部分"
    assert parse_text("对话张三：未来十年", sections, "imported").title == "对话张三：未来十年"  # the file's name


def test_a_podcasts_front_matter_and_opening_say_who_hosts() -> None:
    lines = ["---", "title: 小酒馆 E1", "data:", "  guest: 跑狮, 大卫翁", "---", ""]
    lines += ["雨白：欢迎来到知行小酒馆，这是一档关于投资的播客节目。我是雨白，今天聊聊量化。", ""]
    for _ in range(2):
        lines += [f"跑狮：{LONG}", "", f"大卫翁：{LONG}", "", "雨白：你们怎么看？", ""]
    article = parse_text("podcast", "\n".join(lines), "imported")
    roles = {s.name: (s.role, s.affiliation) for s in article.speakers}
    assert roles["雨白"] == ("host", "知行小酒馆")
    assert roles["跑狮"][0] == "guest" and roles["大卫翁"][0] == "guest"


def test_a_translations_credit_box_is_metadata_and_its_heading_the_title() -> None:
    source = (
        "> * 原文地址：[Interview](https://example.com/interview)\n> * 原文作者：[Ryan Dahl](https://example.com)\n"
        "> * 译者：[霜羽](https://example.com/t)\n> * 校对者：[Chorer](https://example.com/c)\n\n"
        "# 和 Node.js 创始人 Ryan Dahl 的对话\n\nRyan Dahl 是 Node.js 的创始人。\n\n"
        + "**Evrone：** 你在做什么？\n\n**Ryan：** 我在做 Deno，这是一个运行时。\n\n" * 2
        + "> 如果发现译文存在错误或其他需要改进的地方，欢迎到翻译计划对译文进行修改。\n"
    )
    article = parse_text("translated", source, "imported")
    assert article.title == "和 Node.js 创始人 Ryan Dahl 的对话"
    for furniture in ("原文作者", "译者", "校对者", "发现译文"):
        assert furniture not in article.plain_text
    assert article.speaker("Ryan").affiliation.startswith("Node.js 的创始人")  # type: ignore[union-attr]


def test_a_restructuredtext_posts_fields_and_directives_are_not_text() -> None:
    source = (
        "爲什麼不用 GPLv3？\n==================\n\n:date: 2016-08-08 16:15\n:slug: why-not-gplv3\n:tags: Linux, GPL\n\n"
        "從 `知乎 <https://www.zhihu.com/q/1>`_ 轉載\n\n.. youtube:: 1Mg5_gxNXTo\n\n"
        ".. translate-collapse-paragraph::\n\n    問：你同意嗎？\n\n        Q: Do you agree?\n\n"
        "    L：是的，我同意這個說法。\n\n        L: Yes, I agree.\n\n"
        "    問：爲什麼？\n\n        Q: Why?\n\n"
        "    L：因爲它不好用，我說過很多次了。\n\n        L: Because it is bad.\n\n"
        "    問：還有呢？\n\n        Q: Anything else?\n\n    L：沒有了，就這些。\n\n        L: No, that's all.\n"
    )
    article = parse_text("rst", source, "imported")
    assert article.date == "2016-08-08" and "GPL" in article.tags
    for markup in (":slug:", "why-not-gplv3", "youtube", "1Mg5_gxNXTo", "translate-collapse", "<https"):
        assert markup not in article.plain_text
    assert "從知乎轉載" in article.plain_text and turns(article) == ["問", "L"] * 3


def test_the_windows_confidence_never_loads_jiebas_tagger() -> None:
    # A fresh interpreter: the tagger must still be unloaded after assessing uncertain articles.
    import subprocess
    import sys

    script = (
        "from desktop_app.corpus.model import Article, Block, BlockKind\n"
        "from desktop_app.corpus.outline_confidence import assess\n"
        "from desktop_app.corpus import names\n"
        "P, H = BlockKind.PARAGRAPH, BlockKind.HEADING\n"
        "bubbles = [Block(P, '导语。')] + [Block(P, t) for t in ['晚点', '你怎么看？', '王小明', '我觉得好。'] * 3]\n"
        "qa = [Block(P, '今天来了解王贺。'), Block(H, '你怎么开始的？', level=2), Block(P, '我从高中开始。'),"
        " Block(H, '最难的是什么？', level=2), Block(P, '我觉得是坚持。')]\n"
        "a = assess(Article('a', '一次长谈', tuple(bubbles)))\n"
        "b = assess(Article('b', 'TiDB Committer 王贺的心路历程', tuple(qa)))\n"
        "assert a.suggestions and a.suggestions[0].op == 'turns-by-label', a\n"
        "print(names.pos_tagger.cache_info().currsize)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "0"


def test_images_by_reference_and_their_definitions_are_not_text() -> None:
    source = (
        "# 公开课\n\n第一段正文，讲了一件事。\n\n![Slide Page 2][slide-02]\n\n第二段正文。\n\n"
        "[slide-02]: {{ 'assets/slide-02.jpg' | relative_url }}\n"
    )
    text = parse_text("refs", source, "imported").plain_text
    assert "Slide Page" not in text and "relative_url" not in text and "第二段正文。" in text
