# ruff: noqa: RUF001 - Cyrillic letters in the texts are meant
"""The links' text half cuts its pieces of an article without copying the body, makes each Raw
once, and matches a place name's further words by one slice compare: the same results as the
longer ways, pinned here at the edges where an off-by-one would show."""

from __future__ import annotations

import json
from dataclasses import fields

import pytest

from tui.core.linking.acts import lead_of, units
from tui.core.linking.features import _SIG, Raw, raw_features, signed_features
from tui.core.linking.text import place_matcher, split_words
from tui.core.linking.what import BODY_CHARS, LEAD_CHARS, profile


def _bodies() -> list[str]:
    """Bodies whose paragraph break falls before, at and after the lead's and the read part's
    ends, and bodies with none."""
    out = ["", "One line.", "\n\n", "x\n\n\n\ny"]
    for at in (
        0,
        1,
        LEAD_CHARS - 2,
        LEAD_CHARS - 1,
        LEAD_CHARS,
        LEAD_CHARS + 1,
        BODY_CHARS,
        LEAD_CHARS + BODY_CHARS + 1,
    ):
        head = ("a" * 9 + " ") * (at // 10) + "b" * (at % 10)
        out += [head, head + "\n\nNext part.", head + "\n\n" + "c " * BODY_CHARS]
    return out


@pytest.mark.parametrize("body", _bodies())
def test_the_lead_is_the_first_paragraphs_start(body: str) -> None:
    assert lead_of(body) == body.partition("\n\n")[0][:LEAD_CHARS]
    assert units("T", body) == units("T", body, lead_of(body))


def test_a_cue_is_read_where_it_stands_against_the_cuts() -> None:
    """A strike cue just inside or just past the lead, or at the end of what is read further
    down: in the lead it weighs, further down it is there at 0, past BODY_CHARS it is not."""
    pad = "word " * (LEAD_CHARS // 5)
    inside = "strike " + pad[: LEAD_CHARS - 7]
    assert len(inside) == LEAD_CHARS
    assert profile("T", inside)["air_strike"] > 0
    past = pad[:LEAD_CHARS] + "strike"
    assert profile("T", past) == {"air_strike": 0.0}
    far = pad[:LEAD_CHARS] + "\n\n" + "word " * (BODY_CHARS // 5)
    assert profile("T", far[: LEAD_CHARS + 2 + BODY_CHARS - 8] + " strike") == {"air_strike": 0.0}
    assert profile("T", far + " strike") == {}


def test_each_raw_is_signed_in_place() -> None:
    assert fields(Raw)[_SIG].name == "sig"
    rows = [("vladimir-putin", 1, json.dumps([["title", 0, 5]]))]
    items = [
        ("Putin speaks", "Vladimir Putin spoke in Moscow on Monday about the talks.", rows, None),
        ("Quiet day", "Nothing happened in Tehran today.", [], None),
    ]
    assert signed_features(items) == [raw_features(*item) for item in items]


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("Talks in New York and New Delhi.", [(2, 2, "new-york"), (5, 2, "new-delhi")]),
        ("They flew to Abu", []),  # a name's first word at the end: no room for the rest
        ("Tel Aviv and Tel", [(0, 2, "tel-aviv")]),
        ("Saudi Arabia and the United Arab Emirates", [(0, 2, "saudi-arabia"), (4, 3, "uae")]),
        ("United Arab", []),
        ("Прилетел в Тегеран и в Абу-Даби", [(2, 1, "tehran"), (5, 2, "abu-dhabi")]),
    ],
)
def test_a_place_names_further_words_follow_as_written(text: str, spans: list[object]) -> None:
    matcher = place_matcher()
    assert matcher.spans(split_words(text)) == spans
    assert matcher.spans(split_words(text)) == spans  # every word now judged before


def test_only_a_listed_body_is_weak_by_its_words() -> None:
    """`features` asks `described_body` of a span's words only for a listed body: for every
    other actor the words change nothing."""
    from tui.core.actors.gazetteer import in_use
    from tui.core.linking.names import described_body, listed_body

    actors = in_use().actors
    listed = [a for a in actors if listed_body(a)]
    assert listed
    assert all(
        described_body(a, w) == described_body(a)
        for a in actors
        if not listed_body(a)
        for w in ("the ministry", "Foreign Ministry", "وزارة", actors[a].name)
    )


def test_terms_are_counted_alike_from_known_and_new_words() -> None:
    """`terms_of` counts from the words it knows, and again once it has judged new ones: the
    same counts, keys in the order first met, as judging every word afresh."""
    from collections import Counter
    from itertools import chain

    from tui.core.linking import text

    def afresh(head: list[str], body: list[str]) -> list[tuple[str, int]]:
        terms = [text._term(w) for w in chain(head, head, body)]
        return [(t, n) for t, n in Counter(terms).items() if t is not None]

    texts = [
        ("Missiles hit the port", "The missiles hit the port of Hodeidah, officials said."),
        ("Talks in Doha", "Negotiators met in Doha; the talks on the truce went on."),
        ("Missiles hit the port", "Brand new words: zyxwv qwerty missiles."),
    ]
    text._TERM_OF.clear()
    for _ in range(2):  # first with new words, then all known
        for title, body in texts:
            head, words = text.split_words(title)[1], text.split_words(body)[1]
            assert list(text.terms_of(head, words).items()) == afresh(head, words)
