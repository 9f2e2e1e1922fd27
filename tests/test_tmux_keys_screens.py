"""The keys of the screens over the list, as a user starts the app (tmux, an empty HOME, a bare
environment): the help screen's `j` `space` `k` `down` `up` `pagedown` `/` `esc` `q` `?`; the
palette's `esc`; the feed list's `j` `k` `g` `G` `home` `end` `X` `i` `e` `enter`; the add
dialog's `tab`; the yes/no question's `n` and `y`; the export dialog's `tab` and `esc`; and
`ctrl+r` and `r` against a loopback server."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer
from tests.test_app_support import copy_demo
from tests.test_tmux_panes import quit_app, start, status
from tests.test_tmux_smoke import Tmux, pytestmark  # noqa: F401  (skips without tmux)
from tui.app.commands import COMMANDS
from tui.core.config.loader import load_config
from tui.core.desk import Desk


def help_lines(screen: str) -> int:
    """The first line the help box shows, as its border says ("lines 5-34 of 80")."""
    found = re.search(r"lines (\d+)-\d+ of \d+", screen)
    assert found, screen
    return int(found.group(1))


def test_the_help_screen_scrolls_finds_and_closes(tmp_path: Path, tmux: Tmux) -> None:
    config = copy_demo(tmp_path / "demo")
    every = f"newsdesk keys ({len(COMMANDS)} commands)"
    start(tmux, tmp_path, config, (120, 40))
    tmux.wait_for(lambda s: "Unread  1/" in status(s))
    tmux.keys("?")
    tmux.wait_for(lambda s: every in s and "lines 1-" in s)
    tmux.keys("j")
    tmux.wait_for(lambda s: "lines 2-" in s)
    tmux.keys("Space")  # a page down
    screen = tmux.wait_for(lambda s: "lines " in s and help_lines(s) > 10)
    top = help_lines(screen)
    tmux.keys("k")
    tmux.wait_for(lambda s: f"lines {top - 1}-" in s)
    tmux.keys("Down")  # the arrows and PageDown too
    tmux.wait_for(lambda s: f"lines {top}-" in s)
    tmux.keys("Up")
    tmux.wait_for(lambda s: f"lines {top - 1}-" in s)
    tmux.keys("PageDown")
    tmux.wait_for(lambda s: "lines " in s and help_lines(s) > top)
    tmux.keys("/", *"reload")  # other readers' word for it
    tmux.wait_for(lambda s: f"2 of {len(COMMANDS)} commands have 'reload'" in s
                  and "Refresh every feed" in s and "Go to the next unread" not in s)
    # the two fit: the border no longer speaks of the whole table's lines below
    tmux.wait_for(lambda s: "more below" not in s and "─ q closes ─" in s)
    tmux.keys("Escape")  # the words go: every command again
    tmux.wait_for(lambda s: every in s and "Go to the next unread" in s and "lines 1-" in s)
    tmux.keys("q")
    tmux.wait_for(lambda s: "newsdesk keys" not in s)
    tmux.keys("?")
    tmux.wait_for(lambda s: every in s)
    tmux.keys("?")  # the key that opened it closes it
    tmux.wait_for(lambda s: "newsdesk keys" not in s)
    tmux.keys("C-p")  # the palette: esc closes it, and q then quits from the list
    tmux.wait_for(lambda s: "Down (j down)" in s)
    tmux.keys("Escape")
    tmux.wait_for(lambda s: "Down (j down)" not in s)
    tmux.keys("q")
    quit_app(tmux)


def test_feed_list_keys_questions_and_the_export_dialog(tmp_path: Path, tmux: Tmux) -> None:
    config = copy_demo(tmp_path / "demo")
    with Desk.open(load_config(config)) as desk:
        feeds = sorted(desk.feeds(), key=lambda f: (not f.failures, not f.warning,
                                                    f.name.lower()))
    start(tmux, tmp_path, config, (120, 40))
    tmux.wait_for(lambda s: "Unread  1/" in status(s))
    # one burst with the key that opens the dialog: the tabs wait for it, in the order typed
    tmux.keys("i", "Tab", "Tidewater", "Tab", "coast")
    screen = tmux.wait_for(lambda s: "Tidewater" in s and "coast" in s)
    fields = [row for row in screen.splitlines() if "▊  " in row]
    assert ["URL, e.g." in fields[0], "Tidewater" in fields[1], "coast" in fields[2]] == \
        [True, True, True], fields
    tmux.keys("Escape")
    tmux.wait_for(lambda s: "Add a feed" not in s)
    tmux.keys("e")
    tmux.wait_for(lambda s: f"Feeds ({len(feeds)}," in s and feeds[0].url in s)
    for key, feed in (("j", feeds[1]), ("G", feeds[-1]), ("k", feeds[-2]), ("g", feeds[0]),
                      ("End", feeds[-1]), ("Home", feeds[0]), ("j", feeds[1])):
        tmux.keys(key)  # the detail under the table follows the cursor
        tmux.wait_for(lambda s, url=feed.url: url in s)
    tmux.keys("X")  # asked first, about the feed under the cursor
    tmux.wait_for(lambda s: "Remove a feed" in s and feeds[1].name in s and "y yes" in s)
    tmux.keys("n")
    tmux.wait_for(lambda s: "nothing removed" in status(s) and "Remove a feed" not in s)
    tmux.keys("e")
    tmux.wait_for(lambda s: f"Feeds ({len(feeds)}," in s)
    tmux.keys("i")  # the list closes, the add dialog opens
    tmux.wait_for(lambda s: "URL, e.g." in s and "Feeds (" not in s)
    # typed in one burst: the letters after each tab land in the next field (the URL may stay
    # empty until enter), not in the field tab leaves
    tmux.keys("Tab", "Tidewater", "Tab", "coast")
    tmux.wait_for(lambda s: "Tidewater" in s and "coast" in s and "name (optional" not in s
                  and "tags (optional" not in s)
    rows = tmux.screen().splitlines()
    at = [next(i for i, row in enumerate(rows) if mark in row)
          for mark in ("URL, e.g.", "Tidewater", "coast")]
    assert at == sorted(set(at)), rows  # URL, then name, then tags, each on its own line
    tmux.keys("Escape")
    tmux.wait_for(lambda s: "URL, e.g." not in s)
    tmux.keys("Ebrief")  # typed fast: the words replace the path offered, as typed slowly
    tmux.wait_for(lambda s: "Export the list" in s and "brief" in s
                  and "newsdesk-unread.md" not in s)
    tmux.keys("Escape")
    tmux.wait_for(lambda s: "Export the list" not in s)
    tmux.keys("E")
    tmux.wait_for(lambda s: "Export the list" in s and "newsdesk-unread.md" in s)
    tmux.keys("Tab", "Down")  # the formats: the path follows the one under the cursor
    tmux.wait_for(lambda s: "newsdesk-unread.html" in s)
    tmux.keys("Escape")
    tmux.wait_for(lambda s: "Export the list" not in s)
    assert not list((tmp_path / "home").glob("newsdesk-*"))
    tmux.keys("e")
    tmux.wait_for(lambda s: f"Feeds ({len(feeds)}," in s)
    tmux.keys("j", "X")
    tmux.wait_for(lambda s: "Remove a feed" in s and feeds[1].name in s)
    tmux.keys("y")
    tmux.wait_for(lambda s: f"removed {feeds[1].name}; articles stay" in status(s))
    assert feeds[1].url not in config.read_text(encoding="utf-8")
    tmux.keys("e")
    tmux.wait_for(lambda s: f"Feeds ({len(feeds) - 1}," in s)
    tmux.keys("e")  # the key that opened it closes it
    tmux.wait_for(lambda s: "Feeds (" not in s)
    tmux.keys("e")
    tmux.wait_for(lambda s: f"Feeds ({len(feeds) - 1}," in s)
    tmux.keys("Enter")  # as newsboat's feed list: the feed's articles
    tmux.wait_for(lambda s: status(s).lstrip().startswith(feeds[0].name) and "Feeds (" not in s)
    tmux.keys("q")
    tmux.wait_for(lambda s: "back to Unread" in status(s))
    tmux.keys("q")
    quit_app(tmux)


def item(n: int) -> dict[str, str]:
    return {"title": f"Loopback report number {n}", "guid": f"g{n}",
            "link": f"http://127.0.0.1/{n}", "pubDate": f"Fri, 0{n} Oct 2026 07:00:00 GMT",
            "description": f"Report {n}, written for this test."}


def test_ctrl_r_refreshes_all_and_r_the_listed_feed(tmp_path: Path, tmux: Tmux) -> None:
    with LocalServer() as server:
        one = server.add("/one.xml", body=rss([item(1)], title="One"),
                         headers={"Content-Type": "application/rss+xml"})
        two = server.add("/two.xml", body=rss([item(2)], title="Two"),
                         headers={"Content-Type": "application/rss+xml"})
        config = write_config(tmp_path, [{"name": "One", "url": one, "extract": False},
                                         {"name": "Two", "url": two, "extract": False}])
        start(tmux, tmp_path, config, (120, 40))
        tmux.wait_for(lambda s: "No articles yet" in s)
        tmux.keys("C-r")
        tmux.wait_for(lambda s: "refreshed all feeds: 2 new" in status(s)
                      and item(1)["title"] in s and item(2)["title"] in s)
        for n, path in ((3, "/one.xml"), (4, "/two.xml")):
            server.add(path, body=rss([item(n)], title=path), headers={
                "Content-Type": "application/rss+xml"})
        tmux.keys("J")  # One's list: `r` refreshes its feed alone
        tmux.wait_for(lambda s: "feed 1 of 2: One" in status(s))
        tmux.keys("r")
        tmux.wait_for(lambda s: "refreshed One: 1 new" in status(s) and item(3)["title"] in s)
        tmux.keys("q")
        tmux.wait_for(lambda s: "back to " in status(s))
        assert item(4)["title"] not in tmux.screen()
        tmux.keys("q")
        quit_app(tmux)
    with Desk.open(load_config(config)) as desk:
        assert {r.title for r in desk.articles()} == {item(n)["title"] for n in (1, 2, 3)}
