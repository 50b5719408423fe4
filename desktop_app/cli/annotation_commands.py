"""annotate (add, list, edit, rm, restore), export, import-annotations and open: a user's
highlights and notes from the command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlsplit

from desktop_app.annotations.colors import COLORS, DEFAULT_COLOR, shown_name
from desktop_app.cli.output import fail, print_json, shown
from desktop_app.cli.parsing import OneLineParser
from desktop_app.errors import DataError
from desktop_app.export.formats import ExportFormat
from desktop_app.session import Session

if TYPE_CHECKING:
    from desktop_app.annotations.model import Placed

# The annotation modules are imported by the handlers that use them: building the parser must
# stay cheap, because the window's start goes through it too.


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    annotate = commands.add_parser("annotate", help="add, list, edit or remove highlights and notes")
    actions = annotate.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=OneLineParser)

    add = actions.add_parser("add", help="highlight a quote of an article")
    add.add_argument("--article", required=True, metavar="ID")
    add.add_argument("--quote", required=True, metavar="TEXT", help="text as it stands in the article")
    add.add_argument("--occurrence", type=int, default=1, metavar="N", help="which occurrence (from 1)")
    add.add_argument("--note", default="", metavar="TEXT")
    add.add_argument("--color", default=DEFAULT_COLOR, choices=COLORS)
    add.add_argument("--tag", action="append", default=[], metavar="T", help="a tag (repeatable)")
    add.add_argument("--json", action="store_true")
    add.set_defaults(handler=run_add)

    listing = actions.add_parser("list", help="list annotations in reading order")
    listing.add_argument("--article", metavar="ID")
    listing.add_argument("--tag", metavar="T")
    listing.add_argument(
        "--search", metavar="TEXT", help="in quotes and notes (ignores case, width, spaces and Simplified/Traditional)"
    )
    listing.add_argument("--exact-script", action="store_true", help="--search in the typed script only")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=run_list)

    edit = actions.add_parser("edit", help="change an annotation's note, color or tags")
    edit.add_argument("id", help="annotation id (or an unambiguous prefix of at least 4 characters)")
    edit.add_argument("--note", metavar="TEXT")
    edit.add_argument("--color", choices=COLORS)
    edit.add_argument("--tag", action="append", metavar="T", help="replaces the tags (repeatable)")
    edit.add_argument("--no-tags", action="store_true", help="removes every tag")
    edit.add_argument("--json", action="store_true")
    edit.set_defaults(handler=run_edit)

    reattach = actions.add_parser("reattach", help="attach an (orphaned) annotation to a new passage")
    reattach.add_argument("id", help="annotation id (or an unambiguous prefix of at least 4 characters)")
    reattach.add_argument("--quote", required=True, metavar="TEXT", help="the passage, as in 'annotate add'")
    reattach.add_argument("--occurrence", type=int, default=1, metavar="N", help="which occurrence (from 1)")
    reattach.add_argument("--json", action="store_true")
    reattach.set_defaults(handler=run_reattach)

    remove = actions.add_parser("rm", help="delete an annotation")
    remove.add_argument("id")
    remove.add_argument("--json", action="store_true")
    remove.set_defaults(handler=run_remove)

    restore = actions.add_parser("restore", help="bring back annotations from the backups and damaged databases")
    restore.add_argument(
        "--from",
        dest="source",
        type=Path,
        metavar="FILE",
        help="a backup to restore (see 'annotate backups'; default: the newest)",
    )
    restore.add_argument("--json", action="store_true")
    restore.set_defaults(handler=run_restore)

    backups = actions.add_parser("backups", help="list the automatic backups of the annotations")
    backups.add_argument("--json", action="store_true")
    backups.set_defaults(handler=run_backups)

    export = commands.add_parser("export", help="export annotations as Markdown or Web Annotation JSON")
    export.add_argument("--format", choices=[format_.value for format_ in ExportFormat], default=ExportFormat.MARKDOWN)
    export.add_argument("--article", metavar="ID")
    export.add_argument("--output", type=Path, metavar="FILE", help="write here instead of standard output")
    export.set_defaults(handler=run_export)

    importing = commands.add_parser("import-annotations", help="import a Web Annotation JSON file (idempotent)")
    importing.add_argument("file", type=Path, metavar="FILE")
    importing.add_argument("--json", action="store_true")
    importing.set_defaults(handler=run_import)

    opening = commands.add_parser("open", help="open an aigc-reader://open?article=ID&block=N link")
    opening.add_argument("url", metavar="URL")
    opening.add_argument("--json", action="store_true", help="print where it points instead of opening the window")
    opening.set_defaults(handler=run_open)


def _describe(placed: Placed) -> str:

    a, p = placed.annotation, placed.placement
    where = f"{a.article} {p.start}–{p.end}" if p.start is not None else f"{a.article} (orphaned)"
    extras = " · ".join(filter(None, [shown_name(a.color), p.speaker, " ".join(f"#{t}" for t in a.tags)]))
    lines = [f"{a.id[:8]}  {where}  {extras}", f"    「{a.anchor.quote}」"]
    lines += [f"    {line}" for line in a.note.splitlines()]
    return shown("\n".join(lines))


def _print(placed: list[Placed], as_json: bool) -> None:
    if as_json:
        print_json([p.to_json() for p in placed])
    else:
        print("\n".join(_describe(p) for p in placed) if placed else "no annotations")


def run_add(args: argparse.Namespace, session: Session) -> int:
    placed = session.annotations.add_quote(args.article, args.quote, args.occurrence, args.note, args.color, args.tag)
    if args.json:
        print_json(placed.to_json())
    else:
        print(f"saved {_describe(placed)}")
    return 0


def run_list(args: argparse.Namespace, session: Session) -> int:
    if args.article:
        session.library.get(args.article)
    _print(session.annotations.list(args.article, args.tag, args.search, not args.exact_script), args.json)
    return 0


def run_edit(args: argparse.Namespace, session: Session) -> int:
    if args.tag is not None and args.no_tags:
        return fail("give --tag or --no-tags, not both", 2)
    tags = [] if args.no_tags else args.tag
    if args.note is None and args.color is None and tags is None:
        return fail("nothing to change: give --note, --color, --tag or --no-tags", 2)
    placed = session.annotations.edit(args.id, args.note, args.color, tags)
    if args.json:
        print_json(placed.to_json())
    else:
        print(f"saved {_describe(placed)}")
    return 0


def run_reattach(args: argparse.Namespace, session: Session) -> int:
    placed = session.annotations.reattach(args.id, args.quote, args.occurrence)
    if args.json:
        print_json(placed.to_json())
    else:
        print(shown(f"reattached {_describe(placed)}"))
    return 0


def run_remove(args: argparse.Namespace, session: Session) -> int:
    removed = session.annotations.remove(args.id)
    if args.json:
        print_json({"removed": removed.id})
    else:
        print(shown(f"removed {removed.id[:8]} 「{removed.anchor.quote}」"))
    return 0


def run_restore(args: argparse.Namespace, session: Session) -> int:
    from desktop_app.annotations.recovery import restore

    session.paths.ensure_private_dir(session.paths.user_dir)
    report = restore(session.paths.annotations_db, args.source)
    if args.json:
        print_json(report.to_json())
    else:
        print(report.describe())
    return 0


def run_backups(args: argparse.Namespace, session: Session) -> int:
    from desktop_app.annotations.backups import Backups

    generations = Backups(session.paths.annotations_db).generations()
    if args.json:
        print_json([{"path": str(g.path), "taken": g.taken, "count": g.held, "pinned": g.pinned} for g in generations])
    else:
        print(
            "\n".join(f"{g.path}  {g.describe()}{'  (restore point)' if g.pinned else ''}" for g in generations)
            or "no backups yet"
        )
    return 0


def run_export(args: argparse.Namespace, session: Session) -> int:
    from desktop_app.export.document import export_document

    if args.article:
        session.library.get(args.article)
    document, count = export_document(session.annotations, ExportFormat(args.format), args.article)
    if args.output is None:
        sys.stdout.write(document)
        return 0
    from desktop_app.files import write_atomically

    try:
        write_atomically(args.output, document.encode("utf-8"))
    except OSError as error:
        raise DataError(f"cannot write {args.output}: {error.strerror or error}") from None
    print(f"exported {count} annotation(s) to {args.output}", file=sys.stderr)
    return 0


def run_import(args: argparse.Namespace, session: Session) -> int:
    from desktop_app.export.web_annotation import from_json_text

    try:
        text = args.file.read_text(encoding="utf-8-sig")  # a byte-order mark is no reason to refuse
    except (OSError, UnicodeDecodeError) as error:
        return fail(f"cannot read {args.file}: {getattr(error, 'strerror', None) or error}")
    annotations = from_json_text(text)
    added = session.annotations.import_annotations(annotations)
    if args.json:
        print_json({"added": len(added), "skipped": len(annotations) - len(added)})
    else:
        print(f"{len(added)} added, {len(annotations) - len(added)} already there")
    return 0


def parse_open_url(url: str) -> tuple[str, int | None]:
    """(article id, block or None) of an aigc-reader://open link; DataError when it is not one."""
    expected = f"not an aigc-reader link: {url[:200]!r} (expected aigc-reader://open?article=ID&block=N)"
    try:
        parts = urlsplit(url)
    except ValueError:
        raise DataError(expected) from None
    query = parse_qs(parts.query)
    if parts.scheme != "aigc-reader" or parts.netloc != "open" or "article" not in query:
        raise DataError(expected)
    block = query.get("block", [None])[0]
    # ASCII digits only ('²' is a digit to str.isdigit), and few enough to be a block number.
    if block is not None and not (block.isascii() and block.isdigit() and len(block) <= 9):
        raise DataError(f"block must be a block number in {url[:200]!r}")
    return query["article"][0], None if block is None else int(block)


def run_open(args: argparse.Namespace, session: Session) -> int:
    article_id, block = parse_open_url(args.url)
    article = session.library.get(article_id)
    if block is not None and block >= len(article.blocks):
        raise DataError(f"article {article_id} has {len(article.blocks)} blocks; there is no block {block}")
    if args.json:
        chosen = article.blocks[block] if block is not None else None
        print_json(
            {
                "article": article.id,
                "title": article.title,
                "block": block,
                "speaker": chosen.speaker if chosen else None,
                "topic": chosen.topic if chosen else None,
                "text": chosen.text if chosen else None,
            }
        )
        return 0
    from desktop_app.app import run_gui

    return int(run_gui(session.paths, sys.argv[:1], open_at=(article_id, block)))
