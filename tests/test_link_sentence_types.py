"""The lead's sentences' event types read from `what.profile`'s one scan of the whole lead
(`what.sentence_types`) are each sentence's own `count_types`, or None where they could differ."""

from __future__ import annotations

import json

import pytest

from tui.core.linking import acts
from tui.core.linking.acts import signature, units
from tui.core.linking.what import LEAD_CHARS, count_types, profile, sentence_types

LEADS = [
    "Warplanes struck the port at dawn. Ministers met for talks in the capital later.",
    "A ceasefire took hold on Sunday! Was the air strike on the depot the last? Nobody knows.",
    "Troops shelled the town.   Rescue teams pulled five people from the rubble.  ",
    "Sanctions were announced. ",
    "No event is named here at all",
    "",
    "An air-strike hit a school. Officials said the ground offensive would go on. " * 8,
    "A strong quake struck the coast at night, and rescuers searched the rubble for hours.",
]


def _sentences(body: str) -> tuple[str, list[tuple[int, int]], list[str]]:
    read = units("A headline", body)[1:]
    return (body.partition("\n\n")[0][:LEAD_CHARS], [(lo, hi) for _f, lo, hi, _t in read],
            [t for _f, _lo, _hi, t in read])


@pytest.mark.parametrize("body", LEADS)
def test_each_sentence_gets_the_types_it_names_alone(body: str) -> None:
    profile("A headline", body + "\n\nA later paragraph about a missile launch.")
    lead, bounds, texts = _sentences(body)
    got = sentence_types(lead, bounds)
    assert got == [set(count_types(text)) for text in texts]


def test_a_cue_running_across_two_sentences_is_read_sentence_by_sentence() -> None:
    # "air" ends one sentence and "strike" begins the next: the whole lead reads "air strike"
    # at "air", the sentences read "strike" in the second only
    title = "Depot hit"
    body = "Hamas said supplies came in by air. Strike teams then hit the depot."
    profile(title, body)
    lead, bounds, _texts = _sentences(body)
    assert sentence_types(lead, bounds) is None
    hamas = json.dumps([["body", 0, 5]])
    got = signature(title, body, [("hamas", hamas)])
    assert not any(key.endswith("a:hamas") for key in got)


@pytest.mark.parametrize("body", ["A quake shook the valley. Jets struck the depot.",
                                  "Jets struck the depot. A quake shook the valley."])
def test_a_strike_verb_read_beside_a_quake_in_the_next_sentence_is_read_again(body: str) -> None:
    # the whole lead's scan reads "struck" as the quake's (a word within reach is "quake"),
    # the sentence alone as an air strike: the sentences are read one by one
    profile("A headline", body)
    lead, bounds, texts = _sentences(body)
    assert sentence_types(lead, bounds) is None
    assert "air_strike" in {k for text in texts for k in count_types(text)}


def test_a_lead_not_profiled_last_or_not_ascii_is_read_again(
        monkeypatch: pytest.MonkeyPatch) -> None:
    profile("A headline", "Warplanes struck the port. Talks followed.")
    lead, bounds, _ = _sentences("Ministers met for talks. Warplanes struck the port.")
    assert sentence_types(lead, bounds) is None  # another lead was profiled last
    body = "Удар по порту. Переговоры прошли в столице."
    profile("Заголовок", body)
    lead, bounds, _ = _sentences(body)
    assert sentence_types(lead, bounds) is None
    # and the signature is what reading each sentence alone gives
    title, body = "Strike on port", "Hamas fighters struck the port. Ministers met for talks."
    mentions = [("hamas", json.dumps([["body", 0, 5]]))]
    profile(title, body)
    fast = signature(title, body, mentions)
    monkeypatch.setattr(acts, "sentence_types", lambda lead, bounds: None)
    assert signature(title, body, mentions) == fast
    assert "air_strike a:hamas" in fast and "talks a:hamas" not in fast
