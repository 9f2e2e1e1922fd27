"""Triage from scripts: by id as before, or every match of `--query` with a count of what
changed (`--dry-run` to look first), and `dismiss` as the reader's x. Real `newsdesk`
processes on a real cache fed by a loopback server."""

from __future__ import annotations

import json
import shlex
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer
from tests.test_cli_probes import newsdesk, one_line


@pytest.fixture
def cache(server: LocalServer, tmp_path: Path) -> str:
    """Wire: three articles (ids 1-3); Desk: two (ids 4-5); a view "Wire desk" of Wire's."""
    feeds = []
    for name, count in (("Wire", 3), ("Desk", 2)):
        items = [{"title": f"{name} item {i}", "guid": f"{name}{i}", "description": f"text {i}",
                  "pubDate": f"Mon, 0{5 - i} Aug 2024 10:00:00 +0000"} for i in range(count)]
        url = server.add(f"/{name}.xml", body=rss(items))
        feeds.append({"name": name, "url": url, "extract": False})
    path = write_config(tmp_path, feeds)
    with path.open("a", encoding="utf-8") as config:
        config.write('\n[[view]]\nname = "Wire desk"\nquery = "feed:wire"\n')
    for feed in ("Wire", "Desk"):  # one at a time: the ids follow
        assert newsdesk("--config", str(path), "fetch", feed).returncode == 0
    return str(path)


def flags(config: str) -> dict[int, tuple[bool, bool, bool, list[str]]]:
    """id: (read, saved, dismissed, tags), as `newsdesk list --json` and `is:` say."""
    listed = newsdesk("--config", config, "list", "--json", "--limit", "0")
    dismissed = newsdesk("--config", config, "list", "is:dismissed", "--json")
    gone = {json.loads(line)["id"] for line in dismissed.stdout.splitlines()}
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    return {r["id"]: (r["read"], r["saved"], r["id"] in gone, r["tags"]) for r in rows}


def test_dismiss_is_the_readers_x(cache: str) -> None:
    done = newsdesk("--config", cache, "dismiss", "2", "4")
    # by id: stdout empty, and what was done on stderr, as `tag` says it
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "newsdesk: 2 articles "
                                                                  "dismissed\n")
    assert [i for i, f in flags(cache).items() if f[2]] == [4, 2]
    assert flags(cache)[2][:3] == (True, False, True)  # read, and hidden from Unread
    unread = newsdesk("--config", cache, "list", "is:unread", "--json").stdout
    assert {json.loads(line)["id"] for line in unread.splitlines()} == {1, 3, 5}
    lines = newsdesk("--config", cache, "list").stdout.splitlines()  # marked in text too
    assert {int(line[:6]): line[7] for line in lines} == {1: "N", 2: "x", 3: "N", 4: "x", 5: "N"}
    assert newsdesk("--config", cache, "undismiss", "2").returncode == 0
    assert flags(cache)[2][:3] == (True, False, False)  # `unread` brings it back
    one_line(newsdesk("--config", cache, "dismiss", "9"), 1, "no article with id 9")


@pytest.mark.parametrize(("command", "done", "undone"), [
    ("read", "marked read", "marked unread"), ("save", "saved", "unsaved"),
    ("dismiss", "dismissed", "undismissed")])
def test_by_id_says_on_stderr_what_was_done(cache: str, command: str, done: str,
                                            undone: str) -> None:
    """`read ID`, `save ID`, `dismiss ID` were silent while `tag ID --add` said what it did:
    each says it now, on stderr (stdout stays empty for scripts), and which ids already were
    so; the un- forms take it back the same way."""
    for args, said in (([command, "2"], f"1 article {done}"),
                       ([command, "2", "3"], f"1 article {done}, 1 already was (2 matching)"),
                       (["un" + command, "2", "3"], f"2 articles {undone}")):
        run = newsdesk("--config", cache, *args)
        assert (run.returncode, run.stdout, run.stderr) == (0, "", f"newsdesk: {said}\n")


def test_a_query_changes_its_matches_and_says_how_many(cache: str) -> None:
    assert newsdesk("--config", cache, "read", "2").returncode == 0
    looked = newsdesk("--config", cache, "read", "--query", "view:\"wire desk\"", "--dry-run")
    assert (looked.returncode, looked.stderr) == (0, "")
    assert looked.stdout == ("2 articles would be marked read, 1 already is (3 matching; "
                             "dry run: nothing changed)\n")
    assert [i for i, f in flags(cache).items() if f[0]] == [2]
    done = newsdesk("--config", cache, "read", "--query", "view:\"wire desk\"")
    assert done.stdout == "2 articles marked read, 1 already was (3 matching)\n"
    assert [i for i, f in flags(cache).items() if f[0]] == [1, 2, 3]
    # the documented leading "-" of a query is a value of --query, not an option
    back = newsdesk("--config", cache, "unread", "--query", "-feed:desk")
    assert back.stdout == "3 articles marked unread\n"
    saved = newsdesk("--config", cache, "save", "--query", "feed:desk before:2024-08-06")
    assert saved.stdout == "2 articles saved\n"
    none = newsdesk("--config", cache, "dismiss", "--query", "feed:nosuch")
    assert (none.stdout, none.stderr) == ("0 articles dismissed\n",
                                          "newsdesk: no feed is called 'nosuch'; `newsdesk feeds` lists them\n")


