"""What a feed's parse hands to the store for one entry. Made in the workers and written by
the store, never in a refresh with nothing new, which so does not create this record."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.core.models import BodyLink


@dataclass(frozen=True, slots=True)
class NewEntry:
    """What the refresh pipeline hands to the store for one feed entry."""

    key: str
    url: str | None
    title: str
    author: str | None
    summary: str | None
    feed_content: str | None
    published: str | None
    lang: str | None
    body: str = ""  # the best text the feed itself carries, readable before any extraction
    body_source: str = ""  # "feed-content" | "summary" | ""
    shared_link: bool = False  # the feed gives this link to other items too: not an identity
    links: tuple[BodyLink, ...] = ()  # the links `body` cites (the feed's HTML had them)
