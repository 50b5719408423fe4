"""Each bundled article against what a careful human reader finds in it."""

from __future__ import annotations

import pytest

from desktop_app.corpus.model import Article

A000, A001, A002, A003, A004 = (
    "000_5b4e62939488a476",
    "001_dc22e9bd72705afd",
    "002_24c868e8aabdd4fe",
    "003_dc324faea7d1abe7",
    "004_4e4413adbd14fea8",
)


def speakers(article: Article) -> dict[str, tuple[str | None, str | None, int]]:
    counts = article.turn_counts()
    return {s.name: (s.affiliation, s.role, counts[s.name]) for s in article.speakers}


def test_000_roundtable_with_eight_questions(corpus: dict[str, Article]) -> None:
    article = corpus[A000]
    assert article.title == "生产力的范式转移：一场AIGC带来的奇幻革命 | 创·享 CGC-XView"
    assert article.source_url == "https://www.36kr.com/p/2026443537607683"
    assert article.publisher == "华创资本"
    assert [t.title[:3] for t in article.topics] == ["Q1.", "Q2.", "Q3.", "Q4.", "Q5.", "Q6.", "Q7.", "Q8."]
    assert article.topics[0].title == "Q1. 中国会诞生自己的OpenAI 吗？"
    assert len(article.turns) == 19
    assert {name: turns for name, (_, _, turns) in speakers(article).items()} == {
        "黄民烈": 3,
        "钟凯祺": 2,
        "胡家康": 3,
        "陈雨恒": 3,
        "闫俊宇": 3,
        "王思捷": 2,
        "于春景": 1,
        "李文珏": 1,
        "赵亿阳": 1,
    }
    assert speakers(article)["陈雨恒"][0] == "rct AI创始人&CEO"
    assert speakers(article)["于春景"][0] == "心识宇宙研究院院长"
    assert [t.speaker for t in article.turns if t.topic == 0] == ["黄民烈", "钟凯祺", "胡家康"]
    assert [t.speaker for t in article.turns if t.topic == 7] == ["王思捷", "赵亿阳", "黄民烈"]


def test_000_spliced_links_and_escapes_are_resolved(corpus: dict[str, Article]) -> None:
    text = corpus[A000].plain_text
    for sentence in (
        "中国和北美的商业和科技环境不一样",
        "比如游戏，再拓展到其他相似的数字孪生领域",
        "并不是从 AlphaGo 战胜李世石开始的",
        "未来5~6个月的时间",
        "基于大数据、神经网络",
        "游戏美术生产流程",
        "比较明确的分工体系——OpenAI",
    ):
        assert sentence in text
    for boilerplate in ("36kr.com", "](", "\\", "Cubox", "本文来自微信公众号", "跳转到", "**"):
        assert boilerplate not in text


def test_001_csdn_html_with_split_bold_runs(corpus: dict[str, Article]) -> None:
    article = corpus[A001]
    assert article.title == "AIGC如此火爆，有何机会？ 10位大咖有话要说"
    assert article.date == "2025-02-26"
    assert article.tags == ("Chatgpt", "Aigc")
    assert article.publisher == "网易科技数字星球《智见特别策划》"
    assert [t.title for t in article.topics] == [
        "如何评价以ChatGPT为代表的AIGC的火爆？我们应该如何认识它？",
        "AIGC蕴藏哪些新的机会，对于企业和个人，您有哪些建议？",
    ]
    assert speakers(article) == {
        "李笛": ("小冰公司首席执行官", "guest", 2),
        "李志飞": ("出门问问创始人兼CEO", "guest", 2),
        "陈楠": ("用友数据智能产品总监", "guest", 2),
        "曹建峰": ("腾讯研究院高级研究员", "guest", 2),
        "于百程": ("零壹研究院院长、人工智能应用研究者", "guest", 1),
        "源码资本研究组": (None, "guest", 2),
        "栾青": ("商汤科技数字空间事业群数字文娱事业部总经理", "guest", 1),
    }
    text = article.plain_text
    assert "即大模型初步验证了一种新范式的价值，并且打破了此前的瓶颈。这意味着" in text
    assert "技术进步：从2017年Transformer的诞生" in text  # a bold lead-in, not a speaker
    for name in ("技术进步", "商业模式", "产品体验"):
        assert article.speaker(name) is None
    for boilerplate in ("artid", "csdnimg", "更多内容，请关注", "谁在ALL in AIGC", "<", "出品｜"):
        assert boilerplate not in text
    assert article.blocks[0].kind == "heading" and article.blocks[0].text == "金句集锦"
    assert article.blocks[1].kind == "list_item" and article.blocks[1].text.startswith("01 大模型初步验证")


