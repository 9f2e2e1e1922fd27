"""The one service under both faces: the CLI and the Textual app only ever call a Desk.

It owns the cache (one SQLite connection per thread, so the app's workers and UI thread never
share one), the worker process pool, and the analyzers that run on every new body.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from tui.core.config.loader import Config, ConfigError, Feed, load_config, with_titles
from tui.core.desk_reads import DeskReads
from tui.core.refresh import analysis as analysis
from tui.core.refresh.events import RefreshEvent, Stored
from tui.core.refresh.stopping import StopSignal
from tui.core.refresh.warm import WarmUpWhen
from tui.core.store import articles as store
from tui.core.store import feeds as feed_store
from tui.core.store import page_retry, pruning
from tui.core.store.db import DB_NAME, StoreError, bulk, connect, data_version, read_only_place
from tui.core.store.feed_tags import sync_feed_tags
from tui.core.store.write_turns import transaction

T = TypeVar("T")
if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

    from tui.core.config.feed_edits import NewFeed
    from tui.core.query.rules import RulesResult
    from tui.core.refresh.page_now import PageTry
    from tui.core.refresh.pool import WorkerPool
    from tui.core.refresh.reextract import Rebuilt
    from tui.core.refresh.summary import RefreshSummary
    from tui.core.refresh.unchanged import Preswept


class Desk(DeskReads):
    """Refresh, query, triage. Every state change is committed before the call returns."""

    def __init__(self, config: Config, *, db_path: Path | None = None) -> None:
        self.config = config
        self.db_path = db_path or config.settings.cache_dir / DB_NAME
        self.warning: str | None = None
        self.upgraded: tuple[str, float] | None = None
        """What a slow migration of this cache did on opening, and its seconds (the reader
        says it in its status line)."""
        self.on_upgrade: Callable[[str], None] | None = None
        self._local = threading.local()
        self._conns: list[tuple[threading.Thread, sqlite3.Connection]] = []  # owner, conn
        self._lock = threading.Lock()
        self._workers: WorkerPool | None = None
        self._analysis: analysis.Analysis | None = None
        self.stopping = StopSignal()  # see `stop`
        self.read_only = False  # a cache this process cannot write (a backup, a ro mount)
        self.set_aside: Path | None = None  # a damaged cache moved here on opening (`warning`)
        self.pages_retried: set[int] = set()  # pages tried out of turn (page_now.py)

    @classmethod
    def open(cls, config: Config, *, sync_feeds: bool = True,
             on_upgrade: Callable[[str], None] | None = None) -> Desk:
        """Open (creating or upgrading) the cache; a damaged one is set aside, not lost.
        `sync_feeds=False` when a refresh comes next: it syncs the feed list itself, once.
        `on_upgrade` hears what an upgrade that takes a while does, before it starts."""
        desk = cls(config)
        desk.on_upgrade = on_upgrade
        try:
            desk.conn  # noqa: B018 - opens and migrates now, so errors surface here
        except StoreError as exc:
            if exc.moved_to is None:  # locked, or from a newer version: nothing to retry
                raise
            desk.warning = str(exc)
            desk.set_aside = exc.moved_to
            desk.conn  # noqa: B018 - the broken file was moved aside: start a fresh cache
        desk.read_only = read_only_place(desk.db_path)
        desk.config = desk.titled(config)
        if sync_feeds and not desk.read_only:  # a read-only cache is read as it is
            desk.sync_feeds()
        desk._lift_refusals()
        return desk

    def _lift_refusals(self) -> None:
        """The one rule for pages the link policy refused: while `allow_private_links` is set
        they are due again. Run as each config comes into use (opening, feeds.toml re-read):
        none is refused while it is set, so only those refused before wait (a write only then)."""
        if self.config.settings.allow_private_links and not self.read_only:
            page_retry.allowed_again(self.conn)

    def _upgrading(self, what: str, said: list[str]) -> None:
        said.append(what)
        if self.on_upgrade is not None:
            self.on_upgrade(what)

    def titled(self, config: Config) -> Config:
        """Feeds without a name in feeds.toml go by the title their feed sent (newsboat's
        way), once the cache knows it: one read, and only when there is such a feed."""
        if all(f.named for f in config.feeds):
            return config
        titles = feed_store.feed_titles(self.conn)
        return config.replace(feeds=with_titles(config.feeds, titles))

    def sync_feeds(self) -> dict[str, feed_store.FeedRef]:
        """The configured feeds' rows, by name. A feed renamed in feeds.toml: its articles
        answer `feed:NEWNAME` now, not after the next fetch; a feed's tags changed there are
        its articles' now too (two reads when nothing changed)."""
        refs = feed_store.sync_feeds(self.conn, [(f.name, f.url) for f in self.config.feeds])
        sync_feed_tags(self.conn, [(refs[f.name].id, f.tags) for f in self.config.feeds])
        return refs

    @property
    def conn(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            start = time.perf_counter()
            said: list[str] = []
            conn = connect(self.db_path, on_slow=lambda what: self._upgrading(what, said))
            if said:
                self.upgraded = (said[0], time.perf_counter() - start)
            self._local.conn = conn
            with self._lock:
                self._conns.append((threading.current_thread(), conn))
        return conn

    def stop(self) -> None:
        """The app is quitting: a refresh or page fetch in another thread ends now (its
        requests under way cancelled) instead of holding the exit; what is stored stays, the
        next refresh fetches what was not and finishes the rest."""
        self.stopping.set()

    def reader_place(self) -> dict[str, Any] | None:
        """Where the reader was at its last quit (store/place.py), or None."""
        from tui.core.store import place

        return place.load(self.conn)

    def keep_reader_place(self, where: dict[str, Any]) -> bool:
        """Keep where the reader is, for its next start; skipped (False) rather than waited
        for while another writer holds the cache, and on a read-only one."""
        from tui.core.store import place

        return not self.read_only and place.keep(self.conn, where)

    def data_version(self) -> int:
        """Changes when another connection commits to the cache (a cron fetch, the CLI,
        another reader, this Desk in another thread): cheap enough to poll every second."""
        return data_version(self.conn)

    def use_config(self, config: Config) -> None:
        """feeds.toml re-read, in use from the next call (pages it allows now are due again)."""
        config = self.titled(config)
        self.config = config
        self._lift_refusals()
        if self._analysis is not None:
            self._analysis.config = config

    def close(self) -> None:
        if self._workers is not None:
            self._workers.shutdown()
        with self._lock:
            for owner, conn in self._conns:
                if owner is threading.current_thread() or not owner.is_alive():
                    conn.close()
                else:  # closed under a running query, SQLite's module crashes: stop the
                    conn.interrupt()  # query; the connection closes when its thread lets go
            self._conns.clear()
        self._local = threading.local()

    def __enter__(self) -> Desk:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- refresh -------------------------------------------------------------------------
    def workers(self) -> WorkerPool:
        from tui.core.refresh.pool import WorkerPool  # trafilatura loads only when needed

        if self._workers is None:
            self._workers = WorkerPool()
        return self._workers

    def pool(self) -> ProcessPoolExecutor:
        return self.workers().get()

    @property
    def analysis(self) -> analysis.Analysis:
        """Made on first use, once: the app's UI thread and its workers may both ask."""
        with self._lock:
            if self._analysis is None:
                self._analysis = analysis.Analysis(self.config, self.workers(), self.stopping)
            return self._analysis

    def refresh(self, feeds: Sequence[str] | None = None, *, extract: bool | None = None,
                on_event: Callable[[RefreshEvent], None] | None = None,
                keep: Iterable[int] = (), preswept: Preswept | None = None) -> RefreshSummary:
        """Fetch feeds (all, or those named), store, extract and analyse. Blocking.
        `keep`: articles the prune after it must leave, whatever their age (the reader's
        marks: saved and hand-tagged articles stay anyway). `preswept`: the lean fetch's
        sweep, which this refresh takes over (refresh/unchanged.py).

        `Stored` is emitted between storing and analysis: a client can show the new articles
        then, while actors and links (the slow, newsboat-has-none part) are still being made.
        Raises RefreshBusy when another process refreshes this cache (refresh/lock.py)."""
        from tui.core.refresh.lock import refresh_lock

        with refresh_lock(self.db_path.parent):
            return self._refresh(feeds, extract=extract, on_event=on_event, keep=frozenset(keep),
                                 preswept=preswept)

    def _refresh(self, feeds: Sequence[str] | None, *, extract: bool | None,
                 on_event: Callable[[RefreshEvent], None] | None,
                 keep: frozenset[int], preswept: Preswept | None = None) -> RefreshSummary:
        from tui.core.refresh.unchanged import fetch_feeds

        start = time.perf_counter()
        emit = on_event or (lambda _e: None)
        self.analysis.usable_sources(self.conn)  # a broken actors.toml: said before fetching
        chosen = [f for f in self.config.feeds if feeds is None or f.name in feeds]
        extracting = self.config.settings.extract if extract is None else extract
        warm = WarmUpWhen(self.analysis.warm_up, self.workers().workers,
                          pages=extracting and any(f.extract for f in chosen))

        def on_refresh_event(event: RefreshEvent) -> None:
            warm.see(event)
            emit(event)

        refs = self.sync_feeds()  # all of feeds.toml as it is now (renames too): once a refresh
        with bulk(self.conn):  # a small page cache and no mapping while it runs (memory)
            summary = fetch_feeds(self.conn, self.config, chosen, refs, self.workers(),
                                  extracting=extracting, stopping=self.stopping,
                                  emit=on_refresh_event, preswept=preswept)
            summary.stored_s = time.perf_counter() - start
            emit(Stored(summary.new_articles))
            self.analyse_pending(emit)
            if not self.stopping.is_set():  # quitting: the next refresh prunes
                summary.pruned = pruning.prune(  # the feeds read, or all (and ones dropped)
                    self.conn, self.config.settings.keep_days,
                    None if feeds is None else [refs[f.name].id for f in chosen],
                    listed=[ref.id for ref in refs.values()], keep=keep)
        titled = self.titled(self.config)  # a feed without a name: its title, fetched now
        if titled.feeds != self.config.feeds:
            self.use_config(titled)
            self.sync_feeds()
        summary.total_s = time.perf_counter() - start
        return summary

    def fetch_page(self, article_id: int, *, quick: bool = False,
                   on_try: Callable[[], None] = lambda: None) -> PageTry:
        """Fetch and extract one article's page now, if it is due (the reader opened it, or
        `show`, before a refresh got to it). Blocking; holds no lock while downloading.

        A page that failed and waits for its next try (1 h, 6 h, 24 h) is tried out of turn
        once per Desk (the reader's), and that try counts only if it gives a text; `quick`
        (`show`) never tries it, waits SHOW_WAIT seconds at most, and a timeout there does not
        count either. `on_try` runs just before a request. RefreshBusy at once when a fetch
        elsewhere runs on this cache while the page is due: that fetch gets it."""
        from tui.core.refresh.page_now import fetch_page

        return fetch_page(self, article_id, quick=quick, on_try=on_try)

    def analyse_pending(self, on_event: Callable[[RefreshEvent], None] | None = None) -> int:
        """Run actors, rules and linking on every article whose body changed."""
        return self.analysis.run_pending(self.conn, on_event)

    def reextract(self, on_event: Callable[[RefreshEvent], None] | None = None) -> Rebuilt:
        """Rebuild page bodies from the stored raw pages, offline."""
        from tui.core.refresh.reextract import rebuild_bodies

        changed = rebuild_bodies(self.conn, self.workers())
        self.analyse_pending(on_event)
        return changed

    # -- triage (each call is one committed transaction) ---------------------------------
    def set_flag(self, ids: Sequence[int], column: str, value: bool) -> list[int]:
        """read, saved or dismissed on many articles at once; returns the ids it changed."""
        with transaction(self.conn):
            return store.set_flag(self.conn, list(ids), column, value)

    def set_read(self, ids: Sequence[int], read: bool = True) -> list[int]:
        return self.set_flag(ids, "read", read)

    def set_saved(self, article_id: int, saved: bool = True) -> None:
        self.set_flag([article_id], "saved", saved)

    def dismiss(self, ids: Sequence[int]) -> list[int]:
        with transaction(self.conn):
            store.set_flag(self.conn, list(ids), "read", True)
            return store.set_flag(self.conn, list(ids), "dismissed", True)

    def undismiss(self, ids: Sequence[int]) -> list[int]:
        """Undo `dismiss` (the read flag is the caller's to restore, with set_read)."""
        return self.set_flag(ids, "dismissed", False)

    def mark_all_read(self, query: str = "") -> list[int]:
        """Mark a whole view read; returns what changed so the caller can undo."""
        return self.set_read(self.ids(query), True)

    def add_tags(self, ids: Sequence[int], tags: Sequence[str]) -> None:
        """Tags match in any case (tui.core.tagnames); a new one keeps the spelling given."""
        with transaction(self.conn):
            store.add_tags(self.conn, list(ids), tags)

    def remove_tag(self, ids: Sequence[int], tag: str) -> None:
        with transaction(self.conn):
            store.remove_tag(self.conn, list(ids), tag)

    def rename_tag(self, old: str, new: str) -> int:
        from tui.core.query.rules import rename_tag
        return rename_tag(self.conn, old, new)

    def delete_tag(self, tag: str) -> int:
        from tui.core.query.rules import delete_tag
        return delete_tag(self.conn, tag)

    def apply_rules(self) -> RulesResult:
        """Apply feeds.toml's rules and mutes to the whole cache (ingest does new ones)."""
        return self.analysis.apply_rules(self.conn, None)

    # -- dossiers and views ---------------------------------------------------------------
    def export(self, query: str, fmt: str, ids: Sequence[int] | None = None,
               about: str | None = None) -> str:
        """`about`: what the dossier's heading names (else what `query` names)."""
        from tui.core.query.export import dossier
        return dossier(self, self.ids(query) if ids is None else ids, fmt, query, about)

    def save_view(self, name: str, query: str) -> Config:
        """Add a `[[view]]` to feeds.toml (checked before it replaces the file); returns the
        config as now written. Raises QueryError for a bad query, ConfigError otherwise."""
        from tui.core.config.feedlist import append_view

        name, query = name.strip(), query.strip()
        self.count(query)  # a bad query is refused before the file is touched
        path = self.config.path
        if path is None:
            raise ConfigError("there is no feeds.toml to save a view in (start with --config)")
        if not name:
            raise ConfigError("a view needs a name")
        if any(view.name.casefold() == name.casefold() for view in self.config.views):
            raise ConfigError(f"{path}: there is already a view named {name!r}")
        append_view(path, name, query)
        self.use_config(load_config(path))
        return self.config

    # -- the feed list (config/feed_edits.py edits the file, comments kept) ----------------
    def add_feed(self, feed: NewFeed) -> Config:
        """Write `feed` into feeds.toml (checked against the file as it is now), put the file
        in use and give the feed its row; returns the config in use. FeedEditError,
        ConfigError or UserFileError leave the file as it was."""
        from tui.core.config.feed_edits import add_feed

        path = self._config_file("add a feed to")
        self.use_config(add_feed(path, feed, self.feed_titles()))
        if not self.read_only:
            with contextlib.suppress(sqlite3.OperationalError):  # a writer holds the lock:
                self.sync_feeds()  # the next refresh syncs it
        return self.config

    def remove_feed(self, which: str) -> Feed:
        """Take the feed `which` names (a name or a URL) out of feeds.toml and put the file
        in use; its articles stay in the cache (`holdings` says what it held)."""
        from tui.core.config.feed_edits import remove_feed

        path = self._config_file("remove a feed from")
        feed, config = remove_feed(path, which, self.feed_titles())
        self.use_config(config)
        return feed

    def _config_file(self, what: str) -> Path:
        if self.config.path is None:
            raise ConfigError(f"there is no feeds.toml to {what} (start with --config FILE)")
        return self.config.path

    # -- the user's gazetteer: every cached article is re-matched on the next analysis run --
    def add_actor_alias(self, actor_id: str, alias: str) -> None:
        from tui.core.actors.edits import add_alias
        add_alias(self.config.actors_path, actor_id, alias)
        self._actors_edited(None)

    def add_actor(self, name: str, kind: str, description: str = "") -> str:
        from tui.core.actors.edits import add_actor
        return self._actors_edited(add_actor(self.config.actors_path, name, kind, description))

    def forget_actor(self, actor_id: str, alias: str | None = None) -> str:
        """Take back one alias the user added, or all they added for the actor ("alias",
        "actor" or "aliases": what went)."""
        from tui.core.actors.edits import forget
        return self._actors_edited(forget(self.config.actors_path, actor_id, alias,
                                          self.gazetteer.same_as))

    def _actors_edited(self, result: T) -> T:
        self.analysis.reload_actors(self.config.actors_path)
        return result
