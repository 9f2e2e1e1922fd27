"""Paired A/B of the links' finish (weigh, rank, score, write, stories) on one snapshot.

Script, not a test:
    python bench/ab_finish.py --snapshot DIR            # fill the 200x50 site cold, keep the
                                                        # cache as links' finish_run finds it
    python bench/ab_finish.py --snapshot DIR --base A --new B [--reps 4]

A cold run numbers articles in the order they arrive, and candidates tie to the lower id, so
two cold runs of one checkout can link differently; on one snapshot both checkouts see the same
ids, and their links, stories and story members must be equal row for row (checked every
repetition). Each repetition runs finish_run from each checkout in a fresh process with a warm
pool (order alternating), timing it, the CPU of the process and its workers (/proc) and of the
writer alone (steadier on a loaded box: the tree's swings with the workers' scheduling), and
counting the garbage collector's passes and CPU in the writer and in each worker.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

TABLES = ("SELECT * FROM links ORDER BY 1, 2", "SELECT * FROM stories ORDER BY 1",
          "SELECT * FROM story_articles ORDER BY 1, 2")
_gc = [0.0, 0.0]  # CPU seconds, passes
_gc_start = [0.0]


def _gc_timer(phase: str, _info: dict[str, Any]) -> None:
    if phase == "start":
        _gc_start[0] = time.process_time()
    else:
        _gc[0] += time.process_time() - _gc_start[0]
        _gc[1] += 1.0


def timed_worker_init(lifeline: Any) -> None:
    """The pool's worker_init, and the collector's passes timed."""
    from tui.core.refresh.spawn import worker_init

    worker_init(lifeline)
    gc.callbacks.append(_gc_timer)


def gc_report() -> tuple[int, float, int]:
    time.sleep(0.5)  # each worker takes one
    return os.getpid(), round(_gc[0], 3), int(_gc[1])


def tree_cpu() -> float:
    tick, me = os.sysconf("SC_CLK_TCK"), os.getpid()
    total = 0.0
    for pid in [str(me), *Path(f"/proc/{me}/task/{me}/children").read_text().split()]:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / tick
    return total


def snapshot(out: Path, feeds: int = 200, items: int = 50) -> None:
    """A cold fill of the site (no extract) whose cache is copied as finish_run gets it."""
    from bench.site import SiteServer
    from tui.core.config.loader import load_config
    from tui.core.desk import Desk
    from tui.core.linking import analyzer

    real = analyzer.LinksAnalyzer.finish_run

    def keep(self: Any, conn: sqlite3.Connection, ids: Any, context: Any) -> None:
        copy = sqlite3.connect(out / "snap.sqlite3")
        conn.backup(copy)
        copy.close()
        (out / "ids.json").write_text(json.dumps(list(ids)))
        real(self, conn, ids, context)

    analyzer.LinksAnalyzer.finish_run = keep  # type: ignore[method-assign]
    out.mkdir(parents=True, exist_ok=True)
    with SiteServer(feeds, items) as site:
        (out / "feeds.toml").write_text(site.newsdesk_config(str(out / "cache"), extract=False))
        with Desk.open(load_config(out / "feeds.toml")) as desk:
            desk.refresh(extract=False)


def finish(snap: Path, work: Path) -> dict[str, Any]:
    """Child: finish_run of the checkout in cwd on a copy of the snapshot."""
    from tui.core.config.loader import load_config
    from tui.core.linking.analyzer import LinksAnalyzer
    from tui.core.refresh import spawn
    from tui.core.refresh.analysis import Analysis
    from tui.core.refresh.pool import WorkerPool
    from tui.core.store.db import connect

    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    shutil.copy(snap / "snap.sqlite3", work / "c.sqlite3")
    spawn.worker_init = timed_worker_init
    conn = connect(work / "c.sqlite3")
    workers = WorkerPool()
    analysis = Analysis(load_config(snap / "feeds.toml"), workers)
    analysis.warm_up()
    time.sleep(3)  # tools built, as at the end of a run
    ids = json.loads((snap / "ids.json").read_text())
    gc.callbacks.append(_gc_timer)
    cpu, wall, writer = tree_cpu(), time.perf_counter(), time.process_time()
    try:  # the writer paced as run_pending paces it, where the checkout has it
        from tui.core.refresh.gc_pace import paced
    except ImportError:
        from contextlib import nullcontext as paced  # type: ignore[assignment]
    with paced():
        LinksAnalyzer().finish_run(conn, ids, analysis)
    cpu, wall, writer = tree_cpu() - cpu, time.perf_counter() - wall, time.process_time() - writer
    writer_gc = (round(_gc[0], 3), int(_gc[1]))
    pool = workers.get()
    reports = {r[0]: r[1:] for r in
               [f.result() for f in [pool.submit(gc_report) for _ in range(6)]]}
    workers.shutdown()
    digest = hashlib.sha256()
    for sql in TABLES:
        for row in conn.execute(sql):
            digest.update(repr(tuple(row)).encode())  # a Row's repr is its address
    conn.close()
    return {"cpu": round(cpu, 3), "wall": round(wall, 3), "writer_cpu": round(writer, 3),
            "writer_gc": writer_gc,
            "worker_gc": sorted(reports.values()), "tables": digest.hexdigest()[:16]}


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--snapshot", type=Path, required=True)
    p.add_argument("--base", type=Path)
    p.add_argument("--new", type=Path)
    p.add_argument("--reps", type=int, default=4)
    p.add_argument("--feeds", type=int, default=200, help="of the site a snapshot fills")
    p.add_argument("--items", type=int, default=50)
    p.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.child:
        print(json.dumps(finish(args.snapshot, args.child)))
        return 0
    if args.base is None or args.new is None:
        snapshot(args.snapshot, args.feeds, args.items)
        return 0
    me, same = Path(__file__).resolve(), True
    ratios: dict[str, list[float]] = {"cpu": [], "wall": [], "writer_cpu": []}
    for rep in range(args.reps):
        order = ("base", "new") if rep % 2 == 0 else ("new", "base")
        got = {}
        for name in order:
            out = subprocess.run([sys.executable, str(me), "--snapshot", str(args.snapshot),
                                  "--child", str(args.snapshot / f"run-{name}")],
                                 cwd=getattr(args, name), capture_output=True, text=True,
                                 check=True).stdout
            got[name] = json.loads(out.strip().splitlines()[-1])
        same &= got["base"]["tables"] == got["new"]["tables"]
        for key, values in ratios.items():
            values.append(got["new"][key] / got["base"][key])
        print(json.dumps({"rep": rep, **got}), flush=True)
    from bench.common import paired_summary  # here: a child imports `bench` from its checkout

    return paired_summary(ratios, same)


if __name__ == "__main__":
    sys.path.insert(0, str(Path.cwd()))  # the checkout in cwd (a child runs in base or new)
    sys.exit(main())
