# ruff: noqa: RUF001  (Cyrillic and Arabic script are the point here)
"""People named with a title or an attribution whom the gazetteer lacks (all names invented)."""

from __future__ import annotations

import pytest

from tui.core.actors.gazetteer import load_gazetteer
from tui.core.actors.recognize import Recognizer


@pytest.fixture(scope="module")
def recognizer() -> Recognizer:
    return Recognizer(load_gazetteer())


def unlisted(recognizer: Recognizer, body: str, title: str = "") -> list[tuple[str, str]]:
    taken = [(m.field, m.start, m.end) for m in recognizer.mentions(title, body, None)]
    return [(u.name, u.description) for u in recognizer.unlisted(title, body, taken)]


@pytest.mark.parametrize(("text", "expected"), [
    ("White House spokesman Jon Kirbo said the talks went well.",
     [("Jon Kirbo", "White House spokesman")]),
    ("Belgorod Governor Vyacheslav Gladkin said two people were hurt.",
     [("Vyacheslav Gladkin", "Belgorod Governor")]),
    ('"We will not allow it," said Nabil Barri, the parliament speaker.',
     [("Nabil Barri", "parliament speaker")]),
    ("Nabil Barri, the parliament speaker, said so. Barri added more.",
     [("Nabil Barri", "parliament speaker")]),
    ("Odesa's mayor, Gennady Trukhin, said the rescue went on all night.",
     [("Gennady Trukhin", "Odesa's mayor")]),
    ("Commission chairman Musa al-Maatah put turnout at 32 per cent.",
     [("Musa al-Maatah", "Commission chairman")]),
    ("Estonia's Margit Tsakna said the law was a copy.", [("Margit Tsakna", "")]),
    ("Romi Gonor, 24, and Emilia Damar, 28, were freed.",
     [("Romi Gonor", ""), ("Emilia Damar", "")]),
    ("Губернатор Белгородской области Вячеслав Гладкин заявил об атаке.",
     [("Вячеслав Гладкин", "Губернатор Белгородской области")]),
    ("пресс-секретарь министра Анна Петрова сообщила о встрече.",
     [("Анна Петрова", "пресс-секретарь министра")]),
    ("заявил Набиль Барри, спикер парламента Ливана.",
     [("Набиль Барри", "спикер парламента Ливана")]),
    ("وقال نبيل بري، رئيس مجلس النواب اللبناني، إن الاتفاق قريب",
     [("نبيل بري", "رئيس مجلس النواب اللبناني")]),
    ("وقال المتحدث باسم الخارجية الإيرانية ناصر كنعان إن طهران",
     [("ناصر كنعان", "المتحدث باسم الخارجية الإيرانية")]),
    ("اسماعیل بقا، سخنگوی وزارت امور خارجه، گفت", [("اسماعیل بقا", "سخنگوی وزارت امور خارجه")]),
    ("sagte Regierungssprecher Steffen Hebestreicher am Montag.",
     [("Steffen Hebestreicher", "Regierungssprecher")]),
    ("le ministre des Affaires étrangères Jean-Noël Barrault a déclaré",
     [("Jean-Noël Barrault", "ministre des Affaires étrangères")]),
    ("dijo el portavoz Manuel Albarez a la prensa.", [("Manuel Albarez", "portavoz")]),
])
def test_named_with_a_title_or_an_attribution(recognizer: Recognizer, text: str,
                                              expected: list[tuple[str, str]]) -> None:
    assert unlisted(recognizer, text) == expected


@pytest.mark.parametrize("text", [
    "White House spokesman John Kirby said the talks went well.",  # listed: no discovery
    "The Foreign Ministry said Monday that talks would resume.",
    "In March Ministry officials said the plan was ready.",
    "Iran's Supreme Leader said so, the Revolutionary Guards added.",
    "said the International Atomic Energy Agency, the UN watchdog.",
    "Officials said Donetsk Oblast, the eastern region, was shelled.",
    "در تهران، سخنگوی وزارت امور خارجه گفت",  # "in Tehran", not a name
    "the spokesman said on Tuesday that the talks in Geneva had stalled.",
    "Deputy Prime Ministers met in Tavush on Friday.",
    "die Sprecherin beantwortete Fragen von Journalisten nicht.",
    "el ministro de Asuntos Exteriores viajó a Bruselas.",
    "Associated Press writer Jane Doughty in Paris contributed to this report.",
    # the front of a listed name is no second person (a kunya; the Korean name declined)
    "HTS leader Abu Mohammed al-Jolani, now Ahmed al-Sharaa, spoke in Damascus.",
    "Шойгу провёл переговоры с председателем КНДР Ким Чен Ыном.",
])
def test_no_discovery_without_a_name(recognizer: Recognizer, text: str) -> None:
    assert unlisted(recognizer, text) == []


