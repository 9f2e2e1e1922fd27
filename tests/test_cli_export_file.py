"""`export -o` writes a temporary file beside the target and renames it: a write that fails
on the way (the disk full; here the process's file size limit, which fails the same way) is
exit 1 and leaves no file, nor a cut one over an older export."""

from __future__ import annotations

import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer
from tests.test_cli_probes import newsdesk, one_line

LIMIT = 64 * 1024  # bytes a file of the limited process may reach


@pytest.fixture
def config(server: LocalServer, tmp_path: Path) -> str:
    """Three saved articles whose dossier is larger than LIMIT."""
    long = "A long account of the talks, told again and again. " * 1000
    items = [{"title": f"Item {i}", "guid": f"g{i}", "description": long} for i in range(3)]
    url = server.add("/a.xml", body=rss(items), headers={"Content-Type": "application/xml"})
    path = str(write_config(tmp_path, [{"name": "A", "url": url, "extract": False}]))
    assert newsdesk("--config", path, "fetch").returncode == 0
    assert newsdesk("--config", path, "save", "1", "2", "3").returncode == 0
    return path


def _limited(*args: str) -> subprocess.CompletedProcess[str]:
    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past it fails instead (EFBIG)
        resource.setrlimit(resource.RLIMIT_FSIZE, (LIMIT, LIMIT))

    return subprocess.run([sys.executable, "-m", "tui", *args], capture_output=True, text=True,
                          timeout=120, preexec_fn=limit)


@pytest.mark.parametrize("name", ["new.md", "new.json"])
def test_a_failed_write_is_exit_1_and_leaves_no_file(config: str, tmp_path: Path,
                                                     name: str) -> None:
    out = tmp_path / "out"
    out.mkdir()
    result = _limited("--config", config, "export", "-o", str(out / name))
    one_line(result, 1, f"cannot write {out / name}: File too large")
    assert list(out.iterdir()) == []


def test_a_failed_write_keeps_the_older_export(config: str, tmp_path: Path) -> None:
    older = tmp_path / "dossier.md"
    older.write_text("the export of yesterday\n")
    assert _limited("--config", config, "export", "-o", str(older)).returncode == 1
    assert older.read_text() == "the export of yesterday\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".dossier")] == []
    done = newsdesk("--config", config, "export", "-o", str(older))  # with room: replaced
    assert done.returncode == 0 and "Item 2" in older.read_text()
