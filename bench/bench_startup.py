"""Start-up to first paint, side by side: the newsdesk TUI vs newsboat on the same items.

Script, not a test:  python bench/bench_startup.py [N ...] [--reps 5] [--json PATH]
(default sizes 0 10000 50000; 0 times Python + Textual alone, newsdesk only).

For each N the bench site (`bench/site.py`) serves ceil(N/50) RSS feeds of 50 items
(`--per-feed`). Each contender fills its own cache from it once, with its own fetcher:
`newsdesk fetch --no-extract` (which also runs analysis, so 50k takes minutes) and
`newsboat -x reload` (8 threads); both caches are checked to hold N items. Then,
every repetition, each contender starts in a fixed-size tmux pane (a private tmux server, so a
first `new-session` never pays for starting one) and `capture-pane` is polled until the screen
is drawn: newsdesk's status line and an unread row; newsboat's "Your feeds" title and its first
feed row. The order of the two rotates between repetitions; one untimed warm-up start each comes
first. Reported: per-size medians and ranges, the median of per-repetition ratios
newsdesk/newsboat, and the goals of issue #8 (first paint under 1 s, faster than newsboat).
newsboat missing: its rows are skipped with a note. Needs tmux.
"""

from __future__ import annotations

import argparse
import math
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import PYTHON, ROOT, Report, Stat, newsdesk_cmd, ratio, run, stat_dict
from bench.site import SiteServer

GOAL_PAINT_S = 1.0
GOAL_RATIO = 1.0
SOCKET = f"newsdesk-bench-{os.getpid()}"  # our own tmux server: nobody else's sessions

ND_STATUS = re.compile(r"^\s*(Unread|All)\s+\d+/\d+", re.M)  # newsdesk's status line
NB_TITLE = re.compile(r"Your feeds \(\d+ unread, \d+ total\)")  # newsboat's feed list title
NB_ROW = re.compile(r"^\s+1 .*\(\d+/\d+\)", re.M)  # ... and its first feed row


def newsdesk_drawn(screen: str, empty: bool) -> bool:
    return bool(ND_STATUS.search(screen)) and (empty or "●" in screen)


def newsboat_drawn(screen: str) -> bool:
    return bool(NB_TITLE.search(screen)) and bool(NB_ROW.search(screen))


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", "-L", SOCKET, *args], check=True, capture_output=True,
                          text=True).stdout


def _wait_gone(pid: int, timeout: float = 10.0) -> None:
    """A killed reader must be gone before the next start (newsboat's lock, shared CPU)."""
    deadline = time.perf_counter() + timeout
    while Path(f"/proc/{pid}").exists() and time.perf_counter() < deadline:
        time.sleep(0.02)


def first_paint(command: list[str], drawn: Callable[[str], bool], session: str,
                env: dict[str, str] | None = None, timeout: float = 120.0) -> float:
    """Seconds from `new-session` to a capture of the pane that `drawn` accepts."""
    extra = [a for k, v in (env or {}).items() for a in ("-e", f"{k}={v}")]
    started = time.perf_counter()
    tmux("new-session", "-d", "-s", session, "-x", "120", "-y", "40", "-c", str(ROOT), *extra,
         "--", *command)
    screen, pid = "", 0
    try:
        pid = int(tmux("display-message", "-p", "-t", session, "#{pane_pid}").strip() or 0)
        while time.perf_counter() - started < timeout:
            screen = tmux("capture-pane", "-p", "-t", session)
            if drawn(screen):
                return time.perf_counter() - started
            time.sleep(0.01)
        raise TimeoutError(f"{session}: no first paint in {timeout:.0f} s:\n{screen}")
    finally:
        subprocess.run(["tmux", "-L", SOCKET, "kill-session", "-t", session],
                       capture_output=True)
        if pid:
            _wait_gone(pid)


