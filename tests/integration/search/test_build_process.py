"""A long index update written by a child process and followed by this one (the window's way):
the same index as written in place, searches meanwhile over what is written, and a writer that
dies or is stopped loses nothing that was there before."""

from __future__ import annotations

import signal
import sys
import threading
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from desktop_app.corpus.model import Article
from desktop_app.errors import DataError
from desktop_app.search import build_process
from desktop_app.search import index as index_module
from desktop_app.search.block_table import BlockTable
from desktop_app.search.index import RebuildReason, SearchIndex, UpdateReport

QUERIES = ("大模型", "北美的商业", "speaker:陈石 中国", "數字人", "李笛", "-游戏 商业模式")


@pytest.fixture(autouse=True)
def every_update_in_a_child(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(build_process, "CHILD_THRESHOLD", 1)
    monkeypatch.setattr(index_module, "BATCH_ARTICLES", 2)  # set before the fork: the child writes in batches of 2
    monkeypatch.setattr(index_module, "PARALLEL_THRESHOLD", 1)  # and segments them in its own pool of workers


def found(index: SearchIndex, query: str) -> list[tuple[str, int, str, list[tuple[int, int]]]]:
    return [(hit.article, hit.block, hit.text, hit.matches) for hit in index.search(query, limit=0)]


def test_a_child_writes_the_index_this_process_would_and_is_followed_batch_by_batch(
    tmp_path: Path, corpus: dict[str, Article]
) -> None:
    articles = list(corpus.values())
    aside = SearchIndex(tmp_path / "aside", tmp_path / "cache")
    seen: list[tuple[int, int, set[str]]] = []

    def progress(done: int, total: int) -> None:  # on the following thread, as the window's dock is
        seen.append((done, total, {hit.article for hit in aside.search("的", limit=0)}))

    report = build_process.update_aside(aside, articles, progress=progress)
    assert report.rebuilt_because is RebuildReason.NO_INDEX and sorted(report.added) == sorted(corpus)
    assert [(done, total) for done, total, _ in seen] == [(2, 5), (4, 5), (5, 5)]
    # Each batch is searchable here as soon as the child has committed it.
    assert seen[0][2] == {a.id for a in articles[:2]} and seen[1][2] == {a.id for a in articles[:4]}
    assert seen[2][2] == set(corpus)
    assert aside.writer_process is None and aside.problem() is None and aside.progress is None

    in_place = SearchIndex(tmp_path / "in-place", tmp_path / "cache")
    in_place.update(articles)
    for query in QUERIES:
        assert found(aside, query) == found(in_place, query), query
    # The table followed batch by batch is the table on disk.
    followed, on_disk = aside._current_table(), BlockTable.load(aside.generation_dir / "aigc-blocks.sqlite3")  # noqa: SLF001
    assert followed == on_disk

    # An update of some articles (one changed, one removed) is followed in place, too.
    last = articles[0].blocks[-1]._replace(text="独一无二的结尾")
    changed = replace(articles[0], blocks=(*articles[0].blocks[:-1], last))
    report = build_process.update_aside(aside, [changed, *articles[2:]])
    assert (report.updated, report.removed, report.rebuilt_because) == ([changed.id], [articles[1].id], None)
    assert [hit.article for hit in aside.search("独一无二的结尾")] == [changed.id]
    assert articles[1].id not in {hit.article for hit in aside.search("的", limit=0)}
    fresh = SearchIndex(tmp_path / "aside", tmp_path / "cache")  # another process, reading the same files
    for query in QUERIES:
        assert found(fresh, query) == found(aside, query), query


def test_a_writer_that_dies_leaves_the_index_before_it_and_the_next_update_repairs_it(
    tmp_path: Path, corpus: dict[str, Article]
) -> None:
    articles = list(corpus.values())
    index = SearchIndex(tmp_path / "index", tmp_path / "cache")
    index.update(articles[:3])
    before = found(index, "大模型")

    def kill_the_writer(done: int, total: int) -> None:
        index.writer_process.kill()  # as the OOM killer would

    with pytest.raises(DataError, match="stopped before it finished"):
        build_process.update_aside(index, articles, rebuild=True, progress=kill_the_writer)
    assert index.writer_process is None and index.progress is None
    assert found(index, "大模型") == before  # the generation CURRENT names, untouched
    assert build_process.update_aside(index, articles).changed
    assert {hit.article for hit in index.search("的", limit=0)} == set(corpus)


def test_stopping_the_writer_from_the_window_thread_ends_the_update_at_once(
    tmp_path: Path, corpus: dict[str, Article]
) -> None:
    index = SearchIndex(tmp_path / "index", tmp_path / "cache")
    errors: list[BaseException] = []
    first_batch = threading.Event()

    def build() -> None:
        try:
            build_process.update_aside(index, list(corpus.values()), progress=lambda done, total: first_batch.wait(30))
        except DataError as error:
            errors.append(error)

    worker = threading.Thread(target=build)
    worker.start()
    while index.writer_process is None:
        threading.Event().wait(0.01)
    index.stop_writer()  # what the window does as it closes
    first_batch.set()
    worker.join(30)
    assert not worker.is_alive() and len(errors) == 1
    assert index.problem() is not None  # a build cut short is built again next time, never half-trusted


def _sigterm_handling(texts: list[str]) -> list[str]:
    return [str(signal.getsignal(signal.SIGTERM)) for _ in texts]


def test_segmenting_workers_end_on_sigterm_though_the_writer_handles_it(monkeypatch: pytest.MonkeyPatch) -> None:
    # The writer turns SIGTERM into SystemExit; its pool's workers, forked from it, must not:
    # one caught by the signal on its way into the pool's queue lock waited there forever, and
    # the pool on it (seen once in a 10,000-article build).
    monkeypatch.setattr(index_module, "_segment_batch", _sigterm_handling)  # runs in the workers
    previous = signal.signal(signal.SIGTERM, lambda _signal, _frame: sys.exit(1))
    try:
        handling = list(index_module._segmented(["一"] * index_module.PARALLEL_THRESHOLD))  # noqa: SLF001
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert set(handling) == {str(signal.SIG_DFL)}


def test_a_second_update_during_a_build_waits_for_it_instead_of_starting_a_rival(
    tmp_path: Path, corpus: dict[str, Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The window loads the index at start, and again after an import: the second must not
    # find the first's generation half-written and start a rival build.
    children: list[bool] = []
    in_child = build_process._update_in_child  # noqa: SLF001

    def counted(*args: Any) -> UpdateReport:
        children.append(True)
        return in_child(*args)

    monkeypatch.setattr(build_process, "_update_in_child", counted)
    index = SearchIndex(tmp_path / "index", tmp_path / "cache")
    articles = list(corpus.values())
    reports: list[object] = []
    first_batch = threading.Event()

    def first() -> None:
        reports.append(build_process.update_aside(index, articles, progress=lambda done, total: first_batch.set()))

    worker = threading.Thread(target=first)
    worker.start()
    assert first_batch.wait(30)
    second = build_process.update_aside(index, articles)
    worker.join(30)
    assert len(reports) == 1 and not second.changed and second.rebuilt_because is None
    assert children == [True]  # the second found nothing left to write
    assert {hit.article for hit in index.search("的", limit=0)} == set(corpus)


def test_a_short_update_of_a_large_library_is_written_by_a_child_unless_jieba_is_here_already(
    tmp_path: Path, corpus: dict[str, Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    # One imported article must not load jieba's dictionary (~70 MiB) into a window that
    # holds a large library; where jieba is loaded already, or the library is small, it costs
    # nothing, and the article is written in place.
    monkeypatch.setattr(build_process, "CHILD_THRESHOLD", 200)
    monkeypatch.setattr(build_process, "SMALL_LIBRARY", 4)  # five articles: a large library here
    in_child = build_process._update_in_child  # noqa: SLF001
    children: list[int] = []

    def counted(*args: Any) -> UpdateReport:
        children.append(len(args[1]))
        return in_child(*args)

    monkeypatch.setattr(build_process, "_update_in_child", counted)
    articles = list(corpus.values())
    index = SearchIndex(tmp_path / "index", tmp_path / "cache")
    index.update(articles[:4])
    jieba_here = [False]
    monkeypatch.setattr(build_process.segmenter, "is_loaded", lambda: jieba_here[0])
    assert build_process.update_aside(index, articles).added == [articles[4].id]
    assert children == [5]  # the fifth article, written by a child
    assert not build_process.update_aside(index, articles).changed and children == [5]  # nothing to write: no child
    jieba_here[0] = True
    retitled = [replace(articles[0], title="换了标题"), *articles[1:]]
    assert build_process.update_aside(index, retitled).updated == [articles[0].id]
    assert children == [5]  # written in place
    monkeypatch.setattr(build_process, "SMALL_LIBRARY", 10)
    jieba_here[0] = False
    assert build_process.update_aside(index, articles).updated == [articles[0].id]
    assert children == [5]  # a small library: in place too
    assert {hit.article for hit in index.search("的", limit=0)} == set(corpus)
