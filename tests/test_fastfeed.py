"""The lxml fast path gives exactly what feedparser gives, on every document it accepts.

feedparser's own corpus (2,107 files written to exercise its quirks) and the real feeds in
../shared are parsed both ways; any file the fast path accepts must come out identical (keys,
links, titles, authors, summaries, contents, dates, languages, warnings). Documents it must
leave to feedparser (DOCTYPEs, entities, huge or deep trees) are checked on our own fixtures.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import SHARED, rss
from tests.test_corpus_feedparser import headers_of
from tui.core.ingest import fastfeed
from tui.core.ingest.parse import ParsedFeed, parse_feed

PEERS = SHARED / "peers"
FEEDPARSER = PEERS / "feedparser" / "tests"
REAL = [PEERS / "real-news" / "feeds", PEERS / "realfeeds"]
URL = "http://127.0.0.1/feed.xml"


def _differences(fast: ParsedFeed, slow: ParsedFeed) -> list[str]:
    out = [f"feed {f}: {getattr(fast, f)!r} != {getattr(slow, f)!r}"
           for f in ("title", "lang", "error", "warning", "truncated_entries")
           if getattr(fast, f) != getattr(slow, f)]
    if len(fast.entries) != len(slow.entries):
        out.append(f"{len(fast.entries)} entries != {len(slow.entries)}")
    for i, (a, b) in enumerate(zip(fast.entries, slow.entries, strict=False)):
        out += [f"entry {i} {f}: {getattr(a, f)!r:.80} != {getattr(b, f)!r:.80}"
                for f in a.__dataclass_fields__ if getattr(a, f) != getattr(b, f)]
    return out


def _compare(files: list[tuple[str, bytes, dict[str, str]]]) -> tuple[int, dict[str, list[str]]]:
    accepted, disagreements = 0, {}
    for name, data, headers in files:
        if fastfeed.parse(data, headers) is None:
            continue
        accepted += 1
        diff = _differences(parse_feed(data, headers, URL),
                            parse_feed(data, headers, URL, fast=False))
        if diff:
            disagreements[name] = diff
    return accepted, disagreements


@pytest.mark.skipif(not FEEDPARSER.is_dir(), reason=f"feedparser corpus not found at {FEEDPARSER}")
def test_feedparser_corpus_fast_path_agrees() -> None:
    files = []
    for path in sorted(p for p in FEEDPARSER.rglob("*") if p.is_file()):
        data = path.read_bytes()
        headers = {k.lower(): v for k, v in headers_of(data.decode("utf-8", "replace")).items()}
        files.append((str(path.relative_to(FEEDPARSER)), data, headers))
    accepted, disagreements = _compare(files)
    print(f"\nfeedparser corpus: {len(files)} files, {accepted} take the fast path, "
          f"{len(disagreements)} disagree")
    for name, diff in disagreements.items():
        print(f"  {name}: {'; '.join(diff)[:300]}")
    assert not disagreements
    assert accepted >= 900  # RSS 2.0, RSS 1.0 and Atom 1.0 files (Atom 0.3 and CDF are not)


@pytest.mark.skipif(not all(d.is_dir() for d in REAL), reason="real feeds not found in ../shared")
def test_real_feeds_fast_path_agrees() -> None:
    files = [(p.name, p.read_bytes(), {"content-type": "application/rss+xml"})
             for d in REAL for p in sorted(d.glob("*.xml"))]
    accepted, disagreements = _compare(files)
    print(f"\nreal feeds: {len(files)} files, {accepted} take the fast path, "
          f"{len(disagreements)} disagree")
    assert not disagreements
    assert accepted >= len(files) - 2  # two are broken on purpose


def _agrees(data: bytes, headers: dict[str, str] | None = None) -> ParsedFeed:
    headers = headers or {"content-type": "application/rss+xml"}
    assert fastfeed.parse(data, headers) is not None, "the fast path declined"
    fast = parse_feed(data, headers, URL)
    assert _differences(fast, parse_feed(data, headers, URL, fast=False)) == []
    return fast


def test_our_quirky_items_agree() -> None:
    """The quirks the fast path reproduces, in one feed of our own."""
    items = [
        {"title": "Talks resume &lt;b&gt;in Doha&lt;/b&gt;", "guid": "http://127.0.0.1/a",
         "description": "first", "dc:description": "second becomes content"},
        {"title": "First title wins", "dc:title": "not this one", "link": "http://127.0.0.1/b",
         "author": "desk@example.org (Night Desk)", "pubDate": "Tue, 03 Jun 2025 08:00:00 +0300"},
        {"title": "Permalink false", "guid isPermaLink=\"false\"": "tag-1",
         "content:encoded": "&lt;p&gt;Full text&lt;/p&gt;", "description": "short",
         "dc:date": "2025-06-03T09:15:00Z", "dc:language": "ru"},
        {"title": "Mojibake Ã©tÃ© undone", "link": "http://127.0.0.1/c?a=1&amp;amp;b=2"},
    ]
    body = "".join("<item>" + "".join(f"<{k}>{v}</{k.split()[0]}>" for k, v in i.items())
                   + "</item>" for i in items)
    data = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
            f"<title>Quirks</title><language>en</language>{body}</channel></rss>").encode()
    parsed = _agrees(data)
    assert [e.title for e in parsed.entries][:2] == ["Talks resume in Doha", "First title wins"]
    assert parsed.entries[2].lang == "ru" and parsed.entries[2].key == "guid:tag-1"


def test_atom_people_and_links_agree() -> None:
    data = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fa"><title type="html">Kayhan &amp;amp; co</title>
<entry><title>Sanctions eased</title><id>tag:127.0.0.1,2025:1</id>
<link rel="alternate" type="text/html" href="http://127.0.0.1/1"/><link rel="self" href="http://127.0.0.1/1.xml"/>
<author><name>Leila Ahmadi</name><email>leila@example.org</email></author>
<updated>2025-06-01T10:00:00+04:30</updated><summary type="html">&lt;p&gt;Short&lt;/p&gt;</summary>
<content type="html">&lt;p&gt;Long&lt;/p&gt;</content></entry>
<entry><title type="text">No link, id is the link</title><id>http://127.0.0.1/2</id>
<published>2025-06-02T00:00:00Z</published></entry></feed>"""
    parsed = _agrees(data, {"content-type": "application/atom+xml"})
    assert parsed.lang == "fa" and parsed.entries[0].author == "Leila Ahmadi (leila@example.org)"
    assert parsed.entries[1].url == "http://127.0.0.1/2"


