"""Role phrases, unlisted people, places and media as scripts see them: fetched from a loopback
feed by a real `newsdesk` process, asked with `list` and `show --json`. Text is our own."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.httpserver import LocalServer
from tests.test_cli import fetched_feed, listed_titles, newsdesk

ITEMS = [
    {"title": "Russia's defence minister tours the Kursk front",
     "description": "Russia's defence minister visited units near the border, the TASS news "
                    "agency reported, citing spokesman Ivo Examplov.",
     "pubDate": "Fri, 10 Jan 2025 09:00:00 +0300"},
    {"title": "A security failure in the heart of Tehran",
     "description": "Investigators were questioning guards on Thursday.",
     "pubDate": "Thu, 01 Aug 2024 09:00:00 +0330"},
    {"title": "Harvest festival opens in a quiet valley",
     "description": "Farmers showed their apples.",
     "pubDate": "Thu, 01 Aug 2024 10:00:00 +0000"},
]


@pytest.fixture
def config(server: LocalServer, tmp_path: Path) -> str:
    return fetched_feed(server, tmp_path, ITEMS)


def test_role_unlisted_place_and_media(config: str) -> None:
    minister = ITEMS[0]["title"]
    assert listed_titles(config, "actor:belousov") == [minister]  # named only by the office
    assert listed_titles(config, "actor:shoigu") == []  # he held it until May 2024
    assert listed_titles(config, "actor:tass") == [minister]
    assert listed_titles(config, "place:iran") == [ITEMS[1]["title"]]  # "Tehran"
    assert listed_titles(config, "country:russia") == [minister]  # "Russia's", "Kursk"
    assert listed_titles(config, "-place:russia -place:iran") == [ITEMS[2]["title"]]

    [row] = [json.loads(line) for line in newsdesk(
        "--config", config, "list", "actor:belousov", "--json").stdout.splitlines()]
    shown = json.loads(newsdesk("--config", config, "show", str(row["id"]), "--json").stdout)
    actors = {a["id"]: a for a in shown["actors"]}
    assert actors["andrei-belousov"]["listed"] is True
    assert {"office": "ru-defence-minister", "text": "Russia's defence minister"} in \
        actors["andrei-belousov"]["roles"]
    assert actors["tass"]["kind"] == "media"
    assert actors["ivo-examplov"] == {
        "id": "ivo-examplov", "name": "Ivo Examplov", "kind": "person", "aliases": [],
        "count": 1, "listed": False, "description": "spokesman"}


def test_an_unknown_place_is_said(config: str) -> None:
    listed = newsdesk("--config", config, "list", "place:Atlantis")
    assert listed.returncode == 0 and listed.stdout == ""
    assert "no known place is called 'Atlantis'" in listed.stderr
