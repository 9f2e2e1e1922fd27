"""The Russian and the Arabic/Persian demonym patterns scan only a text with a letter of their
script (actors/demonyms.py `_InScript`): most articles are English, and those two patterns
(alternations of ~80 stems and forms) scanned every one for nothing, ~5% of the pool's text
halves in a cold run. What each finds is unchanged (the demo's articles and the real-news
bodies gave the same spans before and after)."""

from __future__ import annotations

from tui.core.actors.demonyms import DemonymStates, _Everything


def test_a_text_without_their_letters_is_not_scanned_by_the_native_patterns() -> None:
    d = DemonymStates(_Everything())
    english = "Iranian officials met Russian troops as Israeli jets struck. " * 20
    assert type(d._ru.finditer(english)) is type(iter(()))  # not re's scanner
    assert type(d._rtl.finditer(english)) is type(iter(()))
    at = english.index
    assert d.find(english)[:3] == [(0, 7, "iran"), (at("Russian"), at("Russian") + 7, "russia"),
                                   (at("Israeli"), at("Israeli") + 7, "israel")]


def test_a_text_with_them_is_scanned_as_before() -> None:
    d = DemonymStates(_Everything())
    text = "Iranian officials met. Иранские военные заявили. الطائرات الإسرائيلية قصفت. مقامات ایرانی"
    assert d.find(text) == [(0, 7, "iran"), (23, 31, "iran"), (58, 69, "israel"), (83, 89, "iran")]
    assert d.find("ИРАНСКИЕ ВОЕННЫЕ") == [(0, 8, "iran")]  # case folds within the script
