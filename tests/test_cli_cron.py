"""What a user scripting newsdesk from cron and the shell met: notes mailed on every run, JSON
keys missing from `export`, help that left things out, and a run with HOME unset. Each is run
by a real `newsdesk` process."""

from __future__ import annotations

from tests.test_cli import newsdesk


def _help(*args: str) -> str:
    helped = newsdesk(*args, "--help")
    assert helped.returncode == 0, helped.stderr
    return " ".join(helped.stdout.split())


def test_actors_help_says_days_0_is_all_time() -> None:
    assert "0 = all time" in _help("actors")
