"""HTML to RawBlocks. Also the second half of the Markdown path (Markdown is rendered to HTML
with Python-Markdown first), so both formats are sanitised by the same code.

Sanitising is by construction: only text is kept. Scripts, styles, iframes, forms, hidden
elements and images are dropped with their content; link targets are recorded for metadata and
never rendered, so an article can neither read local files nor call out to the network.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from desktop_app.corpus.model import BlockKind
from desktop_app.corpus.raw import RawBlock, join_soft_breaks

_SKIPPED = {
    "script",
    "style",
    "iframe",
    "form",
    "noscript",
    "template",
    "svg",
    "object",
    "embed",
    "button",
    "select",
    "textarea",
    "input",
    "head",
    "title",
    "canvas",
    "audio",
    "video",
    "math",
    "summary",  # a disclosure widget's label ('Original English', '展开'): the page's control, not its text
}
_BLOCKS = {
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "nav",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "dt",
    "dd",
    "dl",
    "figure",
    "figcaption",
    "hr",
    "body",
    "html",
}
_EMBEDDED = {"audio", "video", "iframe", "object", "embed", "canvas", "svg"}
_BOLD = {"strong", "b"}
_VOID = {"br", "img", "hr", "meta", "link", "input", "area", "base", "col", "embed", "source", "wbr"}
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none", re.I)


@dataclass
class HtmlDocument:
    blocks: list[RawBlock]
    meta: dict[str, str] = field(default_factory=dict)  # <title>, <meta>, canonical link, charset


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[RawBlock] = []
        self.meta: dict[str, str] = {}
        self._stack: list[str] = []
        self._skip_depth = 0  # >0 while inside a dropped element
        self._bold_depth = 0
        self._pieces: list[tuple[str, bool]] = []
        self._current = RawBlock()
        self._link_depth = 0
        self._title: list[str] = []
        self._in_title = False

    # -- structure -------------------------------------------------------------------------
    def _kind(self) -> tuple[str, int]:
        for tag in reversed(self._stack):
            if tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
                return BlockKind.HEADING, int(tag[1])
            if tag == "li":
                return BlockKind.LIST_ITEM, 0
            if tag == "blockquote":
                return BlockKind.QUOTE, 0
        return BlockKind.PARAGRAPH, 0

    def _flush(self) -> None:
        runs = join_soft_breaks(self._pieces)
        block = self._current
        if runs or block.has_image:
            block.runs = runs
            block.kind, block.level = self._kind()
            self.blocks.append(block)
        self._pieces = []
        self._current = RawBlock()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "meta":
            self._read_meta(values)
        elif tag == "link" and "canonical" in values.get("rel", "").lower() and values.get("href"):
            self.meta.setdefault("canonical", values["href"])
        if tag == "title":
            self._in_title = True
        if tag in _VOID:
            self._void(tag, values)
            return
        hidden = "hidden" in values or _HIDDEN_STYLE.search(values.get("style", "")) is not None
        if self._skip_depth or tag in _SKIPPED or hidden:
            if not self._skip_depth and tag in _EMBEDDED:
                self._flush()  # a player or an embed stands between what comes before and after it
            self._skip_depth += 1
            self._stack.append(tag)
            return
        if tag in _BLOCKS:
            self._flush()
        self._stack.append(tag)
        if tag in _BOLD:
            self._bold_depth += 1
        if tag == "a":
            self._link_depth += 1
            if values.get("href"):
                self._current.hrefs.append(values["href"])

    def _void(self, tag: str, values: dict[str, str]) -> None:
        if self._skip_depth:
            return
        if tag in {"br", "hr"}:
            self._flush()  # a hard line break ends a paragraph; the next keeps the enclosing kind
        elif tag == "img":
            self._current.has_image = True

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag in _VOID or tag not in self._stack:
            return
        while self._stack:
            open_tag = self._stack.pop()
            if self._skip_depth:
                self._skip_depth -= 1
            else:
                if open_tag in _BOLD:
                    self._bold_depth -= 1
                if open_tag == "a":
                    self._link_depth -= 1
                if open_tag in _BLOCKS:
                    self._stack.append(open_tag)  # flush with the element's own kind
                    self._flush()
                    self._stack.pop()
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self._title.append(data)
        if self._skip_depth:
            return
        self._pieces.append((data, self._bold_depth > 0))
        if self._link_depth:
            self._current.link_chars += len(data.strip())

    def _read_meta(self, values: dict[str, str]) -> None:
        key = (values.get("name") or values.get("property") or values.get("http-equiv") or "").lower()
        content = values.get("content", "")
        if values.get("charset"):
            self.meta.setdefault("charset", values["charset"])
        elif key == "content-type" and "charset=" in content.lower():
            self.meta.setdefault("charset", content.lower().split("charset=")[-1].strip())
        elif key and content:
            self.meta.setdefault(key, content)

    def close(self) -> None:
        super().close()
        self._flush()
        title = " ".join("".join(self._title).split())
        if title:
            self.meta.setdefault("title", title)


def read_html(html: str) -> HtmlDocument:
    """Parses HTML (or Python-Markdown output) into raw blocks and page metadata."""
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return HtmlDocument(reader.blocks, reader.meta)
