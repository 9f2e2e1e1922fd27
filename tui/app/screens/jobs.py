"""Long work off the UI thread, one job at a time: refreshing feeds, and re-matching every
article after the user taught the gazetteer a new actor or spelling.

A worker thread calls the Desk; its progress events come back to the UI thread as status
lines, and the list reloads without moving the selection.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Literal

from tui.app.job_progress import JobProgress
from tui.app.said import Give, Hint, Said
from tui.app.screens.host import Host
from tui.core.refresh.events import FeedFailed, RefreshEvent, Stored
from tui.core.visual import isolated
from tui.core.words import counted
from tui.demo.config import demo_not_served

if TYPE_CHECKING:
    from tui.core.actors.owners import NameTaken
    from tui.core.refresh.summary import RefreshSummary

_MATCHING = Hint("; re-matching actors…", "; re-matching…")
_MATCHED = Hint("; actors matched again", "; matched again")
"""What follows a gazetteer edit's message, short at 80 columns ("... forgotten (the actor
you added); re-matching" lost its tail there)."""


def describe(event: RefreshEvent) -> str | None:
    """A refresh event worth a message of its own: a failure (the standing progress line
    counts the rest). The error follows a colon: it often ends in its own parenthesis
    ("could not be resolved (DNS failure)"), which a second pair around it doubled."""
    if isinstance(event, FeedFailed):
        return f"{isolated(event.feed)}: failed: {event.error}"
    return None


