"""view:NAME: a saved `[[view]]` of feeds.toml used as a term of another query.

The name matches in any case and script (tagnames.key, as tags and feeds do); the view's own
query is parsed when the term is compiled, so a view edited in feeds.toml is used at once.
A name that is no view is an error naming the views there are (an empty list would hide a
typo from a script); a view that leads back to itself is one too.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from typing import Protocol

from tui.core import tagnames
from tui.core.query.ast import And, Node, Not, Or, QueryError, SavedView
from tui.core.query.parse import parse, quote

MAX_NESTING = 8  # view:a inside view:b inside ...: keeps the SQL under SQLite's depth limit
MAX_EXPANSIONS = 64  # views used by one query in all: `view:a view:a ...` cannot blow up


class ViewLike(Protocol):
    """config.View: a name and its query."""

    @property
    def name(self) -> str: ...

    @property
    def query(self) -> str: ...


def find_view(views: Sequence[ViewLike], term: SavedView, chain: Sequence[str] = ()) -> ViewLike:
    """The view `term` names (any case), `chain` the views it is inside; QueryError at the
    term's column when none does."""
    key = tagnames.key(term.name)
    found = next((view for view in views if tagnames.key(view.name) == key), None)
    if found is None:
        inside = f" (in view {chain[-1]!r})" if chain else ""
        raise QueryError(no_such_view(term.name, views, inside), term.column)
    return found


def no_such_view(name: str, views: Sequence[ViewLike], inside: str = "") -> str:
    if not views:
        return (f"no saved view is called {name!r}{inside}: feeds.toml has no [[view]] yet "
                "(V in the reader saves the list's query as one)")
    names = [view.name for view in views]
    keys = {tagnames.key(n): n for n in reversed(names)}  # any case: the first spelling
    close = difflib.get_close_matches(tagnames.key(name), list(keys), n=1, cutoff=0.6)
    meant = f"did you mean view:{_quoted(keys[close[0]])}? " if close else ""
    shown = ", ".join(_quoted(n) for n in names[:12]) + (", ..." if len(names) > 12 else "")
    return f"no saved view is called {name!r}{inside}; {meant}the views are {shown}"


def _quoted(name: str) -> str:
    return quote(name)


def view_query(view: ViewLike, term: SavedView, chain: Sequence[str]) -> Node:
    """The view's query as an AST; `chain`: the views being expanded around this term."""
    if tagnames.key(view.name) in map(tagnames.key, chain):
        path = " -> ".join(f"view:{_quoted(n)}" for n in (*chain, view.name))
        raise QueryError(f"view {view.name!r} leads back to itself ({path})", term.column)
    if len(chain) >= MAX_NESTING:
        raise QueryError(f"views nest more than {MAX_NESTING} deep here", term.column)
    try:
        return parse(view.query)
    except QueryError as exc:  # the config is checked, but a Desk may be handed any views
        raise QueryError(f"view {view.name!r} ({view.query!r}): {exc.message}",
                         term.column) from None


def named_views(node: Node) -> list[SavedView]:
    """Every view:NAME term of a query, negated ones too (to check a config's references)."""
    if isinstance(node, SavedView):
        return [node]
    if isinstance(node, And | Or):
        return [term for item in node.items for term in named_views(item)]
    if isinstance(node, Not):
        return named_views(node.item)
    return []


def check_references(views: Sequence[ViewLike], text: str, within: str | None = None) -> None:
    """Every view:NAME in the query `text` (of the view named `within`, if it is one) names
    a view, and none leads back to itself: QueryError otherwise."""
    _expand(views, parse(text), [within] if within is not None else [], [0])


def _expand(views: Sequence[ViewLike], node: Node, chain: list[str], used: list[int]) -> None:
    for term in named_views(node):
        used[0] += 1
        if used[0] > MAX_EXPANSIONS:
            raise QueryError(f"more than {MAX_EXPANSIONS} views in one query", term.column)
        view = find_view(views, term, chain)
        inner = view_query(view, term, chain)
        try:
            _expand(views, inner, [*chain, view.name], used)
        except QueryError as exc:  # the column of the term in `node`, not in the view's query
            raise QueryError(exc.message, term.column) from None
