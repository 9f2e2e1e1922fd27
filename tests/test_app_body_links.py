"""The reader shows the links an article's text cites, as newsboat does: a dim `[n]` after the
linked words and the numbered list at the end; `O` and a number opens link n in the browser
(a script here, recording what it was given). Actor highlights stay on their names."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer
from tests.test_app_support import SIZE, main, make_app, settle, status, until
from tests.test_body_links import CITING, SECOND, page
from tui.app.widgets.reader_text import article_text
from tui.core.config.loader import load_config
from tui.core.desk import Desk
from tui.core.models import Article, ArticleActor, BodyLink, utcnow

REPORT = "https://example.org/report-1"
KREMLIN = "http://en.kremlin.ru/events/president/transcripts/1"


def test_actor_highlights_stay_on_their_names_after_a_marker() -> None:
    body = "See the full report 1 by Sergei Shoigu, and the Kremlin's text."
    end = body.index(" by")
    start = body.index("Sergei")
    article = Article(id=1, title="Talks", url=None, feed="Wire", published=utcnow(),
                      read=False, saved=False, dismissed=False, tags=(), author=None, body=body,
                      body_source="page", summary=None, lang="en", feeds=("Wire",),
                      links=(BodyLink(REPORT, (end,)), BodyLink(KREMLIN, (body.index("'s"),))))
    shoigu = ArticleActor("sergei-shoigu", "Sergei Shoigu", "person", "", (), 1,
                          (("body", start, start + len("Sergei Shoigu")),))
    _, text = article_text(article, [shoigu])
    assert text.plain.startswith("See the full report 1[1] by Sergei Shoigu, and the "
                                 "Kremlin[2]'s text.\n\nLinks (O and the number opens one):\n"
                                 f"[1] {REPORT}\n[2] {KREMLIN}")
    styled = {text.plain[s.start:s.end]: str(s.style) for s in text.spans}
    assert styled["Sergei Shoigu"] == "underline"
    assert styled["[1]"] == styled["[2]"] == "dim"


@pytest.fixture
def cache(server: LocalServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    link = server.add("/world/talks.html", body=page(CITING, SECOND),
                      headers={"Content-Type": "text/html; charset=utf-8"})
    feed = server.add("/feed.xml", body=rss([
        {"title": "Talks in Tehran", "link": link, "guid": link, "description": "Talks.",
         "pubDate": "Fri, 10 Jan 2025 09:00:00 +0000"},
        {"title": "No links here", "link": "http://127.0.0.1:9/none", "guid": "n",
         "description": "A summary only.", "pubDate": "Fri, 10 Jan 2025 08:00:00 +0000"}]))
    path = write_config(tmp_path, [("Wire", feed)])
    with Desk.open(load_config(path)) as desk:
        desk.refresh()
    record = tmp_path / "opened"
    script = tmp_path / "gui-browser"
    script.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" >> {record}\n', encoding="utf-8")
    script.chmod(0o755)
    monkeypatch.setenv("DISPLAY", ":99")  # a graphical session: not a console browser
    config = load_config(path)
    return config.replace(settings=config.settings.replace(
        browser=f"{script} %u")), record


async def test_the_reader_shows_markers_and_list_and_o_opens_link_n(cache: Any) -> None:
    config, record = cache
    with Desk.open(config) as desk:
        app = make_app(desk, config)
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, lambda: main(app).articles.current is not None)
            await pilot.press("enter")
            reader = main(app).reader
            await until(pilot, lambda: reader.article is not None)
            shown = str(reader.query_one("#reader-body").render())
            assert "see the full report 1[1] and the Kremlin transcript at kremlin.ru[2]" in shown
            assert f"[1] {REPORT}\n[2] {KREMLIN}\n[3] " in shown

            await pilot.press("O")
            await pilot.pause()
            await pilot.press("9", "enter")
            await until(pilot, lambda: "no link [9]" in status(app))
            assert "cites 3 links, [1] to [3]" in status(app)

            await pilot.press("O")
            await pilot.pause()
            await pilot.press("2", "enter")
            await settle(pilot)
            deadline = time.monotonic() + 10
            while not (record.exists() and record.read_text()) and time.monotonic() < deadline:
                await pilot.pause(0.05)
            assert record.read_text(encoding="utf-8").splitlines() == [KREMLIN]

            await pilot.press("q", "j")  # the other article: its text cites nothing
            await pilot.press("O")
            await until(pilot, lambda: "cites no links in its text" in status(app))
