"""What a user adding their own, partly broken feeds is told, and what is stored: broken XML
in plain words, a homepage given as a feed, a guid that is no link, missing and future dates.
Parsing is checked directly; the CLI through real subprocesses on a loopback server."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer
from tests.test_cli_probes import newsdesk
from tui.core.ingest.parse import parse_feed

URL = "http://127.0.0.1:8765/feed.xml"
DATED = "Fri, 04 Dec 2026 07:00:00 GMT"


def test_broken_xml_is_said_in_plain_words() -> None:
    broken = (b'<?xml version="1.0"?><rss><channel><title>Broken</title><item><title>Half '
              b"an item <b>unclosed</title><link>http://127.0.0.1/a/9</link><pubDate>" +
              DATED.encode() + b"</pubDate></item><item><title>Second")
    parsed = parse_feed(broken, {"content-type": "application/rss+xml"}, URL)
    assert parsed.warning == "broken XML at line 1: mismatched tag; 1 item recovered"
    assert "SAXParseException" not in (parsed.warning or "")


def test_a_homepage_names_the_feed_it_links_to() -> None:
    page = (b'<!doctype html><html><head><title>Levant Ledger</title><link rel="alternate" '
            b'type="application/rss+xml" title="RSS" href="/good.xml"></head>'
            b"<body><h1>Home</h1></body></html>")
    parsed = parse_feed(page, {"content-type": "text/html; charset=utf-8"},
                        "http://127.0.0.1:8765/home.html")
    assert parsed.error == ("this is a web page (text/html), not a feed; it links to a feed "
                            "at http://127.0.0.1:8765/good.xml")


def test_a_page_without_feed_links_says_so() -> None:
    page = b"<!doctype html><html><head><title>Not a feed</title></head><body>Hi</body></html>"
    parsed = parse_feed(page, {"content-type": "text/html"}, URL)
    assert parsed.error == "this is a web page (text/html), not a feed; it links to no RSS or " \
                           "Atom feed"
    untyped = parse_feed(page, {}, URL)
    assert untyped.error is not None and untyped.error.startswith("this is a web page")


def test_a_guid_that_is_no_url_is_no_link() -> None:
    items = [{"title": "No link", "guid": "nd2", "pubDate": DATED},
             {"title": "Relative link", "link": "/a/1.html", "guid": "nd3", "pubDate": DATED},
             {"title": "Guid is the link", "guid": "http://127.0.0.1:8765/a/2.html",
              "pubDate": DATED}]
    entries = parse_feed(rss(items), {}, URL).entries
    assert [e.url for e in entries] == [None, "http://127.0.0.1:8765/a/1.html",
                                        "http://127.0.0.1:8765/a/2.html"]
    for fast in (True, False):
        assert parse_feed(rss(items), {}, URL, fast=fast).entries[0].url is None


def test_missing_invalid_and_future_dates_are_warned_and_clamped() -> None:
    ahead = (datetime.now(UTC) + timedelta(days=3)).strftime("%Y-%m-%dT%H:%M:%SZ")
    soon = (datetime.now(UTC) + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M:%SZ")
    atom = ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            "<title>Atom odd</title><id>urn:x</id><updated>2026-12-05T00:00:00Z</updated>"
            + "".join(f"<entry><title>{t}</title><id>urn:{i}</id><link href='/a/{i}.html'/>"
                      f"{f'<updated>{d}</updated>' if d else ''}<summary>s</summary></entry>"
                      for i, (t, d) in enumerate([("Future", ahead), ("Garbage", "not a date"),
                                                  ("Epoch", "1970-01-01T00:00:00Z"),
                                                  ("None", None), ("Soon", soon),
                                                  ("Fine", "2026-12-01T10:00:00Z")])) +
            "</feed>")
    parsed = parse_feed(atom.encode(), {"content-type": "application/atom+xml"}, URL)
    assert [e.published for e in parsed.entries] == [None, None, None, None, soon,
                                                     "2026-12-01T10:00:00Z"]
    assert parsed.warning == ("3 items with missing or invalid dates: dated when fetched; "
                              f"1 item dated in the future ({ahead[:10]}): dated when fetched")


def test_fetch_tells_the_user_in_plain_words(server: LocalServer, tmp_path: Path) -> None:
    """The new user's feeds through `newsdesk fetch --json`, `feeds` and `show`."""
    home = server.add("/home.html", body=b'<html><head><link rel="alternate" type="application'
                      b'/atom+xml" href="/atom.xml"></head><body>Home</body></html>',
                      headers={"Content-Type": "text/html; charset=utf-8"})
    nodates = server.add("/nodates.xml", body=rss([
        {"title": "Item with no date", "link": server.url("/a/nd1.html"), "guid": "nd1"},
        {"title": "Item with no link", "guid": "nd2", "description": "Lavrov spoke."},
    ]), headers={"Content-Type": "application/rss+xml"})
    server.add("/a/nd1.html", body=b"<html><body><article><p>Text.</p></article></body></html>",
               headers={"Content-Type": "text/html; charset=utf-8"})
    config = str(write_config(tmp_path, [{"name": "Home", "url": home},
                                         {"name": "No dates", "url": nodates}],
                              settings="allow_private_links = true"))
    fetched = json.loads(newsdesk("--config", config, "fetch", "--json").stdout)
    assert fetched["errors"] == [{"feed": "Home", "error": "this is a web page (text/html), "
                                  f"not a feed; it links to a feed at {server.url('/atom.xml')}"}]
    assert fetched["warnings"] == [{"feed": "No dates", "warning": "2 items with missing or "
                                    "invalid dates: dated when fetched"}]
    assert [s.path for s in server.seen if s.path.startswith("/nd")] == []  # no page made up
    listed = [json.loads(line) for line in
              newsdesk("--config", config, "list", "--json").stdout.splitlines()]
    no_link = next(a for a in listed if a["title"] == "Item with no link")
    assert no_link["url"] is None
