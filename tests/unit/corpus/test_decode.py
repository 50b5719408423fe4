"""Encodings: what Chinese articles arrive in, decoded without guessing wrong."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.corpus.decode import decode_text
from desktop_app.errors import ImportRejected

TEXT = "标题: 测试文章\n正文:\n中国人的技术不亚于欧美。ChatGPT 的兴起让大模型成为焦点——这是一次范式转移。\n"


@pytest.mark.parametrize(
    "encoded",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("gb18030"),
        TEXT.encode("gbk"),
        TEXT.encode("utf-16"),  # with BOM
        TEXT.encode("utf-16-le"),  # without BOM
        TEXT.encode("utf-16-be"),
    ],
    ids=["utf8", "utf8-bom", "gb18030", "gbk", "utf16-bom", "utf16le", "utf16be"],
)
def test_common_encodings_decode_exactly(encoded: bytes) -> None:
    assert decode_text(encoded) == TEXT


def test_gb2312_is_read_as_gb18030() -> None:
    text = "中文内容测试，人工智能生成内容。"
    assert decode_text(text.encode("gb2312")) == text


def test_declared_charset_wins_over_guessing() -> None:
    html = '<html><head><meta charset="gbk"></head><body><p>生成式人工智能</p></body></html>'
    assert "生成式人工智能" in decode_text(html.encode("gbk"))


def test_a_wrong_declaration_falls_back_to_the_bytes() -> None:
    html = '<html><head><meta charset="gbk"></head><body><p>大模型 — “引号”</p></body></html>'
    assert "大模型 — “引号”" in decode_text(html.encode("utf-8"))


@pytest.mark.parametrize("data", [b"", b"   \n\t ", b"\x00\x01\x02binary\x00\xff" * 50])
def test_empty_and_binary_are_rejected(data: bytes) -> None:
    with pytest.raises(ImportRejected):
        decode_text(data)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=3000))
def test_random_bytes_never_crash(data: bytes) -> None:
    try:
        assert isinstance(decode_text(data), str)
    except ImportRejected:
        pass


# Chinese as articles write it: the characters of the bundled articles. (Strings of rare
# characters drawn from the whole Han block are as much Big5 as GB18030: no reader could tell.)
COMMON_HAN = sorted(
    {
        char
        for path in (Path(__file__).resolve().parents[3] / "sources").glob("*.txt")
        for char in path.read_text(encoding="utf-8")
        if "\u4e00" <= char <= "\u9fff"
    }
)


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(COMMON_HAN) | st.sampled_from("，。：“”ABC 12\n"), min_size=8, max_size=400),
    st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]),
)
def test_random_chinese_round_trips_through_every_encoding(text: str, encoding: str) -> None:
    if not text.strip():
        return
    assert decode_text(text.encode(encoding)) == text


def test_big5_traditional_chinese_is_not_read_as_gb18030() -> None:
    # Nearly every Big5 byte pair is valid GB18030 too: decoding must pick the one that makes sense.
    text = "記者：請問您當時為什麼決定公開這件事？\n\n李文亮：我覺得一個健康的社會不應該只有一種聲音。\n" * 3
    assert decode_text(text.encode("big5")) == text
    simplified = "记者：请问您当时为什么决定公开这件事？\n\n李文亮：我觉得一个健康的社会不应该只有一种声音。\n" * 3
    assert decode_text(simplified.encode("gb18030")) == simplified
