"""A cache on a read-only mount (a backup, a shared folder) can still be read: list, show,
feeds, export work; a command that would change it says plainly that the cache is read-only.
The mount is made in a user namespace of its own (`unshare`), so the test needs no root and
skips where unshare is not allowed."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer
from tests.test_cli_probes import newsdesk, one_line


def _can_unshare() -> bool:
    if shutil.which("unshare") is None:
        return False
    probe = subprocess.run(["unshare", "-rm", "true"], capture_output=True, timeout=30)
    return probe.returncode == 0


pytestmark = pytest.mark.skipif(not _can_unshare(), reason="unshare -rm is not allowed here")


def _read_only(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`newsdesk ARGS` with `folder` mounted read-only (for that process only)."""
    script = ('mount --bind "$1" "$1" && mount -o remount,ro,bind "$1" && shift && '
              'exec "$@"')
    return subprocess.run(["unshare", "-rm", "sh", "-c", script, "sh", str(folder),
                           sys.executable, "-m", "tui", *args],
                          capture_output=True, text=True, timeout=120)


def test_a_read_only_cache_is_read_and_not_written(server: LocalServer, tmp_path: Path) -> None:
    items = [{"title": f"Item {i}", "guid": f"g{i}", "description": f"text {i}"} for i in range(3)]
    url = server.add("/a.xml", body=rss(items))
    config = str(write_config(tmp_path, [{"name": "A", "url": url, "extract": False}]))
    assert newsdesk("--config", config, "fetch").returncode == 0
    assert newsdesk("--config", config, "save", "2").returncode == 0
    cache = tmp_path / "cache"
    assert not (cache / "newsdesk.sqlite3-wal").exists()  # closed cleanly
    listed = _read_only(cache, "--config", config, "list")
    assert listed.returncode == 0 and listed.stdout.count("Item ") == 3, listed.stderr
    shown = _read_only(cache, "--config", config, "show", "2")
    assert shown.returncode == 0 and "text 1" in shown.stdout
    assert _read_only(cache, "--config", config, "feeds").returncode == 0
    out = tmp_path / "saved.md"
    exported = _read_only(cache, "--config", config, "export", "-o", str(out))
    assert exported.returncode == 0 and "Item 1" in out.read_text()
    one_line(_read_only(cache, "--config", config, "read", "1"), 1,
             f"the cache is read-only ({cache}): this command changes it")
    one_line(_read_only(cache, "--config", config, "fetch"), 1, "the cache is read-only")
    assert sorted(p.name for p in cache.iterdir()) == ["newsdesk.sqlite3", "refresh.lock"]
