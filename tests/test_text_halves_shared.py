# ruff: noqa: RUF001  (Cyrillic and Arabic script are the point here)
"""The text halves' shared and C-level passes give what the passes they replaced gave: the
demonyms' look behind tested after the scan, tokens from one split, terms counted in C, and
the memos of an article's headline types, office phrases and spans, which hand out copies."""

from __future__ import annotations

import re
from collections import Counter

from tui.core.actors.demonyms import _NotAfter
from tui.core.actors.name_patterns import TOKEN
from tui.core.actors.token_windows import tokens_in
from tui.core.linking import text as linking_text
from tui.core.linking.what import count_types, profile
from tui.core.span_reads import span_lists

TEXTS = [
    "xAmerican Iranian officials met Iranian-American Iranian troops.",
    "-Iranian forces, _Iranian army and Iranian  jets; American\u00a0drones",
    "Iranian", "", "AmericanIranian officials Iranian",
    "Dans l'Iran d’aujourd’hui, the Kremlin-backed O'Neil said ‘no’. زیرساخت‌های ایران",
    "Шойгу прибыл в Тегеран. قال وزير الخارجية الإيراني عباس عراقجي",
]


def test_demonyms_look_behind_after_the_scan_is_the_look_behind() -> None:
    plain = re.compile(r"(Iranian|American|Iran)[ \u00a0]+([\w'\u2019-]+)")
    looking = re.compile(r"(?<![\w-])(Iranian|American|Iran)[ \u00a0]+([\w'\u2019-]+)")
    tested = _NotAfter(plain, re.compile(r"[\w-]"))
    for text in TEXTS:
        assert [m.span(2) for m in tested.finditer(text)] == \
            [m.span(2) for m in looking.finditer(text)], text


def test_tokens_from_one_split_are_the_tokens_found_one_by_one() -> None:
    for text in TEXTS:
        for lo, hi in [(0, len(text)), (3, len(text) - 2), (7, 30), (5, 5)]:
            assert tokens_in(text, TOKEN, lo, hi) == [
                (m.start(), m.end(), m.group()) for m in TOKEN.finditer(text, lo, hi)]


def _terms_by_loop(title_words: list[str], body_words: list[str]) -> Counter[str]:
    """terms_of as a loop over the distinct words (what it was)."""
    counts: Counter[str] = Counter()
    for weight, found in ((2, title_words), (1, body_words)):
        for word, n in Counter(found).items():
            term = linking_text._term(word)
            if term is not None:
                counts[term] += weight * n
    return counts


def test_terms_counted_in_c_are_the_loops_counts_in_its_order() -> None:
    for title, body in [(TEXTS[0], TEXTS[1]), (TEXTS[5], TEXTS[6]), ("", TEXTS[0]),
                        ("Strikes and strikes", "")]:
        head, text = linking_text.split_words(title)[1], linking_text.split_words(body)[1]
        got, want = linking_text.terms_of(head, text), _terms_by_loop(head, text)
        assert list(got.items()) == list(want.items())


def test_a_headlines_types_are_read_once_and_handed_out_as_copies() -> None:
    title = "Missile strike and talks in Doha"
    first = count_types(title)
    first["talks"] = 99.0
    assert count_types(title) != first
    weighed = profile(title, "Drones struck again.\n\nLater, talks.")
    assert weighed["missile"] == 3.0 and weighed["drone"] == 1.5 and weighed["talks"] == 3.0


def test_span_lists_are_copies() -> None:
    read = span_lists('[["title",0,5],["body",3,9]]')
    read.append(["body", 0, 1])
    assert span_lists('[["title",0,5],["body",3,9]]') == [["title", 0, 5], ["body", 3, 9]]
    assert span_lists("") == []
