"""`newsdesk fetch` with every feed answering 304 runs without the Desk (cli/lean_fetch.py,
refresh/lean.py): the cache ends as the Desk's refresh leaves it, and every other case (news,
a failure, a redirect, an edited feeds.toml, work for the analysis) is the Desk's refresh,
with nothing asked twice."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer, Route
from tui.cli import main
from tui.core.config.loader import load_config
from tui.core.desk import Desk

DATE = "Mon, 07 Dec 2026 01:00:00 GMT"
ROOT = Path(__file__).resolve().parents[1]
# Each feed's row but its two times (a refresh stamps them with its own clock).
ROW = ("SELECT id, url, name, etag, last_modified, failures, last_error, title, lang, "
       "item_count, tags, pages_failed, pages_deferred FROM feeds ORDER BY id")


def _site(server: LocalServer, n: int = 6) -> list[tuple[str, str]]:
    return [(f"Wire {k}", server.add(f"/w{k}.xml", body=rss(
        [{"title": f"Port talks resume, round {k}", "guid": f"w{k}-0",
          "link": f"http://127.0.0.1/w{k}/0", "description": "Delegations met.",
          "pubDate": DATE}]),
        etag=f'"w{k}"')) for k in range(n)]


def _filled(server: LocalServer, folder: Path, n: int = 6) -> Path:
    folder.mkdir()
    config = write_config(folder, _site(server, n), settings="extract = false\nkeep_days = 30")
    assert main(["fetch", "--config", str(config)]) == 0
    return config


def _rows(config: Path) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    conn = sqlite3.connect(config.parent / "cache" / "newsdesk.sqlite3")
    try:
        return (conn.execute(ROW).fetchall(),
                conn.execute("SELECT key, value FROM meta ORDER BY key").fetchall())
    finally:
        conn.close()


def _stamp_long_ago(config: Path) -> None:
    conn = sqlite3.connect(config.parent / "cache" / "newsdesk.sqlite3")
    try:
        with conn:
            conn.execute("UPDATE feeds SET last_attempt = '2000-01-01T00:00:00Z', "
                         "last_ok = '2000-01-01T00:00:00Z'")
    finally:
        conn.close()


def _times(config: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(config.parent / "cache" / "newsdesk.sqlite3")
    try:
        return conn.execute("SELECT last_attempt, last_ok FROM feeds ORDER BY id").fetchall()
    finally:
        conn.close()


def _lean_run(config: Path, *words: str) -> subprocess.CompletedProcess[str]:
    """`newsdesk fetch` in a process of its own, this checkout's code; its last stderr line
    says whether the Desk was loaded."""
    probe = ("import sys; from tui.cli import main; code = main(sys.argv[1:]); "
             "print('desk' if 'tui.core.desk' in sys.modules else 'lean', file=sys.stderr); "
             "raise SystemExit(code)")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-c", probe, "fetch", *words, "--config",
                           str(config)], capture_output=True, text=True, env=env, timeout=60)


def test_an_all_304_fetch_leaves_the_rows_the_desks_refresh_leaves(
        server: LocalServer, tmp_path: Path) -> None:
    """One filled cache, copied: the Desk's refresh on one copy, the lean fetch on the other.
    Every feed row (validators, health, counts) and meta row is the same, and both stamped
    every feed as checked."""
    config = _filled(server, tmp_path / "one")
    shutil.copytree(tmp_path / "one", tmp_path / "two")
    other = tmp_path / "two" / "feeds.toml"
    for folder in (config, other):  # stamped long ago: the clock's second may not turn
        _stamp_long_ago(folder)
    before = _times(config)
    with Desk.open(load_config(config), sync_feeds=False) as desk:
        full = desk.refresh(extract=False)
    seen = len(server.seen)
    ran = _lean_run(other, "--no-extract")
    assert ran.returncode == 0, ran.stderr
    assert ran.stderr.splitlines()[-1] == "lean"
    assert ran.stdout == "6 feeds ok (6 unchanged), 0 failed, 0 new articles, 0 pages extracted\n"
    assert (full.feeds_ok, full.not_modified) == (6, 6)
    assert len(server.seen) - seen == 6
    assert _rows(config) == _rows(other)
    for times in (_times(config), _times(other)):
        assert all(t[0] > b[0] and t[1] > b[1] for t, b in zip(times, before, strict=True))


def test_the_lean_fetch_says_what_the_full_one_says(server: LocalServer, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """--json and --quiet as the Desk's refresh words them (the same report)."""
    config = _filled(server, tmp_path / "one")
    capsys.readouterr()
    ran = _lean_run(config, "--json")
    assert ran.returncode == 0 and ran.stderr.splitlines()[-1] == "lean"
    assert '"not_modified": 6' in ran.stdout and '"errors": []' in ran.stdout
    ran = _lean_run(config, "-q", "--no-extract")
    assert (ran.returncode, ran.stdout, ran.stderr) == (0, "", "lean\n")


