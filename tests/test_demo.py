"""The bundled demo site: data invariants, feeds, validators and the config it writes."""

from __future__ import annotations

import tomllib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import feedparser
import httpx
import pytest

from tui.demo.server import DemoServer, write_demo_config
from tui.demo.site import boilerplate_texts, load_site

SITE = load_site()


@pytest.fixture(scope="module")
def demo() -> Iterator[DemoServer]:
    with DemoServer() as server:
        yield server


# ---------------------------------------------------------------- the articles themselves

def test_outlets_and_articles_are_rich_enough() -> None:
    assert len(SITE.outlets) >= 7
    assert len({o.template for o in SITE.outlets}) == len(SITE.outlets)
    assert {"rss2-summary", "rss2-content", "rss2-dc", "atom", "rss1"} <= {
        o.feed for o in SITE.outlets}
    assert any(o.lang == "ru" for o in SITE.outlets)
    assert len(SITE.articles) >= 48
    assert len({a.slug for a in SITE.articles}) == len(SITE.articles)
    for article in SITE.articles:
        words = sum(len(p.split()) for p in article.paragraphs)
        assert 3 <= len(article.paragraphs) <= 6, article.slug
        assert 120 <= words <= 300, (article.slug, words)
        assert article.published.utcoffset() is not None, article.slug
        assert article.lang == SITE.outlet(article.outlet).lang, article.slug
    assert sum(1 for a in SITE.articles if not a.event) >= 6


def test_events_are_covered_by_several_outlets() -> None:
    events = SITE.events()
    assert len(events) >= 12
    for label, articles in events.items():
        outlets = {a.outlet for a in articles}
        assert 2 <= len(outlets) <= 5, label
        assert len(outlets) == len(articles), f"{label}: one article per outlet"


def test_shoigu_tehran_pair_and_near_misses() -> None:
    events = SITE.events()
    tehran = {a.slug: a for a in events["shoigu-tehran-2024-08"]}
    report = tehran["shoigu-arrives-in-tehran"]
    analysis = tehran["pezeshkian-strategic-partner-russia"]
    assert report.outlet != analysis.outlet
    report_text = " ".join(report.paragraphs)
    for name in ("Ahmadian", "Bagheri", "Pezeshkian", "Haniyeh"):
        assert name in report_text
    assert "strategic partner" in " ".join(analysis.paragraphs)
    for near_miss in ("shoigu-pyongyang-2024-09", "ashgabat-2024-10", "kazan-brics-2024-10",
                      "treaty-moscow-2025-01", "haniyeh-killed-2024-07",
                      "pezeshkian-inauguration-2024-07"):
        assert near_miss in events


def test_the_two_bagheris_and_a_russian_outlet() -> None:
    text = {a.slug: " ".join(a.paragraphs) for a in SITE.articles}
    both = [s for s, t in text.items() if "acting foreign minister Ali Bagheri Kani" in t
            and "chief of the Iranian General Staff Bagheri" in t]
    assert both
    russian = [a for a in SITE.articles if a.lang == "ru"]
    assert len(russian) >= 5
    assert all(any("\u0400" <= c <= "\u04ff" for c in a.title) for a in russian)


def test_arabic_and_persian_outlets_report_the_shared_events() -> None:
    """Arabic and Persian articles cover events other languages report (so they link across
    scripts), a standalone Arabic piece is a near miss, and Persian text has its real ZWNJ."""
    events = SITE.events()
    for lang, letters in (("ar", "\u064a\u0643"), ("fa", "\u06cc\u06a9")):
        mine = [a for a in SITE.articles if a.lang == lang]
        assert len(mine) >= 3 and len({a.outlet for a in mine}) == 1, lang
        for article in mine:
            text = article.title + " ".join(article.paragraphs)
            assert any(c in text for c in letters), (article.slug, "its own yeh and kaf")
            if article.event:
                assert {a.lang for a in events[article.event]} - {lang}, article.slug
    assert any(a.lang == "ar" and not a.event for a in SITE.articles)
    persian = " ".join(" ".join(a.paragraphs) for a in SITE.articles if a.lang == "fa")
    assert "\u200c" in persian and not set("\u064a\u0643") & set(persian)
    for word in ("گفت‌وگو", "رئیس‌جمهور", "می‌دانند"):  # with ZWNJ, not a space or joined
        assert word in persian, word


