"""list, show, outline, import: the library from the command line."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop_app.cli.output import fail, print_json, shown
from desktop_app.session import Session


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    listing = commands.add_parser("list", help="list the articles in the library")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler=run_list)

    show = commands.add_parser("show", help="print an article")
    show.add_argument("id", help="article id (see 'list')")
    form = show.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true", help="print the structured article as JSON")
    form.add_argument("--text", action="store_true", help="print the clean plain text")
    show.add_argument(
        "--removed", action="store_true", help="what cleaning removed, with the rule and where (with --json: JSON)"
    )
    show.set_defaults(handler=run_show)

    outline = commands.add_parser("outline", help="print an article's topics, speakers and turns")
    outline.add_argument("id")
    outline.add_argument("--json", action="store_true")
    outline.set_defaults(handler=run_outline)

    importing = commands.add_parser("import", help="import articles (HTML, Markdown or plain text)")
    importing.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    importing.add_argument("--json", action="store_true")
    importing.set_defaults(handler=run_import)


def run_list(args: argparse.Namespace, session: Session) -> int:
    articles = session.library.articles()
    if args.json:
        print_json([article.summary_json() for article in articles])
        return 0
    for article in articles:
        details = " · ".join(filter(None, [article.date, f"{len(article.speakers)} 位发言人", f"{article.chars} 字"]))
        print(shown(f"{article.id}  {article.title}\n    {details}"))
    return 0


def run_show(args: argparse.Namespace, session: Session) -> int:
    article = session.library.get(args.id)
    if args.removed:
        removed = [{"block_before": r.after, "text": r.text, "rule": r.rule} for r in article.removed]
        if args.json:
            print_json(removed)
        else:
            for item in removed:
                where = "at the top" if item["block_before"] is None else f"after block {item['block_before']}"
                print(shown(f"[{item['rule']}, {where}] {item['text']}"))
        return 0
    if args.json:
        print_json(article.document_json())
    elif args.text:
        print(article.plain_text)
    else:
        header = [article.title, " · ".join(filter(None, [article.publisher, article.date, article.source_url]))]
        print(shown("\n".join(line for line in header if line)) + "\n")
        print(article.plain_text)
    return 0


def run_outline(args: argparse.Namespace, session: Session) -> int:
    article = session.library.get(args.id)
    from desktop_app.corpus.outline_confidence import assess  # not loaded for the other commands

    outline = article.outline_json()
    confidence = assess(article, tagger=True)
    if args.json:
        print_json({**outline, "confidence": confidence.to_json()})
        return 0
    print(shown(article.title))
    for number, topic in enumerate(outline["topics"]):
        print(shown(f"  {topic['title']}"))
        speakers = dict.fromkeys(t["speaker"] for t in outline["turns"] if t["topic"] == number)
        if speakers:
            print(shown("    " + "、".join(speakers)))
    if outline["speakers"]:
        print("发言人:")
        for speaker in outline["speakers"]:
            extra = "，".join(filter(None, [speaker["affiliation"], speaker["role"], f"{speaker['turns']} 次发言"]))
            print(shown(f"  {speaker['name']}（{extra}）"))
    if confidence.uncertain:
        print(shown(f"大纲把握: {confidence.level}（{'；'.join(confidence.reasons) or '—'}）"))
        for suggestion in confidence.suggestions:
            print(shown(f"  建议: aigc-reader correct {article.id} {suggestion.op} {' '.join(suggestion.values)}"))
    return 0


def run_import(args: argparse.Namespace, session: Session) -> int:
    from desktop_app.corpus.outline_confidence import assess

    outcomes = session.library.import_paths(args.paths)
    failures = [outcome for outcome in outcomes if outcome.error]
    imported = [outcome for outcome in outcomes if outcome.article]
    if args.json:
        print_json(
            [
                {
                    "path": str(o.path),
                    "id": o.article.id if o.article else None,
                    "title": o.article.title if o.article else None,
                    "replaced": o.replaced,
                    "error": o.error,
                    **(o.article.import_report_json() if o.article else {}),
                    **({"confidence": assess(o.article, tagger=True).to_json()} if o.article else {}),
                }
                for o in outcomes
            ]
        )
    else:
        for outcome in imported:
            assert outcome.article is not None
            verb = "replaced" if outcome.replaced else "imported"
            print(shown(f"{verb} {outcome.article.id}: {outcome.article.title}"))
    for outcome in failures:
        fail(str(outcome.error))
    return 1 if failures else 0
