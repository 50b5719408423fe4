"""Random sequences of adds, edits and deletions interleaved with random damage to the database:
every annotation ever reported saved is present afterwards or brought back by ``annotate
restore``, and no command ever ends in a traceback. (A full disk and a read-only folder need a
mount namespace: test_store_damage.py drives those.)"""

from __future__ import annotations

import contextlib
import io
import json
import shutil
import sqlite3
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.cli.main import main

A000 = "000_5b4e62939488a476"
QUOTES = ("国人的", "生产力", "范式转移", "奇幻革命", "人工智能")


def run(data: Path, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--data-dir", str(data), "--user", "tester", *args])
    assert "Traceback" not in err.getvalue()
    assert code == 0 or err.getvalue().count("\n") == 1, err.getvalue()
    return code, out.getvalue(), err.getvalue()


def damage(database: Path, kind: str, where: float) -> None:
    if not database.exists():
        return
    raw = database.read_bytes()
    if kind == "truncate":
        database.write_bytes(raw[: int(len(raw) * where)])
    elif kind == "zero":
        database.write_bytes(b"\x00" * len(raw))
    elif kind == "delete":
        database.unlink()
    elif kind == "scribble":
        offset = int(len(raw) * where)
        database.write_bytes(raw[:offset] + b"\xa5" * 512 + raw[offset + 512 :])
    elif kind == "replace":
        database.unlink()
        connection = sqlite3.connect(database)
        connection.execute("CREATE TABLE other (x)")
        connection.close()


steps = st.lists(
    st.one_of(
        st.tuples(st.just("add"), st.sampled_from(QUOTES), st.text(max_size=30)),
        st.tuples(st.just("edit"), st.integers(0, 20), st.text(max_size=30)),
        st.tuples(st.just("rm"), st.integers(0, 20)),
        st.tuples(
            st.just("damage"),
            st.sampled_from(["truncate", "zero", "delete", "scribble", "replace"]),
            st.floats(0.0, 1.0),
        ),
    ),
    min_size=1,
    max_size=10,
)


@pytest.fixture(scope="module")
def warm_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The parsed bundled articles, made once: each example's data dir starts with a copy."""
    data = tmp_path_factory.mktemp("warm")
    assert run(data, "list")[0] == 0
    return data / "cache"


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(steps)
def test_whatever_the_damage_every_saved_annotation_survives(warm_cache: Path, sequence: list[tuple]) -> None:  # type: ignore[type-arg]
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder)
        shutil.copytree(warm_cache, data / "cache")
        database = data / "users" / "tester" / "annotations.sqlite3"
        saved: dict[str, set[str]] = {}  # id -> every note it was reported saved with
        removed: set[str] = set()

        def command(*args: str) -> tuple[int, str, str]:
            code, out, err = run(data, *args)
            if code and "annotate restore" in err:  # what the user is told to do
                assert run(data, "annotate", "restore")[0] == 0
                code, out, err = run(data, *args)
            return code, out, err

        for step in sequence:
            if step[0] == "add":
                code, out, _ = command(
                    "annotate", "add", "--article", A000, "--quote", step[1], f"--note={step[2]}", "--json"
                )
                if code == 0:
                    created = json.loads(out)
                    saved[created["id"]] = {created["note"]}
            elif step[0] in ("edit", "rm") and saved:
                target = sorted(saved)[step[1] % len(saved)]
                if step[0] == "edit":
                    code, out, _ = command("annotate", "edit", target, f"--note={step[2]}", "--json")
                    if code == 0:
                        saved[target].add(json.loads(out)["note"])
                elif command("annotate", "rm", target)[0] == 0:
                    removed.add(target)
            elif step[0] == "damage":
                damage(database, step[1], step[2])
        code, out, err = command("annotate", "list", "--json")
        assert code == 0, err
        present = {item["id"]: item["note"] for item in json.loads(out)}
        if not saved.keys() <= present.keys():  # the deleted ones may come back too: nothing saved is lost
            assert run(data, "annotate", "restore")[0] == 0
            present = {item["id"]: item["note"] for item in json.loads(command("annotate", "list", "--json")[1])}
        missing = saved.keys() - present.keys()
        assert missing <= removed
        for key, note in present.items():
            if key in saved:
                assert note in saved[key]
