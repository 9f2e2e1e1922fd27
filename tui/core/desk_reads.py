"""The Desk's read side: what the list, the reader, the tree and the CLI's listings ask.
Nothing here writes, so the service's writing half (`desk.py`) reads on its own."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from tui.core.basics import utcnow
from tui.core.store import articles as store
from tui.core.store import feeds as feed_store
from tui.core.store import listed
from tui.core.store.dateline import dated
from tui.core.store.feed_status import feed_statuses

if TYPE_CHECKING:
    from tui.core.actors.matcher import Actor, Gazetteer
    from tui.core.config.loader import Config
    from tui.core.models import Article, ArticleActor, ArticleRow, FeedStatus
    from tui.core.refresh.analysis import Analysis
    from tui.core.store.coverage import RelatedItem, Story
    from tui.core.store.holdings import Holdings


class DeskReads:
    """Queries, articles, feeds' health, actors, related coverage and stories. `Desk` gives
    it the connection of the calling thread and the analysis (gazetteer, actor names)."""

    config: Config

    @property
    def conn(self) -> sqlite3.Connection:
        raise NotImplementedError

    @property
    def analysis(self) -> Analysis:
        raise NotImplementedError

    def _filter(self, query: str) -> tuple[str, tuple[object, ...]]:
        from tui.core.query import compile_query

        compiled = compile_query(query, now=utcnow(), resolve_actor=self.analysis.resolve_actor,
                                 views=self.config.views,
                                 feeds=[feed.name for feed in self.config.feeds])
        return compiled.where, tuple(compiled.params)

    def _run(self, fn: Callable[..., object], *args: object, **kwargs: object) -> object:
        from tui.core.query import explain_sql_error

        try:
            return fn(*args, **kwargs)
        except sqlite3.OperationalError as exc:
            raise explain_sql_error(exc) from None

    def articles(self, query: str = "", *, limit: int = 200, offset: int = 0) -> list[ArticleRow]:
        """Newest first. Raises tui.core.query.QueryError for a malformed query."""
        where, params = self._filter(query)
        rows = self._run(store.select_rows, self.conn, where, params, limit, offset)
        return rows  # type: ignore[return-value]

    def count(self, query: str = "", before: int | None = None) -> int:
        """`before`: only the rows listed ahead of that article (its place, listed or not)."""
        where, params = self._filter(query)
        return self._run(store.count_rows, self.conn, where, params, before)  # type: ignore[return-value]

    def ids(self, query: str = "") -> list[int]:
        where, params = self._filter(query)
        return self._run(store.select_ids, self.conn, where, params)  # type: ignore[return-value]

    def matching(self, query: str, ids: Sequence[int]) -> set[int]:
        """Which of `ids` the query has (the marked rows still listed), without listing it."""
        where, params = self._filter(query)
        found: list[int] = self._run(listed.matching_ids, self.conn, where, params, ids)  # type: ignore[assignment]
        return set(found)

    def unknown_actors(self, query: str) -> list[str]:
        """The names in the query's `actor:` terms that name no known actor (they match
        nothing, which a user should be told rather than shown an empty list)."""
        from tui.core.query import actor_names, parse

        names = actor_names(parse(query))
        return [n for n in dict.fromkeys(names) if not self.analysis.resolve_actor(n)]

    def unknown_feeds(self, query: str) -> list[str]:
        """The names in the query's `feed:` terms that no stored feed's name holds (`feed:`
        matches a name whole or in part, any case)."""
        from tui.core import tagnames
        from tui.core.query import feed_names, parse

        stored = [tagnames.key(r[0]) for r in self.conn.execute("SELECT name FROM feeds")]
        return [n for n in dict.fromkeys(feed_names(parse(query)))
                if not any(tagnames.key(n) in name for name in stored)]

    def unknown_places(self, query: str) -> list[str]:
        """The names in the query's `place:`/`country:` terms that name no known place."""
        from tui.core.places.matcher import resolve_place
        from tui.core.query import parse, place_names

        return [n for n in dict.fromkeys(place_names(parse(query))) if not resolve_place(n)]

    def article(self, article_id: int) -> Article | None:
        return store.get_article(self.conn, article_id)

    def rows(self, ids: Sequence[int]) -> list[ArticleRow]:
        """The list rows of these articles (the marked ones), newest first."""
        return store.rows_of(self.conn, ids)

    def feeds(self) -> list[FeedStatus]:
        """Configured feeds with their health, in config order."""
        return feed_statuses(self.conn, self.config.feeds, self.config.settings.max_pages_per_feed)

    def holdings(self, url: str) -> Holdings:
        """What the cache holds under the feed at `url` (what removing it leaves)."""
        from tui.core.store.holdings import holdings

        return holdings(self.conn, url)

    def feed_titles(self) -> dict[str, str]:
        """url -> the title each feed last sent (feeds.toml's unnamed feeds go by it)."""
        return feed_store.feed_titles(self.conn)

    def all_tags(self) -> list[tuple[str, int]]:
        return store.all_tags(self.conn)


    def unanalysed(self) -> int:
        """Articles whose actors and links are still to be made (a fetch was interrupted)."""
        return store.unanalysed_count(self.conn)

    def actors_of(self, article_id: int) -> list[ArticleActor]:
        return self.analysis.actors_of(self.conn, article_id)

    def top_actors(self, *, days: int | None = 7, limit: int = 50, dated: bool = False,
                   ) -> list[tuple[Actor, int]]:  # dated: not articles dated when fetched
        return self.analysis.top_actors(self.conn, days=days, limit=limit, dated=dated)

    def actor(self, actor_id: str) -> Actor | None:
        return self.analysis.gazetteer.actors.get(actor_id)

    @property
    def gazetteer(self) -> Gazetteer:
        """The actors in use, bundled and the user's (what a new name is checked against)."""
        return self.analysis.gazetteer

    def related(self, article_id: int, limit: int = 10) -> list[RelatedItem]:
        from tui.core.related_items import shown
        from tui.core.store import coverage

        return coverage.related(self.conn, article_id, limit, shown)  # the fitted weight

    def stories(self, limit: int = 100) -> list[Story]:  # labels: place · people · dates
        from tui.core.store import coverage  # its records: only for a read of them

        return [dated(story) for story in coverage.stories(self.conn, limit)]

    def story_count(self) -> int:
        """How many stories `stories()` could list (a capped list says how many more)."""
        from tui.core.store import coverage

        return coverage.story_count(self.conn)

    def story_of(self, article_id: int) -> Story | None:
        from tui.core.store import coverage

        return dated(s) if (s := coverage.story_of(self.conn, article_id)) else None
