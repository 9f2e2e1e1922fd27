# ruff: noqa: RUF001, RUF002 - Cyrillic letters in the word endings are meant
"""Compile a query AST into a parameterised SQL boolean over `articles a`.

Every user value is a bound parameter; free text becomes an FTS5 MATCH string in which each term
is a double-quoted string, so no user input can form FTS5 (or SQL) syntax.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from tui.core import arabic_search, search_fold, tagnames
from tui.core.query.ast import (
    Actor,
    And,
    Everything,
    Feed,
    Flag,
    Lang,
    Node,
    Not,
    Or,
    Place,
    QueryError,
    SavedView,
    Story,
    Tag,
    Text,
    Time,
)
from tui.core.query.parse import parse
from tui.core.query.saved import MAX_EXPANSIONS, ViewLike, find_view, view_query

ActorResolver = Callable[[str], list[str]]
PlaceResolver = Callable[[str], list[str]]
_MANY = 50  # beyond this many actor ids, pass them as one JSON parameter

_FTS = "a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)"
_FLAGS = {"unread": "a.read = 0", "read": "a.read = 1", "saved": "a.saved = 1",
          "dismissed": "a.dismissed = 1"}
_TAG = "EXISTS (SELECT 1 FROM tags t WHERE t.article_id = a.id AND t.key = ?)"  # tagnames.key
# feed: and story: pick a small set once (IN) - measured 3-60x faster than a per-row EXISTS;
# tags and actors stay EXISTS, which wins when the newest-first scan stops early at LIMIT.
# A feed named exactly NAME (any case) wins; only when there is none does NAME match as a part,
# so the view for "BBC" does not also show "BBC Russian". Given the config's feeds, only a
# current feed's exact name wins: a removed "Cedar" must not hide "Cedar Wire" from feed:cedar
# (the removed feed's articles still match, in part, beside it).
# Any case in any script: newsdesk_fold is tagnames.key (NFC + Unicode case folding), which
# every connection registers; SQLite's lower() folds ASCII only ("Эхо" and "эхо" differ).
_FEED = ("a.id IN (SELECT af.article_id FROM article_feeds af WHERE af.feed_id IN "
         "(SELECT f.id FROM feeds f WHERE newsdesk_fold(f.name) = ? OR ("
         "NOT EXISTS (SELECT 1 FROM feeds g WHERE newsdesk_fold(g.name) = ?) "
         "AND instr(newsdesk_fold(f.name), ?) > 0)))")
_FEED_EXACT = ("a.id IN (SELECT af.article_id FROM article_feeds af WHERE af.feed_id IN "
               "(SELECT f.id FROM feeds f WHERE newsdesk_fold(f.name) = ?))")
_FEED_PART = ("a.id IN (SELECT af.article_id FROM article_feeds af WHERE af.feed_id IN "
              "(SELECT f.id FROM feeds f WHERE instr(newsdesk_fold(f.name), ?) > 0))")
_STORY = "a.id IN (SELECT s.article_id FROM story_articles s WHERE s.story_id = ?)"
_ACTOR = "EXISTS (SELECT 1 FROM actor_mentions m WHERE m.article_id = a.id AND m.actor_id IN ({}))"
_PLACE = "EXISTS (SELECT 1 FROM place_mentions p WHERE p.article_id = a.id AND p.place_id IN ({}))"
# an article without its own language takes its feed's (feeds.lang, from config or the feed)
_LANG_COL = ("replace(lower(coalesce(a.lang, (SELECT f.lang FROM article_feeds af JOIN feeds f "
             "ON f.id = af.feed_id WHERE af.article_id = a.id AND f.lang IS NOT NULL LIMIT 1), "
             "'')), '_', '-')")
_LANG = f"({_LANG_COL} = ? OR substr({_LANG_COL}, 1, ?) = ?)"


@dataclass(frozen=True, slots=True)
class SqlFilter:
    """`SELECT a.id FROM articles a WHERE {where}` with `params` bound in order."""

    where: str
    params: tuple[object, ...]


def compile_query(text: str, *, now: datetime, resolve_actor: ActorResolver | None = None,
                  resolve_place: PlaceResolver | None = None,
                  views: Sequence[ViewLike] = (),
                  feeds: Sequence[str] | None = None) -> SqlFilter:
    """Parse and compile; raises QueryError for a bad query."""
    return compile_node(parse(text), now=now, resolve_actor=resolve_actor,
                        resolve_place=resolve_place, views=views, feeds=feeds)


def compile_node(node: Node, *, now: datetime, resolve_actor: ActorResolver | None = None,
                 resolve_place: PlaceResolver | None = None,
                 views: Sequence[ViewLike] = (),
                 feeds: Sequence[str] | None = None) -> SqlFilter:
    """`resolve_place` defaults to the bundled places (places.toml has no user override);
    `views`: the config's saved views, which view:NAME terms name; `feeds`: the config's feed
    names (None: unknown, and any stored feed's exact name wins)."""
    now = now.replace(tzinfo=UTC) if now.tzinfo is None else now.astimezone(UTC)
    params: list[object] = []
    current = None if feeds is None else frozenset(tagnames.key(name) for name in feeds)
    where = _Compiler(now, resolve_actor, resolve_place, params, views, current).sql(node)
    return SqlFilter(where, tuple(params))


# Russian (and Ukrainian) words change their endings with case and number: "Курск" is "в
# Курской области", "Москва" is "в Москве". A bare Cyrillic word matches its other forms: its
# stem (one inflectional ending off, at least four letters kept) as a prefix. Quoted, a word
# matches as written.
_CYRILLIC_WORD = re.compile(r"[а-яёіїєґ]+", re.IGNORECASE)
_ENDINGS = tuple(sorted((
    "иями", "ями", "ами", "ого", "его", "ому", "ему", "ыми", "ими", "ией", "ий", "ый", "ой", "ей",
    "ая", "яя", "ое", "ее", "ые", "ие", "ых", "их", "ом", "ем", "ам", "ям", "ах", "ях", "ов", "ев",
    "ую", "юю", "а", "я", "ы", "и", "е", "у", "ю", "о", "ь", "й"), key=len, reverse=True))
_MIN_STEM = 4


def word_stem(word: str) -> str:
    """A Cyrillic word without its inflectional ending ("Курской" -> "курск")."""
    low = word.lower()
    for ending in _ENDINGS:
        if low.endswith(ending) and len(low) - len(ending) >= _MIN_STEM:
            return low[:-len(ending)]
    return low


def fts_string(term: Text) -> str:
    """One term as a safe FTS5 query: a quoted string (NUL would end it, so it goes).

    A bare Arabic-script word looks for the normalised forms indexed beside the text, which
    include the word without attached proclitics (tui/core/arabic_search.py); a quoted
    Arabic-script phrase, its normalised words in a row. Every term is
    folded as the index is (ё as е, Arabic and Persian digits as 0-9: search_fold.py)."""
    text, prefix = search_fold.fold(term.text), term.prefix
    if not (term.phrase or prefix) and _CYRILLIC_WORD.fullmatch(text):
        text, prefix = word_stem(text), True
    elif not term.phrase and (arabic := arabic_search.query_word(text)) is not None:
        text = arabic
    elif term.phrase and (words := arabic_search.query_phrase(text)) is not None:
        text = words  # its words in a row, spelt as the index spells them (arabic_search)
    quoted = '"' + text.replace("\x00", " ").replace('"', '""') + '"'
    if prefix:
        quoted += "*"
    return f"{term.field} : {quoted}" if term.field else quoted


def iso(when: datetime) -> str:
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def default_actor_id(name: str) -> str:
    """Without a gazetteer: 'Vladimir Putin' -> 'vladimir-putin'."""
    return "-".join(name.lower().split())


class _Compiler:
    def __init__(self, now: datetime, resolve_actor: ActorResolver | None,
                 resolve_place: PlaceResolver | None, params: list[object],
                 views: Sequence[ViewLike], feeds: frozenset[str] | None = None) -> None:
        self.now, self.resolve_actor, self.params = now, resolve_actor, params
        self.resolve_place, self.views, self.feeds = resolve_place, views, feeds
        self.chain: list[str] = []  # the views being expanded, outermost first
        self.expanded = 0

    def bind(self, sql: str, *values: object) -> str:
        self.params.extend(values)
        return sql

    def sql(self, node: Node) -> str:
        if isinstance(node, Everything):
            return "1"
        if isinstance(node, And):
            return self.conjunction(node)
        if isinstance(node, Or):
            return "(" + " OR ".join(self.sql(item) for item in node.items) + ")"
        if isinstance(node, Not):
            return f"NOT ({self.sql(node.item)})"
        if isinstance(node, Text):
            return self.bind(_FTS, fts_string(node))
        if isinstance(node, Tag):
            return self.bind(_TAG, tagnames.key(node.name))
        if isinstance(node, Flag):
            return _FLAGS[node.name]
        if isinstance(node, Feed):
            return self.feed(tagnames.key(node.name))
        if isinstance(node, Actor):
            return self.actor(node.name)
        if isinstance(node, Place):
            return self.place(node.name)
        if isinstance(node, Story):
            return self.bind(_STORY, node.id)
        if isinstance(node, Time):
            op = ">=" if node.bound == "since" else "<"
            return self.bind(f"a.published {op} ?", iso(node.resolve(self.now)))
        if isinstance(node, Lang):
            return self.bind(_LANG, node.code, len(node.code) + 1, node.code + "-")
        if isinstance(node, SavedView):
            return self.saved_view(node)
        raise TypeError(f"not a query node: {node!r}")

    def feed(self, key: str) -> str:
        if self.feeds is None:
            return self.bind(_FEED, key, key, key)
        return self.bind(_FEED_EXACT if key in self.feeds else _FEED_PART, key)

    def conjunction(self, node: And) -> str:
        """Positive free-text terms of one AND share a single MATCH (one FTS lookup)."""
        texts = [item for item in node.items if isinstance(item, Text)]
        parts: list[str] = []
        if len(texts) == 1:
            parts.append(self.sql(texts[0]))
        elif texts:
            parts.append(self.bind(_FTS, " AND ".join(f"({fts_string(t)})" for t in texts)))
        parts.extend(self.sql(item) for item in node.items if not isinstance(item, Text))
        return "(" + " AND ".join(parts) + ")"

    def saved_view(self, term: SavedView) -> str:
        """The view's own query in its place, compiled now (its since:2d counts from now)."""
        self.expanded += 1
        if self.expanded > MAX_EXPANSIONS:
            raise QueryError(f"more than {MAX_EXPANSIONS} views in one query", term.column)
        view = find_view(self.views, term, self.chain)
        inner = view_query(view, term, self.chain)
        self.chain.append(view.name)
        try:
            return f"({self.sql(inner)})"
        except QueryError as exc:  # point at the term the user wrote, not into the view
            raise QueryError(exc.message, term.column) from None
        finally:
            self.chain.pop()

    def actor(self, name: str) -> str:
        ids = self.resolve_actor(name) if self.resolve_actor else [default_actor_id(name)]
        return self.ids_in(_ACTOR, ids)

    def place(self, name: str) -> str:
        if self.resolve_place is None:
            from tui.core.places.matcher import resolve_place

            self.resolve_place = resolve_place
        return self.ids_in(_PLACE, self.resolve_place(name))

    def ids_in(self, template: str, ids: list[str]) -> str:
        unique = list(dict.fromkeys(ids))
        if not unique:
            return "0"
        if len(unique) > _MANY:
            return self.bind(template.format("SELECT value FROM json_each(?)"),
                             json.dumps(unique))
        return self.bind(template.format(", ".join("?" * len(unique))), *unique)


_NO_TABLE = re.compile(r"no such table: (\w+)")
_FEATURE = {"story_articles": "story: needs stories, which this cache does not have yet",
            "actor_mentions": "actor: needs actor matching, which this cache does not have yet",
            "place_mentions": "place: needs places, which this cache does not have yet"}


def explain_sql_error(exc: sqlite3.Error) -> QueryError:
    """Turn an error raised while running a compiled query into something a user can act on."""
    text = str(exc)
    missing = _NO_TABLE.search(text)
    if missing:
        return QueryError(_FEATURE.get(missing.group(1), f"the cache lacks {missing.group(1)}"
                                       " (run newsdesk once to upgrade it)"), 1)
    if "fts5" in text.lower() or "match" in text.lower():
        return QueryError(f"the search text could not be understood ({text})", 1)
    return QueryError(f"the query could not be run ({text})", 1)
