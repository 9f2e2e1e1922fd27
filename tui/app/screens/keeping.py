"""Keeping what the list shows: as a saved view in feeds.toml (`V`), or as a dossier file
(`E`, Markdown, HTML or JSON, as `newsdesk export` writes)."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from pathlib import Path

from tui.app.screens.dialogs import ExportDialog, TextDialog
from tui.app.screens.host import Host, guarded
from tui.app.views import ViewSpec, combine, title_of
from tui.core.config.loader import Config, ConfigError
from tui.core.query import QueryError
from tui.core.words import counted


def slug(label: str) -> str:
    """A view's label as part of a file name."""
    return re.sub(r"[^\w]+", "-", label.lower(), flags=re.UNICODE).strip("-")[:40] or "view"


class Keeping:
    """Save the list's query as a view; export the articles listed."""

    def __init__(self, host: Host, use_config: Callable[[Config], object]) -> None:
        self.host = host
        self.use_config = use_config
        """Puts feeds.toml as read back after a save in use, as R's re-read does."""

    def warn(self, message: str) -> None:
        self.host.warn(message)

    def saved_query(self) -> str:
        """The view with its filter and search (`l` is a way of looking, not saved)."""
        host = self.host
        return combine(host.view.query, host.filter_query, host.search_text)

    def save_view(self) -> None:
        host = self.host
        query = self.saved_query()
        if not query:
            host.say("nothing to save: filter (f) or search (/) first")
            return
        where = host.config.path
        if where is None:
            host.say("no feeds.toml to save a view in (start newsdesk with --config FILE)")
            return
        host.app.push_screen(
            TextDialog("Save as a view", f"Query: {query}\nEnter adds it as a [[view]] to {where}; "
                       "it shows under Views in the tree.", "a name, e.g. Iran this week"),
            lambda name: self._save(name, query))

    @guarded
    def _save(self, name: str | None, query: str) -> None:
        if not name:
            return
        host = self.host
        try:
            config = host.desk.save_view(name, query)
        except (QueryError, ConfigError) as error:
            host.say(f"view not saved: {error}")
            return
        self.use_config(config)  # with whatever else was edited in the file meanwhile
        host.view = ViewSpec("query", name, query)
        host.filter_query = host.search_text = ""
        host.reload_view()
        host.say(f"saved the view {name!r} ({query})")

    @guarded
    def export_view(self) -> None:
        """The rows the list shows, not the query run again: an article read in Unread is
        still listed, so it is in the dossier too."""
        host = self.host
        pager = host.articles.pager
        count = len(pager) if pager is not None else 0
        if pager is None or not count:
            host.say("nothing listed to export")
            return
        query = pager.query
        label = title_of(host.view) + (f", {query}" if query != host.view.query else "")
        path = f"~/newsdesk-{slug(host.view.label)}.md"
        host.app.push_screen(ExportDialog(label, count, path),
                             self._export)

    @guarded
    def _export(self, answer: tuple[str, str] | None) -> None:
        host = self.host
        pager = host.articles.pager
        if answer is None or pager is None:
            return
        path, fmt = answer
        target = Path(path).expanduser()
        query, ids = pager.query, pager.ids()  # as listed now (the list may have reloaded)
        count = counted(len(ids), 'article')
        host.say(f"exporting {count} to {target}…")

        def work() -> None:  # in a worker thread: a big view takes a while
            try:
                text = host.desk.export(query, fmt, ids)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8")
            except (OSError, QueryError, ValueError, sqlite3.Error) as error:
                host.app.call_from_thread(host.warn, f"export failed: {error}")
                return
            host.app.call_from_thread(host.say, f"exported {count} ({fmt}) to {target}")

        host.in_thread(work, "export")
