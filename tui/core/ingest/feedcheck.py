"""What parse.py tells the user about a feed, in plain words, and the bytes it hands on.

- `as_utf8`: the feed decoded by the one decoder pages use too (charset.py) and handed to the
  parsers as UTF-8 that says so, so neither lxml nor feedparser decides the charset again.
- `malformed_note`: feedparser's complaint (`SAXParseException: <unknown>:1:118: mismatched
  tag`) as a sentence: where the XML broke and how many items were still read.
- `web_page_error`: a site's homepage given as a feed names the feed it links to.
- `DateCheck`: items with no usable date, or dated over a day ahead, are dated when fetched,
  and the feed says how many.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from urllib.parse import urljoin

from tui.core.ingest import charset
from tui.core.text import c1
from tui.core.text.sanitize import clean_line
from tui.core.words import counted

_DECLARED = re.compile(rb"""^(\s*<\?xml[^>]*?encoding\s*=\s*["'])([\w.:-]+)["']""")
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml",
               "application/feed+json")
_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)[\s>]",
                         re.I | re.S)
# An error page's title or heading: a 4xx/5xx status, or the words proxies and shields use.
_ERROR_TITLE = re.compile(r"\b[45]\d\d\b|\berror\b|unavailable|not found|forbidden|bad gateway"
                          r"|access denied|attention required|just a moment|blocked|maintenance"
                          r"|too many requests|timed? ?out", re.I)
_SAX_WHERE = re.compile(r"^<[^>]*>:(\d+):(\d+):\s*")
# Encoding complaints are feedparser's view of bytes it no longer decides: charset.py's is true.
_QUIET = ("CharacterEncodingOverride", "CharacterEncodingUnknown", "NonXMLContentType")
FUTURE_SLACK = timedelta(days=1)


def as_utf8(data: bytes, headers: dict[str, str]) -> tuple[bytes, dict[str, str], str | None]:
    """(UTF-8 bytes whose XML declaration says utf-8, headers saying so, a note when the
    charset had to be guessed). Valid UTF-8 is passed on as it is."""
    content_type = headers.get("content-type")
    decoded = charset.decode(data, content_type)
    # valid UTF-8 is handed on as its bytes, without what decode dropped
    out = c1.strip_bytes(data) if decoded.how == "utf-8" \
        else decoded.text.encode("utf-8", "surrogatepass")
    match = _DECLARED.match(out[:512])
    if match and match.group(2).lower() not in (b"utf-8", b"utf8"):
        out = out[:match.start(2)] + b"utf-8" + out[match.end(2):]
    if content_type:  # text/xml without a charset means us-ascii to feedparser
        media = content_type.split(";", 1)[0].strip() or "application/xml"
        headers = {**headers, "content-type": f"{media}; charset=utf-8"}
    return out, headers, decoded.note


def _items(count: int) -> str:
    return f"{counted(count, 'item')} recovered"


def malformed_note(problem: BaseException | None, recovered: int) -> str | None:
    """feedparser's bozo exception as plain words, or None when it is nothing to tell."""
    name = type(problem).__name__ if problem is not None else ""
    if name in _QUIET:
        return None
    text = clean_line(str(problem or "")) or "malformed"
    if name == "SAXParseException":
        where = _SAX_WHERE.match(text)
        if where:
            text = f"at line {where.group(1)}: {text[where.end():] or 'syntax error'}"
        else:
            text = f": {text}"
        return f"broken XML {text}; {_items(recovered)}"[:300]
    return f"malformed feed ({text}); {_items(recovered)}"[:300]


