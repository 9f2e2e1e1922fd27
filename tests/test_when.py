# ruff: noqa: RUF001 - dotless i and long s are what these tests are about
"""The event day's cue search starts at the first cue in the lower-cased lead: the same
match as the pattern over the whole lead, on any text."""

import re
import sys

from hypothesis import given
from hypothesis import strategies as st

from tui.core.linking import when

DAY = 86400.0
TUESDAY_NOON = 19_000 * DAY + 12 * 3600  # 2022-01-08 is a Saturday; any fixed time does


def _reference(title: str, body: str, published: float) -> int | None:
    """What the whole-lead search finds (the cue's start), for comparison."""
    found = when._PATTERN.search(when.lead_of(title, body))
    return None if found is None else found.start()


def _fast(title: str, body: str) -> int | None:
    lead = when.lead_of(title, body)
    start = when._first_cue(lead)
    found = when._PATTERN.search(lead, start) if start >= 0 else None
    return None if found is None else found.start()


def test_odd_letters_cover_every_ignorecase_match():
    """Every letter the pattern matches to a cue's letter lowers to it, or is in _ODD."""
    letters = sorted({ch for cue in when._CUES for ch in cue})
    anyone = re.compile("[" + "".join(map(re.escape, letters)) + "]", re.IGNORECASE)
    every = "".join(chr(i) for i in range(sys.maxunicode + 1) if not 0xD800 <= i <= 0xDFFF)
    odd = [c for c in set(anyone.findall(every)) if c.lower() not in letters]
    assert odd
    assert all(when._ODD.match(c) for c in odd)


def test_cases_match_the_whole_lead_search():
    cases = [("Strikes on Tuesday", ""), ("", "The talks resumed TODAY in Doha."),
             ("Todays news", "Nothing yesterdays; then on Friday."),
             ("Sundayschool", "no cue at all"), ("", "ВЧЕРА в Москве"),
             ("Friday", "İstanbul on friday"), ("Frıday and ſunday", "and monday"),
             ("", "FRİDAY"),
             ("", "روز سه‌شنبه"), ("x", "para one\n\non Monday, later")]
    for title, body in cases:
        assert _fast(title, body) == _reference(title, body, TUESDAY_NOON)
        assert when.event_day(title, body, TUESDAY_NOON) is not None


words = st.sampled_from([*when._CUES, "on", "Monday", "TUESDAY", "x", "İ", "ı", "ſ", "ᲂ",
                         "to", "day", "\u200c", "_", "9", "Вчера", " ", "\n\n"])


@given(st.lists(words, max_size=12), st.lists(words, max_size=30))
def test_any_text_matches_the_whole_lead_search(title, body):
    t, b = "".join(title), " ".join(body)
    assert _fast(t, b) == _reference(t, b, TUESDAY_NOON)


def test_a_cue_with_an_odd_letter_is_read():
    """A dotless i or long s matches the pattern: it is read as the cue, no KeyError."""
    assert when.event_day("Frıday", "", TUESDAY_NOON) == when.event_day("Friday", "",
                                                                        TUESDAY_NOON)
    assert when.event_day("", "ſunday", TUESDAY_NOON) == when.event_day("", "sunday",
                                                                        TUESDAY_NOON)
    assert when.event_day("FRİDAY", "", TUESDAY_NOON) == when.event_day("FRIDAY", "",
                                                                        TUESDAY_NOON)
