"""Recognises a source's format from its content (never its file name) and reads it into raw
blocks plus the metadata it declares.

Formats: Jekyll-style front matter followed by HTML or Markdown; HTML; a plain-text dump with
``标题:`` / ``链接:`` / ``正文:`` headers; Markdown; plain text (one paragraph a line).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

import markdown

from desktop_app.corpus.html_reader import read_html
from desktop_app.corpus.raw import RawBlock


@dataclass
class Metadata:
    title: str | None = None
    source_url: str | None = None
    date: str | None = None
    publisher: str | None = None
    tags: list[str] = field(default_factory=list)


@dataclass
class SourceDocument:
    format: str
    blocks: list[RawBlock]
    meta: Metadata


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*\n", re.S)
_HTML_HINT = re.compile(r"<(?:html|body|div|p|article|section|h[1-6]|span|br)\b[^>]*>", re.I)
_MARKDOWN_HINT = re.compile(r"^(?:#{1,6}\s|[=-]{3,}\s*$|>\s|\s*[*+-]\s)|\*\*[^*\n]+\*\*|!?\[[^\]\n]*\]\([^)\s]+\)", re.M)
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


def _parse_front_matter(text: str) -> dict[str, object]:
    """Reads the flat ``key: value`` pairs of front matter (nested keys are ignored)."""
    values: dict[str, object] = {}
    for line in text.splitlines():
        found = re.match(r"^([A-Za-z_][\w-]*)\s*:\s*(.*)$", line)
        if not found:
            continue
        key, raw = found.group(1).lower(), found.group(2).strip()
        if raw.startswith("["):
            try:
                values[key] = [str(item) for item in json.loads(raw)]
                continue
            except ValueError:
                values[key] = [part.strip(" '\"") for part in raw.strip("[]").split(",") if part.strip()]
                continue
        if len(raw) >= 2 and raw[0] == raw[-1] and raw[0] in "'\"":
            raw = raw[1:-1]
        values[key] = raw
    return values


def _markdown_to_blocks(text: str) -> tuple[list[RawBlock], dict[str, str]]:
    # Python-Markdown leaves escapes such as \| \& \~ alone; turn every ASCII escape into an
    # entity so that it reads as the bare character and is never taken for markup.
    escaped = _ASCII_ESCAPE.sub(lambda m: f"&#{ord(m.group(1))};", text)
    # Converters write an em dash as '---' inside a line ('体系------OpenAI'); it is no rule.
    escaped = _INLINE_DASHES.sub(lambda m: "—" * (len(m.group(0)) // 3), escaped)
    document = read_html(markdown.markdown(escaped, output_format="html"))
    return document.blocks, document.meta


def _plain_lines_to_blocks(lines: list[str]) -> list[RawBlock]:
    blocks = []
    for line in lines:
        line = line.strip()
        if line:
            kind = "list_item" if _LIST_MARKER.match(line) else "paragraph"
            blocks.append(RawBlock.plain(line, kind))
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
    return SourceDocument("text-dump", _plain_lines_to_blocks(lines[body_start:]), meta)


def _from_html_meta(meta: Metadata, html_meta: dict[str, str]) -> None:
    meta.title = meta.title or html_meta.get("og:title") or html_meta.get("title")
    meta.source_url = meta.source_url or html_meta.get("og:url") or html_meta.get("canonical")
    meta.date = meta.date or normalise_date(
        html_meta.get("article:published_time") or html_meta.get("date") or html_meta.get("pubdate")
    )
    meta.publisher = meta.publisher or html_meta.get("og:site_name") or html_meta.get("author")


def _is_dump(text: str) -> bool:
    head = [line.strip() for line in text.splitlines()[:12] if line.strip()]
    return bool(head) and _DUMP_HEADER.match(head[0]) is not None and any(
        line.startswith("正文") for line in head
    )


def read_source(text: str) -> SourceDocument:
    """Reads a decoded source of any supported format."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    meta = Metadata()
    front = _FRONT_MATTER.match(text)
    if front:
        values = _parse_front_matter(front.group(1))
        meta.title = str(values.get("title") or "") or None
        meta.date = normalise_date(str(values.get("date") or ""))
        meta.source_url = str(values.get("source") or values.get("url") or values.get("link") or "") or None
        meta.publisher = str(values.get("publisher") or values.get("author") or "") or None
        tags = values.get("tags") or []
        meta.tags = [str(tag) for tag in tags] if isinstance(tags, list) else [str(tags)]
        text = text[front.end() :]
    if _is_dump(text):
        document = _read_dump(text)
        document.meta.tags = meta.tags
        return document
    if _HTML_HINT.search(text[:20000]):
        html = read_html(text)
        _from_html_meta(meta, html.meta)
        return SourceDocument("html", html.blocks, meta)
    if _MARKDOWN_HINT.search(text):
        blocks, _ = _markdown_to_blocks(text)
        return SourceDocument("markdown", blocks, meta)
    return SourceDocument("text", _plain_lines_to_blocks(text.splitlines()), meta)
