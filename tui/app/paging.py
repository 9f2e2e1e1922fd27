"""A lazily paged, stable view of one article query.

The article list may hold 50k rows, so rows come from SQLite a page at a time
(`desk.articles(query, limit, offset)`). The list must not jump while the user works:
an article marked read in the Unread view stays where it is until the view is reloaded.
Rows that have left the query since the last load are remembered as "departed" indices,
and later pages are fetched at an offset corrected by the departures before them.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from tui.core.models import ArticleRow

if TYPE_CHECKING:
    from tui.core.desk import Desk

PAGE = 100
FEW = 2000
"""Up to this many ids, `Pager.listed` asks SQLite about them alone; more are checked against
every id of the query (one ordered scan beats an IN list of 50k: 95 against 360 ms)."""


def changed(row: ArticleRow, *, read: bool | None = None, saved: bool | None = None,
            dismissed: bool | None = None, tags: tuple[str, ...] | None = None) -> ArticleRow:
    """`row` with the flags or tags a Desk call just changed (None: unchanged)."""
    return dataclasses.replace(
        row, read=row.read if read is None else read,
        saved=row.saved if saved is None else saved,
        dismissed=row.dismissed if dismissed is None else dismissed,
        tags=row.tags if tags is None else tags)


class Pager:
    """Rows of one view, fetched in pages; indices stay put across mutations."""

    def __init__(self, desk: Desk, query: str, *, page: int = PAGE) -> None:
        self.desk = desk
        self.query = query
        self.page_size = page
        self._rows: dict[int, ArticleRow] = {}
        self._pages: set[int] = set()
        self._departed: list[int] = []  # sorted display indices no longer in the query
        self._live = 0
        self.reload()

    # -- loading -------------------------------------------------------------------------
    def reload(self) -> None:
        """Forget every cached row and count the query again (may raise QueryError)."""
        self._live = self.desk.count(self.query)
        self._rows.clear()
        self._pages.clear()
        self._departed.clear()

    def soft_reload(self) -> int:
        """Re-read rows (tags or flags may have changed) but keep departed rows in place.

        Returns how many rows the query gained; when it gained any, a full `reload` is
        done instead, since new rows may sit anywhere in the order."""
        live = self.desk.count(self.query)
        grown = live - self._live
        if grown != 0:
            self.reload()
            return grown
        departed = {i: self._rows[i] for i in self._departed if i in self._rows}
        self._rows = departed
        self._pages.clear()
        return 0

    def _fetch(self, offset: int, limit: int) -> list[ArticleRow]:
        return self.desk.articles(self.query, limit=limit, offset=offset)

    def _load_page(self, page: int) -> None:
        size = self.page_size
        start = page * size
        db_offset = start - bisect.bisect_left(self._departed, start)
        rows = self._fetch(db_offset, size)
        index = start
        for row in rows:
            while index in self._rows and index < start + size:
                index += 1  # a departed row kept from an earlier page fill
            if index >= start + size:
                break
            self._rows[index] = row
            index += 1
        self._pages.add(page)

    # -- reading -------------------------------------------------------------------------
    def __len__(self) -> int:
        return self._live + len(self._departed)

    def row(self, index: int) -> ArticleRow | None:
        """The row at `index`, fetching its page on first use."""
        if index < 0 or index >= len(self):
            return None
        if index not in self._rows:
            page = index // self.page_size
            if page not in self._pages:
                self._load_page(page)
        return self._rows.get(index)

    def rows(self, start: int, stop: int) -> Iterator[tuple[int, ArticleRow]]:
        for index in range(max(0, start), min(stop, len(self))):
            row = self.row(index)
            if row is not None:
                yield index, row

    def cached(self) -> Iterator[tuple[int, ArticleRow]]:
        return iter(sorted(self._rows.items()))

    def ids(self) -> list[int]:
        """Every row's article id in display order, as `E` exports them: the query's rows
        with the departed ones (read in Unread, still shown) in their places."""
        live = iter(self.desk.ids(self.query))
        departed = set(self._departed)
        out: list[int] = []
        for index in range(len(self)):
            kept = self._rows.get(index) if index in departed else None
            article_id = kept.id if kept is not None else next(live, None)
            if article_id is not None:
                out.append(article_id)
        return out

    def listed(self, ids: set[int]) -> set[int]:
        """Which of `ids` the list has: rows the query has now, and rows that left it but are
        still drawn in their places (read in Unread) until the next reload."""
        drawn = {row.id for i in self._departed if (row := self._rows.get(i)) is not None}
        live = set(self.desk.ids(self.query)) if len(ids) > FEW else \
            self.desk.matching(self.query, sorted(ids))
        return ids & (live | drawn)

    def index_of(self, article_id: int) -> int | None:
        for index, row in self._rows.items():
            if row.id == article_id:
                return index
        return None

    def find(self, start: int, step: int, pred: Callable[[ArticleRow], bool]) -> int | None:
        """First index from `start` (exclusive) in direction `step` whose row matches."""
        index = start + step
        while 0 <= index < len(self):
            row = self.row(index)
            if row is not None and pred(row):
                return index
            index += step
        return None

    # -- mutation ------------------------------------------------------------------------
    def update(self, index: int, *, read: bool | None = None, saved: bool | None = None,
               dismissed: bool | None = None, tags: tuple[str, ...] | None = None) -> None:
        """Replace the cached row at `index` after a Desk call changed it, and note
        whether it left (or came back into) the query, by counting again."""
        row = self._rows.get(index)
        if row is None:
            return
        self._rows[index] = changed(row, read=read, saved=saved, dismissed=dismissed, tags=tags)
        live = self.desk.count(self.query)
        if live < self._live and index not in self._departed:
            bisect.insort(self._departed, index)
        elif live > self._live and index in self._departed:
            self._departed.remove(index)
        self._live = live

    def anchor(self, index: int) -> tuple[int, int] | None:
        """(article id, display index) of the row to hold in place across a reload: the
        row at `index`, or when it has left the view, the nearest one after (or before)
        it that is still in. Only rows in memory are considered."""
        for i in [*range(index, len(self)), *range(index - 1, -1, -1)]:
            if i in self._departed:
                continue
            row = self._rows.get(i)
            return None if row is None else (row.id, i)
        return None

    def departed_before(self, index: int) -> int:
        return bisect.bisect_left(self._departed, index)

    def locate(self, article_id: int, near: int, spread: int) -> int | None:
        """Index of `article_id` within `spread + 3` rows of `near` after a reload: a refresh
        inserts rows before it; a prune, or triage from elsewhere, takes rows away."""
        start = max(0, near - spread - 3)
        for offset, row in enumerate(self._fetch(start, near - start + spread + 4)):
            if row.id == article_id:
                return start + offset
        return None

    def find_unread(self, cursor: int, step: int) -> int | None:
        """The next (step 1) or previous (-1) unread row from `cursor`, or None."""
        from tui.app.views import UNREAD, combine

        if self.desk.count(combine(self.query, UNREAD.query)) == 0:
            # Nothing unread in the database: look only at rows already in memory (a row
            # marked unread here may have left this view), never page through 50k rows.
            cached = [i for i, row in self.cached() if not row.read and (i - cursor) * step > 0]
            return (min(cached) if step > 0 else max(cached)) if cached else None
        return self.find(cursor, step, lambda row: not row.read)
