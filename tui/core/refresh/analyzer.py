"""The analyzer seam: how a new signal (actors, rules, links, and the next one) plugs in.

An analyzer has two halves. `text` runs in a worker process on one article's text and returns
something picklable; it sees what the analyzers before it found in the same article. `write`
runs in the writer's transaction on a batch, with every article's findings, while the workers
go on with the next batches. `finish_run` runs once every batch of the run is committed, for
work that needs them all (linking weighs rarity over
the whole run, then scores candidates in the pool through `Context.in_pool`, on read-only
connections, and the writer only writes what comes back). Articles count as analysed once the
run is finished (a run killed before that is done again by the next). Order matters and is
the order of `ANALYZERS`: rules ask `actor:`, links weigh actors.

An analyzer with `rematch = True` finds what depends only on an article's text and the data
named in `Sources` (actors, places): when that data changes, or its version in
`MATCHER_VERSIONS` (refresh/match_sources.py, bumped by hand with a change to what it finds), the
analysis runs its two halves again on every cached article, and only then re-analyses recent
ones with all analyzers.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

if TYPE_CHECKING:
    from tui.core.config.loader import Config


# Sources.prebuilt_dir for the user's cache folder, looked up where a tool is kept or loaded
# (prebuilt.py): finding it loads platformdirs, which an unchanged refresh never needs.
USER_CACHE = ":user-cache:"


class Sources(NamedTuple):
    """What a worker needs to build an analyzer's tools; `source_hash` changes with any of
    them (the bytes of the gazetteer files, offices.toml and places.toml) and with the
    matchers' versions, so tools are rebuilt, and articles re-matched, exactly when they
    must be."""

    actors_file: str | None
    source_hash: str
    prebuilt_dir: str | None = None  # where built tools are kept between runs (None: nowhere;
    #                                  USER_CACHE: the user's cache, prebuilt.prebuilt_dir())


class TextItem(NamedTuple):
    """One article as the analyzers read it: spans index into exactly this title and body."""

    id: int
    title: str
    body: str
    published: str  # ISO 8601 UTC
    lang: str | None = None
    dated: bool = True  # False when the feed gave no date (published is when it was first seen)


Found = dict[str, Any]  # analyzer name -> what its text half returned for one article

# What the text halves read of a body and a title: a feed item's 9 MB one-line body took the
# links' half 3 s and 1.1 GB, the places' and unlisted names' (a pass per name found, against
# each name kept) hours. The longest real text (bench/ab_texts.py's corpus: the real-news
# pages and feeds, a 7,700-word liveblog) is 49,780 characters, the devset's 2,021, a title
# 182: none is cut. Spans index into the cut text, a prefix of the stored one.
ANALYSED_CHARS = 100_000
TITLE_CHARS = 2_000


def analysed(item: TextItem) -> TextItem:
    """`item` as the analyzers read it: its body cut at the last white space before
    `ANALYSED_CHARS` (mid-word past 1,000 characters without one), its title at `TITLE_CHARS`."""
    body, title = item.body, item.title
    if len(body) > ANALYSED_CHARS:
        body = body[:ANALYSED_CHARS]
        space = max(body.rfind(" ", -1000), body.rfind("\n", -1000))
        body = body[:space] if space > 0 else body
    if len(title) > TITLE_CHARS:
        title = title[:TITLE_CHARS]
    return (
        item if body is item.body and title is item.title else item._replace(title=title, body=body)
    )


class Batch(NamedTuple):
    """What the write halves get: the articles of one transaction and their findings."""

    items: Sequence[TextItem]
    found: Mapping[int, Found]

    @property
    def ids(self) -> list[int]:
        return ids_of(self.items)


def ids_of(items: Sequence[TextItem]) -> list[int]:
    return [item.id for item in items]


class Context(Protocol):
    """What write halves may ask of the run (the Analysis object provides it)."""

    @property
    def config(self) -> Config: ...

    def resolve_actor(self, name: str) -> list[str]: ...

    def sources(self) -> Sources: ...

    def in_pool(self, fn: Callable[..., Any], jobs: Iterable[tuple[Any, ...]]) -> Iterator[Any]:
        """fn(*job) for each job in the worker pool (in this process without one), results in
        the order of `jobs`, each as soon as it and those before it are done; `jobs` is taken
        one at a time, the next right after one is submitted."""
        ...


class Analyzer(Protocol):
    name: str

    def warm(self, sources: Sources) -> None:
        """In each worker, before articles arrive: build the tools now."""

    def text(self, item: TextItem, found: Found, sources: Sources) -> Any:
        """In a worker process: what this article says (None: nothing to write). An analyzer
        may also have `texts(items, found, sources)`, `text` of a pool job's articles at once
        (work with a fixed cost per call made once, as links' MinHash): `analyse_texts` calls
        it instead, with every article's findings, once the rest have run; such analyzers
        come last."""

    def write(self, conn: sqlite3.Connection, batch: Batch, context: Context) -> None:
        """In the writer's transaction."""

    def finish_run(self, conn: sqlite3.Connection, ids: Sequence[int], context: Context) -> None:
        """In the writer, once every batch of the run is committed, with every article the run
        wrote (it opens its own transactions)."""
