"""Feed bytes -> plain entries, with stable identities and UTC dates.

Runs inside a process pool (feedparser is CPU-bound), so everything here is a top-level function
taking and returning picklable values. Text comes out sanitised: no consumer ever sees raw
control characters from a feed.
"""

from __future__ import annotations

import calendar
import hashlib
import html
import io
import re
import time
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser

from tui.core.ingest import fastfeed
from tui.core.ingest.feedcheck import (
    JSON_FEED,
    DateCheck,
    as_utf8,
    is_json_feed,
    malformed_note,
    not_a_feed,
)
from tui.core.item_keys import GUID, LONG_GUID, LONG_URL, guid_key, too_long_url, url_key
from tui.core.text.sanitize import clean_line, strip_controls
from tui.core.words import counted

# feedparser resolves relative URIs and sanitises HTML itself; we keep both on (defaults).
MAX_ENTRIES = 5_000
# A headline or a byline, however long the feed sends it: a 50 kB "title" (a whole post, or
# padding) filled the reader's head, the status line and every `list` row, and was matched and
# indexed twice (its summary has the words). Real headlines run to ~300 characters.
MAX_TITLE, MAX_AUTHOR = 1_000, 200
_ITEM_OPEN = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(?:item|entry)[\s/>]")
_ITEM_CLOSE = re.compile(rb"</(?:[A-Za-z_][\w.-]*:)?(?:item|entry)\s*>")
_CHAR_REF = re.compile(rb"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));")
_SURROGATES = re.compile("[\ud800-\udfff]")
# An absolute http(s) URL that cleaning, urljoin and urlsplit all leave as it is (no controls,
# spaces, params, fragment, empty query or brackets): most item links, so they skip all three.
_PLAIN_URL = re.compile(r"https?://[!$&'()*+,\-.0-9:=@A-Z_a-z~%]+"
                        r"(?:/[!$&'()*+,\-./0-9:=@A-Z_a-z~%]*)?"
                        r"(?:\?[!$&'()*+,\-./0-9:=?@A-Z_a-z~%]+)?")
_TAGS = re.compile(r"<!--.*?(?:-->|$)|<(script|style)\b.*?(?:</\1\s*>|$)|<[^>]*>",
                   re.DOTALL | re.IGNORECASE)
