"""What the main screen offers the objects that carry out its commands (`Reading`, `Triage`,
`Jobs`).

A protocol, not a base class: those objects see the Desk, the panes and the status line, and
nothing else of the screen; the screen satisfies it without inheriting from it.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING, Concatenate, ParamSpec, Protocol, TypeVar

if TYPE_CHECKING:
    from textual.app import App
    from textual.widget import Widget

    from tui.app.views import ViewSpec
    from tui.app.widgets.article_list import ArticleList
    from tui.app.widgets.reader import Reader
    from tui.app.widgets.view_tree import ViewTree
    from tui.core.config.loader import Config
    from tui.core.desk import Desk


class Warns(Protocol):
    def warn(self, message: str) -> None:
        """Say `message` on the status line and ring the bell."""


class Host(Warns, Protocol):
    desk: Desk
    config: Config
    view: ViewSpec
    filter_query: str
    search_text: str

    @property
    def app(self) -> App[object]: ...

    @property
    def focused(self) -> Widget | None: ...

    @property
    def articles(self) -> ArticleList: ...

    @property
    def reader(self) -> Reader: ...

    @property
    def view_tree(self) -> ViewTree: ...

    @property
    def current_query(self) -> str:
        """The list's query: view, filter and search together."""

    def say(self, message: str) -> None:
        """Put `message` on the status line."""

    def key(self, name: str) -> str:
        """The key the user presses for command `name` (their `[keys]` remap, else the
        default), for messages that name it."""

    def unsay(self, message: str) -> None:
        """Take `message` off the status line if it is still shown (it is no longer true)."""

    def update_status(self) -> None:
        """Draw the status line's place again (view, position, marks)."""

    def stand(self, line: str) -> None:
        """A running job's progress, kept on the status line under the messages ("" ends it)."""

    def set_reader_open(self, open_: bool) -> None:
        """Show or hide the reader (and its side panel)."""

    def set_focus(self, widget: Widget | None, scroll_visible: bool = True) -> None:
        """Give `widget` the focus now (`Widget.focus` waits a tick: a key typed in the same
        burst would still go to the pane before)."""

    def reload_view(self) -> bool:
        """List the current view again from the top (False on a bad query)."""

    def in_thread(self, work: Callable[[], object], group: str) -> None:
        """Run `work` in a worker thread of the screen (never fatal to the app)."""


W = TypeVar("W", bound=Warns)
P = ParamSpec("P")


def guarded(method: Callable[Concatenate[W, P], None]) -> Callable[Concatenate[W, P], None]:
    """Turn a storage failure (database locked, disk full) into a status message instead of
    a crash: the user's state is whatever the Desk committed."""

    @functools.wraps(method)
    def wrapper(self: W, /, *args: P.args, **kwargs: P.kwargs) -> None:
        try:
            method(self, *args, **kwargs)
        except (sqlite3.Error, OSError) as error:
            self.warn(READ_ONLY_KEY if "readonly" in str(error) else f"storage error: {error}")

    return wrapper


READ_ONLY_KEY = "not done: the cache is read-only (reading and searching work)"