@dataclass
class Reader:
    """One contender: its folder, how to fill it from the site, how to start it."""

    name: str
    folder: Path
    newsboat: str | None = None

    def env(self) -> dict[str, str]:
        return {"HOME": str(self.folder), "LANG": "C.UTF-8"} if self.newsboat else {}

    def prepare(self, site: SiteServer | None) -> None:
        self.folder.mkdir(parents=True)
        urls = site.feed_urls() if site else []
        if self.newsboat:
            (self.folder / "urls").write_text("\n".join(urls) + "\n", encoding="utf-8")
            (self.folder / "config").write_text("reload-threads 8\n", encoding="utf-8")
        else:
            text = site.newsdesk_config(str(self.folder / "cache"), extract=False) if site else \
                f'[settings]\ncache_dir = "{self.folder / "cache"}"\nkeep_days = 0\n'
            (self.folder / "feeds.toml").write_text(text, encoding="utf-8")

    def _args(self) -> list[str]:
        f = self.folder
        return ["-u", str(f / "urls"), "-c", str(f / "cache.db"), "-C", str(f / "config")]

    def fill(self, every: float = 30.0) -> float:
        """Fetch everything once through the reader's own fetcher; wall seconds. Says how far
        it got every `every` seconds (newsdesk's analysis makes 50k a matter of minutes)."""
        if self.newsboat:
            cmd = [self.newsboat, "-x", "reload", *self._args()]
        else:
            cmd = newsdesk_cmd("fetch", "--no-extract", "--config", str(self.folder / "feeds.toml"))
        done = threading.Event()

        def progress() -> None:
            started = time.perf_counter()
            while not done.wait(every):
                print(f"    ... {time.perf_counter() - started:.0f} s: {self.stored()} items "
                      f"stored" + ("" if self.newsboat else f", {self.analysed()} analysed"),
                      flush=True)

        thread = threading.Thread(target=progress, daemon=True)
        thread.start()
        try:
            return run(cmd, env=self.env(), cwd=ROOT, timeout=3600, sample=False).check().wall
        finally:
            done.set()
            thread.join()

    def _count(self, sql: str) -> int:
        if self.newsboat:
            path = self.folder / "cache.db"
        else:
            from tui.core.store.db import DB_NAME
            path = self.folder / "cache" / DB_NAME
        if not path.exists():
            return 0
        try:
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
            try:
                return int(conn.execute(sql).fetchone()[0])
            finally:
                conn.close()
        except sqlite3.Error:  # mid-migration, or the writer holds it: progress only
            return -1

    def stored(self) -> int:
        """Items in the cache: both readers must hold the same ones."""
        return self._count("SELECT count(*) FROM rss_item" if self.newsboat else
                           "SELECT count(*) FROM articles")

    def analysed(self) -> int:
        return self._count("SELECT count(*) FROM articles WHERE analysed = 1")

    def paint(self, session: str, empty: bool) -> float:
        if self.newsboat:
            return first_paint([self.newsboat, *self._args()], newsboat_drawn, session, self.env())
        command = [PYTHON, "-m", "tui", "--config", str(self.folder / "feeds.toml")]
        return first_paint(command, lambda s: newsdesk_drawn(s, empty), session)


def query_costs(config_path: Path) -> tuple[float, float]:
    """Cold `desk.count` and first-page query, seconds: what the list needs before painting."""
    from tui.core.config.loader import load_config
    from tui.core.desk import Desk

    with Desk.open(load_config(config_path)) as desk:
        t0 = time.perf_counter()
        desk.count("is:unread")
        t1 = time.perf_counter()
        desk.articles("is:unread", limit=100, offset=0)
        t2 = time.perf_counter()
    return t1 - t0, t2 - t1


def bench_size(report: Report, size: int, args: argparse.Namespace, newsboat: str | None,
               work: Path) -> dict[str, object]:
    items = min(args.per_feed, size) or 1
    feeds = math.ceil(size / items)
    readers = [Reader("newsdesk", work / f"newsdesk-{size}")]
    if newsboat and size:
        readers.append(Reader("newsboat", work / f"newsboat-{size}", newsboat))
    print(f"\n{size} articles: " + (f"{feeds} feeds x {items} items on {args.hosts} loopback "
                                   "hosts" if size else "empty cache, newsdesk only"), flush=True)
    result: dict[str, object] = {"feeds": feeds, "items_per_feed": items}
    site = SiteServer(feeds, items, hosts=args.hosts).start() if size else None
    try:
        for r in readers:
            r.prepare(site)
            print(f"  filling {r.name} (its own fetcher)...", flush=True)
            filled = r.fill() if site else 0.0
            result[f"{r.name}_fill_s"] = round(filled, 2)
            result[f"{r.name}_items"] = r.stored()
            print(f"  {r.name}: {r.stored()} items stored in {filled:.1f} s", flush=True)
    finally:
        if site:
            site.stop()
    counts = {r.name: result[f"{r.name}_items"] for r in readers}
    if len(set(counts.values())) > 1:
        report.note(f"{size} articles: the caches differ ({counts})")
    count_s, page_s = query_costs(readers[0].folder / "feeds.toml")
    result["count_ms"], result["first_page_ms"] = round(count_s * 1000, 1), round(page_s * 1000, 1)
    times: dict[str, list[float]] = {r.name: [] for r in readers}
    for r in readers:  # warm-up: page cache, .pyc files
        r.paint(f"warm-{r.name}-{size}", size == 0)
    for rep in range(args.reps):
        shift = rep % len(readers)
        for r in readers[shift:] + readers[:shift]:
            seconds = r.paint(f"{r.name}-{size}-{rep}", size == 0)
            times[r.name].append(seconds)
            report.row(size=size, rep=rep + 1, reader=r.name, first_paint_s=round(seconds, 3))
    for name, values in times.items():
        result[name] = stat_dict(values)
    if len(readers) == 2:
        result["ratio"] = stat_dict([ratio(a, b) for a, b in
                                     zip(times["newsdesk"], times["newsboat"], strict=True)])
    for r in readers:
        shutil.rmtree(r.folder, ignore_errors=True)
    return result


