# ruff: noqa: RUF001 - Cyrillic, Arabic and Persian headlines are meant
"""A headline that says its event repeats an earlier one ("second wave of blasts") counts
against a link to an article half a day or more before it: that one likely reports the
earlier event (when.repeats, score part `repeat`)."""

from __future__ import annotations

from datetime import datetime

import pytest

from tui.core.linking.features import Features, raw_features, weigh
from tui.core.linking.score import parts
from tui.core.linking.when import repeats


@pytest.mark.parametrize("title", [
    "Second wave of blasts hits Lebanon as hand-held radios explode",
    "Russia launches fresh strikes on the capital",
    "Protesters rally again outside parliament",
    "Another ship attacked off the coast",
    "New wave of arrests follows the vote",
    "Повторный удар по порту: есть погибшие",
    "Протестующие снова вышли на площадь",
    "Новые удары по энергосистеме",
    "غارات جديدة على الميناء",
    "المتظاهرون يعودون مجددا إلى الشوارع",
    "حمله مجدد به بندر",
    "معترضان دوباره به خیابان آمدند",
])
def test_a_headline_that_says_its_event_repeats_another(title: str) -> None:
    assert repeats(title)


@pytest.mark.parametrize("title", [
    "Pagers carried by group members explode across Lebanon",
    "New treaty signed in the capital",
    "Путин впервые встретился с президентом: обсудили новый договор",
    "تاريخ جديد يبدأ في العاصمة",
    "حاکمان جدید پایتخت",
    "Secondary schools reopen",  # a word that begins with a cue is not the cue
])
def test_a_headline_that_does_not(title: str) -> None:
    assert not repeats(title)


def _features(title: str, when: str) -> Features:
    at = datetime.fromisoformat(when)
    return weigh(raw_features(title, "Blasts were reported across the city.", [], at), at, {}, 100)


def test_the_part_fires_only_for_the_later_repeat_half_a_day_on() -> None:
    first = _features("Pagers explode across Lebanon", "2024-09-17T15:00:00+00:00")
    second = _features("Second wave of blasts hits Lebanon", "2024-09-18T15:00:00+00:00")
    soon = _features("Second wave of blasts hits Lebanon", "2024-09-17T20:00:00+00:00")
    assert second.repeat and not first.repeat
    assert parts(first, second)["repeat"] == 1.0 == parts(second, first)["repeat"]  # symmetric
    assert parts(first, soon)["repeat"] == 0.0  # 5 h apart: an update of the same event
    earlier_repeat = _features("Second wave of blasts hits Lebanon", "2024-09-16T15:00:00+00:00")
    assert parts(first, earlier_repeat)["repeat"] == 0.0  # the repeat is the earlier one