def test_arabic_and_persian_pages_are_right_to_left() -> None:
    from tui.demo.site import render_page

    for lang in ("ar", "fa"):
        article = next(a for a in SITE.articles if a.lang == lang)
        page = render_page(SITE, article, "http://h").decode()
        assert f'<html lang="{lang}" dir="rtl">' in page
        junk = boilerplate_texts(page)
        assert len(junk) >= 6 and not any("Read more" in text for text in junk), junk


def test_near_duplicate_wire_pair() -> None:
    a = next(x for x in SITE.articles if x.slug == "haniyeh-killed-tehran")
    b = next(x for x in SITE.articles if x.slug == "hamas-chief-haniyeh-dies-in-tehran")
    assert a.outlet != b.outlet and a.event == b.event and a.author == b.author
    wa, wb = Counter(" ".join(a.paragraphs).split()), Counter(" ".join(b.paragraphs).split())
    overlap = sum((wa & wb).values()) / max(sum(wa.values()), sum(wb.values()))
    assert overlap > 0.8
    assert a.paragraphs != b.paragraphs


# ---------------------------------------------------------------- the server

def test_every_feed_parses_cleanly(demo: DemoServer) -> None:
    assert len(demo.feeds) == len(SITE.outlets)
    for feed in demo.feeds:
        response = httpx.get(feed.url)
        assert response.status_code == 200
        assert "charset=" in response.headers["content-type"]
        parsed = feedparser.parse(response.content, response_headers={
            "content-location": feed.url, "content-type": response.headers["content-type"]})
        assert parsed.bozo == 0, (feed.name, parsed.get("bozo_exception"))
        slug = feed.url.rsplit("/", 2)[-2]
        assert len(parsed.entries) == len(SITE.articles_of(slug))
        flash = {a.title for a in SITE.articles_of(slug) if a.feed_only}
        for entry in parsed.entries:
            if entry.title in flash:  # its text is the feed's: no link
                assert "link" not in entry, entry
                continue
            assert entry.link.startswith(f"{demo.base_url}/{slug}/"), entry.link
            assert entry.title


def test_feed_formats_carry_what_they_promise(demo: DemoServer) -> None:
    by_format = {o.feed: o for o in SITE.outlets}
    got = {}
    for fmt, outlet in by_format.items():
        raw = httpx.get(f"{demo.base_url}/{outlet.slug}/feed.xml").content
        got[fmt] = feedparser.parse(raw, response_headers={
            "content-location": f"{demo.base_url}/{outlet.slug}/feed.xml"})
    assert got["rss1"].version == "rss10"
    assert got["atom"].version == "atom10"
    assert "content" in got["rss2-content"].entries[0]
    assert "content" not in got["rss2-summary"].entries[0]
    dc = got["rss2-dc"].entries[0]
    assert dc.author and dc.guidislink is False
    ru = next(o for o in SITE.outlets if o.lang == "ru")
    response = httpx.get(f"{demo.base_url}/{ru.slug}/feed.xml")
    assert response.headers["content-type"].endswith("charset=windows-1251")
    assert feedparser.parse(response.content).entries[0].title == SITE.articles_of(ru.slug)[0].title


def test_conditional_requests_get_304(demo: DemoServer) -> None:
    url = demo.feeds[0].url
    first = httpx.get(url)
    etag, modified = first.headers["etag"], first.headers["last-modified"]
    assert httpx.get(url, headers={"If-None-Match": etag}).status_code == 304
    assert httpx.get(url, headers={"If-Modified-Since": modified}).status_code == 304
    assert httpx.get(url, headers={"If-None-Match": '"other"'}).status_code == 200
    old = "Mon, 01 Jan 2024 00:00:00 GMT"
    assert httpx.get(url, headers={"If-Modified-Since": old}).status_code == 200
    page = f"{demo.base_url}{SITE.articles_of('gulf-dispatch')[0].path}"
    page_etag = httpx.get(page).headers["etag"]
    assert httpx.get(page, headers={"If-None-Match": page_etag}).status_code == 304


