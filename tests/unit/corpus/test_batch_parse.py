"""Each file parsed in a worker under a time limit that grows with its size."""

from __future__ import annotations

from pathlib import Path

from desktop_app.corpus.batch_parse import ParsedFile, content_digest, parse_files, time_limit


def test_the_time_limit_is_four_seconds_plus_one_and_a_half_per_megabyte_beyond_the_first(tmp_path: Path) -> None:
    small, big = tmp_path / "small.md", tmp_path / "big.md"
    small.write_bytes(b"x" * 1000)
    big.write_bytes(b"x" * (3 << 20))
    assert time_limit(small) == 4.0 and time_limit(big) == 4.0 + 1.5 * 2
    assert content_digest(b"a") == content_digest(b"a") != content_digest(b"b")


def _parse(path: Path) -> ParsedFile:
    if path.name == "boom.md":
        raise ValueError("unreadable")
    return ParsedFile(path, None, None, content_digest(path.read_bytes()))


def test_a_failing_file_is_its_own_refusal_in_one_line_and_the_others_are_parsed(tmp_path: Path) -> None:
    files = [tmp_path / name for name in ("a.md", "boom.md", "b.md")]
    for file in files:
        file.write_text(file.name, encoding="utf-8")
    results = parse_files(files, _parse)
    assert [r.path for r in results] == files
    assert results[1].error == "it could not be read (ValueError)" and results[0].error is None is results[2].error


_LOADED: list[str] = []  # what a warm-up loaded, in the process it ran in


def _warm_up() -> None:
    _LOADED.append("tagger")


def _parse_seeing_the_warm_up(path: Path) -> ParsedFile:
    return ParsedFile(path, None, ",".join(_LOADED), None)


def test_a_warm_up_not_kept_runs_in_a_supervising_child_whose_workers_inherit_it(tmp_path: Path) -> None:
    files = [tmp_path / f"{n}.md" for n in range(5)]
    for file in files:
        file.write_text("x", encoding="utf-8")
    results = parse_files(files, _parse_seeing_the_warm_up, warm_up=_warm_up, keep_warm_up=False)
    assert [(r.path, r.error) for r in results] == [(file, "tagger") for file in files]
    assert _LOADED == []  # the caller never loaded it
    kept = parse_files(files, _parse_seeing_the_warm_up, warm_up=_warm_up)
    assert [r.error for r in kept] == ["tagger"] * 5 and _LOADED == ["tagger"]
    _LOADED.clear()
