"""Annotations as a Markdown document a person reads (and Obsidian, Typora or GitHub render).

Layout: a header with the user and the export time; an article a section (title, source link,
date), its highlights in reading order under their topic headings, each a blockquote with the
speaker, the color and a link back (``aigc-reader://open?article=ID&block=N``), the note and
tags below; orphaned annotations in a section of their own at the end.

Quotes and notes are user text, never markup: every character Markdown could read as syntax is
escaped, so the rendered document shows them exactly as written. Lines are never wrapped (a
line break inside Chinese text shows as a space in most renderers).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from datetime import datetime
from itertools import groupby
from urllib.parse import quote, urlsplit

from desktop_app.annotations.colors import shown_name
from desktop_app.annotations.model import ORPHANED, Placed
from desktop_app.corpus.model import Article

# Characters that are syntax anywhere in a line, and those that are syntax only where a line
# starts (headings, quotes, lists, rules, setext underlines). Backslash escapes where
# Markdown honours them; character references for the rest.
_ANYWHERE = {
    "\\": "\\\\",
    "`": "\\`",
    "*": "\\*",
    "_": "\\_",
    "[": "\\[",
    "]": "\\]",
    "<": "&lt;",
    "&": "&amp;",
    "|": "&#124;",
}
_AT_LINE_START = {"#": "\\#", ">": "\\>", "+": "\\+", "-": "\\-", "=": "&#61;"}
_ORDERED_ITEM = re.compile(r"^(\d+)([.)])")


# The document's own words, in the language of the UI that exports it (the CLI: Chinese).
WORDING = {
    "zh": {
        "title": "批注导出",
        "header": "用户：{user} · 导出时间：{time} · 共 {count} 条",
        "tags": "标签：",
        "source": "来源",
        "link": "原文",
        "gone": "（这篇文章已不在文库中）",
        "orphans": "未能定位的批注",
        "orphans_note": "原文已改动，这些批注找不到原来的位置；内容完整保留。",
        "affiliation": "（{}）",
    },
    "en": {
        "title": "Annotations",
        "header": "User: {user} · exported {time} · {count} in all",
        "tags": "Tags: ",
        "source": "source",
        "link": "passage",
        "gone": "(this article is no longer in the library)",
        "orphans": "Annotations that could not be placed",
        "orphans_note": "The text has changed and these passages were not found again; they are kept whole.",
        "affiliation": " ({})",
    },
}
COLOR_WORDS_EN = {"yellow": "yellow", "green": "green", "blue": "blue", "pink": "pink", "purple": "purple"}


def local_time(iso: str) -> str:
    """'2026-12-03T08:14:09.123Z' as the reader's clock shows it: '2026-12-03 16:14' (UTC+8)."""
    try:
        moment = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return iso
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def open_link(article_id: str, block: int | None) -> str:
    """Every character of the id that could end the query or the Markdown link is percent-encoded."""
    query = f"article={quote(article_id, safe='')}" + (f"&block={block}" if block is not None else "")
    return f"aigc-reader://open?{query}"


def safe_source_url(url: str) -> str | None:
    """The URL as a link target, or None: only http(s) links to a host are written (a
    ``javascript:`` or ``file:`` link from a page's metadata must never become clickable)."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return quote(url.strip(), safe=";/?:@&=+$,#%[]!~*'()")  # spaces, <, >, quotes, newlines and non-ASCII encoded


def _one_line(text: str) -> str:
    """Metadata from a file may hold line breaks; they must not break the document's layout."""
    return " ".join(text.split())


def _printable(text: str) -> str:
    # Control characters are invisible, and Python-Markdown uses STX/ETX as its own placeholders.
    return "".join(char for char in text if char.isspace() or unicodedata.category(char) != "Cc")


def escape_inline(text: str) -> str:
    """Text that renders as itself inside a Markdown paragraph (not at a line's start)."""
    return "".join(_ANYWHERE.get(char, char) for char in _printable(text))


def escape_line(line: str) -> str:
    """A whole line that renders as itself: also safe where a line starts."""
    line = _printable(line)
    body = line.lstrip(" \t")
    # Leading white space would start a code block: kept as references instead.
    indent = "".join("&#9;" if char == "\t" else "&#32;" for char in line[: len(line) - len(body)])
    escaped = escape_inline(body)
    if body[:1] in _AT_LINE_START:
        escaped = _AT_LINE_START[body[0]] + escaped[1:]
    else:
        escaped = _ORDERED_ITEM.sub(lambda m: m.group(1) + "\\" + m.group(2), escaped)
    return indent + escaped


