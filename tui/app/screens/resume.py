"""The reader keeps the user's place across a quit: the view listed and the article in hand
(open in the reader, when it was), written to the cache as the app exits and taken up after
the first list is drawn, as a news desk picks up where the reader left off.

Only what still exists comes back: a feed or saved view still in feeds.toml, a tag, story or
actor that still lists articles; else the start is the usual one (Unread, or All). An
article the view no longer lists (read in Unread) keeps its place in the list, and when it
was open it opens again; one left unread is selected, not opened, so the start never marks
an article read. A search or filter is not kept: the list starts whole.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Any

from tui.app.views import ALL, SAVED, UNREAD, ViewSpec, feed_view

if TYPE_CHECKING:
    from tui.app.screens.host import Host
    from tui.app.screens.reading import Reading
    from tui.app.screens.trail import Trail

TOP = {"all": ALL, "unread": UNREAD, "saved": SAVED}


class Resume:
    """Keeps the place at exit (`keep`) and takes it up at start (`restore`)."""

    def __init__(self, host: Host, trail: Trail, reading: Reading) -> None:
        self.host, self.trail, self.reading = host, trail, reading

    def place(self) -> dict[str, Any]:
        host = self.host
        view, reader = host.view, host.reader
        if reader.is_open and reader.article is not None:
            article: int | None = reader.article.id
        else:
            row = host.articles.current
            article = row.id if row is not None else None
        return {"view": {"kind": view.kind, "label": view.label, "query": view.query,
                         "feed": view.feed, "ref": view.ref},
                "article": article, "reading": bool(reader.is_open and article is not None)}

    def keep(self) -> None:
        """As the app exits; a failure (a locked or full disk) only loses the place."""
        with contextlib.suppress(Exception):
            self.host.desk.keep_reader_place(self.place())

    def restore(self) -> None:
        """After the first list is drawn: one row read, then the view the user had."""
        host = self.host
        try:
            place = host.desk.reader_place()
        except Exception:
            return
        if not place:
            return
        view = self._view(place.get("view"))
        if view is not None and (view.kind, view.query) != (host.view.kind, host.view.query):
            self.trail.to_view(view)  # as chosen in the tree: any but All and Unread a level
            # down from the start (a saved view too, made by V or not), so q goes back there
        article = place.get("article")
        if isinstance(article, int) and not isinstance(article, bool):
            self._article(article, bool(place.get("reading")))

    def _view(self, saved: object) -> ViewSpec | None:
        """The view kept, if it still lists what it did."""
        if not isinstance(saved, dict):
            return None
        kind, query = saved.get("kind"), saved.get("query")
        label, ref = saved.get("label"), saved.get("ref")
        host = self.host
        if kind in TOP:
            return None if kind == "unread" and host.view.kind != "unread" else TOP[kind]
        if not isinstance(query, str) or not isinstance(label, str):
            return None
        if kind == "feed":
            names = {feed.name for feed in host.desk.config.feeds}
            return feed_view(label) if label in names else None
        if kind == "query":
            listed = any(v.name == label and v.query == query for v in host.config.views)
            return ViewSpec("query", label, query) if listed else None
        if kind in ("tag", "story", "actor"):
            view = ViewSpec(kind, label, query, ref=ref if isinstance(ref, str) else None)
            try:
                return view if host.desk.count(query) else None
            except Exception:  # a query this version no longer reads
                return None
        return None

    def _article(self, article_id: int, reading: bool) -> None:
        host = self.host
        article = host.desk.article(article_id)
        if article is None:  # pruned since
            return
        listed = host.articles.select(article_id)
        if not listed:
            with contextlib.suppress(Exception):
                host.articles.go(host.desk.count(host.current_query, before=article_id))
        if reading and (article.read or not host.config.settings.mark_read_on_open):
            self.reading.open(article_id, None)
        host.update_status()
