"""Bytes to text for Chinese sources, in the order that does not misread them: BOM, declared
charset, strict UTF-8, strict GB18030 (a superset of GBK and GB2312) unless the bytes read as Big5
and make more sense that way, then charset-normalizer.
Detectors alone misread short Chinese texts, which is why they come last.
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer

from desktop_app.errors import ImportRejected

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16: the UTF-32 LE BOM starts with UTF-16 LE's
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_DECLARED = re.compile(
    rb"""(?:<meta[^>]+charset\s*=\s*["']?|^\s*(?:charset|encoding)\s*:\s*["']?)([A-Za-z0-9_-]{3,20})""",
    re.I | re.M,
)
_GB_FAMILY = {"gb2312", "gbk", "gb18030", "cp936", "euc-cn", "x-gbk"}


def _normalise_codec(name: str) -> str | None:
    lowered = name.lower()
    if lowered in _GB_FAMILY:
        return "gb18030"
    try:
        return codecs.lookup(lowered).name
    except LookupError:
        return None


def _looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters: not a text article (UTF-16 is handled before)."""
    sample = data[:4096]
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte < 32 and byte not in b"\t\n\r\x0c\x1b")
    return controls > len(sample) // 20


def _plausible(text: str) -> bool:
    """Mostly Han, ASCII text and common punctuation: what a real article decodes to."""
    good = sum(1 for c in text if c.isprintable() or c in "\n\r\t")
    common = sum(1 for c in text if c < "\u0250" or "\u3000" <= c <= "\u9fff" or "\uff00" <= c <= "\uffef" or c in "—“”‘’…")
    return bool(text) and good >= 0.98 * len(text) and common >= 0.9 * len(text)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 saved without a BOM: its ASCII characters leave NUL bytes, on odd positions for
    little-endian and even ones for big-endian."""
    sample = data[:4096]
    even_nuls, odd_nuls = sample[0::2].count(0), sample[1::2].count(0)
    if len(data) % 2 or even_nuls + odd_nuls == 0:
        return None
    encoding = "utf-16-le" if odd_nuls > even_nuls else "utf-16-be"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return text if _plausible(text) else None


def _gb_or_big5(data: bytes, as_gb: str) -> str:
    """Big5 (Taiwan, Hong Kong) bytes are nearly all valid GB18030 too, read as nonsense: when
    both read, the one whose characters make sense in Chinese wins (charset-normalizer's
    language coherence, limited to the two)."""
    try:
        data.decode("big5hkscs")
    except UnicodeDecodeError:
        return as_gb
    best = charset_normalizer.from_bytes(data, cp_isolation=["gb18030", "big5hkscs", "big5"]).best()
    if best is None or best.encoding == "gb18030":
        return as_gb
    return str(best)


def decode_text(data: bytes) -> str:
    """Decodes an article file.

    Raises:
        ImportRejected: the bytes are empty, binary or in no encoding we can read.
    """
    if not data.strip():
        raise ImportRejected("the file is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                raise ImportRejected(f"the file starts with a {encoding} mark but is not valid {encoding}") from None
    declared = _DECLARED.search(data[:4096])
    if declared:
        codec = _normalise_codec(declared.group(1).decode("ascii"))
        if codec:
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                pass  # a wrong declaration is common; fall through to the checks below
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    if _looks_binary(data):
        raise ImportRejected("the file is binary, not a text article")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        as_gb = data.decode("gb18030")
    except UnicodeDecodeError:
        as_gb = None
    if as_gb is not None:
        return _gb_or_big5(data, as_gb)
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise ImportRejected("the file's text encoding could not be recognised")
    return str(best)
