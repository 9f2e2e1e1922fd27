# ruff: noqa: RUF001  (Cyrillic, Arabic and Persian script are the point here)
"""Who struck whom and where it landed (who.py), read from headlines and leads as news writes
them, and what a pair of attacks makes of it: the part against the same event, and its reason."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from tui.core.actors.gazetteer import load_gazetteer
from tui.core.actors.recognize import Recognizer
from tui.core.linking.features import Features, Raw, raw_features, weigh
from tui.core.linking.names import actor_kind
from tui.core.linking.score import parts, reasons, score
from tui.core.linking.who import Roles, apart, roles

DAY = datetime(2024, 7, 20, 9, tzinfo=UTC)


@pytest.fixture(scope="module")
def recognizer() -> Recognizer:
    return Recognizer(load_gazetteer())


def read(recognizer: Recognizer, title: str, body: str = "") -> Roles:
    """Roles as the linker reads them: with the gazetteer's finds (organisations, states)."""
    spans = [(m.actor_id, "state" if actor_kind(m.actor_id) == "state" else "actor", m.field,
              m.start, m.end) for m in recognizer.mentions(title, body, DAY)]
    return roles(title, body, spans)


@pytest.mark.parametrize(("title", "agents", "targets"), [
    # English: the agent before the act, the target after a mark or as its object
    ("Russian missiles pound Kharkiv overnight, governor says", {"russia"},
     {"kharkiv", "ukraine"}),
    ("Ukrainian drones set fire to refinery in Russia's Saratov", {"ukraine"},
     {"saratov", "russia"}),
    ("Hezbollah rockets rain down on Haifa", {"hezbollah"}, {"haifa", "israel"}),
    ("Israeli jets pound Yemen's Hodeidah port", {"israel"}, {"hodeidah", "yemen"}),
    # Russian: a declined target after "по", an adjective agent, a past-tense verb's object
    ("Россия нанесла удар по Киеву и Одессе", {"russia"}, {"kyiv", "odesa", "ukraine"}),
    ("Израильская авиация нанесла удары по Бейруту", {"israel"}, {"beirut", "lebanon"}),
    ("ВСУ атаковали Белгород беспилотниками", {"armed-forces-of-ukraine"},
     {"belgorod", "russia"}),
    # Arabic: the adjective after the act names the agent, "على" marks the target
    ("غارة إسرائيلية على بيروت تقتل ثلاثة", {"israel"}, {"beirut", "lebanon"}),
    ("قصف روسي على خاركيف", {"russia"}, {"kharkiv", "ukraine"}),
    ("الحوثيون يقصفون إيلات بصاروخ باليستي", {"houthis"}, {"eilat", "israel"}),
    # Persian: the genitive after the act names the agent, "به" marks the target
    ("حمله موشکی ایران به حیفا", {"iran"}, {"haifa", "israel"}),
    ("حمله هوایی اسرائیل به اصفهان", {"israel"}, {"isfahan", "iran"}),
])
def test_agent_and_target_in_four_languages(recognizer: Recognizer, title: str,
                                            agents: set[str], targets: set[str]) -> None:
    got = read(recognizer, title)
    assert (set(got.agents), set(got.targets)) == (agents, targets)


def test_an_attack_and_the_reply_swap_roles(recognizer: Recognizer) -> None:
    strike = read(recognizer, "Iran fires missiles at Israel")
    reply = read(recognizer, "Israel hits back at Iran with strikes near Isfahan")
    assert strike.agents == ("iran",) and "israel" in strike.targets
    assert reply.agents == ("israel",) and {"iran", "isfahan"} <= set(reply.targets)
    assert apart(strike, reply) == 1.0  # no state in common where they landed


def test_what_the_sentence_answers_is_not_read() -> None:
    # the reply's own target, not the attack it answers (nor who made that one)
    got = roles("Drone strike on Haifa kills two in retaliation for Israeli raid on Beirut", "")
    assert got.agents == () and set(got.targets) == {"haifa", "israel"}
    got = roles("Ракетный удар по Харькову в ответ на атаку на Белгород", "")
    assert set(got.targets) == {"kharkiv", "ukraine"}


