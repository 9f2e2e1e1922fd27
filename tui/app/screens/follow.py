"""Following what changes outside the reader, as newsboat and Elfeed users expect.

- The cache: a cron `newsdesk fetch`, triage from the CLI or another reader commit to the same
  SQLite file. SQLite's `PRAGMA data_version`, polled every second (it changes only for other
  connections' commits, so the app's own triage never triggers it), tells; the list reloads
  keeping its selected article on its screen row, the tree recounts, an open article that
  changed is shown afresh, and the focus stays where it is.
- feeds.toml: read again when a refresh starts (`R`, `r`, the auto-refresh), and when its
  modification time or size changes (a stat at each poll: another reader's `V`, an editor;
  `filewatch.py`: the bytes too while that time is recent),
  so an edited file is used without a restart: feeds, settings, views, rules and mutes, keys.
  A broken one is said (file, line, what) and the last good config stays in use. `V` (save a
  view) reads the file back after writing it, and puts it in use the same way (`use`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from tui.app.commands import clashes, keymap
from tui.app.filewatch import FileWatch
from tui.app.screens.host import Host
from tui.app.toasts import toast, withdraw
from tui.app.views import feed_view
from tui.app.widgets.visual_text import reorders
from tui.core.config.loader import Config, ConfigError, load_config
from tui.core.words import counted

if TYPE_CHECKING:
    from textual.timer import Timer

    from tui.app.widgets.status import KeyFooter

POLL_SECONDS = 1.0
"""How often the cache is asked whether someone else wrote to it (a microsecond's query)."""


class Followed(Host, Protocol):
    """What `Follow` needs of the screen besides `Host`."""

    keymap: dict[str, str]

    @property
    def footer(self) -> KeyFooter: ...

    def relayout(self) -> None: ...

    def set_interval(self, interval: float, callback: Callable[[], object], *,
                     name: str | None = None) -> Timer: ...


class Follow:
    """Watches the cache; re-reads feeds.toml for each refresh."""

    def __init__(self, host: Followed, refresh: Callable[[], None],
                 busy: Callable[[], bool]) -> None:
        self.host = host
        self.refresh = refresh  # what the auto-refresh runs
        self.busy = busy  # the app's own job is writing: it reloads when it ends
        self._seen: int | None = None
        self._file = FileWatch(None)  # start() looks at the file
        self._auto: Timer | None = None
        self.also: list[Callable[[], None]] = []  # other files watched at each poll
        self.renamed: list[Callable[[dict[str, str]], None]] = []
        """Told of feeds renamed (old name -> new) once the cache has them: the trail."""

    def start(self) -> None:
        self._seen = self._version()
        self._file = FileWatch(self.host.config.path)
        self.host.set_interval(POLL_SECONDS, self.poll, name="cache-watch")
        self._schedule(self.host.config.settings.refresh_minutes)

    def _schedule(self, minutes: int) -> None:
        if self._auto is not None:
            self._auto.stop()
            self._auto = None
        if minutes > 0:
            self._auto = self.host.set_interval(minutes * 60, self.refresh, name="auto-refresh")

    # -- the cache ---------------------------------------------------------------------------
    def _version(self) -> int | None:
        try:
            return self.host.desk.data_version()
        except sqlite3.Error:  # asked again at the next poll
            return None

    def seen(self) -> None:
        """The cache as it is now is about to be shown (the app's own job ended)."""
        self._seen = self._version()

    def poll(self) -> None:
        if self.busy():
            return
        self._config_poll()
        for poll in self.also:
            poll()
        version = self._version()
        if version is None or version == self._seen:
            return
        try:
            self.changed_outside()
        except (sqlite3.Error, OSError):  # the writer holds a lock: try at the next poll
            return
        self._seen = version

    def changed_outside(self) -> None:
        """Show the cache as it is now, without moving the cursor or the focus."""
        host = self.host
        articles = host.articles
        if articles.pager is None:
            return
        marked = len(articles.marked)
        if len(articles.pager):
            articles.reload_keep_place()
        if not len(articles.pager):  # empty before or after: its text says the next step
            host.reload_view()
        gone = marked - len(articles.marked)  # rows that left took their marks
        if gone:
            host.update_status()
            host.say(f"{counted(gone, 'marked article')} left the list, and their marks with "
                     f"them ({len(articles.marked) or 'no'} marked now)")
        reader, shown = host.reader, host.reader.article
        if reader.is_open and shown is not None and host.desk.article(shown.id) != shown:
            reader.show_again(host.desk)  # only when it changed: the side lists keep their place
        host.view_tree.recount()

    # -- feeds.toml --------------------------------------------------------------------------
    def _config_poll(self) -> None:
        """feeds.toml changed on disk (another reader saved a view, an editor saved it): put
        it in use as `R` would, and say what changed (nothing when it was this app's `V`)."""
        if not self._file.changed():
            return
        note = self.reread_config()
        if note:
            self.host.say(note)

    def reread_config(self) -> str | None:
        """feeds.toml as it is now, put in use if it changed. Returns what the status line
        should say about it (None: unchanged)."""
        host = self.host
        if host.config.path is None:
            return None
        try:
            fresh = load_config(host.config.path)
        except ConfigError as error:
            toast(host.app, "feeds.toml", str(error),
                  title="feeds.toml not used: the last good one stays")
            return "feeds.toml has an error (see the message): the last good one is used"
        note = self.use(fresh)
        if withdraw(host.app, "feeds.toml"):  # the error said is over
            return (note or "").replace("feeds.toml re-read", "feeds.toml read again") or (
                "feeds.toml read again")
        return note

    def use(self, fresh: Config) -> str | None:
        """A config just read from feeds.toml put in use, wholly: the Desk, the tree, keys,
        the auto-refresh and the text width (R's re-read, and `V`, which writes the file and
        reads it back). The cache open stays. Returns what changed (None: nothing)."""
        # Both as the Desk names them now: a feed without a name goes by its stored title, not
        # the host the file alone gives it (each re-read "renamed" it to its host), and one
        # whose title a refresh just brought is no rename of the file's.
        old, fresh = self.host.desk.titled(self.host.config), self.host.desk.titled(fresh)
        kept = fresh.settings.cache_dir != old.settings.cache_dir
        if kept:  # the cache open stays open: a new one would be another set of articles
            settings = fresh.settings.replace(cache_dir=old.settings.cache_dir)
            fresh = fresh.replace(settings=settings)
        if fresh == old:
            return "cache_dir changes when newsdesk starts again" if kept else None
        self.apply(fresh, old)
        note = what_changed(old, fresh)
        return note + "; cache_dir changes when newsdesk starts again" if kept else note

    def apply(self, fresh: Config, old: Config) -> None:
        host = self.host
        host.desk.use_config(fresh)
        host.config = host.view_tree.config = fresh
        if _feed_pairs(fresh) != _feed_pairs(old):
            self._feeds_changed(renamed(old, fresh))
        if fresh.keys != old.keys:
            host.keymap = host.footer.keymap = keymap(fresh.keys)
            host.app.set_keymap(host.keymap)
            host.footer.redraw()
            for clash in clashes(fresh.keys):
                host.app.notify(f"[keys]: {clash}; only one of them runs", severity="error",
                                timeout=30)
        if fresh.settings.refresh_minutes != old.settings.refresh_minutes:
            self._schedule(fresh.settings.refresh_minutes)
        if fresh.settings.text_width != old.settings.text_width:
            host.relayout()
        if fresh.settings.bidi != old.settings.bidi:
            host.articles.set_reorder(reorders(fresh))
            host.reader.show_again(host.desk)
        host.view_tree.recount()

    def _feeds_changed(self, names: dict[str, str]) -> None:
        """The feeds' rows as feeds.toml names them now (`names`: old name -> new, by URL),
        written to the cache in a worker (a feed's new tags reach every stored article of it:
        a write the UI thread must not wait on), then shown: the list, the reader and the
        tree's counts (`feed:` of the new name, unread by the feed's row) say the new name.
        A write that fails is said as every storage error is (`warn`); the next refresh
        syncs again."""
        host = self.host
        if host.desk.read_only:
            return
        call = host.app.call_from_thread

        def sync() -> None:
            try:
                host.desk.sync_feeds()
            except (sqlite3.Error, OSError) as error:
                call(host.warn, f"feeds.toml's feeds not written to the cache: storage error: "
                     f"{error} (the next refresh tries again)")
                return
            call(self._feeds_synced, names)

        host.in_thread(sync, "feed-sync")

    def _feeds_synced(self, names: dict[str, str]) -> None:
        host = self.host
        host.view_tree.recount()
        if not names:
            return
        for tell in self.renamed:
            tell(names)
        if host.view.kind == "feed" and host.view.feed in names:
            fresh = feed_view(names[host.view.feed])
            host.view = fresh  # the same view, renamed: the selection stays
            host.view_tree.listed = fresh
            host.reload_view()
        elif host.articles.pager is not None:
            host.articles.reload_keep_place()
        host.reader.show_again(host.desk)


def _feed_pairs(config: Config) -> list[tuple[str, str]]:
    return [(feed.name, feed.url) for feed in config.feeds]


def renamed(old: Config, new: Config) -> dict[str, str]:
    """Feeds whose URL stayed and whose name changed: old name -> new name."""
    before = {feed.url: feed.name for feed in old.feeds}
    return {before[feed.url]: feed.name for feed in new.feeds
            if feed.url in before and before[feed.url] != feed.name}


def what_changed(old: Config, new: Config) -> str:
    """'feeds.toml re-read: 1 feed added, views changed' (names would not fit the line); a
    feed whose URL stayed under a new name is renamed, not added and removed."""
    names = renamed(old, new)
    before = {f.name for f in old.feeds} - set(names)
    after = {f.name for f in new.feeds} - set(names.values())
    parts = [f"{counted(n, 'feed')} {what}" for n, what in (
        (len(after - before), "added"), (len(before - after), "removed"),
        (len(names), "renamed")) if n]
    for label, was, now in (
            ("feeds", old.feeds, new.feeds), ("settings", old.settings, new.settings),
            ("views", old.views, new.views), ("rules", (old.rules, old.mutes),
                                             (new.rules, new.mutes)),
            ("keys", dict(old.keys), dict(new.keys))):
        if was != now and not (label == "feeds" and parts):
            parts.append(f"{label} changed")
    return "feeds.toml re-read: " + ", ".join(parts)
