"""kill -9 in the middle of `newsdesk fetch`, many times: the cache stays intact, nothing the
user set (tags, saved, read) is lost, and the next refresh completes."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from concurrent.futures.process import BrokenProcessPool
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest

from tests.conftest import REPO, rss, write_config
from tests.httpserver import LocalServer
from tests.test_refresh import page
from tui.core.config.loader import load_config
from tui.core.desk import Desk
from tui.core.store.db import DB_NAME, connect

FEEDS = 24
PER_FEED = 30
KILLS = 20


def publish(server: LocalServer, generation: int) -> None:
    """Each generation adds 4 new items per feed: every run has fresh work to kill."""
    now = datetime.now(UTC)
    for f in range(FEEDS):
        items = []
        for n in range(generation * 4, generation * 4 + PER_FEED):
            link = server.url(f"/p?f={f}&n={n}")
            items.append({"title": f"Feed {f} story {n}", "link": link, "guid": link,
                          "pubDate": format_datetime(now - timedelta(minutes=n)),
                          "description": f"Summary {f}/{n}"})
        server.add(f"/f{f}.xml", body=rss(items, title=f"Feed {f}"),
                   headers={"Content-Type": "application/rss+xml"})


def fetch_cmd(config: Path) -> list[str]:
    return [sys.executable, "-m", "tui", "--config", str(config), "fetch"]


def check_cache(path: Path) -> None:
    conn = connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        conn.execute("INSERT INTO articles_fts(articles_fts) VALUES('integrity-check')")
    finally:
        conn.close()


def test_a_dead_worker_does_not_break_later_refreshes(server: LocalServer,
                                                      tmp_path: Path) -> None:
    url = server.add("/a.xml", body=rss([{"title": "A", "guid": "a"}]))
    with Desk.open(load_config(write_config(tmp_path, [("A", url)]))) as desk:
        with pytest.raises(BrokenProcessPool):
            desk.pool().submit(os._exit, 1).result()  # as an OOM kill would
        summary = desk.refresh(extract=False)
        assert summary.feeds_ok == 1, summary.errors


@pytest.mark.slow
def test_kill_minus_nine_during_fetch(server: LocalServer, tmp_path: Path) -> None:
    seed = int(os.environ.get("NEWSDESK_CRASH_SEED", random.randrange(1 << 30)))
    rng = random.Random(seed)
    server.add("/p", body=page("Crash test story"), headers={"Content-Type": "text/html"})
    publish(server, 0)
    feeds = [(f"Feed {f}", server.url(f"/f{f}.xml")) for f in range(FEEDS)]
    config_path = write_config(tmp_path, feeds, settings="per_host = 16\nconcurrency = 16")
    config = load_config(config_path)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    cache = config.settings.cache_dir / DB_NAME

    tags: dict[int, set[str]] = {}
    saved: set[int] = set()
    read: set[int] = set()
    kills = 0
    started = time.monotonic()
    with Desk.open(config) as desk:
        desk.refresh(["Feed 0"], extract=False)  # something to tag before the first kill
        for i in range(KILLS):
            publish(server, i + 1)
            ids = desk.ids()
            target = rng.choice(ids)
            desk.add_tags([target], [f"t{i}"])
            tags.setdefault(target, set()).add(f"t{i}")
            keep = rng.choice(ids)
            desk.set_saved(keep)
            saved.add(keep)
            opened = rng.sample(ids, min(3, len(ids)))
            desk.set_read(opened)
            read.update(opened)
            proc = subprocess.Popen(fetch_cmd(config_path), env=env, cwd=tmp_path,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                    start_new_session=True)
            time.sleep(rng.uniform(0.2, 2.5))  # a fetch here takes about 2-3 s
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)  # the fetch and its pool workers
                kills += 1
            proc.wait(30)
            check_cache(cache)
            for article_id, expected in tags.items():
                assert expected <= set(desk.article(article_id).tags), (seed, i)  # type: ignore[union-attr]
            rows = {r.id: r for r in desk.articles(limit=1 << 30)}
            assert all(rows[a].saved for a in saved), (seed, i)
            assert all(rows[a].read for a in read), (seed, i)
    elapsed = time.monotonic() - started
    done = subprocess.run(fetch_cmd(config_path), env=env, cwd=tmp_path, capture_output=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert "0 failed" in done.stdout.decode()
    check_cache(cache)
    conn = sqlite3.connect(cache)
    total = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    print(f"\nseed {seed}: {kills} of {KILLS} runs killed with SIGKILL in {elapsed:.0f} s; "
          f"{total} articles, integrity ok, {sum(map(len, tags.values()))} tags and "
          f"{len(saved)} saved flags intact")
    assert kills >= KILLS // 2
    assert total >= FEEDS * PER_FEED
    assert elapsed < 150


def test_a_worker_dying_mid_analysis_leaves_nothing_unanalysed(
        server: LocalServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Text halves stream through a window of batches: a worker killed while some are in
    flight costs those batches a second try here, and the batches after it a new pool."""
    from tui.core.refresh import analysis

    monkeypatch.setattr(analysis, "BATCH", 2)
    monkeypatch.setattr(analysis, "IN_FLIGHT", 3)
    url = server.add("/a.xml", body=rss([{"title": f"Story {i}", "guid": f"g{i}"}
                                         for i in range(20)]))
    with Desk.open(load_config(write_config(tmp_path, [("A", url)]))) as desk:
        real = analysis.Analysis._settled
        killed = []

        def settled(self, job, sources, only):  # type: ignore[no-untyped-def]
            if not killed:  # the pool breaks once the first batches are in flight
                killed.append(True)
                with pytest.raises(BrokenProcessPool):
                    desk.pool().submit(os._exit, 1).result()
            return real(self, job, sources, only)

        monkeypatch.setattr(analysis.Analysis, "_settled", settled)
        summary = desk.refresh(extract=False)
        assert summary.new_articles == 20 and killed
        assert desk.conn.execute("SELECT count(*) FROM articles WHERE analysed = 0"
                                 ).fetchone()[0] == 0
        assert desk.conn.execute("SELECT count(*) FROM link_features").fetchone()[0] == 20
