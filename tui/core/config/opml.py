"""OPML import/export, compatible with newsboat and the usual web readers.

Import: every outline with an xmlUrl is a feed; the folders it sits in (outline `text`, else
`title`) and its `category` attribute (comma-separated, newsboat's way) become tags. Export
writes both forms: a folder per first tag plus `category`, so either kind of reader keeps them.
The file is untrusted: DOCTYPEs (and with them entity tricks) are refused outright.
"""

from __future__ import annotations

import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

from tui.core import tagnames
from tui.core.item_keys import too_long_url
from tui.core.models import FeedLike

MAX_BYTES = 10 * 1024 * 1024


class OpmlError(ValueError):
    """The file is not usable OPML; the message says why."""


@dataclass(frozen=True, slots=True)
class OpmlFeed:
    name: str
    url: str
    tags: tuple[str, ...] = ()
    named: bool = True  # False: the list gave no name; `name` is the host, the feed's own
    # title replaces it once fetched (feeds.toml gets no `name`)


class _NoDoctype(ET.TreeBuilder):
    """expat reports the DOCTYPE before any entity declaration in it is used."""

    def doctype(self, name: str, pubid: str | None, system: str | None) -> None:
        raise OpmlError("the file has a DOCTYPE, which OPML does not use; refusing it "
                        "(it can hide entity expansion tricks)")


def _clean(text: str | None) -> str:
    """One line of printable text: control/format characters out, whitespace collapsed."""
    if not text:
        return ""
    kept = "".join(" " if unicodedata.category(ch) in ("Cc", "Zl", "Zp") else ch for ch in text
                   if unicodedata.category(ch) not in ("Cf", "Cs", "Co")
                   and ch not in "\ufffe\uffff")
    return " ".join(kept.split())


def _attr(node: ET.Element, name: str) -> str:
    """Attribute lookup ignoring case (xmlUrl, xmlurl, XMLURL all occur in the wild)."""
    value = node.get(name)
    if value is None:
        lowered = name.lower()
        value = next((v for k, v in node.attrib.items() if k.lower() == lowered), None)
    return _clean(value)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def parse_opml(data: bytes, *, on_skip: Callable[[str], None] | None = None) -> list[OpmlFeed]:
    """Feeds in document order. Duplicate URLs are merged (tags combined); feeds whose URL is
    not http(s) (newsboat's `|command`, `exec:`, `query:`) are left out and reported through
    `on_skip(reason)`. Names are made unique by suffixing " (2)", " (3)"..."""
    if len(data) > MAX_BYTES:
        raise OpmlError(f"the file is larger than {MAX_BYTES // (1024 * 1024)} MB")
    parser = ET.XMLParser(target=_NoDoctype())
    try:
        parser.feed(data)
        root = parser.close()
    except ET.ParseError as exc:
        line, column = exc.position
        raise OpmlError(f"not well-formed XML at line {line}, column {column + 1}") from None
    if _local(root.tag).lower() != "opml":
        raise OpmlError(f"not an OPML file: the root element is <{_clean(_local(root.tag))}>, "
                        "expected <opml>")
    body = next((child for child in root if _local(child.tag).lower() == "body"), None)
    if body is None:
        raise OpmlError("the OPML file has no <body> element, so it lists no feeds")
    found: dict[str, tuple[str, list[str]]] = {}
    _walk(body, found, on_skip or (lambda _reason: None))
    return _unique_names(found)


MAX_FOLDERS = 50  # folder levels a feed is tagged with; feeds deeper are read all the same
MAX_NAME = 200  # a feed's name or a tag, in characters: a file's 200 KB "name" went whole
# into feeds.toml, and on every line that names the feed


def _cut(text: str) -> str:
    """`text`, or its first MAX_NAME characters and an ellipsis."""
    return text if len(text) <= MAX_NAME else text[:MAX_NAME - 1].rstrip() + "\u2026"


