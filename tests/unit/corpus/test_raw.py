"""Raw blocks: runs of text with their boldness, as the readers of each format produce them."""

from __future__ import annotations

from desktop_app.corpus.model import BlockKind
from desktop_app.corpus.raw import RawBlock, Run, is_cjk, join_soft_breaks


def test_the_leading_bold_run_is_the_label_and_the_rest_is_the_text() -> None:
    block = RawBlock(runs=[Run(" ", False), Run("张三：", True), Run("你好", False)])
    assert block.text.strip() == "张三：你好" and block.kind == BlockKind.PARAGRAPH
    assert block.leading_bold == "张三：" and block.after_leading_bold == "你好" and not block.bold_only
    assert RawBlock(runs=[Run("全部加粗", True)]).bold_only


def test_a_soft_line_break_between_chinese_characters_is_no_space() -> None:
    assert join_soft_breaks([("第一行\n", False), ("第二行", False)])[0].text == "第一行第二行"
    assert is_cjk("中") and not is_cjk("a")
    assert RawBlock.plain("标题", BlockKind.HEADING, 1).level == 1