def test_the_bench_and_demo_feeds_take_the_fast_path() -> None:
    from bench.site import SiteContent

    content = SiteContent(2, 50, ["127.0.0.1"])
    content.ports = {"127.0.0.1": 8080}
    parsed = _agrees(content.feed_xml(1))
    assert len(parsed.entries) == 50


@pytest.mark.parametrize("doc", [
    # entities: a DOCTYPE, even a harmless-looking one, is feedparser's (which never expands
    # external ones); the fast path never sees an entity declaration
    b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]>'
    b"<rss><channel><title>&b;</title></channel></rss>",
    b'<?xml version="1.0"?><!DOCTYPE rss SYSTEM "http://127.0.0.1:9/x.dtd"><rss/>',
    b'<rss><channel><title>&nbsp;</title></channel></rss>',  # undefined entity: malformed
    b'<rss xml:base="http://127.0.0.1/"><channel><item><link>a</link></item></channel></rss>',
    b'{"version": "https://jsonfeed.org/version/1.1", "items": []}',
    b"<rss><channel><item><title>unclosed</item></channel></rss>",
])
def test_documents_left_to_feedparser(doc: bytes) -> None:
    assert fastfeed.parse(doc, {"content-type": "application/xml"}) is None
    parse_feed(doc, {"content-type": "application/xml"}, URL)  # and that path never raises


