
"""Actor mention storage: indexing, queries, re-indexing on a gazetteer change."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from tui.core.actors.matcher import Matcher, load_gazetteer
from tui.core.store import actors as store
from tui.core.store.db import connect, get_meta


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(load_gazetteer())


@pytest.fixture
def conn(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    db = connect(tmp_path / "cache.sqlite3")
    yield db
    db.close()


def add_article(conn: sqlite3.Connection, title: str, body: str | None, published: str,
                summary: str | None = None) -> int:
    cur = conn.execute(
        "INSERT INTO articles(key, title, body, summary, published, first_seen) "
        "VALUES (?, ?, ?, ?, ?, ?)", (f"k{title}{published}", title, body, summary, published,
                                      published))
    assert cur.lastrowid is not None
    return cur.lastrowid


def test_index_and_mentions_of(conn: sqlite3.Connection, matcher: Matcher) -> None:
    a = add_article(conn, "Shoigu in Tehran", "Sergei Shoigu met the IRGC chief. Shoigu said.",
                    "2024-08-05T10:00:00Z")
    assert store.index_articles(conn, [a], matcher) == 1
    got = store.mentions_of(conn, a)
    assert got[0] == ("sergei-shoigu", 3, [("title", 0, 6), ("body", 0, 13), ("body", 34, 40)])
    assert {row[0] for row in got} == {"sergei-shoigu", "irgc"}


def test_reindex_replaces_rows(conn: sqlite3.Connection, matcher: Matcher) -> None:
    a = add_article(conn, "Hamas", "Hamas statement", "2024-08-05T10:00:00Z")
    store.index_articles(conn, [a], matcher)
    conn.execute("UPDATE articles SET title = 'Hezbollah', body = 'Hezbollah' WHERE id = ?", (a,))
    store.index_articles(conn, [a, a], matcher)
    assert [r[0] for r in store.mentions_of(conn, a)] == ["hezbollah"]


def test_spans_index_the_body_as_shown(conn: sqlite3.Connection, matcher: Matcher) -> None:
    # No body yet: only the title counts (spans must point into what the reader displays).
    a = add_article(conn, "Putin speaks", None, "2024-08-05T10:00:00Z", summary="Lavrov spoke")
    store.index_articles(conn, [a], matcher)
    assert store.mentions_of(conn, a) == [("vladimir-putin", 1, [("title", 0, 5)])]


def test_missing_ids_are_skipped(conn: sqlite3.Connection, matcher: Matcher) -> None:
    assert store.index_articles(conn, [12345], matcher) == 0
    assert store.index_articles(conn, [], matcher) == 0


def test_articles_mentioning_newest_first(conn: sqlite3.Connection, matcher: Matcher) -> None:
    old = add_article(conn, "Putin old", "", "2024-01-01T00:00:00Z")
    new = add_article(conn, "Putin new", "", "2024-06-01T00:00:00Z")
    other = add_article(conn, "Zelensky", "", "2024-07-01T00:00:00Z")
    store.index_articles(conn, [old, new, other], matcher)
    assert store.articles_mentioning(conn, "vladimir-putin", 10) == [new, old]
    assert store.articles_mentioning(conn, "vladimir-putin", 1) == [new]
    assert store.articles_mentioning(conn, "nobody", 10) == []


def test_top_actors_counts_articles_since(conn: sqlite3.Connection, matcher: Matcher) -> None:
    ids = [add_article(conn, "Putin and Putin", "Putin", "2024-06-01T00:00:00Z"),
           add_article(conn, "Putin, Xi", "", "2024-06-02T00:00:00Z"),
           add_article(conn, "Iran", "", "2023-01-01T00:00:00Z")]
    store.index_articles(conn, ids, matcher)
    assert store.top_actors(conn, "2024-01-01T00:00:00Z", 10) == [
        ("vladimir-putin", 2), ("xi-jinping", 1)]
    assert store.top_actors(conn, None, 1) == [("vladimir-putin", 2)]


def test_cascade_delete(conn: sqlite3.Connection, matcher: Matcher) -> None:
    a = add_article(conn, "Hamas", "", "2024-08-05T10:00:00Z")
    store.index_articles(conn, [a], matcher)
    conn.execute("DELETE FROM articles WHERE id = ?", (a,))
    assert conn.execute("SELECT count(*) FROM actor_mentions").fetchone()[0] == 0


def test_reindex_if_changed(conn: sqlite3.Connection, matcher: Matcher, tmp_path: Path) -> None:
    ids = [add_article(conn, f"Story {i}", "Jane Doe met Lavrov", f"2024-06-0{i}T00:00:00Z")
           for i in range(1, 4)]
    gaz = matcher.gazetteer
    assert store.reindex_if_changed(conn, matcher, gaz.content_hash) == 3
    assert get_meta(conn, store.GAZETTEER_HASH_KEY) == gaz.content_hash
    assert store.reindex_if_changed(conn, matcher, gaz.content_hash) == 0
    assert store.articles_mentioning(conn, "jane-doe", 10) == []

    user = tmp_path / "actors.toml"
    user.write_text('[[actor]]\nid = "jane-doe"\nname = "Jane Doe"\nkind = "person"\n',
                    encoding="utf-8")
    changed = load_gazetteer(user)
    assert store.reindex_if_changed(conn, Matcher(changed), changed.content_hash) == 3
    assert sorted(store.articles_mentioning(conn, "jane-doe", 10)) == ids
    assert get_meta(conn, store.GAZETTEER_HASH_KEY) == changed.content_hash


def test_reindex_batches(conn: sqlite3.Connection, matcher: Matcher,
                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store, "BATCH", 2)
    for i in range(5):
        add_article(conn, f"Hamas {i}", "", "2024-06-01T00:00:00Z")
    assert store.reindex_if_changed(conn, matcher, "h1") == 5
    assert len(store.articles_mentioning(conn, "hamas", 10)) == 5


def test_failed_index_rolls_back(conn: sqlite3.Connection, matcher: Matcher) -> None:
    a = add_article(conn, "Hamas", "", "2024-08-05T10:00:00Z")
    store.index_articles(conn, [a], matcher)

    class Broken:
        def match(self, title: str, body: str) -> list[object]:
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        store.index_articles(conn, [a], Broken())  # type: ignore[arg-type]
    assert [r[0] for r in store.mentions_of(conn, a)] == ["hamas"]


def test_bench_script_runs(capsys: pytest.CaptureFixture[str]) -> None:
    import importlib.util

    path = Path(__file__).resolve().parent.parent / "bench" / "bench_actors.py"
    spec = importlib.util.spec_from_file_location("bench_actors", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["--mb", "0.05", "--articles", "30"]) == 0
    assert "MB/s" in capsys.readouterr().out
