"""Feed refresh, side by side: `newsdesk fetch --no-extract` vs newsboat (1 and 8 threads).

Script, not a test:  python bench/bench_fetch.py [--feeds 200 --items 50 --reps 3]

Every repetition starts each contender on a fresh cache and runs it three times against the
same loopback site: cold (everything new), then unchanged twice. The site answers conditional
requests with 304. newsboat 2.21 only stores a feed's ETag/Last-Modified once the feed row
exists, i.e. on its second run, so its first 304 run is its third; "unchanged" below is each
contender's first run whose feeds all came back 304 (server counters prove which run that was).
The contenders' order rotates between repetitions so drift on a shared machine cancels out.
Also times `newsdesk fetch` on the bundled demo site, and can profile the cold fetch (py-spy).

Which newsdesk is timed: the checkout's code, run by `--python` (default: the interpreter running
this script) with that environment's packages. The fair figure is a user's install, i.e. an
environment made by `pip install .` without the test extra: with the test extra, click is
installed and httpx imports its CLI (click and rich) on every fetch, ~40 ms that no user pays.
The report records which it was (`newsdesk_python.user_install_like`). The checkout is
byte-compiled first, as pip does for a user (with PYTHONDONTWRITEBYTECODE set, each run would
otherwise compile every module again). For example:

    python -m venv /tmp/user && /tmp/user/bin/pip install .
    python bench/bench_fetch.py --python /tmp/user/bin/python --threads 8 --reps 3 --demo-reps 0
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import (
    RESULTS,
    ROOT,
    Report,
    RunResult,
    Stat,
    compile_checkout,
    interpreter_facts,
    newsdesk_cmd,
    ratio,
    run,
    stat_dict,
    summarise_pyspy,
)
from bench.floor_sweep import timed_sweep
from bench.site import SiteServer

# Issue 19's goals, against newsboat with `reload-threads 8`.
GOAL_COLD = 3.0  # cold, with actors, links and stories done
GOAL_STORED = 0.8  # cold, until every article is stored, listed and searchable
GOAL_UNCHANGED = 0.12  # every feed answers 304
GOAL_PEAK_MB = 150  # peak memory of newsdesk's main process in the cold refresh


def ensure_newsboat(report: Report, allow_install: bool) -> str | None:
    """The newsboat binary, installing the Debian package if needed and allowed."""
    found = shutil.which("newsboat")
    if found or not allow_install:
        if not found:
            report.note("newsboat not installed (--no-install): newsboat rows skipped")
        return found
    if shutil.which("apt-get") is None or os.geteuid() != 0:
        report.note("newsboat missing and apt-get unavailable (or not root): newsboat rows skipped")
        return None
    for cmd in (["apt-get", "update"], ["apt-get", "install", "-y", "newsboat"]):
        try:
            done = subprocess.run(cmd, capture_output=True, text=True, timeout=600,
                                  env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
        except (OSError, subprocess.TimeoutExpired) as exc:
            report.note(f"`{' '.join(cmd)}` failed ({exc}): newsboat rows skipped")
            return None
        if done.returncode != 0:
            report.note(f"`{' '.join(cmd)}` exited {done.returncode} "
                        f"({done.stderr.strip()[-200:]}): newsboat rows skipped")
            return None
    return shutil.which("newsboat")


class Contender:
    """One reader under test, with its own fresh folder per repetition."""

    def __init__(self, name: str, site: SiteServer, newsboat: str | None = None,
                 threads: int = 0, extract: bool = False, python: str | None = None) -> None:
        self.name, self.site, self.newsboat, self.threads = name, site, newsboat, threads
        self.extract, self.python = extract, python
        self.folder = Path()

    def fresh(self, parent: Path) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix=self.name + "-", dir=parent))
        if self.newsboat:
            (self.folder / "urls").write_text("\n".join(self.site.feed_urls()) + "\n")
            (self.folder / "config").write_text(f"reload-threads {self.threads}\n")
        else:
            (self.folder / "feeds.toml").write_text(
                self.site.newsdesk_config(str(self.folder / "cache"), extract=self.extract))

    def command(self) -> list[str]:
        f = self.folder
        if self.newsboat:
            return [self.newsboat, "-x", "reload", "-u", str(f / "urls"), "-c",
                    str(f / "cache.db"), "-C", str(f / "config")]
        extra = [] if self.extract else ["--no-extract"]
        return newsdesk_cmd("fetch", *extra, "--json", "--config", str(f / "feeds.toml"),
                            python=self.python)

    def run(self) -> RunResult:
        env = {"HOME": str(self.folder), "LANG": "C.UTF-8"} if self.newsboat else {}
        return run(self.command(), env=env, cwd=ROOT).check()

    def stored_wall(self, result: RunResult) -> float:
        """Process start until every article was stored: newsboat's whole job. newsdesk's
        `fetch --json` says how long analysis (actors, links) took after that point."""
        if self.newsboat:
            return result.wall
        seconds = json.loads(result.stdout)["seconds"]
        return result.wall - float(seconds["total"] - seconds["stored"])


def bench_refresh(report: Report, args: argparse.Namespace, newsboat: str | None,
                  work: Path) -> None:
    with SiteServer(args.feeds, args.items, hosts=args.hosts) as site:
        contenders = [Contender("newsdesk", site, python=args.python)]
        if newsboat:
            contenders += [Contender(f"newsboat-{t}", site, newsboat, t) for t in args.threads]
        times: dict[str, dict[str, list[float]]] = {
            c.name: {"cold": [], "unchanged": [], "cold stored": []} for c in contenders}
        rss: dict[str, list[float]] = {c.name: [] for c in contenders}
        largest: dict[str, list[float]] = {c.name: [] for c in contenders}
        heap: dict[str, list[float]] = {c.name: [] for c in contenders}
        mapped: dict[str, list[float]] = {c.name: [] for c in contenders}
        tree: dict[str, list[float]] = {c.name: [] for c in contenders}
        cpu: dict[str, list[float]] = {c.name: [] for c in contenders}
        cpu_unchanged: dict[str, list[float]] = {c.name: [] for c in contenders}
        floor: list[float] = []
        for rep in range(args.reps):
            shift = rep % len(contenders)
            for c in contenders[shift:] + contenders[:shift]:
                c.fresh(work)
                site.reset_stats()
                cold = c.run()
                cold_stats = site.reset_stats()
                unchanged = None
                for attempt in range(1, 3):
                    warm = c.run()
                    warm_stats = site.reset_stats()
                    if warm_stats.get("304", 0) >= args.feeds:
                        unchanged = (attempt, warm, warm_stats)
                        break
                times[c.name]["cold"].append(cold.wall)
                times[c.name]["cold stored"].append(c.stored_wall(cold))
                rss[c.name].append((cold.own_peak_kb or cold.max_rss_kb) / 1024)
                largest[c.name].append(cold.max_rss_kb / 1024)
                heap[c.name].append(cold.heap_peak_kb / 1024)
                mapped[c.name].append(cold.file_peak_kb / 1024)
                tree[c.name].append(cold.tree_peak_kb / 1024)
                if unchanged:
                    times[c.name]["unchanged"].append(unchanged[1].wall)
                    cpu_unchanged[c.name].append(unchanged[1].cpu_s)
                cpu[c.name].append(cold.cpu_s)
                report.row(rep=rep + 1, reader=c.name, cold_s=round(cold.wall, 3),
                           cold_stored_s=round(c.stored_wall(cold), 3),
                           cold_cpu_s=cold.cpu_s,
                           cold_requests=cold_stats,
                           unchanged_s=round(unchanged[1].wall, 3) if unchanged else None,
                           unchanged_run=unchanged[0] + 1 if unchanged else None,
                           unchanged_cpu_s=unchanged[1].cpu_s if unchanged else None,
                           peak_rss_mb=round((cold.own_peak_kb or cold.max_rss_kb) / 1024, 1),
                           largest_process_mb=round(cold.max_rss_kb / 1024, 1),
                           heap_peak_mb=round(cold.heap_peak_kb / 1024, 1),
                           mapped_peak_mb=round(cold.file_peak_kb / 1024, 1),
                           tree_peak_mb=round(cold.tree_peak_kb / 1024, 1))
                shutil.rmtree(c.folder, ignore_errors=True)
            floor.append(timed_sweep(site, work, args.python).wall)
        summary = {name: {"cold_s": stat_dict(t["cold"]), "unchanged_s": stat_dict(t["unchanged"]),
                          "cold_stored_s": stat_dict(t["cold stored"]),
                          "cold_cpu_s": stat_dict(cpu[name]),
                          "unchanged_cpu_s": stat_dict(cpu_unchanged[name]),
                          "max_rss_mb": stat_dict(rss[name], 1),
                          "largest_process_mb": stat_dict(largest[name], 1),
                          "heap_peak_mb": stat_dict(heap[name], 1),
                          "mapped_peak_mb": stat_dict(mapped[name], 1),
                          "tree_peak_mb": stat_dict(tree[name], 1)}
                   for name, t in times.items()}
        report.params["summary"] = summary
        for name, t in times.items():
            print(f"{name:>12}: cold {Stat.of(t['cold']).fmt()} (stored "
                  f"{Stat.of(t['cold stored']).fmt()})  unchanged "
                  f"{Stat.of(t['unchanged']).fmt()}", flush=True)
        print(f"{'py floor':>12}: unchanged {Stat.of(floor).fmt()}", flush=True)
        base = f"newsboat-{max(args.threads)}" if newsboat else None
        if base and base in times:
            for phase, goal in (("cold", GOAL_COLD), ("cold stored", GOAL_STORED),
                                ("unchanged", GOAL_UNCHANGED)):
                pairs = list(zip(times["newsdesk"][phase], times[base][phase], strict=False))
                ratios = [ratio(a, b) for a, b in pairs]
                if ratios:
                    s = Stat.of(ratios)
                    report.goal(f"refresh {phase}: newsdesk / {base}", s.median, goal,
                                f"per-repetition ratios {s.fmt('x')}")
            floor_ratios = [ratio(a, b) for a, b in zip(floor, times[base]["unchanged"],
                                                        strict=False)]
            if floor_ratios:
                f = Stat.of(floor_ratios)
                report.note(f"unchanged refresh, the floor of any Python client (CPython start-up "
                            f"and {args.feeds} conditional GETs with http.client alone, bench/"
                            f"floor_sweep.py): {Stat.of(floor).fmt()}, {f.fmt('x')} of {base}")
            # CPU (user + system, with children) hardly moves with other people's load.
            cpu_ratios = [ratio(a, b) for a, b in zip(cpu_unchanged["newsdesk"],
                                                      cpu_unchanged[base], strict=False)]
            if cpu_ratios:
                cr = Stat.of(cpu_ratios)
                report.note(f"unchanged refresh CPU: newsdesk "
                            f"{Stat.of(cpu_unchanged['newsdesk']).fmt()}, {base} "
                            f"{Stat.of(cpu_unchanged[base]).fmt()}, ratio {cr.fmt('x')}")
        if rss["newsdesk"]:
            s, h, m = Stat.of(rss["newsdesk"]), Stat.of(heap["newsdesk"]), Stat.of(mapped["newsdesk"])
            big = Stat.of(largest["newsdesk"])
            report.goal("peak memory of newsdesk's main process, cold refresh (MB)", s.median,
                        GOAL_PEAK_MB, f"its own peak RSS (VmHWM) {s.fmt('MB')}; of it at most "
                        f"heap (anonymous) {h.fmt('MB')} and mapped files (libraries, cache file) "
                        f"{m.fmt('MB')}; the largest process of the run, main or a pool worker "
                        f"(wait4's maximum, what this row read before stop 25) {big.fmt('MB')}")


def bench_demo(report: Report, reps: int, work: Path, python: str | None = None) -> None:
    try:
        from tui.demo.server import DemoServer, write_demo_config
    except ImportError as exc:
        report.note(f"demo not timed: tui.demo.server is not available ({exc})")
        return
    walls = []
    with DemoServer() as server:
        for rep in range(reps):
            folder = Path(tempfile.mkdtemp(prefix="demo-", dir=work))
            config = write_demo_config(folder, server)
            result = run(newsdesk_cmd("fetch", "--config", str(config), python=python),
                         cwd=ROOT).check()
            walls.append(result.wall)
            report.row(rep=rep + 1, reader="newsdesk demo fetch (with extraction)",
                       wall_s=round(result.wall, 3), output=result.stdout.strip()[:120],
                       peak_rss_mb=round(result.max_rss_kb / 1024, 1))
            shutil.rmtree(folder, ignore_errors=True)
    report.params["demo_fetch_s"] = stat_dict(walls)
    print(f"demo fetch: {Stat.of(walls).fmt()}", flush=True)


def profile_cold(report: Report, args: argparse.Namespace, work: Path, extract: bool) -> None:
    """py-spy over the whole process tree of one cold fetch (and, without extraction, of the
    unchanged run after it); top functions by CPU samples. Raw files stay in bench/results/."""
    pyspy = shutil.which("py-spy")
    if pyspy is None:
        report.note("profile skipped: py-spy not installed (pip install py-spy)")
        return
    RESULTS.mkdir(parents=True, exist_ok=True)
    with SiteServer(args.feeds, args.items, hosts=args.hosts) as site:
        c = Contender("profile", site, extract=extract, python=args.python)
        c.fresh(work)
        phases = ["extract"] if extract else ["noextract", "unchanged"]
        for phase in phases:
            raw = RESULTS / f"pyspy-fetch-{phase}.txt"
            cmd = [pyspy, "record", "--subprocesses", "-r", "100", "--format", "raw",
                   "-o", str(raw), "--", *c.command()]
            result = run(cmd, cwd=ROOT, sample=False)
            if result.rc != 0 or not raw.exists():
                report.note(f"py-spy failed (exit {result.rc}): {result.stderr.strip()[-300:]}")
                return
            top = summarise_pyspy(raw)
            top["wall_s_under_profiler"] = round(result.wall, 2)
            report.params[f"profile_{phase}"] = top
            print(f"py-spy ({phase}, wall {result.wall:.1f} s under the profiler, "
                  f"{top['samples']} CPU samples):")
            print("  CPU by process: " + ", ".join(f"{k} {v}%" for k, v in top["processes"]))
            for kind in ("inclusive", "self"):
                print(f"  top {kind}:")
                for name, share in top[kind][:15]:
                    print(f"    {share:5.1f}%  {name}")


def stages_child(config_path: str, extract: bool) -> None:
    """Child process: one refresh on a Desk, printing when each stage's last event came (JSON)."""
    import json
    import time

    began = time.perf_counter()
    from tui.core.config.loader import load_config
    from tui.core.desk import Desk
    from tui.core.refresh.events import Progress, RefreshEvent

    marks: dict[str, float] = {}
    imports = time.perf_counter() - began  # the Desk's (the refresh loads httpx itself)
    start = time.perf_counter()

    def on_event(event: RefreshEvent) -> None:
        if isinstance(event, Progress):
            now = time.perf_counter() - start
            marks.setdefault(f"{event.stage} first", now)
            marks[f"{event.stage} last"] = now

    with Desk.open(load_config(Path(config_path))) as desk:
        opened = time.perf_counter() - start
        summary = desk.refresh(extract=extract, on_event=on_event)
        marks["refresh returned"] = time.perf_counter() - start
    print(json.dumps({"imports_s": imports, "desk_open_s": opened, "marks": marks,
                      "new": summary.new_articles}))


