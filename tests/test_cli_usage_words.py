"""A usage error says what to type: other tools' words for a count (`head -n 5`, `-n5`) name
`--limit 5`, their words for machine output (`-j`, `--format json`, `-o json`, `--JSON`) name
`--json` and what it prints; and `newsdesk --help` fits an 80-column terminal, its last line
(the config in use, or where a first run writes it) wrapped too. Real `newsdesk` processes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import write_config
from tests.test_cli_probes import one_line


def newsdesk(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("XDG_") and k not in ("NEWSDESK_CONFIG", "HOME", "COLUMNS")
    }
    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=home,
        env={**env, "HOME": str(home), "COLUMNS": "80"},
    )


@pytest.fixture
def config(tmp_path: Path) -> str:
    return str(write_config(tmp_path, [("A", "http://127.0.0.1:9/feed")]))


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["-n", "5"], "did you mean --limit 5?"),
        (["iran", "-n", "7"], "did you mean --limit 7?"),
        (["-n5"], "did you mean --limit 5?"),
        (["-n"], "did you mean --limit N?"),
        (["-j"], "did you mean --json (one JSON object per line)?"),
        (["--format", "json"], "did you mean --json (one JSON object per line)?"),
        (["--format=json"], "did you mean --json (one JSON object per line)?"),
        (["-o", "json"], "did you mean --json (one JSON object per line)?"),
        (["--output", "json"], "did you mean --json (one JSON object per line)?"),
        (["--JSON"], "did you mean --json?"),
    ],
)
def test_list_misuse_names_what_to_type(
    config: str, tmp_path: Path, args: list[str], said: str
) -> None:
    result = newsdesk("--config", config, "list", *args, home=tmp_path)
    one_line(
        result, 2, "newsdesk: list: unrecognized arguments: ", said, "(see newsdesk list --help)"
    )


def test_a_count_after_a_lone_dash_dash_is_a_query_word(config: str, tmp_path: Path) -> None:
    """`-n5` stays sayable as a query (NOT n5) after `--`, as every word starting with -."""
    result = newsdesk("--config", config, "list", "--", "-n5", home=tmp_path)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("args", [["--help"], ["list", "--help"], ["export", "--help"]])
def test_help_fits_80_columns(tmp_path: Path, args: list[str]) -> None:
    """A fresh user (nothing set up): the help's last line said where the first run writes
    feeds.toml in 97 columns."""
    home = tmp_path / "a-home-folder-of-a-usual-length"
    home.mkdir()
    result = newsdesk(*args, home=home)
    assert result.returncode == 0, result.stderr
    long = [
        line for line in result.stdout.splitlines() if len(line) > 80 and " " in line.strip()
    ]  # a path longer than a line: alone
    assert long == [], long
    assert "the first run writes the curated feed list to" in result.stdout
    assert not (home / ".config").exists()  # help writes nothing
