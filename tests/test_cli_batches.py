"""What a cron script is told: a fetch that read no feed exits 1 (`fetch && digest` builds no
digest from stale data), with the way to start the demo when its site is not served; a batch
of ids with some gone does the others and names the gone ones, exit 1. Real `newsdesk`
processes on a real cache, fed by a loopback server."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer
from tests.test_cli_probes import newsdesk, one_line


def test_a_fetch_that_reads_no_feed_exits_1(server: LocalServer, tmp_path: Path) -> None:
    config = str(write_config(tmp_path, [("A", server.url("/gone-a.xml")),
                                         ("B", server.url("/gone-b.xml"))]))
    result = newsdesk("--config", config, "fetch")
    assert result.returncode == 1, result.stderr
    assert "0 feeds ok (0 unchanged), 2 failed" in result.stdout
    assert result.stderr == "newsdesk: no feed could be read (2 feeds failed)\n"
    assert newsdesk("--config", config, "fetch", "--json").returncode == 1


def test_unchanged_feeds_count_as_read(server: LocalServer, tmp_path: Path) -> None:
    url = server.add("/a.xml", body=rss([{"title": "One", "guid": "g1"}]), etag='"v1"')
    config = str(write_config(tmp_path, [{"name": "A", "url": url, "extract": False},
                                         ("B", server.url("/gone.xml"))]))
    assert newsdesk("--config", config, "fetch").returncode == 0
    again = newsdesk("--config", config, "fetch")  # A: 304, B: 404
    assert again.returncode == 0 and "1 feed ok (1 unchanged)" in again.stdout


def test_the_demo_config_with_no_demo_running_says_how_to_start_it(tmp_path: Path) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = str(write_config(tmp_path, [
        ("Levant Ledger", f"http://127.0.0.1:{port}/levant-ledger/feed.xml"),
        ("Gulf Dispatch", f"http://127.0.0.1:{port}/gulf-dispatch/feed.xml")]))
    result = newsdesk("--config", config, "fetch")
    assert result.returncode == 1
    assert "the demo site is served only while the demo runs" in result.stderr
    assert f"`newsdesk demo --fetch-only --dir {tmp_path}` fetches it" in result.stderr


def test_own_loopback_feeds_that_refuse_are_not_called_the_demo(tmp_path: Path) -> None:
    """A local bridge or site of one's own (`/tass/feed.xml` on 127.0.0.1) that is down is
    a failed feed, not the demo: no advice to run `newsdesk demo` in the user's folder."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = str(write_config(tmp_path, [
        ("TASS", f"http://127.0.0.1:{port}/tass/feed.xml"),
        ("IRNA", f"http://127.0.0.1:{port}/irna/feed.xml")]))
    result = newsdesk("--config", config, "fetch")
    assert result.returncode == 1
    assert "demo" not in result.stderr, result.stderr
    assert "no feed could be read (2 feeds failed)" in result.stderr


@pytest.fixture
def cache(server: LocalServer, tmp_path: Path) -> str:
    """Articles 1..3, unread, untagged."""
    items = [{"title": f"Item {i}", "guid": f"g{i}", "description": f"text {i}"} for i in range(3)]
    url = server.add("/a.xml", body=rss(items), headers={"Content-Type": "application/xml"})
    config = str(write_config(tmp_path, [{"name": "A", "url": url, "extract": False}]))
    assert newsdesk("--config", config, "fetch").returncode == 0
    return config


def _flags(config: str, flag: str) -> dict[int, bool]:
    rows = newsdesk("--config", config, "list", "--json").stdout.splitlines()
    return {r["id"]: r[flag] for r in map(json.loads, rows)}


@pytest.mark.parametrize(("command", "flag"), [("read", "read"), ("save", "saved")])
def test_a_batch_with_a_gone_id_does_the_others_and_names_it(cache: str, command: str,
                                                             flag: str) -> None:
    result = newsdesk("--config", cache, command, "2", "3", "99999")
    assert (result.returncode, result.stdout) == (1, "")
    done = "marked read" if command == "read" else "saved"  # said first, as tag says it
    assert result.stderr.splitlines() == [f"newsdesk: 2 articles {done}",
                                          "newsdesk: no article with id 99999 (done for the "
                                          "other 2)"]
    assert _flags(cache, flag) == {1: False, 2: True, 3: True}


def test_a_batch_of_gone_ids_changes_nothing_and_says_so(cache: str) -> None:
    one_line(newsdesk("--config", cache, "read", "99998", "99999"), 1,
             "no article with ids 99998, 99999 (nothing changed)")


def test_tag_with_a_gone_id_tags_the_others(cache: str) -> None:
    result = newsdesk("--config", cache, "tag", "2", "99999", "--add", "zz")
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr.splitlines() == ["newsdesk: 1 article tagged 'zz'",  # what was done
                                          "newsdesk: no article with id 99999 (done for the "
                                          "other one)"]
    rows = newsdesk("--config", cache, "list", "tag:zz", "--json").stdout.splitlines()
    assert [json.loads(r)["id"] for r in rows] == [2]
