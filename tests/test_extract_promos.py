# ruff: noqa: RUF001  (Cyrillic, Arabic, Persian, Hebrew and Turkish are the point here)
"""Boilerplate inside the article body on our in-body site (tests/inbody_site.py): "Live:"
tickers, app and podcast promos, Telegram and WhatsApp channel promos in Persian, Hebrew,
Arabic and Turkish, cross-link labels, a shouted VIDEO label and a gallery's counters
(promos.py). Each stayed in the body, and its names became the article's actors; sentences
that only look like them stay."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import one_page_article
from tests.httpserver import LocalServer
from tests.inbody_site import PAGES, page_html
from tests.test_extract_teasers import PARAS, body_with
from tui.core.ingest.extract import clean_lines, extract_page


@pytest.mark.parametrize("lang", list(PAGES))
@pytest.mark.parametrize("spread", [True, False])
def test_in_body_boilerplate_leaves(lang: str, spread: bool) -> None:
    paras, inserts = PAGES[lang]
    body = extract_page(page_html(lang, spread), f"http://127.0.0.1/{lang}.html",
                        "text/html; charset=utf-8").body
    assert [line for line in body.split("\n\n") if line in paras] == paras, body
    leaks = [trace for _, trace in inserts if trace in body]
    assert not leaks, body


KEPT = [  # the article's own sentences, near each promo's shape
    "Live coverage of the trial was banned by the court in Ankara.",
    "Live: the word on the banner outside the stadium was painted over.",
    "Download speeds fell across Iran after the messaging app was blocked.",
    "Officials said the app had been downloaded two million times in Tehran.",
    "Hamas urged its supporters to join its Telegram channel after the ban.",
    "Скачать приложение в России стало сложнее после блокировки, сообщили пользователи.",
    "Он сказал, что слушает подкасты на Spotify каждый день.",
    "سپاه از هواداران خواست به کانال تلگرام آن بپیوندند.",
    "חיילים הצטרפו לערוץ הטלגרם של הצבא בשבוע שעבר.",
    "تابع المحققون حسابات على تلغرام مرتبطة بالهجوم.",
    "Bakan, uygulamanın indirilmesinin yasaklandığını söyledi.",
    "Also on Tuesday, the minister met the Omani envoy in Muscat.",
    "Video shows the strike hit a school, residents said.",
    "2/3 of the parliament voted for the bill on Sunday.",
    "Photo agencies were barred from the hearing, the court said.",
    "Canlı yayında konuşan bakan, görüşmelerin süreceğini söyledi.",
    "Также на сайте министерства опубликовано заявление о переговорах.",
]


def test_sentences_like_them_are_kept() -> None:
    assert clean_lines("\n".join(KEPT)).split("\n\n") == KEPT


@pytest.mark.parametrize(("lang", "absent"), [
    ("en", {"hezbollah", "benjamin-netanyahu", "recep-tayyip-erdogan"}),
    ("ru", {"masoud-pezeshkian", "lebanon"}),
    ("tr", {"benjamin-netanyahu", "lebanon"}),
])
def test_promos_names_are_not_the_articles_actors(server: LocalServer, tmp_path: Path,
                                                  lang: str, absent: set[str]) -> None:
    """Through a real refresh (loopback server, SQLite cache): the article keeps its own
    paragraphs, and the ticker's and teasers' names are not its actors."""
    article, actors = one_page_article(server, tmp_path, page_html(lang),
                                       "text/html; charset=utf-8")
    assert all(p in article.body for p in PAGES[lang][0])
    assert not actors & absent, actors


REPEATS = {  # a pull quote repeating a sentence of the story, and a gallery's caption list
    "pull quote": "<blockquote class='pullquote'><p>“The talks had been constructive and would "
                  "continue next week”</p></blockquote>",
    "pull quote, lower case": "<p class='pull-quote'>“the talks had been constructive and would "
                              "continue next week”</p>",
    "pull quote, no marks": "<blockquote><p>The talks had been constructive and would continue "
                            "next week</p></blockquote>",
    "gallery captions": "<div class='gallery'><ul><li><img src='a.jpg'><p>Khamenei greets "
                        "Pezeshkian in Tehran</p></li><li><img src='b.jpg'><p>Crowds gather "
                        "outside the parliament</p></li></ul></div>",
}


@pytest.mark.parametrize("name", list(REPEATS))
def test_pull_quotes_and_gallery_captions_leave(name: str) -> None:
    body = body_with([REPEATS[name]])
    assert body.split("\n\n")[-len(PARAS):] == PARAS, body
    assert body.count("constructive and would continue") == 1 and "Khamenei" not in body, body


def test_what_only_looks_repeated_stays() -> None:
    """A short line whose words a paragraph holds, and a list with one item unpictured."""
    short = "<p>The talks had been constructive</p>"
    listed = ("<ul><li><img src='flag.png'> Oman hosted the first round</li><li>Qatar hosted "
              "the second round of the talks</li></ul>")
    body = body_with([short, listed])
    assert "The talks had been constructive" in body.split("\n\n"), body
    assert "Qatar hosted the second round of the talks" in body and "Oman hosted" in body, body
