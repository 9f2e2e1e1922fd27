"""What `remove-feed` and the reader's `X` say of a feed holding one article reads as English:
it said "its 1 article stay in the cache ... finds them ... 1 unread: ... hides them" (a
first `add-feed` to try newsdesk, then its `remove-feed`, is just such a feed)."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer
from tests.test_cli import newsdesk
from tui.app.screens.feed_editing import removal_question
from tui.cli.commands.feed_edits import what_stays
from tui.core.store.holdings import Holdings


def test_remove_feed_of_one_article_says_it_in_the_singular(tmp_path: Path) -> None:
    items = [
        {
            "title": "Lavrov meets Araghchi",
            "guid": "l1",
            "link": "http://127.0.0.1/l1",
            "pubDate": "Mon, 01 Dec 2025 10:00:00 GMT",
            "description": "In Moscow.",
        }
    ]
    with LocalServer() as server:
        url = server.add("/wire.xml", body=rss(items))
        path = str(write_config(tmp_path, [("Wire", url)], settings="extract = false"))
        assert newsdesk("--config", path, "fetch").returncode == 0
    removed = newsdesk("--config", path, "remove-feed", "Wire")
    assert removed.returncode == 0, removed.stderr
    assert removed.stdout.splitlines()[1] == (
        "its 1 article stays in the cache: in All and searches (feed:Wire finds it) until "
        "keep_days (90) prunes it; 1 unread: newsdesk dismiss --query feed:Wire hides "
        "it from Unread"
    )


def test_each_count_of_one_takes_the_singular() -> None:
    said = what_stays("Wire", Holdings(articles=3, unread=1, kept=1, shared=1), 90)
    assert said == (
        "its 3 articles stay in the cache: in All and searches (feed:Wire "
        "finds them) until keep_days (90) prunes them; the 1 saved or tagged is "
        "never pruned; 1 listed under another feed too stays listed there; 1 "
        "unread: newsdesk dismiss --query feed:Wire hides it from Unread"
    )
    asked = removal_question(
        "Wire", "http://127.0.0.1/wire.xml", Holdings(articles=1, unread=1, kept=1, shared=1), 90
    )
    assert asked.splitlines()[1:3] == [
        "It holds 1 article (1 unread). It stays in All and searches until keep_days (90) "
        "prunes it.",
        "The 1 saved or tagged stays for good; 1 listed under another feed too stays listed there.",
    ]
    many = removal_question("Wire", "http://127.0.0.1/wire.xml", Holdings(4, 3, 2, 2), 90)
    assert "They stay in All and searches until keep_days (90) prunes them." in many
    assert "The 2 saved or tagged stay for good; 2 listed under another feed too stay" in many
