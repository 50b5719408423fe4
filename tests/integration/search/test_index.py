"""The search engine on the real corpus: literal recall against a plain substring scan, folding,
filters, syntax, offsets, incremental updates and a crashed index."""

from __future__ import annotations

import random
import shutil
import sqlite3
import threading
from dataclasses import replace
from pathlib import Path

import pytest

from desktop_app.corpus.model import Article
from desktop_app.corpus.pipeline import parse_text
from desktop_app.folding import fold_text
from desktop_app.search.block_table import TABLE_FILE, speaker_line
from desktop_app.search.index import META_FILE, SearchIndex
from desktop_app.search.schema import SCHEMA_VERSION

A000, A003 = "000_5b4e62939488a476", "003_dc324faea7d1abe7"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, corpus: dict[str, Article]) -> SearchIndex:
    folder = tmp_path_factory.mktemp("search")
    index = SearchIndex(folder / "index", folder / "cache")
    index.update(corpus.values())
    return index


_FOLDED: dict[int, list[tuple[str, int, str, str]]] = {}


def shown_texts(corpus: dict[str, Article]) -> list[tuple[str, int, str, str]]:
    """Every text the reader shows: block texts and each turn's speaker line above its first block."""
    shown = []
    for article in corpus.values():
        starts = {turn.block: turn.speaker for turn in article.turns}
        for index, block in enumerate(article.blocks):
            if index in starts:
                shown.append((article.id, index, "speaker", speaker_line(article, starts[index])))
            shown.append((article.id, index, "text", block.text))
    return shown


def scan(corpus: dict[str, Article], needle: str, part: str | None = "text") -> set[tuple[str, int]]:
    """What a user would otherwise do: a plain substring scan over the folded texts (of one part)."""
    texts = _FOLDED.setdefault(
        id(corpus), [(a, i, p, fold_text(text, scripts=True)) for a, i, p, text in shown_texts(corpus)]
    )
    folded = fold_text(needle, scripts=True)
    return {(article, index) for article, index, kind, text in texts if folded in text and part in (None, kind)}


def test_literal_recall_equals_substring_scan_for_thousands_of_substrings(
    built: SearchIndex, corpus: dict[str, Article]
) -> None:
    generator = random.Random(20261123)
    blocks = shown_texts(corpus)
    checked = 0
    while checked < 2000:
        _, _, _, text = generator.choice(blocks)
        length = generator.choice([1, 2, 3, 3, 4, 5, 6, 8, 12])
        if len(text) < length:
            continue
        start = generator.randrange(len(text) - length + 1)
        needle = text[start : start + length]
        if not fold_text(needle) or '"' in needle or needle.startswith("-") or ":" in needle or " " in needle.strip():
            continue
        hits = built.search(needle, limit=0)
        for part in ("text", "speaker"):
            found = {(hit.article, hit.block) for hit in hits if hit.part == part}
            expected = scan(corpus, needle, part)
            assert expected <= found, needle
            # More only where the other script's phrasing of the needle is there (信息 in 資訊's place).
            for hit in hits:
                if hit.part == part and (hit.article, hit.block) not in expected:
                    assert hit.matches and fold_text(needle, True) not in fold_text(hit.text, True), needle
        checked += 1


@pytest.mark.parametrize("needle", ["国人的", "北美的商业", "价值，并且打破", "比如游戏", "AlphaGo"])
def test_cross_boundary_literals(built: SearchIndex, corpus: dict[str, Article], needle: str) -> None:
    hits = built.search(needle, limit=0)
    assert hits and {(h.article, h.block) for h in hits} == scan(corpus, needle)


@pytest.mark.parametrize(("query", "expected"), [("AI绘画", "AI 绘画"), ("chatgpt", "ChatGPT"), ("ＡＩＧＣ", "AIGC")])
def test_case_width_and_space_folding(built: SearchIndex, query: str, expected: str) -> None:
    hits = built.search(query, limit=0)
    texts = [h.text[s:e] for h in hits for s, e in h.matches]
    assert expected in texts


def test_offsets_slice_exactly_the_matched_text(built: SearchIndex) -> None:
    for query in ("大模型", "AI 绘画", "chatgpt", "中国 机会", "Jasper.ai"):
        hits = built.search(query, limit=0)
        assert hits, query
        terms = [fold_text(t) for t in query.split()]
        for hit in hits:
            assert hit.matches
            for start, end in hit.matches:
                assert fold_text(hit.text[start:end]) in terms
                assert hit.text[start:end] == hit.text[start:end].strip()
            first = hit.matches[0]
            assert hit.text[first[0] : first[1]] in hit.snippet


