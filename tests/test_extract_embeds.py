# ruff: noqa: RUF001  (Cyrillic, Arabic and Persian are the point here)
"""Embedded posts, update stamps and other stories' cards inside an article's body
(body_noise.py): an embedded tweet, Instagram or Telegram post is someone else's words, and a
card's summary under its linked headline another story's, whose names became the article's
actors; an "Updated 12:30 GMT" line is the page's furniture. All leave the body; a paragraph
reporting a post in the article's own words stays. Every line here is our own wording."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import one_page_article
from tests.httpserver import LocalServer
from tests.test_extract_teasers import PARAS, _html, body_with
from tui.core.ingest.extract import clean_lines, extract_page, html_to_text

TWEET = ("<blockquote class='twitter-tweet'><p lang='en' dir='ltr'>Good talks with our Omani "
         "hosts today, more next week <a href='https://t.co/abc'>pic.twitter.com/Xy12AbCd</a>"
         "</p>&mdash; Abbas Araghchi (@araghchi) <a href='https://twitter.com/araghchi/status/1'>"
         "October 3, 2024</a></blockquote>")
EMBEDS = {  # (markup, what may not stay)
    "tweet": (TWEET, "Araghchi"),
    "tweet text": (TWEET, "Good talks with our Omani hosts"),
    "instagram": ("<blockquote class='instagram-media' data-instgrm-permalink='https://www."
                  "instagram.com/p/XYZ/'><p><a href='https://www.instagram.com/p/XYZ/'>A post "
                  "shared by Benjamin Netanyahu (@b.netanyahu)</a></p></blockquote>",
                  "Netanyahu"),
    "telegram": ("<blockquote class='telegram-post' data-telegram-post='somechannel/123'><p>"
                 "Hamas says the Doha talks are stalled over the Philadelphi corridor</p>"
                 "<a href='https://t.me/somechannel/123'>t.me/somechannel/123</a></blockquote>",
                 "Hamas"),
}
CARDS = {  # another story's card: its headline a link, its summary not (our own words)
    "heading link": ("<div><h3><a href='/o/1'>Erdogan hosts Putin in Ankara for gas talks</a>"
                     "</h3><p>Recep Tayyip Erdogan and Vladimir Putin discussed a gas hub and "
                     "grain exports in a three-hour meeting.</p></div>", "Erdogan"),
    "link round heading": ("<div class='story'><a href='/o/2'><h2>Lukashenko hosts Wagner "
                           "fighters in Belarus</h2></a><p>Friday 3 May, 2024</p><p>Alexander "
                           "Lukashenko said the fighters would train his army</p></div>",
                           "Lukashenko"),
    # Headlines that are no heading: a paragraph, or bold text, holding only the link.
    "paragraph link": ("<div class='card'><p><a href='/o/3'>Erdogan hosts Putin in Ankara for "
                       "gas talks</a></p><p>Recep Tayyip Erdogan and Vladimir Putin discussed "
                       "a gas hub in a three-hour meeting.</p></div>", "Erdogan"),
    "bold link in a paragraph": ("<div class='card'><p><strong><a href='/o/4'>Lukashenko hosts "
                                 "Wagner fighters in Belarus</a></strong></p><p>Alexander "
                                 "Lukashenko said the fighters would train his army.</p></div>",
                                 "Lukashenko"),
    "bold link in a heading": ("<div><h3><b><a href='/o/5'>Pashinyan freezes Armenia's CSTO "
                               "role</a></b></h3><p>Nikol Pashinyan said Yerevan would stop "
                               "paying its share of the bloc's budget.</p></div>", "Pashinyan"),
    "bold link": ("<div class='teaser'><strong><a href='/o/6'>Aliyev visits Moscow after the "
                  "crash</a></strong><p>Ilham Aliyev asked Vladimir Putin to admit the airliner "
                  "was shot down.</p></div>", "Aliyev"),
}
# What stays of a post once its markup is gone (a class stripped by a CMS, a copied page).
LEFTOVERS = {
    "pic link": "Good talks with our Omani hosts today pic.twitter.com/Xy12AbCd",
    "attribution": "— Abbas Araghchi (@araghchi) October 3, 2024",
    "instagram label": "View this post on Instagram",
    "bare post link": "https://t.me/somechannel/123",
}
STAMPS = ["Updated 12:30 GMT", "Last updated: 3 October 2024, 14:05",
          "Published 3 Oct 2024 | Updated 4 Oct 2024 at 9:15 a.m. ET", "Updated 5 mins ago",
          "Обновлено: 3 октября 2024, 14:05", "Опубликовано 12.10.2024 в 14:05 мск",
          "آخر تحديث: 3 أكتوبر 2024 - 14:05", "تاريخ النشر: الخميس 3 أكتوبر 2024",
          "به‌روزرسانی: ۱۲ مهر ۱۴۰۳ - ۱۴:۰۵", "تاریخ انتشار: سه‌شنبه ۱۲ مهر ۱۴۰۳ ساعت ۱۴:۰۵",
          # A live blog's entry stamps, with no label.
          "14:05, 3 октября 2024", "03.10.2024, 14:05", "14:05 GMT, 3 Oct 2024", "14:05 МСК",
          "الساعة 14:05 بتوقيت القدس"]
KEPT = ["In a post on X, the foreign minister wrote that the talks had gone well, a view his "
        "Omani counterpart did not echo.",
        "Hamas said on its Telegram channel that 3 captives had died.",
        "Updated figures show 300 people were killed in the strikes.",
        "Updated on Monday, the ministry's figures show 300 dead",
        "Published in 2019, the report named 12 officials.",
        "Обновлено соглашение 2015 года, сообщил МИД.",
        "14:05 — сирены прозвучали в Хайфе.", "At 14:05 the sirens sounded in Haifa",
        "Update"]


@pytest.mark.parametrize("name", list(EMBEDS))
def test_embedded_posts_leave_the_page_body(name: str) -> None:
    markup, trace = EMBEDS[name]
    body = body_with([markup])
    assert all(p in body for p in PARAS)
    assert trace not in body, body


@pytest.mark.parametrize("name", list(EMBEDS))
def test_embedded_posts_leave_feed_html(name: str) -> None:
    markup, _ = EMBEDS[name]
    text = html_to_text(f"<p>{PARAS[0]}</p>{markup}<p>{PARAS[1]}</p>")
    assert text.split("\n\n") == PARAS[:2]


@pytest.mark.parametrize("name", list(LEFTOVERS))
def test_a_posts_leftover_lines_leave(name: str) -> None:
    assert clean_lines("\n".join([PARAS[0], LEFTOVERS[name], PARAS[1]])).split("\n\n") \
        == PARAS[:2]


def test_the_line_above_a_lone_attribution_stays() -> None:
    """Without its markup, a post's text cannot be told from the article's paragraph above
    the attribution: the paragraph stays (cutting the article's text is the worse harm)."""
    lines = [PARAS[0], "— Abbas Araghchi (@araghchi) October 3, 2024", PARAS[1]]
    assert clean_lines("\n".join(lines)).split("\n\n") == PARAS[:2]


@pytest.mark.parametrize("stamp", STAMPS)
def test_update_stamps_leave(stamp: str) -> None:
    body = body_with([f"<p>{stamp}</p>"])
    assert body.split("\n\n")[-len(PARAS):] == PARAS, body


def test_lines_like_them_are_kept() -> None:
    assert clean_lines("\n".join(KEPT)).split("\n\n") == KEPT


def test_posts_and_cards_names_are_not_the_articles_actors(server: LocalServer,
                                                          tmp_path: Path) -> None:
    inserts = [m for m, _ in EMBEDS.values()] + [m for m, _ in CARDS.values()]
    article, actors = one_page_article(server, tmp_path, _html(inserts),
                                       "text/html; charset=utf-8")
    assert article.body.split("\n\n")[-len(PARAS):] == PARAS
    assert "oman" in actors
    assert not actors & {"abbas-araghchi", "benjamin-netanyahu", "hamas", "recep-tayyip-erdogan",
                         "vladimir-putin", "alexander-lukashenko", "nikol-pashinyan",
                         "ilham-aliyev"}, actors


@pytest.mark.parametrize("name", list(CARDS))
def test_another_storys_card_leaves_whole(name: str) -> None:
    markup, trace = CARDS[name]
    body = body_with(["", markup])
    assert body.split("\n\n")[-len(PARAS):] == PARAS
    assert trace not in body, body


def test_the_articles_own_sections_under_linked_headings_stay() -> None:
    """A linked heading over the article's own section (a box of more than a card's words),
    or over a live blog's entry (a link into the page), heads the article's text."""
    section = ("<section><h3><a href='/topic/oman'>Why Oman hosts the talks</a></h3>"
               + "".join(f"<p>{p}</p>" for p in PARAS) + "</section>")
    entry = ("<div class='entry'><h3><a href='#e1'>12:30 Envoys leave the palace</a></h3><p>"
             "The Iranian envoy left the palace in Muscat after four hours of talks.</p></div>")
    page = ("<!doctype html><html><head><meta charset='utf-8'><title>Talks</title></head><body>"
            f"<article><h1>Talks</h1>{section}{entry}</article></body></html>").encode()
    body = extract_page(page, "http://127.0.0.1/a", "text/html; charset=utf-8").body
    assert all(p in body for p in PARAS)
    assert "The Iranian envoy left the palace in Muscat after four hours of talks." in body


def test_paragraphs_round_links_in_the_articles_text_stay() -> None:
    """A paragraph that is only a link, in the article's own text, and a short box whose first
    paragraph holds a link among its own words: neither is a card, so what follows stays."""
    own = ("<div class='quote'><p>The ministry <a href='/o/7'>published the statement</a> in "
           "full on Tuesday.</p><p>Oman's foreign minister said the talks would resume.</p>"
           "</div>")
    lone = "<p><strong><a href='/doc/1'>The full text of the joint statement</a></strong></p>"
    body = body_with([lone, own])
    assert all(p in body for p in PARAS)
    assert "Oman's foreign minister said the talks would resume." in body


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le"])
def test_embedded_posts_leave_a_utf16_page(codec: str) -> None:
    """The embeds' cheap look searched the page's bytes for ASCII, which UTF-16 has none of."""
    page = _html(["", TWEET]).decode().replace("charset='utf-8'", "charset='utf-16'")
    raw = page.encode(codec)
    body = extract_page(raw, "http://127.0.0.1/a", "text/html; charset=utf-16").body
    assert body.split("\n\n")[-len(PARAS):] == PARAS
    assert "Araghchi" not in body, body
