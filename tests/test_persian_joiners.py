# ruff: noqa: RUF001  (Persian text is the point here)
"""Persian's zero-width non-joiner (and the ZWJ) survive page extraction, and a word or name
is found whether a text writes it with the ZWNJ, with a space or joined. Our own page."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer
from tui.core.actors.matcher import Matcher
from tui.core.config.loader import load_config
from tui.core.desk import Desk
from tui.core.ingest.extract import extract_page

ZWNJ, ZWJ = "\u200c", "\u200d"
PRESIDENT = f"رئیس{ZWNJ}جمهور"
LEAD = (f"{PRESIDENT} ایران امروز درباره همکاری{ZWNJ}های اقتصادی و حمل{ZWNJ}و{ZWNJ}نقل "
        f"منطقه{ZWNJ}ای با همتای خود گفت{ZWNJ}و{ZWNJ}گو کرد و گفت این دیدار گامی مهم است.")
SECOND = (f"علی{ZWNJ}اکبر احمدیان، دبیر شورای عالی امنیت ملی، نیز در این دیدار حضور داشت "
          f"و درباره امنیت مرزها سخن گفت. نشان{ZWJ}ها در متن باقی می{ZWNJ}مانند.")
HEADLINE = f"سفر {PRESIDENT} به دوشنبه"


def page(extra: str = "") -> bytes:
    return (f"<html><head><title>{HEADLINE}</title></head><body>"
            f"<nav><a href='/'>خانه</a></nav><article><h1>{HEADLINE}</h1>"
            f"<p>{LEAD}</p><p>{SECOND}{extra}</p></article></body></html>").encode()


def test_page_extraction_keeps_every_joiner() -> None:
    found = extract_page(page(), "https://news.example/fa/1", "text/html; charset=utf-8")
    assert found.error is None
    assert LEAD in found.body and SECOND in found.body
    assert found.body.count(ZWNJ) == (HEADLINE + LEAD + SECOND).count(ZWNJ)  # the h1 too
    assert found.body.count(ZWJ) == 1
    assert found.title == HEADLINE


def test_a_page_that_writes_the_stand_in_letters_keeps_them_and_its_joiners() -> None:
    """The joiners stand in as letters of a dead script while trafilatura runs: a page that
    uses those letters itself keeps its own, and its joiners all the same."""
    phoenician = " \U00010900\U00010901 \U00010300\U00010301"
    found = extract_page(page(phoenician), "https://news.example/fa/2", "text/html")
    assert phoenician.strip() in found.body
    assert found.body.count(ZWNJ) == (HEADLINE + LEAD + SECOND).count(ZWNJ)


def test_names_with_a_zwnj_are_found_written_with_it_a_space_or_joined(
        matcher: Matcher) -> None:
    for name in (f"علی{ZWNJ}اکبر احمدیان", "علی اکبر احمدیان", "علیاکبر احمدیان"):
        found = {m.actor_id for m in matcher.match("", f"{name} در تهران گفت.")}
        assert "ali-akbar-ahmadian" in found, name
    for name in (f"حزب{ZWNJ}الله", "حزب الله", "حزبالله", "وحزبالله"):
        assert {m.actor_id for m in matcher.match("", f"{name} اعلام کرد.")} == {"hezbollah"}


def test_a_fetched_persian_page_is_searchable_with_or_without_the_zwnj(
        server: LocalServer, tmp_path: Path) -> None:
    link = server.add("/fa/1.html", body=page(),
                      headers={"Content-Type": "text/html; charset=utf-8"})
    feed = server.add("/fa.xml", body=rss([{"title": HEADLINE, "link": link, "guid": link,
                                            "description": "خلاصه"}]))
    config = load_config(write_config(tmp_path, [("Persian", feed)]))
    with Desk.open(config) as desk:
        desk.refresh()
        [row] = desk.articles("")
        article = desk.article(row.id)
        assert article is not None and article.body_source == "page"
        assert article.body.count(ZWNJ) == LEAD.count(ZWNJ) + SECOND.count(ZWNJ)
        for query in (PRESIDENT, "رئیسجمهور", "جمهور", f"همکاری{ZWNJ}های", "همکاریهای"):
            assert desk.count(query) == 1, query
        assert "ali-akbar-ahmadian" in {a.id for a in desk.actors_of(row.id)}
