"""No annotation reported saved is ever lost: an emptied, deleted, foreign or damaged database,
a full disk and a read-only folder, each through the real command line."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.e2e.cli_runner import Result, assert_one_line_error, run_cli
from tests.reliability.confinement import cli, confined, needs_namespaces, on_a_full_disk, read_only

A000 = "000_5b4e62939488a476"
QUOTES = ("国人的", "生产力", "范式转移")


def user_dir(data: Path) -> Path:
    return data / "users" / "tester"


def database(data: Path) -> Path:
    return user_dir(data) / "annotations.sqlite3"


def add_three(data: Path) -> list[str]:
    ids = []
    for number, quote in enumerate(QUOTES):
        added = run_cli(
            data, "annotate", "add", "--article", A000, "--quote", quote, "--note", f"笔记{number}", "--json"
        )
        assert added.code == 0, added.stderr
        ids.append(added.json()["id"])
    return ids


def listed_ids(data: Path) -> list[str]:
    listed = run_cli(data, "annotate", "list", "--json")
    assert listed.code == 0, listed.stderr
    return sorted(item["id"] for item in listed.json())


def make_foreign(path: Path) -> None:
    path.unlink()
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE recipes (name TEXT)")
    connection.execute("INSERT INTO recipes VALUES ('饺子')")
    connection.commit()
    connection.close()


def drop_table(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("DROP TABLE annotations")
    connection.close()


@pytest.mark.parametrize(
    "harm, reported",
    [
        (lambda path: path.write_bytes(b""), "was emptied"),
        (lambda path: path.unlink(), "is missing"),
        (make_foreign, "is not an aigc-reader database"),
        (drop_table, "has lost its annotations table"),
        (lambda path: path.write_bytes(b"\x00garbage" * 1000), "is damaged"),
    ],
    ids=["emptied", "deleted", "foreign", "table-dropped", "garbage"],
)
def test_a_lost_or_replaced_database_is_reported_and_everything_restored(tmp_path: Path, harm, reported: str) -> None:  # type: ignore[no-untyped-def]
    saved = sorted(add_three(tmp_path))
    foreign_bytes = None
    harm(database(tmp_path))
    if database(tmp_path).exists():
        foreign_bytes = database(tmp_path).read_bytes()
    listed = run_cli(tmp_path, "annotate", "list")
    assert_one_line_error(listed, reported, "annotate restore")
    assert "no annotations" not in listed.stdout
    again = run_cli(tmp_path, "annotate", "add", "--article", A000, "--quote", "的")  # not started afresh meanwhile
    assert_one_line_error(again, "annotate restore")
    restored = run_cli(tmp_path, "annotate", "restore", "--json")
    assert restored.code == 0, restored.stderr
    assert restored.json()["restored"] == 3
    assert listed_ids(tmp_path) == saved
    if foreign_bytes is not None:  # whatever was there is kept, byte for byte
        kept = [path.read_bytes() for path in user_dir(tmp_path).glob("annotations.salvaged-*.sqlite3")]
        assert foreign_bytes in kept


def test_restore_merges_what_the_damaged_file_still_holds_with_the_backup(tmp_path: Path) -> None:
    saved = sorted(add_three(tmp_path))
    # The newest backup never got written (say the disk was full then): only the salvage has the third note.
    newest = max((user_dir(tmp_path) / "backups").glob("*.sqlite3"))
    newest.unlink()
    raw = bytearray(database(tmp_path).read_bytes())
    raw[:100] = b"\xff" * 100  # the header scribbled over: SQLite no longer reads the file at all
    database(tmp_path).write_bytes(bytes(raw))
    assert_one_line_error(run_cli(tmp_path, "annotate", "list"), "is damaged")
    restored = run_cli(tmp_path, "annotate", "restore", "--json")
    assert restored.code == 0, restored.stderr
    report = restored.json()
    assert report["restored"] == 3 and report["salvaged"] == 3 and report["from_backup"] == 0
    assert listed_ids(tmp_path) == saved
    notes = {item["note"] for item in run_cli(tmp_path, "annotate", "list", "--json").json()}
    assert notes == {"笔记0", "笔记1", "笔记2"}


def test_backups_are_generations_and_a_smaller_database_never_replaces_a_bigger_backup(tmp_path: Path) -> None:
    ids = add_three(tmp_path)
    for annotation_id in ids:
        assert run_cli(tmp_path, "annotate", "rm", annotation_id).code == 0
    generations = run_cli(tmp_path, "annotate", "backups", "--json").json()
    assert [generation["count"] for generation in generations][:4] == [0, 1, 2, 3]
    fullest = next(generation["path"] for generation in generations if generation["count"] == 3)
    restored = run_cli(tmp_path, "annotate", "restore", "--from", fullest, "--json")
    assert restored.code == 0 and restored.json()["restored"] == 3


def run_on_full_disk(data: Path, outside: Path, *commands: tuple[str, ...]) -> list[tuple[int, str, str]]:
    """Runs each command on a full copy of data (then frees the disk before the last); returns (code, out, err)."""
    steps = []
    for number, command in enumerate(commands):
        if number == len(commands) - 1:
            steps.append(f"rm {data}/filler")
        steps.append(
            f"{cli(data, *command)} > {outside}/{number}.out 2> {outside}/{number}.err; "
            f"echo $? > {outside}/{number}.code"
        )
    steps.append(f"ls -a {user_dir(data)} > {outside}/ls 2>&1; true")
    size_kb = sum(path.stat().st_size for path in data.rglob("*") if path.is_file()) // 1024 + 2048
    outcome = confined(on_a_full_disk(data, "; ".join(steps), size_kb=size_kb))
    assert outcome.returncode == 0, outcome.stderr
    return [
        (
            int((outside / f"{n}.code").read_text()),
            (outside / f"{n}.out").read_text(encoding="utf-8"),
            (outside / f"{n}.err").read_text(encoding="utf-8"),
        )
        for n in range(len(commands))
    ]


def run_read_only(data: Path, target: Path, outside: Path, *commands: tuple[str, ...]) -> list[tuple[int, str, str]]:
    steps = [
        f"{cli(data, *command)} > {outside}/{number}.out 2> {outside}/{number}.err; echo $? > {outside}/{number}.code"
        for number, command in enumerate(commands)
    ]
    outcome = confined(read_only(target, "; ".join(steps)))
    assert outcome.returncode == 0, outcome.stderr
    return [
        (
            int((outside / f"{n}.code").read_text()),
            (outside / f"{n}.out").read_text(encoding="utf-8"),
            (outside / f"{n}.err").read_text(encoding="utf-8"),
        )
        for n in range(len(commands))
    ]


def one_line(code: int, err: str, *words: str) -> None:
    assert_one_line_error(Result(code, "", err), *words)


@needs_namespaces
def test_a_full_disk_is_reported_as_such_and_nothing_is_moved_or_lost(tmp_path: Path) -> None:
    data, outside = tmp_path / "data", tmp_path / "out"
    outside.mkdir()
    saved = sorted(add_three(data))
    listing, adding, exporting, freed = run_on_full_disk(
        data,
        outside,
        ("annotate", "list", "--json"),
        ("annotate", "add", "--article", A000, "--quote", "的"),
        ("export", "--output", str(data / "notes.md")),
        ("annotate", "list", "--json"),
    )
    assert listing[0] == 0 and sorted(item["id"] for item in json.loads(listing[1])) == saved, listing
    one_line(adding[0], adding[2], "disk")
    one_line(exporting[0], exporting[2], "notes.md")
    assert ".damaged" not in (outside / "ls").read_text()
    assert freed[0] == 0 and sorted(item["id"] for item in json.loads(freed[1])) == saved


@needs_namespaces
@pytest.mark.parametrize("what", ["folder", "file"])
def test_a_read_only_folder_or_database_still_reads_and_refuses_changes_in_one_line(tmp_path: Path, what: str) -> None:
    data, outside = tmp_path / "data", tmp_path / "out"
    outside.mkdir()
    saved = sorted(add_three(data))
    target = user_dir(data) if what == "folder" else database(data)
    listing, exporting, adding, restoring = run_read_only(
        data,
        target,
        outside,
        ("annotate", "list", "--json"),
        ("export",),
        ("annotate", "add", "--article", A000, "--quote", "的"),
        ("annotate", "restore"),
    )
    assert listing[0] == 0 and sorted(item["id"] for item in json.loads(listing[1])) == saved, listing
    assert exporting[0] == 0 and "笔记2" in exporting[1]
    one_line(adding[0], adding[2], "read-only")
    one_line(restoring[0], restoring[2])
    assert not list(user_dir(data).glob("*.damaged-*"))
    assert listed_ids(data) == saved


def test_three_processes_opening_a_new_users_database_at_once_all_succeed(tmp_path: Path) -> None:
    script = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from desktop_app.annotations.store import AnnotationStore\n"
        "root, start = Path(sys.argv[1]), float(sys.argv[2])\n"
        "failures = 0\n"
        "for number in range(30):\n"
        "    while time.time() < start + number * 0.05: time.sleep(0.001)\n"
        "    try:\n"
        "        AnnotationStore(root / f'user{number}' / 'annotations.sqlite3').close()\n"
        "    except Exception as error:\n"
        "        failures += 1; print(error, file=sys.stderr)\n"
        "print(failures)\n"
    )
    start = time.time() + 1.5
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", script, str(tmp_path), str(start)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=Path(__file__).resolve().parents[2],
        )
        for _ in range(3)
    ]
    results = [process.communicate(timeout=120) for process in processes]
    assert [int(out) for out, _ in results] == [0, 0, 0], [err for _, err in results]


@needs_namespaces
def test_search_on_a_full_disk_answers_or_says_why_in_one_line(tmp_path: Path) -> None:
    data, outside = tmp_path / "data", tmp_path / "out"
    outside.mkdir()
    assert run_cli(data, "index").code == 0
    run_cli(data, "import", str(Path(__file__).resolve().parents[2] / "sources" / "000_5b4e62939488a476.txt"))
    searching, rebuilding, freed = run_on_full_disk(
        data, outside, ("search", "北美的商业", "--json"), ("index", "--rebuild"), ("search", "北美的商业", "--json")
    )
    assert searching[0] == 0 and json.loads(searching[1]), searching
    one_line(rebuilding[0], rebuilding[2], "disk")
    assert freed[0] == 0 and json.loads(freed[1])
