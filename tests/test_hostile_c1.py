# ruff: noqa: RUF001, RUF002  (Cyrillic, Arabic and typographic quotes are the point here)
"""Single-byte C1 escape sequences and variation selectors, through a real refresh (loopback
server, SQLite, extracted pages).

A CSI written as one byte (0x9B) or character (U+009B) left its "31m" in titles and bodies: the
control went, its parameters stayed. As bytes in a Latin-1, windows-1252 or UTF-8 feed, as
UTF-8's C2 9B, as `&#x9b;`, and in an article page, the whole sequence goes now. What looks
like one stays: "31m" in prose, windows-1252's curly quotes (0x93/0x94), its "›" before a word,
and mojibake whose 0x9B is half a letter ("ě" read as Latin-1).

A variation selector between two letters split a name for the actors and search; in emoji
sequences it spells the emoji and stays."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import actors_by_title, write_config
from tests.httpserver import LocalServer
from tui.core.config.loader import load_config
from tui.core.desk import Desk
from tui.core.text.sanitize import clean_line, clean_text

HOSTILE = [  # (declared charset, title bytes as sent)
    ("iso-8859-1", b"Red \x9b31mAlert\x9b0m over Kazan"),
    ("windows-1252", b"Red \x9b1;31mAlert\x9b0m over Kazan"),
    ("utf-8", b"Red \x9b31mAlert\x9b0m over Kazan"),  # raw bytes that are no UTF-8
    ("utf-8", b"Red \xc2\x9b31mAlert\xc2\x9b0m over Kazan"),
    ("utf-8", b"Red &#x9b;31mAlert&#155;0m over Kazan"),
    ("utf-8", b"Red \xc2\x9d0;owned\x07Alert over Kazan"),  # an OSC title write
    ("utf-8", b"Red &amp;#x9b;31mAlert&amp;#155;0m over Kazan"),  # escaped HTML's reference
]


def _feed(declared: str, items: list[tuple[bytes, bytes, str]]) -> bytes:
    out = [f'<?xml version="1.0" encoding="{declared}"?><rss version="2.0"><channel>'
           "<title>Wire</title><link>http://127.0.0.1/</link><description>d</description>"
           .encode()]
    for title, text, link in items:
        out.append(b"<item><title>" + title + b"</title><guid>" + link.encode() + b"</guid>"
                   b"<link>" + link.encode() + b"</link><description>" + text
                   + b"</description></item>")
    return b"".join(out) + b"</channel></rss>"


def _stored(server: LocalServer, tmp_path: Path, feeds: list[tuple[str, str]],
            extract: bool = False) -> dict[str, str]:
    """Each stored article's title -> its body (or summary)."""
    settings = "" if extract else "extract = false"
    config = load_config(write_config(tmp_path, feeds, settings=settings))
    with Desk.open(config) as desk:
        desk.refresh()
        out = {}
        for i in desk.ids():
            article = desk.article(i)
            assert article is not None
            out[article.title] = article.body or article.summary or ""
    return out


@pytest.mark.parametrize(("declared", "title"), HOSTILE,
                         ids=["latin1", "cp1252", "utf8-raw", "utf8-c2", "reference", "osc",
                              "escaped-reference"])
def test_c1_sequences_leave_no_trace(server: LocalServer, tmp_path: Path, declared: str,
                                     title: bytes) -> None:
    url = server.add("/feed.xml", body=_feed(declared, [(title, title, "http://127.0.0.1/1")]))
    stored = _stored(server, tmp_path, [("Wire", url)])
    assert stored == {"Red Alert over Kazan": "Red Alert over Kazan"}


