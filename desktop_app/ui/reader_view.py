"""The reading pane: one article laid out for reading, its highlights drawn as character formats
(applied once per article, not as thousands of extra selections), and the selection reported in
the article's plain-text offsets.

Signals:
    highlight_clicked(str): the id of the annotation under a click.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QRect, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QHelpEvent, QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication, QTextBrowser, QToolTip

from desktop_app.annotations.colors import BY_NAME, DEFAULT_COLOR, PALETTE, color_named
from desktop_app.annotations.model import ORPHANED, Annotation, Placed
from desktop_app.corpus.model import Article
from desktop_app.ui.plain_text import tooltip
from desktop_app.ui.reader_document import Layout, Typography, build_document, solid_brush, utf16_length

if TYPE_CHECKING:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QIcon, QMouseEvent, QResizeEvent

CJK_FONT_FAMILIES = [
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "PingFang SC",
    "Microsoft YaHei",
    "Sans Serif",
]
# The palette's Chinese labels, marked for the translation tools (lupdate reads literals only).
_LABELS = (
    QT_TRANSLATE_NOOP("Colours", "黄色"),
    QT_TRANSLATE_NOOP("Colours", "绿色"),
    QT_TRANSLATE_NOOP("Colours", "蓝色"),
    QT_TRANSLATE_NOOP("Colours", "粉色"),
    QT_TRANSLATE_NOOP("Colours", "紫色"),
)


def _inner_spans(spans: list[tuple[int, int]]) -> set[int]:
    """The indexes of spans that overlap a longer one (drawn over it, so both must show)."""
    order = sorted(range(len(spans)), key=lambda n: spans[n])
    inner: set[int] = set()
    widest: int | None = None  # of the spans seen so far, the one reaching furthest
    for number in order:
        start, end = spans[number]
        if widest is not None and start < spans[widest][1]:
            longer = widest if spans[widest][1] - spans[widest][0] >= end - start else number
            inner.add(number if longer == widest else widest)
        if widest is None or end > spans[widest][1]:
            widest = number
    return inner


def color_label(color: str) -> str:
    """The highlight color's name in the UI's language."""
    known = BY_NAME.get(color)
    return QCoreApplication.translate("Colours", known.label) if known else color


def highlight_label(color: str) -> str:
    """ "Highlight in <color>", as the context menu and the selection toolbar both offer it."""
    return QCoreApplication.translate("Colours", "高亮为{color}").format(color=color_label(color))


def color_swatch(color: str) -> QIcon:
    """A small square of the highlight color (emoji squares need a color-emoji font)."""
    from PySide6.QtGui import QIcon, QPixmap  # for the menus, which come after the first paint

    pixmap = QPixmap(14, 14)
    pixmap.fill(QColor(color_named(color).light))
    return QIcon(pixmap)


DEFAULT_POINT_SIZE, MIN_POINT_SIZE, MAX_POINT_SIZE = 13.0, 8.0, 32.0
SCROLL_MARGIN = 8  # px left above a block scrolled to the top
SENTENCE_ENDS = "。！？；!?;"
_TOOLTIP = QEvent.Type.ToolTip  # looked up once: every event of the viewport is compared with it


class ReaderView(QTextBrowser):
    """Shows one article; never follows links or loads anything from outside the article."""

    highlight_clicked = Signal(str)
    selection_finished = Signal()  # the mouse let go of a non-empty selection

    def __init__(self) -> None:
        super().__init__()
        self.setOpenLinks(False)  # the view never navigates: a clicked link goes to open_link
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self.open_link)
        self.setReadOnly(True)
        font = QFont()
        font.setFamilies(CJK_FONT_FAMILIES)
        self.setFont(font)
        self.document().setDocumentMargin(32)
        self.point_size = DEFAULT_POINT_SIZE
        self.typography = Typography()
        self.show_removed = False  # View › 显示已删除内容
        self.article: Article | None = None
        self.layout_map: Layout | None = None
        self._highlights: list[tuple[int, int, str]] = []  # (doc start, doc end, annotation id), sorted
        self._notes: dict[str, Annotation] = {}  # the drawn annotations, for the hover
        self.focused_blocks: set[int] | None = None  # what show_only left visible (None: all)

    def allow_keyboard_selection_and_links(self) -> None:
        """Selection by keyboard as well as by mouse; links clicked with the mouse. Not in the
        constructor: the flags are enums of Qt's namespace, which the window spares its first
        paint (see main_window); until then a read-only browser selects and clicks by mouse."""
        from PySide6.QtCore import Qt

        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.LinksAccessibleByMouse
        )

    def open_link(self, url: QUrl) -> None:
        """A clicked web link (the article's source) opens in the system's browser; anything
        else is ignored."""
        if url.scheme() in ("http", "https"):
            from PySide6.QtGui import QDesktopServices

            QDesktopServices.openUrl(url)

    def loadResource(self, kind: int, name: object) -> object:  # noqa: N802 - Qt's name
        return None  # no images, no style sheets, nothing from disk or network

    # -- content ----------------------------------------------------------------------------
    def _is_dark(self) -> bool:
        return QApplication.palette().color(QPalette.ColorRole.Base).lightness() < 128

    def show_article(self, article: Article, placed: list[Placed]) -> None:
        if self.article is None or self.article.id != article.id:
            self.focused_blocks = None  # a focus names blocks of one article
        self.article = article
        palette = QApplication.palette()  # the widget's own copy updates only later, on an event
        text = palette.color(QPalette.ColorRole.Text)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        link = palette.color(QPalette.ColorRole.Link)
        self.document().setDefaultFont(self.font())  # a family chosen before is forgotten unless chosen again
        self.layout_map = build_document(
            self.document(), article, self.point_size, text, muted, link, self.typography, self.show_removed
        )
        self._apply_measure()
        self._highlights = []
        self.draw_highlights(placed)
        if self.focused_blocks is not None:  # zoom and theme rebuild the document; the focus stays
            self.show_only(self.focused_blocks)
        self.moveCursor(QTextCursor.MoveOperation.Start)  # the builder's cursor left the view at the end
        self.verticalScrollBar().setValue(0)

    def draw_highlights(self, placed: list[Placed]) -> None:
        """Draws the article's highlights (clearing those drawn before)."""
        if self.layout_map is None:
            return
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        clear = QTextCharFormat()
        clear.setBackground(solid_brush(QColor(0, 0, 0, 0)))  # transparent
        for start, end, _ in self._highlights:
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(clear)
        dark = self._is_dark()
        brushes = {color.name: solid_brush(QColor(color.dark if dark else color.light)) for color in PALETTE}
        ink = QApplication.palette().color(QPalette.ColorRole.Text)
        spans = []
        for item in placed:
            p = item.placement
            if p.status == ORPHANED or p.start is None or p.end is None:
                continue
            start, end = self.layout_map.document_position(p.start), self.layout_map.document_position(p.end)
            if end > start:
                spans.append((start, end, item.annotation))
        inner = _inner_spans([(start, end) for start, end, _ in spans])
        # The longest first: a highlight inside another is drawn over it, and underlined.
        for number in sorted(range(len(spans)), key=lambda n: spans[n][0] - spans[n][1]):
            start, end, annotation = spans[number]
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            fmt = QTextCharFormat()
            fmt.setBackground(brushes.get(annotation.color, brushes[DEFAULT_COLOR]))
            if number in inner:
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                fmt.setUnderlineColor(ink)
            elif annotation.note:  # a note is marked in the text; hovering shows it
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
                fmt.setUnderlineColor(ink)
            cursor.mergeCharFormat(fmt)
        cursor.endEditBlock()
        self._highlights = sorted((start, end, annotation.id) for start, end, annotation in spans)
        self._notes = {annotation.id: annotation for _, _, annotation in spans}

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Hovering a highlight with a note shows the note (and its tags) as plain text."""
        if event.type() == _TOOLTIP:
            help_event = cast(QHelpEvent, event)
            position = self.cursorForPosition(help_event.pos()).position()
            annotation = self._notes.get(self.annotation_at(position) or "")
            if annotation is not None and (annotation.note or annotation.tags):
                shown = annotation.note + ("\n" if annotation.note and annotation.tags else "")
                shown += " ".join(f"#{tag}" for tag in annotation.tags)
                QToolTip.showText(help_event.globalPos(), tooltip(shown), self)
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def selection_rect(self) -> QRect:
        """The selection's bounding box in viewport coordinates (from its first to last line)."""
        cursor = self.textCursor()
        start, end = QTextCursor(cursor), QTextCursor(cursor)
        start.setPosition(cursor.selectionStart())
        end.setPosition(cursor.selectionEnd())
        first, last = self.cursorRect(start), self.cursorRect(end)
        return QRect(first.topLeft(), last.bottomRight()) if last.top() > first.top() else first.united(last)

    def annotation_at(self, position: int) -> str | None:
        index = bisect_right(self._highlights, (position, float("inf"), "")) - 1
        while index >= 0:
            start, end, annotation_id = self._highlights[index]
            if start <= position < end:
                return annotation_id
            index -= 1
            if end < position - 2000:  # spans are short; stop looking far back
                break
        return None

    # -- selection in plain-text offsets --------------------------------------------------
    def selected_span(self, whole_sentences: bool = False) -> tuple[int, int] | None:
        cursor = self.textCursor()
        if self.layout_map is None or self.article is None or not cursor.hasSelection():
            return None
        start = self.layout_map.plain_offset(cursor.selectionStart())
        end = self.layout_map.plain_offset(cursor.selectionEnd())
        text = self.article.plain_text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if whole_sentences and end > start:
            while start > 0 and text[start - 1] not in SENTENCE_ENDS and text[start - 1] != "\n":
                start -= 1
            while end < len(text) and text[end - 1] not in SENTENCE_ENDS and text[end] != "\n":
                end += 1
        if end > start:
            start, end = self.article.within_one_turn(start, end)  # never a speaker's name line
        return (start, end) if end > start else None

    def select_span(self, start: int, end: int) -> None:
        """Selects plain_text[start:end] and scrolls it into view."""
        if self.layout_map is None:
            return
        cursor = self.textCursor()
        cursor.setPosition(self.layout_map.document_position(start))
        cursor.setPosition(self.layout_map.document_position(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def select_in_speaker_line(self, block: int, start: int, end: int) -> None:
        """Selects [start, end) of the speaker line above the turn that starts at block (the
        name and affiliation, as search indexes them) and scrolls it into view."""
        if self.layout_map is None or not 0 <= block < len(self.layout_map.starts):
            return
        line = self.document().findBlock(self.layout_map.starts[block]).previous()
        if not line.isValid() or not self._is_speaker_line(line):
            return
        text = line.text()
        cursor = self.textCursor()
        cursor.setPosition(line.position() + utf16_length(text[:start]))
        cursor.setPosition(line.position() + utf16_length(text[:end]), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def scroll_to_block(self, block: int) -> None:
        if self.layout_map is None or not 0 <= block < len(self.layout_map.starts):
            return
        self.verticalScrollBar().setValue(max(0, int(self._block_top(block)) - SCROLL_MARGIN))

    def _block_top(self, block: int) -> float:
        """Where an article block begins in the laid-out document (with its speaker's name line,
        for the first block of a turn). Asking lays the document out up to there: it lays itself
        out lazily."""
        assert self.layout_map is not None
        text_block = self.document().findBlock(self.layout_map.starts[block])
        previous = text_block.previous()
        if previous.isValid() and previous.text().strip() and self._is_speaker_line(previous):
            text_block = previous
        return self.document().documentLayout().blockBoundingRect(text_block).top()

    def _is_speaker_line(self, text_block: object) -> bool:
        """True for the name line the layout puts before a turn (it is no article block)."""
        if self.layout_map is None or not self.layout_map.starts:
            return False
        starts, position = self.layout_map.starts, text_block.position()  # type: ignore[attr-defined]
        found = bisect_left(starts, position)  # on every scroll step: no scan of the list
        return position > starts[0] and not (found < len(starts) and starts[found] == position)

    def first_visible_block(self) -> int | None:
        """The article block at the top of the view; None above the first one (the title and
        the article's details). Found from the blocks' laid-out positions, not by a hit test:
        until the lazy layout is done, a hit test answers from a layout still under way."""
        if self.layout_map is None:
            return None
        count = len(self.layout_map.starts)
        # Hidden blocks (a focus on one speaker) have no place in the layout: only the shown count.
        shown = (
            range(count) if self.focused_blocks is None else sorted(b for b in self.focused_blocks if 0 <= b < count)
        )
        top = self.verticalScrollBar().value() + SCROLL_MARGIN + 1  # + 1: scroll positions are whole pixels
        if not shown or self._block_top(shown[0]) > top:
            return None
        low, high = 0, len(shown) - 1
        while low < high:  # the last block that begins at or above the top of the view
            middle = (low + high + 1) // 2
            if self._block_top(shown[middle]) <= top:
                low = middle
            else:
                high = middle - 1
        return shown[low]

    def place(self) -> tuple[int, float] | None:
        """Where the reader is: the block at the top of the view and how far into it (0 at its
        top, 1 at its bottom), so that a place survives a new width, a new size or a restart.
        None at the title."""
        block = self.first_visible_block()
        if block is None or self.layout_map is None:
            return None
        top, bottom = self._block_top(block), self._block_bottom(block)
        into = self.verticalScrollBar().value() + SCROLL_MARGIN - top
        return block, min(1.0, max(0.0, into / (bottom - top))) if bottom > top else 0.0

    def go_to_place(self, place: tuple[int, float] | None) -> None:
        if place is None:
            self.verticalScrollBar().setValue(0)
            return
        block, into = place
        if self.layout_map is None or not 0 <= block < len(self.layout_map.starts):
            return
        top, bottom = self._block_top(block), self._block_bottom(block)
        self.verticalScrollBar().setValue(max(0, round(top + into * (bottom - top)) - SCROLL_MARGIN))

    def _block_bottom(self, block: int) -> float:
        assert self.layout_map is not None
        text_block = self.document().findBlock(self.layout_map.starts[block])
        return self.document().documentLayout().blockBoundingRect(text_block).bottom()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        """A new width lays the text out again, in a column of the chosen measure; the place
        stays where it was (maximising used to leave the view at the end of the article)."""
        place = self.place() if self.article is not None and event.oldSize().isValid() else None
        super().resizeEvent(event)
        self._apply_measure()
        if place is not None:
            self.go_to_place(place)

    def column_width(self) -> float:
        """The width lines are set in: the measure in characters of the body text, or the whole
        view when that is narrower (or the measure is 0)."""
        available = self.viewport().width() - 2 * self.document().documentMargin()
        if not self.typography.measure:
            return available
        font = QFont(self.document().defaultFont())
        font.setPointSizeF(self.point_size)
        wanted = QFontMetricsF(font).horizontalAdvance("中") * self.typography.measure
        return min(available, wanted)

    def _apply_measure(self) -> None:
        """Centres the text column: the left and right margins of the document's root frame (the
        document margin is that frame's margin) take what the column leaves of the view; the
        page colour fills them. Nothing is laid out again when nothing changed."""
        margin = self.document().documentMargin()
        available = self.viewport().width() - 2 * margin
        side = margin + max(0.0, (available - self.column_width()) / 2)
        frame = self.document().rootFrame()
        fmt = frame.frameFormat()
        if abs(fmt.leftMargin() - side) >= 1 or abs(fmt.rightMargin() - side) >= 1:
            fmt.setLeftMargin(side)
            fmt.setRightMargin(side)
            frame.setFrameFormat(fmt)

    def redraw(self, placed: list[Placed]) -> None:
        """Lays the article out again (a new size, typeface, theme…) and keeps the place."""
        if self.article is not None:
            place = self.place()
            self.show_article(self.article, placed)
            self.go_to_place(place)

    def set_show_removed(self, shown: bool, placed: list[Placed]) -> None:
        self.show_removed = shown
        self.redraw(placed)

    def set_typography(self, typography: Typography, placed: list[Placed]) -> None:
        self.typography = typography
        self.redraw(placed)

    # -- focus on a speaker -----------------------------------------------------------------
    def show_only(self, blocks: set[int] | None) -> None:
        """Shows only these article blocks (with their speaker lines), or everything for None.
        The title stays; offsets, highlights and the selection work as before."""
        if self.layout_map is None:
            return
        starts = self.layout_map.starts
        first = {position: number for number, position in enumerate(starts)}
        document = self.document()
        text_block = document.begin()
        while text_block.isValid():
            position = text_block.position()
            if blocks is None or not starts or position < starts[0]:
                visible = True
            elif position in first:
                visible = first[position] in blocks
            else:  # a speaker's name line belongs to the block after it
                visible = self.layout_map.block_of_position(position) + 1 in blocks
            text_block.setVisible(visible)
            text_block = text_block.next()
        document.markContentsDirty(0, document.characterCount())
        self.viewport().update()
        self.focused_blocks = blocks

    # -- zoom -------------------------------------------------------------------------------
    def set_point_size(self, size: float, placed: list[Placed]) -> None:
        self.point_size = max(MIN_POINT_SIZE, min(MAX_POINT_SIZE, size))
        self.redraw(placed)

    # -- clicks -----------------------------------------------------------------------------
    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        from PySide6.QtCore import Qt

        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and self.textCursor().hasSelection():
            self.selection_finished.emit()
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            annotation_id = self.annotation_at(self.cursorForPosition(event.position().toPoint()).position())
            if annotation_id is not None:
                self.highlight_clicked.emit(annotation_id)
