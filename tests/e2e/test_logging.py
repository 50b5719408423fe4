"""What is skipped quietly leaves a trace in the log, never on the terminal."""

from __future__ import annotations

from pathlib import Path

from tests.e2e.cli_runner import run_cli


def test_a_refused_file_is_logged_in_the_data_dirs_log_folder(tmp_path: Path) -> None:
    empty = tmp_path / "empty.md"
    empty.write_bytes(b"")
    result = run_cli(tmp_path / "data", "import", str(empty))
    assert result.code == 1 and result.stderr.count("\n") == 1
    log = (tmp_path / "data" / "logs" / "aigc-reader.log").read_text(encoding="utf-8")
    assert "INFO desktop_app.corpus.library: refused" in log and "empty.md" in log
