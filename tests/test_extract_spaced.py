"""Feed HTML's text nodes are spaced by `str.split` instead of a `\\s+` substitution (a
summary's text node was a quarter of `html_to_text`): the same text for every kind of white
space Python knows, at the ends, alone and between words."""

from __future__ import annotations

import random
import sys

from tui.core.ingest.extract import _WS, _spaced, html_to_text

SPACES = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]


def test_every_white_space_is_the_patterns() -> None:
    assert [c for c in SPACES if _WS.fullmatch(c)] == SPACES
    assert not [
        chr(c) for c in range(sys.maxunicode + 1) if _WS.fullmatch(chr(c)) and not chr(c).isspace()
    ]


def test_runs_of_white_space_become_one_space_as_the_pattern_makes_them() -> None:
    rng = random.Random(19)
    pieces = [*SPACES, "a", "word", "Слово", "كلمة", "x.y", "\u200b", "\ufeff"]
    texts = ["", " ", "\n", "a", " a ", "\u3000a\u2028b\u0085"]
    texts += [
        "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 12))) for _ in range(20000)
    ]
    for text in texts:
        assert _spaced(text) == _WS.sub(" ", text), repr(text)


def test_a_summary_reads_as_before() -> None:
    html = "<p>Talks\u00a0in\n  Doha\t went on.</p> <p>\u2003Both sides met again.\u2003</p>"
    assert html_to_text(html) == "Talks in Doha went on.\n\nBoth sides met again."
