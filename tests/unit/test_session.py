"""The composition root: objects built on first use, shared across users, closed once."""

from __future__ import annotations

import pytest

from desktop_app.annotations.backups import Backups
from desktop_app.errors import DataError
from desktop_app.paths import DataPaths
from desktop_app.session import Session

A000 = "000_5b4e62939488a476"


def test_objects_are_built_on_first_use_and_another_user_shares_the_library(data_paths: DataPaths) -> None:
    session = Session(data_paths)
    assert "library" not in session.__dict__ and "search_index" not in session.__dict__
    session.annotations.add_quote(A000, "生产力", note="mine")
    other = session.for_user("alice")
    assert other.library is session.library and other.user == "alice"
    assert other.annotations.list() == [] and len(session.annotations.list()) == 1
    other.close()
    session.close()
    assert Backups(data_paths.annotations_db).newest() is not None  # closing took the backup
    with pytest.raises(DataError, match="invalid user name"):
        session.for_user("../escaped")


def test_a_damaged_database_opens_leniently_and_the_restore_brings_it_back(data_paths: DataPaths) -> None:
    session = Session(data_paths)
    session.annotations.add_quote(A000, "生产力", note="kept")
    session.close()
    data_paths.annotations_db.write_bytes(b"not a database" * 300)
    damaged = Session(data_paths)
    problem = damaged.open_leniently()
    assert problem is not None and damaged.problem is problem
    assert damaged.annotations.list() == [] and damaged.annotations.store.read_only
    with pytest.raises(DataError, match="nothing can be saved"):
        damaged.annotations.add_quote(A000, "生产力")
    restored, report = damaged.restore()
    assert [placed.annotation.note for placed in restored.annotations.list()] == ["kept"]
    assert report.from_backup + report.from_salvage >= 1
    restored.close()


def test_a_folder_that_cannot_be_made_is_a_one_line_data_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "users").write_text("a file where the users' folder should be")
    with pytest.raises(DataError, match="cannot create"):
        Session(DataPaths(tmp_path, "tester")).annotations  # noqa: B018