def test_and_semantics_exclusion_and_phrase(built: SearchIndex, corpus: dict[str, Article]) -> None:
    both = {(h.article, h.block) for h in built.search("大模型 游戏", limit=0) if h.part == "text"}
    assert both == scan(corpus, "大模型") & scan(corpus, "游戏")
    without = {(h.article, h.block) for h in built.search("大模型 -游戏", limit=0) if h.part == "text"}
    assert without == scan(corpus, "大模型") - scan(corpus, "游戏")
    phrase = {(h.article, h.block) for h in built.search('"大力 出奇迹"', limit=0) if h.part == "text"}
    assert phrase == scan(corpus, "大力出奇迹")


def test_filters(built: SearchIndex, corpus: dict[str, Article]) -> None:
    by_speaker = built.search("中国", speaker="黄民烈", limit=0)
    assert by_speaker and all(h.speaker == "黄民烈" for h in by_speaker)
    assert {(h.article, h.block) for h in built.search("speaker:黄民烈 中国", limit=0)} == {
        (h.article, h.block) for h in by_speaker
    }
    in_article = built.search("大模型", article=A003, limit=0)
    assert in_article and all(h.article == A003 for h in in_article)
    topic = built.search(f"article:{A003} topic:0", limit=0)
    assert {h.block for h in topic} == {i for i, b in enumerate(corpus[A003].blocks) if b.topic == 0}
    assert built.search("中国", speaker="没有这个人", limit=0) == []


def test_ranking_and_limit(built: SearchIndex) -> None:
    hits = built.search("大模型", limit=8)
    assert len(hits) == 8
    parts = [h.part for h in hits]
    assert "speaker" in parts and parts == sorted(parts, key=lambda part: part != "speaker")  # speaker lines first
    texts = [h.score for h in hits if h.part == "text"]
    assert texts == sorted(texts, reverse=True)
    assert len(built.search("大模型", limit=0)) > 5


def test_bad_syntax_never_raises(built: SearchIndex) -> None:
    for query in ['"大模型', "speaker:", "topic:x", "-", "((", "*", "AND OR NOT", "a:b:c", "\\"]:
        built.search(query, limit=0)
    assert built.search("   ") == []


def test_incremental_update_touches_only_changed_articles(tmp_path: Path, corpus: dict[str, Article]) -> None:
    index = SearchIndex(tmp_path / "index", tmp_path / "cache")
    first = index.update(corpus.values())
    assert first.rebuilt_because == "no index yet" and len(first.added) == 5
    again = SearchIndex(tmp_path / "index", tmp_path / "cache").update(corpus.values())
    assert not again.changed and again.rebuilt_because is None

    changed = parse_text(A000, "# 新文章\n\n独一无二的新句子。\n")
    articles = [changed if a.id == A000 else a for a in corpus.values() if a.id != A003]
    report = index.update(articles)
    assert report.updated == [A000] and report.removed == [A003] and report.added == []
    assert [h.article for h in index.search("独一无二的新句子")] == [A000]
    assert index.search("北美的商业", article=A000) == []
    assert index.search("金磊", limit=0) == [] or all(h.article != A003 for h in index.search("金磊", limit=0))


@pytest.mark.parametrize(
    "damage",
    [
        "half-written",
        "old-schema",
        "garbage",
        "no-meta",
        "table-garbage",
        "table-missing",
        "articles-not-a-map",
        "table-infinite",
        "table-emptied",
        "index-is-a-file",
        "cache-is-a-file",
    ],
)
def test_a_damaged_index_is_detected_and_rebuilt(tmp_path: Path, corpus: dict[str, Article], damage: str) -> None:
    index = SearchIndex(tmp_path / "cache" / "index", tmp_path / "cache")
    index.update(corpus.values())
    index.close()
    folder = index.generation_dir
    meta = folder / META_FILE
    if damage == "articles-not-a-map":
        meta.write_text(meta.read_text().split('"articles"')[0] + '"articles": 5}')
    elif damage == "table-infinite":
        with sqlite3.connect(folder / TABLE_FILE) as connection:
            connection.execute("PRAGMA ignore_check_constraints = ON")
            connection.execute("UPDATE rows SET topic = -1 WHERE seq = 0")
    elif damage == "table-emptied":
        with sqlite3.connect(folder / TABLE_FILE) as connection:
            connection.execute("DELETE FROM rows")
    elif damage == "index-is-a-file":
        shutil.rmtree(tmp_path / "cache" / "index")
        (tmp_path / "cache" / "index").write_text("not a folder")
    elif damage == "cache-is-a-file":
        shutil.rmtree(tmp_path / "cache")
        (tmp_path / "cache").write_text("not a folder")
    elif damage == "half-written":
        meta.write_text(meta.read_text().replace('"complete": true', '"complete": false'))
    elif damage == "old-schema":
        meta.write_text(meta.read_text().replace(f'"schema": {SCHEMA_VERSION}', '"schema": 0'))
    elif damage == "garbage":
        for segment in folder.glob("*.seg"):
            segment.write_bytes(b"\x00garbage")
        for toc in folder.glob("_MAIN_*.toc"):
            toc.write_bytes(b"garbage")
    elif damage == "table-garbage":
        (folder / TABLE_FILE).write_bytes(b"SQLite format 3\x00" + b"garbage" * 300)
    elif damage == "table-missing":
        (folder / TABLE_FILE).unlink()
    else:
        meta.unlink()
    reopened = SearchIndex(tmp_path / "cache" / "index", tmp_path / "cache")
    assert reopened.problem() is not None
    report = reopened.update(corpus.values())
    assert report.rebuilt_because is not None and len(report.added) == 5
    assert reopened.search("北美的商业")


