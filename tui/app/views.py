"""What the left pane offers: views, each a query in the CLI's query language.

Kept free of Textual so the mapping from a view to its query is one small, testable
function. Counts come from the Desk.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


def quote(value: str) -> str:
    """A value as one query-language term (quoted when it holds spaces or quotes)."""
    if value and all(c.isalnum() or c in "-_.:/" for c in value):
        return value
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


@dataclass(frozen=True, slots=True)
class ViewSpec:
    """One entry of the view tree."""

    kind: str  # all | unread | saved | tag | feed | query | story | actor | placeholder
    label: str
    query: str = ""
    feed: str | None = None
    failed: bool = False

    @property
    def selectable(self) -> bool:
        return self.kind != "placeholder"


ALL = ViewSpec("all", "All", "")
UNREAD = ViewSpec("unread", "Unread", "is:unread")
SAVED = ViewSpec("saved", "Saved", "is:saved")


def tag_view(tag: str) -> ViewSpec:
    return ViewSpec("tag", tag, f"tag:{quote(tag)}")


def feed_view(name: str, failed: bool = False) -> ViewSpec:
    return ViewSpec("feed", name, f"feed:{quote(name)}", feed=name, failed=failed)


def combine(*parts: str) -> str:
    """AND several queries; empty parts vanish."""
    kept = [p.strip() for p in parts if p and p.strip()]
    if len(kept) <= 1:
        return kept[0] if kept else ""
    return " ".join(f"({p})" for p in kept)


@dataclass(slots=True)
class ViewGroups:
    """Everything the tree shows, read from the Desk in one go."""

    top: list[tuple[ViewSpec, int]]
    tags: list[tuple[ViewSpec, int]]
    feeds: list[tuple[ViewSpec, int]]
    saved_views: list[ViewSpec]
    stories: list[ViewSpec] | None
    actors: list[ViewSpec] | None


def _safe_count(desk: Any, query: str) -> int:
    try:
        return int(desk.count(query))
    except Exception:  # a bad saved query must not break the tree
        return 0


def load_groups(desk: Any, config: Any) -> ViewGroups:
    """Read views and unread counts from the Desk."""
    top = [(view, _safe_count(desk, combine(view.query, UNREAD.query)))
           for view in (ALL, UNREAD, SAVED)]
    tags = []
    for tag, _total in desk.all_tags():
        view = tag_view(tag)
        tags.append((view, _safe_count(desk, combine(view.query, UNREAD.query))))
    feeds = []
    for status in desk.feeds():
        failed = bool(status.last_error)
        feeds.append((feed_view(status.name, failed), int(status.unread)))
    saved_views = [ViewSpec("query", v.name, v.query) for v in getattr(config, "views", ())]
    stories = _stories(desk)
    actors = _actors(desk)
    return ViewGroups(top, tags, feeds, saved_views, stories, actors)


def _stories(desk: Any) -> list[ViewSpec] | None:
    if not hasattr(desk, "stories"):
        return None
    try:
        items = list(desk.stories())[:50]
    except Exception:  # a half-built analysis must not break the tree
        return []
    views = []
    for story in items:
        sid = getattr(story, "id", None)
        label = getattr(story, "label", None) or f"story {sid}"
        size = len(getattr(story, "article_ids", ()) or ())
        views.append(ViewSpec("story", f"{label} ({size})" if size else str(label),
                              f"story:{sid}"))
    return views


def _actors(desk: Any) -> list[ViewSpec] | None:
    if not hasattr(desk, "top_actors"):
        return None
    try:  # all time: a fixed archive (or the demo) has nothing "this week"
        items = list(desk.top_actors(days=None, limit=50))
    except Exception:
        return []
    views = []
    for item in items:
        actor, count = item if isinstance(item, tuple) else (item, None)
        actor_id = getattr(actor, "id", None) or str(actor)
        name = getattr(actor, "name", None) or str(actor_id)
        label = f"{name} ({count})" if count else str(name)
        views.append(ViewSpec("actor", label, f"actor:{quote(str(actor_id))}"))
    return views
