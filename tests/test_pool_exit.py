"""A pool's workers leave without the interpreter's teardown of their heaps.

Told to stop by their pool's shutdown, workers left through `sys.exit`: CPython then freed
every object a worker held, one by one (after a cold fill, its decoded features, recognizer
and postings: ~0.25 s of CPU each), and `newsdesk fetch` waited for that before it returned.
An object whose finalizer would run in that teardown shows whether it happened."""

from __future__ import annotations

import os
from pathlib import Path

from tui.core.refresh.pool import WorkerPool

_HELD: list[object] = []


class _Witness:
    """Writes its file when it is freed: only the interpreter's teardown frees it."""

    def __init__(self, path: str) -> None:
        self.path = path

    def __del__(self) -> None:
        Path(self.path).write_text("freed")


def hold(path: str) -> int:
    _HELD.append(_Witness(path))
    _HELD.append([{"n": n} for n in range(200_000)])  # a heap worth freeing
    return os.getpid()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_workers_exit_without_tearing_down_their_heaps(tmp_path: Path) -> None:
    for attempt in range(3):  # the lifeline's own exit could win the race on one try
        workers = WorkerPool(2)
        pool = workers.get()
        paths = [tmp_path / f"{attempt}-{n}" for n in range(2)]
        pids = [future.result(60) for future in [pool.submit(hold, str(p)) for p in paths]]
        workers.shutdown()
        assert not any(map(_alive, pids))
        assert [p.name for p in paths if p.exists()] == [], "a worker tore its heap down"
