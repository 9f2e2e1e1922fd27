# ruff: noqa: RUF001, RUF002  (Turkish text is the point here)
"""Turkish case endings after a proper noun's apostrophe ("Adana'da", "Antakya'daki",
"Istanbul’dan") leave the place named, for the linker's place matcher, the place finder and
the actors, with straight and typographic apostrophes (the linker keeps İ as written: turkish.py
says why; the finder and the actors fold it); a transliterated
name with an apostrophe stays whole ("Sana'a"), and an ending needs a capitalised word. The
sentences are ours."""

from __future__ import annotations

import pytest

from tests.conftest import found_in
from tui.core.actors.recognize import Recognizer
from tui.core.linking.parts import text_parts
from tui.core.linking.text import place_matcher, split_words
from tui.core.places.matcher import place_finder


def _linked(text: str) -> list[str]:
    return [place for _i, _n, place in place_matcher().spans(split_words(text))]


@pytest.mark.parametrize(("text", "place"), [
    ("Adana'da iki bina çöktü.", "adana"),
    ("Antakya'daki kilise yeniden açıldı.", "hatay"),
    ("Heyet Istanbul’dan ayrıldı.", "istanbul"),
    ("ANKARA'DA KRİTİK TOPLANTI", "ankara"),
    ("Kahramanmaraş'ta arama sürüyor.", "kahramanmaras"),
    ("Bakan Ankara’ya döndü.", "ankara"),
])
def test_the_linker_reads_a_turkish_place_with_its_ending(text: str, place: str) -> None:
    assert place in _linked(text)


def test_the_ending_reaches_the_event_features() -> None:
    parts = text_parts("Hatay'da korku", "Antakya'daki evlerden çıkan aileler Adana'ya gitti.")
    assert set(parts.places) == {"hatay", "adana"}
    assert parts.places["hatay"] == (2, True, True)


@pytest.mark.parametrize("text", [
    "Fighting went on near Sana'a overnight.",  # a transliteration, matched whole
    "The town of Ma'an was quiet.",
])
def test_a_transliterated_apostrophe_stays_whole(text: str) -> None:
    assert _linked(text) in (["sanaa"], ["maan"])


@pytest.mark.parametrize("text", [
    "adana'da bir toplantı",  # an ending on a lowercase word names nothing
    "Adana'lılar toplandı",  # not a case ending: "people of Adana" is no place in the linker
])
def test_only_a_case_ending_on_a_name_is_cut(text: str) -> None:
    assert _linked(text) == []


def test_the_place_finder_and_the_actors_read_the_stem(recognizer: Recognizer) -> None:
    text = "Erdoğan’ın açıklamasından sonra Hatay'da ve İstanbul’daki toplantılar ertelendi."
    assert {p for _s, _e, p in place_finder().find(text)} >= {"hatay", "istanbul"}
    assert "recep-tayyip-erdogan" in found_in(recognizer, text)
