"""A text that is the feed's own (content:encoded, Atom content, an HTML summary) keeps the
links it cites as a page's text does: numbered beside the body, printed by `show`, and
replaced with the text when the feed corrects the item. Our own feeds, served on loopback."""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

from tests.conftest import write_config
from tests.httpserver import LocalServer
from tests.test_cli import newsdesk
from tui.core.config.loader import load_config
from tui.core.desk import Desk
from tui.core.models import Article

CITED = ('<p>The agency published its <a href="https://example.org/report-9">quarterly '
         'report</a> on Tuesday, and inspectors said access to the sites had been '
         'restricted again, <a href="/world/earlier.html">as reported last month</a>.</p>'
         '<p>Nothing more was said.</p>')
READ_MORE = '<p>The talks went on. <a href="{url}">Read the whole story</a></p>'


def _rss_content(link: str, content: str) -> bytes:
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Wire'
            '</title><link>http://127.0.0.1/</link><description>t</description><item>'
            f'<title>Inspectors restricted</title><link>{link}</link><guid>w-1</guid>'
            '<description>Inspectors said access was restricted.</description>'
            f'<content:encoded><![CDATA[{content}]]></content:encoded></item>'
            '</channel></rss>').encode()


def _atom(link: str, summary_html: str) -> bytes:
    return ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            '<title>Gulf</title><id>tag:gulf</id><updated>2024-10-01T10:00:00Z</updated>'
            '<entry><id>tag:gulf,1</id><title>Talks</title>'
            f'<link rel="alternate" href="{link}"/><updated>2024-10-01T10:00:00Z</updated>'
            f'<content type="html">{escape(summary_html)}</content></entry></feed>').encode()


def _only(config: Path) -> Article:
    with Desk.open(load_config(config)) as desk:
        [row] = desk.articles("")
        article = desk.article(row.id)
        assert article is not None
        return article


def _fetch(config: Path) -> None:
    with Desk.open(load_config(config)) as desk:
        desk.refresh()


def test_a_feeds_full_text_keeps_its_links(server: LocalServer, tmp_path: Path) -> None:
    link = server.url("/world/inspectors.html")  # no page there: the text stays the feed's
    feed = server.add("/feed.xml", body=_rss_content(link, CITED))
    config = write_config(tmp_path, [{"name": "Wire", "url": feed, "extract": False}])
    _fetch(config)
    article = _only(config)
    assert article.body_source == "feed-content" and "example.org" not in article.body
    assert [x.url for x in article.links] == ["https://example.org/report-9",
                                              server.url("/world/earlier.html")]  # resolved
    report, earlier = article.links
    assert article.body[:report.at[0]].endswith("quarterly report")
    assert article.body[:earlier.at[0]].endswith("as reported last month")
    shown = newsdesk("--config", str(config), "show", str(article.id))
    assert shown.returncode == 0, shown.stderr
    assert "its quarterly report[1] on Tuesday" in shown.stdout
    assert shown.stdout.endswith("Links:\n[1] https://example.org/report-9\n[2] "
                                 + server.url("/world/earlier.html") + "\n")
    data = json.loads(newsdesk("--config", str(config), "show", str(article.id),
                               "--json").stdout)
    assert data["body_source"] == "feed-content" and len(data["links"]) == 2


def test_atom_content_keeps_its_links_but_not_the_items_own(server: LocalServer,
                                                           tmp_path: Path) -> None:
    link = server.url("/gulf/talks.html")
    text = READ_MORE.format(url=link) + CITED
    feed = server.add("/atom.xml", body=_atom(link, text),
                      headers={"Content-Type": "application/atom+xml"})
    config = write_config(tmp_path, [{"name": "Gulf", "url": feed, "extract": False}])
    _fetch(config)
    article = _only(config)
    assert [x.url for x in article.links] == ["https://example.org/report-9",
                                              server.url("/world/earlier.html")]


def test_a_corrected_item_takes_the_links_of_its_new_text(server: LocalServer,
                                                          tmp_path: Path) -> None:
    link = server.url("/world/inspectors.html")
    server.add("/feed.xml", body=_rss_content(link, CITED))
    config = write_config(tmp_path, [{"name": "Wire", "url": server.url("/feed.xml"),
                                      "extract": False}])
    _fetch(config)
    corrected = CITED.replace("https://example.org/report-9", "https://example.org/report-10")
    server.add("/feed.xml", body=_rss_content(link, corrected.replace("Tuesday", "Wednesday")))
    _fetch(config)
    article = _only(config)
    assert "Wednesday" in article.body
    assert article.links[0].url == "https://example.org/report-10"
    assert article.body[:article.links[0].at[0]].endswith("quarterly report")
