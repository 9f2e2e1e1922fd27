"""Unchanged refresh (every feed answers 304), paired: two newsdesk installs, the Python floor
(floor_sweep.py), the floor of newsdesk's design (floor_design.py: start-up, raw sockets on
8 connections as newsdesk's sweep, and on 20, one SQLite read and write) and newsboat, alternating in one process on one loopback site, wall and CPU.

Script, not a test:  python bench/ab_unchanged.py REPS A/bin/newsdesk B/bin/newsdesk

Each install is a user's (`python -m venv A && A/bin/pip install .`), so its own interpreter
and packages run it. Each contender is primed first (a cold fetch, then newsboat's two runs
before its first 304 run); every timed run must see 200 answers of 304. CPU is user + system
of the process and its children (wait4), which moves far less than wall time on a busy machine.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.site import SiteServer

FEEDS = 200


def timed(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall and CPU seconds of one run (which must succeed)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            stdin=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if status:
        assert proc.stderr is not None
        raise SystemExit(f"{' '.join(cmd)} failed:\n{proc.stderr.read().decode()[-2000:]}")
    return wall, usage.ru_utime + usage.ru_stime


def line(name: str, runs: list[tuple[float, float]]) -> str:
    walls, cpus = [w for w, _ in runs], [c for _, c in runs]
    return (f"{name:>24}: wall median {statistics.median(walls):.3f} min {min(walls):.3f}"
            f"   CPU median {statistics.median(cpus):.3f} min {min(cpus):.3f}")


def ratio(values: list[float]) -> str:
    """A median of per-repetition ratios, with their range."""
    return f"median {statistics.median(values):.3f}x (range {min(values):.3f}-{max(values):.3f})"


def main(reps: int, installs: list[str]) -> None:
    with SiteServer(FEEDS, 50, hosts=20) as site, tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        commands: dict[str, tuple[list[str], dict[str, str] | None]] = {}
        for n, newsdesk in enumerate(installs):
            folder = work / f"newsdesk{n}"
            folder.mkdir()
            (folder / "feeds.toml").write_text(
                site.newsdesk_config(str(folder / "cache"), extract=False))
            commands[f"{n}: {newsdesk}"] = ([newsdesk, "fetch", "--no-extract", "--json",
                                             "--config", str(folder / "feeds.toml")], None)
        (work / "urls").write_text("\n".join(site.feed_urls()) + "\n")
        python = str(Path(installs[-1]).with_name("python"))
        commands["python floor"] = ([python, str(Path(__file__).with_name("floor_sweep.py")),
                                     str(work / "urls"), str(work / "etags.json")], None)
        for connections in (8, 20):
            commands[f"design floor {connections}"] = (
                [python, str(Path(__file__).with_name("floor_design.py")), str(work / "urls"),
                 str(work / f"design{connections}.sqlite3"), str(connections)], None)
        newsboat = shutil.which("newsboat")
        if newsboat:
            (work / "config").write_text("reload-threads 8\n")
            commands["newsboat-8"] = ([newsboat, "-x", "reload", "-u", str(work / "urls"),
                                       "-c", str(work / "cache.db"), "-C", str(work / "config")],
                                      {"HOME": tmp, "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"})
        for cmd, env in commands.values():  # primed: newsboat keeps validators from its 2nd
            for _ in range(3):
                timed(cmd, env)
        runs: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
        names = list(commands)
        for rep in range(reps):
            for name in names[rep % len(names):] + names[:rep % len(names)]:
                site.reset_stats()
                runs[name].append(timed(*commands[name]))
                if site.reset_stats().get("304", 0) != FEEDS:
                    raise SystemExit(f"{name}: not every feed answered 304")
        for name in names:
            print(line(name, runs[name]))
        if newsboat:
            for name in names[:-1]:
                for i, what in ((0, "wall"), (1, "CPU")):
                    ratios = [a[i] / b[i] for a, b in zip(runs[name], runs["newsboat-8"],
                                                           strict=True)]
                    print(f"{name} / newsboat-8, {what}: {ratio(ratios)}")
        for name in names[:len(installs)]:  # how far each install is above its design's floor
            for i, what in ((0, "wall"), (1, "CPU")):
                ratios = [x[i] / y[i] for x, y in zip(runs[name], runs["design floor 8"],
                                                      strict=True)]
                print(f"{name} / design floor 8, {what}: {ratio(ratios)}")
        if len(installs) == 2:
            a, b = runs[names[0]], runs[names[1]]
            for i, what in ((0, "wall"), (1, "CPU")):
                ratios = [y[i] / x[i] for x, y in zip(a, b, strict=True)]
                print(f"B / A {what}: {ratio(ratios)}")


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2:])
