"""Search and filter latency at 50k articles, and peak memory of the app over such a cache.

Script, not a test:  python bench/bench_query.py [--articles 50000 --reps 15]

Synthetic articles (our own phrase bank, bodies of 2-4 paragraphs, tags, read flags, dates over
six months) are inserted straight into a fresh cache through tui.core.store, as refresh does.
A separate process then opens a Desk on it and times `Desk.articles(q, limit=200)` and
`Desk.count(q)` for a fixed set of queries, `reps` times each after one warm-up call, and
reports p50/p95 per query and over all calls (goal: p95 < 50 ms), plus its own max RSS. The TUI
itself is then started on the cache in tmux (when present) and its peak RSS read from /proc.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import PYTHON, ROOT, Report, anon_kb, hwm_kb, percentile, run, stat_dict
from bench.site import PLACES, SiteContent

GOAL_P95_MS = 50.0
FEEDS = ["Levant Wire", "Gulf Ledger", "Caucasus Desk", "Volga Review", "Nile Dispatch",
         "Tehran Monitor", "Kyiv Brief", "Ankara Notes"]
TOPICS = ["iran", "russia", "syria", "ukraine", "gulf", "energy", "sanctions", "turkey",
          "iraq", "caucasus"]
QUERIES = ["", "is:unread", "+iran", "feed:Levant", "since:7d", "ceasefire",
           '"enrichment facility"', "title:tanker", "tehran -energy",
           "is:unread +russia since:30d sanctions", "tehran OR kyiv", "+syria OR +iraq",
           "zzqxnotaword", "is:saved"]


def write_config(folder: Path) -> Path:
    lines = ["[settings]", 'cache_dir = "cache"', "keep_days = 0", ""]
    for i, name in enumerate(FEEDS):
        lines += ["[[feed]]", f'name = "{name}"', f'url = "http://127.0.0.1:9/feed{i}.xml"',
                  f'tags = ["{TOPICS[i % len(TOPICS)]}"]', ""]
    path = folder / "feeds.toml"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def fill(config_path: Path, count: int, seed: int = 3) -> None:
    """Insert `count` articles through the store, with bodies, tags and flags."""
    from tui.core.config.loader import load_config
    from tui.core.models import to_iso
    from tui.core.store import articles as store
    from tui.core.store import feeds as feed_store
    from tui.core.store.db import DB_NAME, connect
    from tui.core.store.entries import NewEntry
    from tui.core.store.write_turns import transaction

    config = load_config(config_path)
    conn = connect(config.settings.cache_dir / DB_NAME)
    rng = random.Random(seed)
    pool = SiteContent(1, 1, ["127.0.0.1"], seed=seed)
    now = datetime.now(UTC)
    span = timedelta(days=180).total_seconds()
    with transaction(conn):
        refs = feed_store.sync_feeds(conn, [(f.name, f.url) for f in config.feeds])
        feed_ids = [refs[f.name].id for f in config.feeds]
        feed_tags = {refs[f.name].id: f.tags for f in config.feeds}
        for start in range(0, count, 1000):
            for n in range(start, min(count, start + 1000)):
                feed_id = feed_ids[n % len(feed_ids)]
                title = f"{rng.choice(pool.titles)} in {rng.choice(PLACES)}"
                body = "\n\n".join(rng.choice(pool.pool) for _ in range(rng.randint(2, 4)))
                published = to_iso(now - timedelta(seconds=rng.random() * span))
                entry = NewEntry(key=f"q-{n}", url=f"http://127.0.0.1:9/a/{n}",
                                       title=title, author=None, summary=body[:200],
                                       feed_content=None, published=published, lang="en")
                (article_id,) = store.insert_entries(conn, feed_id, [entry], feed_tags[feed_id])
                store.set_body(conn, article_id, body, "page", None)
                if rng.random() < 0.3:
                    store.add_tags(conn, [article_id], [rng.choice(TOPICS)])
            ids = list(range(start + 1, min(count, start + 1000) + 1))
            store.mark_analysed(conn, ids)
        all_ids = [r[0] for r in conn.execute("SELECT id FROM articles")]
        store.set_flag(conn, [i for i in all_ids if rng.random() < 0.6], "read", True)
        store.set_flag(conn, [i for i in all_ids if rng.random() < 0.01], "saved", True)
    conn.execute("PRAGMA optimize")
    conn.close()


def measure(config_path: Path, reps: int) -> None:
    """Child process: time the queries on a fresh Desk; print one JSON line."""
    import resource

    from tui.core.config.loader import load_config
    from tui.core.desk import Desk

    out: dict[str, object] = {}
    with Desk.open(load_config(config_path)) as desk:
        t0 = time.perf_counter()
        desk.count("")
        desk.articles("", limit=200)
        out["first_call_ms"] = (time.perf_counter() - t0) * 1000
        per: dict[str, dict[str, list[float]]] = {}
        for query in QUERIES:
            timings: dict[str, list[float]] = {"articles": [], "count": []}
            hits = desk.count(query)
            desk.articles(query, limit=200)  # warm-up
            for _ in range(reps):
                for kind in ("articles", "count"):
                    t = time.perf_counter()
                    if kind == "articles":
                        desk.articles(query, limit=200)
                    else:
                        desk.count(query)
                    timings[kind].append((time.perf_counter() - t) * 1000)
            per[query] = {**timings, "hits": [float(hits)]}
        out["queries"] = per
    out["max_rss_kb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    out["anon_kb"] = anon_kb(os.getpid())
    print(json.dumps(out))


def app_memory(config_path: Path, report: Report, timeout: float = 60.0) -> None:
    """Start the TUI in tmux on the cache; peak RSS once it has painted and paged a little."""
    if shutil.which("tmux") is None:
        report.note("app memory not measured: tmux is not installed")
        return
    session = f"ndq{int(time.time())}"
    command = f"{PYTHON} -m tui --config {config_path}"

    def tmux(*args: str) -> str:
        return subprocess.run(["tmux", *args], capture_output=True, text=True).stdout

    started = time.perf_counter()
    tmux("new-session", "-d", "-s", session, "-x", "140", "-y", "45", "-c", str(ROOT), command)
    try:
        pid = int(tmux("display", "-p", "-t", session, "#{pane_pid}").strip() or 0)
        painted, last, stable_since = None, "", time.perf_counter()
        while time.perf_counter() - started < timeout:
            screen = tmux("capture-pane", "-p", "-t", session)
            if screen != last:
                last, stable_since = screen, time.perf_counter()
            if any(p in screen for p in PLACES) and time.perf_counter() - stable_since > 1.0:
                painted = stable_since - started
                break
            time.sleep(0.05)
        if painted is None:
            report.note(f"app memory: no article list within {timeout:.0f} s; last screen:\n"
                        + last[-600:])
            return
        first, first_anon = hwm_kb(pid), anon_kb(pid)
        for key in ["PageDown"] * 10 + ["End", "Home"]:
            tmux("send-keys", "-t", session, key)
            time.sleep(0.3)
        time.sleep(1.0)
        report.params["app"] = {"settled_s": round(painted, 2),
                                "peak_rss_mb_after_paint": round(first / 1024, 1),
                                "peak_rss_mb_after_paging": round(hwm_kb(pid) / 1024, 1),
                                "anon_mb_after_paint": round(first_anon / 1024, 1),
                                "anon_mb_after_paging": round(anon_kb(pid) / 1024, 1)}
        report.row(who="TUI (python -m tui)", **report.params["app"])
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--articles", type=int, default=50_000)
    p.add_argument("--reps", type=int, default=15)
    p.add_argument("--no-app", action="store_true", help="skip the TUI memory measurement")
    p.add_argument("--measure", metavar="CONFIG", help=argparse.SUPPRESS)
    p.add_argument("--json", metavar="PATH")
    args = p.parse_args(argv)
    if args.measure:
        measure(Path(args.measure), args.reps)
        return 0
    report = Report("query", {"articles": args.articles, "reps": args.reps})
    report.commands = [" ".join(["python bench/bench_query.py", *(argv or sys.argv[1:])])]
    with tempfile.TemporaryDirectory(prefix="bench-query-") as tmp:
        config_path = write_config(Path(tmp))
        t0 = time.perf_counter()
        fill(config_path, args.articles)
        report.params["fill_s"] = round(time.perf_counter() - t0, 1)
        print(f"filled {args.articles} articles in {report.params['fill_s']} s", flush=True)
        result = run([PYTHON, str(Path(__file__).resolve()), "--measure", str(config_path),
                      "--reps", str(args.reps)], cwd=ROOT).check()
        data = json.loads(result.stdout.strip().splitlines()[-1])
        every: list[float] = []
        table = []
        for query, t in data["queries"].items():
            for kind in ("articles", "count"):
                every += t[kind]
                table.append({"query": query or "(all)", "call": kind, "hits": int(t["hits"][0]),
                              "p50_ms": round(percentile(t[kind], 50), 2),
                              "p95_ms": round(percentile(t[kind], 95), 2),
                              "max_ms": round(max(t[kind]), 2)})
                report.row(**table[-1])
        report.params["table"] = table
        report.params["all_calls_ms"] = {"p50": round(percentile(every, 50), 2),
                                         "p95": round(percentile(every, 95), 2),
                                         "n": len(every), "range": stat_dict(every, 2)}
        report.params["first_call_ms"] = round(data["first_call_ms"], 1)
        report.params["desk_max_rss_mb"] = round(data["max_rss_kb"] / 1024, 1)
        report.params["desk_anon_mb"] = round(data.get("anon_kb", 0) / 1024, 1)
        report.goal(f"query p95 over all calls (ms, goal < {GOAL_P95_MS:g})",
                    percentile(every, 95), GOAL_P95_MS, f"p50 {percentile(every, 50):.2f} ms, "
                    f"worst query p95 {max(r['p95_ms'] for r in table):.1f} ms")
        print(f"Desk process at {args.articles} articles: max RSS "
              f"{report.params['desk_max_rss_mb']} MB", flush=True)
        if not args.no_app:
            app_memory(config_path, report)
    report.save(args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
