"""Actor mention storage: written by the analysis, read back for the reader and queries, and
matched again when the gazetteer changes (the analysis's re-match, not the store's job), and
the recent fortnight linked again when the linker changes."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from tui.core.config.loader import Config, Settings
from tui.core.models import to_iso, utcnow
from tui.core.refresh import analysis as analysis_module
from tui.core.refresh import relink
from tui.core.refresh.analysis import Analysis
from tui.core.refresh.relink import LINKER_HASH_KEY
from tui.core.store import actors as store
from tui.core.store.db import connect, get_meta, set_meta


@pytest.fixture
def conn(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    db = connect(tmp_path / "cache.sqlite3")
    yield db
    db.close()


@pytest.fixture
def analysis(tmp_path: Path) -> Analysis:
    return Analysis(Config(path=None, settings=Settings(cache_dir=tmp_path)))


def add_article(conn: sqlite3.Connection, title: str, body: str | None, published: str,
                summary: str | None = None) -> int:
    cur = conn.execute(
        "INSERT INTO articles(key, title, body, summary, published, first_seen) "
        "VALUES (?, ?, ?, ?, ?, ?)", (f"k{title}{published}", title, body, summary, published,
                                      "2020-01-01T00:00:00Z"))
    assert cur.lastrowid is not None
    return cur.lastrowid


def changed(conn: sqlite3.Connection, article_id: int, title: str, body: str) -> None:
    conn.execute("UPDATE articles SET title = ?, body = ?, analysed = 0 WHERE id = ?",
                 (title, body, article_id))


def test_index_and_mentions_of(conn: sqlite3.Connection, analysis: Analysis) -> None:
    a = add_article(conn, "Shoigu in Tehran", "Sergei Shoigu met the IRGC chief. Shoigu said.",
                    "2024-08-05T10:00:00Z")
    assert analysis.run_pending(conn) == 1
    got = store.mentions_of(conn, a)
    assert got[0] == ("sergei-shoigu", 3, [("title", 0, 6), ("body", 0, 13), ("body", 34, 40)])
    # "the IRGC chief" on 5 August 2024 was Hossein Salami: a role phrase names the holder
    assert {row[0] for row in got} == {"sergei-shoigu", "irgc", "hossein-salami"}
    assert [s for r in got if r[0] == "hossein-salami" for s in r[2]] == [
        ("body", 22, 32, "ir-irgc-commander")]


def test_reindex_replaces_rows(conn: sqlite3.Connection, analysis: Analysis) -> None:
    a = add_article(conn, "Hamas", "Hamas statement", "2024-08-05T10:00:00Z")
    analysis.run_pending(conn)
    changed(conn, a, "Hezbollah", "Hezbollah")
    analysis.run_pending(conn)
    assert [r[0] for r in store.mentions_of(conn, a)] == ["hezbollah"]


def test_spans_index_the_body_as_shown(conn: sqlite3.Connection, analysis: Analysis) -> None:
    # No body yet: only the title counts (spans must point into what the reader displays).
    a = add_article(conn, "Putin speaks", None, "2024-08-05T10:00:00Z", summary="Lavrov spoke")
    analysis.run_pending(conn)
    assert store.mentions_of(conn, a) == [("vladimir-putin", 1, [("title", 0, 5)])]


def test_articles_mentioning_newest_first(conn: sqlite3.Connection, analysis: Analysis) -> None:
    old = add_article(conn, "Putin old", "", "2024-01-01T00:00:00Z")
    new = add_article(conn, "Putin new", "", "2024-06-01T00:00:00Z")
    add_article(conn, "Zelensky", "", "2024-07-01T00:00:00Z")
    analysis.run_pending(conn)
    assert store.articles_mentioning(conn, "vladimir-putin", 10) == [new, old]
    assert store.articles_mentioning(conn, "vladimir-putin", 1) == [new]
    assert store.articles_mentioning(conn, "nobody", 10) == []


def test_top_actors_counts_articles_since(conn: sqlite3.Connection, analysis: Analysis) -> None:
    ids = [add_article(conn, "Putin and Putin", "Putin", "2024-06-01T00:00:00Z"),
           add_article(conn, "Putin, Xi", "", "2024-06-02T00:00:00Z"),
           add_article(conn, "Iran", "", "2023-01-01T00:00:00Z")]
    assert analysis.run_pending(conn) == len(ids)
    assert store.top_actors(conn, "2024-01-01T00:00:00Z", 10) == [
        ("vladimir-putin", 2), ("xi-jinping", 1)]
    assert store.top_actors(conn, None, 1) == [("vladimir-putin", 2)]


def test_cascade_delete(conn: sqlite3.Connection, analysis: Analysis) -> None:
    a = add_article(conn, "Hamas", "", "2024-08-05T10:00:00Z")
    analysis.run_pending(conn)
    conn.execute("DELETE FROM articles WHERE id = ?", (a,))
    assert conn.execute("SELECT count(*) FROM actor_mentions").fetchone()[0] == 0


def test_rematch_when_the_gazetteer_changes(conn: sqlite3.Connection, analysis: Analysis,
                                            tmp_path: Path) -> None:
    ids = [add_article(conn, f"Story {i}", "Jane Doe met Lavrov", f"2024-06-0{i}T00:00:00Z")
           for i in range(1, 4)]
    assert analysis.run_pending(conn) == 3
    first = get_meta(conn, store.GAZETTEER_HASH_KEY)
    assert first == analysis.sources().source_hash
    assert analysis.run_pending(conn) == 0  # nothing changed, nothing pending
    assert store.articles_mentioning(conn, "jane-doe", 10) == []

    user = tmp_path / "actors.toml"
    user.write_text('[[actor]]\nid = "jane-doe"\nname = "Jane Doe"\nkind = "person"\n',
                    encoding="utf-8")
    analysis.reload_actors(user)
    events: list[object] = []
    analysis.run_pending(conn, events.append)
    assert sorted(store.articles_mentioning(conn, "jane-doe", 10)) == ids
    assert get_meta(conn, store.GAZETTEER_HASH_KEY) == analysis.sources().source_hash != first
    assert any(getattr(e, "stage", "") == "rematch" for e in events)


def test_rematch_goes_round_by_round(conn: sqlite3.Connection, analysis: Analysis,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    for i in range(5):
        add_article(conn, f"Hamas {i}", "", "2024-06-01T00:00:00Z")
    analysis.run_pending(conn)
    conn.execute("DELETE FROM actor_mentions")
    conn.execute("UPDATE meta SET value = 'old' WHERE key = ?", (store.GAZETTEER_HASH_KEY,))
    monkeypatch.setattr(analysis_module, "ROUND", 2)
    monkeypatch.setattr(analysis_module, "BATCH", 1)
    analysis.run_pending(conn)
    assert len(store.articles_mentioning(conn, "hamas", 10)) == 5


def test_failed_rematch_keeps_the_old_hash(conn: sqlite3.Connection, analysis: Analysis,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    a = add_article(conn, "Hamas", "", "2024-08-05T10:00:00Z")
    analysis.run_pending(conn)
    conn.execute("UPDATE meta SET value = 'old' WHERE key = ?", (store.GAZETTEER_HASH_KEY,))

    def boom(*_args: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(store, "save_rows", boom)
    with pytest.raises(RuntimeError):
        analysis.run_pending(conn)
    assert get_meta(conn, store.GAZETTEER_HASH_KEY) == "old"  # starts over next time
    assert [r[0] for r in store.mentions_of(conn, a)] == ["hamas"]


def rematched(analysis: Analysis, conn: sqlite3.Connection) -> bool:
    events: list[object] = []
    analysis.run_pending(conn, events.append)
    return any(getattr(e, "stage", "") == "rematch" for e in events)


def test_a_new_matcher_version_rematches_the_cache_once(
        conn: sqlite3.Connection, analysis: Analysis, monkeypatch: pytest.MonkeyPatch) -> None:
    """A fix to the matching code (the data files unchanged) reaches old articles too."""
    kim = "Шойгу провёл переговоры с Ким Чен Ыном."  # noqa: RUF001 - a Russian sentence
    a = add_article(conn, "Шойгу в Пхеньяне", kim, "2024-09-13T10:00:00Z")
    current = analysis_module.MATCHER_VERSIONS["actors"]
    monkeypatch.setitem(analysis_module.MATCHER_VERSIONS, "actors", current - 1)
    assert analysis.run_pending(conn) == 1
    conn.execute("DELETE FROM actor_mentions WHERE actor_id = 'kim-jong-un'")  # what N missed
    assert not rematched(analysis, conn)  # still version N: nothing to do

    monkeypatch.setitem(analysis_module.MATCHER_VERSIONS, "actors", current)  # the upgrade
    assert rematched(analysis, conn)
    assert "kim-jong-un" in [r[0] for r in store.mentions_of(conn, a)]
    assert not rematched(analysis, conn)  # once


def test_a_cache_matched_before_matcher_versions_rematches_once(
        conn: sqlite3.Connection, analysis: Analysis) -> None:
    """The last release hashed the data files alone: its caches re-match once on upgrade."""
    import hashlib

    add_article(conn, "Hamas", "", "2024-08-05T10:00:00Z")
    analysis.run_pending(conn)
    data_only = hashlib.sha256(b"\0".join(Path(p).read_bytes() for p in analysis_module.BUNDLED_SOURCES))
    conn.execute("UPDATE meta SET value = ? WHERE key = ?",
                 (data_only.hexdigest(), store.GAZETTEER_HASH_KEY))
    assert rematched(analysis, conn)
    assert not rematched(analysis, conn)


def test_every_rematch_analyzer_has_a_matcher_version() -> None:
    from tui.core.refresh.analyzers import analyzers

    rematching = {a.name for a in analyzers() if getattr(a, "rematch", False)}
    assert rematching == set(analysis_module.MATCHER_VERSIONS)


def test_bench_script_runs(capsys: pytest.CaptureFixture[str]) -> None:
    import importlib.util

    path = Path(__file__).resolve().parent.parent / "bench" / "bench_actors.py"
    spec = importlib.util.spec_from_file_location("bench_actors", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["--mb", "0.05", "--articles", "30"]) == 0
    assert "MB/s" in capsys.readouterr().out


def pending(conn: sqlite3.Connection) -> list[int]:
    return [r[0] for r in conn.execute("SELECT id FROM articles WHERE analysed = 0 ORDER BY id")]


def test_a_new_linker_relinks_the_recent_fortnight_only(
        conn: sqlite3.Connection, analysis: Analysis, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    recent = add_article(conn, "Shoigu in Tehran", "Shoigu met Ahmadian in Tehran.",
                         to_iso(utcnow() - timedelta(days=2)))
    old = add_article(conn, "Shoigu in Pyongyang", "Shoigu met Kim in Pyongyang.",
                      to_iso(utcnow() - timedelta(days=60)))
    assert analysis.run_pending(conn) == 2
    shipped = get_meta(conn, LINKER_HASH_KEY)
    assert shipped is not None and pending(conn) == []

    assert analysis.run_pending(conn) == 0  # the same linker: nothing to do
    weights = tmp_path / "weights.json"  # a refitted linker ships another weights file
    weights.write_bytes(Path(relink._WEIGHTS).read_bytes() + b"\n")
    monkeypatch.setattr(relink, "_WEIGHTS", weights)
    assert analysis.run_pending(conn) == 1  # the recent article, analysed and linked again
    assert get_meta(conn, LINKER_HASH_KEY) not in (None, shipped)
    assert pending(conn) == [] and old != recent


def test_features_of_an_older_version_are_made_again_for_the_fortnight(
        conn: sqlite3.Connection, analysis: Analysis) -> None:
    """A cache linked before features version 2 (its MinHash signatures never match the new
    ones) is relinked once, weights unchanged: the old version's meta, as that release wrote
    it, is a linker change."""
    import hashlib

    from tui.core.refresh.match_sources import stamp

    recent = add_article(conn, "Shoigu in Tehran", "Shoigu met Ahmadian in Tehran.",
                         to_iso(utcnow() - timedelta(days=2)))
    add_article(conn, "Shoigu in Pyongyang", "Shoigu met Kim in Pyongyang.",
                to_iso(utcnow() - timedelta(days=60)))
    assert analysis.run_pending(conn) == 2
    set_meta(conn, LINKER_HASH_KEY, hashlib.sha256(Path(relink._WEIGHTS).read_bytes()).hexdigest())
    set_meta(conn, relink.LINKER_STAMP_KEY, repr(stamp(relink._WEIGHTS)))
    assert analysis.run_pending(conn) == 1  # the recent article's features made again
    assert pending(conn) == [] and recent
    assert analysis.run_pending(conn) == 0


def test_a_cache_from_before_the_key_relinks_but_a_new_one_does_not(
        conn: sqlite3.Connection, analysis: Analysis) -> None:
    add_article(conn, "Shoigu in Tehran", "Shoigu met Ahmadian.",
                to_iso(utcnow() - timedelta(days=1)))
    assert analysis.run_pending(conn) == 1  # a new cache: analysed once, not twice
    conn.execute("DELETE FROM meta WHERE key = ?", (LINKER_HASH_KEY,))  # as an older release
    assert analysis.run_pending(conn) == 1
    assert analysis.run_pending(conn) == 0
