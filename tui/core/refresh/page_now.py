"""One article's page fetched outside a refresh: the reader opening an article whose page
waits, or `newsdesk show`.

Three things went wrong when this took the refresh's path whole: it held the cache's refresh
lock for the whole download (a cron fetch meanwhile exited 75 naming the reader), `show`
blocked up to 70 s on a silent server, and every `show` counted as a try, so four of them in a
minute gave a page up for good instead of after the 1 h / 6 h / 24 h schedule. Now the
download holds no lock (only analysing what it stored takes it, if free), `show` waits at
most SHOW_WAIT seconds and only for a page that is due, and only a try the schedule is due
for counts: the reader's one try out of turn stores a text that comes and nothing else."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Protocol

from tui.core.store import articles as store
from tui.core.store import page_retry

if TYPE_CHECKING:
    import sqlite3
    from pathlib import Path

    from tui.core.config.loader import Config
    from tui.core.ingest.fetch import FetchResult
    from tui.core.refresh.pool import WorkerPool
    from tui.core.refresh.stopping import StopSignal


class PageDesk(Protocol):
    """What of the Desk this uses (the Desk imports this module: no import circle)."""

    config: Config
    db_path: Path
    pages_retried: set[int]
    stopping: StopSignal

    @property
    def conn(self) -> sqlite3.Connection: ...

    def workers(self) -> WorkerPool: ...

    def analyse_pending(self) -> int: ...

SHOW_WAIT = 10.0  # seconds `show` waits for a page (connect and read 5 s each at most)
SHOW_HOLD = timedelta(minutes=15)  # a page that did not come in SHOW_WAIT: asked again after


@dataclass(frozen=True)
class PageTry:
    """What fetching a page now did; true when the page was asked for."""

    tried: bool = False
    got: bool = False  # a text was stored
    note: str | None = None  # for the user: why there is no text, or when the next try is

    def __bool__(self) -> bool:
        return self.tried


def when(moment: datetime) -> str:
    """A time as a reader of the status line or stderr wants it: local, HH:MM today."""
    local = moment.astimezone()
    if local.date() == datetime.now().astimezone().date():
        return local.strftime("%H:%M")
    return local.strftime("%d %b %H:%M")


def fetch_page(desk: PageDesk, article_id: int, *, quick: bool = False,
               on_try: Callable[[], None] = lambda: None) -> PageTry:
    """See Desk.fetch_page."""
    from tui.core.refresh.lock import holder

    article = store.get_article(desk.conn, article_id)
    if article is None or not article.url or not store.page_is_due(desk.conn, article_id):
        return PageTry()
    ahead = page_retry.next_try(desk.conn, article_id)
    if ahead is not None and (quick or article_id in desk.pages_retried):
        tries = ("it did not answer in time" if not article.page_tries else "1 failed try"
                 if article.page_tries == 1 else f"{article.page_tries} failed tries")
        return PageTry(note=f"the article's page is not fetched yet ({tries}); the next try "
                            f"is due at {when(ahead)}" if quick else None)
    if ahead is None:  # due: a fetch running elsewhere gets it (never two fetching it)
        busy = holder(desk.db_path.parent)
        if busy is not None:
            raise busy
    desk.pages_retried.add(article_id)
    on_try()
    page, stored = _download(desk, article_id, article.url, article.feeds, quick, ahead is None)
    if page is None:  # stopped
        return PageTry()
    if stored:
        _analyse(desk)
        return PageTry(tried=True, got=True)
    if not page.error and not store.page_is_due(desk.conn, article_id):
        return PageTry(tried=True)  # no text in the page (said in the article), or another
        # fetch stored it meanwhile
    error = page.error or "no text found in the page"
    if quick and _timed_out(page):
        again = page_retry.hold_off(desk.conn, article_id, SHOW_HOLD)
        return PageTry(tried=True, note=f"the page did not come within {SHOW_WAIT:g} s; not "
                                        "counted as a try; asked again from "
                                        f"{when(again)} (show answers at once until then)")
    return PageTry(tried=True, note=f"the page could not be fetched: {error}")


def _timed_out(page: FetchResult) -> bool:
    return (page.error or "").startswith("timed out")


def _download(desk: PageDesk, article_id: int, url: str, feeds: Sequence[str], quick: bool,
              due: bool) -> tuple[FetchResult | None, bool]:
    """Fetch, extract and (as the schedule allows) write the page, holding no lock: its
    answer (None when stopped) and whether a text was stored."""
    from tui.core.ingest.addresses import LinkPolicy
    from tui.core.ingest.fetch import Fetcher
    from tui.core.refresh.pipeline import Refresh

    settings = desk.config.settings
    urls = [f.url for f in desk.config.feeds if f.name in feeds]
    policy = LinkPolicy.for_feeds(urls, settings.allow_private_links)
    fetcher = None
    if quick:
        fetcher = Fetcher(concurrency=1, per_host=1,
                          connect_timeout=min(settings.connect_timeout, SHOW_WAIT / 2),
                          read_timeout=min(settings.read_timeout, SHOW_WAIT / 2))
        fetcher.deadline = SHOW_WAIT

    def counts(page: FetchResult) -> bool:
        return due and not (quick and _timed_out(page))

    run = Refresh(desk.conn, desk.config, [], {}, pool=desk.workers(), extract=True,
                  on_event=lambda _e: None, stopping=desk.stopping, fetcher=fetcher)
    answers = asyncio.run(run.pages_now([(article_id, url, policy)], counts))
    return answers.get(article_id), run.summary.extracted > 0


def _analyse(desk: PageDesk) -> None:
    """Actors and links for the stored text, unless a fetch runs: it analyses it itself."""
    from tui.core.refresh.lock import lock_if_free

    with lock_if_free(desk.db_path.parent) as free:
        if free:
            desk.analyse_pending()
