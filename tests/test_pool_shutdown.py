"""`WorkerPool.shutdown` while workers are sending big results back (a refresh quit, SIGTERM'd or
stopped in the middle of its analysis): it returns, and the pool's threads end.

The lifeline cuts every worker at once, some mid-way through writing a result to the pipe;
CPython's manager thread then waited in recv() for the rest of that message forever (the parent
holds a write end of the pipe too, so no end-of-file came), and so did shutdown(wait=True) and
the interpreter's exit, which joins that thread: CI hung here for an hour."""

from __future__ import annotations

import threading
import time

from tui.core.refresh.pool import WorkerPool


def big_result(size: int) -> bytes:
    return b"x" * size  # several pipe buffers: written over many system calls


def test_shutdown_while_results_are_being_sent_returns() -> None:
    for attempt in range(12):  # the cut lands mid-send within a few attempts
        workers = WorkerPool(2)
        pool = workers.get()
        for _ in range(6):
            pool.submit(big_result, 20_000_000)
        manager = pool._executor_manager_thread  # type: ignore[attr-defined]
        time.sleep(0.05 + (attempt % 6) * 0.03)
        done = threading.Event()
        threading.Thread(target=lambda w=workers, d=done: (w.shutdown(), d.set()),  # type: ignore[misc]
                         daemon=True).start()
        assert done.wait(30), f"shutdown hung (attempt {attempt})"
        assert manager is None or not manager.is_alive(), "the interpreter's exit would hang"
