# ruff: noqa: RUF001  (Russian, Arabic, Persian, Hebrew and Turkish text is meant)
"""A strike verb beside a quake or flood word reports the disaster, not an attack ("a
magnitude 7.1 quake struck"), in each of the lexicon's languages: the headline is typed
"disaster" and of the other kind than violence, so a quake wire and an air-strike report of
the same day and place stay apart. Far from such a word, or with none, the verb is an attack's
as before. The sentences are ours."""

from __future__ import annotations

import pytest

from tui.core.linking.what import HARM, OTHER, count_types, headline_kinds, profile


@pytest.mark.parametrize(
    "title",
    [
        "A magnitude 7.1 quake struck eastern Turkey before dawn",
        "Earthquake strikes off the northern coast",
        "Strong aftershock strikes the same province a week later",
        "The tremor struck at 4:17 am local time",
        "Deadly floods strike the valley for a second week",
        "Мощное землетрясение ударило по югу страны",
        "Подземный толчок магнитудой 6,1 ударил по побережью",
        "Deprem Malatya'yı vurdu",
        "6,2 büyüklüğündeki sarsıntı kıyı kentini vurdu",
        "ضرب زلزال بقوة 7 درجات جنوب تركيا",
        "هزة ارضية تضرب الساحل",
        "زمین‌لرزه ۶ ریشتری شهر را لرزاند",
        "רעידת אדמה חזקה פגעה בטורקיה",
    ],
)
def test_a_strike_verb_beside_a_quake_is_the_disaster(title: str) -> None:
    assert set(count_types(title)) == {"disaster"}
    assert headline_kinds(title) == OTHER


@pytest.mark.parametrize(
    "title",
    [
        "Israeli jets struck Gaza overnight",
        "Drone strikes hit the port again",
        "Удар по Киеву: есть погибшие",
        "İsrail Gazze'yi vurdu",
        # a quake word too far from the verb: an attack reported beside an old quake
        "Jets struck the border town that was rebuilt after the great earthquake of 1999",
    ],
)
def test_a_strike_verb_without_a_quake_stays_an_attack(title: str) -> None:
    assert "air_strike" in count_types(title)
    assert headline_kinds(title) & HARM


def test_the_lead_is_read_the_same_way() -> None:
    got = profile(
        "Panic on the coast at dawn",
        "A magnitude 6.4 earthquake struck the coast at 5 am, and aftershocks followed.",
    )
    assert "air_strike" not in got
    assert got["disaster"] == 4.5  # earthquake, struck, aftershocks


def test_quake_words_name_the_disaster_in_every_language() -> None:
    for title in (
        "Quake leaves thousands homeless",
        "Афтершоки продолжаются",
        "زلازل متتالية في المنطقة",
        "پس‌لرزه‌ها ادامه دارد",
        "רעידות משנה בצפון",
    ):
        assert set(count_types(title)) == {"disaster"}, title
