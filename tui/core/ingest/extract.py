"""Article pages -> clean plain text.

Runs inside a process pool, so everything here is a top-level, picklable function and
never raises: failures come back as ``Extracted.error`` in plain words. trafilatura finds
the article; a line-level post-clean (postclean.py) then removes the boilerplate it tends to
leave inside bodies (inline "Read more:" links, ad labels, captions, share and newsletter lines).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from tui.core.ingest import body_noise, charset
from tui.core.ingest.joiners import Guard, protect
from tui.core.ingest.links import body_links
from tui.core.ingest.nesting import flatten, fragment, too_deep
from tui.core.ingest.page_meta import LinkTexts, page_meta
from tui.core.ingest.postclean import clean_lines, clean_lines_text
from tui.core.models import BodyLink
from tui.core.text.mojibake import repair_markup
from tui.core.text.sanitize import strip_controls

__all__ = ["Extracted", "clean_lines", "clean_lines_text", "cut_feed_html", "decode_html",
           "extract_page", "html_to_text"]

MAX_PAGE_BYTES = 8_000_000
"""Pages above this are cut: nothing an article needs lives past the first few MB."""

# trafilatura's cost grows steeply with link count (4.4 MB of <a> tags: 22 s, 900 MiB): such a
# page is an index or a trap, never an article.
MAX_LINKS = 20_000
# trafilatura's time and memory grow with the elements (8 MB of short paragraphs, 360,000 of
# them: 22 s of CPU and 760 MB in a worker). The 253 peer pages have at most 10,305 tags; a
# page is cut before its MAX_TAGS-th, as at the size cap: an article sits near the top.
MAX_TAGS = 100_000
# Numeric references to control characters (&#x1b; &#7;): after parsing they would become raw
# escapes, and trafilatura finds no text around them.
_CONTROL_REFS = re.compile(
    r"&#(?:[xX]0*(?:[0-8bBcCeEfF]|1[0-9a-fA-F]|7[fF]|[89][0-9a-fA-F])"
    r"|0*(?:[0-8]|1[1-9]|2[0-9]|3[01]|12[7-9]|1[3-5][0-9]));"
)

_ACCEPTED_TYPES = ("html", "xml", "text/plain")


@dataclass(frozen=True, slots=True)
class Extracted:
    body: str  # plain text, paragraphs separated by one blank line; "" when nothing found
    author: str | None
    published: str | None  # ISO date string as found in page metadata, or None
    sitename: str | None
    title: str | None
    error: str | None  # plain-words reason when body == ""
    links: tuple[BodyLink, ...] = ()  # the links the body cites (ingest/links.py)
    note: str | None = None  # a caveat on a body found: its charset guessed or in doubt

    def caveats(self, first: str | None) -> str | None:
        """`first` (the fetch's caveat) and the body's note, in one line; None for neither."""
        return "; ".join(n for n in (first, self.note) if n) or None


# --------------------------------------------------------------------------- decoding

def decode_html(raw: bytes, content_type: str | None = None) -> str:
    """Bytes -> str by the one decoder feeds use too (charset.py)."""
    return charset.decode(raw, content_type).text


_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")  # UTF-16's NULs are no sign of binary data
_BINARY_CONTROLS = bytes([*range(9), *range(14, 32)])


def _ascii_based(encoding: str) -> bool:
    return "utf_16" not in encoding.replace("-", "_") and "utf_32" not in encoding.replace("-", "_")


def _looks_binary(raw: bytes) -> bool:
    sample = raw[:2048]
    if not sample:
        return False
    if sample.startswith((b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04")):
        return True
    controls = len(sample) - len(sample.translate(None, _BINARY_CONTROLS))
    return controls > len(sample) // 20


# --------------------------------------------------------------------------- entry points

def _failure(reason: str) -> Extracted:
    return Extracted(body="", author=None, published=None, sitename=None, title=None,
                     error=reason)


def extract_page(raw: bytes, url: str, content_type: str | None = None) -> Extracted:
    """Page bytes -> ``Extracted`` with a clean body (mojibake repaired, controls gone).
    Never raises."""
    try:
        found, page = _extract(raw, url, content_type)
        if not found.body:
            return found
        body = clean_lines_text(found.body)
    except Exception as exc:
        return _failure(f"extraction failed: {type(exc).__name__}: {exc}"[:300])
    if page is None:
        return replace(found, body=body)
    try:
        links = body_links(page[0], body, url, page[1].restore)
    except Exception:  # the text stands without its links
        links = ()
    return replace(found, body=body, links=links)


def _too_many_links(raw: bytes) -> bool:
    """Over MAX_LINKS "<a " or "<A ". Two cheaper bounds come first (each link takes three
    bytes and one "<"): counting "<" runs at memchr speed, 4x counting "<a "."""
    return (len(raw) > 3 * MAX_LINKS and raw.count(b"<") > MAX_LINKS
            and raw.count(b"<a ") + raw.count(b"<A ") > MAX_LINKS)


def _cut_at_tags(raw: bytes) -> tuple[bytes, str | None]:
    """`raw` before its MAX_TAGS-th '<', with a note saying so; as it is when it has fewer
    (counting '<' runs at memchr speed: what most pages cost)."""
    if len(raw) < MAX_TAGS or raw.count(b"<") < MAX_TAGS:
        return raw, None
    at = -1
    for _ in range(MAX_TAGS):
        at = raw.find(b"<", at + 1)
    return raw[:at], f"page cut off at {MAX_TAGS:,} tags"


def cut_feed_html(html: str) -> tuple[str, bool]:
    """A feed item's HTML before its MAX_TAGS-th '<', as a page is cut, and whether it was:
    300,000 short paragraphs cost html_to_text seconds a line at a time (the real feeds'
    items have at most a few hundred tags)."""
    if len(html) < MAX_TAGS or html.count("<") < MAX_TAGS:
        return html, False
    at = -1
    for _ in range(MAX_TAGS):
        at = html.find("<", at + 1)
    return html[:at], True


def _extract(raw: bytes, url: str,
             content_type: str | None) -> tuple[Extracted, tuple[Any, Guard] | None]:
    """The page's text, and (its parsed tree, what stood in for its joiners) when it was HTML:
    the links are read from that tree once the text is final."""
    if not raw or not raw.strip():
        return _failure("the page is empty"), None
    mime = (content_type or "").split(";")[0].strip().lower()
    if mime and not any(t in mime for t in _ACCEPTED_TYPES):
        return _failure(f"not a web page ({mime})"), None
    if _looks_binary(raw) and not raw.startswith(_UTF16_BOMS) and not charset.utf16_order(raw):
        return _failure("the page is binary data, not HTML"), None
    if _too_many_links(raw):
        return _failure(f"the page is a wall of links (over {MAX_LINKS}), not an article"), None
    # Mojibake first: its C1 characters are the evidence the repair needs, and the extractor
    # (and strip_controls) would drop them, leaving a lone "â" for every curly quote.
    raw, tags_cut = _cut_at_tags(raw[:MAX_PAGE_BYTES])
    page_text = charset.decode(raw, content_type)
    note = "; ".join(n for n in (tags_cut, page_text.note) if n) or None
    decoded = repair_markup(page_text.text)
    # (The invisibles inside words go from the body, title and author later: over the whole
    # page's markup, that pass cost 0.7 ms a page.)
    text = strip_controls(_CONTROL_REFS.sub("", decoded), in_words=False)
    if mime == "text/plain":
        body = clean_lines(text.replace("\r\n", "\n"))
        return Extracted(body, None, None, None, None, None if body else "the page is empty",
                         note=note), None

    import trafilatura
    from trafilatura.utils import HTML_PARSER, load_html

    from tui.core.ingest.trafilatura_setup import options

    text, joiners = protect(text)  # trafilatura would drop Persian's ZWNJ (joiners.py)
    tree = load_html(text)
    if tree is not None and too_deep(HTML_PARSER):  # its text past 256 levels was lost
        tree = load_html(text := flatten(text))
    if tree is None:
        return _failure("the page is not parseable HTML"), None
    # The cheap look searches the bytes as ASCII, which UTF-16 is not: then the text.
    if body_noise.has_embeds(raw if _ascii_based(page_text.encoding) else text):
        body_noise.drop_embeds(tree)  # posts embedded from X, Instagram, Telegram...
    galleries = []
    if b"<img" in raw if _ascii_based(page_text.encoding) else "<img" in text:
        galleries = body_noise.drop_galleries(tree)  # captions listed under its pictures
    # The one parse serves both: trafilatura works on a copy of a tree it is given, so the
    # link texts page_meta reads later (only when clean_lines asks) come from the whole page.
    meta = page_meta(tree, galleries)
    doc = trafilatura.bare_extraction(tree, options=options(url or None))
    if doc is None:
        return _failure("no article text found on the page"), None
    found = doc.get("text") if isinstance(doc, dict) else getattr(doc, "text", None)
    body = joiners.restore(clean_lines(found if isinstance(found, str) else "", meta.links,
                                       body_noise.card_summaries(tree)))
    return Extracted(body=body, author=joiners.restore_optional(meta.author),
                     published=meta.published, sitename=joiners.restore_optional(meta.sitename),
                     title=joiners.restore_optional(meta.title),
                     error=None if body else "no article text found on the page",
                     note=note), (tree, joiners)


_WS = re.compile(r"\s+")
_BLOCK_TAGS = frozenset({
    "p", "div", "section", "article", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "pre", "tr", "table", "br", "hr", "dd", "dt", "header", "footer", "main"})
_DROP_TAGS = ("script", "style", "noscript", "figure", "figcaption", "aside", "nav", "form",
              "iframe", "button", "svg", "template", "head")


def html_to_text(html: str) -> str:
    """Feed HTML (content:encoded, summaries) -> plain paragraphs, same clean-up as pages."""
    try:
        if "<" not in html:
            import html as html_mod

            return clean_lines(html_mod.unescape(html))
        root = fragment(html)  # past 256 levels flattened: the rest was lost (nesting.py)
        for bad in _dropped()(root):
            bad.drop_tree()
        if body_noise.has_embeds(html):
            body_noise.drop_embeds(root)
        links = LinkTexts(root)
        parts: list[str] = []
        _walk(root, parts)
        return clean_lines("".join(parts), links)
    except Exception:
        return clean_lines(re.sub(r"<[^>]*>", " ", html))


@cache
def _dropped() -> Any:
    from lxml import etree  # compiled once: compiling took a third of a summary's parse

    return etree.XPath("|".join(f"//{t}" for t in _DROP_TAGS))


def _walk(node: Any, out: list[str]) -> None:
    tag = node.tag.lower() if isinstance(node.tag, str) else ""
    block = tag in _BLOCK_TAGS
    if block:
        out.append("\n")
    if node.text and tag:
        out.append(_spaced(node.text))
    for child in node:
        _walk(child, out)
    if block:
        out.append("\n")
    if node.tail:
        out.append(_spaced(node.tail))


def _spaced(text: str) -> str:
    """`_WS.sub(" ", text)`, 4x faster: the pattern's white space is `str.isspace`'s, so the
    words are `split()`'s and each run of white space, at the ends too, becomes one space."""
    words = text.split()
    if not words:
        return " " if text else ""
    out = " ".join(words)
    if text[0].isspace():
        out = " " + out
    return out + " " if text[-1].isspace() else out
