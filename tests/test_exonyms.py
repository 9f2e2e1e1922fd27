# ruff: noqa: RUF001, RUF002, RUF003  (Turkish, Hebrew and Persian text is the point here)
"""The region's states and capitals under their Turkish names (and the Hebrew and Persian ones
the gazetteer lacked) carry the same ids as the English coverage, in the linker's place
matcher, the place finder and the actors, with a case ending after the apostrophe. Forms that
fold onto a common word or name are matched only as written ("Şam" is no "Sam", "Çin" no
"Cin"), and a lowercase word is never a place ("ırak", far). The sentences are ours."""

from __future__ import annotations

import pytest

from tests.conftest import found_in
from tui.core.actors.recognize import Recognizer
from tui.core.linking.text import place_matcher, split_words
from tui.core.places.matcher import place_finder


def _linked(text: str) -> set[str]:
    return {place for _i, _n, place in place_matcher().spans(split_words(text))}


def _found(text: str) -> set[str]:
    return {place for _s, _e, place in place_finder().find(text)}


PLACES = [
    ("Heyet Moskova'daki görüşmelerden döndü.", "moscow"),
    ("Bakan Tahran'dan açıklama yaptı.", "tehran"),
    ("İsrail'in Gazze'ye yönelik saldırıları sürüyor.", "gaza"),
    ("İsrail'in Gazze'ye yönelik saldırıları sürüyor.", "israel"),
    ("Heyet İran'a gitti.", "iran"),  # a one-letter ending after İ
    ("Rusya ve Ukrayna heyetleri İstanbul'da buluştu.", "istanbul"),
    ("Rusya ve Ukrayna heyetleri İstanbul'da buluştu.", "ukraine"),
    ("Suriye'nin kuzeyinde çatışma", "syria"),
    ("Şam'da patlama sesleri duyuldu.", "damascus"),
    ("ŞAM'DA PATLAMA", "damascus"),
    ("Beyrut'un güneyine hava saldırısı", "beirut"),
    ("Kudüs'teki gösteri dağıtıldı.", "jerusalem"),
    ("Lübnan sınırında gerginlik", "lebanon"),
    ("Irak'ta seçim sonuçları açıklandı.", "iraq"),
    ("Kızıldeniz'de bir gemi vuruldu.", "red-sea"),
    ("Kırım köprüsünde trafik durdu.", "crimea"),
    ("Kiyev'e füze saldırısı", "kyiv"),
    ("Pekin'de zirve", "beijing"),
    ("Vaşington'daki görüşme ertelendi.", "washington"),
    ("Çin'in açıklaması bekleniyor.", "china"),
    ("המשלחת נחתה במוסקבה", "moscow"),
    ("שיחות בוושינגטון", "washington"),
    ("נשיא טורקיה נאם באנקרה", "ankara"),
    ("نشست در قاهره برگزار شد", "cairo"),
]


@pytest.mark.parametrize(("text", "place"), PLACES)
def test_the_place_is_read_by_both_matchers(text: str, place: str) -> None:
    assert place in _linked(text)
    assert place in _found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Sam went home after the game.",  # Şam folds onto Sam: matched only as written
        "SAM'S CLUB OPENS",
        "Cin cin, said the host.",  # Çin folds onto Cin
        "Yol ırak ama gideceğiz.",  # ırak: far
        "Bu ırak bir ihtimal.",
    ],
)
def test_a_form_that_folds_onto_a_word_names_nothing(text: str) -> None:
    assert _linked(text) == set()
    assert _found(text) == set()


@pytest.mark.parametrize(
    ("text", "states"),
    [
        ("İsrail'in Gazze'ye yönelik saldırıları sürüyor.", {"israel"}),
        ("Rusya ve Ukrayna heyetleri bir araya geldi.", {"russia", "ukraine"}),
        ("Suriye ve Lübnan sınırında gerginlik.", {"syria", "lebanon"}),
        ("Irak'ta seçim sonuçları açıklandı.", {"iraq"}),
        ("ABD'nin açıklaması bekleniyor.", {"united-states"}),
        ("Çin'in açıklaması bekleniyor.", {"china"}),
        ("Mısır ve Katar arabuluculuk yapıyor.", {"egypt", "qatar"}),
        (
            "Birleşik Arap Emirlikleri ve Suudi Arabistan ortak bildiri yayımladı.",
            {"uae", "saudi-arabia"},
        ),
        ("Kuzey Kore yeni bir füze denedi.", {"north-korea"}),
        ("משלחת של צפון קוריאה הגיעה", {"north-korea"}),
        ("הסיוע לאוקראינה נמשך", {"ukraine"}),
    ],
)
def test_the_states_are_read_by_the_actors(
    recognizer: Recognizer, text: str, states: set[str]
) -> None:
    assert states <= found_in(recognizer, text)


@pytest.mark.parametrize(
    "text",
    [
        "Abd al-Aziz spoke to reporters.",  # ABD only as written
        "BAE Systems won the contract.",  # no "BAE" for the Emirates: the company holds it
        "Cin and tonic was served.",
        "Yol ırak ama gideceğiz.",
    ],
)
def test_no_state_in_look_alikes(recognizer: Recognizer, text: str) -> None:
    assert found_in(recognizer, text) <= {"bae-systems"}  # the company, no state
