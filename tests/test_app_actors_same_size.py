"""An edit of actors.toml that keeps its size and its modification time (a file system whose
clock ticks by the second, two edits within one: a name changed for one as long) reaches the
reader as feeds.toml's does (`filewatch.FileWatch`, one helper for both): the app's stat of
size and time alone missed it until the next edit. Removing the file is seen too."""

from __future__ import annotations

import os
from pathlib import Path

from tests import test_app_support as support
from tests.test_app_follow import _record_messages
from tests.test_app_support import SIZE, make_app, settle, until
from tui.core.config.loader import load_config
from tui.core.desk import Desk


def actors(name: str) -> str:
    return f'[[actor]]\nid = "kazakh-air-inquiry"\nname = "{name}"\nkind = "org"\n'


async def test_a_same_size_actors_edit_within_the_clock_tick_is_seen(tmp_path: Path) -> None:
    path = support.copy_demo(tmp_path / "demo")
    mine = path.parent / "actors.toml"
    mine.write_text(actors("Kazakh Air Inquiry"), encoding="utf-8")
    config = load_config(path)
    with support.utc_clock(), Desk.open(config) as desk:
        app = make_app(desk, config)
        async with app.run_test(size=SIZE) as pilot:
            said = _record_messages(app)
            await settle(pilot)  # the start matches the cache with the user's file: 1
            await until(pilot, lambda: sum("actors matched again" in m for m in said) == 1, 120)
            mine.write_text(actors("Kazakh Air Enquiry"), encoding="utf-8")
            await until(pilot, lambda: desk.analysis.resolve_actor("Kazakh Air Enquiry") != [], 120)
            await until(pilot, lambda: sum("actors matched again" in m for m in said) == 2, 120)
            before = os.stat(mine)
            mine.write_text(actors("Kazakh Air Inquest"), encoding="utf-8")  # same size
            os.utime(mine, ns=(before.st_atime_ns, before.st_mtime_ns))  # and time: one tick
            assert (os.stat(mine).st_size, os.stat(mine).st_mtime_ns) == (
                before.st_size,
                before.st_mtime_ns,
            )
            await until(pilot, lambda: desk.analysis.resolve_actor("Kazakh Air Inquest") != [], 60)
            await until(pilot, lambda: sum("actors matched again" in m for m in said) == 3, 120)

            mine.unlink()  # the bundled actors again
            await until(pilot, lambda: desk.analysis.resolve_actor("Kazakh Air Inquest") == [], 60)