def test_every_page_is_served_and_the_feed_only_item_links_none(demo: DemoServer) -> None:
    """The demo has no deliberate 404 (a fresh demo said a page failed): the one item whose
    text is its feed's gives no link, and its page is served for the other pages' lists."""
    [flash] = [a for a in SITE.articles if a.feed_only]
    outlet = SITE.outlet(flash.outlet)
    assert outlet.feed in ("rss2-content", "atom"), "its text needs full feed content"
    feed = httpx.get(f"{demo.base_url}/{outlet.slug}/feed.xml").text
    item = feed[feed.index(f"<item><title>{flash.title}</title>"):]
    item = item[:item.index("</item>")]
    assert "<link>" not in item and flash.slug in item  # the guid names it, no link does
    for article in SITE.articles:
        response = httpx.get(demo.base_url + article.path)
        assert response.status_code == 200
        charset = SITE.outlet(article.outlet).charset
        assert response.headers["content-type"] == f"text/html; charset={charset}"
        page = response.content.decode(charset)
        assert article.title.replace("'", "&#x27;") in page
        assert boilerplate_texts(page), "pages must carry boilerplate to strip"
    assert httpx.get(demo.base_url + "/nowhere.html").status_code == 404
    head = httpx.head(demo.base_url + SITE.articles_of("levant-ledger")[0].path)
    assert head.status_code == 200 and head.content == b"" and head.headers["etag"]


def test_pages_carry_every_kind_of_boilerplate() -> None:
    from tui.demo.site import render_page

    article = SITE.articles_of("levant-ledger")[0]
    junk = boilerplate_texts(render_page(SITE, article, "http://h").decode())
    for expected in ("Read more:", "Advertisement", "Sign up for our newsletter",
                     "Share this article", "Related:", "Most read on the Ledger",
                     "Accept all cookies", "Lebanon Desk", "Photo: Levant Ledger / Archive"):
        assert expected in junk, expected
    others = {a.title for a in SITE.articles if a.slug != article.slug}
    assert sum(1 for text in junk if text in others) >= 4, "sidebar and inline headlines"


def test_demo_config_loads(tmp_path: Path, demo: DemoServer) -> None:
    path = write_demo_config(tmp_path / "demo", demo)
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data["settings"]["cache_dir"] == "cache"
    assert [f["url"] for f in data["feed"]] == [f.url for f in demo.feeds]
    from tui.core.config.loader import load_config

    config = load_config(path)
    assert config.settings.cache_dir == (path.parent / "cache").resolve()
    assert [f.name for f in config.feeds] == [f.name for f in demo.feeds]
    assert config.feeds[-1].lang == "ru" and config.feeds[0].tags == demo.feeds[0].tags


def test_server_closes_cleanly() -> None:
    server = DemoServer()
    url = server.feeds[0].url
    assert httpx.get(url).status_code == 200
    server.close()
    server.close()
    with pytest.raises(httpx.TransportError):
        httpx.get(url, timeout=1)


def test_some_demo_texts_cite_links_the_reader_opens(demo_desk: tuple[Any, Any]) -> None:
    """O has something to open in the demo: a cited report, an earlier story, in a page's text
    and in a feed's own text (the COP29 item is the feed-only one), placed after their words."""
    desk, _config = demo_desk
    site = load_site()
    cited = {a.title: a for a in site.articles if a.links}
    assert len(cited) >= 5 and any(a.feed_only for a in cited.values())
    for row in desk.articles(limit=100):
        article = desk.article(row.id)
        if row.title not in cited:
            assert article is not None and not article.links, row.title
            continue
        demo = cited.pop(row.title)
        assert article is not None and len(article.links) == len(demo.links), row.title
        for link, (words, to) in zip(article.links, demo.links, strict=True):
            assert article.body[:link.at[0]].endswith(words)
            assert link.url == to if "://" in to else link.url.endswith(f"/{to}.html")
        assert article.body_source == ("feed-content" if demo.feed_only else "page")
    assert not cited
