"""Keys handled one at a time, in the order typed, each by the screen its key before left.
A paste (bracketed, one event) is held in the same line: `e i` then a pasted URL put the URL
into the list the dialog was opening over.

Textual hands a key to the widget focused when the app takes it from its queue, but runs the
key's bindings only once it has bubbled back up to the app. A terminal delivers a burst at
once, so every key of `e i Tab Tidewater` was handed to the list before `e` had opened the
feeds list or `i` the add dialog: they reached the old screen's widgets, or the new screen
before it was mounted (and its line focused). Here the app holds a key while the key before
it is being handled (a marker posted after it follows it up the same widgets) or the screen
on top is being mounted, then routes it as Textual would.

No key waits for ever: a key whose marker went with its widget (a dialog closed by it) lets
the next go at once, and a watch that runs while keys are held lets them all go, in order,
once nothing has moved for `STUCK_TICKS` of its turns (a marker lost another way, a screen
that never says it is done). A key that finds nothing in flight goes at once."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from textual import events
from textual.message import Message
from textual.widgets import Input

if TYPE_CHECKING:
    from textual.app import App
    from textual.timer import Timer
    from textual.widget import Widget

Typed = events.Key | events.Paste
"""What the terminal sends that waits its turn: a key, or a paste."""

MOVES = frozenset({"run('cursor_down')", "run('cursor_up')", "move(1)", "move(-1)",
                   "move('down')", "move('up')", "scroll('down')", "scroll('up')",
                   "cursor_down", "cursor_up", "scroll_down", "scroll_up"})
"""Bound actions that only move a cursor: the key after one goes at once (it cannot change
the screen or the focus the next key needs), so held-down `j` moves as fast as before."""
WATCH = 0.05
"""Seconds between the watch's looks while keys are held."""
STUCK_TICKS = 30
"""Turns of the watch (1.5 s on a free loop, longer on a loaded one, when the key before
could still be on its way) with nothing moved before the next key goes regardless."""


class KeyHandled(Message):
    """Posted to the widget a key went to, right after it: it bubbles up behind the key, so
    the app hears of it once the key's own handlers and bindings have run. Then once more,
    behind what those bindings posted on the way (an input's enter posts Submitted)."""

    def __init__(self, key: Typed, last: bool) -> None:
        super().__init__()
        self.key = key
        self.last = last


class KeyOrder:
    """The app's keys waiting for the one in flight (or for a screen being mounted)."""

    def __init__(self, app: App[Any], route: Callable[[Typed], Awaitable[None]]) -> None:
        self.app = app
        self.route = route
        """Textual's own handling of a key the terminal sent (priority bindings, then the
        focused widget)."""
        self.held: deque[Typed] = deque()
        self.flying: Typed | None = None
        self.target: Widget | None = None
        self.sent = 0.0
        """When the key in flight was routed (time.monotonic)."""
        self.idle_ticks = 0
        """The watch's turns since a key last moved."""
        self.timer: Timer | None = None
        self.routing = False

    @property
    def settled(self) -> bool:
        """Nothing held, nothing in flight that can still be heard of (for tests' waits)."""
        return not self.held and (self.flying is None or self._lost())

    async def take(self, key: Typed) -> None:
        """A key or a paste from the terminal: routed now, or after the keys before it."""
        if not self.held and self.flying is not None and \
                time.monotonic() - self.sent > STUCK_TICKS * WATCH:
            self.flying = self.target = None  # its marker was lost: no watch counted
        self.held.append(key)
        await self.next()

    async def next(self, force: bool = False) -> None:
        """Route the held keys that may go now (all of them, forced); keep the watch running
        while any wait."""
        if self.routing:  # a route awaited below runs this again: the loop below goes on
            return
        self.routing = True
        try:
            while self.held and (force or not self._waits()):
                key = self.held.popleft()
                self.flying = self.target = None
                self.idle_ticks = 0
                moves = self._moves(key)
                await self.route(key)
                if key.is_forwarded and not moves:  # to a widget, not taken by a priority binding
                    self.flying, self.sent = key, time.monotonic()
                    self.target = self.app.focused or self.app.screen
                    self.target.post_message(KeyHandled(key, last=False))
        finally:
            self.routing = False
        self._arm()

    def _waits(self) -> bool:
        """Whether the next key waits: for the key before it, or for the screen on top."""
        app = self.app
        if self.flying is not None:
            if not self._lost():
                return True
            self.flying = self.target = None
        screen = app.screen
        if not screen.is_mounted:  # its line is focused once it is mounted
            screen.call_later(app.call_later, self.next)
            return True
        return bool(getattr(screen, "holds_keys", False))  # it calls `next` when done

    def _moves(self, key: Typed) -> bool:
        """Whether the key's binding only moves a cursor (a line would take it as text)."""
        app = self.app
        if isinstance(app.focused, Input) or not isinstance(key, events.Key):
            return False
        active = app.screen.active_bindings.get(key.key)  # public: the binding the key runs
        return active is not None and not active.binding.priority and \
            active.binding.action in MOVES

    def _lost(self) -> bool:
        """The key in flight went to a widget that is gone (a dialog it closed): its marker
        went with it, and the key has been handled as far as it will be."""
        target = self.target
        return target is None or not target.is_attached

    def handled(self, message: KeyHandled) -> None:
        """The key in flight has been handled: the next goes once what it asked for (a
        screen pushed a moment later, a focus) has run."""
        if message.key is not self.flying:
            return
        self.idle_ticks = 0
        if not message.last and self._again(message.key):
            return
        self.flying = self.target = None
        if self.held:
            self.app.call_later(self.next)

    def _again(self, key: Typed) -> bool:
        """The second round, through the same widgets if their screen is still on top, else
        through the screen now on top (which answers once it is mounted)."""
        screen = self.app.screen
        target = self.target
        if target is None or not target.is_attached or target.screen is not screen:
            target = screen
        self.target = target
        return target.post_message(KeyHandled(key, last=True))

    def _arm(self) -> None:
        """The watch runs while keys are held, and only then."""
        if self.held and self.timer is None:
            self.timer = self.app.set_timer(WATCH, self._tick)

    def _tick(self) -> None:
        """A turn of the watch (in the timer's task: the keys go from the app's own loop)."""
        self.timer = None
        if not self.held:
            return
        self.idle_ticks += 1
        stuck = self.idle_ticks >= STUCK_TICKS
        if stuck:
            self.idle_ticks = 0
        self.app.call_later(self.next, stuck)
