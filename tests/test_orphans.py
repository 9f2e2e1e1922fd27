"""`newsdesk fetch` killed from cron (timeout's SIGTERM, or SIGKILL) leaves no process behind,
and no "leaked semaphore objects" warning on its stderr.

The fetch runs against a loopback site whose article pages are slow, so it is killed with its
workers and the resource tracker alive. Its processes are found by a marker in their
environment (children inherit it), whoever their parent is by then.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from tests.httpserver import LocalServer
from tests.recent_site import serve

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="needs /proc")]

MARK = "NEWSDESK_TEST_MARK"


def marked(mark: str) -> list[int]:
    """Live (not zombie) processes carrying `mark` in their environment."""
    found = []
    needle = f"{MARK}={mark}".encode()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if needle not in (entry / "environ").read_bytes().split(b"\0"):
                continue
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue  # gone meanwhile, or not ours
        if state != "Z":
            found.append(int(entry.name))
    return found


def wait_until(predicate, timeout: float) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return predicate()


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL], ids=["SIGTERM", "SIGKILL"])
def test_killed_fetch_leaves_nothing(tmp_path: Path, sig: signal.Signals) -> None:
    left_over: list[int] = []
    noise: list[str] = []
    with LocalServer() as server:
        for round_ in range(3):
            folder = tmp_path / f"round{round_}"
            folder.mkdir()
            config_path, _ = serve(server, folder, page_delay=20)
            mark = uuid.uuid4().hex
            env = {**os.environ, MARK: mark, "HOME": str(folder)}
            fetch = subprocess.Popen(
                [sys.executable, "-m", "tui", "--config", str(config_path), "fetch"],
                env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            try:
                # the parent, the tracker and at least one worker
                assert wait_until(lambda m=mark: len(marked(m)) >= 3, 60), \
                    "the fetch never started its workers"
                time.sleep(0.3)
                fetch.send_signal(sig)
                fetch.wait(timeout=10)
                wait_until(lambda m=mark: not marked(m), 5.0)
                left_over += marked(mark)
                if not marked(mark) and fetch.stderr is not None:  # every writer is gone
                    said = fetch.stderr.read().decode(errors="replace")
                    noise += [line for line in said.splitlines() if "leaked" in line]
            finally:
                for pid in marked(mark):  # never leave them to the next test
                    os.kill(pid, signal.SIGKILL)
                if fetch.poll() is None:
                    fetch.kill()
                    fetch.wait()
                if fetch.stderr is not None:
                    fetch.stderr.close()
    assert left_over == [], f"processes still running 5 s after {sig.name}: {left_over}"
    # the tracker cleans up what the dead parent left, without telling cron mail about it
    assert noise == [], noise