class Jobs:
    """Refresh and re-analysis; `busy` names the one running."""

    def __init__(self, host: Host, before_refresh: Callable[[], str | None] = lambda: None,
                 ) -> None:
        self.host = host
        self.before_refresh = before_refresh
        """Run as a refresh starts (feeds.toml read again); what it returns is said."""
        self.after_job: Callable[[], None] = lambda: None
        """Run as a job's writes land, before the screen shows them (the cache watch takes
        them as seen: no second reload)."""
        self.busy: Literal["refresh", "analysis"] | None = None
        self.pages = 0
        """Page fetches running (the reader's, alongside `busy`)."""
        self._marks_gone = 0  # marks a reload during this refresh took with their rows
        self._note: str | None = None
        self._urls: dict[str, str] = {}  # the feeds' names -> URLs as the refresh started

    # -- refreshing ------------------------------------------------------------------------
    def refresh_all(self) -> None:
        self._refresh(None)

    def refresh_feed(self) -> None:
        """The feed highlighted in the tree when the tree has the focus (newsboat's `r` in its
        feed list), else the feed listed, else the selected article's."""
        host = self.host
        feed = host.view_tree.highlighted_feed if host.focused is host.view_tree else None
        feed = feed or host.view.feed
        if feed is None:
            row = self.host.articles.current
            feed = row.feed if row is not None else None
        if feed is None:
            self.host.say("no feed to refresh here")
            return
        self._refresh([feed])

    def refresh_named(self, name: str) -> None:
        """One feed by the name the Desk gives it (a feed just added: `i`)."""
        self._refresh([name])

    def _refresh(self, feeds: list[str] | None) -> None:
        if self.busy is not None:
            self.host.say("a refresh or re-analysis is already running")
            return
        note = self._note = self.before_refresh()
        config, ahead = self.host.config, f"{note}; " if note else ""
        if not config.feeds:
            where = config.path or "feeds.toml"
            self.host.say(f"{ahead}no feeds to refresh: add [[feed]] tables to {where}")
            return
        # by the Desk's names, as it refreshes them: an unnamed feed goes by its title there
        gone = [name for name in feeds or () if self.host.desk.config.feed_named(name) is None]
        if gone:
            self.host.say(f"{ahead}{isolated(gone[0])} is no longer in "
                          f"{config.path or 'feeds.toml'}")
            return
        if self.host.desk.read_only:
            self.host.say(f"{ahead}not refreshed: the cache is read-only "
                          f"({self.host.desk.db_path.parent})")
            return
        self.busy = "refresh"
        self._urls = {f.name: f.url for f in self.host.desk.config.feeds}
        progress = JobProgress("refreshing " + (", ".join(feeds) if feeds else "all feeds"))
        if ahead:  # what re-reading feeds.toml found; the progress stands under it
            self.host.say(ahead + progress.line)
        self.host.stand(progress.line)
        marked = frozenset(self.host.articles.marked)  # the prune after it leaves them
        self._marks_gone = 0
        self.host.in_thread(lambda: self._refresh_worker(feeds, progress, marked), "refresh")

    def _refresh_worker(self, feeds: list[str] | None, progress: JobProgress,
                        marked: frozenset[int]) -> None:
        """In the worker thread."""
        call = self.host.app.call_from_thread
        failed: list[FeedFailed] = []

        def on_event(event: RefreshEvent) -> None:
            if isinstance(event, FeedFailed):
                failed.append(event)
            if isinstance(event, Stored):  # readable now; actors and links follow
                progress.what = (f"{event.new_articles} new articles stored; finding actors "
                                 "and related coverage")
                call(self._stored)
            progress.follow(event)
            call(self.host.stand, progress.line)
            line = describe(event)
            if line is not None:
                call(self.host.say, line)

        from tui.core.refresh.lock import RefreshBusy

        try:
            summary = self.host.desk.refresh(feeds, on_event=on_event, keep=marked)
        except RefreshBusy as error:  # a cron fetch: what it stores shows up here as it comes
            again = self.host.key("refresh_all")
            call(self._refresh_failed, "not refreshed: the open article's page is being "
                 f"analysed; {again} again in a moment" if self.pages and error.pid == os.getpid()
                 else f"not refreshed: {error} (a cron job?); what it fetches shows up here as "
                 "it comes")
            return
        except Exception as error:  # shown in the status line
            call(self._refresh_failed, f"refresh failed: {error}")
            return
        call(self._refreshed, feeds, summary, failed)

    def _stored(self) -> None:
        self._reload_counting_marks(self.host.articles.reload_keep_place)
        self.host.view_tree.recount()

    def _reload_counting_marks(self, reload: Callable[[], object]) -> None:
        """A reload during or after a refresh: marks of rows it takes out go with them (read
        here in Unread, pruned), counted so the refresh's line says so (`_marks_gone`)."""
        before = len(self.host.articles.marked)
        reload()
        self._marks_gone += max(0, before - len(self.host.articles.marked))

    def _refresh_failed(self, message: str) -> None:
        self.busy = None
        self.host.stand("")  # what it wrote before failing is shown by the cache watch
        self.host.say(message)

    def _refreshed(self, feeds: list[str] | None, summary: RefreshSummary,
                   failed: list[FeedFailed]) -> None:
        self.busy = None
        self.host.stand("")
        self.after_job()
        if feeds:  # a feed with no name went by its host until its title came: by the title
            now = {f.url: f.name for f in self.host.desk.config.feeds}
            feeds = [now.get(self._urls.get(name, ""), name) for name in feeds]
        if self.host.articles.pager is not None and not len(self.host.articles.pager):
            # still empty: its text says what the refresh found
            self._reload_counting_marks(self.host.reload_view)
        else:
            self._reload_counting_marks(self.host.articles.reload_keep_place)
        if summary.new_articles or summary.updated_articles:  # actors, links, a corrected text
            self.host.reader.show_again(self.host.desk)
        self.host.view_tree.recount()
        config = self.host.desk.config
        demo = demo_not_served(config.path, (f.url for f in config.feeds),
                               (f.error for f in failed))
        line = refreshed_line(feeds, summary, failed, demo=demo is not None,
                              feeds_key=self.host.key("feed_errors"))
        if self._marks_gone:  # the list's rows still there kept theirs
            marked = len(self.host.articles.marked)
            line = Said(line, f"; {counted(self._marks_gone, 'marked article')} left the "
                        f"list, and their marks with them ({marked or 'no'} marked now)")
            self._marks_gone = 0
            self.host.update_status()
        self.host.say(Said(line, f"; {self._note}") if self._note else line)

    # -- a page the refresh left for later -------------------------------------------------
    def fetch_page(self, article_id: int) -> None:
        """The open article's page, deferred by a refresh (max_pages_per_feed), fetched now
        off the UI thread; the reader shows it when it comes."""
        self.pages += 1
        self.host.in_thread(lambda: self._page_worker(article_id), "page")

    def _page_done(self, say: str | None = None) -> None:
        self.pages -= 1
        if say:
            self.host.say(say)

    def _page_worker(self, article_id: int) -> None:
        """In the worker thread."""
        from tui.core.refresh.lock import RefreshBusy

        call = self.host.app.call_from_thread
        try:
            fetched = self.host.desk.fetch_page(article_id)
        except RefreshBusy as error:  # never two writers: the running fetch gets the page
            call(self._page_done, "the page waits: the refresh running fetches pages; open the "
                 "article again after" if self.busy == "refresh" else
                 f"the page waits: {error}, which fetches it; what it stores shows up here")
            return
        except Exception as error:  # storage or network trouble: said, never fatal
            call(self._page_done, f"the page could not be fetched: {error}")
            return
        call(self._page_done, fetched.note)
        if fetched:
            call(self.host.reader.show_again, self.host.desk, only=article_id)

    # -- a gazetteer edit, then every article matched again (teaching.py asks for it) --
    def reanalyse(self, what: str, edit: Callable[[], object], doing: str,
                  then: Callable[[], None] = lambda: None) -> bool:
        """Apply a gazetteer edit (said as `doing` while it is checked), then re-match the
        cache, off the UI thread; `then` runs once the edit is made. `what` (said done) is
        shown only once the edit is written: a refused name must never read as added. False
        when another job runs (nothing was done)."""
        if self.busy is not None:
            self.host.say("a refresh or re-analysis is running; try again when it ends")
            return False
        self.busy = "analysis"
        self.host.say(f"{doing}…")
        self.host.in_thread(lambda: self._reanalyse_worker(what, edit, doing, then), "analyse")
        return True

    def _edited(self, what: str, then: Callable[[], None]) -> None:
        self.host.say(Said(what, _MATCHING))
        then()

    def _refused(self, error: NameTaken) -> None:
        """A name another actor goes by: nothing was written. The actor is pointed to: its
        line in the side panel is highlighted when the reader lists it."""
        self.busy = None
        self.host.stand("")  # the job ends here: its line must not outlive the refusal
        side = self.host.reader.side if self.host.reader.is_open else None
        owner = error.owners[0]
        if side is not None and side.highlight_actor(owner):
            hint = Hint(" (highlighted in the actors panel)")
        else:
            query = f"{self.host.key('filter')} actor:{owner}"
            hint = Hint(f" ({query} lists its articles)", short=f" ({query})")
        text = str(error)
        head, named, tail = text.partition(error.named) if error.named else (text, "", "")
        self.host.say(Said(head, Give(named), tail, "; nothing added", hint))

    def _reanalyse_worker(self, what: str, edit: Callable[[], object], doing: str,
                          then: Callable[[], None]) -> None:
        """In the worker thread. The standing line says `doing` until the edit is written."""
        from tui.core.actors.owners import NameTaken  # the matcher loads with the first edit

        call = self.host.app.call_from_thread
        progress = JobProgress(doing)
        call(self.host.stand, progress.line)

        def on_event(event: RefreshEvent) -> None:
            progress.follow(event)
            call(self.host.stand, progress.line)

        try:
            edit()
        except NameTaken as error:
            call(self._refused, error)
            return
        except Exception as error:  # GazetteerError, storage errors: told, never fatal
            call(self._reanalysed, f"gazetteer edit failed: {error}")
            return
        progress.what = what
        call(self._edited, what, then)
        try:
            self.host.desk.analyse_pending(on_event)
        except Exception as error:  # storage errors: told, never fatal
            call(self._reanalysed, f"{what}; re-matching failed: {error}")
            return
        call(self._reanalysed, Said(what, _MATCHED))

    def _reanalysed(self, message: str) -> None:
        self.busy = None
        self.host.stand("")
        self.after_job()
        self.host.articles.reload_keep_place()
        self.host.reader.show_again(self.host.desk)
        self.host.view_tree.recount()
        self.host.say(message)


