# ruff: noqa: RUF001  (typographic quotes and Cyrillic are the point here)
"""Mis-decoded text is repaired, never cut: lone C1 characters go one by one, UTF-8 read as
Latin-1 is undone by ftfy, Windows-1251 served as UTF-8 is read as Windows-1251, and good text
from real pages comes through unchanged."""

from __future__ import annotations

import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import SHARED
from tui.core.ingest.charset import decode
from tui.core.ingest.extract import decode_html, extract_page
from tui.core.ingest.parse import parse_feed
from tui.core.text.mojibake import looks_mojibake, repair_markup, repair_text
from tui.core.text.sanitize import clean_line, clean_text

PARAGRAPHS = ["The minister said “no deal” – talks would resume “when conditions allow”.",
              "Officials in Moscow called the statement “premature”; Tehran did not comment.",
              "A third paragraph that must survive, with its ‘single quotes’ and dashes — too."]


def latin1_mojibake(text: str) -> str:
    """What a server that read UTF-8 as Latin-1 (and re-encoded it) sends."""
    return text.encode("utf-8").decode("latin-1")


def test_the_issue_example_keeps_all_three_paragraphs() -> None:
    garbled = "\n\n".join(latin1_mojibake(p) for p in PARAGRAPHS)
    assert "\x9d" in garbled and "\x9c" in garbled  # the C1 codes that used to open "strings"
    assert clean_text(garbled) == "\n\n".join(PARAGRAPHS)


def test_lone_c1_characters_go_one_by_one() -> None:
    # No repair applies here (not a mojibake pair): each control goes, every letter stays.
    assert clean_line("before \x9d after \x90 end \x9f!") == "before after end !"
    assert clean_text("one\x9btwo\n\nthree\x98four") == "onetwo\n\nthreefour"


def test_cyrillic_mojibake_is_repaired() -> None:
    assert clean_line(latin1_mojibake("Президент сказал: «нет»")) == "Президент сказал: «нет»"


def test_escape_sequences_still_take_their_payload() -> None:
    assert clean_line("a\x1b]52;c;cm0gLXJmIH4K\x07b") == "ab"


def _page(paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>Talks</title></head>"
            f"<body><article><h1>Talks</h1>{body}</article></body></html>").encode()


def test_mojibake_page_is_extracted_whole_and_repaired() -> None:
    long = [p + " " + p for p in PARAGRAPHS]  # long enough to count as an article
    page = _page([latin1_mojibake(p) for p in long])
    found = extract_page(page, "http://news.example/talks", "text/html; charset=utf-8")
    assert found.body.endswith("\n\n".join(long)), found.body


def test_cp1251_page_declared_utf8_reads_as_cyrillic() -> None:
    text = ["Президент России заявил журналистам, что переговоры продолжатся на следующей "
            "неделе в Стамбуле при участии турецкой стороны и наблюдателей ООН."] * 3
    raw = _page(text).decode().encode("cp1251")
    found = extract_page(raw, "http://news.example/ru", "text/html; charset=utf-8")
    assert "Президент России заявил" in found.body, found.body


def _feed(title: str, encoding: str = "utf-8") -> str:
    return (f'<?xml version="1.0" encoding="{encoding}"?><rss version="2.0"><channel>'
            f"<title>Лента</title><item><title>{title}</title><guid>g1</guid>"
            "<description>Сегодня в Москве прошло заседание правительства.</description>"
            "</item></channel></rss>")


def test_cp1251_feed_declared_utf8_reads_as_cyrillic() -> None:
    raw = _feed("Новости дня: заседание правительства").encode("cp1251")
    parsed = parse_feed(raw, {"content-type": "text/xml; charset=utf-8"}, "http://x/rss")
    assert parsed.title == "Лента"
    assert parsed.entries[0].title == "Новости дня: заседание правительства"


def test_the_decoder_leaves_other_bytes_alone() -> None:
    utf8 = _feed("Новости дня").encode("utf-8")
    assert decode(utf8).how == "utf-8"  # valid UTF-8
    declared = _feed("Новости дня", "windows-1251").encode("cp1251")
    assert (decode(declared).encoding, decode(declared).note) == ("cp1251", None)  # as it says


def test_feed_title_mojibake_is_repaired() -> None:
    raw = _feed(latin1_mojibake("Путин и “сделка”")).encode("utf-8")
    parsed = parse_feed(raw, {}, "http://x/rss")
    assert parsed.entries[0].title == "Путин и “сделка”"


CORPORA = [SHARED / "peers" / "real-news" / "pages", SHARED / "peers" / "trafilatura-news" / "pages"]


@pytest.mark.skipif(not all(c.is_dir() for c in CORPORA),
                    reason=f"shared corpora not found under {SHARED} (../shared beside the repo)")
def test_real_pages_only_lose_their_mojibake() -> None:
    """Over both real-page corpora, the repair changes only stretches of text that were
    mojibake, and leaves none behind; how many pages it touched and its cost are printed."""
    pages = sorted(p for c in CORPORA for p in c.glob("*.html"))
    touched, fixed, spent = [], 0, 0.0
    for path in pages:
        decoded = decode_html(path.read_bytes())
        start = time.perf_counter()
        repaired = repair_markup(decoded)
        spent += time.perf_counter() - start
        if repaired == decoded:
            continue
        touched.append(path.name)
        before, after = re.split("[<>]", decoded), re.split("[<>]", repaired)
        assert len(before) == len(after), path.name
        for old, new in zip(before, after, strict=True):
            if old != new:
                fixed += 1
                assert looks_mojibake(old) and not looks_mojibake(new), (path.name, old, new)
                assert len(new) < len(old)
    print(f"\n{len(pages)} real pages: {len(touched)} had mojibake ({fixed} stretches "
          f"repaired: {', '.join(touched)}); repair cost {spent / len(pages) * 1000:.2f} ms a "
          "page on average")
    assert len(pages) > 200 and len(touched) < 10


def test_repair_is_cheap_for_clean_text() -> None:
    text = "\n\n".join(PARAGRAPHS * 300)  # ~70 KB of good text with curly quotes
    start = time.perf_counter()
    for _ in range(20):
        assert repair_text(text) is text
    assert (time.perf_counter() - start) / 20 < 0.005


_mojibake_alphabet = st.sampled_from(
    [chr(c) for c in range(0x80, 0x100)] + list("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ") + [" ", "a", "\n"])


@settings(max_examples=500, deadline=None)
@given(st.lists(_mojibake_alphabet, max_size=40).map("".join))
def test_cleaning_mojibake_like_text_is_idempotent(text: str) -> None:
    line, body = clean_line(text), clean_text(text)
    assert clean_line(line) == line and clean_text(body) == body
