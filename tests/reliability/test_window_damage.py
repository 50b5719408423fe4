"""The window with a damaged or missing annotations database: it opens all the same, says so
without blocking, saves nothing until the restore, and its Restore button brings every note back."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop_app.annotations.model import Anchor, Annotation
from desktop_app.annotations.service import Annotations
from desktop_app.annotations.store import AnnotationStore
from desktop_app.app import open_store, restorer
from desktop_app.corpus.library import Library
from desktop_app.errors import DataError
from desktop_app.paths import DataPaths
from desktop_app.search.index import SearchIndex
from desktop_app.ui.main_window import MainWindow

A000 = "000_5b4e62939488a476"


@pytest.mark.parametrize("harm", ["garbage", "deleted"])
def test_the_window_opens_offers_the_restore_and_it_brings_every_note_back(
        qtbot: QtBot, data_paths: DataPaths, library: Library, tmp_path: Path, harm: str) -> None:
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

    store, problem = open_store(data_paths)
    assert problem is not None and "annotate restore" in str(problem)
    window = MainWindow(library, Annotations(store, library.get, data_paths.user),
                        lambda: SearchIndex(data_paths.index_dir, data_paths.cache_dir),
                        QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    window.offer_restore(str(problem), restorer(data_paths, library))
    box = window.restore_box
    assert window.isVisible() and box.isVisible() and not box.isModal()
    assert box.textFormat().name == "PlainText"
    window.open_passage(A000, None)
    assert window.annotations.list(A000) == []
    with pytest.raises(DataError, match="nothing can be saved"):  # not silently into a store that is not there
        window.annotations.add(A000, 0, 4)

    restore_button = next(button for button in box.buttons() if box.buttonRole(button) == QMessageBox.ButtonRole.AcceptRole)
    restore_button.click()
    assert sorted(placed.annotation.note for placed in window.annotations.list(A000)) == ["笔记0", "笔记1", "笔记2"]
    assert window.annotations_panel.model.rowCount() == 3
    window.annotations.add(A000, 100, 104)  # and saving works again
    window.annotations.store.close()