_BREAK_TAGS = re.compile(r"<(?:br|/?p|/?div|/?li)\b[^>]*>", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ParsedEntry:
    key: str
    url: str | None
    title: str
    author: str | None
    summary_html: str | None
    content_html: str | None
    published: str | None  # ISO UTC, None when the feed gave no usable date
    lang: str | None
    shared_link: bool = False  # other items of this document point to the same link
    # its link was over item_keys.MAX_URL_BYTES, not kept: its key should others share it
    # (`shared_link_key` of the link, as before the cap: a cache filled then still matches)
    long_link_key: str | None = None


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    title: str | None
    lang: str | None
    entries: tuple[ParsedEntry, ...]
    error: str | None  # set when nothing usable was found
    warning: str | None  # plain words: a guessed charset, broken XML recovered, bad dates
    truncated_entries: int = 0


def _iso(struct: time.struct_time | None) -> str | None:
    if not struct:
        return None
    try:
        moment = datetime.fromtimestamp(calendar.timegm(struct), UTC)
    except (OverflowError, ValueError, OSError):
        return None
    if not 1990 <= moment.year <= 2100:
        return None
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _safe_url(value: str | None, base: str) -> str | None:
    """Absolute http(s) URL with no control characters or spaces, else None."""
    if not value:
        return None
    if _PLAIN_URL.fullmatch(value):
        return value
    value = strip_controls(_SURROGATES.sub("", value)).strip().replace(" ", "%20")
    try:
        url = urljoin(base, value)
        scheme = urlsplit(url).scheme
    except ValueError:  # e.g. "http://[not-an-ip"
        return None
    return url if scheme in ("http", "https") else None


def _plain(markup: str) -> str:
    return html.unescape(_TAGS.sub("", _BREAK_TAGS.sub(" ", markup)))


def _title(entry: Any) -> str:
    """Titles as text: feedparser keeps markup in titles typed as HTML, we show plain words."""
    title = entry.get("title") or ""
    kind = (entry.get("title_detail") or {}).get("type", "")
    return cut_line(clean_line(_plain(title) if "html" in kind else title), MAX_TITLE)


def cut_line(text: str, limit: int) -> str:
    """`text`, or its first `limit` characters ending at a word and an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit * 0.8 else cut).rstrip() + "\u2026"


def _fix_char_ref(match: re.Match[bytes]) -> bytes:
    number = int(match.group(1), 16) if match.group(1) else int(match.group(2))
    return b"&#xFFFD;" if 0xD800 <= number <= 0xDFFF or number > 0x10FFFF else match.group(0)


def entry_key(guid: str | None, url: str | None, title: str, published: str | None) -> str:
    """guid, else link, else a hash of title + date: the same story through two feeds is one row."""
    if guid and guid.strip():
        return guid_key(_SURROGATES.sub("\ufffd", guid.strip()))
    if url:
        return url_key(url)
    digest = hashlib.sha256(f"{title}\x00{published or ''}".encode()).hexdigest()[:32]
    return "hash:" + digest


def shared_link_key(url: str, title: str) -> str:
    """For items without a guid whose link other items of the feed share (a homepage, a
    live blog): the link and the title together name the item."""
    return "link:" + hashlib.sha256(f"{url}\x00{title}".encode()).hexdigest()[:32]


def _distinguish(entries: list[ParsedEntry]) -> list[ParsedEntry]:
    """Items repeating one link with different titles are different items (a real Russian
    feed: 24 items, one link, no guids): mark them so neither the key nor the store's
    same-link check merges them. Same link and same title stays one item."""
    titles: dict[str, set[str]] = {}
    for entry in entries:
        if link := _link_of(entry):
            titles.setdefault(link, set()).add(entry.title)
    out = []
    for entry in entries:
        link = _link_of(entry)
        if link and len(titles[link]) > 1:
            key = entry.key
            if key == link:  # over the cap
                key = entry.long_link_key or key
            elif key == "url:" + link:
                key = shared_link_key(link, entry.title)
            entry = replace(entry, key=key, shared_link=True)
        out.append(entry)
    return out


def _link_of(entry: ParsedEntry) -> str | None:
    """The link the item shares with others: its own, or the hashed key of one too long to
    keep (item_keys.MAX_URL_BYTES)."""
    return entry.url or (entry.key if entry.key.startswith(LONG_URL) else None)


def _content(entry: Any) -> str | None:
    parts = entry.get("content") or []
    values = [p.get("value", "") for p in parts if p.get("value")]
    return "\n".join(values) if values else None


def _link(entry: Any) -> str | None:
    """The item's link. A guid stands in for a missing <link> (RSS's isPermaLink default)
    only when it is an absolute URL: "nd2" resolved against the feed's address was a link
    made up, and a page fetched for it."""
    link = entry.get("link")
    if not isinstance(link, str):
        return None
    if link == entry.get("id"):
        try:
            parts = urlsplit(link.strip())
        except ValueError:
            return None
        if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
            return None
    return link


def _entry(entry: Any, feed_url: str, feed_lang: str | None) -> ParsedEntry | None:
    link = _safe_url(_link(entry), feed_url)
    dropped = link is not None and too_long_url(link)
    url = None if dropped else link  # still its key, hashed: the item stays the same item
    title = _title(entry)
    summary = entry.get("summary") or None
    content = _content(entry)
    if not title:
        title = clean_line(_plain(summary or ""))[:120] or (url or "")
    if not title and not content:
        return None
    # dict.get, not feedparser's: its get("updated_parsed") falls back to published_parsed
    # with a DeprecationWarning (an unparseable pubDate on its path took this turn)
    published = _iso(dict.get(entry, "published_parsed") or dict.get(entry, "updated_parsed")
                     or dict.get(entry, "created_parsed"))
    guid = entry.get("id") or entry.get("guid")
    return ParsedEntry(
        key=entry_key(guid if isinstance(guid, str) else None, link, title, published),
        url=url,
        title=title,
        author=cut_line(clean_line(entry.get("author")), MAX_AUTHOR) or None,
        summary_html=summary if summary != content else None,
        content_html=content,
        published=published,
        lang=clean_line(entry.get("language")) or feed_lang,
        long_link_key=shared_link_key(link, title) if dropped and link else None,
    )


def cap_entries(data: bytes, limit: int = MAX_ENTRIES) -> tuple[bytes, int]:
    """Cut a huge feed down to its first `limit` items before feedparser sees it.

    feedparser builds every entry before we could slice: 100k items cost ~15 s and ~250 MB in
    the worker. The head up to item `limit` plus the document's tail after its last closing
    item tag is still a well-formed feed. Returns (bytes, entries skipped).
    """
    opens = _ITEM_OPEN.finditer(data)
    cut = next((m.start() for i, m in enumerate(opens) if i == limit), None)
    if cut is None:
        return data, 0
    skipped = 1 + sum(1 for _ in opens)
    end = None
    for close in _ITEM_CLOSE.finditer(data, cut):
        end = close.end()
    tail = data[end:] if end is not None else b""
    return data[:cut] + tail, skipped


def _ends_inside_item(data: bytes) -> bool:
    """The document stops inside its last item (a cut connection, a size cap): that item's
    fields after the cut are missing, so its key may not be the one it has when whole."""
    last_open = max((m.start() for m in _ITEM_OPEN.finditer(data)), default=-1)
    return last_open >= 0 and _ITEM_CLOSE.search(data, last_open) is None


def _feedparser(data: bytes, headers: dict[str, str]) -> Any:
    """feedparser's HTML sanitizer and link rewriting are off: feed HTML is only ever turned
    into text here (`html_to_text`, `_plain`, both dropping scripts and styles), never shown,
    and those two passes were 50% of parsing a feed."""
    # A stream, never bytes: feedparser would open bytes that look like a path as a file.
    return feedparser.parse(io.BytesIO(data), response_headers=headers or {},
                            resolve_relative_uris=False, sanitize_html=False)


def _feedparser_parse(data: bytes, headers: dict[str, str]) -> Any:
    try:
        return _feedparser(data, headers)
    except UnicodeError:  # "&#xD800;" makes feedparser build an unencodable string
        return _feedparser(_CHAR_REF.sub(_fix_char_ref, data), headers)


def parse_feed(data: bytes, headers: dict[str, str], feed_url: str, *,
               fast: bool = True) -> ParsedFeed:
    """Parse a feed document. Never raises: problems come back in `error`/`warning`.

    Well-formed RSS and Atom take lxml's fast path (fastfeed.py), which gives what feedparser
    would; `fast=False` always asks feedparser (the tests compare the two)."""
    data, skipped = cap_entries(data)
    data, headers, charset_note = as_utf8(data, headers)
    result = fastfeed.parse(data, headers) if fast else None
    if result is None:
        try:
            result = _feedparser_parse(data, headers)
        except Exception as exc:  # feedparser is robust, but this is hostile input
            return ParsedFeed(None, None, (), "the feed could not be parsed "
                              f"({type(exc).__name__})", None)
    feed = result.get("feed", {})
    lang = clean_line(feed.get("language")) or None
    found: list[ParsedEntry] = []
    guids: dict[str, str] = {}  # key -> the title of its first item
    dates = DateCheck()
    raws = result.get("entries", [])[:MAX_ENTRIES]
    cut_item = raws[-1] if raws and result.get("bozo") and _ends_inside_item(data) else None
    empty = 0  # items with no title, text or link (a podcast's bare enclosure): nothing to show
    for raw in raws:
        entry = _entry(raw, feed_url, lang)
        empty += entry is None and raw is not cut_item
        if raw is cut_item and entry and entry.key.startswith("hash:"):
            entry = None  # cut before its guid and link: the next fetch brings it whole
        if entry and entry.key.startswith((GUID, LONG_GUID)) \
                and guids.get(entry.key, entry.title) != entry.title:
            # Copy-pasted guids in one document, other headlines: distinct items, not one
            # story twice. The same headline again (another link, a tracking variant) is the
            # one item, as newsboat and Miniflux take a guid: the first is kept, below.
            entry = replace(entry, key=entry_key(None, entry.url, entry.title, entry.published))
        if entry:
            guids.setdefault(entry.key, entry.title)
            found.append(entry)
    entries: list[ParsedEntry] = []
    seen: set[str] = set()
    for entry in _distinguish(found):
        if entry.key not in seen:
            seen.add(entry.key)  # dates checked once each: a repeated item is one item
            entries.append(replace(entry, published=dates.check(entry.published)))
    extra = skipped + max(0, len(result.get("entries", [])) - MAX_ENTRIES)
    broken = malformed_note(result.get("bozo_exception"), len(entries)) \
        if result.get("bozo") else None
    error = None
    if not entries and not feed.get("title") and result.get("version", "") == "":
        error = not_a_feed(data, headers, feed_url, broken)
    elif type(result.get("bozo_exception")).__name__ == "NonXMLContentType" \
            and is_json_feed(data):
        error = JSON_FEED
    dropped = sum(entry.long_link_key is not None for entry in entries)
    long_links = f"{counted(dropped, 'item link')} over 8 KB not kept (no page fetched)" \
        if dropped else None
    bare = f"{counted(empty, 'item')} with no title, text or link skipped" if empty else None
    notes = [n for n in (charset_note, broken, dates.note(), long_links, bare) if n]
    note = "; ".join(notes) or None
    return ParsedFeed(_title(feed) or None, lang, tuple(entries), error, note, extra)

