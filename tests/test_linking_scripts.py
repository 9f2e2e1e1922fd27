# ruff: noqa: RUF002  (Arabic and Persian letters are the point here)
"""The linker's words and place names across Arabic and Persian spellings: one letter for
ي/ی, ك/ک, ة/ه and the alefs, and a place name read through an Arabic article or a one-letter
proclitic."""

from __future__ import annotations

import pytest

from tui.core.linking.text import place_matcher, split_words, terms


def test_arabic_and_persian_letters_fold_to_one_spelling() -> None:
    assert split_words("إيران")[1] == split_words("ایران")[1]  # Arabic and Persian Iran
    assert split_words("رجائي")[1] == split_words("رجایی")[1]
    assert split_words("الكرملين")[1] == split_words("الکرملين")[1]


def test_an_arabic_and_a_persian_piece_share_their_terms() -> None:
    """The port of the Bandar Abbas blast as Arabic and Persian write it."""
    assert set(terms("ميناء الشهيد رجائي", "")) >= {"رجايي"}
    assert set(terms("بندر شهید رجایی", "")) >= {"رجايي"}


@pytest.mark.parametrize(("text", "place"), [
    ("بطهران", "tehran"), ("والقاهرة", "cairo"), ("لإيران", "iran"), ("وإسرائيل", "israel"),
])
def test_a_place_behind_an_arabic_article_or_proclitic(text: str, place: str) -> None:
    assert place in place_matcher().match(text, "")


def test_a_plain_word_is_still_no_place() -> None:
    assert place_matcher().match("بيان وزارة الخارجية", "") == {}
