"""`actors`, `stories`, `tags` and `related ID` with nothing to print say why on stderr, as
`list` does (they printed nothing at all); stdout stays empty for scripts."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import write_config
from tests.httpserver import LocalServer
from tests.test_cli import fetched_feed, newsdesk


def said(config: str, *args: str) -> str:
    result = newsdesk("--config", config, *args)
    assert result.returncode == 0 and result.stdout == "", result
    return result.stderr


def test_an_empty_cache_says_fetch(tmp_path: Path) -> None:
    config = str(write_config(tmp_path, [("Wire", "http://127.0.0.1:9/feed.xml")]))
    fetch = (f"newsdesk: no articles yet: `newsdesk fetch` downloads the feed in "
             f"{tmp_path / 'feeds.toml'}\n")
    assert said(config, "actors") == said(config, "stories") == fetch
    assert said(config, "tags").startswith("newsdesk: no tags yet: `newsdesk tag ID --add TAG`")


def test_nothing_found_is_said(server: LocalServer, tmp_path: Path) -> None:
    config = fetched_feed(server, tmp_path, [{"title": "Weather in the valley",
                                              "description": "Rain all week."}])
    [row] = [json.loads(line) for line in
             newsdesk("--config", config, "list", "--json").stdout.splitlines()]
    assert said(config, "actors") == "newsdesk: no known actor is named in the articles\n"
    assert said(config, "actors", "--days", "1") == \
        "newsdesk: no known actor is named in the articles in the last 1 day\n"
    assert said(config, "stories") == ("newsdesk: no stories yet: a story is one event "
                                       "covered by several articles\n")
    assert said(config, "related", str(row["id"])) == \
        f"newsdesk: no other coverage of article {row['id']}'s event was found\n"
    listed = newsdesk("--config", config, "actors", "--json")  # the data, and why on stderr
    assert (listed.stdout, listed.stderr) == ("[]\n", "newsdesk: no known actor is named in "
                                                       "the articles\n")
