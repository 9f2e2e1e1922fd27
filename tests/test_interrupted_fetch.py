"""A fetch interrupted (Ctrl-C) after its articles were stored, while actors and links were
being made: the CLI says the next fetch finishes them, and it does, even with nothing new."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import rss
from tests.httpserver import LocalServer
from tests.test_cli import newsdesk
from tests.test_refresh import open_desk
from tui.cli.commands.refresh import interrupted
from tui.core.refresh.events import RefreshEvent, Stored


def test_the_next_fetch_finishes_actors_and_links(server: LocalServer, tmp_path: Path) -> None:
    items = [{"title": f"Shoigu visits the front, day {i}", "guid": f"g{i}",
              "link": f"http://127.0.0.1/{i}", "pubDate": f"Mon, 05 Aug 2024 1{i}:00:00 GMT",
              "description": "Sergei Shoigu met commanders."} for i in range(3)]
    url = server.add("/feed.xml", body=rss(items), etag='"v1"')
    stored: list[Stored] = []

    def ctrl_c_once_stored(event: RefreshEvent) -> None:
        if isinstance(event, Stored):
            stored.append(event)
            raise KeyboardInterrupt  # where the terminal's Ctrl-C lands during analysis

    with open_desk(tmp_path, [("Wire", url)], settings="extract = false") as desk:
        with pytest.raises(KeyboardInterrupt):
            desk.refresh(on_event=ctrl_c_once_stored)
        assert desk.count("") == 3 and desk.count("actor:shoigu") == 0  # what the user saw
        config = str(desk.config.path)
        actors = newsdesk("--config", config, "actors")
        assert (actors.stdout, actors.stderr) == ("", (
            "newsdesk: actors and links of 3 articles are not made yet (a fetch was "
            "interrupted): `newsdesk fetch` makes them\n"))
        assert interrupted(stored[0]) == ("3 new articles stored and searchable; the next "
                                          "fetch finishes actors and links")
        summary = desk.refresh()
        assert summary.not_modified == 1 and summary.new_articles == 0
        assert desk.count("actor:shoigu") == 3
        assert [actor.id for actor, _ in desk.top_actors(days=None)][:1] == ["sergei-shoigu"]
