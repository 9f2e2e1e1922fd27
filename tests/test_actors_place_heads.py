"""A lone surname beside a place's head noun ("the Mulino range", "на полигоне «Мулино»") is a
place and no one, when nobody of that name was named in the article; named in full, by a cue
or nearby, the person keeps the surname. The sentences are ours."""

from __future__ import annotations

import pytest

from tests.conftest import found_in
from tui.core.actors.place_heads import names_a_place
from tui.core.actors.recognize import Recognizer

MULINO = "jose-raul-mulino"


@pytest.mark.parametrize("body", [
    "Paratroopers jumped over the Mulino range at dawn.",
    "Columns reached the Mulino training ground by the evening.",
    "Tanks drilled near the village of Mulino, 300 km east of Moscow.",
    "Десантники отработали высадку на полигоне «Мулино».",
    "Tatbikat Mulino poligonunda sürdü.",
])
def test_a_surname_with_a_place_noun_is_no_one(recognizer: Recognizer, body: str) -> None:
    assert MULINO not in found_in(recognizer, body)


def test_a_headline_surname_written_as_a_place_below_is_no_one(recognizer: Recognizer) -> None:
    title = "Generals at Mulino, observers at the border"
    body = "Foreign attachés watched the drills at the Mulino range for a second day."
    found = {m.actor_id for m in recognizer.mentions(title, body, None)}
    assert MULINO not in found


@pytest.mark.parametrize("body", [
    "Mulino said the canal would stay under Panamanian control.",
    "Panama's president José Raúl Mulino spoke first. Mulino range of options was wide.",
    "President Mulino met the delegation.",
])
def test_the_person_keeps_his_surname_otherwise(recognizer: Recognizer, body: str) -> None:
    assert MULINO in found_in(recognizer, body)


def test_the_head_noun_rule_reads_both_sides() -> None:
    text = "the Borisov district and район Лебедево"
    assert names_a_place(text, 4, 11)
    assert names_a_place(text, text.index("Лебедево"), len(text))
    assert not names_a_place("Borisov said", 0, 7)
