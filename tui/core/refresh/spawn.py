"""Starting the worker processes: whatever `sys.stderr` is, and bound to the parent's life.

Two things in multiprocessing's spawn path depend on state the pool does not own:

- `resource_tracker.ensure_running` passes `sys.stderr.fileno()` to the tracker process it
  starts. Inside the Textual app `sys.stderr` is a capture whose `fileno()` is -1, and
  `_posixsubprocess` refuses it ("bad value(s) in fds_to_keep"): every first use of the pool
  in the app (refresh, reextract, re-matching after an alias) failed. `ensure_tracker` starts
  the tracker with a stand-in `sys.stderr` that has no descriptor to pass (the tracker still
  inherits fd 2, as it does whenever `fileno()` raises).
- A worker blocks on the call queue, whose write end every worker also holds, so a parent
  killed by SIGTERM or SIGKILL left its workers (and the tracker, whose pipe the workers hold)
  running forever. Each worker now watches a lifeline: a pipe whose only write end is the
  parent's. The kernel closes it when the parent dies by any signal; the worker's watcher
  thread reads EOF and exits, and the tracker follows once no worker holds its pipe.
  (Not PR_SET_PDEATHSIG: it fires when the spawning *thread* ends, and the app spawns workers
  from short-lived worker threads. The pipe also works on macOS.)
- Ctrl-C on a terminal signals the whole foreground process group, workers included: each
  printed a traceback (`Process SpawnProcess-2: ... KeyboardInterrupt`) before the parent's
  one line. Workers ignore SIGINT (`context`, `worker_init`); the parent handles it, and its
  shutdown (or death) ends them through the lifeline.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import signal
import sys
import threading
from multiprocessing.connection import Connection
from multiprocessing.context import SpawnContext, SpawnProcess
from typing import Any

_SWAP = threading.Lock()


def has_descriptor(stream: Any) -> bool:
    """True when `stream.fileno()` is an open descriptor, or raises (multiprocessing copes)."""
    try:
        fd = stream.fileno()
    except Exception:
        return True  # ensure_running skips a stream whose fileno() raises
    if not isinstance(fd, int) or fd < 0:
        return False
    try:
        os.fstat(fd)
    except OSError:
        return False
    return True


class _NoDescriptor:
    """`sys.stderr` as it was for every write, except that it has no file descriptor."""

    def __init__(self, wrapped: Any) -> None:
        self.wrapped = wrapped

    def fileno(self) -> int:
        import io

        raise io.UnsupportedOperation("fileno")

    def write(self, text: str) -> Any:
        return self.wrapped.write(text)

    def flush(self) -> None:
        self.wrapped.flush()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.wrapped, name)


QUIET_TRACKER = "ignore:resource_tracker:UserWarning"
"""The tracker's "There appear to be N leaked semaphore objects to clean up at shutdown": it
says so after the parent was killed (SIGKILL, a cron timeout), while cleaning them up as it
should, and the line only reached the user's terminal or cron mail as noise."""


def ensure_tracker() -> None:
    """Have multiprocessing's resource tracker running before any worker is spawned.

    The tracker is started with the interpreter's `-W` options (`sys.warnoptions`), so
    QUIET_TRACKER joins them first. With a usable stderr there is nothing else to do:
    multiprocessing starts (or restarts) it itself. Otherwise it is started here under a
    stand-in stderr that forwards every write, so a thread printing meanwhile still reaches
    the same place."""
    if QUIET_TRACKER not in sys.warnoptions:
        sys.warnoptions.append(QUIET_TRACKER)
    if has_descriptor(sys.stderr):
        return
    from multiprocessing import resource_tracker

    with _SWAP:
        stream = sys.stderr
        if has_descriptor(stream):
            return
        stand_in = _NoDescriptor(stream)
        sys.stderr = stand_in
        try:
            resource_tracker.ensure_running()  # a probe when it runs already
        finally:
            if sys.stderr is stand_in:  # unless someone replaced it meanwhile
                sys.stderr = stream


class Lifeline:
    """A pipe from the parent to its workers that is never written: EOF means the parent died.

    The write end is not inheritable and is never passed to a child, so the parent is its
    only holder; the read end reaches each worker through the pool's initializer arguments
    (pickled with the descriptor, as multiprocessing does for connections)."""

    def __init__(self) -> None:
        from multiprocessing import Pipe

        self.reader, self._writer = Pipe(duplex=False)

    def close(self) -> None:
        """Cut the line: workers still alive (a broken pool's stragglers) exit."""
        self._writer.close()
        self.reader.close()


class _DeafProcess(SpawnProcess):
    """A spawned process that starts with SIGINT ignored: a disposition of SIG_IGN survives
    exec and Python keeps it, so a Ctrl-C while the worker still imports finds it deaf too
    (`worker_init` comes later). Only the main thread may change a handler: a pool that an
    app thread fills relies on `worker_init` alone (the app reads Ctrl-C as a key anyway)."""

    def start(self) -> None:
        if threading.current_thread() is not threading.main_thread():
            return super().start()
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
        try:
            super().start()
        finally:
            signal.signal(signal.SIGINT, previous)


class _DeafSpawnContext(SpawnContext):
    Process = _DeafProcess


def context() -> SpawnContext:
    """The pool's start method: spawn (the TUI has threads), with workers deaf to Ctrl-C."""
    return _DeafSpawnContext()


def worker_init(lifeline: Connection) -> None:
    """Runs first in every worker: deaf to Ctrl-C (the parent decides; see the module's
    docstring), gone as soon as the parent is, by whatever means, and its garbage collector
    paced (gc_pace.py)."""
    from tui.core.refresh.gc_pace import pace_worker

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    pace_worker()

    def watch() -> None:
        with contextlib.suppress(EOFError, OSError):
            lifeline.recv_bytes()  # the parent never sends: this returns only on EOF
        os._exit(0)

    threading.Thread(target=watch, name="newsdesk-lifeline", daemon=True).start()
    atexit.register(_quick_exit)


def _quick_exit() -> None:
    """A worker's last step once its pool let it go: out at once, skipping the interpreter's
    teardown of its heap. Told to stop by the pool's sentinel, a worker left through
    `sys.exit`, which frees every object it holds one by one (the decoded features, the
    recognizer, the round's postings: ~0.25 s of CPU each after a cold fill, on the wall of
    `newsdesk fetch`, which waits for its workers); the lifeline's `os._exit` lost that race
    once the interpreter was finalizing. Anything buffered for stdout or stderr goes first."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(0)
