"""Plain records handed from the core to its two faces (CLI and app). Each is a dataclass, about
a millisecond to create at import: the store and ingest import the time format and the shared
words from basics.py (re-exported here), and these only where a record is made, so an
unchanged fetch creates none."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from tui.core.basics import REFUSED_PAGE as REFUSED_PAGE
from tui.core.basics import from_iso as from_iso
from tui.core.basics import pages_failed as pages_failed
from tui.core.basics import pages_retried as pages_retried
from tui.core.basics import pages_waiting as pages_waiting
from tui.core.basics import to_iso as to_iso
from tui.core.basics import utcnow as utcnow


class FeedLike(Protocol):
    """A feed as feeds.toml or an OPML file lists it (the store and OPML know no config)."""

    @property
    def name(self) -> str: ...
    @property
    def url(self) -> str: ...
    @property
    def tags(self) -> Sequence[str]: ...


@dataclass(frozen=True, slots=True)
class ArticleRow:
    """One line of the article list: cheap to load, no body."""

    id: int
    title: str
    url: str | None
    feed: str
    published: datetime
    read: bool
    saved: bool
    dismissed: bool
    tags: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class BodyLink:
    """A link the article's text cites: its address and where its marker goes in the body
    (after the linked words; offsets into `Article.body`, which holds no marker). Its number
    is its place in `Article.links`, from 1."""

    url: str
    at: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Article(ArticleRow):
    """The whole article, as the reader shows it."""

    author: str | None
    body: str
    body_source: str | None
    summary: str | None
    lang: str | None
    feeds: tuple[str, ...]
    extract_error: str | None = None
    analysed: bool = True  # False between storing and the analysis run: no actors/links yet
    page_due: bool = False  # its page waits for a later refresh (Desk.fetch_page gets it now)
    links: tuple[BodyLink, ...] = ()  # the links its text cites, numbered from 1
    page_tries: int = 0  # failed tries of its page (due: later refreshes try again)


@dataclass(frozen=True, slots=True)
class FeedStatus:
    """A feed's health. `last_error` is set only while it fails (`failures` > 0); a feed that
    was read, but not wholly (cut off, malformed, pages deferred), has a `warning` instead."""

    name: str
    url: str
    tags: tuple[str, ...]
    last_ok: datetime | None
    last_error: str | None
    failures: int
    item_count: int
    unread: int
    warning: str | None = None
    pages_failed: int = 0  # of its pages the last refresh tried, those that gave no text
    articles: int = 0  # stored under it (`unread` counts among these; item_count: its last read)

    @property
    def state(self) -> str:
        """One word for its health: failing, warning, ok, or not_fetched (added, never
        tried yet: no "ok" for a feed nothing has read)."""
        if self.failures:
            return "failing"
        if self.warning:
            return "warning"
        return "ok" if self.last_ok else "not_fetched"


@dataclass(frozen=True, slots=True)
class ArticleActor:
    """An actor named in one article, with where (for highlighting) and how often."""

    id: str
    name: str
    kind: str  # person | org | state | media
    description: str
    aliases: tuple[str, ...]
    count: int
    spans: tuple[tuple[str, int, int], ...]  # (field "title"|"body", start, end)
    # spans where a role phrase named this holder: (field, start, end, office id)
    roles: tuple[tuple[str, int, int, str], ...] = ()
    listed: bool = True  # False: named with a title, not in the gazetteer (id: the id it would get)
    # not listed, but spelt like a listed actor's name: (its id, its name, that spelling)
    spelt_like: tuple[str, str, str] | None = None
