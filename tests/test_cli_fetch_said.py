"""What `fetch` and `feeds` say, as a new user met it: every feed read with a warning is
listed by `fetch` as `feeds` words it (a page that failed included), an empty answer, a JSON
Feed and a refused port are named for what they are, the counts of `feeds` say what they
count, and `fetch --quiet` is silent under cron unless a feed starts failing. Real
`newsdesk` processes against a loopback server."""

from __future__ import annotations

import json
import socket
from pathlib import Path

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer
from tests.test_cli import newsdesk
from tests.test_refresh import _items


def _free_port() -> int:
    """A loopback port nothing listens on (bound, then closed)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_fetch_lists_a_feed_whose_page_failed_as_feeds_does(server: LocalServer,
                                                            tmp_path: Path) -> None:
    items = _items(server, "p", 2)
    server.add("/p/1.html", status=404, body=b"gone")
    broken = server.add("/broken.xml", body=rss(_items(server, "b", 1))[:-20])  # cut XML
    config = str(write_config(tmp_path, [("Wire", server.add("/feed.xml", body=rss(items))),
                                         ("Broken", broken)]))
    fetched = json.loads(newsdesk("--config", config, "fetch", "--json").stdout)
    feeds = json.loads(newsdesk("--config", config, "feeds", "--json").stdout)
    listed = [{"feed": f["name"], "warning": f["warning"]} for f in feeds if f["warning"]]
    assert len(listed) == 2 and fetched["warnings"] == listed
    assert listed[0] == {"feed": "Wire", "warning": "1 of the article pages last fetched "
                         "failed (their articles keep the feed's text)"}
    text = newsdesk("--config", config, "fetch").stdout
    assert "(2 with warnings)" in text and "  Wire: warning: " in text, text


def test_failures_are_named_for_what_they_are(server: LocalServer, tmp_path: Path) -> None:
    json_feed = {"version": "https://jsonfeed.org/version/1.1", "title": "J",
                 "items": [{"id": "1", "content_text": "hello"}]}
    feeds = [("Empty", server.add("/empty.xml", body=b"")),
             ("Json", server.add("/feed.json", body=json.dumps(json_feed).encode(),
                                 headers={"Content-Type": "application/feed+json"})),
             ("Down", f"http://127.0.0.1:{_free_port()}/rss.xml")]
    config = str(write_config(tmp_path, feeds))
    errors = {e["feed"]: e["error"] for e in
              json.loads(newsdesk("--config", config, "fetch", "--json").stdout)["errors"]}
    assert errors["Empty"].startswith("empty answer")
    assert errors["Json"].startswith("this is a JSON Feed"), errors
    assert "does not read" in errors["Json"]
    assert errors["Down"].startswith("could not connect: connection refused"), errors


def test_feeds_says_what_each_count_counts(server: LocalServer, tmp_path: Path) -> None:
    url = server.add("/a.xml", body=rss(_items(server, "a", 3)))
    config = str(write_config(tmp_path, [{"name": "Wire", "url": url, "extract": False}]))
    assert newsdesk("--config", config, "fetch").returncode == 0
    server.add("/a.xml", body=rss(_items(server, "a", 1)))  # the feed drops two items
    assert newsdesk("--config", config, "fetch").returncode == 0
    line = newsdesk("--config", config, "feeds").stdout
    assert "3 unread of 3 articles" in line and " 1 item in feed" in line, line
    assert "items  " not in line
    (row,) = json.loads(newsdesk("--config", config, "feeds", "--json").stdout)
    assert (row["articles"], row["unread"], row["item_count"]) == (3, 3, 1)


def test_quiet_fetch_says_only_a_new_failure(server: LocalServer, tmp_path: Path) -> None:
    good = server.add("/a.xml", body=rss(_items(server, "a", 1)))
    flaky = server.add("/b.xml", body=rss(_items(server, "b", 1)))
    config = str(write_config(tmp_path, [{"name": "Good", "url": good, "extract": False},
                                         {"name": "Flaky", "url": flaky, "extract": False}]))
    first = newsdesk("--config", config, "fetch", "--quiet")
    assert (first.returncode, first.stdout, first.stderr) == (0, "", "")
    server.add("/b.xml", status=503, body=b"down")
    failing = newsdesk("--config", config, "fetch", "-q")
    assert (failing.returncode, failing.stdout) == (0, "")
    assert failing.stderr.startswith("newsdesk: Flaky: ") and "503" in failing.stderr
    again = newsdesk("--config", config, "fetch", "-q")  # still failing: said once is enough
    assert (again.returncode, again.stdout, again.stderr) == (0, "", "")
    server.add("/a.xml", status=503, body=b"down")  # nothing can be read: exit 1, said
    none = newsdesk("--config", config, "fetch", "-q")
    assert none.returncode == 1 and "no feed could be read" in none.stderr
    assert "Good: " in none.stderr and "Flaky" not in none.stderr.split("no feed")[0]
