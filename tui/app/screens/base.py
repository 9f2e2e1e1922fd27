"""What the main screen's parts share: the Desk, the config, the panes, the status line.

`MainScreen` is assembled from mixins (triage, refresh, query bar), each a subclass of
`DeskScreen`, so each part is typed against the same attributes and helpers.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable
from typing import Any

from rich.text import Text
from textual import work
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Static

from tui.app.paging import Pager
from tui.app.views import UNREAD, ViewSpec, combine, load_groups, title_of
from tui.app.widgets.article_list import ArticleList
from tui.app.widgets.reader import Reader
from tui.app.widgets.view_tree import ViewTree


def guarded(method: Callable[..., None]) -> Callable[..., None]:
    """Turn a storage failure (database locked, disk full) into a status message
    instead of a crash: the user's state is whatever the Desk committed."""

    @functools.wraps(method)
    def wrapper(self: Any, *args: Any, **kwargs: Any) -> None:
        try:
            method(self, *args, **kwargs)
        except (sqlite3.Error, OSError) as error:
            self.say(f"storage error: {error}")
            self.app.bell()

    return wrapper


class DeskScreen(Screen[None]):
    """State and helpers shared by the parts of the main screen."""

    def __init__(self, desk: Any, config: Any) -> None:
        super().__init__()
        self.desk = desk
        self.config = config
        self.view: ViewSpec = UNREAD
        self.filter_query = ""
        self.search_text = ""
        self.input_mode: str | None = None  # "filter" | "search" while the bar is open
        self.undo_stack: list[tuple[str, list[int]]] = []
        self.message = ""
        self.outside_view: int | None = None  # id of an article the reader shows that
        # is not in the list (opened from the related panel or a story step)
        self._tree_timer: Timer | None = None

    @property
    def articles(self) -> ArticleList:
        return self.query_one(ArticleList)

    @property
    def reader(self) -> Reader:
        return self.query_one(Reader)

    @property
    def view_tree(self) -> ViewTree:
        return self.query_one(ViewTree)

    @property
    def reader_open(self) -> bool:
        return bool(self.reader.display)

    # -- views and the list --------------------------------------------------------------
    @property
    def current_query(self) -> str:
        return combine(self.view.query, self.filter_query, self.search_text)

    def load_view(self, view: ViewSpec) -> bool:
        """Show `view` (with the active filter/search); False on a bad query."""
        try:
            pager = Pager(self.desk, combine(view.query, self.filter_query, self.search_text))
        except Exception as error:  # QueryError and friends go to the user
            self.show_query_error(error)
            return False
        self.view = view
        self.articles.empty_text = f"No articles in {view.label}." + (
            "" if self.filter_query or self.search_text else "  R refreshes the feeds.")
        self.articles.set_pager(pager)
        self.update_status()
        return True

    def reshow_reader(self) -> None:
        """After analysis changed what the open article's side panel lists."""
        article = self.reader.article
        if self.reader_open and article is not None:
            fresh = self.desk.article(article.id)
            if fresh is not None:
                self.reader.show(fresh, self.desk, keep_scroll=True)

    def on_reader_page_wanted(self, message: Reader.PageWanted) -> None:
        self._fetch_page(message.article_id)

    @work(thread=True, group="page", exit_on_error=False)
    def _fetch_page(self, article_id: int) -> None:
        """The open article's page, deferred by a refresh, fetched now; shown when it comes."""
        try:
            fetched = self.desk.fetch_page(article_id)
        except Exception as error:  # storage or network trouble: said, never fatal
            self.app.call_from_thread(self.say, f"the page could not be fetched: {error}")
            return
        if fetched:
            self.app.call_from_thread(self._page_fetched, article_id)

    def _page_fetched(self, article_id: int) -> None:
        article = self.reader.article
        if self.reader_open and article is not None and article.id == article_id:
            self.reshow_reader()

    def refresh_tree(self) -> None:
        """Recount the tree off the UI thread (counts over 50k rows take ~100 ms)."""
        self._load_tree()

    @work(thread=True, group="tree", exclusive=True, exit_on_error=False)
    def _load_tree(self) -> None:
        groups = load_groups(self.desk, self.config)
        self.app.call_from_thread(self.view_tree.fill, groups, self.view)

    def schedule_tree_refresh(self) -> None:
        """Recount the tree soon, once for a burst of changes (counts cost queries)."""
        timer = getattr(self, "_tree_timer", None)
        if timer is not None:
            timer.stop()
        self._tree_timer = self.set_timer(0.4, self.refresh_tree, name="tree-counts")

    def update_status(self) -> None:
        pager = self.articles.pager
        total = len(pager) if pager else 0
        text = Text()
        text.append(title_of(self.view), "bold")
        if self.filter_query:
            text.append(f"  f:{self.filter_query}")
        if self.search_text:
            text.append(f"  /{self.search_text}")
        text.append(f"  {self.articles.cursor + 1 if total else 0}/{total}")
        if self.message:
            text.append("  " + self.message)
        self.query_one("#status", Static).update(text)

    def say(self, message: str) -> None:
        self.message = message
        self.update_status()

    def show_query_error(self, error: Exception) -> None:
        column = getattr(error, "column", None)
        where = f" (column {column})" if column is not None else ""
        self.say(f"query error{where}: {getattr(error, 'message', None) or error}")
