"""A worker killed (as by the OOM killer) while it sends a big result, during a refresh: the
waits on the pool end, and the work is done anyway.

CPython's manager thread had read the start of the message and waited in recv() for the rest
forever (the parent holds a write end of the result pipe too), so the pool never turned broken
and every future on it stayed pending: `Analysis.in_pool` and the pipeline's tasks with it.
Here the kill lands the moment the first bytes of a result reach the pipe: mid-send."""

from __future__ import annotations

import os
import signal
import threading
from concurrent.futures import BrokenExecutor, wait
from pathlib import Path

from tui.core.config.loader import Config, Settings
from tui.core.refresh.analysis import Analysis
from tui.core.refresh.pool import WorkerPool

SIZE = 20_000_000  # hundreds of pipe buffers: the send takes many system calls


def big_result(size: int) -> bytes:
    return b"x" * size


def kill_one_mid_send(workers: WorkerPool, killed: list[int]) -> None:
    """SIGKILL one worker of the current pool as soon as a result starts arriving."""
    while (pool := workers._pool) is None:
        threading.Event().wait(0.001)
    reader = pool._result_queue._reader  # type: ignore[attr-defined]
    while not reader.poll(0.001):
        pass
    pid = next(iter(pool._processes))  # type: ignore[attr-defined]
    os.kill(pid, signal.SIGKILL)
    killed.append(pid)


def test_futures_end_broken_when_a_worker_dies_mid_send() -> None:
    for attempt in range(3):  # on the old code each attempt but a rare one hung
        workers = WorkerPool(2)
        try:
            pool = workers.get()
            futures = [pool.submit(big_result, SIZE) for _ in range(4)]
            killed: list[int] = []
            kill_one_mid_send(workers, killed)
            done, pending = wait(futures, timeout=30)
            assert not pending, f"futures hung after worker {killed} died (attempt {attempt})"
            assert any(isinstance(f.exception(), BrokenExecutor) for f in done)
            again = workers.get()  # the next pool works
            assert again is not pool
            assert again.submit(big_result, 3).result(timeout=60) == b"xxx"
        finally:
            workers.shutdown()


def test_analysis_in_pool_finishes_every_job_when_a_worker_dies_mid_send(tmp_path: Path) -> None:
    workers = WorkerPool(1)  # the one worker is the one sending: the kill is mid-send
    analysis = Analysis(Config(path=None, settings=Settings(cache_dir=tmp_path)), workers)
    sizes: list[int] = []
    killed: list[int] = []
    try:
        killer = threading.Thread(target=kill_one_mid_send, args=(workers, killed), daemon=True)
        killer.start()
        work = threading.Thread(
            target=lambda: sizes.extend(
                len(r) for r in analysis.in_pool(big_result, [(SIZE,)] * 5)
            ),
            daemon=True,
        )
        work.start()
        work.join(60)
        assert not work.is_alive(), f"in_pool hung after worker {killed} died"
        assert killed and sizes == [SIZE] * 5
    finally:
        workers.shutdown()
