# ruff: noqa: RUF001  (Cyrillic, Arabic, Persian and Hebrew are the point here)
"""A podcast box inside an article: its label, the episode's title and a listen call. The
call alone left (promos.py), its title stayed in the body and its names became the article's
actors. The article's own sentences about podcasts stay. Every line here is our own."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import one_page_article
from tests.httpserver import LocalServer
from tests.test_extract_teasers import PARAS, _html, body_with
from tui.core.ingest.extract import clean_lines

BOXES = {  # markup after the first paragraph, a trace of it that may not stay
    "label, title, call": ("<div class='podcast'><p>PODCAST</p><p>The Gulf Briefing: why Oman "
                           "keeps carrying messages between Tehran and Washington</p><p>Listen "
                           "on Apple Podcasts, Spotify or wherever you get your podcasts.</p>"
                           "</div>", "Oman keeps"),
    "named label": ("<div><p>The Gulf Briefing podcast</p><p>Why Oman keeps carrying messages "
                    "between Tehran and Washington</p><p>Subscribe: Apple Podcasts | Spotify"
                    "</p></div>", "Oman keeps"),
    "call, then title": ("<div><p>Слушайте подкаст «Итоги недели»</p><p>Шойгу в Тегеране: что "
                         "обсуждали</p></div>", "Шойгу"),
    "title, then call": ("<div><p>Episode 42: Erdogan, Assad and the road to Damascus</p><p>"
                         "Listen now</p></div>", "Erdogan"),
    "shouted label": ("<p><b>PODCAST</b> Netanyahu and the hostage talks, with our Jerusalem "
                      "correspondent</p>", "Netanyahu"),
    "listen label": "<p>🎧 Listen | Netanyahu and the hostage talks</p>",
    "ru label": ("<p>Подкаст: Шойгу в Тегеране, что обсуждали</p>", "Шойгу"),
    "ar label": ("<p>بودكاست | نتنياهو ومفاوضات الأسرى</p>", "نتنياهو"),
    "fa label": ("<p>پادکست: سفر شویگو به تهران</p>", "شویگو"),
    "he label": ("<p>פודקאסט: נתניהו והחטופים</p>", "נתניהו"),
}


@pytest.mark.parametrize("name", list(BOXES))
def test_podcast_boxes_leave(name: str) -> None:
    box = BOXES[name]
    markup, trace = box if isinstance(box, tuple) else (box, "Netanyahu")
    body = body_with([markup])
    assert body.split("\n\n")[-len(PARAS):] == PARAS and trace not in body, body


KEPT = [
    "The podcast host was arrested in Tehran on Monday, his lawyer said.",
    "Why the podcast matters",
    "Listen to the minister's speech in full below.",
    "Podcasts have become a way around the censors in Iran",
    "Iran's podcast boom",
    "Его подкаст слушают в Казани и Москве.",
]


def test_lines_about_podcasts_stay() -> None:
    """Look-alikes: the article's sentences and headings about podcasts, one after another."""
    assert clean_lines("\n".join(KEPT)).split("\n\n") == KEPT


def test_a_box_title_is_no_actor(server: LocalServer, tmp_path: Path) -> None:
    """Through a real refresh (loopback server, SQLite cache): the box's names are not the
    article's actors, its own paragraphs stay."""
    article, actors = one_page_article(server, tmp_path, _html([BOXES["call, then title"][0]]),
                                       "text/html; charset=utf-8")
    assert all(p in article.body for p in PARAS)
    assert "sergei-shoigu" not in actors, actors