def test_news_goes_to_the_desk_asking_each_feed_once(server: LocalServer,
                                                     tmp_path: Path) -> None:
    """Two feeds with news among six: the Desk's refresh stores them, and takes the lean
    sweep's 304s and the requests it left on the wire (no feed asked twice)."""
    config = _filled(server, tmp_path / "one")
    for k in (1, 4):
        server.add(f"/w{k}.xml", body=rss([{"title": f"Talks end, round {k}",
                                             "guid": f"w{k}-1", "pubDate": DATE}]), etag=f'"w{k}-2"')
    seen = len(server.seen)
    ran = _lean_run(config)
    assert ran.returncode == 0, ran.stderr
    assert ran.stderr.splitlines()[-1] == "desk"
    assert ran.stdout.startswith("6 feeds ok (4 unchanged), 0 failed, 2 new articles")
    assert Counter(s.path for s in server.seen[seen:]) == Counter(f"/w{k}.xml" for k in range(6))


def test_a_failing_feed_and_a_redirect_go_to_the_desk(server: LocalServer,
                                                      tmp_path: Path) -> None:
    """A 500 and a 301 are the Desk's to read and word; neither feed is asked twice."""
    config = _filled(server, tmp_path / "one")
    server.add("/w2.xml", Route(status=500, body=b"down"))
    moved = server.add("/moved.xml", body=rss([{"title": "Talks moved", "guid": "m-1",
                                                    "pubDate": DATE}]))
    server.add("/w5.xml", Route(status=301, headers={"Location": moved}))
    seen = len(server.seen)
    ran = _lean_run(config, "--no-extract")
    assert ran.stderr.splitlines()[-1] == "desk"
    assert ran.returncode == 0, ran.stderr
    lines = ran.stdout.splitlines()
    # the 301 is said on its feed (hostile7: moved for good, feeds.toml still names the old URL)
    assert lines[0].startswith("5 feeds ok (4 unchanged) (1 with warnings), 1 failed, "
                               "1 new article")
    assert lines[1].startswith("  Wire 2: ")
    asked = Counter(s.path for s in server.seen[seen:])
    assert asked == Counter([*(f"/w{k}.xml" for k in range(6)), "/moved.xml"])


def test_an_edited_feeds_toml_is_synced_as_the_desk_syncs_it(server: LocalServer,
                                                             tmp_path: Path) -> None:
    """A feed renamed and another given a tag in feeds.toml: the lean fetch writes the rows
    as the Desk's refresh would (its own sync), then sweeps."""
    config = _filled(server, tmp_path / "one")
    shutil.copytree(tmp_path / "one", tmp_path / "two")
    other = tmp_path / "two" / "feeds.toml"
    for path in (config, other):
        text = path.read_text().replace('name = "Wire 3"', 'name = "Wire Three"')
        path.write_text(text.replace('name = "Wire 0"', 'name = "Wire 0"\ntags = ["ports"]'))
    with Desk.open(load_config(config), sync_feeds=False) as desk:
        desk.refresh(extract=False)
    ran = _lean_run(other, "--no-extract")
    assert ran.returncode == 0 and ran.stderr.splitlines()[-1] == "lean"
    assert _rows(config) == _rows(other)
    assert ("Wire Three",) in [row[2:3] for row in _rows(other)[0]]


def test_work_for_the_analysis_is_the_desks(server: LocalServer, tmp_path: Path) -> None:
    """An article left unanalysed (a killed run), or a cache at another schema: the Desk's
    refresh runs, before anything is asked by the lean one."""
    config = _filled(server, tmp_path / "one")
    db = config.parent / "cache" / "newsdesk.sqlite3"
    conn = sqlite3.connect(db)
    conn.execute("UPDATE articles SET analysed = 0 WHERE id = 1")
    conn.commit()
    conn.close()
    seen = len(server.seen)
    ran = _lean_run(config, "--no-extract")
    assert ran.returncode == 0 and ran.stderr.splitlines()[-1] == "desk"
    assert len(server.seen) - seen == 6
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM articles WHERE analysed = 0").fetchone()[0] == 0
    conn.close()


def test_only_the_plain_shapes_of_fetch_are_tried_lean() -> None:
    """Feed names, help, a mistake argparse words, any other command: the full path."""
    from tui.cli.lean_fetch import words

    assert words(["fetch", "--json", "--config", "f.toml"]) == ("f.toml", {"json"})
    assert words(["--config", "f.toml", "fetch", "-q", "--no-extract"]) == (
        "f.toml", {"quiet", "no_extract"})
    assert words(["fetch"]) == (None, set())
    for argv in (["fetch", "Wire 1"], ["fetch", "--json", "-q"], ["fetch", "--config=f.toml"],
                 ["fetch", "--help"], ["list", "fetch"], ["fetch", "fetch"], ["fetch", "-x"],
                 ["fetch", "--config"], ["fetch", "--config", "--json"], ["reextract"],
                 ["--config", "a", "fetch", "--config", "b"]):
        assert words(argv) is None, argv


def test_a_damaged_cache_is_set_aside_by_the_desk_and_said(server: LocalServer,
                                                           tmp_path: Path) -> None:
    """The lean fetch opens only a cache that needs nothing: a damaged one is left as it is
    for the Desk, which moves it aside, says so and fills a new one."""
    config = _filled(server, tmp_path / "one")
    db = config.parent / "cache" / "newsdesk.sqlite3"
    for suffix in ("-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    db.write_bytes(b"not a cache, whatever it was" * 200)
    ran = _lean_run(config, "--no-extract")
    assert ran.returncode == 0, ran.stderr
    assert ran.stderr.splitlines()[-1] == "desk"
    assert "moved to" in ran.stderr
    assert ran.stdout.startswith("6 feeds ok (0 unchanged), 0 failed, 6 new articles")
