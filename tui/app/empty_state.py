"""What an empty article list says: never a blank pane, always the next step.

Kept free of widgets (plain text from Desk calls) so each case is a small, testable function.
Each key it names is the one the user presses (`key`: their `[keys]` remap, else the default).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from tui.app.commands import default_key
from tui.app.views import combine
from tui.core.config.firstrun import import_hint
from tui.core.words import counted

if TYPE_CHECKING:
    from tui.core.config.loader import Config
    from tui.core.desk import Desk


OFFLINE_TRY = "To try newsdesk offline: newsdesk demo (a built-in site, no network needed)"
Keys = Callable[[str], str]
"""command name -> the key the user presses for it"""


def _config_name(config: Config) -> str:
    return str(config.path) if config.path else "your feeds.toml"


def read_left_out(desk: Desk, view_kind: str, view_query: str, words: str,
                  hide_read: bool) -> int:
    """How many read articles the filter and search (`words`) match that the list leaves
    out, Unread being the view or `l` hiding them: newsboat's `/` finds read ones too, and
    the reader starts in Unread."""
    if not words or (view_kind != "unread" and not hide_read):
        return 0
    try:
        return desk.count(combine("" if view_kind == "unread" else view_query, words,
                                  "is:read"))
    except Exception:  # a count for a hint must not break the list
        return 0


def _left_out(read: int, unread_view: bool, key: Keys) -> str:
    how = (f"choose All in the tree ({key('focus_views')}), then search again" if unread_view
           else f"{key('toggle_hide_read')} shows them")
    return f"\n{counted(read, 'read article')} match{'es' if read == 1 else ''} it: {how}."


def _narrowed(typed: str, view_label: str, read: int, unread_view: bool, key: Keys) -> str:
    """A filter, a search or `l` left nothing: what was typed, where, and the way back (it
    named the query the list runs, `'(is:unread) (actor:shoigu since:1y)'`, and no key)."""
    if not typed:  # `l` alone: every article of the view is read
        return (f"No unread articles in {view_label}: {key('toggle_hide_read')} shows the "
                "read ones too.")
    said = f"No articles match {typed!r} in {view_label}."
    if read:
        return said + _left_out(read, unread_view, key)
    return (f"{said}\n{key('clear_query')} clears the filter and the search; "
            f"{key('filter')} or {key('search')} types another.")


def empty_text(desk: Desk, config: Config, view_label: str, query: str, narrowed: bool,
               feed: str | None = None, read: int = 0, unread_view: bool = False,
               key: Keys = default_key, typed: str | None = None) -> str:
    """The text of an empty list: `narrowed` when a filter or search is active; `feed`: the
    feed the list shows, whose last error says why it is empty; `read`: the read articles
    that match what was typed, left out by Unread (`unread_view`) or by `l`; `typed`: the
    filter and search as typed (else `query`, the whole query, is named)."""
    unknown = _unknown_actors(desk, query)
    if unknown:
        names = ", ".join(repr(n) for n in unknown)
        return (f"No known actor is called {names}, so nothing matches.\n"
                f"The Actors part of the tree lists the known ones; {key('new_actor')} adds a "
                "new actor.")
    if narrowed:
        return _narrowed(query if typed is None else typed, view_label, read, unread_view, key)
    feeds = len(config.feeds)
    where = _config_name(config)
    if not feeds:
        return (f"No feeds yet: press {key('add_feed')} to add one.\n"
                f"Or add [[feed]] tables to {where},\n"
                "or import a list of feeds: newsdesk import-opml FILE\n"
                f"then press {key('refresh_all')} to fetch them.")
    if not _has_articles(desk):
        if _all_failing(desk):
            none = ("could not reach the feed" if feeds == 1
                    else f"reached none of the {feeds} feeds")
            listed = "The feed is" if feeds == 1 else "The feeds are"
            return (f"No articles yet: the last refresh {none}\n"
                    f"({key('feed_errors')} lists why; is this machine offline?). "
                    f"{key('refresh_all')} tries again.\n"
                    f"{listed} listed in {where}\n"
                    f"{OFFLINE_TRY}")
        listed = "the feed" if feeds == 1 else f"the {feeds} feeds"
        return (f"No articles yet: press {key('refresh_all')} to fetch {listed} listed in\n"
                f"{where}\n"
                f"To choose your feeds, press {key('add_feed')} to add one, edit that file, "
                "or import a list: "
                f"{import_hint()}\n"
                f"{OFFLINE_TRY}")
    if feed is not None:
        return _feed_text(desk, config, feed, key)
    return f"No articles in {view_label}.  {key('refresh_all')} refreshes the feeds."


EDIT_FEEDS = ("{remove} removes it; to change its URL, edit {where}\n"
              "(the reader follows the file at once; {add} adds a feed).")


def _feed_text(desk: Desk, config: Config, name: str, key: Keys) -> str:
    """A feed's empty list: why (its last error while it fails, or never fetched), then what
    to do, as `e` and `newsdesk feeds` say it."""
    try:
        status = next((f for f in desk.feeds() if f.name == name), None)
    except Exception:
        status = None
    edit = EDIT_FEEDS.format(where=_config_name(config), remove=key("remove_feed"),
                             add=key("add_feed"))
    again = key("refresh_feed")
    if status is not None and status.failures:
        tries = "its last refresh" if status.failures == 1 else \
            f"its last {status.failures} refreshes"
        return (f"No articles in {name}: {tries} failed:\n{status.last_error}\n"
                f"{again} tries it again; {key('feed_errors')} lists every feed's state.\n"
                f"{edit}")
    if status is not None and status.last_ok is None:
        return f"No articles in {name}: not fetched yet.  {again} fetches it.\n{edit}"
    sent = counted(status.item_count, "item") if status is not None else "no items"
    return f"No articles in {name} (its last read sent {sent}).  {again} refreshes it.\n{edit}"


def _unknown_actors(desk: Desk, query: str) -> list[str]:
    if "actor:" not in query:
        return []
    try:
        return list(desk.unknown_actors(query))
    except Exception:  # a bad query is reported by the status line, not here
        return []


def _all_failing(desk: Desk) -> bool:
    try:
        feeds = desk.feeds()
    except Exception:
        return False
    return bool(feeds) and all(f.failures and f.last_ok is None for f in feeds)


def _has_articles(desk: Desk) -> bool:
    try:
        return bool(desk.count(""))
    except Exception:
        return True  # cannot tell: say the general thing
