"""Usage errors: one line, the documented prefix, exit 2."""

from __future__ import annotations

import pytest

from desktop_app.cli.parsing import OneLineParser


def test_a_usage_error_is_one_line_naming_the_command(capsys: pytest.CaptureFixture[str]) -> None:
    parser = OneLineParser(prog="aigc-reader annotate add")
    parser.add_argument("--occurrence", type=int)
    with pytest.raises(SystemExit) as exited:
        parser.parse_args(["--occurrence", "many"])
    err = capsys.readouterr().err
    assert exited.value.code == 2 and err.count("\n") == 1
    assert err.startswith("aigc-reader: error: annotate add: argument --occurrence")
