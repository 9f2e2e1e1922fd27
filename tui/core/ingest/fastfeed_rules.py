"""What feedparser does with each element name, as far as the fast path (fastfeed.py) needs.

Names are feedparser's: lower case, `prefix:local` with its standard prefix ("dc", "media",
"content"...) and no prefix for RSS and Atom. An element is one of three kinds here:
- a *role* the fast path reproduces (title, link, guid, dates, authors, summaries, contents);
- *harmless*: feedparser's handler for it never touches a field newsdesk keeps (categories,
  enclosures, media thumbnails, rights...), checked by reading feedparser 6.0's handlers;
- anything else with a feedparser handler: the fast path declines the document.
Elements feedparser has no handler for are harmless unless their name is one of the keys read
(`RESERVED`): feedparser stores them under their own name.
"""

from __future__ import annotations

import re
from typing import Any

try:  # feedparser's own tables and helpers: the fast path runs only with the ones it was
    # checked against (tests/test_fastfeed.py); encodings, dates and URL clean-up are feedparser's
    from feedparser.datetimes import _parse_date
    from feedparser.encodings import convert_to_utf8 as _convert
    from feedparser.html import _cp1252
    from feedparser.mixin import _FeedParserMixin
    from feedparser.urls import _urljoin

    CP1252, convert_to_utf8, parse_date, urljoin = _cp1252, _convert, _parse_date, _urljoin
    _MATCH: dict[str, str] = {k.lower(): v for k, v in _FeedParserMixin.namespaces.items()}
    looks_like_html = _FeedParserMixin.looks_like_html
    handled_by_feedparser = frozenset(n.split("_", 2)[2] for n in dir(_FeedParserMixin)
                                      if n.startswith(("_start_", "_end_")))
    AVAILABLE = True
except (ImportError, AttributeError):  # pragma: no cover - a feedparser we do not know
    _MATCH, handled_by_feedparser, AVAILABLE = {}, frozenset(), False
    CP1252 = convert_to_utf8 = parse_date = urljoin = looks_like_html = None

_DECLARATION = re.compile(rb"""xmlns(?::([^\s=/>"']+))?\s*=\s*(?:"([^"]*)"|'([^']*)')""")


class Decline(Exception):
    """The document is feedparser's: the fast path is not sure to give the same answer."""


ENTRY_ROLES = {
    "title": "title", "dc:title": "title", "media:title": "media_title",
    "link": "link", "guid": "guid", "id": "guid",
    "description": "description", "dc:description": "description",
    "media:description": "description", "abstract": "abstract",
    "summary": "summary", "itunes:summary": "summary",
    "content": "content", "content:encoded": "content_html", "fullitem": "content_html",
    "author": "author", "dc:author": "author", "dc:creator": "author",
    "itunes:author": "author", "managingeditor": "author",
    "published": "published", "issued": "published", "pubdate": "published",
    "dcterms:issued": "published",
    "updated": "updated", "modified": "updated", "lastbuilddate": "updated",
    "dc:date": "updated", "dcterms:modified": "updated",
    "created": "created", "dcterms:created": "created",
    "language": "language", "dc:language": "language",
    "source": "source",
}

# feedparser's handler names (prefix_local) that only write keys newsdesk never reads.
HARMLESS = frozenset({
    "category", "dc_subject", "media_category", "keywords", "tags", "itunes_keywords",
    "media_keywords", "enclosure", "cloud", "generator", "rights", "copyright", "dc_rights",
    "subtitle", "tagline", "itunes_subtitle", "info", "feedburner_browserfriendly",
    "expirationdate", "dcterms_valid", "newlocation", "webmaster", "dc_publisher", "width",
    "height", "media_content", "media_thumbnail", "media_credit", "media_rating",
    "media_restriction", "media_license", "media_player", "media_group", "itunes_image",
    "itunes_link", "itunes_category", "itunes_block", "itunes_explicit", "name", "email",
    "uri", "url", "homepage", "contributor", "dc_contributor", "itunes_name", "itunes_email",
})
# ... and at feed level, where entries' fields cannot be reached, also these.
FEED_HARMLESS = HARMLESS | {
    "author", "dc_author", "dc_creator", "itunes_author", "managingeditor", "itunes_owner",
    "link", "guid", "id", "abstract", "published", "issued", "pubdate", "dcterms_issued",
    "updated", "modified", "lastbuilddate", "dc_date", "dcterms_modified", "created",
    "dcterms_created",
}
FEED_SUMMARY = frozenset({"summary", "itunes:summary"})
FEED_DESCRIPTION = frozenset({"description", "dc:description", "media:description"})
FEED_CONTENT = {"content": "text/plain", "content:encoded": "text/html",
                "fullitem": "text/html"}