def test_look_alikes_stay(server: LocalServer, tmp_path: Path) -> None:
    """A real '31m', curly quotes from 0x93/0x94, '›' before a word (a breadcrumb) and a
    Czech 'ě' whose UTF-8 was read as windows-1252 and sent on in UTF-8 ('Ä›')."""
    items = [(b"A 31m-dollar deal in Baku", b"Worth 31m."),
             (b"He said \x93no\x94 in Ankara", b"\x93No\x94, he said."),
             (b"Home \x9bWorld \x9bTehran", b"Section \x9bAbout"),
             ("Děkuji, Prague".encode().replace(b"\xc4\x9b", b"\xc3\x84\xc2\x9b"), b"Plain.")]
    url = server.add("/cp.xml", body=_feed("windows-1252", [
        (t, d, f"http://127.0.0.1/{n}") for n, (t, d) in enumerate(items[:3])]))
    url2 = server.add("/u8.xml", body=_feed("utf-8", [(items[3][0], items[3][1],
                                                        "http://127.0.0.1/9")]))
    stored = _stored(server, tmp_path, [("Wire", url), ("Prague", url2)])
    assert stored["A 31m-dollar deal in Baku"] == "Worth 31m."
    assert stored["He said “no” in Ankara"] == "“No”, he said."
    assert stored["Home ›World ›Tehran"] == "Section ›About"
    assert stored["Děkuji, Prague"] == "Plain."


@pytest.mark.parametrize(("declared", "title"), [
    ("iso-8859-1", b"Red Caf\xe9\x9b31m over Kazan"),
    ("windows-1252", b"Red Caf\xe9\x9b1;31m over Kazan"),
    ("utf-8", b"Red Caf\xc3\xa9\xc2\x9b31m over Kazan")], ids=["latin1", "cp1252", "utf8-c2"])
def test_a_sequence_after_a_latin1_letter_goes(server: LocalServer, tmp_path: Path,
                                               declared: str, title: bytes) -> None:
    """After a high byte the 0x9B was kept for the mojibake repair, so 'Café' kept its
    '31m': an 'é' (E9, a three-byte UTF-8 lead with no continuation) ends no UTF-8
    character with it, and the whole sequence goes."""
    url = server.add("/feed.xml", body=_feed(declared, [(title, title, "http://127.0.0.1/1")]))
    stored = _stored(server, tmp_path, [("Wire", url)])
    assert stored == {"Red Café over Kazan": "Red Café over Kazan"}


def test_mojibake_whose_last_byte_is_0x9b_is_repaired(server: LocalServer,
                                                      tmp_path: Path) -> None:
    """Text double-encoded upstream (UTF-8 read as Latin-1, sent on in UTF-8), whose
    character ends in 0x9B before what looks like a CSI's parameter: Serbian 'ћ' (D1 9B)
    before '; N', the reversed quote '‛' (E2 80 9B) before '90s'. Repaired, not cut."""
    titles = ["Поноћ; NATO talks in Belgrade", "Tehran in the ‛90s, remembered"]
    items = [(t.encode().decode("latin-1").encode(), b"Plain.", f"http://127.0.0.1/{n}")
             for n, t in enumerate(titles)]
    url = server.add("/feed.xml", body=_feed("utf-8", items))
    stored = _stored(server, tmp_path, [("Wire", url)])
    assert sorted(stored) == sorted(titles)


def test_a_page_loses_its_c1_sequences(server: LocalServer, tmp_path: Path) -> None:
    """An article page in windows-1252 with raw 0x9B sequences, and one in UTF-8 with U+009B
    and an OSC: the extracted bodies keep their words only."""
    para = b"<p>The envoy arrived in Tehran on Monday for talks on the corridor and trade.</p>"
    hostile = (b"<p>Officials said \x9b31mthe talks\x9b0m would resume in Baku next week.</p>")
    for path, charset, bad in (("/p1", "windows-1252", hostile),
                               ("/p2", "utf-8", hostile.replace(b"\x9b", b"\xc2\x9b")
                                + b"<p>Aides said \xc2\x9d52;c;SGk=\x07nothing more on it.</p>")):
        page = (b"<html><head><meta charset=\"" + charset.encode() + b"\"><title>Talks</title>"
                b"</head><body><article><h1>Talks</h1>" + para * 3 + bad + para
                + b"</article></body></html>")
        server.add(path, body=page, headers={"Content-Type": "text/html"})
    url = server.add("/feed.xml", body=_feed("utf-8", [
        (b"Talks one", b"Short.", server.url("/p1")), (b"Talks two", b"Short.", server.url("/p2"))]))
    stored = _stored(server, tmp_path, [("Wire", url)], extract=True)
    for title in ("Talks one", "Talks two"):
        body = stored[title]
        assert "Officials said the talks would resume in Baku" in body, body
        assert "31m" not in body and "0m" not in body and "SGk" not in body, body


