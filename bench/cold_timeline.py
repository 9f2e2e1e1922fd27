"""Where a core sits idle in a cold fill: a timeline of one `newsdesk fetch --no-extract` on the
200x50 loopback site, per phase, with the writer's CPU, each worker's and the cores busy.

Script, not a test:
    python bench/cold_timeline.py [--feeds 200 --items 50] [--slice 0.5] [--json PATH]

The fill runs in this process from the checkout in cwd (`tui.cli.run`), with hooks wrapped
around the analysis' seams from outside (nothing in `tui/` times anything): a mark when the
analysis starts, when the last batch's write half is done, when each pool stage of the links'
finish_run starts and ends (weighing, candidates, scoring, stories, labels), when the tiles are
packed, the stories' region read and the story rows written. A thread samples every 20 ms the
CPU of the writer thread (the one running the analysis), of the whole main process and of each
pool worker (/proc). Prints, per phase: start, end, writer CPU, each worker's CPU, and cores
busy (all CPU of the tree over the wall); then a strip of `--slice`-second slices with the
cores busy in each, to see where inside a phase a core idles (the text halves' tail). Set
`NEWSDESK_PREBUILT_DIR` to a filled folder, or the first run builds the tools.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from itertools import pairwise
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path.cwd()))
sys.path.insert(1, str(Path(__file__).resolve().parents[1]))

_TICK = os.sysconf("SC_CLK_TCK")


def _cpu(path: str) -> float:
    try:
        fields = Path(path).read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / _TICK


def _state(path: str) -> int:
    try:
        return Path(path).read_text().rsplit(")", 1)[1].split()[0] == "R"
    except OSError:
        return 0


class Sampler(threading.Thread):
    """(time, writer thread CPU, main process CPU, {worker pid: CPU}) every `every` s."""

    def __init__(self, every: float = 0.02) -> None:
        super().__init__(daemon=True)
        self.every, self.stop = every, threading.Event()
        self.writer_tid: int | None = None
        self.rows: list[tuple[float, float, float, dict[str, float]]] = []
        self.me = os.getpid()
        self.own_tid = 0
        self.wants: list[tuple[int, int]] = []  # per sample: main's threads, workers in R

    def sample(self) -> None:
        me = self.me
        try:
            kids = Path(f"/proc/{me}/task/{me}/children").read_text().split()
        except OSError:
            kids = []
        tid = self.writer_tid
        mine = [t for t in os.listdir(f"/proc/{me}/task") if int(t) != self.own_tid]
        self.rows.append(
            (
                time.perf_counter(),
                _cpu(f"/proc/{me}/task/{tid}/stat") if tid else 0.0,
                _cpu(f"/proc/{me}/stat"),
                {k: _cpu(f"/proc/{k}/stat") for k in kids},
            )
        )
        # wanting a core (running or runnable, whatever other people's load): state R
        self.wants.append(
            (
                sum(_state(f"/proc/{me}/task/{t}/stat") for t in mine),
                sum(_state(f"/proc/{k}/stat") for k in kids),
            )
        )

    def run(self) -> None:
        self.own_tid = threading.get_native_id()
        while not self.stop.is_set():
            self.sample()
            self.stop.wait(self.every)

    def at(self, t: float) -> tuple[float, float, dict[str, float]]:
        """The sample nearest before t (CPU only grows: a worker gone keeps its last)."""
        best = self.rows[0]
        for row in self.rows:
            if row[0] > t:
                break
            best = row
        return best[1], best[2], best[3]


def _wrap(
    owner: Any,
    name: str,
    before: Callable[[], None] | None = None,
    after: Callable[[], None] | None = None,
) -> None:
    real = getattr(owner, name)

    def wrapped(*args: Any, **kwargs: Any) -> Any:
        if before:
            before()
        try:
            return real(*args, **kwargs)
        finally:
            if after:
                after()

    setattr(owner, name, wrapped)


def install(marks: list[tuple[float, str]], sampler: Sampler) -> None:
    """The hooks: each appends (time, phase starting) to `marks`."""
    from tui.core.linking import analyzer, index, rounds
    from tui.core.refresh import analysis, pool
    from tui.core.store import articles, links, pruning

    def mark(name: str) -> Callable[[], None]:
        return lambda: marks.append((time.perf_counter(), name))

    real_run = analysis.Analysis._run_pending

    def run_pending(self: Any, conn: Any, on_event: Any) -> Any:
        sampler.writer_tid = threading.get_native_id()
        mark("text halves + writes")()
        return real_run(self, conn, on_event)

    analysis.Analysis._run_pending = run_pending  # type: ignore[method-assign]
    real_in_pool = analysis.Analysis.in_pool

    def in_pool(self: Any, fn: Callable[..., Any], jobs: Any) -> Iterator[Any]:
        mark(fn.__name__.removesuffix("_job"))()
        yield from real_in_pool(self, fn, jobs)
        mark(f"after {fn.__name__.removesuffix('_job')}")()

    analysis.Analysis.in_pool = in_pool  # type: ignore[method-assign]
    _wrap(
        analyzer.LinksAnalyzer,
        "finish_run",
        mark("links finish: unlink stale"),
        mark("mark analysed"),
    )
    _wrap(rounds.Tiler, "packed", mark("tiles packed"))
    _wrap(index, "prune_all", mark("older pruned"))
    _wrap(index, "recluster", mark("stories' region"))
    _wrap(links, "rewrite_stories", mark("story rows"))
    _wrap(analyzer.Unwritten, "write", mark("last links written"), mark("after last links"))
    _wrap(articles, "mark_analysed_unchanged", None, mark("prune + output"))
    _wrap(pruning, "prune", None, mark("after prune"))
    _wrap(pool.WorkerPool, "shutdown", mark("pool shutdown"), mark("after shutdown"))


def timeline(marks: list[tuple[float, str]], sampler: Sampler, t0: float) -> list[dict[str, Any]]:
    out = []
    workers = sorted({k for row in sampler.rows for k in row[3]}, key=int)
    for (t, name), (t2, _n) in pairwise(marks):
        w1, m1, k1 = sampler.at(t)
        w2, m2, k2 = sampler.at(t2)
        each = [k2.get(k, k1.get(k, 0.0)) - k1.get(k, 0.0) for k in workers]
        wall = t2 - t
        inside = [w for row, w in zip(sampler.rows, sampler.wants, strict=True) if t <= row[0] < t2]
        main_wants = sum(w[0] for w in inside) / len(inside) if inside else None
        kids_want = sum(w[1] for w in inside) / len(inside) if inside else None
        idle = sum(max(0, 2 - w[0] - w[1]) for w in inside) / len(inside) * wall if inside else None
        out.append(
            {
                "phase": name,
                "main_wants": main_wants and round(main_wants, 2),
                "workers_want": kids_want and round(kids_want, 2),
                "idle_core_s": idle and round(idle, 2),
                "start": round(t - t0, 2),
                "end": round(t2 - t0, 2),
                "writer": round(w2 - w1, 2),
                "main": round(m2 - m1, 2),
                "workers": [round(x, 2) for x in each],
                "busy": round((m2 - m1 + sum(each)) / wall, 2) if wall > 0.05 else None,
            }
        )
    return out


def strip(sampler: Sampler, t0: float, step: float) -> list[tuple[float, float, float]]:
    """(slice start, main's threads wanting a core, workers wanting one), means per slice."""
    out: list[tuple[float, float, float]] = []
    rows, wants, i = sampler.rows, sampler.wants, 0
    while i < len(rows):
        j = i
        while j < len(rows) and rows[j][0] - rows[i][0] < step:
            j += 1
        part = wants[i:j]
        out.append(
            (
                round(rows[i][0] - t0, 2),
                round(sum(w[0] for w in part) / len(part), 1),
                round(sum(w[1] for w in part) / len(part), 1),
            )
        )
        i = j
    return out


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--feeds", type=int, default=200)
    p.add_argument("--items", type=int, default=50)
    p.add_argument("--slice", type=float, default=0.5)
    p.add_argument("--json", type=Path)
    args = p.parse_args()
    from bench.site import SiteServer

    marks: list[tuple[float, str]] = []
    sampler = Sampler()
    install(marks, sampler)
    from tui.cli import main as cli

    with tempfile.TemporaryDirectory() as tmp, SiteServer(args.feeds, args.items) as site:
        (Path(tmp) / "feeds.toml").write_text(site.newsdesk_config(f"{tmp}/cache", extract=False))
        sys.argv = ["newsdesk", "fetch", "--no-extract", "--json", "--config", f"{tmp}/feeds.toml"]
        sampler.writer_tid = threading.get_native_id()
        sampler.start()
        t0 = time.perf_counter()
        marks.append((t0, "fetch + store"))
        with contextlib.redirect_stdout(io.StringIO()) as said:
            cli(sys.argv[1:])
        marks.append((time.perf_counter(), "exit"))
        sampler.sample()
        sampler.stop.set()
    phases = timeline(marks, sampler, t0)
    seconds = json.loads(said.getvalue())["seconds"]
    print(f"fetch says: stored {seconds['stored']} s, total {seconds['total']} s")
    print(
        f"{'phase':26s} {'start':>6s} {'end':>6s} {'writer':>6s} {'main':>6s} "
        f"{'workers':>14s} {'busy':>5s} {'wants m/w':>10s} {'idle':>5s}"
    )
    for ph in phases:
        busy = "" if ph["busy"] is None else f"{ph['busy']:5.2f}"
        kids = " ".join(f"{x:5.2f}" for x in ph["workers"])
        print(
            f"{ph['phase']:26s} {ph['start']:6.2f} {ph['end']:6.2f} {ph['writer']:6.2f} "
            f"{ph['main']:6.2f} {kids:>14s} {busy:5s} {ph['main_wants'] or 0:4.2f}/"
            f"{ph['workers_want'] or 0:4.2f} {ph['idle_core_s'] or 0:5.2f}"
        )
    total = sum(ph["idle_core_s"] or 0 for ph in phases)
    print(f"idle core-seconds (2 cores, nobody of ours wanting them): {total:.2f}")
    print("\nslices: start, main's threads wanting a core / workers wanting one")
    slices = strip(sampler, t0, args.slice)
    print("  ".join(f"{s:.1f}:{m:.1f}/{k:.1f}" for s, m, k in slices))
    if args.json:
        args.json.write_text(json.dumps({"phases": phases, "slices": slices}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
