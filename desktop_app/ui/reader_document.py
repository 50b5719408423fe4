"""Lays an article out in a QTextDocument with a cursor (no HTML parsing, nothing to escape) and
keeps the map between the document's positions and offsets in ``Article.plain_text``, which is
what annotations and search hits point into.

Each block's text goes in verbatim, so inside a block the two differ only by a constant (plus
one for every character outside the Basic Multilingual Plane: Qt counts UTF-16 units).
"""

from __future__ import annotations

from bisect import bisect_right
from typing import NamedTuple

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)

from desktop_app.corpus.model import Article, BlockKind
from desktop_app.ui.plain_text import tooltip

# Distinct and readable on white and on dark grey.
SPEAKER_COLOURS = (
    "#c0392b",
    "#2471a3",
    "#1e8449",
    "#8e44ad",
    "#b9770e",
    "#148f77",
    "#a93226",
    "#5d6d7e",
    "#7d3c98",
    "#117864",
)


class Typography(NamedTuple):
    """How the text is set (the user's choice, View › 版式)."""

    family: str = ""  # a font family; "" for the default sans-serif CJK fonts
    line_height: int = 170  # percent of the font's height, for body text (headings are set tighter)
    paragraph_spacing: float = 0.8  # space after a paragraph, in ems
    measure: int = 38  # characters a line at most (the text column is centred); 0: the whole width


DEFAULT_TYPOGRAPHY = Typography()
HEADING_LINE_HEIGHT = 130


def speaker_color(article: Article, name: str) -> str:
    names = [speaker.name for speaker in article.speakers]
    return SPEAKER_COLOURS[names.index(name) % len(SPEAKER_COLOURS)] if name in names else "#7f8c8d"


def utf16_length(text: str) -> int:
    """The text's length as Qt counts it (UTF-16 units: a character beyond the BMP is two)."""
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)


def _utf16_to_index(text: str, units: int) -> int:
    if units <= 0:
        return 0
    count = 0
    for index, char in enumerate(text):
        count += 2 if ord(char) > 0xFFFF else 1
        if count >= units:
            return index + 1
    return len(text)


class Layout(NamedTuple):
    """Where each article block starts in the document."""

    article: Article
    starts: list[int]  # document position of each block's first character
    removed: dict[int, int] = {}  # document position of a shown removed block -> its index in article.removed

    def removed_at(self, position: int) -> int | None:
        """The removed block shown at this document position (View › 显示已删除内容), if any."""
        for start, number in self.removed.items():
            if start <= position <= start + len(self.article.removed[number].text) + 12:
                return number
        return None

    def document_position(self, offset: int) -> int:
        """The document position of a plain-text offset (offsets between blocks snap forward)."""
        blocks, plain_starts = self.article.blocks, self.article.block_starts
        if not blocks:
            return 0
        number = max(0, bisect_right(plain_starts, offset) - 1)
        text = blocks[number].text
        inside = offset - plain_starts[number]
        if inside > len(text):  # in the separator or the next turn's label
            if number + 1 < len(blocks):
                return self.starts[number + 1]
            inside = len(text)
        return self.starts[number] + utf16_length(text[: max(0, inside)])

    def plain_offset(self, position: int) -> int:
        """The plain-text offset of a document position (title and labels snap to the next block)."""
        blocks = self.article.blocks
        if not blocks:
            return 0
        number = bisect_right(self.starts, position) - 1
        if number < 0:
            return self.article.block_starts[0]
        text = blocks[number].text
        return self.article.block_starts[number] + min(len(text), _utf16_to_index(text, position - self.starts[number]))

    def block_of_position(self, position: int) -> int:
        return max(0, bisect_right(self.starts, position) - 1)


def solid_brush(color: QColor) -> QBrush:
    """A brush of one color, made without ``QBrush(color)``: PySide resolves that constructor's
    overloads by creating the enums of Qt's namespace, QImage and QGradient (~20 ms, which the
    first paint does without); a palette hands out the same brush for free."""
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, color)
    return palette.brush(QPalette.ColorRole.Window)


