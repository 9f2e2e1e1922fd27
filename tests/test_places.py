# ruff: noqa: RUF001  (Cyrillic and Arabic script are the point here)
"""Places for the place filter: found in any script and case form, resolved from a name, stored
by the places analyzer, and a cache from the version before gets them on its first run."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tui.core.config.loader import Config, Settings
from tui.core.places.matcher import countries_of, place_finder, resolve_place
from tui.core.refresh.analysis import Analysis
from tui.core.store import places as place_store
from tui.core.store.actors import GAZETTEER_HASH_KEY
from tui.core.store.db import connect, get_meta, set_meta


def found(text: str) -> list[tuple[str, str]]:
    return [(text[s:e], place) for s, e, place in place_finder().find(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Kyiv takes the war onto Russian soil", [("Kyiv", "kyiv"), ("Russian", "russia-demonym")]),
    ("a security failure in the heart of Tehran", [("Tehran", "tehran")]),
    ("В Тегеране иранская делегация", [("Тегеране", "tehran"), ("иранская", "iran-demonym")]),
    ("иранских военных", [("иранских", "iran-demonym")]),
    ("في بيروت", [("بيروت", "beirut")]),
    ("والإيرانية", [("والإيرانية", "iran-demonym")]),  # a clitic written onto the word
    ("وبغزة وللبنان", [("وبغزة", "gaza"), ("وللبنان", "lebanon")]),  # and two of them
    ("در تهران", [("تهران", "tehran")]),
    ("the turkey was roasted", []),  # all lowercase: no country
    ("Газ подорожал", []),  # a stem alone is no place ("Газа" is)
    ("Газа и Газе", [("Газа", "gaza"), ("Газе", "gaza")]),
])
def test_places_in_any_script_and_case_form(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Strikes on Fordow, Natanz and Isfahan", [("Fordow", "fordow"), ("Natanz", "natanz"),
                                              ("Isfahan", "isfahan")]),
    ("Al Udeid, Tower 22 and Ain al-Asad", [("Al Udeid", "al-udeid"), ("Tower 22", "tower-22"),
                                           ("Ain al-Asad", "ain-al-asad")]),
    ("the Kerch Strait and the Crimean Bridge", [("Kerch Strait", "kerch-strait"),
                                                 ("Crimean Bridge", "crimean-bridge")]),
    ("удар по Крымскому мосту", [("Крымскому мосту", "crimean-bridge")]),
    ("Крымский мост", [("Крымский мост", "crimean-bridge")]),
    ("в Белгородской и Брянской областях", [("Белгородской", "belgorod"),
                                            ("Брянской", "bryansk")]),
    ("قيسارية and Caesarea", [("قيسارية", "caesarea"), ("Caesarea", "caesarea")]),
    ("Нигерии и Китая", [("Нигерии", "nigeria"), ("Китая", "china")]),  # no stem taken twice
    ("Spain and Madrid", [("Spain", "spain"), ("Madrid", "madrid")]),
    ("Pakistani troops in the Indian Ocean", [("Pakistani", "pakistan-demonym"),
                                              ("Indian Ocean", "indian-ocean")]),
    ("взрывы в Тирасполе, столице Приднестровья", [("Тирасполе", "tiraspol"),
                                                   ("Приднестровья", "transnistria")]),
    ("Blasts in Transnistria's capital, Tiraspol", [("Transnistria", "transnistria"),
                                                    ("Tiraspol", "tiraspol")]),
    ("ریزش ساختمان متروپل در آبادان", [("آبادان", "abadan")]),  # Persian, not Arabic عبادان
    ("Narva and Daugavpils", [("Narva", "narva"), ("Daugavpils", "daugavpils")]),
    ("из Подмосковья в Приморье", [("Подмосковья", "moscow-oblast"),
                                   ("Приморье", "primorsky-krai")]),  # a region in -ье, declined
])
def test_the_grown_gazetteer_by_class(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize("text", [
    "قوات حماة الديار",  # "protectors of the homeland", not Hama
    "نشرت صور الضربة",  # "pictures", not Tyre
    "العديد من الصواريخ",  # "many", not Al Udeid
    "الحد الأقصى",  # "the maximum", not al-Aqsa
    "بعين العين",  # "the eye", not Al Ain
    "لم يزد عدد",  # "did not exceed", not Yazd
    "قناة الجزيرة",  # the channel, not Gezira state
    "الوضع المالي",  # "financial", not Mali
    "بورصة",  # "stock exchange", not Bursa
    "Дело в том, что",  # a stem of Дели
    "Ровно в полночь",  # "exactly", not Rivne
    "Мало кто знал",  # a stem of Мали
    "Того же дня",  # "of that", not Togo
    "Имран Хан",  # a stem of Ханой
    "Reading the Nice Bar menu, Mary said",
    "Car bomb in Of",
    "Shlomi Ziv and Itamar were freed",  # given names, not the towns
    "Bender said the talks were over",  # a surname, not the town (Bendery)
    "Семья и друзья пришли",  # soft endings only after a form in -ье
])
def test_common_words_are_no_places(text: str) -> None:
    assert found(text) == []


def test_guarded_forms_still_name_the_place() -> None:
    assert found("في مدينة حماة وقضاء صور") == [("مدينة حماة", "hama"),
                                                  ("وقضاء صور", "tyre")]
    assert found("قاعدة العديد") == [("قاعدة العديد", "al-udeid")]


def test_a_state_without_an_actor_is_a_country_with_its_capital() -> None:
    assert set(resolve_place("Spain")) == {"spain", "madrid"}
    assert resolve_place("Geneva") == ["geneva"]  # a venue of talks: no state
    assert countries_of(["madrid", "kerch-strait", "crimean-bridge"]) == {"spain", "ukraine"}


def test_a_persons_name_is_no_place() -> None:
    text = "Jordan Bardella spoke in Jordan."
    assert [(s, p) for s, _e, p in place_finder().find(text, blocked=[(0, 15)])] == [
        (25, "jordan")]


def test_a_possessive_place_in_a_joined_title_is_a_place() -> None:
    """"Jordan's foreign minister Ayman Safadi" is one mention of Safadi (the title joins the
    name), and still names Jordan; no person's own name holds a possessive."""
    text = "Jordan's foreign minister Ayman Safadi met Jordan Bardella."
    blocked = [(0, 38), (43, 58)]
    assert [(s, p) for s, _e, p in place_finder().find(text, blocked=blocked)] == [
        (0, "jordan")]