def test_spans_cover_second_references(recognizer: Recognizer) -> None:
    body = "Spokesman Ivo Examplov said no. Examplov later added that Ivo Examplov was tired."
    taken = [(m.field, m.start, m.end) for m in recognizer.mentions("", body, None)]
    [found] = recognizer.unlisted("", body, taken)
    assert [body[s:e] for _f, s, e in found.spans] == ["Ivo Examplov", "Examplov", "Ivo Examplov"]
    assert found.kind == "person"


def test_a_listed_surname_after_another_first_name_is_someone_else(
        recognizer: Recognizer) -> None:
    body = "Ministry spokesman Mohsen Eslami said turnout was high."
    assert [m.actor_id for m in recognizer.mentions("", body, None)] == []
    assert unlisted(recognizer, body) == [("Mohsen Eslami", "Ministry spokesman")]
    body = "Mohammad Eslami said so. Eslami added more."
    assert {m.actor_id for m in recognizer.mentions("", body, None)} == {"mohammad-eslami"}



@pytest.mark.parametrize("published", [None, "2025-03-01"])
def test_an_office_is_no_person_with_or_without_a_date(recognizer: Recognizer,
                                                        published: str | None) -> None:
    """"an adviser to the Iranian president": an office phrase after a title. Dated, the
    office resolved to its holder and was taken; undated (no holder resolves), the phrase
    was read as a name after the title «مستشار» and listed as a person not listed."""
    from datetime import UTC, datetime

    title = "رسالة عمانية إلى طهران"
    body = "قال مستشار للرئيس الإيراني إن المحادثات ستستأنف الأسبوع المقبل."
    when = datetime.fromisoformat(published).replace(tzinfo=UTC) if published else None
    taken = [(m.field, m.start, m.end) for m in recognizer.mentions(title, body, when)]
    assert recognizer.unlisted(title, body, taken) == []


@pytest.mark.parametrize("published", [None, "2025-03-01"])
@pytest.mark.parametrize("body", [
    "قال نائب للرئيس الإيراني للشؤون الاستراتيجية إن المحادثات ستستأنف.",
    "وقال مستشار الرئيس اللبناني للأمن القومي إن الوضع هادئ.",
    "وأكد نائب وزير الخارجية للشؤون السياسية أن الوفد سيصل غدا.",
])
def test_a_portfolio_after_a_title_is_no_person(recognizer: Recognizer, body: str,
                                                published: str | None) -> None:
    """"a vice president for strategic affairs": the portfolio after a title («للشؤون
    الاستراتيجية», «للأمن القومي»: "for the ...") was read as a name and listed as a person."""
    from datetime import UTC, datetime

    when = datetime.fromisoformat(published).replace(tzinfo=UTC) if published else None
    taken = [(m.field, m.start, m.end) for m in recognizer.mentions("", body, when)]
    assert recognizer.unlisted("", body, taken) == []


def test_a_name_after_a_portfolio_is_still_found(recognizer: Recognizer) -> None:
    body = "وقال نائب وزير الخارجية للشؤون السياسية سامر الخطيبي إن الوفد سيصل غدا."
    assert unlisted(recognizer, body) == [
        ("سامر الخطيبي", "نائب وزير الخارجية للشؤون السياسية")]


def test_second_references_find_the_spans_the_whole_word_regex_finds() -> None:
    """`whole_word_spans` stands in for a regex compiled per name: the same spans on texts
    of letters, marks, digits of two scripts, underscores, hyphens and spaces."""
    import random
    import re

    from tui.core.actors.unlisted import whole_word_spans

    pieces = ["a", "b", " ", "_", "é", "1", "ab", "\u0301", "٣", "-", "ع", "Ли"]
    rng = random.Random(19)
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 16)))
        form = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 3)))
        want = [m.span() for m in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", text)]
        assert whole_word_spans(text, form) == want, (text, form)