def _char(point_size: float, color: QColor | None = None, bold: bool = False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFontPointSize(point_size)
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    if color is not None:
        fmt.setForeground(solid_brush(color))
    return fmt


def _paragraph(top: float, bottom: float, indent: int = 0, line_height: int = 170) -> QTextBlockFormat:
    fmt = QTextBlockFormat()
    fmt.setLineHeight(line_height, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    fmt.setTopMargin(top)
    fmt.setBottomMargin(bottom)
    fmt.setIndent(indent)
    return fmt


def _link(point_size: float, color: QColor, href: str) -> QTextCharFormat:
    fmt = _char(point_size, color)
    fmt.setAnchor(True)
    fmt.setAnchorHref(href)
    fmt.setToolTip(tooltip(href))  # where the click will go, before it goes
    fmt.setFontUnderline(True)
    return fmt


def build_document(
    document: QTextDocument,
    article: Article,
    point_size: float,
    text_color: QColor,
    muted_color: QColor,
    link_color: QColor,
    typography: Typography = DEFAULT_TYPOGRAPHY,
    show_removed: bool = False,
) -> Layout:
    """``show_removed``: what cleaning took out, greyed and marked with its rule, where it stood
    (display only: it is no part of the article's text, and the map skips it)."""
    document.clear()
    if typography.family:
        font = document.defaultFont()
        font.setFamilies([typography.family, *font.families()])
        document.setDefaultFont(font)
    tight, body_height = HEADING_LINE_HEIGHT, typography.line_height
    cursor = QTextCursor(document)
    cursor.setBlockFormat(_paragraph(0, 4, line_height=tight))
    cursor.insertText(article.title, _char(point_size * 1.6, text_color, bold=True))
    details = " · ".join(part for part in (article.publisher, article.date) if part)
    source = (
        article.source_url if article.source_url and article.source_url.startswith(("https://", "http://")) else None
    )
    if details or source:
        cursor.insertBlock(_paragraph(0, 12), _char(point_size * 0.9, muted_color))
        cursor.insertText(details + (" · " if details and source else ""))
        if source:  # the one link in the reader: it opens in the system's browser when clicked
            cursor.insertText(QCoreApplication.translate("Reader", "原文"), _link(point_size * 0.9, link_color, source))
    turn_starts = {turn.block: turn.speaker for turn in article.turns}
    body = _char(point_size, text_color)
    starts = []
    removed_after: dict[int | None, list[tuple[int, str]]] = {}
    if show_removed:
        for number, item in enumerate(article.removed):
            removed_after.setdefault(item.after, []).append((number, f"〔{_rule_label(item.rule)}〕{item.text}"))
    removed_positions: dict[int, int] = {}
    removed_style = _char(point_size * 0.9, muted_color)
    removed_style.setFontItalic(True)
    removed_style.setFontStrikeOut(True)

    def insert_removed(after: int | None) -> None:
        for number, text in removed_after.get(after, []):
            cursor.insertBlock(_paragraph(2, 2, line_height=body_height), removed_style)
            removed_positions[cursor.position()] = number
            cursor.insertText(text)

    insert_removed(None)
    for index, block in enumerate(article.blocks):
        speaker_name = turn_starts.get(index)
        if speaker_name:
            cursor.insertBlock(
                _paragraph(point_size * 1.2, 0, line_height=body_height),
                _char(point_size, QColor(speaker_color(article, speaker_name)), bold=True),
            )
            cursor.insertText(speaker_name)
            speaker = article.speaker(speaker_name)
            if speaker and speaker.affiliation:
                cursor.insertText("  " + speaker.affiliation, _char(point_size * 0.85, muted_color))
        if block.kind == BlockKind.HEADING:
            cursor.insertBlock(
                _paragraph(point_size * 1.4, point_size * 0.4, line_height=tight),
                _char(point_size * 1.25, text_color, bold=True),
            )
        elif block.kind == BlockKind.LIST_ITEM:
            cursor.insertBlock(_paragraph(2, 2, indent=1, line_height=body_height), body)
        elif block.kind == BlockKind.QUOTE:
            cursor.insertBlock(_paragraph(6, 6, indent=1, line_height=body_height), _char(point_size, muted_color))
        else:
            spacing = point_size * typography.paragraph_spacing
            cursor.insertBlock(_paragraph(point_size * 0.3, spacing, line_height=body_height), body)
        starts.append(cursor.position())
        cursor.insertText(block.text)
        insert_removed(index)
    return Layout(article, starts, removed_positions)


RULE_LABELS = {
    "caption": QT_TRANSLATE_NOOP("Reader", "图片说明"),
    "clipper wrapper": QT_TRANSLATE_NOOP("Reader", "剪藏外壳"),
    "metadata": QT_TRANSLATE_NOOP("Reader", "元信息"),
    "promotion tail": QT_TRANSLATE_NOOP("Reader", "推广尾巴"),
}


def _rule_label(rule: str) -> str:
    known = RULE_LABELS.get(rule)
    return QCoreApplication.translate("Reader", "已删除：{rule}").format(
        rule=QCoreApplication.translate("Reader", known) if known else rule
    )
