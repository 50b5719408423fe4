"""A whole saved web page (navigation, comments, hot lists, footers around one article) reduced
to its article with trafilatura, the field's reference extractor, then read into raw blocks by
the same sanitising reader as every other format.

trafilatura keeps the structure the outline needs (headings, paragraphs, lists, quotes, bold
lead-ins, line breaks) and reads the page's metadata (title, date, author, site name, canonical
URL). Elements the page hides for good (``display: none``, the ``hidden`` attribute) are removed
first; ``visibility: hidden`` is not, because pages such as WeChat's hide the article body that
way until a script reveals it.
"""

from __future__ import annotations

import logging
import re

from desktop_app.corpus.html_reader import HtmlDocument, read_html
from desktop_app.corpus.page_title import page_title

logger = logging.getLogger(__name__)

_WHOLE_PAGE = re.compile(r"<(?:!doctype\s+html|html|head|body)\b|<meta\s[^>]*(?:charset|http-equiv)", re.I)
_DISPLAY_NONE = re.compile(r"display\s*:\s*none", re.I)
_TINY_PAGE = 200  # characters: under this trafilatura falls back to joining the page's text
_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.I | re.S)
_TAG = re.compile(r"<[^>]+>")


def is_whole_page(text: str) -> bool:
    """A saved page (it has a document head or body), not an HTML fragment."""
    return _WHOLE_PAGE.search(text[:5000]) is not None


def _without_hidden(html: str):  # type: ignore[no-untyped-def]
    import lxml.html

    # Comments go at parse time, their tails kept: trafilatura given a tree drops a comment with
    # the text after it ('<!--StartFragment-->当地时间…' lost whole paragraphs).
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True)
    tree = lxml.html.document_fromstring(html, parser=parser)
    for element in tree.xpath("//form|//button|//select|//textarea|//input|//noscript|//template"):
        element.drop_tree()  # controls and their labels are page furniture, not article text
    for element in tree.xpath("//*[@hidden or contains(translate(@style, 'DISPLAYNOE', 'displaynoe'), 'none')]"):
        if element.get("hidden") is not None or _DISPLAY_NONE.search(element.get("style", "")):
            element.drop_tree()
    return tree


def _headings(html: str) -> list[str]:
    return [" ".join(_TAG.sub("", found).split()) for found in _H1.findall(html[:400_000])]


def read_web_page(html: str) -> HtmlDocument | None:
    """The article of a saved page and the page's metadata; None when the extractor finds none.

    The metadata keys are those of ``read_html``: title, author, date, sitename, url.
    """
    import trafilatura

    try:
        tree = _without_hidden(html)
    except (ValueError, TypeError):  # lxml refuses empty or undecodable documents
        return None
    extracted = trafilatura.extract(
        tree,
        output_format="html",
        include_formatting=True,
        include_links=False,
        include_images=False,
        include_tables=True,
        include_comments=False,
        with_metadata=True,
        deduplicate=False,
    )
    document = read_html(extracted) if extracted else None
    if document is None or sum(len(block.text) for block in document.blocks) < _TINY_PAGE:
        return None  # nothing found, or a page too small for its chrome to matter: read it whole
    own = read_html_head(html)
    meta = document.meta
    declared = own.get("og:title") or meta.get("title") or own.get("title")
    title = page_title(declared, _headings(html))
    if title:
        meta["title"] = title
    for key in ("og:url", "canonical"):
        if own.get(key):
            meta["url"] = own[key]
            break
    if own.get("og:site_name"):
        meta["sitename"] = own["og:site_name"]
    return document


def read_html_head(html: str) -> dict[str, str]:
    """The metadata of the page's head only (cheap: the body is not parsed)."""
    end = html.lower().find("<body")
    return read_html(html[: end if end > 0 else 200_000]).meta
