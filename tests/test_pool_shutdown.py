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


def test_shutdown_with_cancelled_jobs_waiting_says_nothing(monkeypatch: object) -> None:
    """Jobs cancelled while they waited (a Ctrl-C cancels the refresh's tasks, and each
    cancels its pool job) and workers busy: the manager thread, finding the workers cut off,
    set an error on every job it still held, cancelled ones included, and died on that with
    "Exception in thread ... InvalidStateError: CANCELLED" on the user's terminal."""
    import pytest

    raised: list[BaseException | None] = []
    patch = pytest.MonkeyPatch()
    patch.setattr(threading, "excepthook", lambda args: raised.append(args.exc_value))
    try:
        for _ in range(3):
            workers = WorkerPool(2)
            pool = workers.get()
            busy = [pool.submit(time.sleep, 3) for _ in range(2)]
            waiting = [pool.submit(time.sleep, 3) for _ in range(6)]
            time.sleep(0.5)  # the busy ones run
            assert all(f.cancel() for f in waiting[2:])  # not yet handed to a worker
            workers.shutdown()
            assert all(f.done() for f in busy)
    finally:
        patch.undo()
    assert raised == []
