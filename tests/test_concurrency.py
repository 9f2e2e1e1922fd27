"""Two processes on one cache: the reader triaging in a loop while `newsdesk fetch` writes.
No "database is locked", no lost update, and each triage write stays quick."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import threading
import time
from pathlib import Path

from tests.conftest import REPO, write_config
from tests.httpserver import LocalServer
from tests.test_crash import FEEDS, publish
from tests.test_refresh import page
from tui.core.config.loader import load_config
from tui.core.desk import Desk


def test_triage_while_fetch_runs(server: LocalServer, tmp_path: Path) -> None:
    rng = random.Random(7)
    server.add("/p", body=page("Concurrency story"), headers={"Content-Type": "text/html"})
    publish(server, 0)
    feeds = [(f"Feed {f}", server.url(f"/f{f}.xml")) for f in range(FEEDS)]
    config_path = write_config(tmp_path, feeds, settings="per_host = 16\nconcurrency = 16")
    config = load_config(config_path)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    with Desk.open(config) as desk:
        desk.refresh(["Feed 0", "Feed 1"], extract=False)
        ids = desk.ids()
        publish(server, 3)  # the fetch brings new items and pages for every feed
        fetch = subprocess.Popen(
            [sys.executable, "-m", "tui", "--config", str(config_path), "fetch"],
            env=env, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        expected_read: dict[int, bool] = {}
        expected_saved: dict[int, bool] = {}
        expected_tags: dict[int, set[str]] = {i: set(desk.article(i).tags) for i in ids}  # type: ignore[union-attr]
        latencies: list[float] = []
        writes = 0
        errors: list[BaseException] = []

        def reader_thread() -> None:  # the TUI's UI thread reads while its worker writes
            try:
                while fetch.poll() is None:
                    desk.articles("is:unread", limit=50)
                    desk.count()
            except BaseException as exc:  # reported below
                errors.append(exc)

        reader = threading.Thread(target=reader_thread)
        reader.start()
        while fetch.poll() is None or writes < 200:
            target = rng.choice(ids)
            action = rng.randrange(4)
            begun = time.monotonic()
            if action == 0:
                value = rng.random() < 0.5
                desk.set_read([target], value)
                expected_read[target] = value
            elif action == 1:
                value = rng.random() < 0.5
                desk.set_saved(target, value)
                expected_saved[target] = value
            elif action == 2:
                tag = f"t{rng.randrange(20)}"
                desk.add_tags([target], [tag])
                expected_tags[target].add(tag)
            else:
                tag = f"t{rng.randrange(20)}"
                desk.remove_tag([target], tag)
                expected_tags[target].discard(tag)
            latencies.append(time.monotonic() - begun)
            time.sleep(0.005)  # a very fast reader; still leaves the CPU to the fetch
            writes += 1
        out, err = fetch.communicate(timeout=120)
        reader.join(30)
        assert fetch.returncode == 0, err.decode()
        assert b"locked" not in err and not errors, (err.decode(), errors)
        rows = {r.id: r for r in desk.articles(limit=1 << 30)}
        for article_id, value in expected_read.items():
            assert rows[article_id].read == value
        for article_id, value in expected_saved.items():
            assert rows[article_id].saved == value
        for article_id, tags in expected_tags.items():
            assert set(rows[article_id].tags) == tags, article_id
        total = len(rows)
    latencies.sort()
    slowest = latencies[-1]
    print(f"\n{writes} triage writes during one fetch ({out.decode().strip()}); {total} "
          f"articles; write latency median {latencies[len(latencies) // 2] * 1000:.0f} ms, "
          f"p99 {latencies[int(len(latencies) * 0.99)] * 1000:.0f} ms, max {slowest * 1000:.0f} ms")
    assert total > len(ids)  # the fetch really wrote while we did
    # One analysis batch at most (store/write_turns.transaction steps aside after a long write); well
    # under the 30 s busy timeout that would surface as "database is locked".
    assert slowest < 20.0