def test_a_document_deeper_than_256_is_read_flattened_as_feedparser_reads_it() -> None:
    """lxml stops at 256 levels (feedparser took 14 s over 800,000): the fast path reads the
    document again with its runaway nesting flattened (nesting.py), giving feedparser's
    items."""
    deep = b"<x:a>" * 300 + b"<x:b>deep</x:b>" + b"</x:a>" * 300
    doc = rss([{"title": "one", "guid": "g1", "description": "first"},
               {"title": "two", "guid": "g2", "description": "second"}]).replace(
        b"<guid>g1</guid>", b"<guid>g1</guid>" + deep).replace(
        b'<rss version="2.0">', b'<rss version="2.0" xmlns:x="urn:x">')
    assert fastfeed.parse(doc, {"content-type": "application/xml"}) is not None
    fast = parse_feed(doc, {"content-type": "application/xml"}, URL)
    assert fast.entries == parse_feed(doc, {"content-type": "application/xml"}, URL,
                                      fast=False).entries
    assert [e.summary_html for e in fast.entries] == ["first", "second"]


def test_a_huge_text_node_is_left_to_feedparser() -> None:
    """lxml's default limits stand (no huge_tree): a 10 MB text node is not its to parse."""
    doc = rss([{"title": "big", "description": "x" * 10_000_001}])
    assert fastfeed.parse(doc, {"content-type": "application/xml"}) is None


_TEXTS = st.sampled_from(["Ceasefire talks", "", "  padded  ", "a &amp; b", "&lt;b&gt;bold&lt;/b&gt;",
                          "<![CDATA[<p>in CDATA</p>]]>", "Ã©tÃ©", "\u00a0nbsp\u00a0", "x&#x2019;s",
                          "http://127.0.0.1/a?x=1&amp;y=2", "jane@example.org (Jane)", "Jane",
                          "Tue, 03 Jun 2025 08:00:00 +0300", "2025-06-03T09:15:00Z", "ru", "\u0627\u0644"])
_RSS_ITEM = st.sampled_from([
    "title", "link", "guid", 'guid isPermaLink="false"', "description", "author",
    "pubDate", "dc:creator", "dc:date", "dc:title", "dc:language", "content:encoded",
    "media:title", "media:description", "source", "category", "comments", "language"])
_ATOM_ENTRY = st.sampled_from([
    "title", 'title type="html"', 'title type="text"', "id", "updated", "published",
    "summary", 'summary type="html"', 'content type="html"', "content", "rights"])


def _doc(atom: bool, items: list[list[tuple[str, str]]], title: str) -> bytes:
    def el(tag: str, text: str) -> str:
        return f"<{tag}>{text}</{tag.split()[0]}>"
    if atom:
        body = "".join("<entry>" + "".join(el(t, x) for t, x in item) +
                       '<link href="http://127.0.0.1/e"/></entry>' for item in items)
        return (f'<feed xmlns="http://www.w3.org/2005/Atom"><title>{title}</title>{body}'
                "</feed>").encode()
    body = "".join("<item>" + "".join(el(t, x) for t, x in item) + "</item>" for item in items)
    return ('<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            'xmlns:media="http://search.yahoo.com/mrss/"><channel>'
            f"<title>{title}</title>{body}</channel></rss>").encode()


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.booleans(), st.data())
def test_generated_feeds_agree(atom: bool, data: st.DataObject) -> None:
    """Random orders and repetitions of the elements whose quirks the fast path reproduces."""
    tags = _ATOM_ENTRY if atom else _RSS_ITEM
    items = data.draw(st.lists(st.lists(st.tuples(tags, _TEXTS), max_size=7), max_size=4))
    doc = _doc(atom, items, data.draw(_TEXTS))
    headers = {"content-type": data.draw(st.sampled_from(
        ["application/rss+xml", "text/xml", "application/xml; charset=utf-8", ""]))}
    if fastfeed.parse(doc, headers) is not None:
        assert _differences(parse_feed(doc, headers, URL),
                            parse_feed(doc, headers, URL, fast=False)) == []
