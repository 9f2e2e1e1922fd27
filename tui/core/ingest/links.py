"""The links an article's text cites, found in its page (or the feed's own HTML, when the text
is the feed's) and placed where the text names them.

An analyst follows the primary sources an article links to, as newsboat, w3m and Elfeed let
one do by number: the text reads `full report 1[1]` and a list gives [1]'s address. trafilatura
runs without links (with them its text is Markdown and its choices change), so they are found
afterwards: every http(s) `<a href>` of the page whose line the extracted body kept is placed
right after its words there. A line the body does not hold (menus, "Read more" lines the
cleaner dropped, footers) gives no link, so only the article's own links count.

The body is left as extracted: a link is its address and the offsets in the body where its
marker goes, so no address or marker reaches search, actors or event linking; the faces draw
the markers (`tui.core.bodylinks`).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import urldefrag, urljoin, urlsplit

from tui.core.models import BodyLink
from tui.core.text.sanitize import strip_controls

__all__ = ["MAX_BODY_LINKS", "body_links", "feed_links", "shifted", "web_url"]

MAX_BODY_LINKS = 50
"""Links kept per article, in the order the text first cites them (a live blog may cite
hundreds; the list is for following sources, not an index)."""
MAX_URL = 2048
_CONTEXT = 30  # characters either side of a link's words that must match when its line does not
_SHORT_LINE = 15  # a line that is one link shorter than this is a menu item, a tag, "Home"

_BLOCKS = frozenset({
    "p", "div", "section", "article", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "pre", "tr", "td", "th", "table", "hr", "dd", "dt", "dl", "header", "footer",
    "main", "figure", "figcaption", "aside", "nav", "form", "body", "center", "address"})
_SKIPPED = frozenset({"script", "style", "noscript", "template", "svg", "head", "iframe",
                      "button", "select", "textarea", "math"})


def web_url(base: str, href: str) -> str | None:
    """`href` resolved against `base`, when it is an http(s) address with a host; else None."""
    href = "".join(href.split())  # browsers drop the line breaks and spaces of an href
    if not href or len(href) > MAX_URL or strip_controls(href) != href:
        return None
    try:
        url = urljoin(base, href)
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:  # an invalid IPv6 literal, a bad port
        return None
    if parts.scheme.lower() not in ("http", "https") or not host or len(url) > MAX_URL:
        return None
    return url


class _Line:
    """One line of the page: its text in pieces (text and tails, as the page has them), and
    which pieces each link's words span (a link starts and ends between pieces)."""

    __slots__ = ("ends", "pieces")

    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.ends: list[tuple[Any, int, int]] = []  # (element, first piece, piece after)


def _normal(text: str) -> str:
    return " ".join(text.split())


def _lines(block: Any) -> Iterator[_Line]:
    """The block's text, line by line (a block element or <br> ends a line), with the pieces
    of every <a> in it. A stack, not recursion: pages nest thousands deep."""
    line = _Line()
    stack: list[tuple[Any, bool]] = [(block, False)]
    starts: dict[Any, tuple[_Line, int]] = {}
    while stack:
        node, closing = stack.pop()
        tag = node.tag.lower() if isinstance(node.tag, str) else ""
        if closing:
            opened = starts.pop(node, None)
            if opened is not None and opened[0] is line:  # not a link around a block
                line.ends.append((node, opened[1], len(line.pieces)))
            if tag in _BLOCKS and line.pieces:
                yield line
                line = _Line()
        elif tag and tag not in _SKIPPED:
            if (tag in _BLOCKS or tag == "br") and line.pieces:
                yield line
                line = _Line()
            if tag == "a":
                starts[node] = (line, len(line.pieces))
            if node.text:
                line.pieces.append(node.text)
            stack.append((node, True))
            stack.extend((child, False) for child in reversed(node))
            continue
        if node is not block and node.tail:
            line.pieces.append(node.tail)
    if line.pieces:
        yield line


def _block_of(anchor: Any) -> Any:
    for parent in anchor.iterancestors():
        if isinstance(parent.tag, str) and parent.tag.lower() in _BLOCKS:
            return parent
    return anchor.getroottree().getroot()


