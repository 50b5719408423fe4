"""jieba in search mode, with the user dictionary: long words and their parts."""

from __future__ import annotations

from pathlib import Path

from desktop_app.search import segmenter


def test_search_mode_gives_a_compound_and_its_parts(tmp_path: Path) -> None:
    segmenter.ensure_loaded(tmp_path)
    words = segmenter.words("生成式人工智能")
    assert {"人工智能", "人工", "智能", "生成式"} <= set(words)
    assert segmenter.is_loaded()
