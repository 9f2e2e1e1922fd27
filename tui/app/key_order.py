"""Keys handled one at a time, in the order typed, each by the screen its key before left.

Textual hands a key to the widget focused when the app takes it from its queue, but runs the
key's bindings only once it has bubbled back up to the app. A terminal delivers a burst at
once, so every key of `e i Tab Tidewater` was handed to the list before `e` had opened the
feeds list or `i` the add dialog: they reached the old screen's widgets, or the new screen
before it was mounted (and its line focused). Here the app holds each key until the key
before it has been handled all the way up (a marker posted after it follows it up the same
widgets) and the screen on top is mounted, then routes it as Textual would."""

from __future__ import annotations

from collections import deque
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from textual import events
from textual.message import Message

if TYPE_CHECKING:
    from textual.app import App
    from textual.timer import Timer
    from textual.widget import Widget

STUCK = 1.0
"""Seconds a held key waits for a marker that never comes (its widget removed meanwhile)."""


class KeyHandled(Message):
    """Posted to the widget a key went to, right after it: it bubbles up behind the key, so
    the app hears of it once the key's own handlers and bindings have run. Then once more,
    behind what those bindings posted on the way (an input's enter posts Submitted)."""

    def __init__(self, key: events.Key, last: bool) -> None:
        super().__init__()
        self.key = key
        self.last = last


class KeyOrder:
    """The app's keys waiting for the one in flight (or for a screen being mounted)."""

    def __init__(self, app: App[Any], route: Callable[[events.Key], Awaitable[None]]) -> None:
        self.app = app
        self.route = route
        """Textual's own handling of a key the terminal sent (priority bindings, then the
        focused widget)."""
        self.held: deque[events.Key] = deque()
        self.flying: events.Key | None = None
        self.target: Widget | None = None
        self.timer: Timer | None = None
        self.forced = False

    async def take(self, key: events.Key) -> None:
        """A key from the terminal: routed now, or after the keys before it."""
        self.held.append(key)
        if self.flying is None and len(self.held) == 1:
            await self.next()
        elif self.timer is None:
            self.timer = self.app.set_timer(STUCK, self._unstick)

    async def next(self) -> None:
        app = self.app
        while self.held and self.flying is None:
            screen = app.screen
            if not self.forced:
                if not screen.is_mounted:  # its line is focused once it is mounted
                    screen.call_later(app.call_later, self.next)
                    return
                if getattr(screen, "holds_keys", False):  # it calls `next` when done
                    return
            self.forced = False
            key = self.held.popleft()
            await self.route(key)
            if key.is_forwarded:  # to a widget, not taken by a priority binding
                self.flying = key
                self.target = app.focused or app.screen
                self.target.post_message(KeyHandled(key, last=False))
        if not self.held and self.timer is not None:
            self.timer.stop()
            self.timer = None

    def handled(self, message: KeyHandled) -> None:
        """The key in flight has been handled: the next goes once what it asked for (a
        screen pushed a moment later, a focus) has run."""
        if message.key is not self.flying:
            return
        if not message.last and self._again(message.key):
            return
        self.flying = self.target = None
        if self.timer is not None:
            self.timer.reset()  # a long burst is moving, not stuck
        if self.held:
            self.app.call_later(self.next)

    def _again(self, key: events.Key) -> bool:
        """The second round, through the same widgets if their screen is still on top, else
        through the screen now on top (which answers once it is mounted)."""
        screen = self.app.screen
        target = self.target
        if target is None or not target.is_attached or target.screen is not screen:
            target = screen
        return target.post_message(KeyHandled(key, last=True))

    def _unstick(self) -> None:
        self.timer = None
        if self.held:
            self.flying = None
            self.forced = True
            self.app.call_later(self.next)
