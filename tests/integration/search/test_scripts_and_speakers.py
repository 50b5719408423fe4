"""What the reader shows is what search finds: speaker lines (name and affiliation) as text,
and either script (數字人 finds 数字人, 人工智慧 finds 人工智能), with offsets into the original."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import opencc
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from desktop_app.corpus.model import Article
from desktop_app.folding import fold_text
from desktop_app.search.index import HitPart, SearchIndex

A001 = "001_dc22e9bd72705afd"  # AIGC如此火爆，有何机会？ (李笛 of 小冰 speaks twice)
TAIWAN = "900_traditional_taiwan"


def traditional(article: Article) -> Article:
    """The article as a Taiwan publication would print it (OpenCC s2twp: characters and vocabulary)."""
    convert = opencc.OpenCC("s2twp").convert
    blocks = tuple(block._replace(text=convert(block.text)) for block in article.blocks)
    return replace(article, id=TAIWAN, title=convert(article.title), blocks=blocks)


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory, corpus: dict[str, Article]) -> SearchIndex:
    folder = tmp_path_factory.mktemp("scripts")
    built = SearchIndex(folder / "index", folder / "cache")
    built.update([*corpus.values(), traditional(corpus["000_5b4e62939488a476"])])
    return built


def test_a_speakers_name_finds_their_turns_first_with_the_name_as_the_match(
    index: SearchIndex, corpus: dict[str, Article]
) -> None:
    hits = index.search("李笛", limit=20)
    turns = [turn.block for turn in corpus[A001].turns if turn.speaker == "李笛"]
    assert len(turns) == 2
    first = hits[: len(turns)]
    assert [(h.article, h.block, h.part) for h in first] == [(A001, block, HitPart.SPEAKER) for block in turns]
    assert all(h.text[s:e] == "李笛" for h in first for s, e in h.matches)


def test_an_affiliation_finds_the_speakers_turns(index: SearchIndex) -> None:
    hits = [h for h in index.search("小冰", limit=0) if h.part == HitPart.SPEAKER]
    assert hits and {h.speaker for h in hits} == {"李笛"}
    assert all("小冰" in h.text[s:e] for h in hits for s, e in h.matches)


def test_the_speaker_filter_and_exclusion_still_apply_to_speaker_lines(index: SearchIndex) -> None:
    assert all(h.speaker == "李笛" for h in index.search("speaker:李笛 小冰", limit=0))
    assert not [h for h in index.search("小冰 -李笛", limit=0) if h.part == HitPart.SPEAKER]


@pytest.mark.parametrize(("typed", "simplified"), [("數字人", "数字人"), ("人工智慧", "人工智能"), ("軟體", "软件")])
def test_traditional_queries_find_simplified_text(index: SearchIndex, typed: str, simplified: str) -> None:
    wanted = {(h.article, h.block, h.part) for h in index.search(simplified, limit=0) if not h.article == TAIWAN}
    found = {(h.article, h.block, h.part) for h in index.search(typed, limit=0)}
    assert wanted and wanted <= found
    for hit in index.search(typed, limit=0):
        if hit.article != TAIWAN:  # offsets slice the original (Simplified) text
            assert any(simplified == hit.text[s:e] for s, e in hit.matches)


def test_simplified_queries_find_traditional_text_in_its_own_vocabulary(index: SearchIndex) -> None:
    in_taiwan = [h for h in index.search("人工智能", limit=0) if h.article == TAIWAN]
    assert in_taiwan and all(h.text[s:e] == "人工智慧" for h in in_taiwan for s, e in h.matches)
    # Taiwan's 影片 (a video) is found by 视频 in Traditional text, never in Simplified text.
    assert all(h.article == TAIWAN for h in index.search("视频", limit=0) if "影片" in h.text)


def test_exact_script_search_finds_only_the_typed_script(index: SearchIndex) -> None:
    simplified = index.search("数字人", limit=0, across_scripts=False)
    assert simplified and all(h.article != TAIWAN for h in simplified)
    traditional = index.search("數字人", limit=0, across_scripts=False)
    assert all(h.article == TAIWAN and h.text[s:e] == "數字人" for h in traditional for s, e in h.matches)
    assert len(index.search("數字人", limit=0)) > len(traditional)


def _span(article: Article, data: st.DataObject) -> tuple[int, str]:
    blocks = [(n, b.text) for n, b in enumerate(article.blocks) if len(b.text) >= 2]
    number, text = data.draw(st.sampled_from(blocks))
    start = data.draw(st.integers(0, len(text) - 2))
    end = data.draw(st.integers(start + 1, min(len(text), start + 10)))
    return number, text[start:end]


@settings(max_examples=150, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_random_substrings_of_a_traditional_article_are_found_in_either_script(
    index: SearchIndex, corpus: dict[str, Article], data: st.DataObject
) -> None:
    article = traditional(corpus["000_5b4e62939488a476"])
    block, needle = _span(article, data)
    assume(fold_text(needle) and '"' not in needle and not needle.startswith("-") and ":" not in needle)
    assume(" " not in needle.strip())
    for query in (needle, opencc.OpenCC("t2s").convert(needle), opencc.OpenCC("tw2sp").convert(needle)):
        hits = [h for h in index.search(query, article=TAIWAN, limit=0) if h.part == HitPart.TEXT]
        assert block in {h.block for h in hits}, (needle, query)
        hit = next(h for h in hits if h.block == block)
        # Offsets slice the original Traditional text, which folds to what the needle folds to.
        text = article.blocks[block].text
        assert all(0 <= s < e <= len(text) for s, e in hit.matches)
        assert any(fold_text(text[s:e], True) == fold_text(needle, True) for s, e in hit.matches) or query != needle


@settings(max_examples=100, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_random_substrings_of_a_simplified_article_are_found_in_traditional(
    index: SearchIndex, corpus: dict[str, Article], data: st.DataObject
) -> None:
    article = corpus["003_dc324faea7d1abe7"]
    block, needle = _span(article, data)
    assume(fold_text(needle) and '"' not in needle and not needle.startswith("-") and ":" not in needle)
    assume(" " not in needle.strip())
    query = opencc.OpenCC("s2t").convert(needle)
    assume(opencc.OpenCC("t2s").convert(query) == needle)  # a Traditional form OpenCC reads back as the needle
    hits = [h for h in index.search(query, article=article.id, limit=0) if h.part == HitPart.TEXT]
    hit = next(h for h in hits if h.block == block)
    text = article.blocks[block].text
    assert needle.strip() in {text[s:e] for s, e in hit.matches}


def test_a_new_opencc_table_rebuilds_the_index(tmp_path: Path, corpus: dict[str, Article]) -> None:
    import json

    built = SearchIndex(tmp_path / "index", tmp_path / "cache")
    built.update(corpus.values())
    meta_path = built.generation_dir / "aigc-index.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["scripts"] = "an older table"
    meta_path.write_text(json.dumps(meta), encoding="utf-8")
    report = SearchIndex(tmp_path / "index", tmp_path / "cache").update(corpus.values())
    assert report.rebuilt_because == "the Simplified/Traditional tables changed (a new OpenCC)"
