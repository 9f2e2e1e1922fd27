"""Time from launch to first paint of the TUI with N cached articles.

Script, not a test: `python bench/bench_startup.py [N ...]` (default 0 10000 50000;
0 measures the cost of Python + Textual alone).
For each N it builds a synthetic cache (through the core store, no network), starts
`python -m tui --config X` in a fixed-size tmux session and polls `capture-pane` until
the article list shows a row; it prints the time and the cold `desk.count` / page query
costs for comparison. Needs tmux.
"""

from __future__ import annotations

import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

FEEDS = ["Levant Wire", "Gulf Ledger", "Caucasus Desk", "Volga Review", "Nile Dispatch",
         "Tehran Monitor", "Kyiv Brief", "Ankara Notes"]
WORDS = ["ceasefire", "talks", "minister", "drone", "strike", "pipeline", "sanctions",
         "election", "envoy", "border", "refinery", "protest", "parliament", "summit",
         "convoy", "grain", "corridor", "tanker", "militia"]


def write_config(folder: Path) -> Path:
    lines = ["[settings]", 'cache_dir = "cache"', "keep_days = 0", ""]
    for i, name in enumerate(FEEDS):
        lines += ["[[feed]]", f'name = "{name}"', f'url = "http://127.0.0.1:9/feed{i}.xml"',
                  'tags = ["bench"]', ""]
    path = folder / "feeds.toml"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def fill(config_path: Path, count: int, seed: int = 7) -> None:
    """Insert `count` synthetic articles through the store (the way refresh does)."""
    from tui.core.config import load_config
    from tui.core.models import to_iso
    from tui.core.store import articles as store
    from tui.core.store import feeds as feed_store
    from tui.core.store.db import DB_NAME, connect, transaction

    config = load_config(config_path)
    conn = connect(config.settings.cache_dir / DB_NAME)
    rng = random.Random(seed)
    start = datetime(2026, 1, 1, tzinfo=UTC)
    with transaction(conn):
        refs = feed_store.sync_feeds(conn, [(f.name, f.url) for f in config.feeds])
        ids = [ref.id for ref in refs.values()]
        batch: dict[int, list[store.NewEntry]] = {i: [] for i in ids}
        for n in range(count):
            title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 11))).capitalize()
            batch[ids[n % len(ids)]].append(store.NewEntry(
                key=f"bench-{n}", url=f"http://127.0.0.1:9/a/{n}", title=title, author=None,
                summary=title + ".", feed_content=None,
                published=to_iso(start + timedelta(minutes=7 * n)), lang="en"))
        for feed_id, entries in batch.items():
            store.insert_entries(conn, feed_id, entries)
        conn.execute("UPDATE articles SET body = summary, body_source = 'summary'")
    conn.close()


STATUS = re.compile(r"^\s*(Unread|All)\s+\d+/\d+", re.M)  # the status line is drawn


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], check=True, capture_output=True, text=True).stdout


def first_paint(config_path: Path, session: str, empty: bool, timeout: float = 60.0) -> float:
    """Seconds from `new-session` to a screen showing the list's first row and status."""
    command = f"{sys.executable} -m tui --config {config_path}"
    started = time.perf_counter()
    tmux("new-session", "-d", "-s", session, "-x", "120", "-y", "40", "-c", str(ROOT), command)
    try:
        while time.perf_counter() - started < timeout:
            screen = tmux("capture-pane", "-p", "-t", session)
            if STATUS.search(screen) and (empty or "●" in screen):
                return time.perf_counter() - started
            time.sleep(0.02)
        raise TimeoutError(f"no first paint in {timeout}s:\n{screen}")
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)


def query_costs(config_path: Path) -> tuple[float, float]:
    from tui.core.config import load_config
    from tui.core.desk import Desk

    with Desk.open(load_config(config_path)) as desk:
        t0 = time.perf_counter()
        desk.count("is:unread")
        t1 = time.perf_counter()
        desk.articles("is:unread", limit=100, offset=0)
        t2 = time.perf_counter()
    return t1 - t0, t2 - t1


def main(argv: list[str]) -> int:
    if shutil.which("tmux") is None:
        print("tmux is not installed", file=sys.stderr)
        return 2
    sizes = [int(a) for a in argv] or [0, 10_000, 50_000]
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix="newsdesk-bench-") as tmp:
            config_path = write_config(Path(tmp))
            t0 = time.perf_counter()
            fill(config_path, size)
            filled = time.perf_counter() - t0
            count_s, page_s = query_costs(config_path)
            runs = [first_paint(config_path, f"ndbench{size}-{i}", size == 0) for i in range(3)]
            print(f"{size:>6} articles: fill {filled:.1f}s; count {count_s * 1000:.1f} ms, "
                  f"first page {page_s * 1000:.1f} ms; first paint "
                  f"min {min(runs):.2f}s median {sorted(runs)[1]:.2f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
