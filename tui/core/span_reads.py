"""The actor mention rows' spans JSON, decoded once a row: the places, unlisted and links
analyzers read the rows of each article the actors analyzer has just written, which hands over
the spans it encoded (`prime`), so most rows are never decoded in a worker at all."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tui.core.jsonfast import loads
from tui.core.recent_reads import RecentReads

Span = tuple[str, int, int] | tuple[str, int, int, str]  # (field, start, end[, office id])
# A pool job's rows (50 articles, ~7 actors each) all fit, so the later analyzers find every row
# the actors analyzer primed.
_SIZE = 4096


def _tuples(spans_json: str) -> list[Span]:
    return [tuple(span) for span in loads(spans_json)]


_TUPLES: RecentReads[str, list[Span]] = RecentReads(_tuples, _SIZE)
_LISTS: RecentReads[str, list[list[Any]]] = RecentReads(loads, _SIZE)


def span_tuples(spans_json: str) -> list[Span]:
    """`store.actors.spans_of`: (field, start, end[, office]) tuples (the tuples are shared,
    the list is a copy)."""
    return list(_TUPLES(spans_json))


def shared_tuples(spans_json: str) -> list[Span]:
    """`span_tuples` without the copy: the memo's own list, for a caller that only reads it
    (the places and unlisted analyzers, a row at a time)."""
    return _TUPLES(spans_json)


def span_lists(spans_json: str) -> list[list[Any]]:
    """The spans as JSON gives them, lists ([] for none); the lists are shared and never
    changed, the outer list is a copy."""
    if not spans_json:
        return []
    return list(_LISTS(spans_json))


def prime(encoded: Sequence[str], spans: Sequence[list[list[Any]]]) -> None:
    """`encoded[n]` is `spans[n]` as JSON: both readings kept, neither decoded again."""
    _LISTS.prime(dict(zip(encoded, spans, strict=True)))
    _TUPLES.prime({text: list(map(tuple, found)) for text, found in zip(encoded, spans,
                                                                        strict=True)})
