# ruff: noqa: RUF001, RUF002  (Cyrillic and Hebrew letters are the point here)
"""Russian text sent in KOI8-R or windows-1251 by a server (or a document) that says utf-8:
it reads right, or says its letters may be wrong; never a confident wrong charset.

A short KOI8-R page read as windows-1255 (Hebrew points, "לֱ׳ֿׂ׳" for "Лавров") and was
said to be "sent in windows-1255": every reading had no chaos, and web frequency chose."""

from __future__ import annotations

import pytest

from tui.core.ingest.charset import decode

LONG = (
    "Министр иностранных дел России Сергей Лавров заявил в четверг, что Москва готова к "
    "переговорам с Киевом, однако условия остаются прежними."
)
SHORT = "Лавров: Москва готова к переговорам"


def page(text: str) -> str:
    return f'<html><head><meta charset="utf-8"></head><body><p>{text}</p></body></html>'


def feed(text: str) -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Лента'
        f"</title><item><title>{text}</title><description>{text}</description></item>"
        "</channel></rss>"
    )


@pytest.mark.parametrize("codec", ["koi8_r", "cp1251"])
@pytest.mark.parametrize("shape", [page, feed])
@pytest.mark.parametrize("text", [LONG, SHORT, "Путин провёл совещание"])
def test_russian_said_to_be_utf8_reads_right_or_says_it_may_not(codec, shape, text) -> None:
    decoded = decode(shape(text).encode(codec), "text/html; charset=utf-8")
    assert decoded.note is not None  # never passed off as what it said
    if text in decoded.text:
        assert decoded.how in ("guessed", "unsure")
    else:
        assert decoded.how == "unsure", (decoded.encoding, decoded.note)
        assert "may be wrong" in decoded.note


def test_short_koi8r_page_is_read_as_koi8r_not_hebrew() -> None:
    decoded = decode(page(SHORT).encode("koi8_r"), "text/html; charset=utf-8")
    assert SHORT in decoded.text
    assert decoded.note == "sent in KOI8-R although it says utf-8; decoded as KOI8-R"


def test_a_tie_between_readings_is_said() -> None:
    decoded = decode(page(SHORT).encode("cp1251"), "text/html; charset=utf-8")
    assert decoded.how == "unsure" and SHORT in decoded.text  # windows-1253 reads as well
    assert decoded.note == (
        "not in utf-8, the charset it says; decoded as windows-1251, but "
        "other charsets fit as well: its letters may be wrong"
    )
