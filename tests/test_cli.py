"""The `newsdesk` command as scripts use it: real subprocesses, real cache, loopback feeds."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer
from tests.test_refresh import _items


def newsdesk(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tui", *args], capture_output=True, text=True,
                          timeout=120, cwd=cwd)


def fetched_feed(server: LocalServer, tmp_path: Path, items: list[dict[str, str]]) -> str:
    """feeds.toml of one feed ("Wire") of `items` (title, description, pubDate), fetched
    without pages by a `newsdesk` process."""
    items = [dict(item, link=f"http://127.0.0.1/{i}", guid=f"g{i}")
             for i, item in enumerate(items)]
    url = server.add("/feed.xml", body=rss(items))
    path = str(write_config(tmp_path, [("Wire", url)]))
    fetched = newsdesk("--config", path, "fetch", "--no-extract")
    assert fetched.returncode == 0, fetched.stderr
    return path


def listed_titles(config: str, query: str) -> list[str]:
    """The titles `newsdesk list QUERY --json` prints, in order."""
    listed = newsdesk("--config", config, "list", query, "--json")
    assert listed.returncode == 0, listed.stderr
    return [json.loads(line)["title"] for line in listed.stdout.splitlines()]


def test_fetch_list_show_json(server: LocalServer, tmp_path: Path) -> None:
    url = server.add("/a.xml", body=rss(_items(server, "a", 3)), etag='"1"')
    config = str(write_config(tmp_path, [{"name": "Alpha", "url": url, "tags": ["iran"]}]))
    fetched = newsdesk("--config", config, "fetch", "--json")
    assert fetched.returncode == 0, fetched.stderr
    summary = json.loads(fetched.stdout)
    seconds = summary.pop("seconds")
    assert summary == {"feeds_ok": 1, "feeds_failed": 0, "not_modified": 0, "new_articles": 3,
                       "new_ids": [1, 2, 3], "updated_articles": 0,
                       "extracted": 3, "pages_failed": 0, "pages_retried": 0, "errors": [],
                       "warnings": [], "shared": [], "pruned": 0}
    assert 0 < seconds["stored"] <= seconds["total"]  # stored, then actors and links
    # --config accepted after the subcommand too
    listed = newsdesk("list", "--json", "--config", config)
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert len(rows) == 3
    assert set(rows[0]) >= {"id", "feed", "title", "url", "published", "read", "saved", "tags"}
    assert rows[0]["published"].endswith("Z") and rows[0]["tags"] == ["iran"]
    shown = json.loads(newsdesk("--config", config, "show", str(rows[0]["id"]), "--json").stdout)
    assert shown["body_source"] == "page" and "delegation had arrived" in shown["body"]
    assert "\n\n" in shown["body"] and "cookies" not in shown["body"]
    assert shown["author"] is None or isinstance(shown["author"], str)


def test_triage_commands_and_queries(server: LocalServer, tmp_path: Path) -> None:
    url = server.add("/a.xml", body=rss(_items(server, "a", 3)))
    config = str(write_config(tmp_path, [("Alpha", url)]))
    assert newsdesk("--config", config, "fetch", "--no-extract").returncode == 0
    ids = [json.loads(x)["id"] for x in newsdesk("--config", config, "list", "--json").stdout.split("\n") if x]
    assert newsdesk("--config", config, "save", str(ids[0])).returncode == 0
    assert newsdesk("--config", config, "tag", str(ids[1]), "--add", "shoigu").returncode == 0
    assert newsdesk("--config", config, "read", str(ids[2])).returncode == 0
    def ids_for(query: str) -> list[int]:
        out = newsdesk("--config", config, "list", query, "--json").stdout
        return [json.loads(x)["id"] for x in out.splitlines()]
    assert ids_for("is:saved") == [ids[0]]
    assert ids_for("+shoigu") == [ids[1]]
    assert ids_for("is:unread") == ids[:2]
    searched = newsdesk("--config", config, "search", "-is:read", "--json").stdout
    assert [json.loads(x)["id"] for x in searched.splitlines()] == ids[:2]
    bad = newsdesk("--config", config, "list", 'feed:"unclosed')
    assert bad.returncode == 2 and "column" in bad.stderr and "Traceback" not in bad.stderr


def test_exit_codes_and_messages(tmp_path: Path) -> None:
    missing = newsdesk("--config", str(tmp_path / "none.toml"), "list")
    assert missing.returncode == 2 and "no such file" in missing.stderr
    config = str(write_config(tmp_path, []))
    empty = newsdesk("--config", config, "fetch")
    assert empty.returncode == 2 and f"no feeds: add [[feed]] tables to {config}" in empty.stderr
    unknown = newsdesk("--config", config, "show", "99")
    assert unknown.returncode == 1 and "no article with id 99" in unknown.stderr
    usage = newsdesk("frobnicate")
    assert usage.returncode == 2
    for result in (missing, empty, unknown, usage):
        assert "Traceback" not in result.stderr


def test_fetch_reports_failures_but_exits_0(server: LocalServer, tmp_path: Path) -> None:
    good = server.add("/g.xml", body=rss(_items(server, "g", 1)))
    config = str(write_config(tmp_path, [("Good", good), ("Bad", server.url("/missing.xml"))]))
    result = newsdesk("--config", config, "fetch", "--json", "--no-extract")
    assert result.returncode == 0
    summary = json.loads(result.stdout)
    assert summary["feeds_ok"] == 1 and summary["feeds_failed"] == 1
    assert summary["errors"][0]["feed"] == "Bad" and "404" in summary["errors"][0]["error"]
    feeds = json.loads(newsdesk("--config", config, "feeds", "--json").stdout)
    assert {f["name"]: f["failures"] for f in feeds} == {"Good": 0, "Bad": 1}
    plain = newsdesk("--config", config, "fetch", "--no-extract")
    assert "1 failed" in plain.stdout and "Bad:" in plain.stdout


def test_terminal_progress_says_when_articles_are_readable(capsys) -> None:  # type: ignore[no-untyped-def]
    """Analysis follows storing and may take a while on a big first fetch: the terminal is told
    the articles can be read already."""
    from tui.cli.progress import progress_reporter
    from tui.core.refresh.events import Progress, Stored

    with progress_reporter(True) as on_event:
        on_event(Progress(1, 1, "feeds"))
        on_event(Stored(3))
        on_event(Progress(3, 3, "analyse"))
    assert "3 new articles stored and searchable; finding actors and links" in capsys.readouterr().err
