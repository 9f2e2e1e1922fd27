"""Cost of cross-outlet linking with N cached articles: link time per new article, lookup p95.

Script, not a test: `python bench/bench_related.py [N ...]` (default 10000 50000).
For each N it writes a synthetic cache into a temp SQLite through tui.core.store.db.connect:
articles arrive at a steady 500 a day (so a bigger cache covers more days, as a real one that
keeps more history does), with Zipf-distributed words, actors and places, and about a third of
them in multi-outlet events. The cache is indexed in batches like the analyzer does; then 200
new articles are linked one at a time, each step timed apart as the refresh runs them:
the writer stores and weighs the features, a pool worker scores candidates on a read-only connection
(`link_scores`), the writer stores the links and re-clusters the stories around them. Then
`related()` for 1000 random ids.
"""

from __future__ import annotations

import itertools
import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tui.core.linking import index  # noqa: E402
from tui.core.linking.text import place_matcher  # noqa: E402
from tui.core.models import to_iso  # noqa: E402
from tui.core.store import coverage  # noqa: E402
from tui.core.store.db import connect, connect_readonly  # noqa: E402
from tui.core.store.write_turns import transaction  # noqa: E402

PER_DAY = 500
START = datetime(2024, 1, 1, tzinfo=UTC)
SYLLABLES = ("ka", "ri", "to", "ma", "ne", "su", "lo", "vi", "da", "pe", "zo", "ha", "mi", "ru",
             "te", "gan", "bor", "sel", "vak", "tum")


def _vocab(n: int, rng: random.Random) -> list[str]:
    words = set()
    while len(words) < n:
        words.add("".join(rng.choices(SYLLABLES, k=rng.randint(2, 4))))
    return sorted(words)


class Generator:
    def __init__(self, seed: int = 7) -> None:
        self.rng = random.Random(seed)
        self.words = _vocab(8000, self.rng)
        self.word_w = list(itertools.accumulate(1 / (i + 1) for i in range(len(self.words))))
        try:
            from tui.core.actors.matcher import load_gazetteer

            self.actors = sorted(load_gazetteer().actors)
        except Exception:
            self.actors = [f"actor-{i}" for i in range(250)]
        self.actor_w = list(itertools.accumulate(1 / (i + 1) for i in range(len(self.actors))))
        self.places = [p.name for p in place_matcher().places.values()]
        self.event: tuple[list[str], list[str], str, int] | None = None

    def article(self) -> tuple[str, str, list[tuple[str, int, str]]]:
        rng = self.rng
        if self.event is None or self.event[3] <= 0 or rng.random() < 0.6:
            if rng.random() < 0.3:  # a new multi-outlet event: its own words, actors, place
                self.event = (rng.choices(self.words[2000:], k=6),
                              rng.choices(self.actors, cum_weights=self.actor_w, k=2),
                              rng.choice(self.places), rng.randint(2, 5))
            else:
                self.event = None
        words = rng.choices(self.words, cum_weights=self.word_w, k=150)
        actors = rng.choices(self.actors, cum_weights=self.actor_w, k=rng.randint(0, 3))
        place = rng.choice(self.places)
        if self.event is not None:
            ev_words, ev_actors, place, left = self.event
            words[:0] = ev_words * 2
            actors += ev_actors
            self.event = (ev_words, ev_actors, place, left - 1)
        title = " ".join([*words[:6], place])
        body = " ".join([*words[6:], place])
        mentions = [(a, 2, json.dumps([["title", 0, 1], ["body", 10, 11]]))
                    for a in dict.fromkeys(actors)]
        return title.capitalize(), body, mentions


def _insert(conn: sqlite3.Connection, gen: Generator, start: int, count: int) -> list[int]:
    ids = []
    for i in range(start, start + count):
        title, body, mentions = gen.article()
        when = to_iso(START + timedelta(seconds=i * 86400 / PER_DAY))
        aid = int(conn.execute(
            "INSERT INTO articles(key, title, body, published, first_seen, analysed) "
            "VALUES(?, ?, ?, ?, ?, 1)", (f"k{i}", title, body, when, when)).lastrowid or 0)
        conn.execute("INSERT INTO article_feeds(article_id, feed_id) VALUES(?, ?)", (aid, 1 + i % 8))
        conn.executemany("INSERT OR IGNORE INTO actor_mentions VALUES(?, ?, ?, ?)",
                         [(aid, a, c, s) for a, c, s in mentions])
        ids.append(aid)
    return ids


