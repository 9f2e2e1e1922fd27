"""A feed whose redirects go round (A -> B -> A) or never end is told so, naming the
addresses, in `newsdesk fetch`, `feeds --json` (the app's feed error line reads the same
`last_error`), instead of a bare "more than 5 redirects"."""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path

from tests.conftest import write_config
from tests.httpserver import LocalServer
from tests.test_cli import newsdesk
from tui.core.ingest.fetch import redirect_error


def test_a_redirect_loop_is_named_everywhere(server: LocalServer, tmp_path: Path) -> None:
    a = server.add("/a.xml", status=302, headers={"Location": "/b.xml"})
    server.add("/b.xml", status=301, headers={"Location": a})
    chain = [server.url(f"/{n}.xmlx") for n in "abcdefg"]  # one longer than allowed
    for here, there in pairwise(chain):
        server.add("/" + here.rsplit("/", 1)[1], status=302, headers={"Location": there})
    config = str(write_config(tmp_path, [("Loop", a), ("Long", chain[0])]))
    host = a.split("://")[1].split("/")[0]
    loop = f"redirect loop: {host}/a.xml -> {host}/b.xml -> {host}/a.xml"
    fetched = newsdesk("--config", config, "fetch", "--json", "--no-extract")
    errors = {e["feed"]: e["error"] for e in json.loads(fetched.stdout)["errors"]}
    assert errors["Loop"] == loop
    assert errors["Long"].startswith(f"more than 5 redirects: {host}/a.xmlx -> … -> ")
    feeds = {
        f["name"]: f for f in json.loads(newsdesk("--config", config, "feeds", "--json").stdout)
    }
    assert loop in str(feeds["Loop"]["last_error"])
    plain = newsdesk("--config", config, "fetch", "--no-extract")
    assert loop in plain.stdout


def test_a_loop_is_named_from_its_first_revisit_with_long_addresses_shortened() -> None:
    long = "https://example.org/" + "x" * 200
    said = redirect_error(
        ["http://example.org/a", "http://example.org/b", long, "http://example.org/b"]
    )
    assert said == (
        "redirect loop: example.org/b -> example.org/" + "x" * 47 + "… -> example.org/b"
    )
