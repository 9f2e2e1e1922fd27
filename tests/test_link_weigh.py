"""Weighing a run's articles (index.weighed): what a pool worker hands the writer."""

from __future__ import annotations

import json
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace

from tests.test_related import SHOIGU, VISIT, _add, _db
from tui.core.linking import index
from tui.core.linking.features import Raw, weigh
from tui.core.store import links
from tui.core.store.write_turns import transaction


def test_weighed_postings_are_the_index_order_whatever_the_ids(tmp_path: Path) -> None:
    """Ids out of time order, equal times, keys shared by several articles: the postings come
    back sorted (key, time, id) and distinct, each article's index keys once, and the rows
    by id."""
    conn = _db(tmp_path)
    times = ["2024-08-05T18:00:00Z", "2024-08-05T10:00:00Z", "2024-08-05T10:00:00Z",
             "2024-08-04T09:00:00Z", "2024-08-05T10:00:00Z"]
    with transaction(conn):
        ids = [_add(conn, f"k{n}", 1 + n % 2, f"Shoigu in Tehran, part {n}",
                    VISIT + f" Talks went on for {n} hours.", when, [SHOIGU])
               for n, when in enumerate(times)]
        index.store_raw(conn, index.load_raw(conn, ids), ids)
    got = index.weighed(conn, list(reversed(ids)))
    want: set[tuple[str, float, int]] = set()
    df = links.df(conn, {k for _p, raw in links.raws(conn, ids).values()
                         for k in Raw.loads(raw).df_keys()})
    for aid, (published, raw) in links.raws(conn, ids).items():
        feats = weigh(Raw.loads(raw), datetime.fromtimestamp(published, UTC), df, df[""])
        want |= {(key, published, aid) for key in feats.index_keys()}
    postings = list(zip(got.keys, got.published, got.ids, strict=True))
    assert postings == sorted(want)
    assert [row[0] for row in got.rows] == sorted(ids)
    assert len({key for key, _p, _a in postings if key.startswith("a:")}) == 1  # shared


def test_top_terms_are_the_heaviest_ties_and_disorder_included() -> None:
    """Index keys take a features' first terms as they are held unless rounding left a tie out
    of key order; whatever the dict, the keys are the `heaviest` ones."""
    import random

    from tui.core.linking.features import TOP_TERMS, heaviest, index_keys

    rng = random.Random(15)
    for _ in range(3000):
        n = rng.choice([0, 1, 5, TOP_TERMS - 1, TOP_TERMS, TOP_TERMS + 1, 30, 60])
        weights = {f"w{rng.randrange(80):02d}": round(rng.choice([0.3, 0.2, 0.1]) if
                                                      rng.random() < 0.4 else rng.random(), 2)
                   for _ in range(n)}
        if rng.random() < 0.8:  # held heaviest first, ties in any order (as rounding leaves)
            ordered = sorted(weights.items(), key=lambda kv: -kv[1])
            weights = dict(ordered if rng.random() < 0.5 else
                           sorted(ordered, key=lambda kv: (-kv[1], rng.random())))
        fields = SimpleNamespace(actors={}, states={}, places={}, terms=weights, sig=())
        got = [key for key in index_keys(fields) if key.startswith("t:")]
        assert got == [f"t:{t}" for t, _w in heaviest(weights, TOP_TERMS)]


def test_postings_are_stored_as_weighed_two_hundred_a_statement(tmp_path: Path) -> None:
    """The writer stores a job's postings a few statements in all (a statement per posting
    was a quarter of storing them), each posting once, whatever their count; one for an
    article gone meanwhile is left out."""
    from math import ceil

    conn = _db(tmp_path)
    with transaction(conn):
        ids = [_add(conn, f"p{n}", 1 + n % 2, f"Shoigu in Tehran, part {n}",
                    VISIT + f" Talks on drones went on for {n} hours in round {n % 7}.",
                    f"2024-08-0{1 + n % 9}T1{n % 10}:00:00Z", [SHOIGU]) for n in range(24)]
        index.store_raw(conn, index.load_raw(conn, ids), ids)
    got = index.weighed(conn, ids)
    gone = ids[5]
    with transaction(conn):
        conn.execute("DELETE FROM articles WHERE id = ?", (gone,))
    postings = [p for p in zip(got.keys, got.published, got.ids, strict=True) if p[2] != gone]
    assert len(postings) > 400 and len(postings) % 200  # full statements and a last one
    said: list[str] = []
    conn.set_trace_callback(said.append)
    with transaction(conn):
        index.store_weighed(conn, got)
    conn.set_trace_callback(None)
    assert len([s for s in said if s.startswith("INSERT OR IGNORE INTO link_keys")]) == ceil(
        len(postings) / 200)
    assert len([s for s in said if "INTO link_weighed" in s]) == 1  # 23 rows, one statement
    assert [r[0] for r in conn.execute("SELECT article_id FROM link_weighed ORDER BY 1")] == [
        aid for aid in ids if aid != gone]
    stored = conn.execute("SELECT key, published, article_id FROM link_keys "
                          "ORDER BY key, published, article_id").fetchall()
    assert [tuple(row) for row in stored] == sorted(postings)


def test_a_batch_counts_its_keys_in_one_statement_as_a_counter_would(tmp_path: Path) -> None:
    """Keys shared, held twice in one list, quoted or non-Latin, and the articles under "":
    the counts a Counter gives, added to what was there."""
    conn = _db(tmp_path)
    lists = [["a:putin", "t:\u0441\u0430\u043c\u043c\u0438\u0442", 't:"quoted"'],
             ["a:putin", "p:iran", "p:iran"], [], ["t:\u0633\u0644\u0627\u0645", "a:putin"]]
    with transaction(conn):
        links.count_keys(conn, [("a:putin", 5), ("", 7)])
        links.count_key_lists(conn, [json.dumps(keys) for keys in lists])
    want = Counter(key for keys in lists for key in keys) + Counter({"a:putin": 5, "": 7 + 4})
    assert links.df(conn, want) == dict(want)


def test_storing_a_batch_counts_its_keys_in_two_statements(tmp_path: Path) -> None:
    """SQLite counts the batch's keys: a statement per distinct key (~2,000 a batch of a cold
    fill) was most of the writer's counting."""
    conn = _db(tmp_path)
    with transaction(conn):
        ids = [_add(conn, f"k{n}", 1 + n % 2, f"Shoigu in Tehran, part {n}",
                    VISIT + f" Talks went on for {n} hours.", "2024-08-05T10:00:00Z", [SHOIGU])
               for n in range(3)]
        raws = index.load_raw(conn, ids)
        seen: list[str] = []
        conn.set_trace_callback(seen.append)
        index.store_raw(conn, raws, ids)
        conn.set_trace_callback(None)
    want = Counter(key for _when, packed in raws.values() for key in packed.keys)
    want[""] = 3
    assert links.df(conn, want) == dict(want)
    assert len(want) > 10
    assert len([sql for sql in seen if "INTO link_df" in sql]) == 2
