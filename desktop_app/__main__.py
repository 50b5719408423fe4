"""Entry point of ``aigc-reader`` and ``python -m desktop_app``."""

from __future__ import annotations

import sys


def main() -> int:
    from desktop_app.cli.main import main as cli_main

    return cli_main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