def escape_heading(text: str) -> str:
    """Heading text: also keeps '#' that would close the heading."""
    return "".join("\\#" if char == "#" else _ANYWHERE.get(char, char) for char in " ".join(_printable(text).split()))


def escape_lines(text: str) -> list[str]:
    return [escape_line(line) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]


def _blockquote(lines: list[str]) -> str:
    # Two trailing spaces: a line break inside the quote, as in the source.
    return "\n".join(("> " + line + "  ").rstrip() if line else ">" for line in lines)


def _color(name: str, words: dict[str, str]) -> str:
    shown = shown_name(name)
    if words is WORDING["en"] and " " in shown:
        return shown.split(" ", 1)[0] + " " + COLOR_WORDS_EN.get(name, name)
    return shown


def _speaker_line(placed: Placed, article: Article | None, words: dict[str, str]) -> str:
    parts = []
    speaker = placed.placement.speaker
    if speaker:
        details = article.speaker(speaker) if article else None
        name = f"**{escape_inline(_one_line(speaker))}**"
        if details and details.affiliation:
            name += words["affiliation"].format(escape_inline(_one_line(details.affiliation)))
        parts.append("— " + name)
    parts.append(_color(placed.annotation.color, words))
    if placed.placement.status != ORPHANED:
        parts.append(f"[{words['link']}]({open_link(placed.annotation.article, placed.placement.block)})")
    return " · ".join(parts)


def _entry(placed: Placed, article: Article | None, words: dict[str, str]) -> list[str]:
    annotation = placed.annotation
    lines = [_blockquote(escape_lines(annotation.anchor.quote)), ">", "> " + _speaker_line(placed, article, words), ""]
    if annotation.note.strip():
        note_lines = escape_lines(annotation.note)
        lines += [line + "  " if line else "" for line in note_lines] + [""]
    if annotation.tags:
        # '#tag' as Obsidian and Logseq read tags: after '标签：' a '#' can never start a heading.
        lines += [words["tags"] + " ".join("#" + escape_inline(tag) for tag in annotation.tags), ""]
    return lines


def _separated(entry: list[str], number: int) -> list[str]:
    """Consecutive blockquotes merge into one in Python-Markdown (and some other renderers)
    when nothing stands between them: an empty comment keeps each highlight its own quote."""
    return entry if number == 0 else ["<!-- -->", "", *entry]


def _article_header(article_id: str, article: Article | None, words: dict[str, str]) -> list[str]:
    if article is None:
        return [f"## {escape_heading(article_id)}", "", words["gone"], ""]
    lines = [f"## {escape_heading(article.title)}", ""]
    details = [escape_inline(_one_line(part)) for part in (article.publisher, article.date) if part and part.strip()]
    source = safe_source_url(article.source_url) if article.source_url else None
    if source:
        details.append(f"[{words['source']}](<{source}>)")
    if details:
        lines += [" · ".join(details), ""]
    return lines


def render_markdown(
    placed: Sequence[Placed],
    article_of: Callable[[str], Article | None],
    user: str,
    exported_at: str,
    language: str = "zh",
) -> str:
    """The export document; ``placed`` in reading order (``Annotations.list``); its own words in
    ``language`` ("zh" or "en")."""
    words = WORDING.get(language, WORDING["zh"])
    header = words["header"].format(
        user=escape_inline(user), time=escape_inline(local_time(exported_at)), count=len(placed)
    )
    lines = ["# " + words["title"], "", header, ""]
    anchored = [p for p in placed if p.placement.status != ORPHANED]
    orphans = [p for p in placed if p.placement.status == ORPHANED]
    for article_id, entries in groupby(anchored, key=lambda p: p.annotation.article):
        article = article_of(article_id)
        lines += _article_header(article_id, article, words)
        for topic, in_topic in groupby(entries, key=lambda p: p.placement.topic):
            if topic is not None and article is not None and topic < len(article.topics):
                lines += [f"### {escape_heading(article.topics[topic].title)}", ""]
            for number, entry in enumerate(in_topic):
                lines += _separated(_entry(entry, article, words), number)
    if orphans:
        lines += ["## " + words["orphans"], "", words["orphans_note"], ""]
        for article_id, entries in groupby(orphans, key=lambda p: p.annotation.article):
            article = article_of(article_id)
            title = article.title if article else article_id
            lines += [f"### {escape_heading(title)}", ""]
            for number, entry in enumerate(entries):
                lines += _separated(_entry(entry, article, words), number)
    return "\n".join(lines).rstrip("\n") + "\n"
