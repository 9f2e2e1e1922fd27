"""Where a script's output goes: `-o -` is stdout (as in curl, tar, sort), and a stdout that
cannot take the output (a full disk under `> file`, a closed stdout under `>&-`) is one line
and exit 1, never "internal error", a Python "Exception ignored" or exit 120. Real `newsdesk`
processes on a real cache, fed by a loopback server."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, rss, write_config
from tests.httpserver import LocalServer
from tests.test_cli_probes import one_line


def newsdesk(*args: str, cwd: Path, stdout: int | None = subprocess.PIPE,
             closed: int | None = None) -> subprocess.CompletedProcess[str]:
    """This tree's newsdesk, run in `cwd` (so a file it writes by mistake lands there), its
    stdout buffered as a user's is (not under PYTHONUNBUFFERED), `closed` fd closed."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("PYTHONUNBUFFERED", None)
    return subprocess.run([sys.executable, "-m", "tui", *args], stdout=stdout,
                          stderr=subprocess.PIPE if closed != 2 else None, text=True,
                          timeout=120, cwd=cwd, env=env,
                          preexec_fn=None if closed is None else (lambda: os.close(closed)))


@pytest.fixture
def config(server: LocalServer, tmp_path: Path) -> str:
    """Two saved articles, one with a Russian headline."""
    items = [{"title": "Сводка: грузы по Каспию", "guid": "g1", "description": "Первая."},
             {"title": "Port officials count tankers", "guid": "g2", "description": "Second."}]
    url = server.add("/a.xml", body=rss(items), headers={"Content-Type": "application/xml"})
    path = str(write_config(tmp_path, [{"name": "A", "url": url, "extract": False}]))
    assert newsdesk("--config", path, "fetch", cwd=tmp_path).returncode == 0
    assert newsdesk("--config", path, "save", "1", "2", cwd=tmp_path).returncode == 0
    assert newsdesk("--config", path, "tag", "1", "--add", "каспий", cwd=tmp_path
                    ).returncode == 0
    return path


@pytest.mark.parametrize("args", [["export", "--format", "json"], ["export-opml"]])
def test_dash_as_the_output_file_is_stdout(config: str, tmp_path: Path,
                                           args: list[str]) -> None:
    """`export -o -` wrote a file named "-" in the current folder and said `wrote -`."""
    to_stdout = newsdesk("--config", config, *args, cwd=tmp_path)
    dashed = newsdesk("--config", config, *args, "-o", "-", cwd=tmp_path)
    assert dashed.returncode == 0 and dashed.stderr == "", dashed.stderr
    assert not (tmp_path / "-").exists()
    assert dashed.stdout == to_stdout.stdout and dashed.stdout


def test_export_dash_keeps_markdown_unless_told(config: str, tmp_path: Path) -> None:
    dashed = newsdesk("--config", config, "export", "-o", "-", cwd=tmp_path)
    assert dashed.stdout.startswith("# newsdesk: saved articles"), dashed.stdout[:80]
    assert "Сводка: грузы по Каспию" in dashed.stdout


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize("args", [["list"], ["list", "--json"], ["show", "1"],
                                  ["export"], ["fetch"], ["tags"]])
def test_a_full_disk_under_stdout_is_one_line(config: str, tmp_path: Path,
                                              args: list[str]) -> None:
    """`newsdesk list > /dev/full` said "internal error: OSError ...", and `fetch` then
    printed Python's "Exception ignored ... OSError" and exited 120."""
    with open("/dev/full", "w") as full:
        result = newsdesk("--config", config, *args, cwd=tmp_path, stdout=full.fileno())
    one_line(result, 1, "No space left on device")
    assert "internal error" not in result.stderr


@pytest.mark.parametrize("args", [["list"], ["fetch"]])
def test_a_closed_stdout_is_one_line(config: str, tmp_path: Path, args: list[str]) -> None:
    """`newsdesk list >&-` said "internal error: AttributeError: 'NoneType' object has no
    attribute 'isatty'"."""
    result = newsdesk("--config", config, *args, cwd=tmp_path, stdout=None, closed=1)
    one_line(result, 1, "stdout is closed")


def test_a_closed_stderr_keeps_its_notes_out_of_stdout(config: str, tmp_path: Path) -> None:
    """`newsdesk list --json --limit 1 2>&-` (a crontab silencing stderr) printed its
    "1 of 2 shown" note into stdout, among the JSON lines, as print(file=None) does."""
    result = newsdesk("--config", config, "list", "--json", "--limit", "1", cwd=tmp_path,
                      closed=2)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["id"] == 2, result.stdout