def test_002_text_dump_with_related_list(corpus: dict[str, Article]) -> None:
    article = corpus[A002]
    assert article.title == "谁在中国“围猎”AIGC？"
    assert article.source_url == "https://www.163.com/tech/article/HTMAA02R000999C0.html"
    assert article.publisher == "网易科技《后厂村7号》栏目"
    assert article.speakers == () and article.turns == ()
    assert [t.title for t in article.topics] == ["中国AIGC生态初现：大厂搞基建，小厂做创新"]
    heading = article.blocks[article.topics[0].block]
    assert heading.kind == "heading"
    text = article.plain_text
    assert not text.startswith("标题") and "链接:" not in text and "正文:" not in text
    assert "量子位 20" not in text and "南昌晚报" not in text
    assert text.rstrip().endswith("距离终点仍有漫长的道路要寻找、摸索、攀登。")
    assert sum(1 for b in article.blocks if b.kind == "list_item") == 5


def test_003_roundtable_with_host_keywords_and_roster(corpus: dict[str, Article]) -> None:
    article = corpus[A003]
    assert article.title == "中国 AIGC 新机遇"
    assert [t.title for t in article.topics] == [
        "感受",
        "模型同质化和创新性",
        "大力一定会出奇迹吗？",
        "中国 AIGC 新机遇",
    ]
    assert speakers(article) == {
        "金磊": ("量子位主编", "host", 6),
        "朱雷": ("元语智能联合创始人兼 COO", "guest", 3),
        "陈石": ("峰瑞资本投资合伙人", "guest", 4),
        "马千里": ("无界 AI 联合创始人", "guest", 4),
        "林莱尼": ("华院数智人商业化副总裁", "guest", 2),
    }
    assert article.turns[0].speaker == "金磊" and article.turns[0].topic == 0
    text = article.plain_text
    assert "我非常同意陈石总的看法" in text
    for boilerplate in ("图片来源", "foresightnews", "推特", "巴比特园区开放合作", "discord", "http"):
        assert boilerplate not in text


def test_004_single_talk_with_sections(corpus: dict[str, Article]) -> None:
    article = corpus[A004]
    assert "《AIGC：智能创作时代》" in article.title and "http" not in article.title
    assert [t.title for t in article.topics] == ["一、AIGC 全景分析", "二、AIGC 技术思想", "三、AIGC 的影响"]
    assert speakers(article) == {
        "杜雨": ("《AIGC：智能创作时代》作者、青年学者、中国社科院技术经济学博士、科技加速器 QAQ 创始人", None, 1),
    }
    first_turn = article.turns[0].block
    assert article.blocks[first_turn].text.startswith("尊敬的朱老师")
    assert all(b.speaker == "杜雨" for b in article.blocks[first_turn:] if b.kind != "heading")
    text = article.plain_text
    assert text.rstrip().endswith("谢谢大家。")
    for boilerplate in ("推荐阅读", "联系我们", "mp.weixin", "元宇宙独角兽"):
        assert boilerplate not in text


@pytest.mark.parametrize("article_id", [A000, A001, A002, A003, A004])
def test_no_markup_urls_or_images_survive(corpus: dict[str, Article], article_id: str) -> None:
    article = corpus[article_id]
    for block in article.blocks:
        assert block.text == block.text.strip() and block.text
        for marker in ("http://", "https://", "![", "](", "<img", "<p", "&nbsp;", "&amp;"):
            assert marker not in block.text
    assert "http" not in article.title


@pytest.mark.parametrize("article_id", [A000, A001, A002, A003, A004])
def test_block_offsets_slice_the_plain_text(corpus: dict[str, Article], article_id: str) -> None:
    article = corpus[article_id]
    for block, start in zip(article.blocks, article.block_starts, strict=True):
        assert article.plain_text[start : start + len(block.text)] == block.text
        assert article.block_at(start + len(block.text) // 2) == article.blocks.index(block) or block.text in [
            b.text for b in article.blocks[: article.blocks.index(block)]
        ]


@pytest.mark.parametrize("article_id", [A000, A001, A003, A004])
def test_turns_point_at_their_speakers_blocks(corpus: dict[str, Article], article_id: str) -> None:
    article = corpus[article_id]
    for turn in article.turns:
        block = article.blocks[turn.block]
        assert block.speaker == turn.speaker and block.kind != "heading"
        assert block.topic == turn.topic
