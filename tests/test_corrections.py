"""A feed that corrects an item it already sent (same guid, new title or text): the stored
article takes the correction, is searchable and analysed by it, keeps the user's saved flag
and tags, turns unread again on a new headline, and the refresh counts it; a page's full text
stays."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer
from tests.test_refresh import page
from tui.core.config.loader import load_config
from tui.core.desk import Desk

DATE = "Fri, 04 Dec 2026 10:00:00 GMT"
OLD = {"title": "Shoigu meets Pezeshkian in Tehran", "guid": "good-1", "pubDate": DATE,
       "description": "Sergei Shoigu met Masoud Pezeshkian for talks on the corridor."}
NEW = {"title": "CORRECTED: Lavrov, not Shoigu, met Araghchi", "guid": "good-1",
       "pubDate": DATE, "description": "Sergei Lavrov met Abbas Araghchi; the meeting with "
       "Pezeshkian was cancelled."}
OTHER = {"title": "Unchanged item about Hamas", "guid": "good-2", "pubDate": DATE,
         "description": "Nothing changes here."}


def _desk(tmp_path: Path, feeds: list[dict[str, object]]) -> Desk:
    return Desk.open(load_config(write_config(tmp_path, feeds)))


def test_a_correction_replaces_the_stored_item(server: LocalServer, tmp_path: Path) -> None:
    url = server.add("/good.xml", body=rss([OLD, OTHER]),
                     headers={"Content-Type": "application/rss+xml"})
    with _desk(tmp_path, [{"name": "Good", "url": url, "extract": False}]) as desk:
        desk.refresh()
        (first,) = desk.ids('title:"Shoigu meets"')
        other = desk.ids("title:unchanged")[0]
        desk.set_read([first, other])
        desk.set_saved(first)
        desk.add_tags([first], ["corridor"])
        assert {a.id for a in desk.actors_of(first)} >= {"sergei-shoigu"}
        server.add("/good.xml", body=rss([NEW, OTHER]),
                   headers={"Content-Type": "application/rss+xml"})
        summary = desk.refresh()
        assert (summary.new_articles, summary.updated_articles) == (0, 1)
        article = desk.article(first)
        assert article is not None and article.title == NEW["title"]
        assert article.body == NEW["description"]
        assert (article.read, article.saved, article.tags) == (False, True, ("corridor",))
        assert desk.ids("araghchi") == [first] and desk.ids('"Masoud Pezeshkian"') == []
        actors = {a.id for a in desk.actors_of(first)}
        assert "sergey-lavrov" in actors and "sergei-shoigu" in actors  # "not Shoigu" names him
        assert desk.article(other).read  # type: ignore[union-attr]
        assert desk.refresh().updated_articles == 0  # the same text again: nothing to update
        desk.set_read([first])
        server.add("/good.xml", body=rss([{**NEW, "description": "Updated: talks go on."},
                                          OTHER]), headers={"Content-Type": "application/rss+xml"})
        assert desk.refresh().updated_articles == 1
        article = desk.article(first)  # a new summary alone (a live blog's): stays read
        assert article is not None and article.read and article.body == "Updated: talks go on."


def test_a_page_text_is_not_replaced_by_the_feed_summary(server: LocalServer,
                                                         tmp_path: Path) -> None:
    link = server.add("/a/1.html", body=page("Shoigu meets Pezeshkian in Tehran"),
                      headers={"Content-Type": "text/html; charset=utf-8"})
    item = {**OLD, "link": link}
    url = server.add("/good.xml", body=rss([item]), headers={"Content-Type": "application/rss+xml"})
    with _desk(tmp_path, [{"name": "Good", "url": url}]) as desk:
        desk.refresh()
        (first,) = desk.ids()
        full = desk.article(first)
        assert full is not None and full.body_source == "page"
        server.add("/a/1.html", status=404, body=b"gone")  # the page cannot be had again
        server.add("/good.xml", body=rss([{**NEW, "link": link}]),
                   headers={"Content-Type": "application/rss+xml"})
        summary = desk.refresh()
        assert summary.updated_articles == 1
        article = desk.article(first)
        assert article is not None and article.title == NEW["title"]
        assert (article.body, article.body_source) == (full.body, "page")
        assert sum(s.path == "/a/1.html" for s in server.seen) == 2  # asked again, once


@pytest.mark.parametrize("late", ["One", "Two"])
def test_two_feeds_with_one_guid_do_not_take_turns(server: LocalServer, tmp_path: Path,
                                                   late: str) -> None:
    """The same guid in two feeds with different headlines and summaries, whichever feed
    answers first: one article under both feeds, never "corrected", never unread again once
    read; it reads as the first feed (lowest id) words it, whichever stored it first."""
    delays = {"One": 0.0, "Two": 0.0, late: 0.3}
    one = server.add("/one.xml", body=rss([OLD]), headers={"Content-Type": "application/rss+xml"},
                     delay=delays["One"])
    two = server.add("/two.xml", body=rss([{**OLD, "title": "Shoigu in Tehran for talks",
                                            "description": "A shorter summary."}]),
                     headers={"Content-Type": "application/rss+xml"}, delay=delays["Two"])
    feeds: list[dict[str, object]] = [{"name": "One", "url": one, "extract": False},
                                      {"name": "Two", "url": two, "extract": False}]
    with _desk(tmp_path, feeds) as desk:
        assert desk.refresh().updated_articles == 0
        assert desk.count() == 1
        (only,) = desk.ids()
        assert desk.ids("feed:One") == desk.ids("feed:Two") == [only]
        assert desk.article(only).title == OLD["title"]  # type: ignore[union-attr]
        desk.set_read(desk.ids())
        for _ in range(2):
            assert desk.refresh().updated_articles == 0
        assert desk.count("is:unread") == 0
        assert desk.article(only).title == OLD["title"]  # type: ignore[union-attr]


def test_a_new_link_under_the_same_guid_is_followed_quietly(server: LocalServer,
                                                            tmp_path: Path) -> None:
    """As newsboat and Miniflux: the guid is the item; its new link replaces the old one,
    no correction counted, the read state kept."""
    old = {**OLD, "link": "http://127.0.0.1/a/old"}
    url = server.add("/good.xml", body=rss([old]), headers={"Content-Type": "application/rss+xml"})
    with _desk(tmp_path, [{"name": "Good", "url": url, "extract": False}]) as desk:
        desk.refresh()
        (only,) = desk.ids()
        desk.set_read([only])
        server.add("/good.xml", body=rss([{**OLD, "link": "http://127.0.0.1/a/new"}]),
                   headers={"Content-Type": "application/rss+xml"})
        assert desk.refresh().updated_articles == 0
        assert desk.ids() == [only]
        article = desk.article(only)
        assert article is not None and article.url == "http://127.0.0.1/a/new" and article.read


def test_one_guid_twice_in_a_feed(server: LocalServer, tmp_path: Path) -> None:
    """The same guid and headline twice in one document with two links (a tracking variant)
    is one item, the first; with another headline it is another item (a CMS that copies one
    guid into every item), which newsboat and Miniflux would lose."""
    twice = [{**OLD, "link": "http://127.0.0.1/a/1"},
             {**OLD, "link": "http://127.0.0.1/a/1?utm_source=rss"},
             {**OTHER, "guid": OLD["guid"], "link": "http://127.0.0.1/a/2"}]
    url = server.add("/good.xml", body=rss(twice),
                     headers={"Content-Type": "application/rss+xml"})
    with _desk(tmp_path, [{"name": "Good", "url": url, "extract": False}]) as desk:
        desk.refresh()
        urls = sorted(desk.article(i).url for i in desk.ids())  # type: ignore[union-attr]
        assert urls == ["http://127.0.0.1/a/1", "http://127.0.0.1/a/2"]
        assert desk.refresh().updated_articles == 0 and desk.count() == 2
