"""The command line: global options, then a subcommand; no subcommand opens the window."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from desktop_app import __version__
from desktop_app.cli.hints import with_hint
from desktop_app.cli.output import fail
from desktop_app.cli.parsing import OneLineParser
from desktop_app.errors import ReaderError
from desktop_app.paths import DataPaths, is_valid_user_name
from desktop_app.session import Session

OPEN_SCHEME = "aigc-reader"  # the exports' links back: aigc-reader://open?article=…&block=…


def build_parser(with_commands: bool = True) -> argparse.ArgumentParser:
    """The whole command line; without its commands (and their modules), what a window launch needs."""
    parser = OneLineParser(
        prog="aigc-reader",
        description="A reader for Chinese interviews, roundtables and talks. Without a command, opens the window.",
        add_help=with_commands,
    )
    parser.add_argument("--version", action="version", version=f"aigc-reader {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="PATH",
        help="where user data lives (default: $AIGC_READER_DATA_DIR, else the per-user data dir)",
    )
    parser.add_argument("--user", metavar="NAME", help="whose annotations to use (default: the login name)")
    parser.add_argument(
        "--startup-probe",
        action="store_true",
        help="start the window as usual, print the ms from process start to its first paint, exit",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="open every article, search and annotate in a temporary data dir, offscreen; exit 0 if all works",
    )
    if not with_commands:
        return parser
    from desktop_app.cli import annotation_commands, corpus_commands, correction_commands, search_commands

    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=OneLineParser)
    corpus_commands.register(commands)
    correction_commands.register(commands)
    search_commands.register(commands)
    annotation_commands.register(commands)
    return parser


def _parse(argv: list[str]) -> argparse.Namespace:
    # The window's launch, the common case, skips building the commands' parsers: global options
    # alone parse it whole. Anything else (a command, --help, a typo) goes to the full parser.
    launch, rest = build_parser(with_commands=False).parse_known_args(argv)
    if not rest:
        launch.command = None
        return launch
    return build_parser().parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure:
            reconfigure(encoding="utf-8", errors="replace")
    arguments = list(sys.argv[1:] if argv is None else argv)
    links = [number for number, argument in enumerate(arguments) if argument.startswith(f"{OPEN_SCHEME}://")]
    if links and "open" not in arguments[: links[0]]:
        arguments.insert(links[0], "open")  # a clicked link: the desktop passes the URL as the command
    args = _parse(arguments)
    if args.user is not None and not is_valid_user_name(args.user):
        return fail(f"invalid user name {args.user!r}: use letters, digits, '.', '_', '@' or '-'", 2)
    if args.self_test:
        from desktop_app.self_test import run_self_test

        return int(run_self_test())
    if args.data_dir is not None and not args.data_dir.strip():
        return fail("--data-dir is empty: give a folder", 2)
    paths = DataPaths.resolve(args.data_dir, args.user)
    problem = paths.problem()
    if problem:
        return fail(problem, 2)
    if args.command is None:
        from desktop_app.app import run_gui

        return int(run_gui(paths, sys.argv[:1], probe=args.startup_probe))
    from desktop_app.logs import start_logging  # not at the top: the window starts it after its paint

    start_logging(paths.log_dir)
    session = Session(paths)
    try:
        try:
            return int(args.handler(args, session))
        finally:
            session.close()
    except ReaderError as error:
        return fail(with_hint(error))
    except BrokenPipeError:
        return 0  # output piped into head and the like
    except KeyboardInterrupt:
        return 130
