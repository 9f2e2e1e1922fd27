"""The ingest issue's "done when", end to end through the CLI on the bundled demo site.

`newsdesk --config X fetch`, then `list --json` and `show --json` return every demo article with
a clean body: the article's own paragraphs, none of the page's boilerplate.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.test_cli import newsdesk
from tui.demo.server import DemoServer, write_demo_config
from tui.demo.site import boilerplate_texts, load_site, render_page

SITE = load_site()


@pytest.fixture(scope="module")
def fetched(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[DemoServer, str]]:
    with DemoServer() as server:
        config = str(write_demo_config(tmp_path_factory.mktemp("demo"), server))
        result = newsdesk("--config", config, "fetch", "--json")
        assert result.returncode == 0, result.stderr
        summary = json.loads(result.stdout)
        assert summary["feeds_failed"] == 0 and summary["new_articles"] == len(SITE.articles)
        yield server, config


def test_every_demo_article_comes_back_clean(fetched: tuple[DemoServer, str]) -> None:
    server, config = fetched
    rows = [json.loads(x) for x in newsdesk("--config", config, "list", "--json", "--limit", "0")
            .stdout.splitlines()]
    assert len(rows) == len(SITE.articles)
    by_title = {a.title: a for a in SITE.articles}
    for row in rows:
        article = by_title[row["title"]]
        shown = json.loads(newsdesk("--config", config, "show", str(row["id"]), "--json").stdout)
        assert shown["feed"] == SITE.outlet(article.outlet).name
        if article.missing_page:
            assert shown["body_source"] in ("feed-content", "summary")
            continue
        assert shown["body_source"] == "page", row["title"]
        assert shown["body"].split("\n\n") == list(article.paragraphs), row["title"]
        outlet = SITE.outlet(article.outlet)
        page = render_page(SITE, article, server.base_url).decode(outlet.charset)
        own = " ".join(article.paragraphs) + " " + article.title
        for junk in boilerplate_texts(page):
            assert junk in own or junk not in shown["body"], junk


def test_second_fetch_is_all_304(fetched: tuple[DemoServer, str]) -> None:
    _, config = fetched
    cache = Path(config).parent / "cache"

    def snapshot() -> dict[str, str]:
        return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in cache.iterdir()}

    before = snapshot()
    summary = json.loads(newsdesk("--config", config, "fetch", "--json").stdout)
    assert summary["not_modified"] == len(SITE.outlets) and summary["new_articles"] == 0
    assert snapshot() == before  # not one byte written


def test_shoigu_visit_shows_actors(fetched: tuple[DemoServer, str]) -> None:
    _, config = fetched
    rows = [json.loads(x) for x in newsdesk("--config", config, "list", "--json",
                                            "actor:shoigu", "tehran").stdout.splitlines()]
    assert rows, "the Tehran visit is found by actor and word"
    shown = json.loads(newsdesk("--config", config, "show", str(rows[-1]["id"]), "--json").stdout)
    names = {a["id"] for a in shown["actors"]}
    assert {"sergei-shoigu", "masoud-pezeshkian"} <= names
