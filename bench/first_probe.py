"""Why is a cold fill's first repetition slower? The built tools' copies, paired.

Script, not a test:  python bench/first_probe.py [--reps 3] [--checkout DIR ...]

Each repetition fills a fresh cache from each checkout twice, the runs taking turns in a
rotating order: once with an empty folder for the built tools (`NEWSDESK_PREBUILT_DIR`: a
user's first fetch after installing or upgrading, or a copy evicted by another checkout, as
bench_fetch's first repetition often has) and once with a folder a priming run (not timed)
filled. CPU of the tree, of the fetch process alone and of its workers, and wall, per run;
then each condition's median.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import run
from bench.site import SiteServer


def _fill(site: SiteServer, checkout: Path, work: Path, tools: Path) -> tuple[float, float, float]:
    folder = Path(tempfile.mkdtemp(dir=work))
    try:
        (folder / "feeds.toml").write_text(site.newsdesk_config(str(folder / "cache"),
                                                                extract=False))
        cmd = [sys.executable, "-m", "tui", "fetch", "--no-extract", "--json", "--config",
               str(folder / "feeds.toml")]
        done = run(cmd, cwd=checkout, env={"NEWSDESK_PREBUILT_DIR": str(tools),
                                           "PYTHONPATH": str(checkout)}).check()
        return done.cpu_s, done.own_cpu_s, done.wall
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--reps", type=int, default=3)
    p.add_argument("--feeds", type=int, default=200)
    p.add_argument("--items", type=int, default=50)
    p.add_argument("--checkout", action="append", type=Path,
                   help="a checkout to run (repeatable; default this one)")
    args = p.parse_args()
    checkouts = [c.resolve() for c in args.checkout or [Path(__file__).resolve().parents[1]]]
    work = Path(tempfile.mkdtemp(prefix="first-probe-"))
    runs = [(c, kind) for c in checkouts for kind in ("empty", "warm")]
    cpu: dict[tuple[Path, str], list[float]] = {r: [] for r in runs}
    try:
        with SiteServer(args.feeds, args.items) as site:
            for c in checkouts:  # the warm folders filled, and the site's pages built once
                _fill(site, c, work, work / f"warm-{checkouts.index(c)}")
            for rep in range(args.reps):
                shift = rep % len(runs)
                for c, kind in runs[shift:] + runs[:shift]:
                    n = checkouts.index(c)
                    tools = work / (f"warm-{n}" if kind == "warm" else f"empty-{rep}-{n}")
                    tree, own, wall = _fill(site, c, work, tools)
                    cpu[(c, kind)].append(tree)
                    print(f"rep {rep + 1} {c.name} {kind:>5}: tree cpu {tree:6.2f} s  main "
                          f"{own:6.2f} s  workers {tree - own:6.2f} s  wall {wall:6.2f} s",
                          flush=True)
        for (c, kind), values in cpu.items():
            print(f"{c.name} {kind:>5}: tree cpu median {statistics.median(values):.2f} s "
                  f"({min(values):.2f}-{max(values):.2f})")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
