"""Benchmark actor matching: throughput on synthetic article text, and the cost of re-matching a
cache of articles after a gazetteer change.

    python bench/bench_actors.py                  # defaults: 4 MB of text, 10k cached articles
    python bench/bench_actors.py --mb 1 --articles 2000

Synthetic text is filler prose with actor names (Latin, Cyrillic, Arabic script) sprinkled in at
roughly the density of a politics wire story, so both the automaton scan and the per-hit
attribution work are exercised.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tui.core.actors.matcher import Matcher, load_gazetteer
from tui.core.actors.recognize import Recognizer
from tui.core.config.loader import Config, Settings
from tui.core.refresh.analysis import Analysis
from tui.core.store import actors as store
from tui.core.store.db import connect, set_meta
from tui.core.store.write_turns import transaction

FILLER = (  # noqa: SIM905 (a word list reads better as prose)
    "the of and to in a said on for that with was officials talks ministry statement week "
    "after security forces government would also told reporters region meeting between over "
    "minister president attack border ceasefire sanctions oil drone strike capital agency "
    "conference visit negotiations nuclear programme army defence"
).split()
NATIVE = ["Владимир Путин заявил", "Сергею Лаврову поручено", "قال إسماعيل هنية",
          "مسعود پزشکیان گفت", "حزب الله", "Шойгу прибыл"]


def make_article(rng: random.Random, names: list[str], words: int) -> tuple[str, str]:
    out = []
    for _ in range(words):
        roll = rng.random()
        if roll < 0.02:
            out.append(rng.choice(names))
        elif roll < 0.022:
            out.append(rng.choice(NATIVE))
        else:
            out.append(rng.choice(FILLER))
        if rng.random() < 0.07:
            out[-1] += "."
    body = " ".join(out)
    paragraphs = [body[i:i + 600] for i in range(0, len(body), 600)]
    title = " ".join(rng.choice(FILLER) for _ in range(6)) + " " + rng.choice(names)
    return title.capitalize(), "\n\n".join(paragraphs)


def bench_throughput(matcher: Matcher, names: list[str], megabytes: float, seed: int,
                     ) -> tuple[float, float, int, int]:
    rng = random.Random(seed)
    articles = []
    size = 0
    while size < megabytes * 1_000_000:
        title, body = make_article(rng, names, rng.randint(300, 900))
        articles.append((title, body))
        size += len(title.encode()) + len(body.encode())
    start = time.perf_counter()
    mentions = sum(len(matcher.match(t, b)) for t, b in articles)
    elapsed = time.perf_counter() - start
    return size / 1e6 / elapsed, elapsed, len(articles), mentions


def bench_reindex(names: list[str], count: int, seed: int) -> tuple[float, float, int]:
    """The analysis's re-match (actors with role phrases, places, unlisted names) of a cache."""
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        conn = connect(folder / "bench.sqlite3")
        with transaction(conn):
            for i in range(count):
                title, body = make_article(rng, names, rng.randint(300, 900))
                conn.execute("INSERT INTO articles(key, title, body, published, first_seen, "
                             "analysed) VALUES (?, ?, ?, ?, ?, 1)",
                             (f"k{i}", title, body, f"2025-01-01T00:{i % 60:02d}:00Z",
                              "2025-01-01T00:00:00Z"))
            set_meta(conn, store.GAZETTEER_HASH_KEY, "none yet")
        analysis = Analysis(Config(path=None, settings=Settings(cache_dir=folder)))
        start = time.perf_counter()
        analysis.run_pending(conn)
        first = time.perf_counter() - start
        user = folder / "actors.toml"
        user.write_text('[[actor]]\nid = "bench-person"\nname = "Bench Person"\nkind = "person"\n'
                        '\n[[actor]]\nid = "sergei-shoigu"\naliases = ["Shoygoo"]\n',
                        encoding="utf-8")
        start = time.perf_counter()
        analysis.reload_actors(user)
        analysis.run_pending(conn)
        again = time.perf_counter() - start
        done = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        conn.close()
    return first, again, done


def bench_recognize(recognizer: Recognizer, names: list[str], megabytes: float,
                    seed: int) -> tuple[float, float]:
    """MB/s of the mention analyzers' text work: names with role phrases, then unlisted names."""
    from datetime import UTC, datetime

    rng = random.Random(seed)
    articles, size = [], 0
    while size < megabytes * 1_000_000:
        title, body = make_article(rng, names, rng.randint(300, 900))
        articles.append((title, body))
        size += len(title.encode()) + len(body.encode())
    when = datetime(2025, 1, 1, tzinfo=UTC)
    start = time.perf_counter()
    found = [recognizer.mentions(t, b, when) for t, b in articles]
    named = time.perf_counter() - start
    start = time.perf_counter()
    for (t, b), mentions in zip(articles, found, strict=True):
        recognizer.unlisted(t, b, [(m.field, m.start, m.end) for m in mentions])
    unlisted = time.perf_counter() - start
    return size / 1e6 / named, size / 1e6 / unlisted


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=4.0, help="MB of text for throughput")
    parser.add_argument("--articles", type=int, default=10_000, help="cached articles to re-match")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)

    start = time.perf_counter()
    gazetteer = load_gazetteer()
    loaded = time.perf_counter() - start
    start = time.perf_counter()
    matcher = Matcher(gazetteer)
    built = time.perf_counter() - start
    # The names of the file's actors (not the bodies table's), so the text stays comparable.
    made = {b.id for b in gazetteer.bodies.new} if gazetteer.bodies is not None else set()
    names = [form for a in gazetteer.actors.values() if a.id not in made
             for form in a.full_forms() if form.isascii()]

    mbps, elapsed, n_articles, mentions = bench_throughput(matcher, names, args.mb, args.seed)
    first, again, done = bench_reindex(names, args.articles, args.seed)
    named, unlisted = bench_recognize(Recognizer(gazetteer), names, args.mb, args.seed)

    rows = [
        ("gazetteer", f"{len(gazetteer.actors)} actors, {matcher.key_count} automaton keys"),
        ("load gazetteer", f"{loaded * 1000:.0f} ms"),
        ("build matcher", f"{built * 1000:.0f} ms"),
        ("match throughput", f"{mbps:.1f} MB/s ({args.mb:g} MB, {n_articles} articles, "
                             f"{mentions} mentions, {elapsed:.2f} s)"),
        ("names + role phrases", f"{named:.1f} MB/s"),
        ("unlisted names", f"{unlisted:.1f} MB/s"),
        ("index cache (first run)", f"{first:.2f} s for {args.articles} articles"),
        ("re-match after change", f"{again:.2f} s for {done} articles (incl. load + build)"),
    ]
    width = max(len(k) for k, _ in rows)
    print(f"{'measure':<{width}}  value")
    print(f"{'-' * width}  {'-' * 40}")
    for key, value in rows:
        print(f"{key:<{width}}  {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
