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


def test_export_json_has_the_triage_state_list_json_has(tmp_path: Path) -> None:
    """`read`, `saved` and `dismissed` mean in an exported record what they mean in `list
    --json`: a script reading the dossier need not ask `list` again."""
    import json

    from tests.test_app_support import copy_demo

    config = str(copy_demo(tmp_path / "demo"))
    listed = [json.loads(line) for line in
              newsdesk("--config", config, "list", "--json", "--limit", "4").stdout.splitlines()]
    first, second, third = (str(row["id"]) for row in listed[:3])
    for command in (("save", first), ("read", second), ("dismiss", third)):
        assert newsdesk("--config", config, *command).returncode == 0
    rows = {row["id"]: row for row in (json.loads(line) for line in newsdesk(
        "--config", config, "list", "--json", "--limit", "4").stdout.splitlines())}
    exported = newsdesk("--config", config, "export", "is:read OR is:unread", "--format", "json")
    assert exported.returncode == 0, exported.stderr
    records = {r["id"]: r for r in json.loads(exported.stdout)}
    states = ("read", "saved", "dismissed")
    for article_id, row in rows.items():
        assert {k: records[article_id][k] for k in states} == {k: row[k] for k in states}
    assert {k: rows[int(first)][k] for k in states} == \
        {"read": False, "saved": True, "dismissed": False}
    assert rows[int(third)]["dismissed"] and rows[int(third)]["read"]
