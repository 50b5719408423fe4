"""Reading annotations out of a damaged database, page by page, as ``sqlite3 … .recover`` does.

SQLite stores each row of a table in a leaf page of a b-tree; damage (a zeroed header, a cut
file, a scribbled page) breaks the tree and the header, but seldom every leaf. So the file and
its write-ahead log are read as raw pages: the log's newest committed-looking copy of a page
wins over the file's, every leaf page of a table is decoded, and the rows shaped like an
annotation (twelve columns: ten texts and two integers, a known color) are kept. Deleted rows
are not resurrected: the store runs with ``secure_delete``, which zeroes what it frees.

Format reference: https://www.sqlite.org/fileformat2.html
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from desktop_app.annotations.colors import COLORS
from desktop_app.annotations.model import Annotation
from desktop_app.annotations.store import annotation_from_row

_HEADER_MAGIC = b"SQLite format 3\x00"
_WAL_MAGICS = (0x377F0682, 0x377F0683)
_TABLE_LEAF = 0x0D
_PAGE_SIZES = (4096, 1024, 2048, 8192, 16384, 32768, 65536, 512)
_COLUMNS = 12


class Salvage(NamedTuple):
    annotations: list[Annotation]
    unreadable_rows: int  # leaf cells that looked like rows but could not be decoded


def salvage(database: Path) -> Salvage:
    """Every annotation still readable in the database file and its -wal (either may be missing)."""
    data = _read(database)
    wal = _read(Path(str(database) + "-wal"))
    best = Salvage([], 0)
    for page_size in _candidate_page_sizes(data, wal):
        pages = _pages(data, page_size)
        pages.update(_wal_pages(wal, page_size))
        found = _rows(pages, page_size)
        if len(found.annotations) > len(best.annotations):
            best = found
    return best


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b""


def _candidate_page_sizes(data: bytes, wal: bytes) -> list[int]:
    sizes = []
    if data.startswith(_HEADER_MAGIC) and len(data) >= 100:
        declared = struct.unpack(">H", data[16:18])[0]
        sizes.append(65536 if declared == 1 else declared)
    if len(wal) >= 32 and struct.unpack(">I", wal[:4])[0] in _WAL_MAGICS:
        sizes.append(struct.unpack(">I", wal[8:12])[0])
    # A damaged header says nothing trustworthy: try the usual sizes too (the default first).
    sizes += [size for size in _PAGE_SIZES if size not in sizes]
    return [size for size in sizes if size in _PAGE_SIZES]


def _pages(data: bytes, page_size: int) -> dict[int, bytes]:
    return {
        number + 1: data[offset : offset + page_size]
        for number, offset in enumerate(range(0, len(data) - page_size + 1, page_size))
    }


def _wal_pages(wal: bytes, page_size: int) -> dict[int, bytes]:
    """The newest copy of each page in the log whose frame carries the log's current salt."""
    if len(wal) < 32 or struct.unpack(">I", wal[:4])[0] not in _WAL_MAGICS:
        return {}
    if struct.unpack(">I", wal[8:12])[0] != page_size:
        return {}
    salt = wal[16:24]
    pages: dict[int, bytes] = {}
    frame = 24 + page_size
    for offset in range(32, len(wal) - frame + 1, frame):
        number = struct.unpack(">I", wal[offset : offset + 4])[0]
        if wal[offset + 8 : offset + 16] == salt and number:
            pages[number] = wal[offset + 24 : offset + frame]
    return pages


def _varint(buffer: bytes, offset: int) -> tuple[int, int]:
    value = 0
    for index in range(9):
        byte = buffer[offset + index]
        if index == 8:
            return (value << 8) | byte, offset + 9
        value = (value << 7) | (byte & 0x7F)
        if not byte & 0x80:
            return value, offset + index + 1
    raise IndexError  # unreachable: the loop returns


def _rows(pages: dict[int, bytes], page_size: int) -> Salvage:
    by_id: dict[str, Annotation] = {}
    unreadable = 0
    for number, page in pages.items():
        header = 100 if number == 1 else 0
        if len(page) < header + 8 or page[header] != _TABLE_LEAF:
            continue
        for payload in _leaf_payloads(page, header, pages, page_size):
            if payload is None:
                unreadable += 1
                continue
            annotation = _annotation(payload)
            if annotation is None:
                continue
            known = by_id.get(annotation.id)
            if known is None or annotation.updated > known.updated:
                by_id[annotation.id] = annotation
    return Salvage(sorted(by_id.values(), key=lambda a: a.created), unreadable)


def _leaf_payloads(page: bytes, header: int, pages: dict[int, bytes], page_size: int) -> Iterator[bytes | None]:
    usable = page_size
    inline_max = usable - 35
    inline_min = ((usable - 12) * 32 // 255) - 23
    cells = struct.unpack(">H", page[header + 3 : header + 5])[0]
    for index in range(min(cells, (page_size - header - 8) // 2)):
        try:
            pointer = struct.unpack(">H", page[header + 8 + 2 * index : header + 10 + 2 * index])[0]
            size, offset = _varint(page, pointer)
            _, offset = _varint(page, offset)  # the rowid
            if size <= inline_max:
                payload = page[offset : offset + size]
            else:
                local = inline_min + (size - inline_min) % (usable - 4)
                local = local if local <= inline_max else inline_min
                payload = page[offset : offset + local] + _overflow(
                    page[offset + local : offset + local + 4], pages, size - local
                )
            yield payload if len(payload) == size else None
        except (IndexError, struct.error):
            yield None


def _overflow(pointer: bytes, pages: dict[int, bytes], wanted: int) -> bytes:
    chunks, seen = [], set()
    number = struct.unpack(">I", pointer)[0]
    while number and wanted > 0 and number not in seen and number in pages:
        seen.add(number)
        page = pages[number]
        chunk = page[4 : 4 + wanted]
        chunks.append(chunk)
        wanted -= len(chunk)
        number = struct.unpack(">I", page[:4])[0]
    return b"".join(chunks)


def _values(payload: bytes) -> list[object] | None:
    header_size, offset = _varint(payload, 0)
    types = []
    while offset < header_size:
        serial, offset = _varint(payload, offset)
        types.append(serial)
    if len(types) != _COLUMNS:
        return None
    values: list[object] = []
    position = header_size
    for serial in types:
        if serial == 0:
            values.append(None)
        elif 1 <= serial <= 6:
            width = (1, 2, 3, 4, 6, 8)[serial - 1]
            values.append(int.from_bytes(payload[position : position + width], "big", signed=True))
            position += width
        elif serial in (8, 9):
            values.append(serial - 8)
        elif serial >= 13 and serial % 2:
            width = (serial - 13) // 2
            values.append(payload[position : position + width].decode("utf-8"))
            position += width
        else:
            return None  # a float or a blob: not one of our rows
    return values if position == len(payload) else None


def _annotation(payload: bytes) -> Annotation | None:
    try:
        values = _values(payload)
    except (IndexError, UnicodeDecodeError):
        return None
    if values is None:
        return None
    texts = [value for value in values[:10] if isinstance(value, str)]
    numbers = [value for value in values[10:] if isinstance(value, int)]
    if len(texts) != 10 or len(numbers) != len(values) - 10 or len(numbers) != 2:
        return None
    id_, color, created = texts[0], texts[2], texts[5]
    if not id_ or color not in COLORS or not created[:4].isdigit():
        return None
    return annotation_from_row((*texts, *numbers))