DEMO_DOWN = "the demo site is served only while `newsdesk demo` runs ({} says how to start it)"
"""A refresh of the demo's feeds with no demo running: why every feed failed."""


def refreshed_line(feeds: list[str] | None, summary: RefreshSummary,
                   failed: list[FeedFailed], demo: bool = False, feeds_key: str = "e") -> str:
    """How a refresh went, in one status line. A refresh of one feed that failed says why
    ("0 new; 1 failed" read as if something had been fetched); `demo`: the failures are the
    demo's site not served (`demo_not_served`), which is said instead of the count's hint;
    `feeds_key`: the key that lists the feeds (`[keys]` may remap it). A `Said`: on a short
    line the feeds' names give way, and the key hint is whole, short or left out."""
    down = DEMO_DOWN.format(feeds_key)
    brief = f" ({feeds_key}: feeds)"  # a hint's short form (said.py)
    if feeds and len(feeds) == 1 and len(failed) == 1:
        why = Said(down) if demo else Said(short(failed[0].error),
                                           Hint(f" ({feeds_key} lists feeds)", brief))
        return Said(isolated(failed[0].feed), ": refresh failed: ", why)  # the name stays
    # each name a bidi isolate: a Persian name pulled the count after it into its run
    named = Give(", ".join(map(isolated, feeds))) if feeds else "all feeds"
    line = f": {summary.new_articles} new"
    if summary.updated_articles:  # corrected by their feed (a new headline: unread again)
        line += f", {summary.updated_articles} updated"
    if summary.offline:
        line += f"; all {len(failed)} failed: no host name could be resolved (offline?)"
    elif failed and demo and not summary.feeds_ok:
        return Said("refreshed ", named, f"{line}; all {len(failed)} failed: {down}")
    elif failed:
        line += f"; {len(failed)} failed"
    if summary.warnings:  # read, but not wholly: not counted as failing
        line += f"; {len(summary.warnings)} with warnings"
    if summary.pages_failed:  # as `newsdesk fetch` counts them; their feeds carry a warning
        line += f"; {counted(summary.pages_failed, 'page')} failed"
    if summary.pruned:  # keep_days: rows that leave the list say why
        line += f"; {counted(summary.pruned, 'old article')} pruned"
    hint = failed or summary.warnings or summary.pages_failed
    return Said("refreshed ", named, line, Hint(f" ({feeds_key} lists them)", brief) if hint
                else "")


def short(error: str, room: int = 90) -> str:
    """An error as a status line has room for it."""
    return error if len(error) <= room else error[:room - 1].rstrip() + "…"