def test_resolve_a_country_takes_in_its_parts() -> None:
    iran = resolve_place("iran")
    assert {"iran", "tehran", "isfahan", "iran-demonym"} <= set(iran)
    assert "hormuz" not in iran  # shared waters are not a country's part
    for name in ("Iran", "Иран", "ایران", "Iranian", "iran-demonym"):
        assert set(resolve_place(name)) == set(iran), name
    assert resolve_place("Tehran") == ["tehran"]  # a city: only itself
    assert resolve_place("Тегеран") == ["tehran"]
    assert set(resolve_place("saudi-arabia")) == set(resolve_place("Saudi Arabia"))
    assert resolve_place("Atlantis") == []
    assert countries_of(["tehran", "iran-demonym", "jerusalem"]) == {"iran", "israel",
                                                                      "palestine"}


def analysis_for(tmp_path: Path) -> Analysis:
    return Analysis(Config(path=None, settings=Settings(cache_dir=tmp_path)))


def add(conn: sqlite3.Connection, title: str, body: str, published: str) -> int:
    cur = conn.execute("INSERT INTO articles(key, title, body, published, first_seen) "
                       "VALUES (?, ?, ?, ?, '2020-01-01T00:00:00Z')",
                       (f"k{title}", title, body, published))
    assert cur.lastrowid is not None
    return cur.lastrowid


def test_the_analysis_stores_places(tmp_path: Path) -> None:
    conn = connect(tmp_path / "c.sqlite3")
    a = add(conn, "Kyiv takes the war onto Russian soil", "Drones hit Kursk and Belgorod.",
            "2024-08-10T08:00:00Z")
    analysis_for(tmp_path).run_pending(conn)
    assert dict(place_store.places_of(conn, a)) == {"kyiv": 1, "russia-demonym": 1, "kursk": 1,
                                                     "belgorod": 1}
    conn.close()


def test_a_cache_from_the_version_before_gets_places_and_offices(tmp_path: Path) -> None:
    """Schema 6 had actor mentions and a gazetteer hash, no places and no role phrases: the
    first run after the upgrade re-matches every article (the data's hash changed)."""
    path = tmp_path / "c.sqlite3"
    old = connect(path, migrate_to=6)
    a = add(old, "Security failure in the heart of Tehran", "Russia's defence minister flew "
            "in, said spokesman Ivo Examplov.", "2024-08-05T10:00:00Z")
    old.execute("UPDATE articles SET analysed = 1")
    old.execute("INSERT INTO actor_mentions VALUES (?, 'iran', 1, '[]')", (a,))
    set_meta(old, GAZETTEER_HASH_KEY, "the version before")
    old.commit()
    old.close()

    conn = connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] >= 7
    analysis = analysis_for(tmp_path)
    analysis.run_pending(conn)
    assert get_meta(conn, GAZETTEER_HASH_KEY) == analysis.sources().source_hash
    assert "tehran" in dict(place_store.places_of(conn, a))
    actors = {x.id: x for x in analysis.actors_of(conn, a)}
    assert actors["andrei-belousov"].roles == (("body", 0, 25, "ru-defence-minister"),)
    assert actors["ivo-examplov"].listed is False
    assert actors["ivo-examplov"].description == "spokesman"
    conn.close()
