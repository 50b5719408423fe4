"""Builds the window and wires it: the one place where the GUI's objects are put together."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from desktop_app.annotations.service import Annotations
from desktop_app.annotations.store import AnnotationStore
from desktop_app.corpus.library import Library
from desktop_app.errors import ReaderError
from desktop_app.paths import DataPaths
from desktop_app.search.index import SearchIndex


def run_gui(paths: DataPaths, argv: Sequence[str], open_at: tuple[str, int | None] | None = None) -> int:
    """Runs the window; ``open_at`` (article id, block) opens that passage (an aigc-reader:// link)."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    from desktop_app.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(list(argv))
    app.setApplicationName("aigc-reader")
    library = Library(paths)
    try:
        paths.ensure_private_dir(paths.user_dir)
        store = AnnotationStore(paths.annotations_db)
    except ReaderError as error:
        QMessageBox.critical(None, "AIGC 阅读器", str(error))
        print(f"aigc-reader: error: {error}", file=sys.stderr)
        return 1
    window = MainWindow(library, Annotations(store, library.get, paths.user),
                        SearchIndex(paths.index_dir, paths.cache_dir))
    if open_at is not None:
        window.open_passage(*open_at)
    window.show()
    window.start_background_loading()
    code = int(app.exec())
    store.close()
    return code