def stage_split(report: Report, args: argparse.Namespace, work: Path, extract: bool) -> None:
    """Where a cold refresh spends its wall time (fetch+parse+store, pages, analysis), and then
    an unchanged one (all 304): imports until the Desk is open, the refresh, the exit."""
    import json

    with SiteServer(args.feeds, args.items, hosts=args.hosts) as site:
        c = Contender("stages", site, extract=extract)
        c.fresh(work)
        for phase in ("cold", "unchanged"):
            result = run([args.python, str(Path(__file__).resolve()), "--stages-child",
                          str(c.folder / "feeds.toml"),
                          *(["--stages-extract"] if extract else [])], cwd=ROOT).check()
            data = json.loads(result.stdout.strip().splitlines()[-1])
            marks = {k: round(v, 3) for k, v in sorted(data["marks"].items(),
                                                       key=lambda kv: kv[1])}
            key = f"stages_{'extract' if extract else 'noextract'}_{phase}"
            report.params[key] = {"process_wall_s": round(result.wall, 3),
                                  "imports_s": round(data["imports_s"], 3),
                                  "desk_open_s": round(data["desk_open_s"], 3), "marks_s": marks}
            report.row(stages=key, process_wall_s=round(result.wall, 3),
                       imports_s=round(data["imports_s"], 3),
                       desk_open_s=round(data["desk_open_s"], 3), **marks)
        shutil.rmtree(c.folder, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--feeds", type=int, default=200)
    p.add_argument("--items", type=int, default=50)
    p.add_argument("--hosts", type=int, default=20, help="loopback addresses to spread feeds over")
    p.add_argument("--reps", type=int, default=3)
    p.add_argument("--threads", type=int, nargs="+", default=[1, 8])
    p.add_argument("--no-newsboat", action="store_true")
    p.add_argument("--no-install", action="store_true", help="never apt-get install newsboat")
    p.add_argument("--demo-reps", type=int, default=3, help="0 skips the demo timing")
    p.add_argument("--profile", action="store_true", help="py-spy one cold --no-extract fetch")
    p.add_argument("--stages", action="store_true",
                   help="one cold refresh in a child with per-stage timestamps")
    p.add_argument("--stages-child", metavar="CONFIG", help=argparse.SUPPRESS)
    p.add_argument("--stages-extract", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--python", default=sys.executable, metavar="PATH",
                   help="interpreter (and so environment) that runs newsdesk; fair: a user's "
                        "install without the test extra (see the docstring)")
    p.add_argument("--json", metavar="PATH")
    args = p.parse_args(argv)
    if args.stages_child:
        stages_child(args.stages_child, extract=args.stages_extract)
        return 0
    report = Report("fetch", {"feeds": args.feeds, "items": args.items, "hosts": args.hosts,
                              "reps": args.reps, "threads": args.threads})
    report.commands = [" ".join(["python bench/bench_fetch.py", *(argv or sys.argv[1:])]),
                       "newsdesk: python -m tui fetch --no-extract --config DIR/feeds.toml",
                       "newsboat: newsboat -x reload -u DIR/urls -c DIR/cache.db -C DIR/config "
                       "(config: reload-threads N)"]
    compile_checkout(args.python)
    facts = report.params["newsdesk_python"] = interpreter_facts(args.python)
    print(f"newsdesk runs on {facts['prefix']} (Python {facts['python']}): "
          + ("a user's install (no test extra)" if facts["user_install_like"] else
             "NOT like a user's install: click is installed (the test extra), httpx imports "
             "its CLI on every run; pass --python from a venv without it"), flush=True)
    newsboat = None if args.no_newsboat else ensure_newsboat(report, not args.no_install)
    if newsboat:
        version = subprocess.run([newsboat, "--version"], capture_output=True, text=True)
        report.params["newsboat"] = version.stdout.splitlines()[0] if version.stdout else "?"
    with tempfile.TemporaryDirectory(prefix="bench-fetch-") as tmp:
        work = Path(tmp)
        print(f"refresh: {args.feeds} feeds x {args.items} items on {args.hosts} loopback hosts, "
              f"{args.reps} repetitions", flush=True)
        if args.reps:  # --reps 0: only the extra measurements below
            bench_refresh(report, args, newsboat, work)
        if args.demo_reps:
            bench_demo(report, args.demo_reps, work, args.python)
        if args.stages:
            stage_split(report, args, work, extract=False)
        if args.profile:
            profile_cold(report, args, work, extract=False)
    report.save(args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
