# ruff: noqa: RUF001 - Cyrillic letters in the texts are meant
"""The linker's place matcher keeps, per word as written, whether it may start a place name:
a warm matcher finds exactly what a fresh one does, in any order of texts."""

from __future__ import annotations

from tui.core.linking.text import PlaceMatcher, bundled_places, place_matcher, split_words

TEXTS = [
    "Strikes hit Hatay'da and Adana'ya overnight, officials in Ankara said.",
    "Officials in Hatay said the road to Adana was open.",
    "Шойгу прилетел в Тегеран, а затем в Москву.",
    "Israeli jets struck Beirut's southern suburbs; Sana'a and Hodeidah were quiet.",
    "ובתל אביב ובירושלים נשמעו אזעקות",
    "غارات على بيروت والقاهرة تستضيف المحادثات",
    "new york, New York and NEW YORK",
]


def _fresh() -> PlaceMatcher:
    return PlaceMatcher([(p, list(forms)) for p, forms in bundled_places()
                         if p.kind != "demonym"])


def test_a_warm_matcher_finds_what_a_fresh_one_finds() -> None:
    warm = place_matcher()
    for text in TEXTS + TEXTS[::-1]:
        words = split_words(text)
        assert warm.spans(words) == _fresh().spans(words), text
    assert warm.spans(split_words(TEXTS[0]))  # the Turkish endings still cut
    # a word whose Turkish ending was cut is judged on its cut form, not on what was kept
    cut = split_words("Hatay'da sirens sounded.")
    assert warm.spans(cut) == _fresh().spans(cut)
    whole = (["Hatay'da"], ["hatay'da"])
    assert warm.spans(whole) == _fresh().spans(whole)
