"""correct: list, add and remove the corrections of an article's outline (corpus/corrections.py)."""

from __future__ import annotations

import argparse

from desktop_app.cli.output import fail, print_json, shown
from desktop_app.corpus.corrections import OPERATIONS, ROLES, Correction, block_key, restore_key
from desktop_app.corpus.model import Article
from desktop_app.errors import DataError
from desktop_app.folding import fold_text
from desktop_app.session import Session

USAGE = """
  correct ID [--json]                                  list the corrections (stale ones marked)
  correct ID rename-speaker OLD NEW                    rename a speaker
  correct ID merge-speakers ALIAS NAME                 ALIAS is NAME (their turns merge)
  correct ID speaker-info NAME [--affiliation A] [--role host|guest]
  correct ID turn BLOCK SPEAKER                        BLOCK starts a turn of SPEAKER (new or existing)
  correct ID not-turn BLOCK                            BLOCK starts no turn (its label becomes text)
  correct ID topic BLOCK [TITLE]                       BLOCK begins a topic
  correct ID not-topic BLOCK                           BLOCK begins no topic
  correct ID rename-topic BLOCK TITLE                  the topic that BLOCK begins is called TITLE
  correct ID remove BLOCK                              take BLOCK out of the article
  correct ID restore N                                 bring back the N-th removed block (show ID --removed, from 0)
  correct ID turns-by-label LABEL [LABEL…]             every paragraph beginning 'LABEL：' (or after a line
                                                       holding only LABEL) starts a turn of LABEL
  correct ID questions-by-host HOST GUEST              the question headings are HOST's turns, the text after
                                                       each is GUEST's
  correct ID not-dialogue                              the article is no dialogue (labels go back into the text)
  correct ID title TITLE                               the article is called TITLE
  correct ID --rm N                                    remove the N-th correction (from 1)
BLOCK is a block's index as `show ID --json` gives it now."""


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    correct = commands.add_parser(
        "correct",
        help="correct an article's outline: speakers, turns, topics, removed blocks",
        description="Corrections are kept per article and applied after the automatic outline." + USAGE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    correct.add_argument("id", help="article id (see 'list')")
    correct.add_argument("action", nargs="?", choices=OPERATIONS, metavar="ACTION", help="see above")
    correct.add_argument("values", nargs="*", metavar="ARG")
    correct.add_argument("--affiliation", default="")
    correct.add_argument("--role", choices=ROLES, default="")
    correct.add_argument("--rm", type=int, metavar="N", help="remove the N-th correction")
    correct.add_argument("--json", action="store_true")
    correct.set_defaults(handler=run_correct)


def _block(article: Article, value: str) -> int:
    if not value.isascii() or not value.isdigit() or len(value) > 9 or int(value) >= len(article.blocks):
        raise DataError(
            f"there is no block {value!r} in {article.id} (it has {len(article.blocks)}; see 'show --json')"
        )
    return int(value)


def _correction(article: Article, action: str, values: list[str], args: argparse.Namespace) -> Correction:
    wanted = {"rename-speaker": 2, "merge-speakers": 2, "speaker-info": 1, "turn": 2, "not-turn": 1, "topic": (1, 2),
              "not-topic": 1, "rename-topic": 2, "remove": 1, "restore": 1, "turns-by-label": tuple(range(1, 9)),
              "title": 1, "questions-by-host": 2, "not-dialogue": 0}[action]  # fmt: skip
    counts = wanted if isinstance(wanted, tuple) else (wanted,)
    if len(values) not in counts:
        raise DataError(f"{action} takes {' or '.join(map(str, counts))} argument(s) (see 'correct --help')")
    if action == "not-dialogue":
        return Correction(action)
    if action == "turns-by-label":
        return Correction(action, values=tuple(values))
    if action == "title":
        return Correction(action, values=(values[0],))
    if action in ("rename-speaker", "merge-speakers", "questions-by-host"):
        return Correction(action, values=(values[0], values[1]))
    if action == "speaker-info":
        if not args.affiliation and not args.role:
            raise DataError("speaker-info needs --affiliation or --role")
        return Correction(action, values=(values[0], args.affiliation, args.role))
    if action == "restore":
        if not values[0].isascii() or not values[0].isdigit() or int(values[0]) >= len(article.removed):
            raise DataError(f"there is no removed block {values[0]!r} (see 'show {article.id} --removed')")
        return restore_key(article, int(values[0]))
    key, occurrence = block_key(article, _block(article, values[0]))
    return Correction(action, key, occurrence, tuple(values[1:]))


def _listing(session: Session, article_id: str) -> list[dict[str, object]]:
    """The corrections in order: each with the text of its block (as the pipeline made it) and
    where that block is now (None for a removed block, or a stale correction)."""
    article, base = session.library.get(article_id), session.library.uncorrected(article_id)
    stale = set(session.library.stale.get(article_id, []))
    rows = []
    for number, correction in enumerate(session.library.overlay(article_id).read()):
        now = [n for n, b in enumerate(article.blocks) if fold_text(b.text) == correction.key]
        sources = base.removed if correction.op == "restore" else base.blocks
        was = [b.text for b in sources if fold_text(b.text) == correction.key]
        rows.append(
            {
                "number": number + 1,
                "op": correction.op,
                "block": now[min(correction.occurrence, len(now) - 1)] if correction.key and now else None,
                "text": was[min(correction.occurrence, len(was) - 1)][:40] if correction.key and was else None,
                "values": [] if correction.op == "restore" else list(correction.values),
                "stale": number in stale,
            }
        )
    return rows


def run_correct(args: argparse.Namespace, session: Session) -> int:
    library = session.library
    article = library.get(args.id)
    for problem in library.problems:
        fail(problem)
    if args.rm is not None:
        removed = library.uncorrect(args.id, args.rm - 1)
        if not args.json:
            print(shown(f"removed correction {args.rm}: {removed.op} {' '.join(removed.values)}"))
    elif args.action is not None:
        library.correct(args.id, _correction(article, args.action, args.values, args))
    elif args.values:
        return fail("give an ACTION before its arguments (see 'correct --help')", 2)
    rows = _listing(session, args.id)
    if args.json:
        print_json(rows)
    elif args.action is None and args.rm is None:
        for row in rows:
            where = f"「{row['text']}」" if row["text"] is not None else ""
            where += f" (block {row['block']})" if row["block"] is not None else ""
            values = " ".join(str(value) for value in row["values"] if value)  # type: ignore[attr-defined]
            mark = "  (stale: its block is gone)" if row["stale"] else ""
            print(shown(f"{row['number']}. {row['op']}{where} {values}{mark}"))
        if not rows:
            print("no corrections")
    return 0
