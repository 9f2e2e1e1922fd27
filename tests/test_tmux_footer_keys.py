"""The first hour in a real terminal (tmux, an empty HOME, a bare environment), at 80x24 and
110x30: the footer names what each key does where the user is (it said "q Quit" with the
reader open, where q closes it, and the main screen's keys under the help box and the feeds
list), the help screen fills 110 columns in three columns of keys and pages at 80x24 with
the keys every pager has, and `n` past a feed's last unread article goes on to the next
feed's, as newsboat's does. Each test walks several keys on one started app."""

from __future__ import annotations

from pathlib import Path

from tests.test_app_support import copy_demo
from tests.test_tmux_panes import quit_app, start, status
from tests.test_tmux_smoke import Tmux, pytestmark  # noqa: F401  (skips without tmux)
from tui.app.views import feed_view
from tui.core.config.loader import load_config
from tui.core.desk import Desk


def footer(screen: str) -> str:
    return screen.splitlines()[-1]


def test_80x24_every_state_footer_and_the_help_pager(tmp_path: Path, tmux: Tmux) -> None:
    config = copy_demo(tmp_path / "demo")
    with Desk.open(load_config(config)) as desk:
        first = desk.articles("is:unread", limit=1)[0]

    start(tmux, tmp_path, config, (80, 24))
    screen = tmux.wait_for(lambda s: "Unread  1/" in s)
    assert footer(screen).startswith("q Quit ⏎ Open") and footer(screen).endswith("? Help")

    tmux.keys("Enter")  # the reader takes the screen: q closes it, space pages it
    screen = tmux.wait_for(lambda s: f"· id {first.id}" in s and "q Close" in footer(s))
    assert "Quit" not in footer(screen)
    tmux.keys("3")  # the text: enter (the same article again) makes way for s
    tmux.wait_for(lambda s: footer(s).startswith("q Close n Next unread s Save"))
    tmux.keys("q")
    tmux.wait_for(lambda s: f"· id {first.id}" not in s and footer(s).startswith("q Quit"))

    tmux.keys("/")  # the search bar: only enter and esc are keys there
    tmux.wait_for(lambda s: footer(s).split() == ["⏎", "Search", "esc", "Cancel"])
    tmux.keys("gaza", "Enter")
    screen = tmux.wait_for(lambda s: "/gaza" in status(s) and footer(s).startswith("q Clear"))
    tmux.keys("q")  # q clears the search, as its footer said, and does not quit
    tmux.wait_for(lambda s: "/gaza" not in status(s) and footer(s).startswith("q Quit"))

    tmux.keys("?")  # help: its own keys, paged as a pager pages
    screen = tmux.wait_for(lambda s: "newsdesk keys" in s and footer(s).startswith("q Close"))
    assert "/ Find" in footer(screen) and "Quit" not in footer(screen)
    tmux.wait_for(lambda s: "lines 1-" in s)  # the border says it scrolls, once drawn
    tmux.keys("Space")
    screen = tmux.wait_for(lambda s: "lines 1-" not in s and "newsdesk keys" in s)
    tmux.keys("b")
    tmux.wait_for(lambda s: "lines 1-" in s)
    tmux.keys("G")
    tmux.wait_for(lambda s: "more above" in s)
    tmux.keys("/", "refresh")  # a find keeps the commands with the word, with their help
    tmux.wait_for(lambda s: "have 'refresh'" in s and "Refresh every feed" in s)
    tmux.keys("Enter", "q")
    tmux.wait_for(lambda s: "newsdesk keys" not in s and footer(s).startswith("q Quit"))

    tmux.keys("e")  # the feeds list: its keys, q closes it
    screen = tmux.wait_for(lambda s: "Feeds (" in s and footer(s).startswith("q Close"))
    assert "Add feed" in footer(screen) and "? Help" not in footer(screen)
    tmux.keys("j", "j", "G", "g", "q")
    tmux.wait_for(lambda s: "Feeds (" not in s and footer(s).startswith("q Quit"))

    tmux.keys("1")  # the tree: q goes to the list, then quits
    tmux.wait_for(lambda s: footer(s).startswith("q To list"))
    tmux.keys("q")
    tmux.wait_for(lambda s: footer(s).startswith("q Quit") and "q again quits" in status(s))
    tmux.keys("q")
    quit_app(tmux)


