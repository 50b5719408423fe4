"""Bytes to text for Chinese sources, in the order that does not misread them: BOM, declared
charset, strict UTF-8, strict GB18030 (a superset of GBK and GB2312) unless the bytes read as Big5
and make more sense that way, then charset-normalizer.
Detectors alone misread short Chinese texts, which is why they come last.
"""

from __future__ import annotations

import codecs
import re
from typing import NamedTuple

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
_HAN = re.compile("[\u4e00-\u9fff]")
_CJK = re.compile("[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
_BIG5_MIN_HAN = 8
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
    common = sum(
        1 for c in text if c < "\u0250" or "\u3000" <= c <= "\u9fff" or "\uff00" <= c <= "\uffef" or c in "—“”‘’…"
    )
    return bool(text) and good >= 0.98 * len(text) and common >= 0.9 * len(text)


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 saved without a BOM: its ASCII characters leave NUL bytes, on odd positions for
    little-endian and even ones for big-endian."""
    sample = data[:4096]
    if len(data) % 2 or len(sample) < 4:
        return None
    even_nuls, odd_nuls = sample[0::2].count(0), sample[1::2].count(0)
    if even_nuls + odd_nuls:
        encoding = "utf-16-le" if odd_nuls > even_nuls else "utf-16-be"
    elif sample.isascii():
        return None  # ASCII without a NUL is ASCII ('[[' is also U+5B5B)
    else:
        # Chinese alone leaves no NUL: then the high bytes give it away, nearly all in the Han
        # block (0x4E-0x9F) or CJK punctuation (0x30, 0xFF, 0x20), while the low bytes spread
        # over every value.
        def chinese_high_bytes(high: bytes) -> float:
            return sum(1 for byte in high if 0x4E <= byte <= 0x9F or byte in (0x30, 0xFF, 0x20)) / len(high)

        odd, even = chinese_high_bytes(sample[1::2]), chinese_high_bytes(sample[0::2])
        encoding = "utf-16-le" if odd > even else "utf-16-be"
        low = sample[0::2] if encoding == "utf-16-le" else sample[1::2]
        if max(odd, even) < 0.85 or sum(1 for byte in low if byte >= 0x80) < len(low) // 4:
            return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return (text, encoding) if _plausible(text) else None


_DOUBLE_BYTE = re.compile(rb"[\x81-\xfe][\x40-\xfe]")


def _gb2312_share(data: bytes) -> float:
    """How many of the double-byte pairs are GB2312's punctuation or Han (what simplified
    Chinese text is written in). Big5 read as GB lands mostly elsewhere: its lead bytes A4-AF
    are kana and Greek there, and half its trail bytes (40-7E) fall outside GB2312."""
    pairs = _DOUBLE_BYTE.findall(data)
    if not pairs:
        return 0.0
    common = sum(1 for pair in pairs if (0xA1 <= pair[0] <= 0xA3 or 0xB0 <= pair[0] <= 0xF7) and pair[1] >= 0xA1)
    return common / len(pairs)


def _reads_as_chinese_gb(data: bytes) -> bool:
    """For bytes that are valid UTF-8 without a single Chinese character (a few GB18030 pairs
    are valid UTF-8 too, read as Cyrillic or Latin): whether GB18030 reads them as Chinese."""
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return False
    return bool(_HAN.search(text)) and _plausible(text)


def _gb_or_big5(data: bytes, as_gb: str) -> Decoded:
    """Big5 (Taiwan, Hong Kong) bytes are nearly all valid GB18030 too, read as nonsense: when
    both read, the one whose characters make sense in Chinese wins (charset-normalizer's
    language coherence, limited to the two)."""
    try:
        data.decode("big5hkscs")
    except UnicodeDecodeError:
        return Decoded(as_gb, "gb18030")
    if _gb2312_share(data) >= 0.9:
        return Decoded(as_gb, "gb18030")
    best = charset_normalizer.from_bytes(data, cp_isolation=["gb18030", "big5hkscs", "big5"]).best()
    # Language coherence needs some text to judge: over a few characters GB18030, by far the
    # more common, is the safer reading (a lone “ in GB18030 reads as a Big5 symbol).
    if best is None or best.encoding == "gb18030" or len(_HAN.findall(str(best))) < _BIG5_MIN_HAN:
        return Decoded(as_gb, "gb18030")
    return Decoded(str(best), best.encoding)


class Decoded(NamedTuple):
    text: str
    encoding: str  # as Python names it: utf-8, gb18030, big5hkscs, utf-16-le…


def decode_text(data: bytes) -> str:
    return decode(data).text


def decode(data: bytes) -> Decoded:
    """Decodes an article file, saying which encoding it was in.

    Raises:
        ImportRejected: the bytes are empty, binary or in no encoding we can read.
    """
    if not data.strip():
        raise ImportRejected("the file is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(encoding), encoding.removesuffix("-sig"))
            except UnicodeDecodeError:
                raise ImportRejected(f"the file starts with a {encoding} mark but is not valid {encoding}") from None
    declared = _DECLARED.search(data[:4096])
    if declared:
        codec = _normalise_codec(declared.group(1).decode("ascii"))
        if codec:
            try:
                return Decoded(data.decode(codec), codec)
            except UnicodeDecodeError:
                pass  # a wrong declaration is common; fall through to the checks below
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return Decoded(*utf16)
    if _looks_binary(data):
        raise ImportRejected("the file is binary, not a text article")
    try:
        as_utf8 = data.decode("utf-8")
    except UnicodeDecodeError:
        as_utf8 = None
    if as_utf8 is not None and (as_utf8.isascii() or _CJK.search(as_utf8) or not _reads_as_chinese_gb(data)):
        return Decoded(as_utf8, "utf-8")
    try:
        as_gb = data.decode("gb18030")
    except UnicodeDecodeError:
        as_gb = None
    if as_gb is not None:
        return _gb_or_big5(data, as_gb)
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise ImportRejected("the file's text encoding could not be recognised")
    return Decoded(str(best), best.encoding)
