"""The ingest issue's "done when", end to end through the CLI on the bundled demo site.

`newsdesk --config X fetch`, then `list --json` and `show --json` return every demo article with
a clean body: the article's own paragraphs, none of the page's boilerplate.
"""

from __future__ import annotations

import json
import sqlite3
import time
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
        if article.feed_only:
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
    db = next((Path(config).parent / "cache").glob("*.sqlite3"))

    def snapshot() -> tuple[list[str], list[str]]:
        """The cache's whole content, apart from when each feed was last checked."""
        conn = sqlite3.connect(db)
        try:
            rows = list(conn.iterdump())
            stamps = [r[0] for r in conn.execute("SELECT last_ok FROM feeds ORDER BY id")]
        finally:
            conn.close()
        return [r for r in rows if not r.startswith('INSERT INTO "feeds"')], stamps

    (before, _stamps), started = snapshot(), time.time()
    summary = json.loads(newsdesk("--config", config, "fetch", "--json").stdout)
    assert summary["not_modified"] == len(SITE.outlets) and summary["new_articles"] == 0
    after, checked = snapshot()
    assert after == before  # nothing but the feeds' check stamps written
    assert all(c >= time.strftime("%Y-%m-%dT%H:%M", time.gmtime(started)) for c in checked)


def test_shoigu_visit_shows_actors(fetched: tuple[DemoServer, str]) -> None:
    _, config = fetched
    rows = [json.loads(x) for x in newsdesk("--config", config, "list", "--json",
                                            "actor:shoigu", "tehran").stdout.splitlines()]
    assert rows, "the Tehran visit is found by actor and word"
    shown = json.loads(newsdesk("--config", config, "show", str(rows[-1]["id"]), "--json").stdout)
    names = {a["id"] for a in shown["actors"]}
    assert {"sergei-shoigu", "masoud-pezeshkian"} <= names


def _id_of(config: str, title_words: str) -> int:
    rows = [json.loads(x) for x in newsdesk("--config", config, "list", "--json", "--limit", "0",
                                            f"title:{title_words}").stdout.splitlines()]
    assert len(rows) == 1, title_words
    return int(rows[0]["id"])


def test_related_and_stories_from_the_cli(fetched: tuple[DemoServer, str]) -> None:
    _, config = fetched
    report = _id_of(config, '"Shoigu lands in Tehran"')
    analysis = _id_of(config, '"strategic partner"')
    pyongyang = _id_of(config, '"Shoigu meets Kim Jong Un"')
    related = json.loads(newsdesk("--config", config, "related", str(report), "--json").stdout)
    ids = [r["id"] for r in related]
    assert analysis in ids and pyongyang not in ids
    assert all(set(r) >= {"id", "title", "feed", "score", "reasons"} for r in related)
    assert "Shoigu" in related[0]["reasons"]
    stories = json.loads(newsdesk("--config", config, "stories", "--json").stdout)
    tehran = next(s for s in stories if report in s["articles"])
    assert analysis in tehran["articles"] and pyongyang not in tehran["articles"]
    listed = newsdesk("--config", config, "list", f"story:{tehran['id']}", "--json").stdout
    assert {json.loads(x)["id"] for x in listed.splitlines()} == set(tehran["articles"])
    shown = json.loads(newsdesk("--config", config, "show", str(report), "--json").stdout)
    assert shown["story"]["id"] == tehran["id"]


def test_actors_export_and_opml_round_trip(fetched: tuple[DemoServer, str],
                                           tmp_path: Path) -> None:
    _, config = fetched
    actors = json.loads(newsdesk("--config", config, "actors", "--json", "--limit", "100").stdout)
    assert {"sergei-shoigu", "masoud-pezeshkian", "hamas"} <= {a["id"] for a in actors}
    report = _id_of(config, '"Shoigu lands in Tehran"')
    assert newsdesk("--config", config, "save", str(report)).returncode == 0
    dossier = newsdesk("--config", config, "export", "--format", "md").stdout
    assert "Shoigu lands in Tehran" in dossier and "Sergei Shoigu" in dossier
    opml = tmp_path / "feeds.opml"
    assert newsdesk("--config", config, "export-opml", "-o", str(opml)).returncode == 0
    fresh = tmp_path / "fresh.toml"
    fresh.write_text('[settings]\ncache_dir = "c"\n')
    imported = newsdesk("--config", str(fresh), "import-opml", str(opml))
    assert imported.returncode == 0, imported.stderr
    feeds = json.loads(newsdesk("--config", str(fresh), "feeds", "--json").stdout)
    assert len(feeds) == len(SITE.outlets)
    again = newsdesk("--config", str(fresh), "import-opml", str(opml))
    assert "0 new feeds" in again.stdout
