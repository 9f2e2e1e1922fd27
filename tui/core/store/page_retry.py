"""Failed pages tried again: a page whose fetch failed for a reason that passes (a 5xx, a
dropped connection, a timeout) stays due, each new try later than the last, so one network
blip in a cron run does not leave its articles with the feed's summary for good."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

from tui.core.models import to_iso, utcnow

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


def refused_pages(conn: sqlite3.Connection, refusal: str,
                  article_id: int | None = None) -> list[int]:
    """Articles without a page text whose page a link policy refused (their error starts
    with `refusal`): not due, and never tried again unless the policy changes."""
    return [r[0] for r in conn.execute(
        "SELECT id FROM articles WHERE page_due = 0 AND url IS NOT NULL "
        "AND coalesce(body_source, '') <> 'page' AND substr(extract_error, 1, ?) = ? "
        "AND (? IS NULL OR id = ?)", (len(refusal), refusal, article_id, article_id))]


def due_again(conn: sqlite3.Connection, ids: list[int]) -> None:
    """These pages are due at once, with no failed tries (what kept them out has gone)."""
    conn.executemany("UPDATE articles SET page_due = 1, page_tries = 0, page_retry_at = NULL "
                     "WHERE id = ?", [(i,) for i in ids])
