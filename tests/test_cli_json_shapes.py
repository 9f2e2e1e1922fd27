"""The README's "JSON for scripts" lists every `--json` shape a script reads: each command's
keys there are the keys it prints, so a key added, renamed or dropped shows here before a
user's jq filter finds it. Real `newsdesk` processes on a copy of the demo cache, and for
`fetch` a loopback feed."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import REPO, rss, write_config
from tests.httpserver import LocalServer
from tests.test_app_support import copy_demo
from tests.test_cli import newsdesk


def documented() -> dict[str, list[str]]:
    """{"list": [...], "show links": [...], ...} from the README's list of keys (the keys in
    a bullet's parenthesis are the ones only some objects have)."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    part = text.split("### JSON for scripts", 1)[1].split("\n#", 1)[0]
    keys: dict[str, list[str]] = {}
    for line in re.finditer(r"^- `([a-z]+)`( [a-z]+)?: (.*)$", part, re.M):
        name, listed = line[1] + (line[2] or ""), line[3].split("(")[0]
        those = re.match(r"those of `([a-z]+)`, and ", listed)  # show: list's, and more
        keys[name] = (keys[those[1]] if those else []) + \
            re.findall(r"`([a-z_]+)`", listed[those.end() if those else 0:])
    return keys


SOMETIMES = {"show actors": {"description", "roles"}}  # the README's parenthesis


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> str:
    config = str(copy_demo(tmp_path_factory.mktemp("demo")))
    assert newsdesk("--config", config, "save", "1", "2").returncode == 0
    assert newsdesk("--config", config, "tag", "1", "--add", "dossier").returncode == 0
    return config


def run_json(config: str, *args: str) -> object:
    result = newsdesk("--config", config, *args)
    assert result.returncode == 0, result.stderr
    if args[0] == "list":
        return [json.loads(line) for line in result.stdout.splitlines()]
    return json.loads(result.stdout)


def in_story_article(config: str) -> int:
    stories = run_json(config, "stories", "--json")
    assert isinstance(stories, list)
    return int(max(max(s["articles"]) for s in stories))


def test_every_command_prints_the_keys_the_readme_lists(demo: str) -> None:
    docs = documented()
    linked = str(in_story_article(demo))
    everything = run_json(demo, "export", "is:read OR is:unread", "--format", "json")
    assert isinstance(everything, list)
    with_links = next(a["id"] for a in everything if a["links"])
    shown = run_json(demo, "show", str(with_links), "--json")
    assert isinstance(shown, dict)
    outputs: dict[str, list[object]] = {
        "list": run_json(demo, "list", "--json", "--limit", "3"),  # type: ignore[dict-item]
        "show": [shown],
        "show links": shown["links"],
        "show actors": shown["actors"],
        "related": run_json(demo, "related", linked, "--json"),  # type: ignore[dict-item]
        "stories": run_json(demo, "stories", "--json"),  # type: ignore[dict-item]
        "actors": run_json(demo, "actors", "--json"),  # type: ignore[dict-item]
        "feeds": run_json(demo, "feeds", "--json"),  # type: ignore[dict-item]
        "tags": run_json(demo, "tags", "--json"),  # type: ignore[dict-item]
        "export": run_json(demo, "export", "--format", "json"),  # type: ignore[dict-item]
    }
    assert set(docs) == {*outputs, "fetch"}, docs
    for name, objects in outputs.items():
        assert objects, name
        for obj in objects:
            assert isinstance(obj, dict)
            assert set(obj) - SOMETIMES.get(name, set()) == set(docs[name]), (name, list(obj))


def test_fetch_json_has_the_readme_keys(server: LocalServer, tmp_path: Path) -> None:
    url = server.add("/a.xml", body=rss([{"title": "Item", "guid": "g1"}]),
                     headers={"Content-Type": "application/xml"})
    config = str(write_config(tmp_path, [{"name": "A", "url": url, "extract": False}]))
    summary = run_json(config, "fetch", "--json")
    assert isinstance(summary, dict)
    assert set(summary) == set(documented()["fetch"])


def test_related_says_its_strength_in_json_as_in_text(demo: str) -> None:
    """The text led each item with `same story`, `likely` or `maybe`; JSON gave only the
    score, so a script had to know the 0.5 threshold and the story rule."""
    linked = str(in_story_article(demo))
    items = run_json(demo, "related", linked, "--json", "--limit", "0")
    assert isinstance(items, list) and items
    for item in items:
        want = "same story" if item["in_story"] else \
            "likely" if item["score"] >= 0.5 else "maybe"
        assert item["strength"] == want, item
    assert any(item["strength"] == "same story" for item in items)


@pytest.mark.parametrize("command", ["show", "related", "stories", "actors", "feeds", "tags"])
def test_help_says_what_json_and_id_are(command: str, tmp_path: Path) -> None:
    """`newsdesk show --help` listed `id` and `--json` with no word on either."""
    config = str(write_config(tmp_path, [("A", "http://127.0.0.1:9/a.xml")]))
    text = newsdesk("--config", config, command, "--help").stdout
    assert re.search(r"^  --json[ \t]+\S", text, re.M), text
    if command in ("show", "related"):
        assert re.search(r"^  id[ \t]+an article id", text, re.M), text


def test_fetch_json_names_the_new_articles(server: LocalServer, tmp_path: Path) -> None:
    """A cron script mailing what arrived had only a count (`new_articles`): `since:` goes by
    the articles' own dates, and is:unread by what the reader did meanwhile."""
    items = [{"title": f"Item {i}", "guid": f"g{i}"} for i in range(2)]
    url = server.add("/a.xml", body=rss(items), headers={"Content-Type": "application/xml"})
    config = str(write_config(tmp_path, [{"name": "A", "url": url, "extract": False}]))
    first = run_json(config, "fetch", "--json")
    assert isinstance(first, dict)
    listed = run_json(config, "list", "--json")
    assert isinstance(listed, list)
    assert first["new_ids"] == sorted(a["id"] for a in listed) and first["new_articles"] == 2
    server.add("/a.xml", body=rss([*items, {"title": "Item 2", "guid": "g2"}]),
               headers={"Content-Type": "application/xml"})
    second = run_json(config, "fetch", "--json")
    assert isinstance(second, dict) and len(second["new_ids"]) == 1
    shown = run_json(config, "show", str(second["new_ids"][0]), "--json")
    assert isinstance(shown, dict) and shown["title"] == "Item 2"
