"""Full ingest with extraction vs the extraction limit, side by side.

Script, not a test:  python bench/bench_extract.py [--pages 2000 --reps 3 --full-feeds 200]

Contender A is the real thing: `newsdesk fetch` (feeds, pages, extraction, storage, analysis)
on a fresh cache against the loopback site. Contender B is the limit: the very same page bytes,
read from local files, through bare `trafilatura.extract` on a ProcessPoolExecutor with one
worker per core, nothing else. Both are timed as whole subprocesses (interpreter start-up and
worker imports included on both sides). Goal: A / B <= 1.25.

`--full-feeds N` also times one cold `newsdesk fetch` with extraction of N feeds x 50 items;
`--profile` runs py-spy over one cold ingest and prints where the CPU went.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_fetch import Contender, profile_cold, stage_split
from bench.common import PYTHON, ROOT, Report, Stat, ratio, run, stat_dict
from bench.site import SiteServer

GOAL = 1.25  # issue 8: the whole ingest, analysis included
GOAL_STORED = 2.5  # issue 19: until every page is stored, before actors and links


# -- contender B: the bare extraction limit (runs in its own process) ----------------------------
def _extract_file(path: str) -> int:
    import trafilatura

    html = Path(path).read_bytes()
    text = trafilatura.extract(html, url=f"http://bench.invalid/{Path(path).name}")
    return len(text or "")


def bare(folder: Path) -> None:
    """Extract every page file in `folder` across all cores; print count, chars, seconds."""
    files = sorted(str(p) for p in folder.glob("*.html"))
    start = time.perf_counter()
    workers = os.cpu_count() or 2
    with ProcessPoolExecutor(max_workers=workers) as pool:
        chars = list(pool.map(_extract_file, files, chunksize=8))
    empty = sum(1 for c in chars if c == 0)
    print(f"{len(files)} pages {sum(chars)} chars {empty} empty "
          f"{time.perf_counter() - start:.3f} s in pool ({workers} workers)")


def per_page(report: Report, pages: int, reps: int) -> None:
    """CPU per page on one core, no HTTP, no pool: newsdesk's extract_worker vs bare
    trafilatura.extract on the same bytes (alternating, several rounds)."""
    import trafilatura

    from tui.core.refresh.pool import extract_worker

    content = SiteServer(max(1, pages // 50), 50, hosts=1).content
    content.ports["127.0.0.1"] = 1
    docs = [(content.page_html(f, i), content.page_url(f, i))
            for f in range(content.feeds) for i in range(content.items)][:pages]
    extract_worker(*docs[0], "text/html")  # imports and first-call set-up out of the timing
    trafilatura.extract(docs[0][0], url=docs[0][1])
    failed = sum(1 for raw, url in docs if extract_worker(raw, url, "text/html").error)
    if failed:
        report.note(f"per-page: extract_worker failed on {failed} of {len(docs)} pages; its "
                    "time is not comparable")
    ms: dict[str, list[float]] = {"extract_worker": [], "trafilatura.extract": []}
    for _ in range(reps):
        for name in ms:
            start = time.perf_counter()
            for raw, url in docs:
                if name == "extract_worker":
                    extract_worker(raw, url, "text/html; charset=utf-8")
                else:
                    trafilatura.extract(raw, url=url)
            ms[name].append((time.perf_counter() - start) * 1000 / len(docs))
    report.params["per_page_ms"] = {k: stat_dict(v) for k, v in ms.items()}
    a, b = Stat.of(ms["extract_worker"]), Stat.of(ms["trafilatura.extract"])
    report.row(who="per page, one core", extract_worker_ms=a.fmt("ms"),
               trafilatura_extract_ms=b.fmt("ms"), ratio=round(ratio(a.median, b.median), 2))


def write_pages(site: SiteServer, folder: Path) -> int:
    content = site.content
    n = 0
    for feed in range(content.feeds):
        for item in range(content.items):
            (folder / f"{feed}-{item}.html").write_bytes(content.page_html(feed, item))
            n += 1
    return n


# -- the comparison --------------------------------------------------------------------------------
def bench_limit(report: Report, args: argparse.Namespace, work: Path) -> None:
    feeds = max(1, args.pages // args.items)
    with SiteServer(feeds, args.items, hosts=args.hosts) as site:
        pages_dir = work / "pages"
        pages_dir.mkdir()
        count = write_pages(site, pages_dir)
        print(f"ingest vs limit: {feeds} feeds x {args.items} items = {count} pages, "
              f"{args.reps} repetitions", flush=True)
        ingest = Contender("newsdesk", site, extract=True)
        walls: dict[str, list[float]] = {"newsdesk": [], "bare": []}
        cpus: dict[str, list[float]] = {"newsdesk": [], "bare": []}
        ratios, stored_ratios, stored = [], [], []
        for rep in range(args.reps):
            order = ["newsdesk", "bare"] if rep % 2 == 0 else ["bare", "newsdesk"]
            got: dict[str, float] = {}
            for who in order:
                if who == "newsdesk":
                    ingest.fresh(work)
                    site.reset_stats()
                    result = ingest.run()
                    stats = site.reset_stats()
                    stored.append(ingest.stored_wall(result))
                    report.row(rep=rep + 1, who="newsdesk fetch", wall_s=round(result.wall, 3),
                               stored_s=round(stored[-1], 3), cpu_s=result.cpu_s,
                               requests=stats, output=result.stdout.strip()[:100],
                               peak_rss_mb=round(result.max_rss_kb / 1024, 1),
                               tree_peak_mb=round(result.tree_peak_kb / 1024, 1))
                    shutil.rmtree(ingest.folder, ignore_errors=True)
                else:
                    result = run([PYTHON, str(Path(__file__).resolve()), "--bare", str(pages_dir)],
                                 cwd=ROOT).check()
                    report.row(rep=rep + 1, who="bare trafilatura", wall_s=round(result.wall, 3),
                               cpu_s=result.cpu_s,
                               output=result.stdout.strip(),
                               tree_peak_mb=round(result.tree_peak_kb / 1024, 1))
                got[who] = result.wall
                walls[who].append(result.wall)
                cpus[who].append(result.cpu_s)
            ratios.append(ratio(got["newsdesk"], got["bare"]))
            stored_ratios.append(ratio(stored[-1], got["bare"]))
        report.params["limit"] = {k: stat_dict(v) for k, v in walls.items()}
        report.params["limit_stored"] = stat_dict(stored)
        report.params["limit_cpu"] = {k: stat_dict(v) for k, v in cpus.items()}
        report.params["pages"] = count
        for who, values in walls.items():
            s = Stat.of(values)
            print(f"{who:>9}: {s.fmt()}  ({count / s.median:.0f} pages/s)", flush=True)
        s = Stat.of(ratios)
        report.goal("ingest with extraction / bare trafilatura limit", s.median, GOAL,
                    f"per-repetition ratios {s.fmt('x')}")
        s = Stat.of(stored_ratios)
        report.goal("ingest with extraction, until stored (before actors and links) / bare "
                    "trafilatura limit", s.median, GOAL_STORED,
                    f"per-repetition ratios {s.fmt('x')}")


def bench_full(report: Report, args: argparse.Namespace, work: Path) -> None:
    with SiteServer(args.full_feeds, args.items, hosts=args.hosts) as site:
        c = Contender("full", site, extract=True)
        c.fresh(work)
        result = c.run()
        stats = site.reset_stats()
        pages = args.full_feeds * args.items
        report.params["full_ingest"] = {"feeds": args.full_feeds, "items": args.items,
                                        "wall_s": round(result.wall, 2),
                                        "max_rss_mb": round(result.max_rss_kb / 1024, 1),
                                        "tree_peak_mb": round(result.tree_peak_kb / 1024, 1)}
        report.row(who=f"newsdesk fetch, {args.full_feeds} feeds x {args.items} with extraction",
                   wall_s=round(result.wall, 2), pages_per_s=round(pages / result.wall, 1),
                   requests=stats, output=result.stdout.strip()[:100],
                   peak_rss_mb=round(result.max_rss_kb / 1024, 1),
                   tree_peak_mb=round(result.tree_peak_kb / 1024, 1))
        shutil.rmtree(c.folder, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--pages", type=int, default=2000)
    p.add_argument("--items", type=int, default=50)
    p.add_argument("--hosts", type=int, default=20)
    p.add_argument("--reps", type=int, default=3)
    p.add_argument("--full-feeds", type=int, default=0,
                   help="also time one cold ingest of N feeds x ITEMS with extraction")
    p.add_argument("--profile", action="store_true", help="py-spy one cold ingest of --pages")
    p.add_argument("--stages", action="store_true",
                   help="one cold ingest of --pages in a child with per-stage timestamps")
    p.add_argument("--per-page", type=int, default=0, metavar="N",
                   help="also time extract_worker vs trafilatura.extract on N pages, one core")
    p.add_argument("--bare", metavar="DIR", help=argparse.SUPPRESS)
    p.add_argument("--json", metavar="PATH")
    args = p.parse_args(argv)
    if args.bare:
        bare(Path(args.bare))
        return 0
    report = Report("extract", {"pages": args.pages, "items": args.items, "hosts": args.hosts,
                                "reps": args.reps, "workers": os.cpu_count()})
    report.commands = [" ".join(["python bench/bench_extract.py", *(argv or sys.argv[1:])]),
                       "newsdesk: python -m tui fetch --config DIR/feeds.toml",
                       "limit: python bench/bench_extract.py --bare PAGES_DIR "
                       "(ProcessPoolExecutor(os.cpu_count()) over trafilatura.extract)"]
    with tempfile.TemporaryDirectory(prefix="bench-extract-") as tmp:
        work = Path(tmp)
        if args.reps:  # --reps 0: only the extra measurements below
            bench_limit(report, args, work)
        if args.per_page:
            per_page(report, args.per_page, max(5, args.reps))
        if args.full_feeds:
            bench_full(report, args, work)
        small = argparse.Namespace(feeds=max(1, args.pages // args.items), items=args.items,
                                   hosts=args.hosts, python=PYTHON)
        if args.stages:
            stage_split(report, small, work, extract=True)
        if args.profile:
            profile_cold(report, small, work, extract=True)
    report.save(args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