class _AlternateLinks(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []  # (type, href)
        self.heads: dict[str, str] = {}  # the first <title> and <h1>, as text
        self._in: str | None = None

    def handle_data(self, data: str) -> None:
        if self._in is not None:
            self.heads[self._in] = self.heads.get(self._in, "") + data

    def handle_endtag(self, tag: str) -> None:
        if tag == self._in:
            self._in = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("title", "h1") and tag not in self.heads:
            self._in, self.heads[tag] = tag, ""
        if tag not in ("link", "a"):
            return
        values = {k.lower(): (v or "") for k, v in attrs}
        rels = values.get("rel", "").lower().split()
        kind = values.get("type", "").lower().split(";")[0].strip()
        if "alternate" in rels and kind in _FEED_TYPES and values.get("href", "").strip():
            self.found.append((kind, values["href"].strip()))


JSON_FEED = "this is a JSON Feed (jsonfeed.org), which newsdesk does not read: only RSS and Atom"
EMPTY_ANSWER = "empty answer: the server sent no content at all, not a feed"


def not_a_feed(data: bytes, headers: dict[str, str], feed_url: str, broken: str | None) -> str:
    """Why a document gave no feed, in the words of what it is: nothing at all, a JSON Feed,
    a web page (with the feed it links to), or something else (with what broke)."""
    if not data.strip():
        return EMPTY_ANSWER
    if is_json_feed(data):
        return JSON_FEED
    if looks_like_web_page(data, headers):
        return web_page_error(data, headers, feed_url)
    return "this is not a feed" + (f" ({broken.split(';')[0]})" if broken else "")


def is_json_feed(data: bytes) -> bool:
    """A JSON object that names the JSON Feed spec as its version, or has its `items` list."""
    import json

    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if head[:1] != b"{":
        return False
    try:
        document = json.loads(head)
    except ValueError:
        return b"jsonfeed.org" in head[:4096]
    return isinstance(document, dict) and (
        "jsonfeed.org" in str(document.get("version", ""))
        or isinstance(document.get("items"), list))


def looks_like_web_page(data: bytes, headers: dict[str, str]) -> bool:
    media = headers.get("content-type", "").split(";", 1)[0].strip().lower()
    return media in ("text/html", "application/xhtml+xml") or bool(_HTML_START.match(data[:4096]))


def web_page_error(data: bytes, headers: dict[str, str], base_url: str) -> str:
    """A web page given as a feed: what it is, and the feed it advertises if any. The feed
    is named, not followed: the user decides what goes in feeds.toml."""
    media = headers.get("content-type", "").split(";", 1)[0].strip().lower() or "no type given"
    finder = _AlternateLinks()
    try:
        finder.feed(data[:300_000].decode("utf-8", "replace"))
        finder.close()
    except Exception:  # html.parser on hostile input: no links, then
        finder.found = []
    head = f"this is a web page ({media}), not a feed"
    feeds = [urljoin(base_url, href) for kind, href in finder.found if kind != _FEED_TYPES[3]]
    feeds = [clean_line(url)[:300] for url in dict.fromkeys(feeds)]
    if not feeds:
        if said := _error_page(finder.heads):
            return f"{head}: an error page saying '{said}', although the server answered 200 OK"
        return head + "; it links to no RSS or Atom feed"
    more = f" (and {len(feeds) - 1} more)" if len(feeds) > 1 else ""
    return f"{head}; it links to a feed at {feeds[0]}{more}"


def _error_page(heads: dict[str, str]) -> str | None:
    """What an error page served as a success says (its title, else its heading), or None
    for another page: a feed that is down or blocked says so instead of 'no feed links'."""
    for tag in ("title", "h1"):
        text = clean_line(" ".join(heads.get(tag, "").split()))[:120]
        if text and _ERROR_TITLE.search(text):
            return text
    return None


class DateCheck:
    """Counts the items dated when fetched because their own date was missing, invalid or
    more than a day ahead (a 2031 item would stay first in every list, never pruned)."""

    def __init__(self, now: datetime | None = None) -> None:
        # ISO UTC strings of one form compare as their moments do: no parsing per item
        self.limit = ((now or datetime.now(UTC)) + FUTURE_SLACK).strftime("%Y-%m-%dT%H:%M:%SZ")
        self.undated = 0
        self.future: list[str] = []

    def check(self, published: str | None) -> str | None:
        """The date to keep (None: the fetch time)."""
        if published is None:
            self.undated += 1
            return None
        if published > self.limit:
            self.future.append(published[:10])
            return None
        return published

    def note(self) -> str | None:
        notes = []
        if self.undated:
            notes.append(f"{counted(self.undated, 'item')} with missing "
                         "or invalid dates: dated when fetched")
        if self.future:
            count = len(self.future)
            notes.append(f"{counted(count, 'item')} dated in the future "
                         f"({min(self.future)}): dated when fetched")
        return "; ".join(notes) or None
