"""The reader without a terminal: a crontab line that forgot `fetch` must end at once, say why,
and leave nothing behind (Textual would draw escape codes into the log and wait for keys
forever). Real subprocesses, an empty HOME."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import write_config

NEEDS = "newsdesk: the reader needs a terminal (to refresh from cron: newsdesk fetch)"


def run(*args: str, home: Path, stdin: int | None = subprocess.DEVNULL,
        ) -> subprocess.CompletedProcess[str]:
    env = {"HOME": str(home), "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "TERM": "xterm"}
    return subprocess.run([sys.executable, "-m", "tui", *args], stdin=stdin, env=env,
                          capture_output=True, text=True, timeout=30, cwd=home)


def test_the_reader_from_cron_says_it_needs_a_terminal(tmp_path: Path) -> None:
    config = str(write_config(tmp_path, [("Wire", "http://127.0.0.1:9/feed.xml")]))
    home = tmp_path / "home"
    home.mkdir()
    result = run("--config", config, home=home)
    assert result.returncode == 2, result.stderr[-300:]
    assert result.stderr == NEEDS + "\n"
    assert result.stdout == ""  # no escape codes anywhere
    assert not (tmp_path / "cache").exists()  # nothing opened


def test_a_first_run_from_cron_writes_nothing(tmp_path: Path) -> None:
    """No feeds.toml anywhere: the curated list is not written by a run that cannot read."""
    result = run(home=tmp_path)
    assert (result.returncode, result.stderr) == (2, NEEDS + "\n")
    assert not (tmp_path / ".config").exists()


def test_the_demo_without_a_terminal_serves_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    result = run("demo", "--dir", str(folder), home=tmp_path)
    assert (result.returncode, result.stderr) == (2, "newsdesk: the reader needs a terminal (to "
                                                     "fetch the demo without the reader: "
                                                     "newsdesk demo --fetch-only)\n")
    assert not folder.exists()


def test_the_demo_refuses_a_config_it_would_not_use(tmp_path: Path) -> None:
    """`demo --fetch-only --config mine.toml` fetched the demo folder's feeds, not mine's."""
    config = str(write_config(tmp_path, [("Wire", "http://127.0.0.1:9/feed.xml")]))
    folder = tmp_path / "demo"
    for args in (["demo", "--fetch-only", "--config", config, "--dir", str(folder)],
                 ["--config", config, "demo", "--fetch-only", "--dir", str(folder)]):
        result = run(*args, home=tmp_path)
        assert result.returncode == 2
        assert result.stderr.startswith("newsdesk: demo: --config is not used by the demo, "
                                        "which keeps its own feeds.toml in its folder")
        assert not folder.exists() and not (tmp_path / "cache").exists()


def test_the_demos_help_names_no_config_it_would_not_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
        ) -> None:
    """`demo --help` offered --config and ended "config in use: ./feeds.toml": the demo
    reads its folder's own and refuses --config. Other commands' help still names theirs."""
    from tui.cli import main

    write_config(tmp_path, [("Wire", "http://127.0.0.1:9/feed.xml")])
    monkeypatch.chdir(tmp_path)  # a ./feeds.toml the demo must not claim to use
    for words, config in ((["demo", "--help"], False), (["fetch", "--help"], True)):
        with pytest.raises(SystemExit):
            main(words)
        said = capsys.readouterr().out
        assert ("--config" in said, "config in use:" in said) == (config, config), said


def test_stderr_redirected_is_said_too(tmp_path: Path) -> None:
    """Keys from a terminal but stderr into a file: Textual draws on stderr, so the screen
    would stay blank while the file fills with escape codes."""
    config = str(write_config(tmp_path, [("Wire", "http://127.0.0.1:9/feed.xml")]))
    main, child = pty.openpty()
    try:
        result = run("--config", config, home=tmp_path, stdin=child)
    finally:
        os.close(main)
        os.close(child)
    assert result.returncode == 2
    assert result.stderr.startswith("newsdesk: the reader needs a terminal: it draws on stderr")
    assert "newsdesk fetch" in result.stderr
