"""Toasts about a file, one at a time: a new one replaces the last about the same file, and
the file read again takes it away. Each re-read of a broken feeds.toml used to add a toast
that stayed 30 s after the fix; at 80x24 two of them hid most of a dialog."""

from __future__ import annotations

from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from textual.notifications import Notification, Notify, SeverityLevel

from tui.app.widgets.visual_text import drawn_message, reorders, toast_room

if TYPE_CHECKING:
    from textual.app import App

_SHOWN: WeakKeyDictionary[App[object], dict[str, Notification]] = WeakKeyDictionary()


def toast(app: App[object], about: str, message: str, *, title: str,
          severity: SeverityLevel = "error", timeout: float = 30) -> None:
    """Show `message` (literal text) in place of the last toast `about` this file."""
    withdraw(app, about)
    reorder = reorders(getattr(app, "config", None))  # as NewsdeskApp.notify draws them
    text = drawn_message(message, reorder, toast_room(app.size.width))
    notification = Notification(text, title, severity, timeout,
                                markup=False)
    _SHOWN.setdefault(app, {})[about] = notification
    app.post_message(Notify(notification))


def withdraw(app: App[object], about: str) -> bool:
    """Take the toast `about` this file away; False when none was up."""
    notification = _SHOWN.get(app, {}).pop(about, None)
    if notification is None:
        return False
    if notification in app._notifications:  # not yet gone by its own timeout
        app._unnotify(notification)
    return True
