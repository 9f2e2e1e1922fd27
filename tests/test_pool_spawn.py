"""The worker pool's first use works whatever sys.stderr is (Textual's capture has fileno() -1).

Each check runs in a fresh interpreter, as a user's reader does: pytest's own process has a
real stderr and may already have a warm pool and resource tracker.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.httpserver import LocalServer
from tests.recent_site import serve

# What Textual does while the app runs: print() goes to the app, fileno() is -1.
CAPTURE = textwrap.dedent("""
    import io, json, sys

    class Capture(io.TextIOBase):
        def write(self, text):
            return len(text)

        def fileno(self):
            return -1

    real_stdout = sys.stdout
    sys.stderr = Capture()
""")


def _run(code: str, timeout: float = 120) -> dict[str, object]:
    done = subprocess.run([sys.executable, "-c", CAPTURE + textwrap.dedent(code)],
                          capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, done.stdout + done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_capture_breaks_plain_multiprocessing() -> None:
    """The hazard itself: without ensure_tracker, a spawn pool cannot start under the capture."""
    result = _run("""
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor
        try:
            with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
                pool.submit(len, "ab").result()
            print(json.dumps({"error": None}), file=real_stdout)
        except Exception as exc:
            print(json.dumps({"error": str(exc)}), file=real_stdout)
    """)
    if result["error"] is None:
        pytest.skip("this Python starts its resource tracker without stderr's descriptor")
    assert "fds_to_keep" in str(result["error"])


def test_refresh_reextract_and_alias_rematch_under_the_capture(tmp_path: Path) -> None:
    with LocalServer() as server:
        config_path, articles = serve(server, tmp_path)
        result = _run(f"""
            from pathlib import Path
            from tui.core.config.loader import load_config
            from tui.core.desk import Desk

            out = {{}}
            with Desk.open(load_config(Path({str(config_path)!r}))) as desk:
                summary = desk.refresh()
                out["new"], out["failed"] = summary.new_articles, summary.feeds_failed
                out["errors"] = summary.errors
                out["extracted"] = summary.extracted
            with Desk.open(load_config(Path({str(config_path)!r}))) as desk:  # a cold pool
                out["reextracted_ok"] = desk.reextract().changed >= 0
            with Desk.open(load_config(Path({str(config_path)!r}))) as desk:
                desk.add_actor_alias("sergei-shoigu", "Shoygu-test-spelling")
                out["reanalysed"] = desk.analyse_pending()
                out["shoigu"] = desk.count("actor:sergei-shoigu")
            print(json.dumps(out), file=real_stdout)
        """)
    assert result["errors"] == [] and result["failed"] == 0
    assert result["new"] == articles
    assert result["extracted"] == articles
    assert result["reextracted_ok"] is True
    assert result["reanalysed"] == articles  # recent articles are linked again in the pool
    assert result["shoigu"] == 2  # one article per feed names him


def test_a_dead_tracker_is_restarted_under_the_capture() -> None:
    """The tracker is checked on every use of the pool, not only when the pool is made."""
    result = _run("""
        import os, signal, time
        from multiprocessing import resource_tracker
        from tui.core.refresh.pool import WorkerPool

        pool = WorkerPool(1)
        first = pool.get().submit(len, "abc").result()
        os.kill(resource_tracker._resource_tracker._pid, signal.SIGKILL)
        time.sleep(0.2)
        pool.shutdown()
        second = pool.get().submit(len, "abcd").result()
        pool.shutdown()
        print(json.dumps({"first": first, "second": second}), file=real_stdout)
    """)
    assert result == {"first": 3, "second": 4}