def test_tag_by_query_counts_each_tag(cache: str) -> None:
    assert newsdesk("--config", cache, "tag", "1", "--add", "Iran").returncode == 0
    done = newsdesk("--config", cache, "tag", "--query", "feed:wire", "--add", "+iran,gulf",
                    "--remove", "IRAN")
    assert done.returncode == 0 and done.stderr == ""
    assert done.stdout.splitlines() == [
        "2 articles tagged 'iran', 1 already was (3 matching)",
        "3 articles tagged 'gulf'",
        "3 articles untagged 'IRAN'"]
    assert {i: f[3] for i, f in flags(cache).items()} == {
        1: ["gulf"], 2: ["gulf"], 3: ["gulf"], 4: [], 5: []}
    looked = newsdesk("--config", cache, "tag", "--query", "is:unread", "--remove", "gulf",
                      "--dry-run")
    assert looked.stdout == ("3 articles would be untagged 'gulf', 2 do not have it "
                             "(5 matching; dry run: nothing changed)\n")


@pytest.mark.parametrize(("args", "words"), [
    (["save", "1", "--query", "x"], ["save: give article ids or --query, not both"]),
    (["read", "--query", " "], ["--query is empty, which would change every article"]),
    (["dismiss", "feed:TASS"], ["'feed:TASS' is not an article id (a query goes after "
                                "--query: --query feed:TASS)"]),
    (["tag", "3", "dossier"], ["'dossier' is not an article id (a tag goes after --add: "
                               "--add dossier; a query after --query)"]),
    (["read", "--query", "view:nope"], ["bad query: column 1: no saved view is called 'nope'",
                                        "the views are \"Wire desk\""]),
    (["tag", "--query", "feed:wire"], ["tag: nothing to do"]),
])
def test_what_a_script_got_wrong_changes_nothing(cache: str, args: list[str],
                                                  words: list[str]) -> None:
    before = flags(cache)
    one_line(newsdesk("--config", cache, *args), 2, *words)
    assert flags(cache) == before


def test_a_pipeline_that_found_nothing_is_no_usage_error(cache: str) -> None:
    """`list --json Q | jq .id | xargs newsdesk tag ...` with nothing matching runs `tag`
    with no id at all (xargs without -r): exit 0 as the same `--query` that matched nothing,
    with one line on stderr, never 2 (a usage error a `set -e` script stops on)."""
    before = flags(cache)
    run = [sys.executable, "-m", "tui", "--config", cache]
    ids = f"{sys.executable} -c 'import json,sys; [print(json.loads(l)[\"id\"]) for l in sys.stdin]'"
    for command in ("tag --add dossier", "save", "dismiss"):
        piped = subprocess.run(
            ["bash", "-c", f"set -o pipefail; {shlex.join(run)} list --json nomatchword | {ids} "
                           f"| xargs {shlex.join(run)} {command}"],
            capture_output=True, text=True, timeout=120)
        assert piped.returncode == 0, piped.stderr
        assert piped.stdout == "" and "Traceback" not in piped.stderr
        verb = command.split()[0]
        assert f"newsdesk: {verb}: no article ids given: nothing changed" in piped.stderr
        queried = newsdesk("--config", cache, *command.split(), "--query", "nomatchword")
        assert queried.returncode == 0, queried.stderr
    bare = newsdesk("--config", cache, "read")
    one_line(bare, 0, "read: no article ids given: nothing changed (name them by id, or "
                      "--query QUERY")
    assert flags(cache) == before


def test_a_query_beyond_sqlites_variable_limit(tmp_path: Path) -> None:
    """Every id of a large query is one JSON parameter: builds with a 32,766-variable limit
    refused `read --query is:unread` on a big cache (here the limit is lowered to 100)."""
    from tui.core.store import articles as store
    from tui.core.store.db import connect

    conn = connect(tmp_path / "c.sqlite3")
    conn.executemany("INSERT INTO articles(id, key, url, title, body, published, first_seen) "
                     "VALUES (?, ?, '', 't', '', '2024-08-01T00:00:00Z', "
                     "'2024-08-01T00:00:00Z')", [(i, f"k{i}") for i in range(1, 501)])
    conn.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 100)
    ids = list(range(1, 501))
    assert store.set_flag(conn, ids, "read", True) == ids
    store.add_tags(conn, ids, ["bulk"])
    store.remove_tag(conn, ids, "bulk")
    assert conn.execute("SELECT count(*) FROM articles WHERE read = 1").fetchone()[0] == 500
    assert conn.execute("SELECT count(*) FROM tags").fetchone()[0] == 0


def test_tag_by_id_says_what_it_did_on_stderr(cache: str) -> None:
    """`tag ID --add` was silent while `tag --query` says what it did: by id one line on
    stderr says it (the tag text is read as the t dialog reads it, so the line shows which
    tags were meant); stdout stays empty, as scripts have it."""
    done = newsdesk("--config", cache, "tag", "1", "2", "--add", "iran, #Gulf")
    assert (done.returncode, done.stdout) == (0, "")
    assert done.stderr == "newsdesk: 2 articles tagged 'iran'; 2 articles tagged 'Gulf'\n"
    again = newsdesk("--config", cache, "tag", "1", "3", "--add", "iran", "--remove", "gulf")
    assert (again.returncode, again.stdout) == (0, "")
    assert again.stderr.splitlines() == [
        "newsdesk: 1 article tagged 'iran', 1 already was (2 matching); "
        "1 article untagged 'gulf'",
        "newsdesk: no tag 'gulf' on article 3"]  # which ones lacked it, as before
    assert {i: f[3] for i, f in flags(cache).items()} == {
        1: ["iran"], 2: ["Gulf", "iran"], 3: ["iran"], 4: [], 5: []}
