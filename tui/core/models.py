"""Plain records handed from the core to its two faces (CLI and app)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol

from tui.core.words import counted


class FeedLike(Protocol):
    """A feed as feeds.toml or an OPML file lists it (the store and OPML know no config)."""

    @property
    def name(self) -> str: ...
    @property
    def url(self) -> str: ...
    @property
    def tags(self) -> Sequence[str]: ...


def to_iso(moment: datetime) -> str:
    """The one time format in the database: UTC, second precision, sortable as text."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def from_iso(text: str) -> datetime:
    """`to_iso` read back. Its exact shape goes through fromisoformat (strptime was a twentieth
    of analysing an article's text); anything else through strptime, which says what is wrong."""
    if (len(text) == 20 and text.isascii() and text[19] == "Z" and text[10] == "T"
            and text[4] == text[7] == "-" and text[13] == text[16] == ":"):
        return datetime.fromisoformat(text[:19]).replace(tzinfo=UTC)
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)


def utcnow() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


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


REFUSED_PAGE = "refused to fetch the page from"
"""How a link policy's refusal starts (ingest/addresses.py): the store finds such pages by it
to try them again once `allow_private_links` allows them (store/page_retry.py)."""


def pages_failed(count: int) -> str:
    """The warning a feed carries when pages the last refresh fetched for it gave no text
    (`feeds`, the reader's feed list): the feed itself was read, so it is no failure."""
    return (f"{count} of the article pages last fetched failed (their articles keep the "
            "feed's text)")


def pages_waiting(count: int, per_refresh: int, *, budget: bool = True) -> str:
    """The warning a feed carries while some of its article pages wait (one wording for the
    refresh summary and for `feeds`). `budget` False: not the page budget's doing, the last
    refresh stopped before it got to them (interrupted, killed)."""
    waits = "waits" if count == 1 else "wait"
    if not budget:
        return (f"{counted(count, 'article page')} {waits} for the next refresh (the last one "
                "stopped before it got to them) or for the reader to open them")
    return (f"{counted(count, 'article page')} {waits} for later refreshes (at most "
            f"{per_refresh} a feed each refresh, newest first) or for the reader to open them")


def pages_retried(count: int) -> str:
    """The note of a feed some of whose pages failed for a reason that passes: they are
    tried again, each try later than the last (store/page_retry.py)."""
    return (f"{counted(count, 'failed article page')} will be tried again by later refreshes "
            "(or when the reader opens them)")


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