def test_searching_while_indexing_is_safe(tmp_path: Path, corpus: dict[str, Article]) -> None:
    index = SearchIndex(tmp_path / "index", tmp_path / "cache")
    index.update(corpus.values())
    errors: list[BaseException] = []

    def keep_searching() -> None:
        try:
            for _ in range(30):
                index.search("大模型", limit=0)
        except BaseException as error:  # noqa: BLE001 - the test reports whatever went wrong
            errors.append(error)

    reader = threading.Thread(target=keep_searching)
    reader.start()
    variants = [replace(a, title=a.title + "（修订）") for a in corpus.values()]
    index.update(variants)
    index.update(corpus.values(), rebuild=True)
    reader.join()
    assert errors == []
    assert index.search("北美的商业")


def test_a_big_update_segments_in_forked_workers_with_the_same_results(
    tmp_path: Path, corpus: dict[str, Article], built: SearchIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app.search import index as index_module

    monkeypatch.setattr(index_module, "PARALLEL_THRESHOLD", 1)  # the five articles go to the process pool
    parallel = SearchIndex(tmp_path / "index", tmp_path / "cache")
    parallel.update(corpus.values())
    for query in ("大模型", "北美的商业", "speaker:陈石 中国", "数据"):
        assert [(h.article, h.block) for h in parallel.search(query)] == [
            (h.article, h.block) for h in built.search(query)
        ]


def test_a_search_during_a_build_answers_over_the_articles_written_so_far(
    tmp_path: Path, corpus: dict[str, Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app.search import index as index_module

    monkeypatch.setattr(index_module, "BATCH_ARTICLES", 2)
    index = SearchIndex(tmp_path / "index", tmp_path / "cache")
    articles = list(corpus.values())
    seen: list[tuple[int, int, set[str], tuple[int, int] | None]] = []

    def progress(done: int, total: int) -> None:  # called after each batch, as the window's dock is
        found = {hit.article for hit in index.search("AIGC", limit=0)}
        seen.append((done, total, found, index.progress))

    index.update(articles, progress=progress)
    assert [(done, total) for done, total, _, _ in seen] == [(2, 5), (4, 5), (5, 5)]
    assert seen[0][2] == {a.id for a in articles[:2]} and seen[1][2] == {a.id for a in articles[:4]}
    assert seen[2][2] == set(corpus) and seen[0][3] == (2, 5)
    assert index.progress is None and index.problem() is None  # whole, and CURRENT names it
    assert {hit.article for hit in SearchIndex(tmp_path / "index", tmp_path / "cache").search("AIGC", limit=0)} == set(
        corpus
    )


def test_small_updates_merge_their_own_segments_and_never_rewrite_a_builds(
    tmp_path: Path, corpus: dict[str, Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    # whoosh's own merge policy, a few small updates after a build of 10,000 articles, rewrote
    # the whole index for one article (155 s). The build's segments must stay as they are.
    from whoosh.index import open_dir

    from desktop_app.search import index as index_module

    monkeypatch.setattr(index_module, "BATCH_ARTICLES", 1)  # the build: a segment an article
    monkeypatch.setattr(index_module, "SMALL_SEGMENT_DOCS", 20)
    monkeypatch.setattr(index_module, "MOST_SMALL_SEGMENTS", 3)
    index = SearchIndex(tmp_path / "index", tmp_path / "cache")
    articles = list(corpus.values())
    index.update(articles)

    def segments() -> dict[str, int]:
        whoosh_index = open_dir(str(index.generation_dir))
        try:
            return {segment.segment_id(): segment.doc_count_all() for segment in whoosh_index._segments()}  # noqa: SLF001
        finally:
            whoosh_index.close()

    built = segments()
    assert len(built) == 5 and all(count >= 20 for count in built.values())
    for number in range(12):
        articles.append(parse_text(f"new_{number:02d}", f"# 新文章 {number}\n\n第{number}句独有的话。\n"))
        assert index.update(articles).added == [f"new_{number:02d}"]
        now = segments()
        assert built.items() <= now.items()  # never merged, never rewritten
        assert len(now) - len(built) <= 3 + 1  # the small ones are merged once there are more than three
    assert len(segments()) < len(built) + 12
    assert [hit.article for hit in index.search("第7句独有的话")] == ["new_07"]
    assert {hit.article for hit in index.search("独有的话", limit=0)} == {f"new_{n:02d}" for n in range(12)}
