"""A pool worker's tools are frozen out of the cyclic collector once warm (refresh/analyzers.py):
they live as long as the worker, and every collection of the generations they sat in walked
~300k of them to free nothing. Only in a pool worker: the app's or a CLI's own objects are
never frozen. A real spawned pool, real tools (built into a folder of the test's own)."""

from __future__ import annotations

import gc
from pathlib import Path

from tui.core.refresh.analyzer import Sources
from tui.core.refresh.analyzers import warm_analysis
from tui.core.refresh.match_sources import sources_digest
from tui.core.refresh.pool import WorkerPool


def test_a_warm_worker_freezes_its_tools_and_the_parent_does_not(tmp_path: Path) -> None:
    sources = Sources(None, sources_digest(None), str(tmp_path / "prebuilt"))
    pool = WorkerPool(1)
    try:
        before = pool.get().submit(gc.get_freeze_count).result(timeout=120)
        pool.get().submit(warm_analysis, sources).result(timeout=300)
        after = pool.get().submit(gc.get_freeze_count).result(timeout=120)
    finally:
        pool.shutdown()
    assert before == 0
    assert after > 100_000  # the recognizer and the place matchers, at least
    frozen = gc.get_freeze_count()
    warm_analysis(sources)  # in this process: loaded from the worker's copies, not frozen
    assert gc.get_freeze_count() == frozen
