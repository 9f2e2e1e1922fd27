# ruff: noqa: RUF001  (Cyrillic and Arabic script are the point here)
"""The unlisted-name finder is not asked where it cannot find anyone (actors/unlisted_gate.py),
and what the recognizer finds is the same as when it always was (all names invented)."""

from __future__ import annotations

import random

import pytest

from tui.core.actors.gazetteer import load_gazetteer
from tui.core.actors.matcher import joined
from tui.core.actors.recognize import Recognizer, Span, UnlistedName


@pytest.fixture(scope="module")
def recognizer() -> Recognizer:
    return Recognizer(load_gazetteer())


class _Open:
    """The gate as it was before it existed: every article goes to the finder."""

    def may_name(self, text: str, blocked: list[tuple[int, int]]) -> bool:
        return True


def _taken(recognizer: Recognizer, title: str, body: str) -> list[Span]:
    return [(m.field, m.start, m.end) for m in recognizer.mentions(title, body, None)]


def _both(
    recognizer: Recognizer, title: str, body: str, taken: list[Span]
) -> tuple[list[UnlistedName], list[UnlistedName]]:
    gated = recognizer.unlisted(title, body, taken)
    gate, recognizer.unlisted_gate = recognizer.unlisted_gate, _Open()  # type: ignore[assignment]
    try:
        return gated, recognizer.unlisted(title, body, taken)
    finally:
        recognizer.unlisted_gate = gate


def _closed(recognizer: Recognizer, title: str, body: str, taken: list[Span]) -> bool:
    split = len(title) + 2
    blocked = [
        (s if f == "title" else s + split, e if f == "title" else e + split) for f, s, e in taken
    ]
    return not recognizer.unlisted_gate.may_name(joined(title, body), blocked)


@pytest.mark.parametrize(
    ("title", "body"),
    [
        (
            "Russia and Iran at odds over the grain deal",
            "Vladimir Putin said the talks had stalled. Envoys from Iran arrived in Moscow on Monday. "
            "Shipments of wheat resumed.",
        ),
        ("Talks resume", "Sanctions were eased. The claims could not be verified."),
        ("Путин и Эрдоган обсудили сделку", "Владимир Путин заявил, что переговоры продолжатся."),
    ],
)
def test_closed_where_only_listed_people_and_lone_capitals_stand(
    recognizer: Recognizer, title: str, body: str
) -> None:
    taken = _taken(recognizer, title, body)
    assert _closed(recognizer, title, body, taken)
    gated, full = _both(recognizer, title, body, taken)
    assert gated == full == []


@pytest.mark.parametrize(
    ("title", "body"),
    [
        ("", "White House spokesman Jon Kirbo said the talks went well."),
        ("", "Romi Gonor, 24, and Emilia Damar, 28, were freed."),
        ("", "The statement was read by abu Obeidan on Monday."),  # a kunya, lower case
        ("", "Commission chairman Musa al-Maatah put turnout at 32 per cent."),
        ("", "said Jean-Noël\u00a0Barrault on Tuesday"),  # a no-break space joins the words
        ("", "Gonor' Damar, 24, was freed."),  # the apposition's words end in an apostrophe
        ("", "x\u200cEmilia Damar, 28, was freed."),  # a word the apposition's regex cuts
        ("", "وقال نبيل بري، رئيس مجلس النواب اللبناني، إن الاتفاق قريب"),  # no capitals
        ("", "пресс-секретарь министра Анна Петрова сообщила о встрече."),
        ("Un hombre", "dijo el portavoz Manuel Albarez a la prensa \U0001f4f0."),
    ],
)
def test_open_where_a_name_may_be(recognizer: Recognizer, title: str, body: str) -> None:
    taken = _taken(recognizer, title, body)
    assert not _closed(recognizer, title, body, taken)
    gated, full = _both(recognizer, title, body, taken)
    assert gated == full


_LINE = (  # names, titles, verbs, particles, words that look like names
    "John Smith Emilia Damar Doron Steinbrech abu Obeidan al-Jolany de Gaulle van der "
    "Berg said says told spokesman minister President Prime Minister the a of and who "
    "Romi Gonor Иван Петряев заявил министр Алексея Ерхова и аль-Джулани Бориса "
    "Надеждина Shipments Power Reuters reporting by Dr. Mr. Ali Ahmed Mohammed Sergei "
    "Ben Yehuda 24 nine-year-old Khan Younis Gaza Israel Putin O'Neil Jean-Pierre McCain "
    "iPhone governor mayor Odesa's Trukhin Gennady Дмитрий Песков пресс-секретарь "
    "Ⓐlpha ΑΒΓ"
)
_WORDS = _LINE.split()
_SEPARATORS = (
    " ",
    " ",
    " ",
    " ",
    ", ",
    ". ",
    "\u00a0",
    "’ ",
    "' ",
    "-",
    "_",
    "  ",
    "\u200c",
    "\n\n",
    " (",
    ") ",
    ": ",
    " «",
    "» ",
)


def test_the_same_names_as_the_finder_alone_finds(recognizer: Recognizer) -> None:
    """Made-up texts of names, titles, verbs, particles and the separators that join or part
    a name's words, with spans taken at random (a cut word too): what the recognizer finds
    with the gate is what it found without, and the gate closes on many of them."""
    rng = random.Random(19)
    closed = 0
    for _ in range(1500):
        body = "".join(
            rng.choice(_WORDS) + rng.choice(_SEPARATORS) for _ in range(rng.randint(2, 24))
        )
        title = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(1, 5)))
        taken: list[Span] = []
        for _ in range(rng.randint(0, 5)):
            field = rng.choice(("title", "body"))
            start = rng.randrange(len(title if field == "title" else body))
            end = min(len(title if field == "title" else body), start + rng.randint(0, 15))
            taken.append((field, start, end))
        closed += _closed(recognizer, title, body, taken)
        gated, full = _both(recognizer, title, body, taken)
        assert gated == full, (title, body, taken)
    assert closed > 100
