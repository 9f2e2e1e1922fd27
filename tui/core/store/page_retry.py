"""Failed pages tried again: a page whose fetch failed for a reason that passes (a 5xx, a
dropped connection, a timeout) stays due, each new try later than the last, so one network
blip in a cron run does not leave its articles with the feed's summary for good."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta

from tui.core.basics import REFUSED_PAGE, from_iso, to_iso, utcnow
from tui.core.store.write_turns import transaction

# The wait before each further try, after 1, 2, 3, 4 failed tries; then the page is given up.
WAITS = (timedelta(0), timedelta(hours=1), timedelta(hours=6), timedelta(hours=24))
MAX_TRIES = len(WAITS) + 1


def retry_later(conn: sqlite3.Connection, article_id: int, error: str) -> str:
    """Count a failed try of this page: due again after its wait, or given up after
    MAX_TRIES. Returns the error as it is kept (a given-up page says so)."""
    row = conn.execute("SELECT page_tries FROM articles WHERE id = ?", (article_id,)).fetchone()
    tries = (row[0] if row else 0) + 1
    if tries >= MAX_TRIES:
        conn.execute("UPDATE articles SET page_due = 0, page_tries = ?, page_retry_at = NULL "
                     "WHERE id = ?", (tries, article_id))
        return f"{error} (given up after {tries} tries)"
    conn.execute("UPDATE articles SET page_due = 1, page_tries = ?, page_retry_at = ? "
                 "WHERE id = ?", (tries, to_iso(utcnow() + WAITS[tries - 1]), article_id))
    return f"{error} (tried {tries} of {MAX_TRIES} times; later refreshes try again)"


def page_got(conn: sqlite3.Connection, article_id: int) -> None:
    """The page gave a text: its failed tries are history."""
    conn.execute("UPDATE articles SET page_tries = 0 WHERE id = ? AND page_tries > 0",
                 (article_id,))


def allowed_again(conn: sqlite3.Connection) -> bool:
    """Pages a link policy refused (no text, an error that starts with REFUSED_PAGE): due
    again at once, with no failed tries. For when `allow_private_links`
    was set since: a refusal is not a failure that passes, so nothing else would ask again.
    True when there were some (a write only then)."""
    ids = [r[0] for r in conn.execute(
        "SELECT id FROM articles WHERE page_due = 0 AND url IS NOT NULL "
        "AND coalesce(body_source, '') <> 'page' AND substr(extract_error, 1, ?) = ?",
        (len(REFUSED_PAGE), REFUSED_PAGE))]
    if ids:
        with transaction(conn):
            conn.executemany("UPDATE articles SET page_due = 1, page_tries = 0, "
                             "page_retry_at = NULL WHERE id = ?", [(i,) for i in ids])
    return bool(ids)


def next_try(conn: sqlite3.Connection, article_id: int) -> datetime | None:
    """When this failed page is due again, while that is still ahead."""
    row = conn.execute("SELECT page_retry_at FROM articles WHERE id = ? AND page_due = 1 "
                       "AND page_retry_at > ?", (article_id, to_iso(utcnow()))).fetchone()
    return from_iso(row[0]) if row else None


def hold_off(conn: sqlite3.Connection, article_id: int, wait: timedelta) -> datetime:
    """A page that did not answer `show` in time: not a counted try (a slow server is no
    failing one), but not asked again before `wait` is over, by `show` or a fetch, so each
    `show` meanwhile answers at once. Returns when it is due again."""
    until = utcnow() + wait
    with transaction(conn):
        conn.execute("UPDATE articles SET page_retry_at = ? WHERE id = ? AND page_due = 1 "
                     "AND (page_retry_at IS NULL OR page_retry_at < ?)",
                     (to_iso(until), article_id, to_iso(until)))
    return until
