"""`FileWatch`: an edit that keeps a file's size and time is seen when the poll comes late
(actors.toml is not polled while its re-match runs), and a removed file counts when asked."""

from __future__ import annotations

import os
import time
from pathlib import Path

from tui.app.filewatch import RACY_SECONDS, FileWatch


def test_a_same_stat_edit_is_seen_by_a_poll_after_the_window(tmp_path: Path) -> None:
    path = tmp_path / "actors.toml"
    path.write_text("name = 'Alpha'\n")
    young = time.time_ns() - int((RACY_SECONDS - 1) * 1e9)  # a second left in the window
    os.utime(path, ns=(young, young))
    watch = FileWatch(path)
    path.write_text("name = 'Omega'\n")  # the same size, and the same time: one tick
    os.utime(path, ns=(young, young))
    time.sleep(1.2)  # the poll comes once the window has passed
    assert watch.changed()
    assert not watch.changed()  # compared once more, old: no more reading
    assert watch._digest is None


def test_a_removed_file_counts_only_when_asked(tmp_path: Path) -> None:
    path = tmp_path / "actors.toml"
    path.write_text("x\n")
    told, quiet = FileWatch(path, gone_counts=True), FileWatch(path)
    path.unlink()
    assert told.changed() and not told.changed()
    assert not quiet.changed()
    path.write_text("y\n")
    assert told.changed()
