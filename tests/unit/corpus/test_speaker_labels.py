"""Speaker labels in the shapes real transcripts use, and the labels a careful reader would not
take for speakers. Each article here is new to the pipeline: the rules are about shapes."""

from __future__ import annotations

import pytest

from desktop_app.corpus.model import Article
from desktop_app.corpus.pipeline import parse_text


def turns(article: Article) -> list[str]:
    return [turn.speaker for turn in article.turns]


def dialogue(first: str, second: str, label: str = "{name}：{text}") -> str:
    lines = ["这是一篇访谈的导语，介绍了两位对谈者的背景和这次谈话的缘起。", ""]
    for number in range(3):
        lines += [label.format(name=first, text=f"第{number}个问题是什么？"), ""]
        lines += [label.format(name=second, text=f"这是第{number}个回答，内容相当充实，也有细节。"), ""]
    return "\n".join(lines)


@pytest.mark.parametrize(
    "label",
    [
        "{name}：{text}",
        "{name}:{text}",
        "**{name}**：{text}",
        "**{name}：**{text}",
        "**{name}** ：{text}",
        "**{name}：**\n\n{text}",
        "### {name}：\n\n{text}",
        "[00:12:30] {name}：{text}",
        "18:35:36 {name}：{text}",
        "- {name}：{text}",
    ],
)
def test_every_label_shape_gives_the_same_turns(label: str) -> None:
    article = parse_text("shapes", dialogue("主持人", "张三", label), "imported")
    assert turns(article) == ["主持人", "张三"] * 3
    assert all("：" not in article.blocks[turn.block].text[:4] for turn in article.turns)  # the label is not text
    assert article.speaker("主持人").role == "host" and article.speaker("张三").role == "guest"  # type: ignore[union-attr]


def test_traditional_and_english_names() -> None:
    assert turns(parse_text("tw", dialogue("記者", "唐鳳"), "imported")) == ["記者", "唐鳳"] * 3
    assert (
        turns(parse_text("en", dialogue("Chris Dixon", "Fred Ehrsam", "**{name}**：{text}"), "imported"))
        == ["Chris Dixon", "Fred Ehrsam"] * 3
    )


def test_a_label_with_its_affiliation() -> None:
    article = parse_text("aff", dialogue("张三（某公司CEO）", "李四（某大学教授）"), "imported")
    assert article.speaker("张三").affiliation == "某公司CEO"  # type: ignore[union-attr]
    assert article.speaker("李四").affiliation == "某大学教授"  # type: ignore[union-attr]


def test_answers_belong_to_the_interviewee_the_title_names() -> None:
    article = parse_text("qa", "# 对话汤道生：云的下一步\n\n" + dialogue("问", "答"), "imported")
    assert turns(article) == ["问", "汤道生"] * 3
    anonymous = parse_text("qa2", dialogue("Q", "A"), "imported")
    assert turns(anonymous) == []  # Q and A with nobody named to answer: an FAQ, not an interview


def test_a_media_name_asks_the_questions() -> None:
    article = parse_text("media", dialogue("晚点", "汪滔", "**{name}**：{text}"), "imported")
    assert article.speaker("晚点").role == "host"  # type: ignore[union-attr]


def test_the_same_speaker_labelled_twice_in_a_row_is_one_turn() -> None:
    text = dialogue("主持人", "张三") + "\n张三：我再补充一点，这一点同样重要。\n"
    assert turns(parse_text("twice", text, "imported")) == ["主持人", "张三"] * 3


def test_lead_ins_quotations_and_biographies_are_not_speakers() -> None:
    lead_ins = (
        "技术进步：从2017年Transformer的诞生开始，模型越来越大。\n\n商业模式：订阅和广告并存，各有利弊。\n\n"
        "产品体验：用户最在意的是速度和准确。\n\n王志文说：这件事还要再看看。\n"
    )
    assert parse_text("leads", lead_ins, "imported").speakers == ()
    biographies = "".join(
        f"**{name}（{english}）：** {name}與拜登的淵源可以追溯到多年前，曾任要職。\n\n"
        for name, english in (
            ("布林肯", "Antony Blinken"),
            ("沙利文", "Jake Sullivan"),
            ("坎貝爾", "Kurt Campbell"),
            ("賴斯", "Susan Rice"),
        )
    )
    assert parse_text("bios", "美國之音介紹了拜登的團隊。\n\n" + biographies, "imported").speakers == ()


def test_a_quote_roundup_names_each_quoted_person() -> None:
    roundup = "".join(
        f"**{name}（{role}）：** 「{name}寫道，這是最後一篇。」\n\n"
        for name, role in (("曾志豪", "傳媒人"), ("劉細良", "時事評論員"), ("邁克", "專欄作家"))
    )
    article = parse_text("roundup", "多位作者撰文告別。\n\n" + roundup, "imported")
    assert [(s.name, s.affiliation) for s in article.speakers] == [
        ("曾志豪", "傳媒人"),
        ("劉細良", "時事評論員"),
        ("邁克", "專欄作家"),
    ]


def test_a_meeting_labels_one_off_speakers_the_same_way() -> None:
    names = ["唐鳳", "陳敦基", "唐鳳", "王晉元", "唐鳳", "周文生", "唐鳳", "翟本喬"]
    text = "\n\n".join(f"### {name}：\n\n我想就這個議題說幾句，謝謝大家。" for name in names)
    assert turns(parse_text("meeting", text, "imported")) == names


