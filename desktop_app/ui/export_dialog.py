"""What to export, asked before where: the format and the scope as buttons of their own (a
file-type list hid the scope), then the file dialog with that format's extension."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.export.formats import ExportFormat


class ExportDialog(QDialog):
    def __init__(self, parent: QWidget | None, has_article: bool) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("导出批注"))
        self.markdown = QRadioButton(self.tr("Markdown（阅读、笔记软件）"))
        self.json = QRadioButton(self.tr("Web Annotation JSON（其他批注工具）"))
        self.this_article = QRadioButton(self.tr("本文的批注"))
        self.whole_library = QRadioButton(self.tr("全部文章的批注"))
        self.markdown.setChecked(True)
        self.this_article.setEnabled(has_article)
        (self.this_article if has_article else self.whole_library).setChecked(True)
        layout = QVBoxLayout(self)
        for title, buttons in (
            (self.tr("格式"), (self.markdown, self.json)),
            (self.tr("范围"), (self.this_article, self.whole_library)),
        ):
            box, group = QGroupBox(title), QButtonGroup(self)
            inner = QVBoxLayout(box)
            for button in buttons:
                group.addButton(button)
                inner.addWidget(button)
            layout.addWidget(box)
        answer = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        answer.accepted.connect(self.accept)
        answer.rejected.connect(self.reject)
        layout.addWidget(answer)

    def choice(self) -> tuple[ExportFormat, bool]:
        """(format, whole library)."""
        return ExportFormat.JSON if self.json.isChecked() else ExportFormat.MARKDOWN, self.whole_library.isChecked()
