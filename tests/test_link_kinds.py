"""What kind of news a headline reports: violence done, or other business (talks, a visit).

A strike and the talks about it two days later share their actors and, in their leads, their
event types; the headlines still say which is the news (tests/data/related_eval.md, round 33).
"""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from tui.core.linking.features import Features, raw_features, weigh
from tui.core.linking.score import PARTS, default_model, parts
from tui.core.linking.what import HARM, OTHER, headline_kinds, kind_apart


@pytest.mark.parametrize(("title", "kinds"), [
    ("US strikes hit Fordow overnight", HARM),
    ("Araghchi arrives in Moscow for talks with Lavrov", OTHER),
    ("Talks in Doha as air strikes go on", HARM | OTHER),
    ("A quiet week in Tehran", 0),
    ("Удар по Киеву: десятки погибших", HARM),
    ("Лавров и Аракчи провели переговоры в Москве", OTHER),
    ("غارات إسرائيلية على الضاحية الجنوبية", HARM),
    ("محادثات في الدوحة حول وقف النار", OTHER),
    ("حمله هوایی به فردو", HARM),
    ("دیدار عراقچی و لاوروف در مسکو", OTHER),
    ("צה\"ל תקף בלבנון: שלושה הרוגים", HARM),  # Hebrew, with "in" written onto Lebanon
    ("ראש הממשלה נפגש עם השליח בוושינגטון", OTHER),
    ("טילים שוגרו לעבר באר שבע", HARM),
])
def test_a_headline_names_violence_or_other_business(title: str, kinds: int) -> None:
    assert headline_kinds(title) == kinds


def test_apart_needs_a_kind_on_both_sides_and_none_shared() -> None:
    assert kind_apart(HARM, OTHER) and kind_apart(OTHER, HARM)
    assert not kind_apart(HARM, HARM) and not kind_apart(OTHER, OTHER)
    assert not kind_apart(HARM | OTHER, OTHER)  # a headline naming both: no evidence
    assert not kind_apart(0, HARM) and not kind_apart(HARM, 0)  # one names no type


def _features(title: str, body: str, when: str) -> Features:
    at = datetime.fromisoformat(when)
    return weigh(raw_features(title, body, [], at), at, {}, 100)


def test_the_pair_part_reads_the_headlines_not_the_leads() -> None:
    # each lead recounts the other's event: the headlines still tell them apart
    strike = _features("US strikes hit Fordow", "The raid came before talks in Moscow.",
                       "2025-06-22T02:00:00+00:00")
    talks = _features("Araghchi in Moscow for talks", "He came two days after the strikes.",
                      "2025-06-23T09:00:00+00:00")
    again = _features("Strikes on Fordow: what was hit", "", "2025-06-22T12:00:00+00:00")
    assert parts(strike, talks)["kind_apart"] == 1.0 == parts(talks, strike)["kind_apart"]
    assert parts(strike, again)["kind_apart"] == 0.0
    assert "kind_apart" in PARTS and default_model().weights["kind_apart"] < 0  # fitted: apart
    stored = json.loads(strike.dumps())
    assert stored["k"] == HARM and Features.loads(strike.published, strike.dumps()) == strike
    del stored["k"]  # stored before headline kinds were read: no evidence either way
    old = Features.loads(strike.published, json.dumps(stored))
    assert old.kinds == 0 and parts(old, talks)["kind_apart"] == 0.0
