"""The window with a damaged or missing annotations database: it opens all the same, says so
without blocking, saves nothing until the restore, and its Restore button brings every note back."""

from __future__ import annotations

import json
import shlex
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop_app.annotations.model import Anchor, Annotation
from desktop_app.annotations.service import Annotations
from desktop_app.annotations.store import AnnotationStore
from desktop_app.corpus.library import Library
from desktop_app.errors import DataError
from desktop_app.paths import DataPaths
from desktop_app.session import Session
from desktop_app.ui.main_window import MainWindow
from tests.reliability.confinement import confined, needs_namespaces, read_only

A000 = "000_5b4e62939488a476"


@pytest.mark.parametrize("harm", ["garbage", "deleted"])
def test_the_window_opens_offers_the_restore_and_it_brings_every_note_back(
    qtbot: QtBot, data_paths: DataPaths, library: Library, tmp_path: Path, harm: str
) -> None:
    data_paths.ensure_private_dir(data_paths.user_dir)
    text = library.get(A000).plain_text
    store = AnnotationStore(data_paths.annotations_db)
    notes = [Annotation.new(A000, Anchor.at(text, 10 * n, 10 * n + 4), note=f"笔记{n}") for n in range(3)]
    for note in notes:
        store.put(note)
    store.close()
    if harm == "garbage":
        data_paths.annotations_db.write_bytes(b"not a database" * 500)
    else:
        data_paths.annotations_db.unlink()

    session = Session(data_paths, library=library)
    problem = session.open_leniently()
    assert problem is not None and "a restore" in str(problem) and "aigc-reader" not in str(problem)
    window = MainWindow(session, QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    window.offer_restore(str(problem))
    box = window.users.restore_box
    assert window.isVisible() and box.isVisible() and not box.isModal()
    assert box.textFormat().name == "PlainText"
    assert "a restore" in box.informativeText() and "&lt;" not in str(problem)
    window.open_passage(A000, None)
    assert window.annotations.list(A000) == []
    assert window.windowTitle().endswith("（只读）") and window.read_only_mark.label.isVisible()
    with pytest.raises(DataError, match="nothing can be saved"):  # not silently into a store that is not there
        window.annotations.add(A000, 0, 4)

    restore_button = next(
        button for button in box.buttons() if box.buttonRole(button) == QMessageBox.ButtonRole.AcceptRole
    )
    restore_button.click()
    assert sorted(placed.annotation.note for placed in window.annotations.list(A000)) == ["笔记0", "笔记1", "笔记2"]
    assert not window.windowTitle().endswith("（只读）") and not window.read_only_mark.label.isVisible()
    assert window.annotations_panel.model.rowCount() == 3
    window.annotations.add(A000, 100, 104)  # and saving works again
    window.session.close()


READ_ONLY_WINDOW = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox
from desktop_app.paths import DataPaths
from desktop_app.session import Session
from desktop_app.ui.main_window import MainWindow

warnings = []
QMessageBox.exec = lambda box: warnings.append(box.text()) or 0
app = QApplication([])
session = Session(DataPaths(Path(sys.argv[1]), "tester"), backup_on_open=False)
problem = session.open_leniently()
window = MainWindow(session, QSettings(sys.argv[2], QSettings.Format.IniFormat))
window.show()
window.open_passage(sys.argv[3], None)
app.processEvents()
found = window.reader.document().find("非常烧钱")
assert not found.isNull(), window.reader.article
window.reader.setTextCursor(found)
window.reader_controls.highlight()
print(json.dumps({"problem": str(problem) if problem else None, "title": window.windowTitle(),
                  "marked": window.read_only_mark.label.isVisible(), "shown": window.annotations_panel.model.rowCount(),
                  "warnings": warnings, "status": window.statusBar().currentMessage()}, ensure_ascii=False))
window.close()
"""


@needs_namespaces
def test_a_read_only_user_folder_opens_the_window_read_only_and_a_highlight_is_refused_in_one_line(
    data_paths: DataPaths, library: Library, tmp_path: Path
) -> None:
    data_paths.ensure_private_dir(data_paths.user_dir)
    text = library.get(A000).plain_text
    store = AnnotationStore(data_paths.annotations_db)
    store.put(Annotation.new(A000, Anchor.at(text, 10, 14), note="已有的笔记"))
    store.close()
    script = tmp_path / "window.py"
    script.write_text(READ_ONLY_WINDOW, encoding="utf-8")
    command = shlex.join([sys.executable, str(script), str(data_paths.root), str(tmp_path / "window.ini"), A000])
    outcome = confined(read_only(data_paths.user_dir, f"QT_QPA_PLATFORM=offscreen {command}"))
    assert outcome.returncode == 0, outcome.stderr
    seen = json.loads(outcome.stdout.strip().splitlines()[-1])
    assert seen["problem"] is None and seen["title"].endswith("（只读）") and seen["marked"]
    assert seen["shown"] == 1, seen  # what was saved is there to read
    assert seen["warnings"], seen["status"]
    assert len(seen["warnings"]) == 1 and "read-only" in seen["warnings"][0] and "\n" not in seen["warnings"][0]
    assert [
        placed.annotation.note
        for placed in Annotations(AnnotationStore(data_paths.annotations_db), library.get, "tester").list(A000)
    ] == ["已有的笔记"]
