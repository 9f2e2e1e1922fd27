"""The links an article's text cites: found in its page, numbered, kept beside the body (never
in it: search, actors and linking read the text as before), printed by `show`, in `show --json`
and in every export format, and read from the cached pages by `reextract`. Our own pages."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer
from tests.test_cli import newsdesk
from tui.core.bodylinks import marked
from tui.core.config.loader import load_config
from tui.core.desk import Desk
from tui.core.ingest.extract import extract_page
from tui.core.ingest.links import MAX_BODY_LINKS
from tui.core.models import BodyLink
from tui.core.refresh.pool import extract_worker
from tui.core.store.db import connect

PAGE_URL = "https://news.example/world/talks.html"
CITING = ('Sergei Shoigu arrived in Tehran on Monday, officials said; see the '
          '<a href="https://example.org/report-1">full report 1</a> and the Kremlin transcript at '
          '<a href="http://en.kremlin.ru/events/president/transcripts/1">kremlin.ru</a> for what '
          'was agreed during the two days of talks.')
SECOND = ('The ministry\'s <a href="/statements/7">statement</a> repeated it, and the '
          '<a href="https://example.org/report-1">same report</a> gives the figures for the '
          'year. Nothing was said <a href="mailto:desk@news.example">by mail</a>, in '
          '<a href="javascript:void(0)">a script</a> or <a href="#notes">on this page</a>.')


def page(*paragraphs: str, head: str = "") -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return ("<html><head><title>Talks in Tehran</title>" + head + "</head><body>"
            '<nav><ul><li><a href="/world">World</a></li><li><a href="/about">About the '
            'desk and its editors</a></li></ul></nav>'
            "<article><h1>Talks in Tehran</h1>" + body
            + '<p>Read more: <a href="/other">Another story about the talks in Tehran</a></p>'
            "</article><footer><a href='https://social.example/desk'>Follow the desk</a>"
            "</footer></body></html>").encode()


def ends(body: str, link: BodyLink, *words: str) -> bool:
    """Whether the link's markers go right after these words, in this order."""
    return len(link.at) == len(words) and all(
        body[:a].endswith(w) for a, w in zip(link.at, words, strict=True))


def test_links_are_placed_after_their_words_numbered_once_each() -> None:
    found = extract_worker(page(CITING, SECOND), PAGE_URL, "text/html")
    assert "Read more" not in found.body and "Follow" not in found.body
    urls = [link.url for link in found.links]
    assert urls == ["https://example.org/report-1",
                    "http://en.kremlin.ru/events/president/transcripts/1",
                    "https://news.example/statements/7"]  # resolved against the page
    report, kremlin, statement = found.links
    assert ends(found.body, report, "full report 1", "the same report")  # one number, twice
    assert ends(found.body, kremlin, "transcript at kremlin.ru")
    assert ends(found.body, statement, "ministry's statement")
    shown = marked(found.body, found.links).text
    assert "full report 1[1] and the Kremlin transcript at kremlin.ru[2] for" in shown
    assert "statement[3] repeated it, and the same report[1] gives" in shown
    assert "by mail or" not in shown and "by mail in" not in shown  # no marker, no link


def test_a_base_href_resolves_and_the_list_is_capped() -> None:
    many = " ".join(f'see <a href="doc-{n}">document number {n}</a>,' for n in range(70))
    annex = f"The annex lists them all: {many} and more."
    found = extract_page(page(CITING, annex), PAGE_URL, "text/html")
    assert len(found.links) == MAX_BODY_LINKS  # the first 50 the text cites
    assert found.links[2].url == "https://news.example/world/doc-0"  # against the page
    assert found.links[-1].url == "https://news.example/world/doc-47"
    based = extract_page(page(CITING, annex, head='<base href="https://archive.example/a/">'),
                         PAGE_URL, "text/html")
    assert based.links[2].url == "https://archive.example/a/doc-0"


def test_a_link_whose_words_are_cut_by_markup_still_lands_after_its_words() -> None:
    found = extract_worker(page('Officials cited <a href="https://example.org/a"><em>the '
                                'agreement</em> text</a>, signed in Moscow last year by both '
                                'sides after months of talks.', CITING), PAGE_URL, "text/html")
    assert ends(found.body, found.links[0], "cited the agreement text")


