# ruff: noqa: RUF001  (Arabic, Persian and Cyrillic are the point here)
"""Feeds whose charset label is wrong or missing read as the same decoder reads pages, and
the feed says so in plain words when the charset had to be guessed.

The fixtures are our own sentences; each is encoded the way a misconfigured server sends it.
"""

from __future__ import annotations

import pytest

from tui.core.ingest.charset import decode
from tui.core.ingest.extract import decode_html
from tui.core.ingest.parse import parse_feed

ARABIC = "نبيه بري يستقبل وفدا ايرانيا في بيروت"
ARABIC_TEXT = "قال رئيس مجلس النواب إن لبنان يرحب بالوفد الإيراني في بيروت."
# Persian letters cp1256 has (پ ک گ چ ژ); it lacks the Persian yeh, so ي stands in for it.
PERSIAN = "پزشکيان در مسکو با پوتين ديدار کرد و گفتگوها ادامه دارد"
RUSSIAN = "Шойгу провёл переговоры в Тегеране"
RUSSIAN_TEXT = "Министр встретился с коллегами в Иране и обсудил транспортный коридор."
LATIN = "Erdoğan’s “visit” to Zürich — déjà vu for the café owners"


def _rss(title: str, text: str, declaration: str | None = "utf-8") -> str:
    head = f'<?xml version="1.0" encoding="{declaration}"?>' if declaration else ""
    return (f'{head}<rss version="2.0"><channel><title>{title}</title><link>http://x/</link>'
            f"<description>d</description><item><title>{title}</title><guid>g1</guid>"
            "<link>http://127.0.0.1/a/1</link><pubDate>Fri, 04 Dec 2026 07:00:00 GMT</pubDate>"
            f"<description>{text}</description></item></channel></rss>")


CASES = [  # (id, feed text, bytes' codec, XML declaration, Content-Type, what the note says)
    ("arabic-says-utf8-text-xml", ARABIC, "cp1256", "utf-8", "text/xml",
     "sent in windows-1256 although it says utf-8; decoded as windows-1256"),
    ("arabic-says-utf8-rss-xml", ARABIC, "cp1256", "utf-8", "application/rss+xml",
     "sent in windows-1256 although it says utf-8; decoded as windows-1256"),
    ("arabic-says-nothing", ARABIC, "cp1256", None, "application/rss+xml",
     "sent in windows-1256 without saying so; decoded as windows-1256 (a guess)"),
    ("persian-says-utf8", PERSIAN, "cp1256", "utf-8", "application/rss+xml",
     "sent in windows-1256 although it says utf-8; decoded as windows-1256"),
    ("russian-says-utf8", RUSSIAN, "cp1251", "utf-8", "application/rss+xml; charset=utf-8",
     "sent in windows-1251 although it says utf-8; decoded as windows-1251"),
    ("russian-says-nothing", RUSSIAN, "cp1251", None, "text/xml",
     "sent in windows-1251 without saying so; decoded as windows-1251 (a guess)"),
    ("russian-koi8", RUSSIAN, "koi8_r", None, "application/rss+xml",
     "sent in KOI8-R without saying so; decoded as KOI8-R (a guess)"),
    ("utf8-said-latin1", LATIN, "utf-8", "iso-8859-1", "application/rss+xml; charset=iso-8859-1",
     None),  # valid UTF-8 is certain: nothing guessed, nothing to say
    ("arabic-said-right", ARABIC, "cp1256", "windows-1256", "text/xml", None),
]


@pytest.mark.parametrize(("title", "codec", "declaration", "content_type", "note"),
                         [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_mislabelled_feeds_read_right(title: str, codec: str, declaration: str | None,
                                      content_type: str, note: str | None) -> None:
    text = RUSSIAN_TEXT if codec in ("cp1251", "koi8_r") else ARABIC_TEXT
    raw = _rss(title, text if codec != "utf-8" else "Plain words.", declaration).encode(codec)
    parsed = parse_feed(raw, {"content-type": content_type}, "http://127.0.0.1/feed.xml")
    assert parsed.error is None
    assert (parsed.title, parsed.entries[0].title) == (title, title)
    assert parsed.warning == note


@pytest.mark.parametrize(("title", "codec"), [(ARABIC, "cp1256"), (PERSIAN, "cp1256"),
                                              (RUSSIAN, "cp1251"), (RUSSIAN, "koi8_r")],
                         ids=["arabic", "persian", "russian-cp1251", "russian-koi8"])
def test_feeds_and_pages_decide_alike(title: str, codec: str) -> None:
    """One decoder: a page and a feed with the same bytes and labels read the same."""
    raw = _rss(title, title, "utf-8").encode(codec)
    assert title in decode_html(raw, "text/html")
    assert title in decode(raw, "application/rss+xml").text
    assert parse_feed(raw, {"content-type": "text/xml"}, "http://x/f").entries[0].title == title


def test_declared_but_unknown_charset_and_valid_utf8_says_nothing() -> None:
    raw = _rss(RUSSIAN, RUSSIAN_TEXT).encode("utf-8")
    parsed = parse_feed(raw, {"content-type": "application/rss+xml; charset=klingon-8"},
                        "http://x/f")
    assert parsed.entries[0].title == RUSSIAN and parsed.warning is None


def test_utf8_feed_served_as_text_xml_has_no_warning() -> None:
    """text/xml without a charset is us-ascii to feedparser, which then complained of a
    "CharacterEncodingOverride" on a UTF-8 feed served so."""
    raw = _rss(RUSSIAN, RUSSIAN_TEXT).encode("utf-8")
    for fast in (True, False):
        parsed = parse_feed(raw, {"content-type": "text/xml"}, "http://x/f", fast=fast)
        assert (parsed.entries[0].title, parsed.warning) == (RUSSIAN, None)