def test_110x30_help_in_three_columns_and_n_on_to_the_next_feed(tmp_path: Path,
                                                                tmux: Tmux) -> None:
    config = copy_demo(tmp_path / "demo")
    names = [feed.name for feed in load_config(config).feeds]
    with Desk.open(load_config(config)) as desk:
        in_first = desk.ids(feed_view(names[0]).query)
        desk.set_read(in_first[1:])  # the first feed's newest is its only unread article
        second_unread = desk.ids(feed_view(names[1]).query + " is:unread")
        assert second_unread
        second = desk.article(second_unread[0])

    start(tmux, tmp_path, config, (110, 30))
    tmux.wait_for(lambda s: "Unread  1/" in s)
    tmux.keys("?")  # 39 lines in two narrow columns; three now, with no need to scroll
    screen = tmux.wait_for(lambda s: "newsdesk keys" in s and "q closes" in s)
    heads = next(line for line in screen.splitlines() if "Moving" in line)
    assert "Panes" in heads and "Triage" in heads, screen
    assert "more below" not in screen and "Forget actor" in screen
    tmux.keys("q", "J")  # the first feed's list; its one unread article opened
    tmux.wait_for(lambda s: f"{names[0]}  1/" in status(s))
    tmux.keys("Enter")
    tmux.wait_for(lambda s: f"· id {in_first[0]}" in s)
    tmux.keys("n")  # on to the next feed with unread ones, its first opened
    screen = tmux.wait_for(lambda s: f"· id {second.id}" in s, timeout=15)
    line = status(screen).strip()  # the label names the feed it went on to
    assert line.startswith(names[1]) and "next feed, " in line, line
    assert f"({names[0]} has none left)" in line, line
    tmux.keys("q", "q", "q")
    quit_app(tmux)


def test_160x45_the_readers_panes_q_goes_back_as_the_footer_says(tmp_path: Path,
                                                                  tmux: Tmux) -> None:
    """Beside the article: a side list's q goes back to the text, full screen's q leaves it,
    a related article's q goes back to the one it was opened from, then q closes and quits;
    B hides and shows the side panel."""
    config = copy_demo(tmp_path / "demo")
    with Desk.open(load_config(config)) as desk:
        first = next(row for row in desk.articles("is:unread", limit=50)
                     if desk.related(row.id) and desk.actors_of(row.id))
        at = desk.ids("is:unread").index(first.id)
        related = desk.related(first.id)[0].id
        other = next(row for row in desk.articles("is:unread", limit=3)
                     if row.id not in (first.id, related)).title[:20]  # a list row

    start(tmux, tmp_path, config, (160, 45))
    tmux.wait_for(lambda s: "Unread  1/" in s)
    tmux.keys(*["j"] * at, "Enter")
    tmux.wait_for(lambda s: f"· id {first.id}" in s and "Related (" in s
                  and footer(s).startswith("q Close"))
    tmux.keys("4")  # the actors list: q goes back to the text
    tmux.wait_for(lambda s: footer(s).startswith("q Back"))
    tmux.keys("q")
    tmux.wait_for(lambda s: footer(s).startswith("q Close n Next") and "Related (" in s)
    tmux.keys("B")  # the side panel goes, and comes back
    tmux.wait_for(lambda s: "Related (" not in s)
    tmux.keys("B")
    tmux.wait_for(lambda s: "Related (" in s)
    tmux.keys("z")  # full screen (the list goes): q leaves it, the reader stays
    tmux.wait_for(lambda s: footer(s).startswith("q Back") and other not in s)
    tmux.keys("q")
    tmux.wait_for(lambda s: footer(s).startswith("q Close") and other in s)
    tmux.keys("5", "Enter")  # a related article: q goes back to the one it came from
    tmux.wait_for(lambda s: f"· id {related}" in s and footer(s).startswith("q Back"))
    tmux.keys("q")  # back on the related list it was opened from: q goes to the text
    tmux.wait_for(lambda s: f"· id {first.id}" in s and footer(s).startswith("q Back"))
    tmux.keys("q")
    tmux.wait_for(lambda s: footer(s).startswith("q Close"))
    tmux.keys("q")
    tmux.wait_for(lambda s: f"· id {first.id}" not in s and footer(s).startswith("q Quit"))
    tmux.keys("q")
    quit_app(tmux)
