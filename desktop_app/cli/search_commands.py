"""index and search from the command line."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.cli.output import fail, print_json, shown
from desktop_app.search import snippets
from desktop_app.session import Session

if TYPE_CHECKING:
    from desktop_app.search.index import UpdateReport


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    index = commands.add_parser("index", help="build or update the search index")
    index.add_argument("--rebuild", action="store_true", help="rebuild from nothing")
    index.add_argument("--json", action="store_true")
    index.set_defaults(handler=run_index)

    search = commands.add_parser(
        "search", help='search the library (words AND, "phrase", -exclude, speaker:/article:/topic:)'
    )
    search.add_argument("query", nargs="?", help="the query")
    search.add_argument("--queries-file", type=Path, metavar="F", help="run each line of F as a query (JSON lines)")
    search.add_argument("--speaker", metavar="NAME")
    search.add_argument("--article", metavar="ID")
    search.add_argument("--limit", type=int, default=20, metavar="N", help="at most N hits, 0 for all (default 20)")
    search.add_argument(
        "--exact-script", action="store_true", help="match the typed script only (by default 數字人 finds 数字人)"
    )
    search.add_argument(
        "--annotations", action="store_true", help="search the user's annotations (quotes, notes, tags) instead"
    )
    search.add_argument("--json", action="store_true")
    search.set_defaults(handler=run_search)


def _progress_bar(done: int, total: int) -> None:
    width = 30
    filled = width * done // max(total, 1)
    sys.stderr.write(f"\rindexing [{'#' * filled}{'.' * (width - filled)}] {done}/{total} articles")
    if done >= total:
        sys.stderr.write("\n")
    sys.stderr.flush()


def ensure_index(session: Session, rebuild: bool = False) -> UpdateReport:
    """Brings the index up to date, with a progress bar on a terminal and a line when it had to be
    rebuilt for a reason the user did not ask for."""
    from desktop_app.errors import DataError
    from desktop_app.search.index import UpdateReport

    try:
        report = session.search_index.update(
            session.library.articles(), rebuild=rebuild, progress=_progress_bar if sys.stderr.isatty() else None
        )
    except DataError as error:
        if rebuild or session.search_index.problem() is not None:
            raise
        # The index on disk is whole, only behind: searching it beats refusing to.
        print(f"aigc-reader: warning: search index not updated ({error})", file=sys.stderr)
        return UpdateReport()
    if report.rebuilt_because and not report.rebuilt_because.expected:
        print(f"aigc-reader: search index rebuilt ({report.rebuilt_because})", file=sys.stderr)
    return report


def run_index(args: argparse.Namespace, session: Session) -> int:
    started = time.perf_counter()
    report = ensure_index(session, rebuild=args.rebuild)
    elapsed = (time.perf_counter() - started) * 1000
    summary = {
        "added": report.added,
        "updated": report.updated,
        "removed": report.removed,
        "rebuilt_because": report.rebuilt_because,
        "elapsed_ms": round(elapsed, 1),
    }
    if args.json:
        print_json(summary)
    else:
        if report.rebuilt_because:
            print(f"index built ({report.rebuilt_because})")
        print(
            f"{len(report.added)} added, {len(report.updated)} updated, {len(report.removed)} removed "
            f"in {elapsed:.0f} ms"
        )
    return 0


def _marked_text(text: str, matches: list[tuple[int, int]]) -> str:
    """The snippet with matches in 【】, or bold on a terminal. Marked first and made safe after
    (a note may hold control characters), so that the offsets still point at the matches."""
    if not sys.stdout.isatty():
        return shown(snippets.marked(text, matches, width=160))
    opening, closing = "\ue000", "\ue001"  # private-use: never in the marked text, kept by shown()
    safe = shown(snippets.marked(text, matches, opening, closing, width=160))
    return safe.replace(opening, "\033[1;33m").replace(closing, "\033[0m")


def run_search(args: argparse.Namespace, session: Session) -> int:
    if args.limit < 0:
        return fail("--limit must be 0 (all) or more", 2)
    if (args.query is None) == (args.queries_file is None):
        return fail("give a QUERY or --queries-file F (one of them)", 2)
    if args.article:
        session.library.get(args.article)  # an unknown id is an error, not an empty result
    if args.annotations:
        if args.query is None:
            return fail("--annotations searches one QUERY, not --queries-file", 2)
        return _search_annotations(args, session)
    ensure_index(session)
    index = session.search_index
    if args.queries_file is not None:
        try:
            lines = args.queries_file.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as error:
            return fail(f"cannot read {args.queries_file}: {getattr(error, 'strerror', None) or error}")
        import json

        index.warm_up()  # elapsed_ms is each query's own time, not the one-off load of the table
        for line in filter(None, (line.strip() for line in lines)):
            started = time.perf_counter()
            hits = index.search(line, args.speaker, args.article, args.limit, not args.exact_script)
            elapsed = (time.perf_counter() - started) * 1000
            print(
                json.dumps(
                    {
                        "query": line,
                        "hits": len(hits),
                        "elapsed_ms": round(elapsed, 3),
                        "results": [hit.to_json() for hit in hits],
                    },
                    ensure_ascii=False,
                )
            )
        return 0
    from desktop_app.search.index import HitPart

    hits = index.search(args.query, args.speaker, args.article, args.limit, not args.exact_script)
    if args.json:
        print_json([hit.to_json() for hit in hits])
        return 0
    if not hits:
        print("no results")
    for hit in hits:
        where = " · ".join(filter(None, [hit.article, f"block {hit.block}", hit.speaker]))
        if hit.part == HitPart.SPEAKER:
            where += " · speaker line"
        print(f"{shown(where)}\n    {_marked_text(hit.text, hit.matches)}")
    return 0


def _search_annotations(args: argparse.Namespace, session: Session) -> int:
    """The user's annotations that match, in reading order (the search dock's 批注 group)."""
    from desktop_app.search.annotation_search import search_annotations

    placed = session.annotations.list(args.article)
    hits = search_annotations(placed, args.query, not args.exact_script, args.speaker)
    if args.limit:
        hits = hits[: args.limit]
    if args.json:
        print_json([hit.to_json() for hit in hits])
        return 0
    if not hits:
        print("no annotations")
    for hit in hits:
        a = hit.placed.annotation
        print(f"{shown(f'{a.id[:8]} · {a.article} · {hit.field}')}\n    {_marked_text(hit.text, hit.matches)}")
    return 0
