# ruff: noqa: RUF001  (Arabic and Russian text is the point here)
"""State bodies named by description, as scripts see them: fetched from a loopback feed by a
real `newsdesk` process, found with `actor:` and shown by `show --json`. Text is our own."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.httpserver import LocalServer
from tests.test_cli import fetched_feed, newsdesk

ITEMS = [
    {"title": "Jordan's interior ministry closes a border crossing",
     "description": "The crossing will stay shut for a week, the interior ministry said.",
     "pubDate": "Fri, 10 Jan 2025 09:00:00 +0200"},
    {"title": "МИД Иордании вызвал посла",
     "description": "Министерство иностранных дел Иордании сообщило о встрече.",
     "pubDate": "Fri, 10 Jan 2025 10:00:00 +0300"},
    {"title": "The ministry said the talks went well",
     "description": "Officials met on Thursday.",
     "pubDate": "Fri, 10 Jan 2025 11:00:00 +0000"},
]


@pytest.fixture
def config(server: LocalServer, tmp_path: Path) -> str:
    return fetched_feed(server, tmp_path, ITEMS)


def rows(config: str, query: str) -> list[dict]:  # type: ignore[type-arg]
    listed = newsdesk("--config", config, "list", query, "--json")
    assert listed.returncode == 0, listed.stderr
    return [json.loads(line) for line in listed.stdout.splitlines()]


def test_a_body_named_by_description_is_an_actor(config: str) -> None:
    assert [r["title"] for r in rows(config, "actor:jordan-interior-ministry")] == [
        ITEMS[0]["title"]]
    assert [r["title"] for r in rows(config, "actor:jordan-foreign-ministry")] == [
        ITEMS[1]["title"]]
    assert [r["title"] for r in rows(config, "actor:jordan")] == [
        ITEMS[1]["title"], ITEMS[0]["title"]]  # the state acts through its bodies
    [row] = rows(config, "actor:jordan-interior-ministry")
    shown = json.loads(newsdesk("--config", config, "show", str(row["id"]), "--json").stdout)
    actors = {a["id"]: a for a in shown["actors"]}
    body = actors["jordan-interior-ministry"]
    assert body["listed"] is True and body["kind"] == "org"
    assert body["name"] == "Jordanian Interior Ministry"
    [other] = rows(config, "actor:jordan-foreign-ministry")
    shown = json.loads(newsdesk("--config", config, "show", str(other["id"]), "--json").stdout)
    assert "russia-foreign-ministry" not in {a["id"] for a in shown["actors"]}


def test_a_ministry_without_its_state_is_nothing(config: str) -> None:
    [row] = [r for r in rows(config, "") if r["title"] == ITEMS[2]["title"]]
    shown = json.loads(newsdesk("--config", config, "show", str(row["id"]), "--json").stdout)
    assert [a for a in shown["actors"] if a["kind"] == "org"] == []