def _placed(line: _Line, body: str, starts: dict[str, int],
            clean: Callable[[str], str]) -> Iterator[tuple[Any, int]]:
    """(element, offset in the body after its words) for the links of `line` the body holds."""
    pieces = [clean(piece) for piece in line.pieces]
    text = _normal("".join(pieces))
    if not text:
        return
    offset = starts.get(text)
    for element, first_piece, end_piece in line.ends:
        before = _normal("".join(pieces[:first_piece]))
        words = _normal("".join(pieces[first_piece:end_piece]))
        if not words or (len(words) == len(text) and len(text) < _SHORT_LINE):
            continue
        at = len(_normal("".join(pieces[:end_piece])))  # after the link's last visible letter
        if offset is not None:
            yield element, offset + at
            continue
        first = max(0, len(before) - _CONTEXT)  # the line is not a paragraph: its words
        key = text[first:at + _CONTEXT]  # with the text on either side, if the body has them
        if len(key) >= _CONTEXT + 10 and (found := body.find(key)) >= 0:
            yield element, found + at - first


def _words(anchor: Any) -> str:
    """A link's words as the page has them (.text alone when it holds no element)."""
    return (anchor.text or "") if len(anchor) == 0 else (anchor.text_content() or "")


def _cited(words: str, body: str, clean: Callable[[str], str]) -> bool:
    """Whether a link's words are in the body (cleaned only when they are not as they are)."""
    words = _normal(words)
    return bool(words) and (words in body or (not words.isascii()
                                              and _normal(clean(words)) in body))


def body_links(tree: Any, body: str, page_url: str,
               restore: Callable[[str], str] = str) -> tuple[BodyLink, ...]:
    """The page's links that sit in the text of `body`, numbered by first citation, each
    address once (at most `MAX_BODY_LINKS`). `restore` undoes what was done to the page's
    text before extraction (`joiners.Guard.restore`)."""
    if not body or tree is None:
        return ()

    def clean(text: str) -> str:  # a page's text as the body has it
        return unicodedata.normalize("NFC", strip_controls(restore(text)))

    starts: dict[str, int] = {}
    at = 0
    for paragraph in body.split("\n\n"):
        starts.setdefault(paragraph, at)
        at += len(paragraph) + 2
    base = page_url
    for element in tree.iter("base"):
        if element.get("href"):
            base = web_url(page_url, element.get("href")) or page_url
        break
    own = urldefrag(page_url)[0]
    seen: set[Any] = set()
    found: dict[int, str] = {}
    for anchor in tree.iter("a"):
        # Most of a page's links (menus, footers, other headlines) are words the body lacks:
        # their blocks are never walked.
        if anchor in seen or not anchor.get("href") or not _cited(_words(anchor), body, clean):
            continue
        block = _block_of(anchor)
        for line in _lines(block):
            for element, offset in _placed(line, body, starts, clean):
                url = web_url(base, element.get("href") or "")
                if url is not None and urldefrag(url)[0] != own and element not in seen:
                    found.setdefault(offset, url)
                seen.add(element)
        seen.update(block.iter("a"))
    marks: dict[str, list[int]] = {}
    for offset in sorted(found):
        url = found[offset]
        if url in marks or len(marks) < MAX_BODY_LINKS:
            marks.setdefault(url, []).append(offset)
    return tuple(BodyLink(url, tuple(offsets)) for url, offsets in marks.items())


def feed_links(html: str | None, body: str, url: str) -> tuple[BodyLink, ...]:
    """The links of a feed's own HTML (content:encoded, Atom content, a summary) that sit in
    `body`, the text made of it, found as a page's are; `url` is the item's link (else the
    feed's), which relative addresses are resolved against and which is never its own link."""
    if not html or not body or "<a" not in html.lower():  # most summaries: nothing to parse
        return ()
    from tui.core.ingest.nesting import fragment

    try:
        return body_links(fragment(html), body, url)
    except Exception:  # the text stands without its links
        return ()


def shifted(links: tuple[BodyLink, ...], cut: int) -> tuple[BodyLink, ...]:
    """The links of a body whose first `cut` characters were taken off (its headline)."""
    if not cut:
        return links
    kept = (BodyLink(link.url, tuple(a - cut for a in link.at if a - cut > 0)) for link in links)
    return tuple(link for link in kept if link.at)
