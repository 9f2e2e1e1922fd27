"""A state named only by its demonym as the modifier of what it does ("Israeli strikes",
"Iranian officials") is an actor of the article (tui/core/actors/demonyms.py): an article that
only said "Israeli" listed Lebanon, not Israel. The sentences are ours."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tui.core.actors.gazetteer import Gazetteer
from tui.core.actors.recognize import Recognizer


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
