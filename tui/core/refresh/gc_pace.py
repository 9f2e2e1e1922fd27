"""The cyclic garbage collector paced for analysis: collect every 50,000 allocations, not 700.

Linking a cold run allocates millions of short-lived containers (pairs, link rows, decoded
features' dicts) while holding tens of thousands of long-lived ones (the decoded-feature
cache, a round's best links). At Python's default threshold (700) the writer and two workers
collected ~3,500 times in a cold 10k run's linking, ~1.0 s of CPU (~8% of it), walking the same
long-lived objects again and again, and found next to nothing: the run makes almost no cycles
(refcounting frees the rest). Paced: ~30 passes, ~0.2 s (bench/ab_finish.py). What is
collected is the same; only when changes.

Pool workers keep the pace for their life (they run parsing, extraction and analysis jobs,
none of which leans on cycles being freed early); the writer only while it analyses, so the
app's other threads get the default back. A worker also freezes its warm tools out of the
collector's walks (`refresh.analyzers.warm_analysis`: a finish's worker passes 0.26 -> 0.17 s).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

THRESHOLDS = (50_000, 20, 10)

_lock = threading.Lock()
_depth = 0
_before: tuple[int, ...] = ()


def pace_worker() -> None:
    """In a pool worker: for its whole life."""
    gc.set_threshold(*THRESHOLDS)


@contextmanager
def paced() -> Iterator[None]:
    """The pace for the block, then the thresholds as they were (nested or in several threads
    at once: the outermost restores them)."""
    global _depth, _before
    with _lock:
        if _depth == 0:
            _before = gc.get_threshold()
            gc.set_threshold(*THRESHOLDS)
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0:
                gc.set_threshold(*_before)
