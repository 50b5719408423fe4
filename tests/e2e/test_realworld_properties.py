"""Properties over the bundled and development corpora: whatever chrome a clipper or a site
wraps around an article, every sentence a reader must keep survives cleaning."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.corpus.decode import decode_text
from desktop_app.corpus.pipeline import parse_text

ROOT = Path(__file__).resolve().parents[2]
REALWORLD = ROOT.parent / "shared" / "realworld"
GOLD = json.loads((REALWORLD / "gold.json").read_text(encoding="utf-8")) if (REALWORLD / "gold.json").is_file() else []
MARKDOWN = [entry for entry in GOLD if entry["format"] == "markdown"]
pytestmark = pytest.mark.skipif(not GOLD, reason="the shared development corpus is not beside the checkout")

HEAD_CHROME = [
    "[Read on Omnivore](https://omnivore.app/me/x)",
    "[跳转到 Cubox 查看](https://cubox.pro/c/1)",
    "小懒自动备份，仅供查阅学习",
    "date_saved: 2024-01-01 10:00:00",
    "[返回列表页](/list)",
    "> 本文由 [简悦 SimpRead](http://ksria.com/simpread/) 转码， 原文地址 [example.com](https://example.com/a)",
]
TAIL_CHROME = [
    "**大家都在看**",
    "- [另一篇文章的标题](https://example.com/b)",
    "点击阅读原文，关注我们",
    "本文为原创内容，版权归作者所有，未经许可严禁转载。",
    "请加入成为我们的订户，长期支持我们的工作。",
    "京ICP备12345678号",
    "觉得好看，请点“在看”",
    "![](https://example.com/qr.png)",
]


def squeezed(text: str) -> str:
    return re.sub(r"[\s*_\u200b\u200c\u200d\ufeff]", "", text)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    entry=st.sampled_from(MARKDOWN or [{}]),
    head=st.lists(st.sampled_from(HEAD_CHROME), max_size=4),
    tail=st.lists(st.sampled_from(TAIL_CHROME), max_size=6),
)
def test_clipper_and_site_chrome_never_costs_a_sentence(entry: dict, head: list[str], tail: list[str]) -> None:
    text = decode_text((REALWORLD / "articles" / entry["file"]).read_bytes())
    front = re.match(r"\A---\n.*?\n---\n", text, re.S)
    cut = front.end() if front else 0
    wrapped = text[:cut] + "\n\n".join(head) + "\n\n" + text[cut:] + "\n\n" + "\n\n".join(tail) + "\n"
    kept = squeezed(parse_text(entry["file"], wrapped, "imported").plain_text)
    for sentence in entry["must_keep"]:
        assert squeezed(sentence) in kept, sentence[:40]
    for chrome in ("Omnivore", "Cubox", "仅供查阅学习", "ICP备", "订户"):
        if any(chrome in piece for piece in head + tail):
            assert chrome not in kept
