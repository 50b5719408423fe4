"""The window's dealings with files and the clipboard: importing articles (dialog or drop, off
the window's thread), exporting annotations (Markdown or Web Annotation JSON, this article or
all), copying the selected annotations as Markdown."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QFileDialog

from desktop_app.annotations.model import now_iso
from desktop_app.corpus.library import ImportOutcome
from desktop_app.export.document import export_document
from desktop_app.export.formats import ExportFormat
from desktop_app.export.markdown import render_markdown
from desktop_app.files import write_atomically
from desktop_app.ui.export_dialog import ExportDialog
from desktop_app.ui.translations import ui_language

if TYPE_CHECKING:
    from desktop_app.ui.main_window import MainWindow


class FileActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window

    # -- import -------------------------------------------------------------------------------
    def choose_and_import(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self._window, self.tr("导入文章"), "", self.tr("文章 (*.txt *.md *.markdown *.html *.htm);;所有文件 (*)")
        )
        if files:
            self.import_files([Path(f) for f in files])

    def import_files(self, files: list[Path]) -> None:
        """Imports on a worker thread (each file parsed in a worker process under its own time
        and memory limit): the window stays responsive, and a hostile file costs its refusal only."""
        window = self._window
        window.build_panels()  # a drop can come before they are (right at start-up)
        window.statusBar().showMessage(self.tr("正在导入 {count} 个文件…").format(count=len(files)))
        window.background.run(
            lambda: window.library.import_paths(files),
            self._imported,
            lambda error: window.warn(self.tr("导入文章"), str(error)),
        )

    def _imported(self, outcomes: list[ImportOutcome]) -> None:
        window = self._window
        window.statusBar().clearMessage()
        window.library_panel.set_articles(window.library.articles())
        errors = [f"{o.path.name}: {o.error}" for o in outcomes if o.error]
        if errors:
            window.warn(self.tr("导入文章"), self.tr("以下文件没有导入：") + "\n" + "\n".join(errors))
        imported = [o.article.id for o in outcomes if o.article is not None]
        if imported:
            window.open_passage(imported[-1], None)
            window.start_background_loading()

    # -- export -------------------------------------------------------------------------------
    def export_text(self, format_: ExportFormat, whole_library: bool) -> str:
        article = self._window.reader.article
        article_id = None if whole_library or article is None else article.id
        return export_document(self._window.annotations, format_, article_id, ui_language())[0]

    def choose_and_export(self) -> None:
        dialog = ExportDialog(self._window, self._window.reader.article is not None)
        if dialog.exec() != ExportDialog.DialogCode.Accepted:
            return
        format_, whole_library = dialog.choice()
        markdown = format_ is ExportFormat.MARKDOWN
        suggested = self.tr("批注.md") if markdown else self.tr("批注.json")
        kinds = self.tr("Markdown (*.md)") if markdown else self.tr("Web Annotation JSON (*.json)")
        path, _ = QFileDialog.getSaveFileName(self._window, self.tr("导出批注"), suggested, kinds)
        if path:
            self.export_to(Path(path), format_, whole_library)

    def export_to(self, path: Path, format_: ExportFormat, whole_library: bool) -> None:
        try:
            write_atomically(path, self.export_text(format_, whole_library).encode("utf-8"))
        except OSError as error:
            self._window.warn(
                self.tr("导出批注"),
                self.tr("无法写入 {path}：{reason}").format(path=path, reason=error.strerror or error),
            )
            return
        self._window.statusBar().showMessage(self.tr("已导出到 {path}").format(path=path), 4000)

    def copy_markdown(self) -> None:
        """The selected annotation, or every listed one, as Markdown on the clipboard."""
        panel = self._window.annotations_panel
        placed = panel.selected()
        items = [placed] if placed else panel.listed()
        if items:
            annotations = self._window.annotations
            QApplication.clipboard().setText(
                render_markdown(items, annotations.article_or_none, annotations.user, now_iso(), ui_language())
            )
            self._window.statusBar().showMessage(self.tr("已复制为 Markdown"), 2000)