# Keys parse.py reads, or feedparser reads while parsing, that an unknown element would clobber.
RESERVED = frozenset({
    "title", "link", "links", "summary", "content", "id", "author", "authors", "language",
    "tags", "guidislink", "published", "updated", "created", "channel", "guid",
    "date", "description", "url", "modified", "issued", "copyright", "tagline", "image",
    "textinput", "source", "href",
})

IMAGE_CHILDREN = frozenset({"title", "link", "description", "url", "width", "height"})
TEXTINPUT_CHILDREN = frozenset({"title", "link", "description", "name"})
PERSON_CHILDREN = {"name": "name", "itunes:name": "name", "email": "email",
                   "itunes:email": "email", "uri": "href", "url": "href", "homepage": "href"}

# feedparser's _sync_author_detail, for the "author" key of an entry.
_EMAIL = re.compile(r"""(([a-zA-Z0-9\_\-\.\+]+)@((\[[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.)|"""
                    r"""(([a-zA-Z0-9\-]+\.)+))([a-zA-Z]{2,4}|[0-9]{1,3})(\]?))(\?subject=\S+)?""")


def sync_author(context: dict[str, Any]) -> None:
    """"Name (email)" from the last author's parts, or the parts guessed from a plain author."""
    authors = context.get("authors")
    detail = authors[-1] if authors else {}
    if detail:
        name, email = detail.get("name"), detail.get("email")
        if name and email:
            context["author"] = f"{name} ({email})"
        elif name:
            context["author"] = name
        elif email:
            context["author"] = email
        return
    author, email = context.get("author"), None
    if not author:
        return
    match = _EMAIL.search(author)
    if match:
        email = match.group(0)
        author = author.replace(email, "").replace("()", "").replace("<>", "")
        author = author.replace("&lt;&gt;", "").strip()
        if author and author[0] == "(":
            author = author[1:]
        if author and author[-1] == ")":
            author = author[:-1]
        author = author.strip()
    if author:
        detail["name"] = author
    if email:
        detail["email"] = email


def standard_prefix(uri: str) -> str | None:
    lowered = uri.lower()
    if "backend.userland.com/rss" in lowered:
        return ""
    return _MATCH.get(lowered)


class Namer:
    """feedparser's name for an element: `prefix:local` in lower case, where prefix is its
    standard one for a namespace it knows ('' for RSS and Atom), else the document's."""

    def __init__(self, utf8: bytes) -> None:
        bound: dict[str | None, str] = {}
        self.prefixes_of: dict[str, set[str | None]] = {}
        for match in _DECLARATION.finditer(utf8):
            prefix = match.group(1).decode() if match.group(1) else None
            uri = (match.group(2) if match.group(2) is not None else match.group(3)).decode()
            if "&" in uri or bound.setdefault(prefix, uri) != uri:
                raise Decline("a prefix bound twice, or an escaped namespace")
            self.prefixes_of.setdefault(uri, set()).add(prefix)
        standards = {v.lower() for v in _MATCH.values() if v}
        for prefix, uri in bound.items():
            standard = standard_prefix(uri)
            if prefix and standard is not None and standard != prefix \
                    and prefix.lower() in standards:
                raise Decline("a document prefix that is another namespace's standard prefix")
        self.uris = {uri.lower() for uri in self.prefixes_of}
        self._names: dict[Any, str] = {}

    def name(self, tag: Any) -> str:
        found = self._names.get(tag)
        if found is None:
            if not isinstance(tag, str):
                raise Decline("an entity or other non-element node")
            found = self._names[tag] = self._compute(tag)
        return found

    def _compute(self, tag: str) -> str:
        if tag[0] != "{":
            return tag.lower()
        uri, local = tag[1:].split("}", 1)
        standard = standard_prefix(uri)
        if standard is None:  # feedparser names it after the prefix bound to this URI
            given = self.prefixes_of.get(uri, set())
            if len(given) != 1:
                raise Decline("an unknown namespace under several prefixes")
            standard = next(iter(given)) or ""
        return f"{standard}:{local}".lower() if standard else local.lower()

    @staticmethod
    def attrs(el: Any) -> dict[str, str]:
        """feedparser's attributes: lower-case keys, a namespaced one both as `prefix:local`
        and as bare `local` (the latter winning), rel and type values in lower case."""
        out: dict[str, str] = {}
        bare: dict[str, str] = {}
        for key, value in el.attrib.items():
            if key[0] == "{":
                uri, local = key[1:].split("}", 1)
                prefix = _MATCH.get(uri.lower(), "")
                out[f"{prefix}:{local}".lower() if prefix else local.lower()] = value
                bare[local.lower()] = value
            else:
                out[key.lower()] = bare[key.lower()] = value
        out.update(bare)
        for key in ("rel", "type"):
            if key in out:
                out[key] = out[key].lower()
        return out
