"""The garbage collector is paced while analysis runs (gc_pace.py): in the writer for the run
only, in pool workers for their life; the thresholds come back as they were."""

from __future__ import annotations

import gc
import threading
from pathlib import Path

import pytest

from tui.core.config.loader import Config, Settings
from tui.core.linking.analyzer import LinksAnalyzer
from tui.core.refresh import gc_pace
from tui.core.refresh.analysis import Analysis
from tui.core.refresh.pool import WorkerPool
from tui.core.store.db import connect


def test_paced_sets_the_thresholds_and_the_outermost_restores_them() -> None:
    before = gc.get_threshold()
    assert before != gc_pace.THRESHOLDS
    with gc_pace.paced():
        assert gc.get_threshold() == gc_pace.THRESHOLDS
        with gc_pace.paced():
            assert gc.get_threshold() == gc_pace.THRESHOLDS
        assert gc.get_threshold() == gc_pace.THRESHOLDS  # the inner block restores nothing
    assert gc.get_threshold() == before


def test_paced_in_two_threads_at_once_restores_the_default_once_both_are_done() -> None:
    before = gc.get_threshold()
    inside, leave = threading.Event(), threading.Event()

    def other() -> None:
        with gc_pace.paced():
            inside.set()
            leave.wait(5)

    thread = threading.Thread(target=other)
    thread.start()
    inside.wait(5)
    with gc_pace.paced():
        pass
    assert gc.get_threshold() == gc_pace.THRESHOLDS  # the other thread still analyses
    leave.set()
    thread.join()
    assert gc.get_threshold() == before


def test_the_analysis_runs_paced_and_gives_the_default_back(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[int, ...]] = []
    monkeypatch.setattr(LinksAnalyzer, "finish_run",
                        lambda self, conn, ids, context: seen.append(gc.get_threshold()))
    conn = connect(tmp_path / "c.sqlite3")
    conn.execute("INSERT INTO articles(key, title, body, published, first_seen) VALUES "
                 "('k', 'Talks resume in Doha', 'Envoys met again on Monday.', "
                 "'2024-08-10T08:00:00Z', '2024-08-10T08:00:00Z')")
    before = gc.get_threshold()
    analysis = Analysis(Config(path=None, settings=Settings(cache_dir=tmp_path)))
    assert analysis.run_pending(conn) == 1
    assert seen == [gc_pace.THRESHOLDS]
    assert gc.get_threshold() == before
    conn.close()


def test_pool_workers_are_paced(tmp_path: Path) -> None:
    pool = WorkerPool(1)
    try:
        assert tuple(pool.get().submit(gc.get_threshold).result(timeout=60)) \
            == gc_pace.THRESHOLDS
    finally:
        pool.shutdown()
