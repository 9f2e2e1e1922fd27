"""Auto-tagging rules and mutes from feeds.toml, plus tag renaming/deletion.

Rules run before mutes so a mute can name a tag a rule just added (`+sport`). Everything for one
batch happens in one transaction: a crash never leaves half the rules applied.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from tui.core import tagnames
from tui.core.basics import utcnow
from tui.core.query import ActorResolver, QueryError, SqlFilter, compile_query
from tui.core.query.saved import ViewLike
from tui.core.store.feed_tags import FROM_FEED
from tui.core.store.tag_spelling import spelling
from tui.core.store.write_turns import transaction

if TYPE_CHECKING:
    from tui.core.refresh.analyzer import Batch, Context, Found, Sources, TextItem


class RuleLike(Protocol):
    """config.Rule: add `tag` to every article matching `query`."""

    @property
    def query(self) -> str: ...

    @property
    def tag(self) -> str: ...


@dataclass(frozen=True, slots=True)
class RulesResult:
    tagged: int  # tag rows added (an article matching two rules counts twice)
    muted: int  # articles newly marked read + dismissed


def compile_rules(rules: Sequence[RuleLike], mutes: Sequence[str], *, now: datetime,
                  resolve_actor: ActorResolver | None = None, views: Sequence[ViewLike] = (),
                  feeds: Sequence[str] | None = None,
                  ) -> tuple[list[tuple[SqlFilter, str]], list[SqlFilter]]:
    """Compile everything up front, so a bad query fails before anything is written.

    The QueryError message names the rule or mute (1-based, in config order).
    """
    compiled_rules: list[tuple[SqlFilter, str]] = []
    for i, rule in enumerate(rules, 1):
        tag = rule.tag.strip()
        if not tag:
            raise QueryError(f"rule #{i}: the tag is empty", 1)
        compiled_rules.append((_compile(f"rule #{i}", rule.query, now, resolve_actor, views,
                                        feeds),
                               tag))
    compiled_mutes = [_compile(f"mute #{i}", q, now, resolve_actor, views, feeds)
                      for i, q in enumerate(mutes, 1)]
    return compiled_rules, compiled_mutes


def _compile(label: str, query: str, now: datetime, resolve_actor: ActorResolver | None,
             views: Sequence[ViewLike], feeds: Sequence[str] | None) -> SqlFilter:
    if not query.strip():
        raise QueryError(f"{label}: an empty query would match every article", 1)
    try:
        return compile_query(query, now=now, resolve_actor=resolve_actor, views=views,
                             feeds=feeds)
    except QueryError as exc:
        raise QueryError(f"{label} ({query!r}): {exc.message}", exc.column) from None


def apply_rules(conn: sqlite3.Connection, rules: Sequence[RuleLike], mutes: Sequence[str],
                article_ids: Sequence[int] | None, now: datetime, *,
                resolve_actor: ActorResolver | None = None,
                views: Sequence[ViewLike] = (), feeds: Sequence[str] | None = None,
                ) -> RulesResult:
    """Tag rule matches and mute (read + dismiss) mute matches among `article_ids`
    (None: the whole cache). Raises QueryError for a bad rule before writing anything.
    `views`: the config's saved views, which a rule may name (view:NAME)."""
    compiled_rules, compiled_mutes = compile_rules(rules, mutes, now=now,
                                                   resolve_actor=resolve_actor, views=views,
                                                   feeds=feeds)
    if article_ids is not None and not article_ids:
        return RulesResult(0, 0)
    scope_params: tuple[str, ...] = ()
    if article_ids is None:
        scope = "1"
    else:  # one JSON parameter instead of thousands of placeholders
        scope = "a.id IN (SELECT value FROM json_each(?))"
        scope_params = (json.dumps([int(i) for i in article_ids]),)
    tagged = muted = 0
    with transaction(conn):
        for flt, tag in compiled_rules:
            found = spelling(conn, tag)
            if found is None:
                continue
            if conn.execute(f"SELECT 1 FROM tags WHERE key = ? AND by_rule = {FROM_FEED} "
                            "LIMIT 1", found[:1]).fetchone():
                # The feed gave it first: the rule's now, so it stays when the feed's
                # tags change (not counted as tagged: the article had it).
                conn.execute(
                    f"UPDATE tags SET by_rule = 1 WHERE key = ? AND by_rule = {FROM_FEED} AND "
                    f"article_id IN (SELECT a.id FROM articles a WHERE {scope} AND "
                    f"({flt.where}))", (found[0], *scope_params, *flt.params))
            cur = conn.execute(
                f"INSERT OR IGNORE INTO tags (article_id, key, tag, by_rule) SELECT a.id, ?, ?, 1 "
                f"FROM articles a WHERE {scope} AND ({flt.where})",
                (*found, *scope_params, *flt.params))
            tagged += max(cur.rowcount, 0)
        for flt in compiled_mutes:
            cur = conn.execute(
                f"UPDATE articles SET read = 1, dismissed = 1 WHERE id IN ("
                f"SELECT a.id FROM articles a WHERE {scope} AND ({flt.where}) "
                f"AND NOT (a.read = 1 AND a.dismissed = 1))", (*scope_params, *flt.params))
            muted += max(cur.rowcount, 0)
    return RulesResult(tagged, muted)


class RulesAnalyzer:
    """Rules and mutes as an analyzer: no text half; it runs after the actors are written, so
    a rule may ask `actor:`."""

    name = "rules"

    def warm(self, sources: Sources) -> None:
        return None

    def text(self, item: TextItem, found: Found, sources: Sources) -> None:
        return None

    def write(self, conn: sqlite3.Connection, batch: Batch, context: Context) -> None:
        apply_rules(conn, context.config.rules, context.config.mutes, batch.ids, utcnow(),
                    resolve_actor=context.resolve_actor, views=context.config.views)

    def finish_run(self, conn: sqlite3.Connection, ids: Sequence[int], context: Context) -> None:
        return None


def rename_tag(conn: sqlite3.Connection, old: str, new: str) -> int:
    """Rename `old` (any spelling) to `new` everywhere, merging into `new` where an article has
    both; `new` is spelt as given from now on (also to change only a tag's case). Returns the
    number of articles that carried `old`. Raises ValueError for an empty new name."""
    old_key, shown = tagnames.key(old), tagnames.display(new)
    new_key = tagnames.key(shown)
    if not new_key:
        raise ValueError("the new tag name is empty")
    with transaction(conn):
        count: int = conn.execute("SELECT count(*) FROM tags WHERE key = ?",
                                  (old_key,)).fetchone()[0]
        if count and old_key != new_key:
            conn.execute("INSERT INTO tags (article_id, key, tag, by_rule) "
                         "SELECT article_id, ?, ?, by_rule FROM tags WHERE key = ? "
                         "ON CONFLICT DO UPDATE SET by_rule = min(by_rule, excluded.by_rule)",
                         (new_key, shown, old_key))
            conn.execute("DELETE FROM tags WHERE key = ?", (old_key,))
        if count:
            conn.execute("UPDATE tags SET tag = ? WHERE key = ?", (shown, new_key))
    return count


def delete_tag(conn: sqlite3.Connection, tag: str) -> int:
    """Remove `tag` (any spelling) from every article; returns how many lost it."""
    with transaction(conn):
        cur = conn.execute("DELETE FROM tags WHERE key = ?", (tagnames.key(tag),))
    return max(cur.rowcount, 0)
