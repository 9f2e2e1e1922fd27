"""Hostile feeds and pages checked in round 8 that were already handled, kept so: each broken
feed is said on that feed and the others are read; no NUL, no crash, no hang."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer
from tui.core.config.loader import load_config
from tui.core.desk import Desk

PARA = b"<p>The envoy arrived in Tehran on Monday for talks on the corridor and trade.</p>"


def test_round8_feeds_each_said_on_their_feed(server: LocalServer, tmp_path: Path) -> None:
    nul = server.add("/nul.xml", body=rss([{"title": "Talks\x00 in Baku", "guid": "n1",
                                            "description": "Aides\x00 said little."}]))
    empty = server.add("/empty.xml", body=b"", headers={"Content-Type": "application/rss+xml"})
    future = server.add("/future.xml", body=rss([{
        "title": "Talks in Ankara", "guid": "f1", "description": "Dated 2031.",
        "pubDate": "02 Jun 2031 10:00:00 GMT"}]))
    same = server.add("/same.xml", body=rss([{
        "title": f"Live: day {n} in Kyiv", "guid": f"live-{n}", "description": f"Day {n}.",
        "link": "http://127.0.0.1:9/live"} for n in range(3)]))
    feeds = [("Nul", nul), ("Empty", empty), ("Future", future), ("Same", same)]
    before = datetime.now(UTC) - timedelta(minutes=1)
    with Desk.open(load_config(write_config(tmp_path, feeds, settings="extract = false"))) \
            as desk:
        summary = desk.refresh()
        assert [e["feed"] for e in summary.errors] == ["Empty"]
        assert "empty answer" in summary.errors[0]["error"]
        articles = {a.title: a for a in map(desk.article, desk.ids()) if a is not None}
        assert sorted(articles) == ["Live: day 0 in Kyiv", "Live: day 1 in Kyiv",
                                    "Live: day 2 in Kyiv", "Talks in Ankara", "Talks in Baku"]
        assert "\x00" not in (articles["Talks in Baku"].summary or "")
        assert desk.conn.execute("SELECT count(*) FROM articles WHERE instr(title, char(0)) "
                                 "OR instr(summary, char(0))").fetchone()[0] == 0
        # years ahead: dated when fetched, and said
        assert before <= articles["Talks in Ankara"].published <= datetime.now(UTC)
        warnings = {w["feed"]: w["warning"] for w in summary.warnings}
        assert "dated in the future" in warnings["Future"]
        assert "broken XML" in warnings["Nul"]
        # one link, three guids: three items (a live blog's days), none merged
        assert {articles[f"Live: day {n} in Kyiv"].summary for n in range(3)} == {
            "Day 0.", "Day 1.", "Day 2."}


def test_round8_pages_fail_in_words_and_keep_the_feed_text(server: LocalServer,
                                                           tmp_path: Path) -> None:
    """A PDF and a PNG served as text/html: each keeps its feed text, and a sound page
    beside them is extracted. (10,000 nested divs lost their text here; round 9 flattens
    them: test_hostile_round9.)"""
    server.add("/pdf", body=b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<</Type/Catalog>>endobj\n"
               + bytes(range(256)) * 200, headers={"Content-Type": "text/html"})
    server.add("/png", body=b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 200,
               headers={"Content-Type": "text/html"})
    server.add("/good", body=b"<html><head><title>Talks</title></head><body><article><h1>Talks"
               b"</h1>" + PARA.replace(b"Monday", b"Tuesday") + PARA * 3
               + b"</article></body></html>", headers={"Content-Type": "text/html"})
    url = server.add("/feed.xml", body=rss([
        {"title": f"Story {name}", "guid": name, "link": server.url(f"/{name}"),
         "description": f"Feed text of {name}."} for name in ("pdf", "png", "good")]))
    with Desk.open(load_config(write_config(tmp_path, [("Wire", url)]))) as desk:
        summary = desk.refresh()
        assert summary.feeds_failed == 0
        articles = {a.title: a for a in map(desk.article, desk.ids()) if a is not None}
        for name, said in (("pdf", "binary"), ("png", "binary")):
            article = articles[f"Story {name}"]
            assert article.body_source != "page" and said in (article.extract_error or "")
            assert (article.body or article.summary) == f"Feed text of {name}."
        assert articles["Story good"].body_source == "page"
        assert "Tuesday" in (articles["Story good"].body or "")


def test_items_with_nothing_to_show_are_said(server: LocalServer, tmp_path: Path) -> None:
    """A podcast feed whose items are bare enclosures (no title, text or link): they were
    skipped without a word, and the feed looked read and empty. Now its warning counts them;
    an episode with a title and no text is kept."""
    enclosure = b'<enclosure url="http://127.0.0.1:9/e.mp3" type="audio/mpeg" length="1"/>'
    body = rss([{"guid": "e1", "enclosure": ""}, {"guid": "e2", "enclosure": ""},
                {"title": "Episode 3: talks in Baku", "guid": "e3", "enclosure": ""}])
    url = server.add("/pod.xml", body=body.replace(b"<enclosure></enclosure>", enclosure))
    with Desk.open(load_config(write_config(tmp_path, [("Pod", url)],
                                            settings="extract = false"))) as desk:
        summary = desk.refresh()
        assert [a.title for a in map(desk.article, desk.ids()) if a] == [
            "Episode 3: talks in Baku"]
        warnings = {w["feed"]: w["warning"] for w in summary.warnings}
        assert "2 items with no title, text or link skipped" in warnings["Pod"], warnings
