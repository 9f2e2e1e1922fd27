"""What happened to whom: event types paired with the names of the same sentence."""

from __future__ import annotations

import json
from datetime import datetime

from tui.core.linking.acts import apart, signature, units
from tui.core.linking.features import Features, Raw, raw_features, weigh
from tui.core.linking.score import parts


def _mention(actor: str, *spans: tuple[str, int, int]) -> tuple[str, str]:
    return actor, json.dumps([list(s) for s in spans])


def test_the_headline_and_each_lead_sentence_are_read_apart() -> None:
    body = "It happened at dawn. Officials met in the capital.\n\nLater paragraphs are not read."
    got = units("A headline", body)
    assert [u[3] for u in got] == ["A headline", "It happened at dawn.",
                                   "Officials met in the capital."]
    assert all(body[lo:hi] == text for field, lo, hi, text in got[1:] if field == "body")


def test_a_type_pairs_with_the_names_of_its_own_sentence() -> None:
    title = "Haniyeh killed in Tehran"
    body = "Leaders gathered for a ceremony. Haniyeh had arrived on Monday."
    got = signature(title, body, [_mention("ismail-haniyeh", ("title", 0, 7),
                                           ("body", body.index("Haniyeh"), 40))])
    assert "deaths a:ismail-haniyeh" in got and "deaths p:tehran" in got
    # "arrived" (talks) names Haniyeh in its sentence; the ceremony sentence names nobody
    assert "talks a:ismail-haniyeh" in got
    assert list(got) == sorted(got)


def test_no_type_or_no_name_gives_nothing() -> None:
    assert signature("Quiet day in Tehran", "", []) == ()  # a name, no event type
    assert signature("Talks resume", "Nothing else to report.", []) == ()  # a type, no name
    # a type in the headline and a name only in the lead do not pair
    body = "Haniyeh spoke."
    assert signature("Talks resume", body, [_mention("ismail-haniyeh", ("body", 0, 7))]) == ()


def test_apart_needs_both_sides_and_nothing_shared() -> None:
    strike_a = frozenset({"air_strike p:tehran"})
    strike_b = frozenset({"air_strike p:beirut"})
    assert apart(strike_a, strike_b)  # the same kind of thing, somewhere else
    assert not apart(strike_a, strike_a | strike_b)  # one pair in common: may be one event
    assert not apart(strike_a, frozenset())  # one says nothing: no evidence either way


def _features(title: str, body: str, when: str) -> Features:
    at = datetime.fromisoformat(when)
    return weigh(raw_features(title, body, [], at), at, {}, 100)


def test_the_pair_part_and_the_stored_form() -> None:
    tehran = _features("Air strike hits Tehran", "Jets struck before dawn.", "2024-07-31T06:00:00+00:00")
    again = _features("Strike on Tehran kills two", "", "2024-07-31T09:00:00+00:00")
    beirut = _features("Air strike hits Beirut", "", "2024-07-31T08:00:00+00:00")
    assert "air_strike p:tehran" in tehran.acts and "air_strike p:beirut" in beirut.acts
    assert parts(tehran, beirut)["acts_apart"] == 1.0 == parts(beirut, tehran)["acts_apart"]
    assert parts(tehran, again)["acts_apart"] == 0.0
    assert Features.loads(tehran.published, tehran.dumps()).acts == tehran.acts
    stored = json.loads(tehran.dumps())
    del stored["o"]  # stored before acts.py: nothing read, no evidence either way
    assert Features.loads(tehran.published, json.dumps(stored)).acts == frozenset()
    raw = raw_features("Air strike hits Tehran", "", [], None)
    assert Raw.loads(raw.dumps()) == raw and raw.acts == ("air_strike p:tehran",)