def test_a_flight_path_is_no_target_and_a_clause_has_its_own_agent() -> None:
    got = roles("Rockets over Syria and Iraq as Iran strikes Israel", "")
    assert got.agents == ("iran",) and got.targets == ("israel",)


def test_one_mark_one_target(recognizer: Recognizer) -> None:
    got = read(recognizer, "Kataib Hezbollah suspends attacks on US forces, to avoid "
               "embarrassing Baghdad")
    assert got.targets == ("united-states",)
    assert set(roles("US strikes targets in Iraq and Syria", "").targets) == {"iraq", "syria"}


def test_the_lead_fills_only_what_the_headline_leaves_out() -> None:
    got = roles("Air strikes hit Syria's Homs overnight",
                "Israeli warplanes struck the city, a week after a drone attack on Eilat.")
    assert got.agents == ("israel",)  # from the lead: the headline names none
    assert "eilat" not in got.targets  # the headline said where it landed
    assert roles("Parliament passes the budget", "Deputies voted late on Tuesday.") == Roles()


def test_a_demonym_names_the_agent_and_a_persian_b_is_a_letter() -> None:
    # Russian puts the object first: the drones are Ukraine's, not where they landed
    got = roles("Ночью Белгород атаковали украинские беспилотники", "")
    assert got.agents == ("ukraine",) and "ukraine" not in got.targets
    # "بامدادی" (at dawn) starts with "ب", a clitic in Arabic, a letter in Persian
    got = roles("حمله بامدادی اسرائیل به اصفهان", "")
    assert got.agents == ("israel",) and set(got.targets) == {"isfahan", "iran"}


def test_a_victim_before_a_passive_is_no_agent() -> None:
    got = roles("Three US soldiers killed in drone attack on base in Jordan", "")
    assert got.agents == () and set(got.targets) == {"united-states", "jordan"}


@pytest.mark.parametrize(("a", "b", "far"), [
    ("Drone strike on Tel Aviv kills one", "Israeli jets strike Yemen's Hodeidah port", 1.0),
    ("Russian missiles hit Kyiv power plant", "Russian drones strike Odesa port", 0.5),
    ("Russian missiles hit Kyiv power plant", "Missile strike on Kyiv kills seven", 0.0),
    ("Russian missiles hit Kyiv power plant", "Talks resume in Istanbul", 0.0),
])
def test_targets_apart(a: str, b: str, far: float) -> None:
    x, y = roles(a, ""), roles(b, "")
    assert apart(x, y) == apart(y, x) == far


def _features(recognizer: Recognizer, title: str, body: str, hours: float) -> Features:
    when = datetime.fromtimestamp(DAY.timestamp() + hours * 3600, UTC)
    rows: dict[str, list[list[object]]] = {}
    for m in recognizer.mentions(title, body, when):
        rows.setdefault(m.actor_id, []).append([m.field, m.start, m.end])
    actor_rows = [(a, len(s), json.dumps(s)) for a, s in rows.items()]
    raw = raw_features(title, body, actor_rows, when)
    assert Raw.loads(raw.dumps()).roles == raw.roles  # stored and read back alike
    return weigh(raw, when, {}, 1000)


def test_the_pair_counts_it_against_and_says_so(recognizer: Recognizer) -> None:
    drone = _features(recognizer, "Houthi drone strikes Tel Aviv, killing one",
                      "A drone launched by Yemen's Houthis struck a building in Tel Aviv.", 0)
    raid = _features(recognizer, "Israeli jets strike Yemen's Hodeidah port",
                     "Israeli warplanes struck the port of Hodeidah a day after the drone "
                     "attack on Tel Aviv, the Houthis said.", 30)
    second = _features(recognizer, "Yemen's Houthis say drone hit Tel Aviv",
                       "The Houthis said their drone hit Tel Aviv.", 3)
    assert parts(drone, raid)["target_apart"] == 1.0
    assert parts(drone, second)["target_apart"] == 0.0
    s = score(drone, raid)
    assert Features.loads(drone.published, drone.dumps()).roles == drone.roles
    assert s.parts  # kept (much else is shared), and the reason shows the evidence against it
    assert "struck apart: Hodeidah, Tel Aviv" in reasons(s)
    assert "struck apart" not in reasons(score(drone, second))
