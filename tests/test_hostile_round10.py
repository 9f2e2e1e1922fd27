"""Hostile feeds and pages, round 10: floods inside one feed item. An item of 300,000 short
paragraphs cost html_to_text 4 s of CPU, a line at a time through the post-clean. A line's
verdict is now reached once (a flood of one paragraph costs its parse), and an item's HTML is
cut before its 100,000th tag, as a page is, and the feed says so."""

from __future__ import annotations

import time
from pathlib import Path

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer
from tui.core.config.loader import load_config
from tui.core.desk import Desk
from tui.core.ingest.extract import MAX_TAGS, html_to_text

LEAD = "<p>The envoy arrived in Tehran on Monday for talks on the corridor and trade.</p>"


def _escaped(html: str) -> str:
    return html.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def test_a_flood_of_one_paragraph_is_read_once() -> None:
    """300,000 copies of one short paragraph: 4.2 s of CPU before (each copy classified by
    every boilerplate rule), ~1.2 s now; the text is the lead and the line once."""
    html = LEAD + "<p>more words here</p>" * 300_000
    started = time.process_time()
    text = html_to_text(html)
    assert time.process_time() - started < 3
    assert text == (
        "The envoy arrived in Tehran on Monday for talks on the corridor and trade."
        "\n\nmore words here"
    )


def test_a_feed_item_of_300000_paragraphs_is_cut_and_said(
    server: LocalServer, tmp_path: Path
) -> None:
    """Distinct paragraphs (no verdict to reuse): the item's HTML is cut before its
    100,000th tag; its text up to there is stored, the feed's warning says so, and the other
    item is whole."""
    flood = LEAD + "".join(f"<p>flood {n}</p>" for n in range(300_000))
    url = server.add(
        "/feed.xml",
        body=rss(
            [
                {
                    "title": "Talks in Tehran",
                    "guid": "f1",
                    "link": "http://127.0.0.1:9/a",
                    "description": _escaped(flood),
                },
                {
                    "title": "Talks in Muscat",
                    "guid": "f2",
                    "link": "http://127.0.0.1:9/b",
                    "description": "Aides said the next round would open in Muscat.",
                },
            ]
        ),
    )
    config = load_config(
        write_config(tmp_path, [("Wire", url)], settings="extract = false\nread_timeout = 30.0")
    )
    with Desk.open(config) as desk:
        summary = desk.refresh()
        assert summary.feeds_failed == 0, summary
        bodies = {a.title: a.body for a in map(desk.article, desk.ids()) if a is not None}
        assert bodies["Talks in Tehran"].startswith("The envoy arrived in Tehran")
        assert "flood 49998" in bodies["Talks in Tehran"]
        assert "flood 49999" not in bodies["Talks in Tehran"]
        assert bodies["Talks in Muscat"] == "Aides said the next round would open in Muscat."
        (feed,) = desk.feeds()
        assert feed.warning is not None
        assert f"1 item's text cut off at {MAX_TAGS:,} tags" in feed.warning


ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"  # a zstd frame's first bytes; what follows is noise


def test_a_zstd_body_never_asked_for_is_said(server: LocalServer, tmp_path: Path) -> None:
    """newsdesk asks for gzip, deflate or br. A zstd feed was read as text ('this is not a
    feed (broken XML...)') and a zstd page as 'binary data'; both now say what came. A plain
    body under a false zstd label is read as it is, as any unknown label."""
    noise = ZSTD_MAGIC + bytes(range(256)) * 8
    zstd = {"Content-Encoding": "zstd"}
    page = server.add("/page", body=noise, headers={"Content-Type": "text/html", **zstd})
    feed = rss([{"title": "Talks in Tehran", "guid": "z1", "link": page, "description": "Lead."}])
    plain = server.add("/plain.xml", body=feed, headers=zstd)
    packed = server.add("/packed.xml", body=noise, headers={"Content-Type": "text/xml", **zstd})
    config = load_config(write_config(tmp_path, [("Plain", plain), ("Packed", packed)]))
    with Desk.open(config) as desk:
        desk.refresh()
        feeds = {f.name: f for f in desk.feeds()}
        assert feeds["Packed"].last_error == (
            "the response could not be decompressed: sent compressed as zstd, which newsdesk "
            "did not ask for and cannot read"
        )
        assert feeds["Plain"].last_error is None
        (article,) = (desk.article(i) for i in desk.ids())
        assert article is not None and article.body == "Lead."
        assert "zstd" in (article.extract_error or ""), article.extract_error


def test_a_304_to_a_first_request_is_an_error(server: LocalServer, tmp_path: Path) -> None:
    """A 304 answers 'your copy is current'; to a request that named no copy it sends
    nothing. The feed was counted healthy and unchanged, empty forever, without a word."""
    url = server.add("/feed.xml", status=304)
    with Desk.open(load_config(write_config(tmp_path, [("Wire", url)]))) as desk:
        summary = desk.refresh()
        assert summary.feeds_failed == 1 and summary.not_modified == 0
        (feed,) = desk.feeds()
        assert feed.last_error is not None and "304 Not Modified" in feed.last_error


def test_an_escape_sequence_leaves_a_tag_whole() -> None:
    """A tag kept its escape sequences' parameters once their ESC was dropped: a newsboat
    urls file's coloured tag became the tag '[31mUrgent[0m' (and so did one typed to `tag`
    or written in a rule). The sequence goes whole, as from a title."""
    from tui.core.config.newsboat import parse_urls
    from tui.core.tagnames import display

    (feed,) = parse_urls('http://127.0.0.1/w.xml "\x1b[31mUrgent\x1b[0m" Iran\n')
    assert feed.tags == ("Urgent", "Iran")
    assert display("\x1b]8;;http://127.0.0.1/\x1b\\Gaza\x1b]8;;\x1b\\ \x9b1mnow") == "Gaza now"
