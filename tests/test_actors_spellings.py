# ruff: noqa: RUF001  (Arabic, Persian and Hebrew text is the point here)
"""Spellings of listed names that writers use and the gazetteer does not list one by one:
vowel marks and the tatweel, a Persian compound name written apart in Arabic, the Egyptian ج
for a foreign g, Hebrew prefixes; and the spelling checks see them as the listed name."""

from __future__ import annotations

import pytest

from tui.core.actors.gazetteer import load_gazetteer
from tui.core.actors.owners import refusal
from tui.core.actors.recognize import Recognizer
from tui.core.actors.unmarked import unmark


@pytest.fixture(scope="module")
def recognizer() -> Recognizer:
    return Recognizer(load_gazetteer())


def found(recognizer: Recognizer, body: str) -> tuple[list[tuple[str, str]], list[str]]:
    """(actor id, words as written) of each mention, and the names found not listed."""
    mentions = recognizer.mentions("", body, None)
    taken = [(m.field, m.start, m.end) for m in mentions]
    return ([(m.actor_id, body[m.start:m.end]) for m in mentions],
            [u.name for u in recognizer.unlisted("", body, taken)])


def test_vowel_marks_and_the_tatweel_are_read_past_and_kept_in_the_span(
        recognizer: Recognizer) -> None:
    body = "قال إسماعيل هَنِيَّة إن الوفد وصل، وأكد إسماعيل هنيـة ذلك."
    assert found(recognizer, body) == ([("ismail-haniyeh", "إسماعيل هَنِيَّة"),
                                        ("ismail-haniyeh", "إسماعيل هنيـة")], [])


def test_a_persian_compound_name_written_apart_is_one_person(recognizer: Recognizer) -> None:
    body = "وصل وفد برئاسة محمد رضا عارف إلى الدوحة أمس."
    mentions, unlisted = found(recognizer, body)
    assert mentions == [("mohammad-reza-aref", "محمد رضا عارف")]
    assert "رضا عارف" not in unlisted


def test_the_egyptian_jim_for_a_foreign_g(recognizer: Recognizer) -> None:
    body = "وقال وزير الدفاع سيرجي شويجو إن القوات تقدمت، وأضاف شويجو أن الهجوم فشل."
    assert [a for a, _words in found(recognizer, body)[0]] == ["sergei-shoigu"] * 2


@pytest.mark.parametrize(("body", "actor", "words"), [
    ("وبالحرس الثوري أحاطت القوات المدينة.", "irgc", "وبالحرس الثوري"),
    ("وكان للجيش دور، وللحرس الثوري دور أكبر.", "irgc", "وللحرس الثوري"),
    ("فللحرس الثوري قواعد في المنطقة.", "irgc", "فللحرس الثوري"),
    ("ولحزب الله مقاعد في البرلمان.", "hezbollah", "ولحزب الله"),
    ("فبالكرملين عقد اللقاء أمس.", "kremlin", "فبالكرملين"),
    ("وبعراقجي اتصل نظيره القطري.", "abbas-araghchi", "وبعراقجي"),
])
def test_arabic_names_behind_a_conjunction_and_a_preposition(
        recognizer: Recognizer, body: str, actor: str, words: str) -> None:
    """و/ف then ب/ل written onto one name: two clitics, the name still found."""
    assert (actor, words) in found(recognizer, body)[0]


def test_hebrew_names_with_their_prefixes(recognizer: Recognizer) -> None:
    body = "איסמאעיל הנייה נהרג בטהרן. בחמאס אמרו שהנייה היה יעד."
    mentions, _unlisted = found(recognizer, body)
    assert ("ismail-haniyeh", "איסמאעיל הנייה") in mentions and ("hamas", "בחמאס") in mentions


def test_a_marked_spelling_of_a_listed_name_is_no_new_spelling_or_actor() -> None:
    gazetteer = load_gazetteer()
    spelling = refusal(gazetteer, "إسماعيل هَنِيَّة", "ismail-haniyeh")
    assert spelling is not None and "already goes by" in str(spelling)
    actor = refusal(gazetteer, "إسماعيل هنيـة")
    assert actor is not None and actor.owners == ("ismail-haniyeh",)


def test_spans_map_back_over_the_marks() -> None:
    text = unmark("قال هَنِيَّة")
    assert text.text == "قال هنية"
    assert text.back(4, 8) == (4, 12) and text.forth(4, 12) == (4, 8)
    assert unmark("plain text").where is None


def test_the_russian_spelling_with_a_final_ye(recognizer: Recognizer) -> None:
    body = "Глава политбюро ХАМАС Исмаил Ханийе погиб в Тегеране, сообщил ХАМАС."
    mentions, unlisted = found(recognizer, body)
    assert any(actor == "ismail-haniyeh" and words.endswith("Исмаил Ханийе")
               for actor, words in mentions) and not unlisted  # his title joins the mention


@pytest.mark.parametrize("body", [
    "בית הדין הפלילי הבינלאומי בהאג הוציא היום צווי מעצר.",
    "ישראל הגישה לבית הדין הפלילי הבינלאומי הודעה על ערעור.",
    "دیوان کیفری بین‌المللی حکم بازداشت صادر کرد.",
    "Uluslararası Ceza Mahkemesi tutuklama kararı çıkardı.",
])
def test_the_icc_in_hebrew_persian_and_turkish(recognizer: Recognizer, body: str) -> None:
    """The court of the Netanyahu warrants, as the Hebrew and Persian coverage names it."""
    assert "icc" in {actor for actor, _words in found(recognizer, body)[0]}


@pytest.mark.parametrize(("body", "actor", "words"), [
    ("Arakchi told reporters in Muscat that talks would go on.", "abbas-araghchi", "Arakchi"),
    ("Аббас Арагчи прилетел в Москву, сообщил МИД.", "abbas-araghchi", "Аббас Арагчи"),
    ("Abbas Arakçi Ankara'da konuştu.", "abbas-araghchi", "Abbas Arakçi"),
    ("Эсмаил Багаи ответил на вопросы журналистов.", "esmaeil-baghaei", "Эсмаил Багаи"),
    ("סרגיי לברוב הגיע לטהרן.", "sergey-lavrov", "סרגיי לברוב"),
    ("جیحون بایراموف به تهران رفت.", "jeyhun-bayramov", "جیحون بایراموف"),
    ("ایمن صفدی در امان گفت.", "ayman-safadi", "ایمن صفدی"),
    ("یوآو گالانت از سمت خود برکنار شد.", "yoav-gallant", "یوآو گالانت"),
    ("Амос Хохштейн снова приехал в Бейрут.", "amos-hochstein", "Амос Хохштейн"),
    ("وزار عزيز نصير زاده بكين.", "aziz-nasirzadeh", "عزيز نصير زاده"),
])
def test_the_regions_ministers_in_the_spellings_each_language_uses(
        recognizer: Recognizer, body: str, actor: str, words: str) -> None:
    """Foreign and defence ministers as Russian, Persian, Arabic, Hebrew and Turkish write them
    (Araghchi is "Аракчи" or "Арагчи", "Arakçi" in Turkish, "Arakchi" in some English)."""
    assert (actor, words) in found(recognizer, body)[0]
