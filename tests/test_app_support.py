"""Shared set-up for the app tests: one real demo cache per test process.

The demo site is served on 127.0.0.1 and refreshed once (with extraction) into a master
cache; each test gets its own copy, so tests may mutate it freely. Nothing is mocked: the
app talks to a real `Desk` on a real SQLite file. (No tests in this module;
each test module wraps these context managers in its own fixtures.)
"""

from __future__ import annotations

import asyncio
import atexit
import os
import shutil
import tempfile
import threading
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from textual.worker import WorkerCancelled

from tui.core.config.loader import load_config
from tui.core.desk import Desk


@dataclass
class DemoCache:
    folder: Path  # holds feeds.toml and cache/
    server: Any  # the running DemoServer (kept for refresh tests)


_MASTER: DemoCache | None = None
DEMO_PORT = 47811


def demo_master() -> DemoCache:
    """Build the master cache once per process (server stays up until exit)."""
    global _MASTER
    if _MASTER is None:
        from tui.demo.server import DemoServer, write_demo_config

        folder = Path(tempfile.mkdtemp(prefix="newsdesk-app-demo-"))
        try:  # a fixed port keeps the URLs shown in snapshots stable
            server = DemoServer(port=DEMO_PORT)
        except OSError:
            server = DemoServer()
        config_path = write_demo_config(folder, server)

        errors: list[BaseException] = []

        def build() -> None:
            try:
                config = load_config(config_path)
                with Desk.open(config) as desk:
                    # One feed at a time, in order: article ids, and so the incremental
                    # link scores shown in the reader, come out the same on every build.
                    for feed in config.feeds:
                        desk.refresh([feed.name], extract=True)
            except BaseException as error:
                errors.append(error)

        # Desk.refresh runs its own event loop: keep it off any loop a test is running.
        worker = threading.Thread(target=build, name="demo-cache")
        worker.start()
        worker.join()
        if errors:
            raise errors[0]
        atexit.register(shutil.rmtree, folder, True)
        atexit.register(server.close)
        _MASTER = DemoCache(folder, server)
    return _MASTER


def copy_demo(target: Path, extra_toml: str = "") -> Path:
    """A private copy of the master cache in `target`; returns its feeds.toml."""
    master = demo_master()
    shutil.copytree(master.folder, target, dirs_exist_ok=True)
    config_path = target / "feeds.toml"
    if extra_toml:
        text = config_path.read_text(encoding="utf-8")
        head, sep, rest = text.partition("[[feed]]")
        config_path.write_text(head + extra_toml + "\n\n" + sep + rest, encoding="utf-8")
    return config_path


@contextmanager
def utc_clock() -> Iterator[None]:
    """Local time = UTC, so displayed dates do not depend on the machine."""
    old = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    time.tzset()
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = old
        time.tzset()


@contextmanager
def demo_desk(tmp_path: Path) -> Iterator[tuple[Desk, Any]]:
    """(desk, config) on a private copy of the demo cache, clock in UTC."""
    config = load_config(copy_demo(tmp_path / "demo"))
    with utc_clock(), Desk.open(config) as desk:
        yield desk, config


def make_app(desk: Desk, config: Any) -> Any:
    from tui.app import NewsdeskApp

    return NewsdeskApp(desk, config)


SIZE = (120, 40)  # the terminal most app tests run in


@asynccontextmanager
async def pressed(demo: tuple[Desk, Any], size: tuple[int, int], *keys: str
                  ) -> AsyncIterator[tuple[Any, Any]]:
    """(app, pilot): the app on `demo` (the demo_desk fixture's pair) at `size`, settled, then
    `keys` pressed and settled again: `"enter", "1"` has an article open and the tree asked for."""
    app = make_app(*demo)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press(*keys)
        await settle(pilot)
        yield app, pilot


def main(app: Any) -> Any:
    """The app's main screen (asserting that no dialog is on top)."""
    from tui.app.screens.main import MainScreen

    assert isinstance(app.screen, MainScreen)
    return app.screen


def listed_ids(app: Any) -> list[int]:
    pager = main(app).articles.pager
    return [row.id for _, row in pager.rows(0, len(pager))]


async def key_on_timeline(pilot: Any, app: Any, key: str,
                          actor: tuple[str, str] = ("north-korea", "North Korea")) -> None:
    """Show an actor's timeline (id, name), then press `key` there."""
    main(app).show_actor(*actor)
    await pilot.pause()
    await pilot.press(key)
    await pilot.pause()


async def settle(pilot: Any) -> None:
    """Let workers (tree counts, refresh) finish and their results land: a finished worker may
    post a message that starts another (a refresh reloads the list), so wait a few rounds. A
    worker cancelled by a newer one of its exclusive group (the tree's loads) is not waited
    for: Textual's wait_for_complete raises WorkerCancelled for it (seen under load)."""
    for _ in range(3):
        await pilot.pause()
        await keys_delivered(pilot)
        outcomes = await asyncio.gather(*[worker.wait() for worker in pilot.app.workers],
                                        return_exceptions=True)
        for outcome in outcomes:
            if isinstance(outcome, BaseException) and not isinstance(outcome, WorkerCancelled):
                raise outcome
    await pilot.pause()


async def keys_delivered(pilot: Any, seconds: float = 10.0) -> None:
    """Wait while the app holds pressed keys for the ones before them (key_order.py): under
    load a key waits there longer than Pilot's idle check looks."""
    keys = getattr(pilot.app, "keys", None)
    for _ in range(int(seconds / 0.02)):
        if keys is None or keys.settled:
            return
        await pilot.pause(0.02)


async def until(pilot: Any, holds: Any, seconds: float = 20.0) -> None:
    """Wait until `holds()` is true: for what lands after a debounce timer (tree counts come
    ~0.4 s after a change) or a chain of workers, which `settle` alone may not see under load."""
    for _ in range(int(seconds / 0.05)):
        if holds():
            return
        await pilot.pause(0.05)
    assert holds()


def status(app: Any) -> str:
    return str(main(app).query_one("#status").render())


def note_text(app: Any) -> str:
    """The query error note under the bar, as one line ("" when it is hidden)."""
    note = main(app).query_note
    if not note.display:
        return ""
    return " ".join(" ".join(line.text for line in
                             note.render_lines(note.region.reset_offset)).split())


async def open_side(pilot: Any, app: Any, target: int) -> Any:
    """Article `target` opened in the reader: its side pane (actors and related lists)."""
    from tui.app.widgets.reader import Reader

    main(app).open_article(target)
    await settle(pilot)
    return app.screen.query_one(Reader).side
