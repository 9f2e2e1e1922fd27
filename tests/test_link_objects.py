"""Named objects carry one id across scripts (objects.toml, linking/objects.py): every
entry loads and is found in each of its scripts, a bad entry is refused in words that name
its line, and two reports of one object in two scripts now share it as the score weighs a
shared place (issue 15, round 51)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tui.core.linking import objects
from tui.core.linking.features import raw_features, weigh
from tui.core.linking.score import parts, reasons, score
from tui.core.linking.text import bundled_objects, place_matcher, split_words
from tui.core.places.matcher import place_finder
from tui.core.scripts import script_of


def test_every_entry_loads_with_forms_in_two_scripts_or_more() -> None:
    entries = bundled_objects()
    assert len(entries) >= 40
    for place, forms in entries:
        assert objects.is_object(place.id) and place.kind in objects.KINDS
        assert len({script_of(f) for f in forms}) >= 2, place.id


@pytest.mark.parametrize(
    ("place", "form"), [(place, form) for place, forms in bundled_objects() for form in forms]
)
def test_every_form_is_found_as_its_object(place: object, form: str) -> None:
    """In a sentence of the form's own script, as written and in a headline."""
    found = place_matcher().match(form, f"{form} .")
    assert getattr(place, "id") in found, form  # noqa: B009 - typed loosely by the parameters


@pytest.mark.parametrize(
    ("text", "object_id"),
    [
        ("Israel's navy boarded boats of the Global Sumud Flotilla", "obj:sumud-flotilla"),
        ("اعترضت إسرائيل سفن أسطول الصمود العالمي", "obj:sumud-flotilla"),
        ("Küresel Sumud Filosu'ndaki aktivistler İstanbul'a getirildi", "obj:sumud-flotilla"),
        ("מאות משתתפי המשט נעצרו", None),  # the flotilla (המשט) by a common noun: no name
        ("ארגוני המשט סומוד הודיעו", "obj:sumud-flotilla"),  # "the flotilla Sumud"
        ("למשט סומוד הצטרפו", "obj:sumud-flotilla"),  # a Hebrew prefix on the first word
        ("سپاه عملیات «وعده صادق ۳» را آغاز کرد", "obj:true-promise-3"),
        ("Iran launched Operation True Promise 3", "obj:true-promise-3"),
        ("Иран провёл операцию «Истинное обещание 2»", "obj:true-promise-2"),
        ("ЦАХАЛ начал операцию «Железные мечи»", "obj:iron-swords"),  # an adjective declined
        ("в ходе операции «Железных мечей»", "obj:iron-swords"),
        ("Трамп предложил присоединиться к «Авраамовым соглашениям»", "obj:abraham-accords"),
        ("در عملیاتی موسوم به «تار عنکبوت» ۴۱ هواپیما", "obj:spiderweb"),
    ],
)
def test_objects_in_their_scripts(text: str, object_id: str | None) -> None:
    found = {k for k in place_matcher().match(text, "") if objects.is_object(k)}
    assert found == ({object_id} if object_id else set())


def test_objects_are_no_places_for_the_filter_or_the_places_analyzer() -> None:
    """`place:` filtering and place_mentions read places.toml alone."""
    assert not any(objects.is_object(k) for k in place_matcher(demonyms=True).places)
    assert not [p for p in place_finder().find("Global Sumud Flotilla", "") if "sumud" in str(p)]


def test_a_russian_adjective_ending_is_an_objects_only() -> None:
    """Places keep their noun endings: "Донецкие" names no place for the linker."""
    assert place_matcher().match("Донецкие и Курские шахтёры", "") == {}


def _features(title: str, body: str) -> object:
    when = datetime(2025, 10, 2, 9, tzinfo=UTC)
    return weigh(raw_features(title, body, [], when), when, {}, 1000)


def test_an_arabic_and_an_english_report_share_the_flotilla() -> None:
    """No word and no actor in common, no place but the object: before the table the pair
    shared nothing the score weighs across scripts."""
    en = _features(
        "Navy stops Global Sumud Flotilla boats at sea",
        "Dozens of boats of the Global Sumud Flotilla were boarded overnight and "
        "their activists detained, the organisers said.",
    )
    ar = _features(
        "اعتراض سفن أسطول الصمود العالمي",
        "قال منظمو أسطول الصمود إن عشرات القوارب اعترضت ليلا واحتجز الناشطون.",
    )
    got = parts(en, ar)  # type: ignore[arg-type]
    assert got["cross"] == 1.0 and got["text"] == 0.0
    assert got["places"] > 0 and got["cross_ent"] > 0 and got["mass"] > 0
    kept = score(en, ar)  # type: ignore[arg-type]
    assert "p:obj:sumud-flotilla" in kept.shared
    assert reasons(kept).startswith("Global Sumud Flotilla;")


def _parse(text: str, taken: dict[tuple[str, ...], str] | None = None) -> object:
    return objects.parse(text, split_words, "objects.toml", taken)


GOOD = """
[[object]]
id = "madleen"
name = "Madleen"
kind = "vessel"
description = "A boat."
forms = ["Madleen", "مادلين"]
"""


def test_the_parser_gives_matcher_entries() -> None:
    assert _parse(GOOD) == (("obj:madleen", "Madleen", "vessel", ("Madleen", "مادلين")),)


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (
            ('kind = "vessel"', 'kind = "ship"'),
            "objects.toml:5: object #1 key 'kind': 'ship' is no kind",
        ),
        (
            ('id = "madleen"', 'id = "Madleen"'),
            "objects.toml:3: object #1 key 'id': write lower-case",
        ),
        (
            ('forms = ["Madleen", "مادلين"]', 'forms = ["the Madleen"]'),
            "objects.toml:7: object #1 key 'forms': 'the Madleen' starts with a lower-case word",
        ),
        (
            ('forms = ["Madleen", "مادلين"]', "forms = []"),
            "objects.toml:7: object #1 key 'forms': write a list",
        ),
        (('description = "A boat."\n', ""), "object #1: missing key 'description'"),
        (
            ('description = "A boat."', 'description = "A boat."\nflag = "x"'),
            "object #1 key 'flag': unknown key",
        ),
        (("[[object]]", "[[objects]]"), "unknown table 'objects'"),
    ],
)
def test_a_bad_entry_is_refused_in_words(change: tuple[str, str], words: str) -> None:
    with pytest.raises(objects.ObjectsError) as caught:
        _parse(GOOD.replace(*change))
    assert words in str(caught.value)


def test_a_form_twice_or_a_places_is_refused() -> None:
    twice = GOOD + GOOD.replace('id = "madleen"', 'id = "madleen-two"')
    with pytest.raises(objects.ObjectsError) as caught:
        _parse(twice)
    assert "object #2 key 'forms': 'Madleen' is already object madleen's" in str(caught.value)
    with pytest.raises(objects.ObjectsError) as caught:
        _parse(GOOD + GOOD)
    assert "object #2 key 'id': 'madleen' is given twice" in str(caught.value)
    with pytest.raises(objects.ObjectsError) as caught:
        _parse(GOOD, {("madleen",): "place madleen-town"})
    assert "'Madleen' is already place madleen-town's" in str(caught.value)
