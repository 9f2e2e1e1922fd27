"""Well-formed RSS 2.0, RSS 1.0 and Atom 1.0 through lxml: what feedparser would give, or None.

feedparser spends ~85% of a feed's parse in its Python SAX handlers. This walks lxml's tree
instead and reproduces feedparser's answer for the fields newsdesk keeps (titles and their
types, links, ids, authors, summaries, contents, dates, languages) with its quirks: the first
title wins, a second description becomes content, a guid is the link when there is none, an
author's name and email are joined... None means "not sure" and feedparser parses the document:
malformed XML, a DOCTYPE (so no entity is ever expanded), xml:base, a Content-Location, XHTML
titles or contents, base64, an element whose meaning here was not checked. feedparser's own
helpers choose the encoding, parse the dates and clean URLs, so the paths cannot drift there;
`tests/test_fastfeed.py` holds every file of feedparser's corpus this path accepts to equality.
"""

from __future__ import annotations

import contextlib
import re
from typing import Any

from lxml import etree

from tui.core.ingest.fastfeed_rules import (
    AVAILABLE,
    CP1252,
    ENTRY_ROLES,
    FEED_CONTENT,
    FEED_DESCRIPTION,
    FEED_HARMLESS,
    FEED_SUMMARY,
    HARMLESS,
    IMAGE_CHILDREN,
    PERSON_CHILDREN,
    RESERVED,
    TEXTINPUT_CHILDREN,
    Decline,
    Namer,
    convert_to_utf8,
    handled_by_feedparser,
    looks_like_html,
    parse_date,
    sync_author,
    urljoin,
)
from tui.core.ingest.nesting import flatten, too_deep

_RSS10 = "http://purl.org/rss/1.0/"
_ATOM = "http://www.w3.org/2005/atom"
_BASE_ATTRIBUTE = re.compile(rb"""[\s:]base\s*=""", re.IGNORECASE)
_TYPES = {"text": "text/plain", "plain": "text/plain", "html": "text/html",
          "text/plain": "text/plain", "text/html": "text/html"}
_LINK_TYPES = {"text": "text/plain", "plain": "text/plain", "html": "text/html",
               "xhtml": "application/xhtml+xml"}
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHAR_REF_IN_LINK = re.compile("&([A-Za-z0-9_]+);")


def parse(data: bytes, headers: dict[str, str], *,
          flattened: bool = False) -> dict[str, Any] | None:
    """feedparser.parse's result (the parts parse.py reads), or None to let feedparser do it.

    A document past libxml2's 256 levels is read again with its runaway nesting flattened
    (nesting.py: wrappers past 128 levels left out, their text kept; `flattened`): feedparser
    read 800,000 nested extension elements in 14 s of CPU and 350 MB. What it gives is then
    feedparser's reading of the flattened document."""
    if not AVAILABLE or "content-location" in headers:
        return None
    lowered = data.lower()
    if b"<!doctype" in lowered or b"<!entity" in lowered or _BASE_ATTRIBUTE.search(data):
        return None
    result: dict[str, Any] = {}
    try:
        utf8 = convert_to_utf8(headers, data, result)
    except Exception:
        return None
    if not result.get("encoding"):
        return None
    try:
        root = etree.fromstring(utf8, etree.XMLParser(
            resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
            remove_comments=True, remove_pis=True, collect_ids=False))
        walk = _Walk(Namer(utf8), headers)
        version = walk.document(root)
    except etree.XMLSyntaxError as exc:
        if flattened or not too_deep(exc):
            return None
        return parse(flatten(utf8.decode("utf-8", "surrogatepass")).encode(
            "utf-8", "surrogatepass"), headers, flattened=True)
    except Exception:  # Decline, lxml's syntax errors, or anything unforeseen: feedparser's
        return None
    out: dict[str, Any] = {"feed": walk.feed, "entries": walk.entries, "version": version,
                           "bozo": bool(result.get("bozo"))}
    if out["bozo"]:
        out["bozo_exception"] = result.get("bozo_exception")
    return out


def _finish(text: str) -> str:
    """What feedparser does to every text value: undo UTF-8 read as Latin-1, map C1 to cp1252."""
    if text.isascii():
        return text
    with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):
        text = text.encode("iso-8859-1").decode("utf-8")
    return text.translate(CP1252)


def _leaf_text(el: Any) -> str:
    if len(el):
        raise Decline("markup inside a text element")
    return el.text or ""


