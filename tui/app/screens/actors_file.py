"""The user's actors.toml, followed as feeds.toml is (follow.py): read when the reader opens
and whenever it changes on disk, so a hand edit reaches the cached articles without a fetch.

A broken file is said in a toast (file, line, what is wrong) while the tree, the views and
the actors in use stay the last good ones (or the bundled ones, if it never was good); the
file put right takes the toast away and the articles are matched again."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from tui.app.filewatch import FileWatch
from tui.app.screens.host import Host
from tui.app.toasts import toast, withdraw

if TYPE_CHECKING:
    from tui.app.screens.jobs import Jobs

ABOUT = "actors.toml"


class ActorsFile:
    """Checks actors.toml at start and at each poll it changed (`FileWatch`, as feeds.toml:
    its stat, and its bytes while its time is recent; a same-size edit within a coarse file
    system's tick kept the stat and went unseen), created or removed."""

    def __init__(self, host: Host, jobs: Jobs) -> None:
        self.host = host
        self.jobs = jobs
        self._file = FileWatch(host.desk.config.actors_path, gone_counts=True)

    def start(self) -> None:
        self.check()

    def poll(self) -> None:
        """At each poll of the cache (not while a job runs: its edit is its own)."""
        if self._file.path != self.host.desk.config.actors_path:  # feeds.toml moved it
            self._file = FileWatch(self.host.desk.config.actors_path, gone_counts=True)
            self.check()
        elif self._file.changed():
            self.check()

    def check(self) -> None:
        """On the UI thread, in a few milliseconds (a hash, and a parse of the user's file
        when it changed): a check in a thread could land after a `-` job had matched the
        same edit and start another, whose words replaced the job's."""
        host = self.host
        try:
            changed = host.desk.analysis.sources_changed(host.desk.conn)
        except (sqlite3.Error, OSError):  # a writer's lock: asked again at the next poll
            self._file = FileWatch(None)
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
