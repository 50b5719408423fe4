"""Recognises a source's format from its content (never its file name) and reads it into raw
blocks plus the metadata it declares.

Formats: Jekyll-style front matter followed by HTML or Markdown; HTML; a plain-text dump with
``标题:`` / ``链接:`` / ``正文:`` headers; Markdown; plain text (one paragraph a line).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

import markdown

from desktop_app.corpus.front_matter import first_text, split_front_matter
from desktop_app.corpus.html_reader import read_html
from desktop_app.corpus.model import BlockKind
from desktop_app.corpus.page_title import strip_site_suffix
from desktop_app.corpus.raw import RawBlock, is_cjk
from desktop_app.corpus.speaker_labels import find_label
from desktop_app.corpus.web_page import is_whole_page, read_web_page


@dataclass
class Metadata:
    title: str | None = None
    source_url: str | None = None
    date: str | None = None
    publisher: str | None = None
    tags: list[str] = field(default_factory=list)
    roles: dict[str, str] = field(default_factory=dict)  # who hosts and who guests, as the front matter says


class SourceFormat(StrEnum):
    WEB_PAGE = "web-page"  # a saved page with site chrome (trafilatura finds the article)
    HTML = "html"
    MARKDOWN = "markdown"
    TEXT_DUMP = "text-dump"  # 标题: / 链接: / 正文: headers
    TEXT = "text"  # one paragraph a line

    @property
    def is_plain_text(self) -> bool:
        """Headings are not marked up: a short line between paragraphs may be one."""
        return self in (SourceFormat.TEXT, SourceFormat.TEXT_DUMP)


@dataclass
class SourceDocument:
    format: SourceFormat
    blocks: list[RawBlock]
    meta: Metadata


_HTML_HINT = re.compile(r"<(?:html|body|div|p|article|section|h[1-6]|span|br)\b[^>]*>", re.I)
_LEADING_TAG = re.compile(r"\A\s*<(?:!--|!doctype|[a-z][a-z0-9]*\b)", re.I)
_HASHTAG_LINE = re.compile(r"^#[^\s#][^\n]*$", re.M)
_TAG_TOKEN = re.compile(r"#([^\s#]+)")
_MARKDOWN_HINT = re.compile(
    r"^(?:#{1,6}\s|[=-]{3,}\s*$|>\s|\s*[*+-]\s)|\*\*[^*\n]+\*\*|!?\[[^\[\]\n]*\]\([^)\s]+\)", re.M
)  # no "[" inside: "[[[…" would backtrack quadratically
_DUMP_HEADER = re.compile(r"^(标题|链接|来源|作者|日期|时间|发布时间|正文)\s*[:：]\s*(.*)$")
_DATE = re.compile(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})")
_ASCII_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_INLINE_DASHES = re.compile(r"(?<=[^\s-])(?:---)+(?=[^\s-])")
_LIST_MARKER = re.compile(r"^(?:\d{1,2}[、.．)]|[•·●▪◆-]\s)")


def normalise_date(value: str | None) -> str | None:
    if not value:
        return None
    found = _DATE.search(value)
    if not found:
        return None
    year, month, day = found.groups()
    return f"{year}-{int(month):02d}-{int(day):02d}"


_SETEXT_UNDERLINE = re.compile(r"^\s{0,3}(?:=+|-+)\s*$")
_QUOTE_PREFIX = re.compile(r"^(?:\s{0,3}>\s?)+")


def _keep_cjk_line_breaks(text: str) -> str:
    """Chinese is never hard-wrapped: a line break next to Chinese text inside a paragraph is the
    author's (a roster, a poem, turns a clipper put on separate lines), so it stays a break (a
    Markdown hard break); hard-wrapped Latin text still flows."""
    lines = text.split("\n")
    fenced = False
    for index, line in enumerate(lines[:-1]):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        following = lines[index + 1]
        if fenced or not line.strip() or not following.strip() or _SETEXT_UNDERLINE.match(following):
            continue
        before = line.rstrip()[-1:]
        after = _QUOTE_PREFIX.sub("", following).lstrip()[:1]
        if (before and is_cjk(before)) or (after and is_cjk(after)):
            lines[index] = line.rstrip() + "  "
    return "\n".join(lines)


_IMAGE_REFERENCE = re.compile(r"!\[[^\]\n]*\]\[[^\]\n]*\]")
_LINK_REFERENCE = re.compile(r"(?<!!)\[([^\]\n]+)\]\[[^\]\n]*\]")
_REFERENCE_DEFINITION = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]+\S.*$", re.M)


def _markdown_to_blocks(text: str) -> tuple[list[RawBlock], dict[str, str]]:
    # Python-Markdown leaves escapes such as \| \& \~ alone; turn every ASCII escape into an
    # entity so that it reads as the bare character and is never taken for markup.
    escaped = _ASCII_ESCAPE.sub(lambda m: f"&#{ord(m.group(1))};", text)
    # Converters write an em dash as '---' inside a line ('体系------OpenAI'); it is no rule.
    escaped = _INLINE_DASHES.sub(lambda m: "—" * (len(m.group(0)) // 3), escaped)
    # An image by reference and the references themselves are never text, even when a template
    # language in the target ('{{ … | relative_url }}') keeps Python-Markdown from resolving them.
    escaped = _REFERENCE_DEFINITION.sub("", _IMAGE_REFERENCE.sub("", escaped))
    escaped = _LINK_REFERENCE.sub(r"\1", escaped)  # '[words][ref]': the words (targets never show)
    document = read_html(markdown.markdown(_keep_cjk_line_breaks(escaped), output_format="html"))
    return document.blocks, document.meta


_TITLE_LINE_MAX = 60
_SENTENCE_CLOSE = re.compile(r"[。！？!?…；;，,、]$")


def _plain_lines_to_blocks(lines: list[str], first_line_is_title: bool = False) -> list[RawBlock]:
    """One paragraph a line. In a plain-text article, a short first line without a sentence's
    end, set off by a blank line, is its title (unless it is a speaker's label alone)."""
    blocks = []
    for line in lines:
        line = line.strip()
        if line:
            kind = BlockKind.LIST_ITEM if _LIST_MARKER.match(line) else BlockKind.PARAGRAPH
            blocks.append(RawBlock.plain(line, kind))
    if first_line_is_title and len(blocks) > 1:
        first = next(index for index, line in enumerate(lines) if line.strip())
        set_off = first + 1 < len(lines) and not lines[first + 1].strip()
        text = blocks[0].text
        label = find_label(blocks[0])
        if (
            set_off
            and len(text) <= _TITLE_LINE_MAX
            and not _SENTENCE_CLOSE.search(text)
            and (label is None or label.rest)
        ):
            blocks[0] = RawBlock.plain(text, BlockKind.HEADING, level=1)
    return blocks


def _read_dump(text: str) -> SourceDocument:
    meta = Metadata()
    lines = text.splitlines()
    body_start = 0
    for index, line in enumerate(lines[:20]):
        found = _DUMP_HEADER.match(line.strip())
        if not found:
            if line.strip():
                break
            continue
        key, value = found.groups()
        body_start = index + 1
        if key == "标题":
            meta.title = value.strip() or None
        elif key == "链接":
            meta.source_url = value.strip() or None
        elif key in {"来源", "作者"}:
            meta.publisher = value.strip() or None
        elif key in {"日期", "时间", "发布时间"}:
            meta.date = normalise_date(value)
        elif key == "正文":
            if value.strip():
                lines[index] = value
                body_start = index
            break
    return SourceDocument(SourceFormat.TEXT_DUMP, _plain_lines_to_blocks(lines[body_start:]), meta)


_PLACEHOLDER = re.compile(r"@|copyright|©|all rights reserved|版权所有|^name\b|^admin$|^unknown$", re.I)


def _publisher(value: str | None) -> str | None:
    """A name worth showing as the author or publisher: not an e-mail, a copyright line or a
    template placeholder (``name, email@…``)."""
    value = " ".join((value or "").split())
    if not value or len(value) > 40 or _PLACEHOLDER.search(value):
        return None
    return value


def _from_html_meta(meta: Metadata, html_meta: dict[str, str]) -> None:
    meta.title = meta.title or html_meta.get("og:title") or html_meta.get("title")
    meta.source_url = meta.source_url or html_meta.get("og:url") or html_meta.get("canonical") or html_meta.get("url")
    meta.date = meta.date or normalise_date(
        html_meta.get("article:published_time") or html_meta.get("date") or html_meta.get("pubdate")
    )
    meta.publisher = (
        meta.publisher
        or _publisher(html_meta.get("og:site_name"))
        or _publisher(html_meta.get("author"))
        or _publisher(html_meta.get("sitename"))
    )


def _is_dump(text: str) -> bool:
    head = [line.strip() for line in text.splitlines()[:12] if line.strip()]
    return bool(head) and _DUMP_HEADER.match(head[0]) is not None and any(line.startswith("正文") for line in head)


def _front_matter_meta(values: dict[str, object]) -> Metadata:
    meta = Metadata()
    meta.title = first_text(values, "title")
    meta.date = normalise_date(
        first_text(values, "date", "published", "pubdate", "created", "date_saved", "saved_date")
    )
    meta.source_url = first_text(values, "original_url", "source", "url", "link", "canonical")
    if meta.source_url and not meta.source_url.startswith(("http://", "https://")):
        meta.source_url = None
    meta.publisher = _publisher(first_text(values, "publisher", "author", "site", "show"))
    tags = values.get("tags") or []
    meta.tags = [str(tag) for tag in tags] if isinstance(tags, list) else [str(tags)]
    meta.roles = _declared_roles(values)
    return meta


_ROLE_KEYS = {
    "host": "host",
    "hosts": "host",
    "主持": "host",
    "主持人": "host",
    "主播": "host",
    "guest": "guest",
    "guests": "guest",
    "嘉宾": "guest",
    "嘉賓": "guest",
    "来宾": "guest",
    "來賓": "guest",
}


def _declared_roles(values: dict[str, object]) -> dict[str, str]:
    """Names under the front matter's host / guest keys (a podcast's notes), top level or one
    mapping down: name -> 'host' or 'guest'."""
    roles: dict[str, str] = {}
    mappings = [values, *(value for value in values.values() if isinstance(value, dict))]
    for mapping in mappings:
        for key, value in mapping.items():
            role = _ROLE_KEYS.get(str(key).strip().lower())
            if role is None:
                continue
            names = value if isinstance(value, list) else [value]
            for entry in names:
                for name in re.split(r"\s*[,，、/&;；]\s*|\s+和\s*", str(entry or "")):
                    if 1 <= len(name.strip()) <= 30:
                        roles.setdefault(name.strip(), role)
    return roles


def _take_hashtag_lines(text: str, meta: Metadata) -> str:
    """A line of ``#tag`` words (Obsidian, Omnivore) is the clip's tags, not a heading: Python-
    Markdown would read ``#Omnivore`` as a first-level heading."""

    def take(found: re.Match[str]) -> str:
        line = found.group(0)
        tokens = _TAG_TOKEN.findall(line)
        if tokens and not _TAG_TOKEN.sub("", line).strip():
            meta.tags.extend(token for token in tokens if token not in meta.tags)
            return ""
        return line

    return _HASHTAG_LINE.sub(take, text)


_ANY_TAG = re.compile(r"</?[a-z][a-z0-9]*\b[^>]*>", re.I)


def _looks_like_html(text: str) -> bool:
    """HTML when the document is mostly markup; Markdown with inline HTML (a stray ``<br />``, an
    ``<iframe>`` or ``<blockquote>``, a banner ``<p><img></p>`` first) stays Markdown."""
    head = text[:50000]
    markdown_marks = len(_MARKDOWN_HINT.findall(head))
    if _LEADING_TAG.match(text) is not None:
        return len(_ANY_TAG.findall(head)) > 3 * markdown_marks
    return _HTML_HINT.search(head) is not None and markdown_marks == 0


# reStructuredText (Pelican and Sphinx posts): a field list of metadata under the title, directives
# ('.. youtube:: ID', '.. container:: name') with their options, and `text <url>`_ links.
_RST_DIRECTIVE = re.compile(r"^[ \t]*\.\.[ \t]+[\w-]+::", re.M)
_RST_FIELD_LIST = re.compile(r"^[=\-~#*^]{4,}[ \t]*\n+(?::[\w-]+:[ \t].*\n){2,}", re.M)
_RST_FIELD = re.compile(r"^[ \t]*:([\w-]+):(?:[ \t]+(.*))?$")
_RST_LINK = re.compile(r"`([^`<]+?)\s*<[^>`]+>`_{1,2}")


def _without_rst_markup(text: str, meta: Metadata) -> str:
    """The text of a reStructuredText post without its markup: field lines become metadata
    (date, tags), directive lines and their options go, links keep their words."""
    lines = []
    for line in text.splitlines():
        field = _RST_FIELD.match(line)
        if field:
            name, value = field.group(1).lower(), (field.group(2) or "").strip()
            if name == "date":
                meta.date = meta.date or normalise_date(value)
            elif name == "tags" and value:
                meta.tags.extend(tag.strip() for tag in value.split(",") if tag.strip())
            continue
        if _RST_DIRECTIVE.match(line):
            continue
        # Indentation is structure in reStructuredText (a directive's body, a block quote), never
        # a code block to the reader.
        lines.append(_RST_LINK.sub(r"\1", line.strip()))
    return "\n".join(lines)


def read_source(text: str) -> SourceDocument:
    """Reads a decoded source of any supported format."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    values, text = split_front_matter(text)
    meta = _front_matter_meta(values) if values is not None else Metadata()
    if _is_dump(text):
        document = _read_dump(text)
        document.meta.tags = meta.tags
        return document
    if _looks_like_html(text):
        page = read_web_page(text) if is_whole_page(text) else None
        html = page or read_html(text)
        if page is None and html.meta.get("title"):  # a small page: its <title> still carries the site
            html.meta["title"] = strip_site_suffix(html.meta["title"])
        _from_html_meta(meta, html.meta)
        return SourceDocument(SourceFormat.WEB_PAGE if page else SourceFormat.HTML, html.blocks, meta)
    if _RST_DIRECTIVE.search(text) or _RST_FIELD_LIST.search(text):
        text = _without_rst_markup(text, meta)
    if _MARKDOWN_HINT.search(text):
        blocks, _ = _markdown_to_blocks(_take_hashtag_lines(text, meta))
        return SourceDocument(SourceFormat.MARKDOWN, blocks, meta)
    return SourceDocument(SourceFormat.TEXT, _plain_lines_to_blocks(text.splitlines(), first_line_is_title=True), meta)
