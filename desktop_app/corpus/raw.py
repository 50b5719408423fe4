"""The intermediate form every source format is read into before cleaning.

A RawBlock is one paragraph-like unit with its text split into runs that remember whether they
were bold: speaker labels and topic markers are recognised from that emphasis. Link targets are
kept only so that metadata (a source URL) can be read from them; they never reach the reader.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from desktop_app.corpus.model import BlockKind

CJK = r"\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef\u2018-\u201f\u2026\u2014"
_CJK_CHAR = re.compile(f"[{CJK}]")


def is_cjk(char: str) -> bool:
    """True for Han characters and CJK or full-width punctuation."""
    return bool(_CJK_CHAR.match(char))


@dataclass
class Run:
    text: str
    bold: bool = False


@dataclass
class RawBlock:
    kind: str = BlockKind.PARAGRAPH  # paragraph, heading, list_item, quote
    runs: list[Run] = field(default_factory=list)
    level: int = 0
    has_image: bool = False
    hrefs: list[str] = field(default_factory=list)
    link_chars: int = 0  # characters of text that sat inside links

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)

    @property
    def bold_only(self) -> bool:
        """Every visible character is bold (and there is at least one)."""
        visible = [run for run in self.runs if run.text.strip()]
        return bool(visible) and all(run.bold for run in visible)

    @property
    def leading_bold(self) -> str:
        """The bold text at the very start of the block ('' when it starts plain)."""
        parts: list[str] = []
        for run in self.runs:
            if not run.text.strip() and not parts:
                continue
            if not run.bold:
                break
            parts.append(run.text)
        return "".join(parts).strip()

    @property
    def after_leading_bold(self) -> str:
        text = self.text.strip()
        bold = self.leading_bold
        return text[len(bold) :] if bold and text.startswith(bold) else text

    @classmethod
    def plain(cls, text: str, kind: str = BlockKind.PARAGRAPH, level: int = 0) -> RawBlock:
        return cls(kind=kind, runs=[Run(text)], level=level)


def join_soft_breaks(pieces: list[tuple[str, bool]]) -> list[Run]:
    """Joins text pieces into runs, resolving white space the way a reader expects in Chinese.

    White space that contains a line break came from source formatting (HTML indentation, soft-
    wrapped Markdown): it disappears next to a CJK character, so that ``价`` + ``值`` across two
    ``<strong>`` tags reads ``价值``, and becomes one space between Latin words. Other white space
    is folded to one space.
    """
    chars: list[tuple[str, bool]] = []
    for text, bold in pieces:
        text = re.sub(r"[ \t\r\f\v\u00a0]*\n\s*", "\x00", text)
        text = re.sub(r"[ \t\r\f\v\u00a0]+", " ", text)
        chars.extend((char, bold) for char in text)
    resolved: list[tuple[str, bool]] = []
    for index, (char, bold) in enumerate(chars):
        if char != "\x00":
            resolved.append((char, bold))
            continue
        before = next((c for c, _ in reversed(resolved) if c not in "\x00 "), "")
        after = next((c for c, _ in chars[index + 1 :] if c not in "\x00 "), "")
        if before and after and not is_cjk(before) and not is_cjk(after):
            resolved.append((" ", bold))
    runs: list[Run] = []
    for char, bold in resolved:
        if char == " " and runs and runs[-1].text.endswith(" "):
            continue  # spaces that meet across runs fold to one
        if runs and runs[-1].bold == bold:
            runs[-1].text += char
        else:
            runs.append(Run(char, bold))
    _strip_runs(runs)
    return runs


def _strip_runs(runs: list[Run]) -> None:
    while runs and not runs[0].text.strip():
        runs.pop(0)
    while runs and not runs[-1].text.strip():
        runs.pop()
    if runs:
        runs[0].text = runs[0].text.lstrip()
        runs[-1].text = runs[-1].text.rstrip()
