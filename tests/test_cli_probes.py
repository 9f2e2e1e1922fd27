"""Every error path of the CLI is one line, `newsdesk: ...`, exit 2 (usage, config) or 1 (a
failure), never a traceback: one test per probe of issue 14, through real subprocesses."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer

BIG = str(1 << 63)


def newsdesk(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tui", *args], capture_output=True, text=True,
                          timeout=120, cwd=cwd)


def one_line(result: subprocess.CompletedProcess[str], code: int, *words: str) -> None:
    """Exit `code`, one line on stderr starting `newsdesk: `, holding `words`."""
    err = result.stderr
    assert result.returncode == code, (result.returncode, err)
    assert "Traceback" not in err and err.startswith("newsdesk: ") and err.count("\n") == 1, err
    for word in words:
        assert word in err, err


@pytest.fixture
def fetched(server: LocalServer, tmp_path: Path) -> str:
    """A config whose cache holds three articles (ids 1..3)."""
    items = [{"title": f"Item {i}", "guid": f"g{i}", "description": f"text {i}"} for i in range(3)]
    url = server.add("/a.xml", body=rss(items), headers={"Content-Type": "application/xml"})
    config = str(write_config(tmp_path, [{"name": "A", "url": url, "tags": ["Iran"],
                                          "extract": False}]))
    assert newsdesk("--config", config, "fetch").returncode == 0
    return config


def _namespace() -> list[str] | None:
    """A private mount namespace (root: unshare -m; others: a user namespace too)."""
    if shutil.which("unshare") is None:
        return None
    command = ["unshare", "-m"] if os.geteuid() == 0 else ["unshare", "-rm"]
    probe = subprocess.run([*command, "true"], capture_output=True, timeout=10)
    return command if probe.returncode == 0 else None


def test_disk_full_during_fetch(server: LocalServer, tmp_path: Path) -> None:
    """A real full disk: the cache lives on a 600 kB tmpfs mounted in a private namespace
    (nothing is simulated; skipped where namespaces are not allowed)."""
    command = _namespace()
    if command is None:
        pytest.skip("unshare cannot make a private mount namespace here")
    items = [{"title": f"Item {i}", "guid": f"g{i}", "description": f"word{i} " * 400}
             for i in range(400)]
    url = server.add("/big.xml", body=rss(items), headers={"Content-Type": "application/xml"})
    mount = tmp_path / "small"
    mount.mkdir()
    config = write_config(tmp_path, [("Big", url)], settings=f'cache_dir = "{mount}/cache"')
    config.write_text(config.read_text().replace('cache_dir = "cache"\n', ""))
    script = ('mount -t tmpfs -o size=600k tmpfs "$1" && exec "$2" -m tui --config "$3" '
              "fetch --no-extract")
    result = subprocess.run([*command, "sh", "-c", script, "sh", str(mount), sys.executable,
                             str(config)], capture_output=True, text=True, timeout=120)
    one_line(result, 1, "disk holding the cache is full")


def test_cache_dir_pointing_at_a_file(tmp_path: Path) -> None:
    (tmp_path / "cache").write_text("not a folder")
    config = str(write_config(tmp_path, [("A", "http://127.0.0.1:9/a.xml")]))
    one_line(newsdesk("--config", config, "list"), 2, "cache_dir", "is a file")


@pytest.mark.parametrize("command", [["export", "is:unread"], ["export-opml"]])
def test_output_to_a_folder_or_an_unwritable_path(fetched: str, tmp_path: Path,
                                                  command: list[str]) -> None:
    one_line(newsdesk("--config", fetched, *command, "-o", str(tmp_path)), 2, "cannot write")
    missing = str(tmp_path / "no" / "such" / "folder" / "out.md")
    one_line(newsdesk("--config", fetched, *command, "-o", missing), 2,
             "No such file or directory")


OPML = ('<?xml version="1.0"?><opml version="2.0"><body><outline text="Wire" '
        'xmlUrl="http://127.0.0.1:9/new.xml"/></body></opml>')


def test_import_opml_keeps_the_mode_of_feeds_toml(tmp_path: Path) -> None:
    config = write_config(tmp_path, [("A", "http://127.0.0.1:9/a.xml")])
    config.chmod(0o600)
    (tmp_path / "list.opml").write_text(OPML)
    result = newsdesk("--config", str(config), "import-opml", str(tmp_path / "list.opml"))
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(config.stat().st_mode) == 0o600 and "Wire" in config.read_text()
    assert not (tmp_path / "feeds.toml.new").exists()


def test_import_opml_when_feeds_toml_cannot_be_replaced(tmp_path: Path) -> None:
    """feeds.toml is a mount point here (renaming over it fails with EBUSY, even for root);
    without namespaces, a read-only folder does it for a normal user."""
    config = write_config(tmp_path, [("A", "http://127.0.0.1:9/a.xml")])
    (tmp_path / "list.opml").write_text(OPML)
    before = config.read_text()
    args = [sys.executable, "-m", "tui", "--config", str(config), "import-opml",
            str(tmp_path / "list.opml")]
    command = _namespace()
    if command is not None:
        result = subprocess.run([*command, "sh", "-c", 'mount --bind "$1" "$1" && shift && '
                                 'exec "$@"', "sh", str(config), *args],
                                capture_output=True, text=True, timeout=120)
    elif os.geteuid() != 0:
        tmp_path.chmod(0o555)
        try:
            result = subprocess.run(args, capture_output=True, text=True, timeout=120)
        finally:
            tmp_path.chmod(0o755)
    else:
        pytest.skip("root without namespaces: nothing here stops a rename")
    one_line(result, 2, str(config))
    assert config.read_text() == before
    assert not (tmp_path / "feeds.toml.new").exists()


def test_rename_tag_to_nothing(fetched: str) -> None:
    one_line(newsdesk("--config", fetched, "rename-tag", "iran", ""), 2, "empty")


@pytest.mark.parametrize("args", [["show", BIG], ["read", "1", BIG], ["tag", BIG, "--add", "x"],
                                  ["related", BIG], ["list", "--limit", BIG],
                                  ["stories", "--limit", BIG], ["actors", "--days", BIG],
                                  ["show", "-5"], ["show", "x"]])
def test_ids_and_limits_of_2_63_and_beyond(fetched: str, args: list[str]) -> None:
    one_line(newsdesk("--config", fetched, *args), 2)


def test_the_largest_id_is_just_not_found(fetched: str) -> None:
    one_line(newsdesk("--config", fetched, "show", str((1 << 63) - 1)), 1, "no article")


def test_a_query_may_start_with_a_minus(fetched: str) -> None:
    assert newsdesk("--config", fetched, "read", "1").returncode == 0
    listed = newsdesk("--config", fetched, "list", "-is:read", "--json")
    assert listed.returncode == 0, listed.stderr
    assert sorted(json.loads(x)["id"] for x in listed.stdout.splitlines()) == [2, 3]
    assert newsdesk("--config", fetched, "list", "--json", "-is:read", "-tag:iran") \
        .stdout == ""
    exported = newsdesk("--config", fetched, "export", "-is:read", "--format", "json")
    assert exported.returncode == 0 and len(json.loads(exported.stdout)) == 2


@pytest.mark.parametrize("args", [["frobnicate"], ["list", "--limit"], ["show"],
                                  ["export", "--format", "pdf"], ["--config"]])
def test_usage_errors_are_one_line_too(args: list[str]) -> None:
    one_line(newsdesk(*args), 2)


def test_warnings_in_fetch_and_feeds_json(server: LocalServer, tmp_path: Path) -> None:
    broken = rss([{"title": "Still read", "guid": "w1"}]).replace(b"</channel>", b"<oops>")
    url = server.add("/w.xml", body=broken, headers={"Content-Type": "application/xml"})
    config = str(write_config(tmp_path, [{"name": "W", "url": url, "extract": False}]))
    fetched = json.loads(newsdesk("--config", config, "fetch", "--json").stdout)
    assert fetched["feeds_failed"] == 0 and fetched["errors"] == []
    assert [w["feed"] for w in fetched["warnings"]] == ["W"]
    assert "broken XML at line 1: " in fetched["warnings"][0]["warning"]
    feeds = json.loads(newsdesk("--config", config, "feeds", "--json").stdout)
    assert feeds[0]["warning"].startswith("broken XML at line 1: ")
    assert feeds[0]["last_error"] is None and feeds[0]["failures"] == 0
    plain = newsdesk("--config", config, "fetch")
    assert "(1 with warnings)" in plain.stdout and "W: warning: broken XML" in plain.stdout
