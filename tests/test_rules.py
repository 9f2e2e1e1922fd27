"""Rules tag, mutes read+dismiss, both in one transaction; tag rename/merge/delete."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.test_query_db import NOW, ids, make_db
from tui.core.config.loader import Rule
from tui.core.query import QueryError
from tui.core.query.rules import apply_rules, delete_tag, rename_tag


@pytest.fixture
def conn(tmp_path: Path) -> sqlite3.Connection:
    return make_db(tmp_path / "cache.sqlite3")


def tags_of(conn: sqlite3.Connection, article_id: int) -> set[str]:
    return {r[0] for r in conn.execute("SELECT tag FROM tags WHERE article_id = ?",
                                       (article_id,))}


def state(conn: sqlite3.Connection, article_id: int) -> tuple[int, int]:
    row = conn.execute("SELECT read, dismissed FROM articles WHERE id = ?",
                       (article_id,)).fetchone()
    return (row[0], row[1])


def test_rules_tag_only_the_given_articles(conn: sqlite3.Connection) -> None:
    rules = [Rule("feed:levant", "levant"), Rule("grain OR ceasefire", "diplomacy")]
    result = apply_rules(conn, rules, [], [1, 2], NOW)
    assert result.tagged == 2 and result.muted == 0
    assert "levant" in tags_of(conn, 1) and "diplomacy" in tags_of(conn, 2)
    assert "levant" not in tags_of(conn, 4)  # matches, but was not in the batch
    assert "diplomacy" not in tags_of(conn, 6)


def test_rules_over_the_whole_cache_are_idempotent(conn: sqlite3.Connection) -> None:
    rules = [Rule("feed:levant", "levant")]
    assert apply_rules(conn, rules, [], None, NOW).tagged == 3
    assert apply_rules(conn, rules, [], None, NOW).tagged == 0
    assert ids(conn, "+levant") == {1, 4, 5}


def test_mutes_mark_read_and_dismissed(conn: sqlite3.Connection) -> None:
    result = apply_rules(conn, [], ["football", "feed:wire lang:ru"], None, NOW)
    assert result.muted == 1 + 1
    assert state(conn, 3) == (1, 1)
    assert state(conn, 5) == (1, 1)
    assert state(conn, 2) == (0, 0)
    assert apply_rules(conn, [], ["football"], None, NOW).muted == 0


def test_mutes_see_tags_added_by_rules(conn: sqlite3.Connection) -> None:
    result = apply_rules(conn, [Rule("stadium", "sport")], ["+sport"], [5, 1], NOW)
    assert result == type(result)(tagged=1, muted=1)
    assert tags_of(conn, 5) >= {"sport"} and state(conn, 5) == (1, 1)


def test_empty_batch_does_nothing(conn: sqlite3.Connection) -> None:
    result = apply_rules(conn, [Rule("iran", "x")], ["iran"], [], NOW)
    assert (result.tagged, result.muted) == (0, 0)


def test_bad_rule_fails_before_writing(conn: sqlite3.Connection) -> None:
    rules = [Rule("feed:levant", "levant"), Rule("feed:(", "broken")]
    with pytest.raises(QueryError) as info:
        apply_rules(conn, rules, [], None, NOW)
    assert "rule #2" in info.value.message
    assert ids(conn, "+levant") == set()
    with pytest.raises(QueryError, match="mute #1"):
        apply_rules(conn, [], ["  "], None, NOW)


def test_failure_mid_batch_rolls_back(conn: sqlite3.Connection) -> None:
    conn.execute("DROP TABLE story_articles")
    with pytest.raises(sqlite3.OperationalError):
        apply_rules(conn, [Rule("iran", "seen"), Rule("story:7", "story")], [], None, NOW)
    assert ids(conn, "+seen") == set()
    assert not conn.in_transaction


def test_many_ids_and_actor_resolver(conn: sqlite3.Connection) -> None:
    batch = list(range(1, 40_000))  # far beyond SQLite's placeholder limit
    result = apply_rules(conn, [Rule("actor:envoys", "envoys")], [], batch, NOW,
                         resolve_actor=lambda name: ["saudi-arabia"])
    assert result.tagged == 1 and "envoys" in tags_of(conn, 1)


def test_rename_tag_merges(conn: sqlite3.Connection) -> None:
    conn.execute("INSERT INTO tags (article_id, key, tag) VALUES (1, 'persia', 'persia')")
    conn.execute("INSERT INTO tags (article_id, key, tag) VALUES (2, 'persia', 'persia')")
    assert rename_tag(conn, "persia", "iran") == 2
    assert tags_of(conn, 1) == {"iran", "gulf"}
    assert tags_of(conn, 2) == {"iran", "russia"}
    assert ids(conn, "+persia") == set()
    assert rename_tag(conn, "iran", "iran") == 2  # no-op
    with pytest.raises(ValueError):
        rename_tag(conn, "iran", " ")


def test_delete_tag(conn: sqlite3.Connection) -> None:
    assert delete_tag(conn, "junk") == 1
    assert delete_tag(conn, "junk") == 0
    assert ids(conn, "+junk") == set()