def run(n: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        conn = connect(Path(tmp) / "bench.sqlite3")
        conn.executemany("INSERT INTO feeds(id, url, name) VALUES(?, ?, ?)",
                         [(i, f"u{i}", f"Feed {i}") for i in range(1, 9)])
        gen = Generator()
        started = time.perf_counter()
        for start in range(0, n, 1000):  # stored in batches, linked once: a cold refresh
            with transaction(conn):
                ids = _insert(conn, gen, start, min(1000, n - start))
                index.store_raw(conn, index.load_raw(conn, ids), ids)
        every = list(range(1, n + 1))
        with transaction(conn):
            index.weigh_stored(conn, every)
            index.write_links(conn, index.link_scores(conn, every))
            index.recluster(conn, every)
        build = time.perf_counter() - started
        reader = connect_readonly(Path(tmp) / "bench.sqlite3")
        writer_times, score_times, totals = [], [], []
        for i in range(200):
            ids = []
            with transaction(conn):
                ids = _insert(conn, gen, n + i, 1)
                raws = index.load_raw(conn, ids)  # the text half: in a pool worker
                t0 = time.perf_counter()
                index.store_raw(conn, raws, ids)
                ids = index.reweigh(conn, ids)
                t1 = time.perf_counter()
            rows = index.link_scores(reader, ids)  # in a pool worker during a refresh
            t2 = time.perf_counter()
            with transaction(conn):
                t3 = time.perf_counter()
                index.write_links(conn, rows)
                index.recluster(conn, ids)
                t4 = time.perf_counter()
            writer_times.append((t1 - t0) + (t4 - t3))
            score_times.append(t2 - t1)
            totals.append((t1 - t0) + (t2 - t1) + (t4 - t3))
        reader.close()
        rng = random.Random(1)
        lookups = []
        all_ids = [r[0] for r in conn.execute("SELECT id FROM articles")]
        for aid in rng.sample(all_ids, 1000):
            t0 = time.perf_counter()
            coverage.related(conn, aid)
            lookups.append(time.perf_counter() - t0)
        linked = conn.execute("SELECT count(DISTINCT article_id) FROM links").fetchone()[0]
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size = (Path(tmp) / "bench.sqlite3").stat().st_size / 1e6
        conn.close()
    def ms(xs: list[float], q: int | None = None) -> float:
        return (statistics.quantiles(xs, n=20)[q] if q else statistics.median(xs)) * 1e3

    return {"articles": n, "build_s": build,
            "link_ms_median": ms(totals), "link_ms_p95": ms(totals, 18),
            "score_ms_median": ms(score_times), "score_ms_p95": ms(score_times, 18),
            "writer_ms_median": ms(writer_times), "writer_ms_p95": ms(writer_times, 18),
            "related_ms_p95": statistics.quantiles(lookups, n=20)[18] * 1e3,
            "linked_share": linked / (n + 200), "db_mb": size}


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [10_000, 50_000]
    for n in sizes:
        r = run(n)
        print(f"{r['articles']:>6} cached: link {r['link_ms_median']:.1f} ms median, "
              f"{r['link_ms_p95']:.1f} ms p95 per new article (scoring, in the pool: "
              f"{r['score_ms_median']:.1f} / {r['score_ms_p95']:.1f}; writer: "
              f"{r['writer_ms_median']:.1f} / {r['writer_ms_p95']:.1f}); related() p95 "
              f"{r['related_ms_p95']:.2f} ms; build {r['build_s']:.0f} s; "
              f"{r['linked_share']:.0%} linked; {r['db_mb']:.0f} MB", flush=True)


if __name__ == "__main__":
    main()
