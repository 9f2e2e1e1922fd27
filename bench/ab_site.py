"""Paired A/B of the bench site itself: the cold row on the site without actor names and on
the one with them (bench/site_news.py), one checkout, newsboat beside it on both.

Script, not a test:  python bench/ab_site.py [--reps 3] [--threads 8] [--python PATH]

Kept to show what the names changed: the two sites are served side by side and the four
contenders (newsdesk and newsboat, each on each site) take turns in every repetition, their
order rotating. Per run: CPU of the process tree (wait4), wall, newsdesk's analysis wall
(`fetch --json`: total minus stored) and main-process peak RSS, and the cache's actor mentions,
links and stories. Prints each repetition, then the medians: newsdesk / newsboat per site (wall
and CPU) and new site / old site for each reader.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.ab_cold import digest
from bench.bench_fetch import Contender
from bench.common import compile_checkout, ratio
from bench.site import SiteServer


def once(c: Contender, work: Path) -> dict[str, float]:
    c.fresh(work)
    result = c.run()
    out = {"cpu": result.cpu_s, "wall": result.wall,
           "peak_mb": (result.own_peak_kb or result.max_rss_kb) / 1024}
    if not c.newsboat:
        seconds = json.loads(result.stdout)["seconds"]
        out["analysis_wall"] = float(seconds["total"] - seconds["stored"])
        counts = digest(c.folder / "cache" / "newsdesk.sqlite3")
        out.update({table: float(n) for table, (n, _) in counts.items()})
    shutil.rmtree(c.folder, ignore_errors=True)
    return out


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--reps", type=int, default=3)
    p.add_argument("--feeds", type=int, default=200)
    p.add_argument("--items", type=int, default=50)
    p.add_argument("--threads", type=int, default=8, help="newsboat's reload-threads")
    p.add_argument("--newsboat", default=shutil.which("newsboat"))
    p.add_argument("--python", default=sys.executable)
    args = p.parse_args()
    compile_checkout(args.python)
    runs: dict[str, list[dict[str, float]]] = {}
    with tempfile.TemporaryDirectory(prefix="ab-site-") as tmp, \
            SiteServer(args.feeds, args.items, actors=False) as old, \
            SiteServer(args.feeds, args.items, actors=True) as new:
        contenders = []
        for tag, site in (("old", old), ("new", new)):
            contenders.append(Contender(f"newsdesk-{tag}", site, python=args.python))
            if args.newsboat:
                contenders.append(Contender(f"newsboat-{tag}", site, args.newsboat,
                                            args.threads))
        for rep in range(args.reps):
            shift = rep % len(contenders)
            for c in contenders[shift:] + contenders[:shift]:
                got = once(c, Path(tmp))
                runs.setdefault(c.name, []).append(got)
                print(json.dumps({"rep": rep, "run": c.name,
                                  **{k: round(v, 3) for k, v in got.items()}}), flush=True)
    summary: dict[str, object] = {
        name: {k: round(statistics.median(r[k] for r in rs), 3) for k in rs[0]}
        for name, rs in runs.items()}
    pairs = [("newsdesk-old", "newsboat-old"), ("newsdesk-new", "newsboat-new"),
             ("newsdesk-new", "newsdesk-old"), ("newsboat-new", "newsboat-old")]
    for a, b in pairs:
        if a in runs and b in runs:
            for k in ("wall", "cpu", "peak_mb"):
                per = [ratio(x[k], y[k]) for x, y in zip(runs[a], runs[b], strict=True)]
                summary[f"{a} / {b} {k}"] = {"median": round(statistics.median(per), 3),
                                             "each": [round(x, 3) for x in per]}
    for key, value in summary.items():
        print(json.dumps({key: value}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
