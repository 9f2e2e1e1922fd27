"""Article pages that gave no text are visible from the CLI: `fetch` counts them and `show`
says the text is the feed's and why; pages that another feed of the same run fetched are not
reported as waiting."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer
from tests.test_cli import newsdesk
from tests.test_refresh import _items


def test_failed_pages_are_counted_and_shown(server: LocalServer, tmp_path: Path) -> None:
    items = _items(server, "p", 3)
    server.add("/p/1.html", status=404, body=b"gone")
    server.add("/p/2.html", status=500, body=b"broken")
    url = server.add("/feed.xml", body=rss(items))
    config = str(write_config(tmp_path, [("Wire", url)]))
    fetched = newsdesk("--config", config, "fetch")
    assert fetched.returncode == 0, fetched.stderr
    assert fetched.stdout.splitlines()[0] == (
        "1 feed ok (0 unchanged) (1 with warnings), 0 failed, 3 new articles, 1 page "
        "extracted, 2 pages failed "
        "(1 will be tried again by later fetches; their articles keep the feed's text; "
        "`newsdesk show ID` says why)")
    rows = [json.loads(line) for line in
            newsdesk("--config", config, "list", "--json").stdout.splitlines()]
    failed = next(r["id"] for r in rows if r["title"] == "p story 1")
    shown = newsdesk("--config", config, "show", str(failed)).stdout
    said = [line for line in shown.splitlines() if "page failed" in line]
    assert len(said) == 1 and said[0].startswith(
        "the text is the feed's summary; the article's page failed: ") and "404" in said[0]
    assert "Summary of p story 1." in shown
    good = next(r["id"] for r in rows if r["title"] == "p story 0")
    assert "page failed" not in newsdesk("--config", config, "show", str(good)).stdout
    again = json.loads(newsdesk("--config", config, "fetch", "--json").stdout)
    # the 404 tried once, not each run; the 500 again (page_retry: the first wait is none)
    assert (again["pages_failed"], again["pages_retried"], again["extracted"]) == (1, 1, 0)


def test_pages_another_feed_fetched_do_not_wait(server: LocalServer, tmp_path: Path) -> None:
    body = rss(_items(server, "shared", 5))
    feeds = [("Wire", server.add("/a.xml", body=body)), ("Mirror", server.add("/b.xml", body=body))]
    config = str(write_config(tmp_path, feeds))
    fetched = newsdesk("--config", config, "fetch")
    assert fetched.returncode == 0, fetched.stderr
    assert "5 new articles, 5 pages extracted" in fetched.stdout, fetched.stdout
    assert "wait" not in fetched.stdout and "warning" not in fetched.stdout, fetched.stdout
    listed = newsdesk("--config", config, "feeds").stdout
    assert "wait" not in listed and listed.count(" ok") == 2, listed


def test_a_timeout_names_the_limit_that_ran_out(server: LocalServer, tmp_path: Path) -> None:
    """connect_timeout = 2, read_timeout = 2 (write_config): a server that never answers is
    given up after 2 s of silence, and said so; it was said to have had 8 s (the deadline
    for a whole answer, 2 + 3 x 2)."""
    url = server.add("/mute.xml", body=rss([]), delay=15)
    config = str(write_config(tmp_path, [("Mute", url)]))
    fetched = json.loads(newsdesk("--config", config, "fetch", "--json").stdout)
    assert fetched["errors"] == [{"feed": "Mute",
                                  "error": "timed out (the server sent nothing for 2 s)"}]
    assert fetched["seconds"]["total"] < 6


def test_a_page_cut_at_the_size_limit_is_said(server: LocalServer, tmp_path: Path) -> None:
    """The text of a page cut at `max_page_bytes` ends mid-word; `show` says why (only
    `show --json` did)."""
    items = _items(server, "big", 1)
    big = ("<html><body><article><h1>big story 0</h1>"
           + "<p>A long account of the talks in Doha, paragraph after paragraph.</p>" * 400
           + "</article></body></html>").encode()
    server.add("/big/0.html", body=big, headers={"Content-Type": "text/html; charset=utf-8"})
    url = server.add("/feed.xml", body=rss(items))
    config = str(write_config(tmp_path, [("Wire", url)], settings="max_page_bytes = 8000"))
    assert newsdesk("--config", config, "fetch").returncode == 0
    shown = newsdesk("--config", config, "show", "1").stdout
    assert "the article's page: page was cut off at the size limit" in shown, shown
