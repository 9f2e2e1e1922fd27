# ruff: noqa: RUF001, RUF002  (Turkish, Russian, Persian, Arabic and Hebrew text is the point here)
"""Turkish headlines and leads get an event-type profile (what.py had no Turkish line), read
with ı and İ as i so a headline in capitals counts; a space launch is typed as a launch, not as
a missile attack, in each of the lexicon's languages; Turkish stems that look like English or
Italian words ("sel", "gemi", "dava") stay out. The sentences are ours."""

from __future__ import annotations

import pytest

from tui.core.linking.what import VIOLENCE, count_types, headline_kinds, kind_apart, profile


def _main(title: str, body: str = "") -> str:
    got = profile(title, body)
    return min(got, key=lambda k: (-got[k], k)) if got else ""


@pytest.mark.parametrize(("title", "kind"), [
    ("Malatya'da 5,4 büyüklüğünde deprem, evler hasar gördü", "disaster"),
    ("MALATYA'DA ARTÇI SARSINTI", "disaster"),
    ("Dışişleri Bakanı Tahran'a resmi ziyaret gerçekleştirdi", "talks"),
    ("İki lider İstanbul'da bir araya geldi", "talks"),
    ("Gazze'de ateşkes ilan edildi", "ceasefire"),
    ("Yerel seçimlerde oy sayımı sürüyor", "election"),
    ("Liman kentine hava saldırısı düzenlendi", "air_strike"),
    ("Sınır hattında insansız hava aracı düşürüldü", "drone"),
    ("İHA'lar sınırda görüldü", "drone"),
    ("Başkente balistik füze fırlatıldı", "missile"),
    ("İki ülke arasında esir takası tamamlandı", "captives"),
    ("Bakanlık yeni yaptırımları açıkladı", "sanctions"),
    ("Eski vali gözaltına alındı", "arrest"),
    ("Genelkurmay başkanı görevden alındı", "appointment"),
    ("Başkentte binlerce kişi protesto yürüyüşü yaptı", "protest"),
    ("Merkez Bankası faiz kararını açıkladı", "economy"),
])
def test_turkish_headlines_name_their_events(title: str, kind: str) -> None:
    assert _main(title) == kind


def test_a_turkish_lead_counts_below_its_headline() -> None:
    got = profile("Kıyı kentinde sabah saatlerinde panik",
                  "Kentte meydana gelen depremde 3 kişi hayatını kaybetti.")
    assert got == {"deaths": 1.5, "disaster": 1.5}


@pytest.mark.parametrize("text", [
    "Selling pressure hit the Gemini shares",
    "Il ministro dava il via libera al piano",
    "The team selected a new dataset for the Gemini survey",
])
def test_turkish_stems_stay_out_of_other_latin_languages(text: str) -> None:
    assert count_types(text) == {}


@pytest.mark.parametrize("title", [
    "A Soyuz rocket lifted off carrying two weather satellites into orbit",
    "Ракета-носитель вывела на орбиту три спутника связи",
    "پرتاب ماهواره مخابراتی با موشک ماهواره‌بر از پایگاه فضایی",
    "صاروخ حامل يضع قمرا صناعيا في مدار الأرض",
    "חללית שוגרה עם לוויין תקשורת",
    "Soyuz roketi iki iletişim uydusunu yörüngeye taşıdı",
])
def test_a_space_launch_is_a_launch_and_no_missile_attack(title: str) -> None:
    got = count_types(title)
    assert _main(title) == "launch"
    assert "missile" not in got


def test_a_launch_and_a_missile_strike_are_apart() -> None:
    launch = headline_kinds("Ракета-носитель «Союз» вывела на орбиту спутник связи")
    strike = headline_kinds("Ракетный удар по порту: есть погибшие")
    assert "launch" not in VIOLENCE
    assert kind_apart(launch, strike)


def test_missiles_are_still_missiles() -> None:
    assert _main("Iran launched ballistic missiles at an air base") == "missile"
    assert _main("Ракетный удар по складу") in {"missile", "air_strike"}
    assert "launch" not in count_types("Fresh satellite images show the damaged hangars")
