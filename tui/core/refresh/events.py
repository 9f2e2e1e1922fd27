"""Progress events a refresh emits; the CLI prints them, the app turns them into messages."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class FeedStarted:
    feed: str


@dataclass(frozen=True, slots=True)
class FeedFinished:
    feed: str
    new: int
    status: str


@dataclass(frozen=True, slots=True)
class FeedFailed:
    feed: str
    error: str


@dataclass(frozen=True, slots=True)
class ArticleExtracted:
    article_id: int


@dataclass(frozen=True, slots=True)
class Progress:
    done: int
    total: int
    stage: str  # "feeds" | "pages" | "analyse"


@dataclass(frozen=True, slots=True)
class Stored:
    """Every feed and page of the refresh is stored: new articles are listed and searchable.
    Actors, links and stories follow (Progress stage "analyse"); nobody waits for them to read."""

    new_articles: int


RefreshEvent = FeedStarted | FeedFinished | FeedFailed | ArticleExtracted | Progress | Stored
