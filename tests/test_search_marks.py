"""The words a search matched, found in an article's text as the full-text index found them
(the reader highlights them, as newsboat does)."""

from __future__ import annotations

from tui.core.query.marks import marks, spans


def marked(query: str, text: str, field: str = "body") -> list[str]:
    return [text[start:end] for start, end in spans(marks(query), text, field)]


def test_words_any_case_and_accent_as_the_index_matches() -> None:
    text = "The Treaty was signed; treaty-makers met at the Café. Treatise aside."
    assert marked("treaty", text) == ["Treaty", "treaty"]
    assert marked("cafe", text) == ["Café"]
    assert marked("treat*", text) == ["Treaty", "treaty", "Treatise"]


def test_a_phrase_is_its_words_in_a_row() -> None:
    text = "A grain deal, then the deal on grain: the grain  deal again."
    assert marked('"grain deal"', text) == ["grain deal", "grain  deal"]


def test_negated_and_other_fields_mark_nothing() -> None:
    text = "Oil and gas; Iran and oil."
    assert marked("iran -oil since:2d +news", text) == ["Iran"]
    assert marked("iran OR gas", text) == ["gas", "Iran"]
    assert marked("title:iran", text) == []
    assert marked("title:iran", text, "title") == ["Iran"]
    assert marked("is:unread", text) == [] and marked("(bad", text) == []


def test_a_russian_word_marks_its_other_endings() -> None:
    text = "Бои в Курской области; Курск под ударом."
    assert marked("Курск", text) == ["Курской", "Курск"]
    assert marked('"Курск"', text) == ["Курск"]  # quoted: as written


def test_an_arabic_word_marks_it_with_its_proclitics_and_spellings() -> None:
    text = "زار الرئيس ولبنان والعراق ثم لبنان"
    assert marked("لبنان", text) == ["ولبنان", "لبنان"]
    assert marked("العراق", text) == ["والعراق"]
