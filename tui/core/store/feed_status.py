"""Each configured feed's health as the user reads it (`feeds`, the app's feed list): the
stored rows joined with the config, and the warnings of a feed that was read but not wholly."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from tui.core.basics import from_iso, pages_failed, pages_retried, pages_waiting
from tui.core.store.articles import count_pages_due
from tui.core.store.feeds import feed_rows

TYPE_CHECKING = False  # (typing loads re, which an all-304 fetch never needs)
if TYPE_CHECKING:
    from tui.core.models import FeedLike, FeedStatus


def feed_statuses(conn: sqlite3.Connection, feeds: Sequence[FeedLike],
                  max_pages_per_feed: int) -> list[FeedStatus]:
    """Configured feeds with their health, in config order."""
    rows = {r["url"]: r for r in feed_rows(conn)}
    due = count_pages_due(conn)
    retrying = count_pages_due(conn, retrying=True)
    from tui.core.models import FeedStatus

    out = []
    for feed in feeds:
        row = rows.get(feed.url)
        failures = row["failures"] if row else 0
        stored = row["last_error"] if row else None
        failed = row["pages_failed"] if row and not failures else 0
        out.append(FeedStatus(
            name=feed.name, url=feed.url, tags=tuple(feed.tags),
            last_ok=from_iso(row["last_ok"]) if row and row["last_ok"] else None,
            last_error=stored if failures else None, failures=failures,
            item_count=row["item_count"] if row else 0,
            unread=row["unread"] if row else 0,
            warning=_warning(row, due, retrying, max_pages_per_feed),
            pages_failed=failed, articles=row["articles"] if row else 0))
    return out


def feed_warnings(conn: sqlite3.Connection, feeds: Sequence[FeedLike],
                  max_pages_per_feed: int) -> list[tuple[str, str]]:
    """(name, warning) of these feeds that have one and are not failing, in config order:
    `feed_statuses`' warnings without its unread and article counts, which a refresh's
    summary does not say (they scanned every article: 4% of an all-304 refresh)."""
    rows = {r["url"]: r for r in conn.execute(
        "SELECT id, url, failures, last_error, pages_failed, pages_deferred FROM feeds")}
    due = count_pages_due(conn)
    retrying = count_pages_due(conn, retrying=True)
    out = []
    for feed in feeds:
        row = rows.get(feed.url)
        if row is not None and row["failures"]:
            continue
        warning = _warning(row, due, retrying, max_pages_per_feed)
        if warning:
            out.append((feed.name, warning))
    return out


def _warning(row: sqlite3.Row | None, due: dict[int, int], retrying: dict[int, int],
             max_pages_per_feed: int) -> str | None:
    """What a feed read not wholly says: its stored warning (when it is not failing), pages
    that gave no text, pages waiting, pages to be tried again."""
    if row is None:
        return None
    failures = row["failures"]
    stored = row["last_error"]
    notes = [stored] if stored and not failures else []
    failed = row["pages_failed"] if not failures else 0
    if failed:
        notes.append(pages_failed(failed))
    if due.get(row["id"]):
        notes.append(pages_waiting(due[row["id"]], max_pages_per_feed,
                                   budget=bool(row["pages_deferred"])))
    if retrying.get(row["id"]):
        notes.append(pages_retried(retrying[row["id"]]))
    return "; ".join(notes) or None
