"""An edit of feeds.toml that keeps its size and its modification time (a file system whose
clock ticks by the second, two edits within one: a feed renamed to a name as long) is seen
all the same: the stat alone missed it for good, until the next edit. The likely cause of
test_app_feed_rename's rare CI timeout, whose second rename (EN -> RU) keeps the size."""

from __future__ import annotations

import os
from pathlib import Path

from tests.httpserver import LocalServer
from tests.test_app_feed_rename import two_feeds
from tests.test_app_support import SIZE, make_app, settle, status, until


async def test_a_same_size_edit_within_the_clock_tick_is_seen(
    server: LocalServer, tmp_path: Path
) -> None:
    async with two_feeds(server, tmp_path) as (path, config, desk):
        app = make_app(desk, config)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            path.write_text(path.read_text().replace('"Kremlin Watch"', '"Kremlin Watch EN"'))
            await until(pilot, lambda: "feeds.toml re-read" in status(app), 10)
            await settle(pilot)
            before = os.stat(path)
            text = path.read_text().replace('"Kremlin Watch EN"', '"Kremlin Watch RU"')
            path.write_text(text)  # the same size; then the same time, as a coarse clock gives
            os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
            assert (os.stat(path).st_size, os.stat(path).st_mtime_ns) == (
                before.st_size,
                before.st_mtime_ns,
            )
            await until(
                pilot,
                lambda: (
                    "1 feed renamed" in status(app)
                    and "Kremlin Watch RU" in [f.name for f in desk.config.feeds]
                ),
                10,
            )
