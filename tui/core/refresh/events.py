"""Progress events a refresh emits; the CLI prints them, the app turns them into messages.

NamedTuples, not dataclasses: every fetch makes these six classes, a dataclass ~1 ms each and
a NamedTuple a tenth of that. Told apart by their class (isinstance), never by ==.
"""

from __future__ import annotations

from typing import NamedTuple


class FeedStarted(NamedTuple):
    feed: str


class FeedFinished(NamedTuple):
    feed: str
    new: int
    status: str


class FeedFailed(NamedTuple):
    feed: str
    error: str


class ArticleExtracted(NamedTuple):
    article_id: int


class Progress(NamedTuple):
    done: int
    total: int
    stage: str  # "feeds" | "pages" | "analyse"


class Stored(NamedTuple):
    """Every feed and page of the refresh is stored: new articles are listed and searchable.
    Actors, links and stories follow (Progress stage "analyse"); nobody waits for them to read."""

    new_articles: int


RefreshEvent = FeedStarted | FeedFinished | FeedFailed | ArticleExtracted | Progress | Stored
