# ruff: noqa: RUF001  (Cyrillic and Turkish script are the point here)
"""Two bodies the news confuses: Iran's Supreme National Security Council and Russia's Security
Council (the seed story: Shoigu, secretary of Russia's, in Tehran with Ahmadian, secretary of
Iran's), told apart in en/ru/ar/fa however short the name; and UKMTO, whose reports of attacks
on Red Sea shipping were read as the Royal Navy (Arabic "...التجارة البحرية البريطانية" holds
"البحرية البريطانية") or as nothing. The sentences are ours."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tui.core.actors.gazetteer import Gazetteer
from tui.core.actors.recognize import Recognizer


@pytest.fixture(scope="module")
def recognizer(gazetteer: Gazetteer) -> Recognizer:
    return Recognizer(gazetteer)


def orgs(recognizer: Recognizer, body: str) -> list[tuple[str, str]]:
    kinds = recognizer.gazetteer.actors
    when = datetime(2024, 8, 10, tzinfo=UTC)
    return [(m.actor_id, body[m.start:m.end]) for m in recognizer.mentions("", body, when)
            if kinds[m.actor_id].kind == "org"]


@pytest.mark.parametrize(("body", "iran", "russia"), [
    ("Shoigu met the secretary of Iran's Security Council on Monday; Russia's Security Council "
     "said so.", "Iran's Security Council", "Russia's Security Council"),
    ("The Iranian Security Council met after the Russian Security Council had.",
     "Iranian Security Council", "Russian Security Council"),
    ("Секретарь Совета безопасности России Шойгу встретился с секретарем Совета безопасности "
     "Ирана.", "Совета безопасности", "Совета безопасности России"),
    ("Секретарь Совбеза РФ побывал у секретаря Совбеза Ирана.", "Совбеза", "Совбеза"),
    ("التقى أمين مجلس الأمن الروسي أمين مجلس الأمن القومي الإيراني.",
     "مجلس الأمن القومي الإيراني", "مجلس الأمن الروسي"),
    ("دبیر شورای امنیت روسیه با دبیر شورای امنیت ملی ایران دیدار کرد.", "شورای امنیت ملی",
     "شورای امنیت روسیه"),
])
def test_irans_security_council_is_its_snsc_and_russias_stays_russias(
        recognizer: Recognizer, body: str, iran: str, russia: str) -> None:
    found = orgs(recognizer, body)
    assert ("iran-snsc", iran) in found and ("russia-security-council", russia) in found
    assert {actor for actor, _ in found} == {"iran-snsc", "russia-security-council"}


@pytest.mark.parametrize(("body", "words"), [
    ("Секретарь иранского Совбеза Ахмадиан принял гостя из Москвы.", "иранского Совбеза"),
    ("В иранском Совете безопасности ответ назвали неизбежным.",
     "иранском Совете безопасности"),
    ("Секретарь СНБ Ирана провел переговоры в Москве.", "СНБ Ирана"),
    ("Заседание ВСНБ прошло в Тегеране ночью.", "ВСНБ"),
    ("В Совете национальной безопасности Ирана обсудили ответ.",
     "Совете национальной безопасности"),
    ("Решение принял Совет нацбезопасности Ирана.", "Совет нацбезопасности"),
    ("دبیر شورای امنیت ملی امروز به مسکو سفر کرد.", "شورای امنیت ملی"),
])
def test_irans_council_in_russian_short_forms_and_a_bare_persian_name(
        recognizer: Recognizer, body: str, words: str) -> None:
    """Russian writes Iran's council short ("СНБ", "ВСНБ", "нацбезопасности") or with the
    adjective before it ("иранского Совбеза", which the bare "Совбез" gave to Russia's); an
    Iranian outlet's Persian names it without ایران: each is the SNSC."""
    assert orgs(recognizer, body) == [("iran-snsc", words)]


@pytest.mark.parametrize(("body", "actor"), [
    ("Совет национальной безопасности США провел совещание.", "us-nsc"),
    ("شورای امنیت ملی عراق تشکیل جلسه داد.", "iraq-security-council"),
    ("شورای امنیت ملی آمریکا بیانیه داد.", "us-nsc"),
])
def test_another_states_national_security_council_stays_its_own(
        recognizer: Recognizer, body: str, actor: str) -> None:
    assert [a for a, _words in orgs(recognizer, body)] == [actor]


@pytest.mark.parametrize(("body", "words"), [
    ("UK Maritime Trade Operations said a bulk carrier was hit west of Hodeidah.",
     "UK Maritime Trade Operations"),
    ("The British agency UKMTO said the crew were safe.", "UKMTO"),
    ("По данным Управления морских торговых операций Великобритании, судно повреждено.",
     "Управления морских торговых операций Великобритании"),
    ("وقالت هيئة عمليات التجارة البحرية البريطانية إن سفينة أصيبت قبالة عدن.",
     "هيئة عمليات التجارة البحرية البريطانية"),
    ("سازمان عملیات تجارت دریایی انگلیس اعلام کرد یک کشتی آسیب دید.",
     "سازمان عملیات تجارت دریایی انگلیس"),
    ("מבצעי הסחר הימי של בריטניה דיווחו על פגיעה בספינה.", "מבצעי הסחר הימי של בריטניה"),
    ("İngiliz Deniz Ticareti Operasyonları bir geminin vurulduğunu bildirdi.",
     "İngiliz Deniz Ticareti Operasyonları"),
])
def test_ukmto_is_named_and_is_not_the_royal_navy(recognizer: Recognizer, body: str,
                                                  words: str) -> None:
    assert orgs(recognizer, body) == [("ukmto", words)]


def test_the_royal_navy_itself_is_still_the_royal_navy(recognizer: Recognizer) -> None:
    body = "وقالت البحرية البريطانية إن مدمرة أسقطت طائرة مسيرة."
    assert orgs(recognizer, body) == [("royal-navy", "البحرية البريطانية")]


def test_a_navy_inside_ukmtos_name_is_no_navy_to_refer_back_to(recognizer: Recognizer) -> None:
    """"القوات البحرية" (naval forces) alone refers back to a navy the article named; the
    British navy's words inside UKMTO's Arabic name are no such navy (the Houthis' naval forces
    came out as the Royal Navy). A navy named on its own is still referred back to."""
    body = ("أفادت هيئة عمليات التجارة البحرية البريطانية بأن سفينة أصيبت. وقال المتحدث إن "
            "القوات البحرية التابعة للجماعة استهدفت السفينة.")
    assert orgs(recognizer, body) == [("ukmto", "هيئة عمليات التجارة البحرية البريطانية")]
    body = "قالت البحرية البريطانية إن مدمرة أسقطت مسيرة. وأضافت القوات البحرية أنها ستواصل."
    assert orgs(recognizer, body) == [("royal-navy", "البحرية البريطانية"),
                                      ("royal-navy", "القوات البحرية")]
