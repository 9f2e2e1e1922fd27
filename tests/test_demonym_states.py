
"""A state named only by its demonym as the modifier of what it does ("Israeli strikes",
"Iranian officials") is an actor of the article (tui/core/actors/demonyms.py): an article that
only said "Israeli" listed Lebanon, not Israel. The sentences are ours."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from tui.core.actors.demonyms import native_demonym
from tui.core.actors.gazetteer import Gazetteer
from tui.core.actors.recognize import Recognizer
from tui.core.linking.features import raw_features


@pytest.fixture(scope="module")
def recognizer(gazetteer: Gazetteer) -> Recognizer:
    return Recognizer(gazetteer)


def states(recognizer: Recognizer, title: str, body: str) -> list[tuple[str, str, str]]:
    when = datetime(2025, 1, 10, tzinfo=UTC)
    kinds = recognizer.gazetteer.actors
    text = {"title": title, "body": body}
    return [(m.actor_id, m.field, text[m.field][m.start:m.end])
            for m in recognizer.mentions(title, body, when) if kinds[m.actor_id].kind == "state"]


def test_a_demonym_that_modifies_what_a_state_does_names_it(recognizer: Recognizer) -> None:
    title = "Israeli strikes hit villages in the south"
    body = "Israeli officials said the army would go on; southern Lebanon counted its dead."
    assert states(recognizer, title, body) == [
        ("israel", "title", "Israeli"), ("israel", "body", "Israeli"),
        ("lebanon", "body", "Lebanon")]
    assert states(recognizer, "", "Iranian troops and Russian warplanes joined in.") == [
        ("iran", "body", "Iranian"), ("russia", "body", "Russian")]


@pytest.mark.parametrize("body", [
    "A Russian journalist and an Iranian filmmaker met in Paris.",  # people, not the state
    "Iranian cinema had a good year.",
    "israeli strikes",  # a demonym is capitalised
])
def test_a_demonym_of_anything_else_names_no_state(recognizer: Recognizer, body: str) -> None:
    assert states(recognizer, "", body) == []


def test_a_demonym_inside_a_name_or_role_is_that_mention_only(recognizer: Recognizer) -> None:
    """"the Iranian president" is Pezeshkian (a role), "the Israeli military" the IDF (a
    body): the demonym is part of those mentions, never a second, overlapping one."""
    body = "The Iranian president spoke as the Israeli military struck."
    assert states(recognizer, "", body) == []


@pytest.mark.parametrize(("body", "found"), [
    ("Иранские военные и российские войска провели учения; израильский удар осудили.",
     [("iran", "body", "Иранские"), ("russia", "body", "российские"),
      ("israel", "body", "израильский")]),
    ("وشنت الطائرات الإسرائيلية غارات، وقال الجانب الروسي إن القوات التركية انسحبت.",
     [("israel", "body", "الإسرائيلية"), ("russia", "body", "الروسي"),
      ("turkey", "body", "التركية")]),
    ("مقامات ایرانی و طرف روسی گفتند حملات رژیم صهیونیستی ادامه دارد.",
     [("iran", "body", "ایرانی"), ("russia", "body", "روسی"), ("israel", "body", "صهیونیستی")]),
])
def test_a_russian_arabic_or_persian_demonym_of_what_a_state_does_names_it(
        recognizer: Recognizer, body: str, found: list[tuple[str, str, str]]) -> None:
    """The adjective before its noun in Russian, after it in Arabic and Persian, each language
    with its own nouns."""
    assert states(recognizer, "", body) == found


@pytest.mark.parametrize("body", [
    "Иранский режиссер и российский журналист приехали в Канны. Русские войска.",  # a people
    "قال الفنان الإيراني والصحفي الروسي إن الفيلم جاهز.",
    "فیلم ایرانی جایزه گرفت.",
])
def test_a_native_demonym_of_anything_else_names_no_state(recognizer: Recognizer,
                                                          body: str) -> None:
    assert states(recognizer, "", body) == []


def test_a_native_demonyms_state_is_shown_but_drives_no_link() -> None:
    """Measured on a-h + k: the Russian, Arabic and Persian demonyms' states as link features
    cost B3-F1 (0.9404 -> 0.9372), so only the English ones count; the state's own name does."""
    body = "وشنت الطائرات الإسرائيلية غارات على غزة."
    start = body.index("الإسرائيلية")
    demonym = json.dumps([["body", start, start + len("الإسرائيلية")]])
    assert native_demonym("الإسرائيلية") and not native_demonym("إسرائيل")
    raw = raw_features("", body, [("israel", 1, demonym)])
    assert "israel" not in raw.states and not any("a:israel" in act for act in raw.acts)
    assert "israel" in raw_features("", "قالت إسرائيل", [("israel", 1, '[["body", 5, 12]]')]).states
    assert "israel" in raw_features("", "Israeli strikes hit Gaza.",
                                    [("israel", 1, '[["body", 0, 7]]')]).states
    # Only a state's demonym: an organisation named with the adjective still drives links.
    academy = "Российская академия наук"
    rows = [("russian-academy-of-sciences", 1, json.dumps([["body", 0, len(academy)]]))]
    raw = raw_features("", academy + " заявила", rows)
    assert "russian-academy-of-sciences" in raw.actors
