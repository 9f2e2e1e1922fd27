"""The user's actors.toml, followed as feeds.toml is (follow.py): read when the reader opens
and whenever it changes on disk, so a hand edit reaches the cached articles without a fetch.

A broken file is said in a toast (file, line, what is wrong) while the tree, the views and
the actors in use stay the last good ones (or the bundled ones, if it never was good); the
file put right takes the toast away and the articles are matched again."""

from __future__ import annotations

import os
import sqlite3
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
        self.check()

    def poll(self) -> None:
        """At each poll of the cache (not while a job runs: its edit is its own)."""
        stamp = self._stamp_now()
        if stamp != self._stamp:
            self._stamp = stamp
            self.check()

    def check(self) -> None:
        """On the UI thread, in a few milliseconds (a hash, and a parse of the user's file
        when it changed): a check in a thread could land after a `-` job had matched the
        same edit and start another, whose words replaced the job's."""
        host = self.host
        try:
            changed = host.desk.analysis.sources_changed(host.desk.conn)
        except (sqlite3.Error, OSError):  # a writer's lock: asked again at the next change
            self._stamp = None
            return
        if changed:
            host.desk.analysis.reload_actors(host.desk.config.actors_path)
        error = host.desk.analysis.actors_error
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
