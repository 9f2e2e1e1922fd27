"""The user's actors.toml, followed as feeds.toml is (follow.py): read when the reader opens
and whenever it changes on disk, so a hand edit reaches the cached articles without a fetch.

A broken file is said in a toast (file, line, what is wrong) while the tree, the views and
the actors in use stay the last good ones (or the bundled ones, if it never was good); the
file put right takes the toast away and the articles are matched again."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from tui.app.screens.host import Host
from tui.app.toasts import toast, withdraw

if TYPE_CHECKING:
    from tui.app.screens.jobs import Jobs

ABOUT = "actors.toml"


class ActorsFile:
    """Checks actors.toml at start and at each poll its size or time changed."""

    def __init__(self, host: Host, jobs: Jobs) -> None:
        self.host = host
        self.jobs = jobs
        self._stamp = self._stamp_now()

    def _stamp_now(self) -> tuple[int, int] | None:
        try:
            found = os.stat(self.host.desk.config.actors_path)
        except OSError:  # none (yet), or being replaced
            return None
        return found.st_mtime_ns, found.st_size

    def start(self) -> None:
        self.host.in_thread(self._check, "actors-file")

    def poll(self) -> None:
        """At each poll of the cache (not while a job runs: its edit is its own)."""
        stamp = self._stamp_now()
        if stamp != self._stamp:
            self._stamp = stamp
            self.host.in_thread(self._check, "actors-file")

    def _check(self) -> None:
        """In a worker thread: a few milliseconds unless the file changed."""
        desk = self.host.desk
        changed = desk.analysis.sources_changed(desk.conn)
        if changed:
            desk.analysis.reload_actors(desk.config.actors_path)
        self.host.app.call_from_thread(self._checked, desk.analysis.actors_error, changed)

    def _checked(self, error: str | None, changed: bool) -> None:
        host = self.host
        name = host.desk.config.actors_path.name
        if error is not None:
            toast(host.app, ABOUT, error,
                  title=f"{name} not used: the actors you had stay until it is put right")
            host.say(f"{name} has an error (see the message); new articles are matched "
                     "without it")
            return
        said = withdraw(host.app, ABOUT)
        if changed:
            self.jobs.reanalyse(f"{name} read again", lambda: None, f"{name} changed")
        elif said:
            host.say(f"{name} read again")
