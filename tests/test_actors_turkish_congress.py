# ruff: noqa: RUF001  (Turkish, Hebrew, Arabic and Russian text is the point here)
"""Names of the region as Turkish writes them (Şara, Esad, Husiler, Beyaz Saray, BM), the US
Congress and its parties in Hebrew (the article drops after ב: "בסנאט"), the US carriers sent
to the region, and "Abd al-" names written joined or apart; and the look-alikes that must
stay apart: Golan's Israeli "הדמוקרטים" is no US party, the World Jewish Congress no Congress,
President Ford no carrier, Esad Şeybani no Assad, the letter "efe" no agency. Hebrew role
phrases name an office only with its country ("שר החוץ האיראני"), and its holder on the day.
The sentences are ours."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.conftest import found_in
from tui.core.actors.recognize import Recognizer
from tui.core.actors.spellings import hebrew_variants, written_alike


@pytest.mark.parametrize(("body", "actor"), [
    ("Erdoğan, Suriye Cumhurbaşkanı Ahmed Şara ile görüştü.", "ahmed-al-sharaa"),
    ("Şara'nın Riyad ziyareti sürüyor.", "ahmed-al-sharaa"),
    ("Dışişleri Bakanı Esad Şeybani Ankara'da.", "asaad-al-shaibani"),
    ("Devrik lider Esad Moskova'ya kaçtı.", "bashar-al-assad"),
    ("Veliaht Prens Muhammed bin Selman konuştu.", "mohammed-bin-salman"),
    ("Mesud Pezeşkiyan ve Ali Hamaney bir araya geldi.", "ali-khamenei"),
    ("Pezeşkiyan açıklama yaptı.", "masoud-pezeshkian"),
    ("Yahya Sinvar öldürüldü.", "yahya-sinwar"),
    ("Husiler Kızıldeniz'de bir gemiye saldırdı.", "houthis"),
    ("İslami Cihad ateşkesi kabul etti.", "pij"),
    ("Devrim Muhafızları füze fırlattı.", "irgc"),
    ("İsrail ordusu Refah'a girdi.", "idf"),
    ("Beyaz Saray açıklama yaptı.", "white-house"),
    ("BM Güvenlik Konseyi toplandı.", "un-security-council"),
    ("Lübnan Cumhurbaşkanı Joseph Avn konuştu.", "joseph-aoun"),
    ("Sinan Oğan ikinci turda destek verdi.", "sinan-ogan"),
    ("Cumhur İttifakı çoğunluğu korudu.", "peoples-alliance"),
    ("הערכות בסנאט: החוק לא יעבור.", "us-senate"),
    ("הקונגרס אישר את הסיוע.", "us-congress"),
    ("הסנאטורים הדמוקרטים התנגדו להצעה.", "democratic-party-us"),
    ("הרפובליקנים תמכו בחוק.", "republican-party-us"),
    ("הדמוקרטים עולים בסקרים ל-10 מנדטים.", "the-democrats"),
    ("\"ג'רלד פורד\" אמורה להגיע לישראל.", "uss-gerald-r-ford"),
    ("The USS Gerald R. Ford reached the eastern Mediterranean.", "uss-gerald-r-ford"),
    ("وصلت حاملة الطائرات كارل فينسون إلى بحر العرب.", "uss-carl-vinson"),
    ("משרד הבריאות בעזה מסר כי 30 נהרגו.", "gaza-health-ministry"),
    ("نُقل الجرحى إلى مجمع ناصر الطبي في خان يونس.", "nasser-medical-complex"),
    ("قال محمد عبدالسلام إن الحوثيين لن يتوقفوا.", "mohammed-abdulsalam"),
    ("Georgischer Traum gewann die Wahl; Irakli Kobachidse bleibt.", "irakli-kobakhidze"),
    ("Hamas liberó a Edan Alexander, informó la agencia EFE.", "edan-alexander"),
    ("Hamas liberó a Edan Alexander, informó la agencia EFE.", "efe"),
    ("חמאס שחרר את עידן אלכסנדר.", "edan-alexander"),
])
def test_names_found(recognizer: Recognizer, body: str, actor: str) -> None:
    assert actor in found_in(recognizer, body)


@pytest.mark.parametrize(("body", "absent"), [
    ("הדמוקרטים עולים בסקרים ל-10 מנדטים.", "democratic-party-us"),  # Golan's party
    ("הסנאטורים הדמוקרטים התנגדו להצעה.", "the-democrats"),
    ("רוביו הציף את הסוגיה, הדמוקרטים לא התרשמו.", "the-democrats"),  # Rubio: the US party
    ("הקונגרס היהודי העולמי גינה את ההחלטה.", "us-congress"),
    ("הנשיא ג'רלד פורד נפטר ב-2006.", "uss-gerald-r-ford"),
    ("President Gerald Ford pardoned Nixon; Ford Motor sales fell.", "uss-gerald-r-ford"),
    ("Abraham Lincoln freed the slaves.", "uss-abraham-lincoln"),
    ("Dışişleri Bakanı Esad Şeybani Ankara'da.", "bashar-al-assad"),
    ("Gamal Abdel Nasser nationalised the canal.", "nasser-medical-complex"),
    ("Reisi kim olursa olsun, karar verildi.", "ebrahim-raisi"),  # "the chief"
    ("La letra efe va antes de la ge.", "efe"),  # the letter, lower case
])
def test_look_alikes_stay_apart(recognizer: Recognizer, body: str, absent: str) -> None:
    assert absent not in found_in(recognizer, body)


def test_spellings_join_abd_al_and_drop_the_hebrew_article() -> None:
    assert "محمد عبدالسلام" in written_alike("محمد عبد السلام", "Mohammed Abdulsalam")
    assert "عبد الملك الحوثي" in written_alike("عبدالملك الحوثي", "Abdul-Malik al-Houthi")
    assert "בסנאט" in hebrew_variants("הסנאט")
    assert "בהסנאט" in hebrew_variants("הסנאט")  # the old prefixes stay
    assert not [v for v in hebrew_variants("הם") if v == "בם"]  # short words: no drop


@pytest.mark.parametrize(("body", "when", "actor"), [
    ("שר החוץ האיראני אמר: \"התקרבנו מאוד\".", datetime(2026, 2, 26, tzinfo=UTC),
     "abbas-araghchi"),
    ("שר החוץ האיראני אמר: \"התקרבנו מאוד\".", datetime(2023, 6, 1, tzinfo=UTC),
     "hossein-amir-abdollahian"),
    ("מזכיר המדינה האמריקני נחת בישראל.", datetime(2026, 2, 26, tzinfo=UTC), "marco-rubio"),
    ("מזכיר המדינה האמריקני נחת בישראל.", datetime(2023, 10, 12, tzinfo=UTC),
     "antony-blinken"),
    ("נשיא רוסיה נפגש עם נשיא טורקיה.", datetime(2025, 6, 1, tzinfo=UTC),
     "recep-tayyip-erdogan"),
])
def test_hebrew_role_phrases_name_the_holder_of_the_day(
        recognizer: Recognizer, body: str, when: datetime, actor: str) -> None:
    assert actor in {m.actor_id for m in recognizer.mentions("", body, when)}


def test_a_role_phrase_without_its_country_names_nobody(recognizer: Recognizer) -> None:
    """"מזכיר המדינה" alone is no office: the country is the qualifier (as "госсекретарь")."""
    assert "marco-rubio" not in found_in(recognizer, "ניסיונות מזכיר המדינה לשכנע את הסנאטורים.")