def _walk(body: ET.Element, found: dict[str, tuple[str, list[str]]],
          skip: Callable[[str], None]) -> None:
    """Every outline with a feed URL, in document order, at any depth (a loop, not recursion:
    10,000 nested folders are a file, not a crash; a feed past 50 levels was dropped without
    a word). Folders give tags, the first `MAX_FOLDERS` levels of them."""
    keys: dict[str, set[str]] = {}  # url -> its tags' keys: one look each, however many
    stack: list[tuple[Iterator[ET.Element], tuple[str, ...]]] = [(iter(body), ())]
    while stack:
        children, folders = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            continue
        if _local(child.tag).lower() != "outline":
            continue
        url = _attr(child, "xmlUrl")
        label = _attr(child, "text") or _attr(child, "title")
        if not url:
            deeper = (*folders, _cut(label)) if label and len(folders) < MAX_FOLDERS \
                else folders
            stack.append((iter(child), deeper))
            continue
        host = _http_host(url)
        if not host:
            skip(f"{_cut(url)}: not an http(s) feed URL, skipped")
            continue
        if too_long_url(url):  # no server takes it (the links' cap)
            skip(f"{_cut(url)}: an address over 8 KB, skipped")
            continue
        name = _cut(_attr(child, "title") or _attr(child, "text"))  # "": named after its host
        categories = [_cut(c.strip()) for c in _attr(child, "category").split(",")]
        old_name, tags = found.get(url, (name, []))
        seen = keys.setdefault(url, set())
        for tag in (tagnames.display(t) for t in (*folders, *categories)):
            # one canonical form: "Iran" as a folder and "iran" as a category are one tag
            if tag and (key := tagnames.key(tag)) not in seen:
                seen.add(key)
                tags.append(tag)
        found[url] = (old_name, tags)


def _http_host(url: str) -> str:
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    return parts.netloc if parts.scheme.lower() in ("http", "https") else ""


def _unique_names(found: dict[str, tuple[str, list[str]]]) -> list[OpmlFeed]:
    seen: set[str] = set()
    tried: dict[str, int] = {}
    return [OpmlFeed(unique_name(name or _http_host(url), seen, tried), url, tuple(tags),
                     bool(name)) for url, (name, tags) in found.items()]


def unique_name(name: str, seen: set[str], tried: dict[str, int] | None = None) -> str:
    """`name`, else "name (2)", "name (3)"...: the first that `seen` lacks in any case (names
    are unique in feeds.toml); it joins `seen`. `tried` (name -> the last number given it),
    kept across calls, starts each at its last: 10,000 feeds called "Wire" tried every number
    below theirs, 10.6 s of CPU."""
    folded = name.casefold()
    unique, n = name, (tried or {}).get(folded, 1)
    if n > 1:
        unique = f"{name} ({n})"
    while unique.casefold() in seen:
        n += 1
        unique = f"{name} ({n})"
    seen.add(unique.casefold())
    if tried is not None:
        tried[folded] = n
    return unique


def write_opml(feeds: Iterable[FeedLike], *, title: str = "newsdesk feeds") -> str:
    """OPML 2.0 text; feeds grouped in a folder named after their first tag."""
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = _clean(title)
    body = ET.SubElement(root, "body")
    folders: dict[str, ET.Element] = {}
    for feed in feeds:
        tags = [t for t in (_clean(tag).replace(",", " ") for tag in feed.tags) if t]
        parent = body
        if tags:
            if tags[0] not in folders:
                folders[tags[0]] = ET.SubElement(body, "outline", text=tags[0], title=tags[0])
            parent = folders[tags[0]]
        attrs = {"type": "rss", "text": _clean(feed.name), "title": _clean(feed.name),
                 "xmlUrl": _clean(feed.url)}
        if tags:
            attrs["category"] = ",".join(tags)
        ET.SubElement(parent, "outline", attrs)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
