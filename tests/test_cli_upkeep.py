"""Upkeep commands say what they did: rename-tag / delete-tag of a tag no article has is a
typo said with the tags it is close to (exit 1), and reextract counts the pages it read again
besides the bodies that changed. Real `newsdesk` processes, a loopback server."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer
from tests.test_cli_probes import newsdesk, one_line
from tests.test_refresh import _items


def test_renaming_or_deleting_a_tag_nobody_has_is_said(server: LocalServer,
                                                        tmp_path: Path) -> None:
    items = [{"title": f"Item {i}", "guid": f"g{i}"} for i in range(2)]
    url = server.add("/a.xml", body=rss(items))
    config = str(write_config(tmp_path, [{"name": "A", "url": url, "extract": False,
                                          "tags": ["iran"]}]))
    assert newsdesk("--config", config, "fetch").returncode == 0
    one_line(newsdesk("--config", config, "rename-tag", "iarn", "iran"), 1,
             "no tag 'iarn' (did you mean 'iran'?)")
    one_line(newsdesk("--config", config, "delete-tag", "shoigu_watch"), 1,
             "no tag 'shoigu_watch' (`newsdesk tags` lists them)")
    renamed = newsdesk("--config", config, "rename-tag", "IRAN", "persia")  # any case
    assert (renamed.returncode, renamed.stdout) == (0, "2 articles retagged\n")
    deleted = newsdesk("--config", config, "delete-tag", "persia")
    assert (deleted.returncode, deleted.stdout) == (0, "tag removed from 2 articles\n")


def test_reextract_counts_the_pages_it_read(server: LocalServer, tmp_path: Path) -> None:
    url = server.add("/a.xml", body=rss(_items(server, "a", 2)))
    config = str(write_config(tmp_path, [("A", url)]))
    assert newsdesk("--config", config, "fetch").returncode == 0
    server.routes.clear()  # offline: only the cached pages
    done = newsdesk("--config", config, "reextract")
    assert (done.returncode, done.stdout) == (0, "2 cached pages read again, 0 bodies changed\n")