def test_meeting_minutes_put_the_name_and_a_timestamp_on_their_own_line() -> None:
    text = "\n\n".join(
        f"{name} 00:0{n}:1{n}\n\n{line}"
        for n, (name, line) in enumerate(
            [
                ("说话人1", "大家好，我们开始今天的会议。"),
                ("说话人2", "好的，我先汇报一下进度。"),
                ("说话人1", "进度有延误吗？"),
                ("说话人2", "有一点，下周可以赶上。"),
            ]
        )
    )
    assert turns(parse_text("minutes", text, "imported")) == ["说话人1", "说话人2"] * 2


def test_bracketed_names_and_numbered_questions() -> None:
    assert (
        turns(parse_text("brackets", dialogue("主持人", "张三", "【{name}】{text}"), "imported"))
        == ["主持人", "张三"] * 3
    )
    numbered = "\n\n".join(f"Q{n}：第{n}个问题是什么？\n\nA{n}：这是第{n}个回答，内容充实。" for n in range(1, 4))
    article = parse_text("numbered", "# 对话汤道生\n\n" + numbered, "imported")
    assert turns(article) == ["Q", "汤道生"] * 3
    assert [topic.title for topic in article.topics] == [f"第{n}个问题是什么？" for n in range(1, 4)]


def test_the_first_label_with_a_title_is_the_same_speaker() -> None:
    text = "某公司CEO 张三：我先说两句，这是开场。\n\n主持人：第一个问题是什么？\n\n张三：这是回答。\n\n主持人：还有呢？\n\n张三：还有这些。"  # noqa: E501
    article = parse_text("titled", text, "imported")
    assert turns(article) == ["张三", "主持人", "张三", "主持人", "张三"]
    assert article.speaker("张三").affiliation == "某公司CEO"  # type: ignore[union-attr]


def test_a_recurring_field_name_alone_is_not_a_dialogue() -> None:
    review = "\n\n".join(f"型号{n}：一款不错的产品。\n\n特色：续航很长，屏幕也好。" for n in range(3))
    assert parse_text("review", review, "imported").speakers == ()


def test_a_show_notes_roster_declares_hosts_and_guests_line_by_line() -> None:
    notes = (
        "> 【本期主播】\n> 傅适野，媒体人\n> 冷建国，媒体人\n\n> 【本期嘉宾】\n> 罗丹妮，图书编辑\n\n"
        + "\n\n".join(
            f"**{name}：**这一段是{name}的发言，讲了很多。" for name in ["傅适野", "罗丹妮", "冷建国", "罗丹妮"]
        )
    )
    article = parse_text("show", notes, "imported")
    assert [(s.name, s.affiliation, s.role) for s in article.speakers] == [
        ("傅适野", "媒体人", "host"),
        ("罗丹妮", "图书编辑", "guest"),
        ("冷建国", "媒体人", "host"),
    ]


def test_a_plain_text_transcript_with_ascii_colons_and_timestamps() -> None:
    transcript = (
        "对话李想：理想汽车的下一个十年\n\n采访整理：本刊记者\n\n"
        "[00:00:12] 主持人: 欢迎来到节目，今天我们请到了李想。\n[00:00:20] 李想: 谢谢，很高兴来。\n"
        "[00:01:05] 主持人: 先说说这几年的变化吧？\n[00:01:30] 李想: 变化很大，团队从几百人到了三万人。\n"
    )
    article = parse_text("transcript", transcript, "imported")
    assert article.title == "对话李想：理想汽车的下一个十年"
    assert turns(article) == ["主持人", "李想"] * 2
    assert "采访整理" not in article.plain_text and "[00:" not in article.plain_text
    assert article.speaker("主持人").role == "host"  # type: ignore[union-attr]


def test_affiliations_from_a_self_introduction_a_headline_and_an_introducing_clause() -> None:
    meeting = (
        "### 唐鳳：\n\n我們開始吧，請大家自我介紹。\n\n### 王晉元：\n\n大家好，我是交通大學運輸管理學系的王晉元，很高興來到這裡。\n\n"  # noqa: E501
        "### 唐鳳：\n\n謝謝。\n\n### 王晉元：\n\n我補充一點。"
    )
    assert parse_text("m", meeting, "imported").speaker("王晉元").affiliation == "交通大學運輸管理學系"  # type: ignore[union-attr]
    headline = "# 对话大疆汪滔：求真理\n\n" + dialogue("晚点", "汪滔", "**{name}**：{text}")
    assert parse_text("h", headline, "imported").speaker("汪滔").affiliation == "大疆"  # type: ignore[union-attr]
    introduced = "作为资产管理公司GMO的创始人，杰里米·格兰瑟姆以识破泡沫闻名。\n\n" + dialogue(
        "威尔弗雷德·弗罗斯特", "杰里米·格兰瑟姆"
    )
    assert "GMO" in parse_text("i", introduced, "imported").speaker("杰里米·格兰瑟姆").affiliation  # type: ignore[operator, union-attr]


def test_credit_lines_beside_one_bold_label_are_no_dialogue_and_no_crash() -> None:
    # Every general candidate is a credit ('整理编辑：'), and one bold line of the bundled shape
    # stands beside them: no credit speaks, and nothing fails.
    source = "# 周报\n\n**本期要点：**\n\n整理编辑：张三\n\n正文第一段。\n\n整理编辑：李四\n\n正文第二段。"
    assert "整理编辑" not in turns(parse_text("credits", source, "imported"))
