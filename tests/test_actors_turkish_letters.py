# ruff: noqa: RUF001  (Turkish, Hebrew and Russian text is the point here)
"""Acronyms written with Turkish letters ("TUSAŞ", "HTŞ", "MİT") fold onto the key of their
ASCII twins, and an acronym matches only as written: each spelling is kept, so "MIT" stays
Massachusetts' and "Tusaş" no acronym. A cue that is itself a name ("Генштаба", "טראמפ")
still points a bare surname or party to its actor. The sentences are ours."""

from __future__ import annotations

import pytest

from tests.conftest import found_in
from tui.core.actors.recognize import Recognizer


@pytest.mark.parametrize(("body", "actor"), [
    ("TUSAŞ'a saldırı düzenlendi.", "turkish-aerospace"),
    ("TUSAS headquarters were attacked.", "turkish-aerospace"),
    ("HTŞ güçleri Halep'e girdi.", "hts"),
    ("HTS fighters entered Aleppo.", "hts"),
    ("MİT operasyonu düzenledi.", "mit"),
    ("DEAŞ üyesi yakalandı.", "islamic-state"),
    ("IŞİD militanları saldırdı.", "islamic-state"),
])
def test_acronyms_with_turkish_letters_match(recognizer: Recognizer, body: str,
                                             actor: str) -> None:
    assert actor in found_in(recognizer, body)


@pytest.mark.parametrize(("body", "absent"), [
    ("MIT researchers published the study.", "mit"),  # Massachusetts, no dotted İ
    ("Er kam mit dem Zug.", "mit"),
    ("Tusaş'ın bahçesinde.", "turkish-aerospace"),  # not written as the acronym
    ("Hts değerleri ölçüldü.", "hts"),
])
def test_turkish_acronyms_stay_as_written(recognizer: Recognizer, body: str,
                                          absent: str) -> None:
    assert absent not in found_in(recognizer, body)


@pytest.mark.parametrize(("body", "actor"), [
    ("Представитель Генштаба сообщил, что Багери прибыл в Москву.", "mohammad-bagheri"),
    ("В МИД заявили, что Багери прибыл в Москву.", "ali-bagheri-kani"),
    ("טראמפ נאם אמש; הדמוקרטים לא התרשמו.", "democratic-party-us"),
    ("רוביו הציף את סוגיית הטילים, הדמוקרטים לא השתכנעו.", "democratic-party-us"),
    ("יאיר גולן: הדמוקרטים יתמודדו לבד.", "the-democrats"),
])
def test_a_cue_that_is_a_name_still_counts(recognizer: Recognizer, body: str,
                                           actor: str) -> None:
    assert actor in found_in(recognizer, body)


@pytest.mark.parametrize(("body", "absent"), [
    ("הדמוקרטים עולים בסקרים ל-10 מנדטים; טראמפ לא הגיב.", "democratic-party-us"),
    ("The UN General Assembly met; Bagheri spoke.", "mohammad-bagheri"),  # "General" inside
])
def test_a_cue_inside_a_longer_name_or_farther_counts_less(recognizer: Recognizer, body: str,
                                                           absent: str) -> None:
    assert absent not in found_in(recognizer, body)
