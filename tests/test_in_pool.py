"""`Analysis.in_pool`: results in order from a window of submitted jobs, and every job done
even when a worker dies in the middle (the rest run in this process or a new pool)."""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

from tui.core.config.loader import Config, Settings
from tui.core.refresh.analysis import Analysis
from tui.core.refresh.pool import WorkerPool


def square_or_die(n: int) -> int:
    """Squares; job 5 kills the worker it runs in (as an OOM kill would), never this process."""
    if n == 5 and multiprocessing.parent_process() is not None:
        os._exit(1)
    return n * n


def test_results_come_in_order_through_a_window_and_survive_a_dead_worker(
        tmp_path: Path) -> None:
    pool = WorkerPool(2)
    analysis = Analysis(Config(path=None, settings=Settings(cache_dir=tmp_path)), pool)
    try:
        jobs = [(n,) for n in range(12)]  # more than the window of 2 per worker
        assert list(analysis.in_pool(square_or_die, jobs)) == [n * n for n in range(12)]
        assert list(analysis.in_pool(square_or_die, [(2,), (3,)])) == [4, 9]  # a new pool
    finally:
        pool.shutdown()
