# ruff: noqa: RUF001  (Hebrew, Persian and Arabic text is the point here)
"""The region's weekly names in Hebrew and Persian, with Hebrew's prefixes and its gershayim
("כ"ץ", "ארה"ב", "האו"ם"), and the look-alikes that must stay what they are: Persian words a
clitic makes out of a listed name, another Katz or Trump, the Arabic "مسقط رأس" (birthplace).
The sentences are ours."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tui.core.actors.gazetteer import Gazetteer
from tui.core.actors.recognize import Recognizer
from tui.core.places.matcher import place_finder


@pytest.fixture(scope="module")
def recognizer(gazetteer: Gazetteer) -> Recognizer:
    return Recognizer(gazetteer)


def found(recognizer: Recognizer, body: str) -> list[tuple[str, str]]:
    """(actor id, words as written) of each mention."""
    when = datetime(2026, 2, 26, tzinfo=UTC)
    return [(m.actor_id, body[m.start:m.end]) for m in recognizer.mentions("", body, when)]


@pytest.mark.parametrize(("body", "actor", "words"), [
    ("הנשיא טראמפ אמר כי השיחות יימשכו.", "donald-trump", "טראמפ"),
    ("שר הביטחון ישראל כ\"ץ הודיע על כך.", "israel-katz", "ישראל כ\"ץ"),
    ("לדברי כ״ץ, הצבא ייערך.", "israel-katz", "כ״ץ"),
    ("רוביו נפגש עם הסנאטורים.", "marco-rubio", "רוביו"),
    ("ויטקוף ייפגש עם עראקצ'י בז'נבה.", "steve-witkoff", "ויטקוף"),
    ("ופוטין שוחח עם ארדואן.", "recep-tayyip-erdogan", "ארדואן"),
    ("מזכ\"ל חזבאללה נעים קאסם נאם הערב.", "naim-qassem", "נעים קאסם"),
    ("בחזבאללה הודיעו על כך.", "hezbollah", "בחזבאללה"),
    ("משטר אסד נפל בדצמבר.", "bashar-al-assad", "אסד"),
    ("מוחמד דף חוסל בחאן יונס.", "mohammed-deif", "מוחמד דף"),
    ("מוחמד סינוואר נהרג.", "mohammed-sinwar", "מוחמד סינוואר"),
    ("בארה\"ב דיברו על שיחות חיוביות.", "united-states", "בארה\"ב"),
    ("ישיבת מועצת הביטחון באו\"ם.", "united-nations", "באו\"ם"),
    ("ישיבת מועצת הביטחון באו\"ם.", "un-security-council", "מועצת הביטחון"),
    ("ברשות הפלסטינית אמרו כי לא יחתמו.", "palestinian-authority", "ברשות הפלסטינית"),
    ("אחמד א-שרע נפגש עם עאון.", "joseph-aoun", "עאון"),
    ("اسکندر مؤمنی وزیر کشور گفت.", "eskandar-momeni", "اسکندر مؤمنی"),
    ("قطعنامه شورای امنیت درباره ایران صادر شد.", "un-security-council", "شورای امنیت"),
    ("جیش‌الظلم مسئولیت حمله را پذیرفت.", "jaish-al-adl", "جیش‌الظلم"),
    ("مصطفی پورمحمدی نامزد شد.", "mostafa-pourmohammadi", "مصطفی پورمحمدی"),
    ("Амос Хокштейн прилетел в Бейрут.", "amos-hochstein", "Амос Хокштейн"),
])
def test_the_regions_names_in_hebrew_and_persian(
        recognizer: Recognizer, body: str, actor: str, words: str) -> None:
    assert (actor, words) in found(recognizer, body)


@pytest.mark.parametrize(("body", "absent"), [
    ("بسیاری از مردم به خیابان آمدند.", "habibollah-sayyari"),  # "many", not ب + Sayyari
    ("دولت برای خرید خانه وام می‌دهد.", "wam"),  # "loan", not the Emirates agency
    ("מלניה טראמפ תנהל את הדיון.", "donald-trump"),
    ("שר התיירות חיים כ\"ץ ביקר בעיר.", "israel-katz"),
    ("מוחמד סינוואר נהרג.", "yahya-sinwar"),
    ("شورای امنیت ملی ایران تصمیم گرفت.", "un-security-council"),
])
def test_look_alikes_are_not_the_listed_name(recognizer: Recognizer, body: str,
                                             absent: str) -> None:
    assert absent not in {actor for actor, _words in found(recognizer, body)}


def test_muscat_in_persian_arabic_and_hebrew_but_not_a_birthplace() -> None:
    """"مسقط رأسه" (his birthplace) holds Muscat's name: a phrase that names no place."""
    def places(text: str) -> list[str]:
        return [place for _s, _e, place in place_finder().find(text)]
    assert places("دور سوم مذاکرات در مسقط برگزار شد.") == ["muscat"]
    assert places("הסבב הבא ייערך במוסקט.") == ["muscat"]
    assert places("دفن الشهيد في مسقط رأسه في لبنان.") == ["lebanon"]