class _Walk:
    """One document, in order: feedparser's state that matters (the depth of the title that
    won, whether the entry has content) is carried from element to element as it does."""

    def __init__(self, namer: Namer, headers: dict[str, str]) -> None:
        self.n = namer
        self.atom = False
        self.title_depth = -1
        self.has_content = False
        self.feed: dict[str, Any] = {}
        self.scratch: dict[str, Any] = {}  # feed-level keys that steer entries (summary)
        self.entries: list[dict[str, Any]] = []
        self.base_lang = headers.get("content-language") or None
        if self.base_lang:
            self.feed["language"] = self.base_lang.replace("_", "-")

    def document(self, root: Any) -> str:
        name, uris = self.n.name(root.tag), self.n.uris
        if name == "rss":
            known = {"0.91": "rss091u", "0.92": "rss092", "0.93": "rss093", "0.94": "rss094"}
            attr = self.n.attrs(root).get("version", "")
            self._root_lang(root)
            if sum(1 for c in root if self.n.name(c.tag) == "channel") > 1:
                raise Decline("several channels")
            for child in root:
                if self.n.name(child.tag) == "channel":
                    self._channel(child, 2, items=True)
                else:
                    self._feed_child(child, 2, infeed=False, items=False)
            return known.get(attr) or ("rss20" if attr.startswith("2.") else "rss")
        if name == "rdf:rdf":
            if _RSS10 not in uris or _ATOM in uris or any("netscape" in u for u in uris):
                raise Decline("RSS 1.0 declared with other feed namespaces")
            for child in root:
                if self.n.name(child.tag) == "channel":
                    self._channel(child, 2, items=False)
                else:
                    self._feed_child(child, 2, infeed=False, items=True)
            return "rss10"
        if name == "feed" and root.tag.lower() == "{" + _ATOM + "}feed":
            if _RSS10 in uris or any("netscape" in u for u in uris):
                raise Decline("Atom declared with other feed namespaces")
            self.atom = True
            self._root_lang(root)
            for child in root:
                self._feed_child(child, 2, infeed=True, items=True)
            return "atom10"
        raise Decline("not RSS 2.0, RSS 1.0 or Atom 1.0")

    def _root_lang(self, root: Any) -> None:
        attrs = self.n.attrs(root)
        lang = attrs.get("xml:lang", attrs.get("lang"))
        lang = None if lang == "" else (self.base_lang if lang is None else lang)
        if lang:
            self.feed["language"] = lang.replace("_", "-")

    def _channel(self, channel: Any, depth: int, *, items: bool) -> None:
        if channel.attrib and {"lastmod", "href"} & set(self.n.attrs(channel)):
            raise Decline("CDF attributes on a channel")
        for child in channel:
            self._feed_child(child, depth + 1, infeed=True, items=items)

    def _feed_child(self, el: Any, depth: int, *, infeed: bool, items: bool) -> None:
        name = self.n.name(el.tag)
        if name in ("item", "entry"):
            if not items or name != ("entry" if self.atom else "item"):
                raise Decline("an entry out of place")
            self._entry(el, depth)
        elif name in ("title", "dc:title", "media:title"):
            kind, value = self._text(el, "text/plain")
            if infeed and not -1 < self.title_depth <= depth:
                self.feed["title"], self.feed["title_detail"] = value, {"type": kind}
            if value and name != "media:title":
                self.title_depth = depth
        elif name in ("language", "dc:language"):
            value = _finish(_leaf_text(el).strip())
            if infeed:
                self.feed["language"] = value
        elif name in ("image", "textinput"):
            allowed = IMAGE_CHILDREN if name == "image" else TEXTINPUT_CHILDREN
            self.title_depth = -1
            for child in el:
                if self.n.name(child.tag) not in allowed:
                    raise Decline("an image or text input with other elements")
                if self.n.name(child.tag) == "title" and _leaf_text(child).strip():
                    self.title_depth = depth + 1
        elif name in FEED_CONTENT or ((name in FEED_SUMMARY or name in FEED_DESCRIPTION)
                                      and "summary" in self.scratch and not self.has_content):
            self.has_content = True  # feedparser's flag: it lasts until the first entry ends
            value = self._text(el, FEED_CONTENT.get(name, "text/plain"))[1]
            self.scratch.setdefault("summary", value)
        elif name in FEED_SUMMARY:
            value = self._text(el, "text/plain")[1]
            if infeed:
                self.scratch["summary"] = value
        elif name in FEED_DESCRIPTION:
            self._text(el, "text/html")
        else:
            self._harmless(el, name, FEED_HARMLESS)

    def _harmless(self, el: Any, name: str, allowed: frozenset[str]) -> None:
        """An element that cannot touch the fields kept, nor can its descendants."""
        handler = name.replace(":", "_")
        if handler in handled_by_feedparser:
            if handler not in allowed:
                raise Decline(f"<{name}> has a meaning this path does not reproduce")
        elif handler in RESERVED or handler.endswith(("_parsed", "_detail")):
            raise Decline(f"<{name}> would overwrite a kept field")
        for child in el:
            self._harmless(child, self.n.name(child.tag), allowed)

    # -- values ------------------------------------------------------------------------------
    def _text(self, el: Any, default_type: str) -> tuple[str, str]:
        """(content type, value) of a text construct, as feedparser's pop() makes it."""
        kind = default_type
        if el.attrib:
            attrs = self.n.attrs(el)
            if "mode" in attrs or "src" in attrs:
                raise Decline("base64 or out-of-line content")
            if "type" in attrs:
                mapped = _TYPES.get(attrs["type"])
                if mapped is None:
                    raise Decline(f"content of type {attrs['type']!r}")
                kind = mapped
        value = _leaf_text(el).strip()
        if not self.atom and kind == "text/plain" and looks_like_html(value):
            kind = "text/html"
        return kind, _finish(value)

    @staticmethod
    def _plain(el: Any, *, resolve: bool = False) -> str:
        value = _leaf_text(el).strip()
        if resolve and value:
            value = urljoin("", value)
        return _finish(value)

    # -- one entry ---------------------------------------------------------------------------
    def _entry(self, item: Any, depth: int) -> None:
        entry: dict[str, Any] = {}
        self.entries.append(entry)
        self.title_depth = -1
        if item.attrib:
            attrs = self.n.attrs(item)
            if "lastmod" in attrs or "href" in attrs:
                raise Decline("CDF attributes on an entry")
            if attrs.get("rdf:about"):
                entry["id"] = attrs["rdf:about"]
        for child in item:
            name = self.n.name(child.tag)
            role = ENTRY_ROLES.get(name)
            if role is None:
                self._harmless(child, name, HARMLESS)
            else:
                getattr(self, "_" + role)(entry, child, depth + 1)
        self.has_content = False

    def _title(self, entry: dict[str, Any], el: Any, depth: int, *, media: bool = False) -> None:
        kind, value = self._text(el, "text/plain")
        if not -1 < self.title_depth <= depth:
            entry["title"], entry["title_detail"] = value, {"type": kind}
        if value and not media:
            self.title_depth = depth

    def _media_title(self, entry: dict[str, Any], el: Any, depth: int) -> None:
        self._title(entry, el, depth, media=True)

    def _link(self, entry: dict[str, Any], el: Any, depth: int) -> None:
        attrs = self.n.attrs(el) if el.attrib else {}
        rel = attrs.setdefault("rel", "alternate")
        kind = attrs.get("type", "application/atom+xml" if rel == "self" else "text/html")
        href = attrs.get("url", attrs.get("uri", attrs.get("href")))
        if href or "href" in attrs:
            if len(el):
                raise Decline("markup inside a link")
            if rel == "alternate" and _LINK_TYPES.get(kind, kind) in _HTML_TYPES:
                entry["link"] = urljoin("", href or attrs["href"])
            return
        value = self._plain(el, resolve=True).replace("&amp;", "&")
        entry["link"] = _CHAR_REF_IN_LINK.sub(r"&\g<1>", value)

    def _guid(self, entry: dict[str, Any], el: Any, depth: int) -> None:
        attrs = self.n.attrs(el) if el.attrib else {}
        is_link = attrs.get("ispermalink", "true") == "true"
        entry["id"] = value = self._plain(el, resolve=is_link)
        if is_link:
            entry.setdefault("link", value)

    def _description(self, entry: dict[str, Any], el: Any, depth: int) -> None:
        if "summary" in entry and not self.has_content:
            self._content_of(entry, el, "text/plain")
        else:
            entry["summary"] = self._text(el, "text/html")[1]

    def _summary(self, entry: dict[str, Any], el: Any, depth: int) -> None:
        if "summary" in entry and not self.has_content:
            self._content_of(entry, el, "text/plain")
        else:
            entry["summary"] = self._text(el, "text/plain")[1]

    def _abstract(self, entry: dict[str, Any], el: Any, depth: int) -> None:
        entry["summary"] = self._text(el, "text/plain")[1]

    def _content(self, entry: dict[str, Any], el: Any, depth: int) -> None:
        self._content_of(entry, el, "text/plain")

    def _content_html(self, entry: dict[str, Any], el: Any, depth: int) -> None:
        self._content_of(entry, el, "text/html")

    def _content_of(self, entry: dict[str, Any], el: Any, default_type: str) -> None:
        self.has_content = True
        kind, value = self._text(el, default_type)
        entry.setdefault("content", []).append({"type": kind, "value": value})
        entry.setdefault("summary", value)  # text and HTML contents are copied to summary

    def _author(self, entry: dict[str, Any], el: Any, depth: int) -> None:
        entry.setdefault("authors", []).append({})
        pieces = [el.text or ""]
        for child in el:
            name = self.n.name(child.tag)
            key = PERSON_CHILDREN.get(name)
            if key is None:
                raise Decline(f"<{name}> inside an author")
            value = (self._plain(child, resolve=True) if key == "href"
                     else _leaf_text(child).strip())
            entry.setdefault("author_detail", {})[key] = value
            sync_author(entry)
            entry["authors"][-1][key] = value
            pieces.append(child.tail or "")
        entry["author"] = _finish("".join(pieces).strip())
        sync_author(entry)

    def _published(self, entry: dict[str, Any], el: Any, depth: int) -> None:
        entry["published_parsed"] = parse_date(self._plain(el))

    def _updated(self, entry: dict[str, Any], el: Any, depth: int) -> None:
        entry["updated_parsed"] = parse_date(self._plain(el))

    def _created(self, entry: dict[str, Any], el: Any, depth: int) -> None:
        entry["created_parsed"] = parse_date(self._plain(el))

    def _language(self, entry: dict[str, Any], el: Any, depth: int) -> None:
        entry["language"] = self._plain(el)

    def _source(self, entry: dict[str, Any], el: Any, depth: int) -> None:
        _leaf_text(el)  # a source with elements inside carries its own title: feedparser's
        self.title_depth = -1
