"""Where the links' finish_run spends its wall: each phase's wall, the writer's CPU, the workers'
CPU, how much of the workers' two cores sat idle, and the bytes the writer wrote (WAL).

Script, not a test:
    python bench/ab_finish.py --snapshot DIR        # once: a cold fill kept as finish_run gets it
    python bench/finish_phases.py --snapshot DIR [--reps 2] [--json PATH]

One run of the checkout in cwd on a copy of the snapshot (the tools built first, as at the end
of a run). A phase begins when the writer starts it: weighing (pool) and storing the weighed
features, ranking candidates (pool), tiling, scoring (pool) and writing the best links, the
stories' region, clustering (one pool job), story rows, labels (pool). "idle" is the share of
the workers' cores not used in that phase (the writer runs beside them): on a quiet box, a
phase with one core idle (the clustering: one job) is where wall goes without CPU. On a busy
box other people's processes take those cores, so read CPU there, not idle.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

_TICK = os.sysconf("SC_CLK_TCK")


def _cpu(pid: int | str) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / _TICK


def _written_mb() -> float:
    for line in Path("/proc/self/io").read_text().splitlines():
        if line.startswith("wchar"):
            return int(line.split()[1]) / 1e6
    return 0.0


class Marks:
    """(time, phase, writer CPU, workers' CPU, MB written) at each phase's start."""

    def __init__(self, workers: list[str]) -> None:
        self.workers = workers
        self.rows: list[tuple[float, str, float, float, float]] = []

    def __call__(self, phase: str) -> None:
        self.rows.append(
            (
                time.perf_counter(),
                phase,
                _cpu(os.getpid()),
                sum(_cpu(pid) for pid in self.workers),
                _written_mb(),
            )
        )

    def phases(self, cores: int) -> list[dict[str, Any]]:
        out = []
        for (t, name, mine, theirs, mb), (t2, _n, mine2, theirs2, mb2) in zip(
            self.rows, self.rows[1:], strict=False
        ):
            wall = t2 - t
            out.append(
                {
                    "phase": name,
                    "wall": round(wall, 3),
                    "writer_cpu": round(mine2 - mine, 3),
                    "workers_cpu": round(theirs2 - theirs, 3),
                    "workers_idle": round(1 - (theirs2 - theirs) / (cores * wall), 2)
                    if wall > 0.05
                    else None,
                    "written_mb": round(mb2 - mb, 1),
                }
            )
        return out


def _wrap(owner: Any, name: str, before: Callable[[], None]) -> None:
    real = getattr(owner, name)

    def wrapped(*args: Any, **kwargs: Any) -> Any:
        before()
        return real(*args, **kwargs)

    setattr(owner, name, wrapped)


def run_once(snap: Path, work: Path) -> dict[str, Any]:
    """finish_run of the checkout in cwd on a copy of the snapshot, phase by phase."""
    from tui.core.config.loader import load_config
    from tui.core.linking import analyzer, index, rounds
    from tui.core.refresh.analysis import Analysis
    from tui.core.refresh.gc_pace import paced
    from tui.core.refresh.pool import WorkerPool
    from tui.core.store import links as store
    from tui.core.store.db import connect

    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    shutil.copy(snap / "snap.sqlite3", work / "c.sqlite3")
    conn = connect(work / "c.sqlite3")
    workers = WorkerPool()
    analysis = Analysis(load_config(snap / "feeds.toml"), workers)
    analysis.warm_up()
    time.sleep(3)  # tools built, as at the end of a run
    me = os.getpid()
    marks = Marks(Path(f"/proc/{me}/task/{me}/children").read_text().split())
    real_in_pool = analysis.in_pool

    def in_pool(fn: Callable[..., Any], jobs: Any) -> Iterator[Any]:
        marks(fn.__name__)
        yield from real_in_pool(fn, jobs)
        marks(f"after {fn.__name__}")

    analysis.in_pool = in_pool  # type: ignore[method-assign]
    _wrap(rounds.Tiler, "packed", lambda: marks("tiles packed"))
    _wrap(index, "prune_all", lambda: marks("older articles pruned"))
    _wrap(index, "recluster", lambda: marks("stories' region read"))
    _wrap(store, "rewrite_stories", lambda: marks("story rows"))
    ids = json.loads((snap / "ids.json").read_text())
    marks("start")
    with paced():
        analyzer.LinksAnalyzer().finish_run(conn, ids, analysis)
    marks("end")
    workers.shutdown()
    conn.close()
    first, last = marks.rows[0], marks.rows[-1]
    return {
        "wall": round(last[0] - first[0], 3),
        "writer_cpu": round(last[2] - first[2], 3),
        "workers_cpu": round(last[3] - first[3], 3),
        "written_mb": round(last[4] - first[4], 1),
        "phases": marks.phases(workers.workers),
    }


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--snapshot", type=Path, required=True, help="made by bench/ab_finish.py")
    p.add_argument("--reps", type=int, default=1)
    p.add_argument("--json", type=Path)
    args = p.parse_args()
    runs = []
    for rep in range(args.reps):
        got = run_once(args.snapshot, args.snapshot / "run-phases")
        runs.append(got)
        print(
            f"rep {rep}: wall {got['wall']} s, writer CPU {got['writer_cpu']} s, workers CPU "
            f"{got['workers_cpu']} s, writer wrote {got['written_mb']} MB",
            flush=True,
        )
        for ph in got["phases"]:
            idle = "" if ph["workers_idle"] is None else f"  idle {ph['workers_idle']:.2f}"
            print(
                f"  {ph['phase']:24s} wall {ph['wall']:6.3f}  writer {ph['writer_cpu']:6.3f}"
                f"  workers {ph['workers_cpu']:6.3f}  MB {ph['written_mb']:6.1f}{idle}"
            )
    if args.json:
        args.json.write_text(json.dumps(runs, indent=1))
    print(json.dumps({"runs": [{k: v for k, v in r.items() if k != "phases"} for r in runs]}))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path.cwd()))
    sys.exit(main())
