"""Offices with dated holders: the bundled file is sound, and the loader rejects what would
silently resolve a role phrase to the wrong person."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tui.core.actors.gazetteer import Gazetteer
from tui.core.actors.offices import Office, OfficeError, load_offices, parse_offices
from tui.core.actors.text import key_of


@pytest.fixture(scope="module")
def offices(gazetteer: Gazetteer) -> dict[str, Office]:
    return load_offices(gazetteer)


def holder(offices: dict[str, Office], office: str, day: str) -> str | None:
    term = offices[office].holder_on(date.fromisoformat(day))
    return None if term is None else term.actor


def test_bundled_offices_load_and_are_many(offices: dict[str, Office]) -> None:
    assert len(offices) >= 60
    countries = {o.country for o in offices.values()}
    for must in ("russia", "iran", "israel", "ukraine", "turkey", "syria", "lebanon", "iraq",
                 "saudi-arabia", "egypt", "qatar", "united-states"):
        assert must in countries


def test_every_holder_and_country_is_an_actor(offices: dict[str, Office],
                                              gazetteer: Gazetteer) -> None:
    for office in offices.values():
        assert office.country in gazetteer.actors
        assert all(t.actor in gazetteer.actors for t in office.holders)
        assert gazetteer.actors[office.country].kind in ("state", "org")


def test_holders_on_known_dates(offices: dict[str, Office]) -> None:
    assert holder(offices, "ru-defence-minister", "2023-03-01") == "sergei-shoigu"
    assert holder(offices, "ru-defence-minister", "2024-05-13") is None  # between terms
    assert holder(offices, "ru-defence-minister", "2025-01-10") == "andrei-belousov"
    assert holder(offices, "ru-security-council-secretary", "2025-01-10") == "sergei-shoigu"
    assert holder(offices, "ir-president", "2024-05-19") == "ebrahim-raisi"
    assert holder(offices, "ir-president", "2024-06-15") == "mohammad-mokhber"
    assert offices["ir-president"].holder_on(date(2024, 6, 15)).acting  # type: ignore[union-attr]
    assert holder(offices, "ir-president", "2024-07-28") == "masoud-pezeshkian"  # handover day
    assert holder(offices, "hezbollah-secretary-general", "2024-01-01") == "hassan-nasrallah"
    assert holder(offices, "hezbollah-secretary-general", "2024-10-10") is None  # vacancy
    assert holder(offices, "hezbollah-secretary-general", "2025-03-01") == "naim-qassem"
    assert holder(offices, "hamas-politburo-chief", "2024-09-01") == "yahya-sinwar"
    assert holder(offices, "hamas-politburo-chief", "2025-03-01") is None  # a council since
    assert holder(offices, "us-president", "2019-01-01") == "donald-trump"
    assert holder(offices, "us-president", "2023-01-01") == "joe-biden"
    assert holder(offices, "il-idf-chief", "2024-06-01") == "herzi-halevi"


def test_phrases_belong_to_one_office_and_need_a_country(offices: dict[str, Office]) -> None:
    seen: dict[str, str] = {}
    for office in offices.values():
        for phrase in office.phrases:
            assert seen.setdefault(key_of(phrase), office.id) == office.id, phrase
    bare = {key_of(p) for p in ("the defence minister", "defence minister", "the president",
                                "the prime minister", "foreign minister", "министр обороны",
                                "президент", "وزير الدفاع", "رئيس الوزراء", "وزیر خارجه")}
    assert bare.isdisjoint(seen)


GOOD_HOLDERS = 'holders = [{ actor = "sergei-shoigu", from = "2012-11-06", to = "2024-05-12" }]'


def office_text(holders: str = GOOD_HOLDERS, extra: str = "", country: str = "russia") -> str:
    return (f'[[office]]\nid = "x-office"\ntitle = "X"\ncountry = "{country}"\n'
            f'phrases = ["Russia\'s X"]\n{holders}\n{extra}')


@pytest.mark.parametrize(("text", "message"), [
    (office_text(extra='colour = "red"'), "unknown key 'colour'"),
    (office_text(holders='holders = [{ actor = "sergei-shoigu", from = "2012-13-06" }]'),
     "no such date"),
    (office_text(holders='holders = [{ actor = "sergei-shoigu", from = "6 Nov 2012" }]'),
     "expected a date"),
    (office_text(holders='holders = [{ actor = "sergei-shoigu", from = "2012-11-06", '
                         'to = "2010-01-01" }]'), "before 'from'"),
    (office_text(holders='holders = [{ actor = "sergei-shoygu", from = "2012-11-06" }]'),
     "'sergei-shoygu' is not an actor id"),
    (office_text(holders='holders = [{ actor = "sergei-shoigu", from = "2012-11-06", '
                         'to = "2024-05-12" }, { actor = "andrei-belousov", '
                         'from = "2024-05-01" }]'), "terms overlap"),
    (office_text(holders='holders = [{ actor = "sergei-shoigu", from = "2012-11-06" }, '
                         '{ actor = "andrei-belousov", from = "2024-05-14" }]'), "terms overlap"),
    (office_text(holders='holders = [{ actor = "sergei-shoigu", from = "2012-11-06", '
                         'colour = "red" }]'), "unknown key 'colour'"),
    (office_text(country="ruritania"), "'ruritania' is not an actor id"),
    (office_text() + "\n" + office_text(), "duplicate id 'x-office'"),
])
def test_loader_rejects_bad_entries(gazetteer: Gazetteer, text: str, message: str) -> None:
    with pytest.raises(OfficeError, match=message) as info:
        parse_offices(text, "my-offices.toml", gazetteer)
    assert "my-offices.toml: office[" in str(info.value) or "duplicate" in str(info.value)


def test_a_phrase_claimed_by_two_offices_is_an_error(gazetteer: Gazetteer) -> None:
    text = office_text() + office_text().replace('id = "x-office"', 'id = "y-office"')
    with pytest.raises(OfficeError, match="already a phrase of 'x-office'"):
        parse_offices(text, "my-offices.toml", gazetteer)


def test_load_offices_reads_a_given_file(tmp_path: Path, gazetteer: Gazetteer) -> None:
    path = tmp_path / "offices.toml"
    path.write_text(office_text(), encoding="utf-8")
    got = load_offices(gazetteer, path)
    assert holder(got, "x-office", "2020-01-01") == "sergei-shoigu"
    assert holder(got, "x-office", "2025-01-01") is None
    with pytest.raises(OfficeError, match="cannot read"):
        load_offices(gazetteer, tmp_path / "missing.toml")
