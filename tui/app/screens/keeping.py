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
        host = self.host
        query = host.current_query
        count = host.desk.count(query)
        if not count:
            host.say("nothing listed to export")
            return
        label = title_of(host.view) + (f", {query}" if query != host.view.query else "")
        path = f"~/newsdesk-{slug(host.view.label)}.md"
        host.app.push_screen(ExportDialog(label, count, path),
                             lambda answer: self._export(answer, query, count))

    def _export(self, answer: tuple[str, str] | None, query: str, count: int) -> None:
        if answer is None:
            return
        path, fmt = answer
        target = Path(path).expanduser()
        host = self.host
        counted = f"{count} article{'s' if count != 1 else ''}"
        host.say(f"exporting {counted} to {target}…")

        def work() -> None:  # in a worker thread: a big view takes a while
            try:
                text = host.desk.export(query, fmt)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8")
            except (OSError, QueryError, ValueError, sqlite3.Error) as error:
                host.app.call_from_thread(host.warn, f"export failed: {error}")
                return
            host.app.call_from_thread(host.say, f"exported {counted} ({fmt}) to {target}")

        host.in_thread(work, "export")