def test_variation_selectors_inside_words(server: LocalServer, tmp_path: Path) -> None:
    """A selector inside a Latin, Cyrillic, Hebrew or Arabic word hid the actor; the stored
    title loses it and the actor is found. Emoji keep theirs."""
    titles = {"Pezes\ufe0fhkian meets Putin": "masoud-pezeshkian",
              "Netan\U000e0100yahu in Washington": "benjamin-netanyahu",
              "Шой\ufe0eгу прибыл в Тегеран": "sergei-shoigu",
              "بزش\ufe00كيان يلتقي بوتين": "masoud-pezeshkian"}
    items = [(t.encode(), t.encode(), f"http://127.0.0.1/{n}") for n, t in enumerate(titles)]
    url = server.add("/feed.xml", body=_feed("utf-8", items))
    config = load_config(write_config(tmp_path, [("Wire", url)], settings="extract = false"))
    found, searched = actors_by_title(config, "Pezeshkian")
    for title, actor in titles.items():
        stored = "".join(c for c in title if not (0xFE00 <= ord(c) <= 0xFE0F
                                                  or 0xE0100 <= ord(c) <= 0xE01EF))
        assert actor in found.get(stored, set()), (title, found)
    assert searched == 1


def test_emoji_keep_their_selectors() -> None:
    for kept in ("Fans in Tehran \u2764\ufe0f the team", "1\ufe0f\u20e3 first item",
                 "\U0001f1ee\U0001f1f7 Iran plays", "Note \u270d\ufe0f signed",
                 "葛\U000e0100 city", "Kazan\u2764\ufe0f"):
        assert clean_line(kept) == kept, kept
    assert clean_text("Pezes\ufe0fhkian\n\nsaid \u2764\ufe0f") == "Pezeshkian\n\nsaid \u2764\ufe0f"


def test_a_utf16_feed_and_page_lose_a_sequence_after_a_latin1_letter(
        server: LocalServer, tmp_path: Path) -> None:
    """UTF-16 is decoded whole (c1.strip_bytes reads byte-oriented charsets only), so its
    U+009B reaches the sanitizer as text: after 'é', ftfy made it windows-1252's '›' before
    the C1 rule ran, and 'Café›31m' was stored, in the title and in the page's body."""
    title = "Red Café\x9b31m over Kazan"
    doc = _feed("utf-16", [(title.encode("utf-8"), title.encode("utf-8"),
                            server.url("/p16"))]).decode("utf-8").encode("utf-16")
    para = "<p>The envoy arrived in Tehran on Monday for talks on the corridor and trade.</p>"
    page = ("<html><head><title>Talks</title></head><body><article><h1>Talks</h1>" + para * 3
            + "<p>Officials at the Café\x9b31m said the talks would resume in Baku.</p>" + para
            + "</article></body></html>").encode("utf-16")
    server.add("/p16", body=page, headers={"Content-Type": "text/html; charset=utf-16"})
    url = server.add("/feed.xml", body=doc, headers={"Content-Type": "application/rss+xml"})
    stored = _stored(server, tmp_path, [("Wire", url)], extract=True)
    assert list(stored) == ["Red Café over Kazan"]
    body = stored["Red Café over Kazan"]
    assert "Officials at the Café said the talks" in body and "31m" not in body, body
