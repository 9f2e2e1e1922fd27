"""What the left pane offers: views, each a query in the CLI's query language.

Kept free of Textual so the mapping from a view to its query is one small, testable
function. Counts come from the Desk.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.cells import cell_len, set_cell_size

from tui.core.query import QueryError
from tui.core.words import counted

if TYPE_CHECKING:
    from tui.core.actors.gazetteer import Actor
    from tui.core.config.loader import Config
    from tui.core.desk import Desk
    from tui.core.store.coverage import Story

from tui.core.query.parse import quote  # names in any script round-trip through feed:/tag:


@dataclass(frozen=True, slots=True)
class ViewSpec:
    """One entry of the view tree."""

    kind: str  # all | unread | saved | tag | feed | query | story | actor | placeholder | more
    label: str
    query: str = ""
    feed: str | None = None
    failed: bool = False  # a feed whose last refresh failed
    warned: bool = False  # a feed read, but not wholly (cut off, malformed, pages waiting)
    ref: str | None = None  # the actor id or story id of an actor or story view
    count: int | None = None  # an actor's articles: after its name, never cut ("Iran (22)")

    @property
    def selectable(self) -> bool:
        """A view to list; not a group's title, nor the "… N more" row (`ref`: the group,
        which it unfolds in full)."""
        return self.kind not in ("placeholder", "more")


ALL = ViewSpec("all", "All", "")
UNREAD = ViewSpec("unread", "Unread", "is:unread")
SAVED = ViewSpec("saved", "Saved", "is:saved")


def tag_view(tag: str) -> ViewSpec:
    return ViewSpec("tag", tag, f"tag:{quote(tag)}")


def feed_view(name: str, failed: bool = False, warned: bool = False) -> ViewSpec:
    return ViewSpec("feed", name, f"feed:{quote(name)}", feed=name, failed=failed,
                    warned=warned and not failed)


def combine(*parts: str) -> str:
    """AND several queries; empty parts vanish."""
    kept = [p.strip() for p in parts if p and p.strip()]
    if len(kept) <= 1:
        return kept[0] if kept else ""
    return " ".join(f"({p})" for p in kept)


Counted = tuple[ViewSpec, int, int]
"""A view with its unread and total counts (newsboat's 43/49)."""

TREE_CAP = 50
"""The Stories and Actors groups list this many; a last row says how many more there are."""


@dataclass(slots=True)
class ViewGroups:
    """Everything the tree shows, read from the Desk in one go."""

    top: list[Counted]
    tags: list[Counted]
    feeds: list[Counted]
    saved_views: list[Counted]
    stories: list[Counted] | None
    actors: list[ViewSpec] | None
    actors_span: str = "all time"  # "7 days" when the last week had mentions
    stories_more: int = 0
    actors_more: int = 0


def _safe_count(desk: Desk, query: str) -> int:
    try:
        return desk.count(query)
    except QueryError:  # a bad saved query must not break the tree
        return 0


def _counted(desk: Desk, view: ViewSpec) -> Counted:
    return view, _safe_count(desk, combine(view.query, UNREAD.query)), \
        _safe_count(desk, view.query)


def load_groups(desk: Desk, config: Config, in_full: frozenset[str] = frozenset()
                ) -> ViewGroups:
    """Read views with their unread and total counts from the Desk; the groups named in
    `in_full` ("stories", "actors") uncapped, as asked for on their "… N more" row."""
    top = [_counted(desk, view) for view in (ALL, UNREAD, SAVED)]
    tags = [(view, _safe_count(desk, combine(view.query, UNREAD.query)), total)
            for view, total in ((tag_view(tag), total) for tag, total in desk.all_tags())]
    feeds = [(feed_view(status.name, bool(status.failures), bool(status.warning)),
              status.unread, _safe_count(desk, feed_view(status.name).query))
             for status in desk.feeds()]
    saved_views = [_counted(desk, ViewSpec("query", v.name, v.query)) for v in config.views]
    stories, stories_more = _stories(desk, "stories" in in_full)
    actors, days, actors_more = _actors(desk, "actors" in in_full)
    return ViewGroups(top, tags, feeds, saved_views, stories, actors,
                      f"{days} days" if days else "all time", stories_more, actors_more)


def story_view(story: Story) -> ViewSpec:
    """A story's articles (the list is newest first, like every view), labelled like a
    dateline (the Desk's order): "Moscow · Pezeshkian, Putin · 17-18 Jan 2025 · 4 outlets"."""
    outlets = len(story.outlets)
    label = f"{story.label} · {counted(outlets, 'outlet')}"
    return ViewSpec("story", label, f"story:{story.id}", ref=str(story.id))


STORY_PEOPLE_FLOOR = 5
"""The people of a cut story label keep this many columns ("Shoi…") or go altogether."""
_YEAR = re.compile(r" \d{4}\b")


def story_line(label: str, room: int, people: bool = False) -> str:
    """A story's tree label in `room` columns, keeping what tells stories apart: the place
    and the dates, cut in the middle ("Tehran · Shoigu, P… · 5-6 Aug"). What goes, in turn:
    the outlet count, the year, the people's end, the people, then the place's end.
    `people`: for a story that would read as another (same place, same days), the people
    stay before the place does ("Haniyeh, Pez… · 30-31 Jul")."""
    parts, (head, middle, dates) = _story_parts(label)
    tries = [label, " · ".join(parts)]
    if dates:
        tries.append(" · ".join(p for p in (head, middle, dates) if p))
    for line in tries:
        if cell_len(line) <= room:
            return line
    tail = f" · {dates}" if dates else ""
    if middle and people and cell_len(f"{head} · {middle}{tail}") > room:
        left = room - cell_len(tail)
        if left >= STORY_PEOPLE_FLOOR:
            return cut(middle, left) + tail
    if middle:
        left = room - cell_len(f"{head} ·  · {dates}" if dates else f"{head} · ")
        if left >= STORY_PEOPLE_FLOOR:
            return f"{head} · {cut(middle, left)}{tail}"
    if cell_len(head + tail) <= room:
        return head + tail
    if room - cell_len(tail) >= 4:
        return cut(head, room - cell_len(tail)) + tail
    return cut(head + tail, room)


def _story_parts(label: str) -> tuple[list[str], tuple[str, str, str]]:
    """(the label's parts without the outlet count, (place, people, days without the year))."""
    parts = label.split(" · ")
    if len(parts) > 1 and re.fullmatch(r"\d+ outlets?", parts[-1]):
        parts.pop()
    dated = len(parts) > 1 and parts[-1][:1].isdigit()
    head, middle = parts[0], " · ".join(parts[1:-1] if dated else parts[1:])
    dates = _YEAR.sub("", parts[-1]) if dated else ""
    return parts, (head, middle, dates)


def cut(text: str, room: int) -> str:
    """`text` in `room` columns, with an ellipsis when cut."""
    return text if cell_len(text) <= room else set_cell_size(text, max(0, room - 1)) + "…"


def actor_view(actor_id: str, name: str, count: int | None = None) -> ViewSpec:
    """An actor's timeline: every article that mentions it, newest first."""
    return ViewSpec("actor", name, f"actor:{quote(actor_id)}", ref=actor_id, count=count or None)


def unlisted_view(name: str) -> ViewSpec:
    """Articles naming a person the gazetteer does not list: the name as a phrase."""
    return ViewSpec("query", f"{name} (not listed)", quote(name))


def title_of(view: ViewSpec) -> str:
    """What the status line calls a view: says what a story or actor list is."""
    if view.kind == "actor":
        counted = f" ({view.count})" if view.count else ""
        return f"Actor timeline: {view.label}{counted}, newest first"
    if view.kind == "story":
        return f"Story: {view.label}, newest first"
    return view.label


TOP_ACTOR_DAYS = 7


def _stories(desk: Desk, in_full: bool = False) -> tuple[list[Counted] | None, int]:
    """The newest stories with their unread and total articles, as every view has (one
    query for all of them: the unread ids)."""
    try:
        count = desk.story_count()
        items = list(desk.stories(limit=max(count, 1) if in_full else TREE_CAP))  # newest first
        more = count - len(items)
        unread = set(desk.ids(UNREAD.query)) if items else set()
    except Exception:  # a half-built analysis must not break the tree
        return [], 0
    return [(story_view(story), len(unread.intersection(story.article_ids)),
             len(story.article_ids)) for story in items], max(0, more)


ALL_ACTORS = 1_000_000


def top_actors(desk: Desk, limit: int = TREE_CAP) -> tuple[list[tuple[Actor, int]], int | None]:
    """(actors, days): the last week's most mentioned, or all time when the week has no
    dated article (a fixed archive, or the 2024 demo). An item without a date, dated when
    fetched, does not make a week of one article: the label stays "all time"."""
    if desk.top_actors(days=TOP_ACTOR_DAYS, limit=1, dated=True):
        return list(desk.top_actors(days=TOP_ACTOR_DAYS, limit=limit)), TOP_ACTOR_DAYS
    return list(desk.top_actors(days=None, limit=limit)), None


def _actors(desk: Desk, in_full: bool = False) -> tuple[list[ViewSpec], int | None, int]:
    try:  # all of them, to say how many the tree leaves out (a few thousand at most)
        items, days = top_actors(desk, ALL_ACTORS)
    except Exception:  # a half-built analysis must not break the tree
        return [], None, 0
    # News outlets last: cited in every wire story, they would crowd the top of the list.
    items.sort(key=lambda item: item[0].kind == "media")
    shown = items if in_full else items[:TREE_CAP]
    return ([actor_view(actor.id, actor.name, count) for actor, count in shown], days,
            len(items) - len(shown))
