"""The desk's stop signal, which also cancels the network waits under way.

Setting a flag was not enough: a refresh or a page fetch waiting on a server that never
answers (or sends a byte every few seconds) only looks at the flag once the request ends,
up to connect + 3 x read timeout later (70 s by default), and the app's exit waited for it on
a blank screen. Each event loop that fetches registers its work here, and `set` cancels it
from whatever thread quits: what was stored stays, what was fetched but not yet written is
fetched again by the next refresh."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Awaitable, Callable, Iterator
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:  # loaded by the loops that use it: an unchanged refresh runs none
    import asyncio

T = TypeVar("T")


class StopSignal(threading.Event):
    """A threading.Event whose `set` also cancels the asyncio work registered with it."""

    def __init__(self) -> None:
        super().__init__()
        self._hooks: dict[int, Callable[[], None]] = {}
        self._hooks_lock = threading.Lock()

    def set(self) -> None:
        super().set()
        with self._hooks_lock:
            hooks = list(self._hooks.values())
        for hook in hooks:
            hook()

    @contextlib.contextmanager
    def calls(self, hook: Callable[[], None]) -> Iterator[None]:
        """While inside, `set` (from any thread) calls `hook`; at once if it is set already."""
        with self._hooked(hook):
            if self.is_set():
                hook()
            yield

    @contextlib.contextmanager
    def cancels(self, task: asyncio.Future[T]) -> Iterator[None]:
        """While inside, `set` (from any thread) cancels `task` on its own loop."""
        import asyncio

        loop = asyncio.get_running_loop()

        def hook() -> None:
            with contextlib.suppress(RuntimeError):  # the loop closed meanwhile: nothing runs
                loop.call_soon_threadsafe(task.cancel)

        with self._hooked(hook):
            if self.is_set():
                task.cancel()
            yield

    @contextlib.contextmanager
    def _hooked(self, hook: Callable[[], None]) -> Iterator[None]:
        key = id(hook)
        with self._hooks_lock:
            self._hooks[key] = hook
        try:
            yield
        finally:
            with self._hooks_lock:
                self._hooks.pop(key, None)


async def unless_stopped(stopping: threading.Event, work: Awaitable[T]) -> T | None:
    """`work`'s result, or None once `stopping` is set (the work cancelled at once when
    `stopping` is a StopSignal). A cancellation from outside (Ctrl-C in the CLI) goes on."""
    import asyncio

    task = asyncio.ensure_future(work)
    with stopping.cancels(task) if isinstance(stopping, StopSignal) else contextlib.nullcontext():
        try:
            return await task
        except asyncio.CancelledError:
            current = asyncio.current_task()
            if not stopping.is_set() or (current is not None and current.cancelling()):
                raise
            return None
