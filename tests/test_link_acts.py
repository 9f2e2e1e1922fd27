"""What happened to whom: event types paired with the names of the same sentence."""

from __future__ import annotations

import json
import re
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


def _with_parts(title: str, body: str) -> tuple[str, ...]:
    """The signature as raw_features reads it: places from the article's one scan."""
    from tui.core.linking.parts import text_parts

    parts = text_parts(title, body)
    heads = [p for p, (_n, in_title, _e) in parts.places.items() if in_title]
    return signature(title, body, [], heads, parts.body_places)


def test_places_are_read_sentence_by_sentence_from_the_one_scan() -> None:
    body = "Two were killed in Tehran. Talks in Beirut went on.\n\nKilled in Mashhad too."
    assert _with_parts("A headline", body) == signature("A headline", body, []) == (
        "deaths p:tehran", "talks p:beirut")
    # a name split by a sentence end is no name in either sentence, as each read alone
    split = "Two were killed near New. York police said little."
    assert _with_parts("Quiet", split) == signature("Quiet", split, []) == ()
    assert "deaths p:new-york" in _with_parts("Quiet", "Two were killed in New York.")


def test_a_lead_cut_in_a_word_reads_the_cut_word_as_the_sentence_has_it() -> None:
    """The lead ends at what.LEAD_CHARS, here inside "Tehranis": its last sentence ends in
    "Tehran" (a place) while the body's word is not one."""
    from tui.core.linking.what import LEAD_CHARS

    start = "Officials met. " * 40
    body = start[:LEAD_CHARS - len("Two killed in Tehran")] + "Two killed in Tehranis and more."
    assert "deaths p:tehran" in _with_parts("A headline", body)
    assert "deaths p:tehran" in signature("A headline", body, [])


def test_units_are_the_lead_split_after_each_mark() -> None:
    """`units` finds the lead's sentences where splitting it at white space after . ! ? or
    the Arabic question mark puts them, empty last piece and cut lead included."""
    after_mark = re.compile(r"(?<=[.!?\u061f])\s+")
    bodies = ["", "One. Two! Three? Four", "Ends with a mark. ", "No mark at all",
              "  Starts with space. Then\tthe next.\n", "Trailing. \n\nNext paragraph. Here.",
              "Question؟ Next one. ", "A. B.  C!!  D", "x" * 590 + ". cut at the lead limit here",
              "y" * 597 + ".   "]
    for body in bodies:
        lead = body.partition("\n\n")[0][:600]
        expected, at = [], 0
        for sentence in after_mark.split(lead):
            start = body.find(sentence, at)
            expected.append(("body", start, start + len(sentence), sentence))
            at = start + len(sentence)
        assert units("T", body) == [("title", 0, 1, "T"), *expected], body
