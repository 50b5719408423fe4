"""Entry point of ``aigc-reader`` and ``python -m desktop_app``."""

from __future__ import annotations

import sys

from desktop_app import process_clock  # noqa: F401 - starts the start-up clock first


def main() -> int:
    from desktop_app.cli.main import main as cli_main

    return cli_main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