@pytest.fixture
def fetched(server: LocalServer, tmp_path: Path) -> tuple[Path, int]:
    link = server.add("/world/talks.html", body=page(CITING, SECOND),
                      headers={"Content-Type": "text/html; charset=utf-8"})
    feed = server.add("/feed.xml", body=rss([{"title": "Talks in Tehran", "link": link,
                                              "guid": link, "description": "Talks."}]))
    config = write_config(tmp_path, [("Wire", feed)])
    with Desk.open(load_config(config)) as desk:
        desk.refresh()
        [row] = desk.articles("")
    return config, row.id


def test_links_stay_out_of_the_text_search_and_actors_read(fetched: tuple[Path, int]) -> None:
    config, article_id = fetched
    with Desk.open(load_config(config)) as desk:
        article = desk.article(article_id)
        assert article is not None and len(article.links) == 3
        assert "example.org" not in article.body and "[1]" not in article.body
        assert desk.count("example") == 0 and desk.count("kremlin") == 1  # the word, not the URL
        assert desk.count('"report 1"') == 1
        spans = {a.id: a.spans for a in desk.actors_of(article_id)}
        start = article.body.index("Sergei Shoigu")
        assert ("body", start, start + len("Sergei Shoigu")) in spans["sergei-shoigu"]


def test_show_prints_the_markers_and_the_list_and_json_has_them(
        fetched: tuple[Path, int]) -> None:
    config, article_id = fetched
    shown = newsdesk("--config", str(config), "show", str(article_id))
    assert shown.returncode == 0, shown.stderr
    assert "see the full report 1[1] and the Kremlin transcript at kremlin.ru[2]" in shown.stdout
    assert shown.stdout.endswith(
        "\n\nLinks:\n[1] https://example.org/report-1\n"
        "[2] http://en.kremlin.ru/events/president/transcripts/1\n"
        "[3] http://127.0.0.1:" + shown.stdout.split("[3] http://127.0.0.1:")[1])
    assert shown.stdout.rstrip().endswith("/statements/7")
    data = json.loads(newsdesk("--config", str(config), "show", str(article_id), "--json").stdout)
    assert [(n["number"], n["url"]) for n in data["links"]][:2] == [
        (1, "https://example.org/report-1"),
        (2, "http://en.kremlin.ru/events/president/transcripts/1")]
    first = data["links"][0]["offsets"][0]
    assert data["body"][:first].endswith("full report 1") and "[1]" not in data["body"]


def test_every_export_format_keeps_the_links(fetched: tuple[Path, int]) -> None:
    config, _ = fetched
    query = "feed:Wire"
    md = newsdesk("--config", str(config), "export", query, "--format", "md").stdout
    assert r"full report 1\[1\] and the Kremlin transcript at kremlin.ru\[2\]" in md
    assert r"\[1\] <https://example.org/report-1>" in md
    page_html = newsdesk("--config", str(config), "export", query, "--format", "html").stdout
    assert "full report 1[1] and" in page_html
    assert ('<li value="2"><a href="http://en.kremlin.ru/events/president/transcripts/1" '
            'rel="noopener noreferrer">') in page_html
    [record] = json.loads(newsdesk("--config", str(config), "export", query,
                                   "--format", "json").stdout)
    assert record["links"][0] == {"number": 1, "url": "https://example.org/report-1",
                                  "offsets": data_offsets(record["body"], "full report 1")}


def data_offsets(body: str, words: str) -> list[int]:
    return [body.index(words) + len(words), body.index("same report") + len("same report")]


def test_reextract_gives_an_older_cache_its_links(fetched: tuple[Path, int]) -> None:
    """Pages stored before links were kept have none until `newsdesk reextract` reads them
    from the raw pages; the text is unchanged, so nothing is analysed again."""
    config, article_id = fetched
    db = Path(config).parent / "cache" / "newsdesk.sqlite3"
    conn = connect(db)
    with conn:
        conn.execute("UPDATE articles SET body_links = NULL")
    conn.close()
    shown = newsdesk("--config", str(config), "show", str(article_id))
    assert "[1]" not in shown.stdout and "Links:" not in shown.stdout
    done = newsdesk("--config", str(config), "reextract")
    assert done.returncode == 0, done.stderr
    assert "Links:\n[1] https://example.org/report-1" in newsdesk(
        "--config", str(config), "show", str(article_id)).stdout
    plain = sqlite3.connect(db)
    assert plain.execute("SELECT analysed FROM articles").fetchone()[0] == 1
    plain.close()


def test_the_migration_adds_the_column_to_an_older_cache(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    connect(path, migrate_to=11).close()
    conn = connect(path)
    columns = {row[1] for row in conn.execute("PRAGMA table_info(articles)")}
    assert "body_links" in columns
    conn.close()
