"""What a user scripting newsdesk from cron and the shell met: notes mailed on every run, JSON
keys missing from `export`, help that left things out, and a run with HOME unset. Each is run
by a real `newsdesk` process."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import write_config
from tests.test_cli import newsdesk


def _help(*args: str) -> str:
    helped = newsdesk(*args, "--help")
    assert helped.returncode == 0, helped.stderr
    return " ".join(helped.stdout.split())


def test_actors_help_says_days_0_is_all_time() -> None:
    assert "0 = all time" in _help("actors")


def test_related_help_names_the_config_in_use_as_every_command_does(tmp_path: Path) -> None:
    config = write_config(tmp_path, [("A", "http://127.0.0.1:9/feed")])
    text = _help("related", "--config", str(config))
    assert f"config in use: {config} (from --config)" in text
    assert "same story" in text  # its own legend stays
