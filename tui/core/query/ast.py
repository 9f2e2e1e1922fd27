"""The query AST: frozen dataclasses shared by the parser, the SQL compiler and the app.

`QueryError` lives here too, so every stage reports problems the same way (message + column).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Literal

FIELDS = ("is", "tag", "feed", "actor", "place", "country", "story", "since", "before", "lang",
          "title", "view")
FLAGS = ("unread", "read", "saved", "dismissed")


class QueryError(ValueError):
    """A query the user must fix; `column` (1-based) points at the problem, `fix_at` at
    where the fix most likely goes (an unclosed quote's partner: the end), for a cursor."""

    def __init__(self, message: str, column: int, fix_at: int | None = None) -> None:
        super().__init__(message, column)
        self.message = message
        self.column = column
        self.fix_at = column if fix_at is None else fix_at

    def __str__(self) -> str:
        return f"column {self.column}: {self.message}"


@dataclass(frozen=True, slots=True)
class Everything:
    """The empty query."""


@dataclass(frozen=True, slots=True)
class And:
    items: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Or:
    items: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Not:
    item: Node


@dataclass(frozen=True, slots=True)
class Text:
    """Full-text search; `field` limits it to one FTS column (title:WORD)."""

    text: str
    phrase: bool = False
    prefix: bool = False
    field: Literal["title"] | None = None


@dataclass(frozen=True, slots=True)
class Tag:
    name: str


@dataclass(frozen=True, slots=True)
class Flag:
    name: Literal["unread", "read", "saved", "dismissed"]


@dataclass(frozen=True, slots=True)
class Feed:
    name: str


@dataclass(frozen=True, slots=True)
class Actor:
    name: str


@dataclass(frozen=True, slots=True)
class Place:
    """place:NAME (or country:NAME): the country, its capital, cities, regions or demonym
    named anywhere in the article; a city or region, only itself."""

    name: str


@dataclass(frozen=True, slots=True)
class Story:
    id: int


@dataclass(frozen=True, slots=True)
class Time:
    """since:/before:. Either `at` (absolute, UTC) or `delta` back from now; `start_of_day`
    then truncates to UTC midnight (today, yesterday)."""

    bound: Literal["since", "before"]
    delta: timedelta | None = None
    at: datetime | None = None
    start_of_day: bool = False

    def resolve(self, now: datetime) -> datetime:
        if self.at is not None:
            return self.at
        when = now - (self.delta or timedelta(0))
        if self.start_of_day:
            when = when.replace(hour=0, minute=0, second=0, microsecond=0)
        return when


@dataclass(frozen=True, slots=True)
class Lang:
    code: str


@dataclass(frozen=True, slots=True)
class SavedView:
    """view:NAME, a `[[view]]` of feeds.toml (any case), replaced by its query when compiled,
    so a view saved with `V` is one term in the CLI, the filter bar, rules and other views.
    `column`: where the term starts, for an error about the name (not part of equality)."""

    name: str
    column: int = field(default=1, compare=False)


Node = (Everything | And | Or | Not | Text | Tag | Flag | Feed | Actor | Place | Story | Time
        | Lang | SavedView)


def search_terms(node: Node) -> list[str]:
    """Free-text words and phrases the query looks for (not negated ones), e.g. so the reader
    can highlight them."""
    if isinstance(node, Text):
        return [node.text]
    if isinstance(node, And | Or):
        return [term for item in node.items for term in search_terms(item)]
    return []


def actor_names(node: Node) -> list[str]:
    """Every name an `actor:` term of the query gives, negated ones too (to tell a user when
    one names no known actor)."""
    return _names(node, Actor)


def place_names(node: Node) -> list[str]:
    """Every name a `place:`/`country:` term gives, negated ones too."""
    return _names(node, Place)


def feed_names(node: Node) -> list[str]:
    """Every name a `feed:` term gives, negated ones too."""
    return _names(node, Feed)


def _names(node: Node, kind: type[Actor] | type[Place] | type[Feed]) -> list[str]:
    if isinstance(node, kind):
        return [node.name]
    if isinstance(node, And | Or):
        return [name for item in node.items for name in _names(item, kind)]
    if isinstance(node, Not):
        return _names(node.item, kind)
    return []
