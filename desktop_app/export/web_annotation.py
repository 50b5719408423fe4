"""Annotations in the W3C Web Annotation data model (JSON-LD), so that other tools can read them,
and back: an exported file imports again without loss, and importing twice adds nothing.

https://www.w3.org/TR/annotation-model/ : each annotation has ``body`` (the note as a
TextualBody with purpose ``commenting``, each tag a TextualBody with purpose ``tagging``) and a
``target`` with a ``TextQuoteSelector`` and a ``TextPositionSelector``; the color travels as
the target's ``styleClass`` with the collection's stylesheet.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections.abc import Sequence
from typing import Any
from urllib.parse import quote, unquote

from desktop_app.annotations.colors import COLORS, DEFAULT_COLOR, PALETTE
from desktop_app.annotations.model import Anchor, Annotation, normalize_tags, now_iso
from desktop_app.errors import DataError

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
SOURCE_PREFIX = "aigc-reader://article/"
ID_PREFIX = "urn:uuid:"
MAX_OFFSET = 1 << 40  # far beyond any article, and within SQLite's integers
STYLESHEET = {
    "type": "CssStylesheet",
    "value": " ".join(
        f".{name} {{ background-color: {css}; }}" for name, css in ((color.name, color.light) for color in PALETTE)
    ),
}


def _annotation_id(annotation_id: str) -> str:
    return ID_PREFIX + (
        f"{annotation_id[:8]}-{annotation_id[8:12]}-{annotation_id[12:16]}-{annotation_id[16:20]}-{annotation_id[20:]}"
        if len(annotation_id) == 32
        else annotation_id
    )


def to_web_annotation(annotation: Annotation, user: str) -> dict[str, Any]:
    a = annotation
    bodies: list[dict[str, Any]] = []
    if a.note:
        bodies.append({"type": "TextualBody", "purpose": "commenting", "value": a.note, "format": "text/plain"})
    bodies += [{"type": "TextualBody", "purpose": "tagging", "value": tag} for tag in a.tags]
    return {
        "@context": CONTEXT,
        "id": _annotation_id(a.id),
        "type": "Annotation",
        "motivation": "commenting" if a.note else "highlighting",
        "creator": {"type": "Person", "nickname": user},
        "created": a.created,
        "modified": a.updated,
        "body": bodies,
        "target": {
            "source": SOURCE_PREFIX + quote(a.article, safe=""),
            "styleClass": a.color,
            "selector": [
                {
                    "type": "TextQuoteSelector",
                    "exact": a.anchor.quote,
                    "prefix": a.anchor.prefix,
                    "suffix": a.anchor.suffix,
                },
                {"type": "TextPositionSelector", "start": a.anchor.start, "end": a.anchor.end},
            ],
        },
    }


def to_collection(annotations: Sequence[Annotation], user: str, exported_at: str) -> dict[str, Any]:
    return {
        "@context": CONTEXT,
        "type": "AnnotationCollection",
        "label": f"aigc-reader annotations of {user}",
        "generated": exported_at,
        "total": len(annotations),
        "stylesheet": STYLESHEET,
        "first": {"type": "AnnotationPage", "items": [to_web_annotation(a, user) for a in annotations]},
    }


def _items(document: Any) -> list[Any]:
    if isinstance(document, list):
        return document
    if isinstance(document, dict):
        if document.get("type") == "AnnotationCollection":
            first = document.get("first")
            return _item_list(first.get("items", [])) if isinstance(first, dict) else []
        if document.get("type") == "AnnotationPage":
            return _item_list(document.get("items", []))
        return [document]
    raise DataError("not Web Annotation JSON: expected an annotation, a list or an AnnotationCollection")


def _item_list(items: Any) -> list[Any]:
    if not isinstance(items, list):
        raise DataError("not Web Annotation JSON: 'items' must be a list of annotations")
    return items


def _offset(value: Any) -> int | None:
    """A character offset, or None for anything else (negative, huge, fractional, text)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if isinstance(value, float) and not value.is_integer():
        return None
    return int(value) if 0 <= value <= MAX_OFFSET else None


def _clean_id(identifier: str) -> str:
    """No control characters (the id is shown and used in links); at most 128 characters."""
    return "".join(c for c in identifier if unicodedata.category(c) not in ("Cc", "Cf")).strip()[:128]


def _from_item(item: Any, number: int) -> Annotation:
    where = f"annotation {number + 1}"
    if not isinstance(item, dict) or item.get("type") != "Annotation":
        raise DataError(f"{where} is not a Web Annotation (type must be 'Annotation')")
    target = item.get("target")
    if isinstance(target, list):
        target = target[0] if target else None
    if not isinstance(target, dict) or not str(target.get("source", "")).startswith(SOURCE_PREFIX):
        raise DataError(f"{where}: its target is not an aigc-reader article")
    selectors = target.get("selector")
    selectors = selectors if isinstance(selectors, list) else [selectors]
    quote = next((s for s in selectors if isinstance(s, dict) and s.get("type") == "TextQuoteSelector"), None)
    position = next((s for s in selectors if isinstance(s, dict) and s.get("type") == "TextPositionSelector"), {})
    if quote is None or not isinstance(quote.get("exact"), str) or not quote["exact"]:
        raise DataError(f"{where} has no TextQuoteSelector with an exact quote")
    bodies = item.get("body", [])
    bodies = bodies if isinstance(bodies, list) else [bodies]
    notes = [
        b["value"]
        for b in bodies
        if isinstance(b, dict) and b.get("purpose", "commenting") == "commenting" and isinstance(b.get("value"), str)
    ]
    tags = [
        b["value"]
        for b in bodies
        if isinstance(b, dict) and b.get("purpose") == "tagging" and isinstance(b.get("value"), str)
    ]
    article = unquote(str(target["source"])[len(SOURCE_PREFIX) :])
    identifier = str(item.get("id") or "")
    identifier = _clean_id(
        identifier.removeprefix(ID_PREFIX).replace("-", "") if identifier.startswith(ID_PREFIX) else identifier
    )
    start = _offset(position.get("start")) if isinstance(position, dict) else None
    end = _offset(position.get("end")) if isinstance(position, dict) else None
    if start is None or end is None or end < start:
        start = end = 0  # no usable position: the quote and its context find the passage
    created = str(item.get("created") or now_iso())
    if not identifier:  # a stable id of its own, so that importing the file again adds nothing
        identifier = hashlib.blake2b(
            json.dumps([article, quote["exact"], start, item.get("created")], ensure_ascii=False, default=str).encode(
                "utf-8"
            ),
            digest_size=16,
        ).hexdigest()
    color = target.get("styleClass")
    return Annotation(
        id=identifier,
        article=article,
        anchor=Anchor(quote["exact"], str(quote.get("prefix", "")), str(quote.get("suffix", "")), start, end),
        color=color if color in COLORS else DEFAULT_COLOR,
        note="\n\n".join(notes),
        tags=normalize_tags(tags),
        created=created,
        updated=str(item.get("modified") or created),
    )


def from_json_text(text: str) -> list[Annotation]:
    """Annotations from a Web Annotation JSON document; DataError when it is not one."""
    try:
        document = json.loads(text.removeprefix("\ufeff"))
    except ValueError as error:
        raise DataError(f"not JSON: {error}") from None
    except RecursionError:
        raise DataError("not Web Annotation JSON: nested too deeply") from None
    return [_from_item(item, number) for number, item in enumerate(_items(document))]
