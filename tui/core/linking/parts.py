"""An article's text parts at once: script, places, terms and MinHash from one tokenisation
of its title and body (`text.py` does each alone), for its event features (`features.py`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tui.core.linking.minhash import minhash_words
from tui.core.linking.text import place_matcher, split_words, terms_of
from tui.core.scripts import script_of

if TYPE_CHECKING:
    from collections import Counter

    from tui.core.linking.text import PlaceSpan


# ---------------------------------------------------------------- near-duplicates
def minhash(title: str, body: str, width: int = 4) -> tuple[int, ...]:
    """MinHash of word `width`-shingles (minhash.py): a wire copy in two feeds, near-equal sigs."""
    return minhash_words(split_words(f"{title} {body}")[1], width)


# ---------------------------------------------------------------- all at once
@dataclass(frozen=True, slots=True)
class TextParts:
    """What an article's text gives its event features, apart from actors."""

    script: str
    places: dict[str, tuple[int, bool, bool]]
    terms: Counter[str]
    sig: tuple[int, ...]
    body_places: Sequence[PlaceSpan] = ()  # where the body names each place (`spans`)
    head_terms: tuple[str, ...] = ()  # the headline's own terms, sorted (`score._headline`)
    body_words: int = 0  # the body's words (`features.SUMMARY_WORDS`: a feed's summary or not)
    words: list[str] | None = None  # the words signed, when not signed here (`signed`)


def text_parts(title: str, body: str, signed: bool = True) -> TextParts:
    """Script, places, terms and MinHash from one tokenisation of the title and of the body
    (each alone would split the text again), equal to calling them one by one. Not `signed`:
    no MinHash, its words given instead (`minhash.minhash_many` signs a pool job's at once)."""
    head, text = split_words(title), split_words(body)
    matcher = place_matcher()
    body_places, words = matcher.spans(text), head[1] + text[1]
    return TextParts(script_of(f"{title} {body[:2000]}"),
                     matcher.tally(matcher.spans(head), body_places), terms_of(head[1], text[1]),
                     minhash_words(words) if signed else (), body_places,
                     tuple(sorted(terms_of(head[1], ()))), len(text[1]), None if signed else words)
