"""What a user scripting newsdesk from cron and the shell met: notes mailed on every run, JSON
keys missing from `export`, help that left things out, and a run with HOME unset. Each is run
by a real `newsdesk` process."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.conftest import REPO, write_config
from tests.test_cli import newsdesk


def _help(*args: str) -> str:
    helped = newsdesk(*args, "--help")
    assert helped.returncode == 0, helped.stderr
    return " ".join(helped.stdout.split())


def test_actors_help_says_days_0_is_all_time() -> None:
    assert "0 = all time" in _help("actors")


def test_every_commands_words_are_explained_in_its_help() -> None:
    """`rename-tag --help` listed `old` and `new`, `delete-tag` `tag`, `import-opml` `file`,
    and nothing about them (which is the tag to rename, whether a file or a URL)."""
    from tui.cli.commands import ALL
    from tui.cli.registry import build_parser

    bare = [f"{name} {action.dest}" for name, p in build_parser(ALL).commands.items()
            for action in p._actions if not action.option_strings and not action.help]
    assert bare == []


def test_related_help_names_the_config_in_use_as_every_command_does(tmp_path: Path) -> None:
    config = write_config(tmp_path, [("A", "http://127.0.0.1:9/feed")])
    text = _help("related", "--config", str(config))
    assert f"config in use: {config} (from --config)" in " ".join(text.split())
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


# A run with HOME unset (`env -i`, some cron setups): the home folder is then the account's,
# from the password database. The test cannot give the account another one, nor take it
# away, so the child process answers getpwuid itself (HOMELESS), then runs newsdesk.
HOMELESS = """
import pwd, runpy, sys
home = sys.argv.pop(1)
def account(uid):
    if not home:
        raise KeyError(f"getpwuid(): uid not found: {uid}")
    return pwd.struct_passwd(("cron", "x", uid, uid, "", home, "/bin/sh"))
pwd.getpwuid = account
sys.argv[0] = "newsdesk"
runpy.run_module("tui", run_name="__main__")
"""


def without_home(account_home: Path | None, *args: str, cwd: Path,
                 **env: str) -> subprocess.CompletedProcess[str]:
    """`env -i PATH=... newsdesk ARGS`: no HOME, no XDG folders; `account_home` None: an
    account with none at all (a container's uid no passwd line names)."""
    import os
    import sys

    path = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-c", HOMELESS, str(account_home or ""), *args],
                          env={**path, **env}, cwd=cwd, capture_output=True, text=True,
                          timeout=120)


def test_home_unset_uses_the_accounts_home_and_says_so_on_first_write(tmp_path: Path) -> None:
    account, here = tmp_path / "account", tmp_path / "cron"
    account.mkdir()
    here.mkdir()
    first = without_home(account, "list", cwd=here)
    written = account / ".config" / "newsdesk" / "feeds.toml"
    assert first.returncode == 0, first.stderr
    assert written.is_file() and (account / ".cache" / "newsdesk").is_dir()
    assert (f"first run: wrote the curated feed list (32 feeds) to {written} (HOME is not "
            "set: the account's home folder, from the password database)") in first.stderr
    again = without_home(account, "list", cwd=here)
    assert again.returncode == 0 and "first run" not in again.stderr
    assert list(here.iterdir()) == []


def test_no_home_at_all_is_one_clear_line_and_nothing_written(tmp_path: Path) -> None:
    here = tmp_path / "cron"
    here.mkdir()
    for args in (["list"], ["fetch", "--quiet"], ["demo", "--fetch-only"], ["import-newsboat"]):
        run = without_home(None, *args, cwd=here)
        assert run.returncode == 2, (args, run.stderr)
        assert run.stderr.startswith("newsdesk: ") and run.stderr.count("\n") == 1, run.stderr
        assert "HOME is not set" in run.stderr and "Traceback" not in run.stderr
    helped = without_home(None, "--help", cwd=here)
    assert helped.returncode == 0, helped.stderr
    assert "config: none found: no home folder: HOME is not set" in " ".join(
        helped.stdout.split())
    assert list(here.iterdir()) == []  # no `~` folder made here
    (tmp_path / "named").mkdir()
    config = write_config(tmp_path / "named", [("A", "http://127.0.0.1:9/feed")])  # cache_dir
    named = without_home(None, "--config", str(config), "list", cwd=here)
    assert named.returncode == 0 and "no articles yet" in named.stderr, named.stderr
    xdg = {f"XDG_{kind}_HOME": str(tmp_path / kind) for kind in ("CONFIG", "CACHE")}
    told = without_home(None, "list", cwd=here, **xdg)
    assert told.returncode == 0, told.stderr
    assert (tmp_path / "CONFIG" / "newsdesk" / "feeds.toml").is_file()
    assert "HOME is not set" not in told.stderr  # the folder named was used


def test_an_empty_home_is_taken_as_unset_for_every_command(tmp_path: Path) -> None:
    """`HOME= newsdesk ...` (set but empty, as a service file's `HOME=` leaves it): the
    account's home folder, as with HOME unset, and the first run says why; never `/` (where
    Python's `~` puts it), nor the current folder."""
    account, here = tmp_path / "account", tmp_path / "cron"
    (account / ".newsboat").mkdir(parents=True)
    (account / ".newsboat" / "urls").write_text("http://127.0.0.1:9/steppe.xml wire\n")
    here.mkdir()
    first = without_home(account, "list", cwd=here, HOME="")
    written = account / ".config" / "newsdesk" / "feeds.toml"
    assert first.returncode == 0, first.stderr
    assert (f"to {written} (HOME is empty: the account's home folder, from the password "
            "database)") in first.stderr
    for args in (["list"], ["feeds"], ["tags"], ["fetch", "--quiet", "--no-extract",
                                                 "nosuchfeed"],
                 ["import-newsboat", "--dry-run"], ["--help"]):
        run = without_home(account, *args, cwd=here, HOME="")
        assert "Traceback" not in run.stderr and "HOME is empty" not in run.stderr, run.stderr
        assert "first run" not in run.stderr, (args, run.stderr)  # said once
        if args[0] == "import-newsboat":
            assert run.returncode == 0 and "steppe.xml" in run.stdout, run.stderr  # the
            # account's ~/.newsboat/urls, not /.newsboat's
        if args[0] == "--help":
            assert f"config in use: {written}" in " ".join(run.stdout.split()), run.stdout
    assert (account / ".cache" / "newsdesk").is_dir()
    assert list(here.iterdir()) == []  # nothing in the current folder
    homeless = without_home(None, "list", cwd=here, HOME="")
    assert homeless.returncode == 2 and homeless.stderr.count("\n") == 1, homeless.stderr
    assert "no home folder: HOME is empty and the account has none" in homeless.stderr
    assert list(here.iterdir()) == []