def _fmt(d: object, unit: str = "s") -> str:
    if not isinstance(d, dict) or not d.get("n"):
        return "n/a"
    return Stat(d["median"], d["low"], d["high"], d["n"]).fmt(unit)


def summarise(report: Report, summary: dict[int, dict[str, object]]) -> None:
    """The goals, then one compact table (run_all quotes the tail of the output)."""
    for size, s in summary.items():
        nd = s["newsdesk"]
        if isinstance(nd, dict) and nd.get("n"):
            report.goal(f"first paint, {size} articles (s)", nd["median"], GOAL_PAINT_S,
                        f"newsdesk {_fmt(nd)}")
        rt = s.get("ratio")
        if isinstance(rt, dict) and rt.get("n"):
            report.goal(f"first paint newsdesk / newsboat, {size} articles", rt["median"],
                        GOAL_RATIO, f"per-repetition ratios {_fmt(rt, 'x')}")
    print("\n  articles | newsdesk first paint        | newsboat start               "
          "| newsdesk/newsboat         | fill newsdesk / newsboat | count, page ms")
    for size, s in summary.items():
        fills = f"{s.get('newsdesk_fill_s')} s / {s.get('newsboat_fill_s', 'n/a')} s"
        print(f"  {size:>8} | {_fmt(s['newsdesk']):<28} | {_fmt(s.get('newsboat')):<28} "
              f"| {_fmt(s.get('ratio'), 'x'):<25} | {fills:<24} "
              f"| {s['count_ms']}, {s['first_page_ms']}")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("sizes", type=int, nargs="*", default=[0, 10_000, 50_000])
    p.add_argument("--reps", type=int, default=5)
    p.add_argument("--per-feed", type=int, default=50,
                   help="items per feed (newsboat's start grows with feeds as well as items)")
    p.add_argument("--hosts", type=int, default=20, help="loopback addresses to spread feeds over")
    p.add_argument("--no-newsboat", action="store_true")
    p.add_argument("--json", metavar="PATH")
    args = p.parse_args(argv)
    if shutil.which("tmux") is None:
        print("tmux is not installed", file=sys.stderr)
        return 2
    report = Report("startup", {"sizes": args.sizes, "reps": args.reps, "hosts": args.hosts,
                                "per_feed": args.per_feed,
                                "pane": "120x40", "goal_first_paint_s": GOAL_PAINT_S})
    report.commands = [" ".join(["python bench/bench_startup.py", *(argv or sys.argv[1:])]),
                       "newsdesk: python -m tui --config DIR/feeds.toml "
                       "(filled by python -m tui fetch --no-extract)",
                       "newsboat: newsboat -u DIR/urls -c DIR/cache.db -C DIR/config "
                       "(filled by newsboat -x reload, reload-threads 8)"]
    newsboat = None if args.no_newsboat else shutil.which("newsboat")
    if newsboat:
        version = subprocess.run([newsboat, "--version"], capture_output=True, text=True)
        report.params["newsboat"] = version.stdout.splitlines()[0] if version.stdout else "?"
    else:
        report.note("newsboat not installed (or --no-newsboat): newsboat rows skipped")
    summary: dict[int, dict[str, object]] = {}
    tmux("new-session", "-d", "-s", "keep", "-x", "80", "-y", "24", "sleep", "86400")
    socket = Path(tmux("display-message", "-p", "#{socket_path}").strip())
    try:
        with tempfile.TemporaryDirectory(prefix="bench-startup-") as tmp:
            for size in args.sizes:
                summary[size] = bench_size(report, size, args, newsboat, Path(tmp))
    finally:
        subprocess.run(["tmux", "-L", SOCKET, "kill-server"], capture_output=True)
        socket.unlink(missing_ok=True)
    report.params["summary"] = {str(k): v for k, v in summary.items()}
    summarise(report, summary)
    report.save(args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
