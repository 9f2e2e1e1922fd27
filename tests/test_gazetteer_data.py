# ruff: noqa: RUF001  (Cyrillic, Arabic and Persian sentences are the point here)
"""The bundled gazetteer's data: size, soundness, and a precision guard as it grows.

A bigger gazetteer is a less precise one unless every shared form is deliberate: two actors
claiming one full name, a surname shared without cues, a common word as a name. The sentences
at the end are ours, written to tempt the matcher (common words, shared surnames, names that
are also places or words in Arabic and Persian); none of them names an actor.
"""

from __future__ import annotations

import tomllib
from collections import Counter

import pytest

from tui.core.actors.gazetteer import BUNDLED, KINDS, Gazetteer
from tui.core.actors.matcher import Matcher
from tui.core.actors.text import key_of, script_of

# Surnames two actors list on purpose, each resolved by the nearest full name in the article.
SHARED_SURNAMES = {" kim ": {"kim-jong-un", "kim-yo-jong"}}

# Capitalised at the start of a sentence or in a title, these must never light up an actor.
COMMON_WORDS = set(["hope", "victory", "unity", "patriot", "justice", "prosperity", "freedom", "liberty", "peace", "future", "progress", "dignity", "revival", "renaissance", "solidarity", "resistance", "reform", "change", "dawn", "storm", "thunder", "spring", "rain", "memorial", "amnesty", "guardian", "mirror", "independent", "echo", "truth", "voice", "nation", "homeland", "motherland", "faith", "new", "people", "ring", "fortress", "shield", "sword", "iron", "dome", "arrow", "david", "sling", "falcon", "eagle", "lion", "tiger", "star", "sun", "moon", "crescent", "cross", "union", "alliance", "front", "movement", "party", "council", "assembly", "parliament", "congress", "senate", "government", "ministry", "army", "navy", "police", "court", "bank", "fund", "channel", "radio", "agency", "news", "times", "post", "journal", "gazette", "herald", "tribune", "daily", "review", "world", "global", "international", "national", "president", "minister", "general", "commander", "leader", "chief", "speaker", "prince", "king", "queen", "emir", "sheikh"])


def test_the_file_loads_with_unique_ids(gazetteer: Gazetteer) -> None:
    raw = tomllib.loads(BUNDLED.read_text(encoding="utf-8"))["actor"]
    ids = Counter(entry["id"] for entry in raw)
    assert [i for i, n in ids.items() if n > 1] == []
    # ...and one organisation per state body the bodies table names that the file lacks.
    assert gazetteer.bodies is not None
    made = {b.id for b in gazetteer.bodies.new}
    assert not made & set(ids)
    assert len(gazetteer.actors) == len(raw) + len(made)


def test_size_kinds_and_descriptions(gazetteer: Gazetteer) -> None:
    actors = gazetteer.actors.values()
    kinds = Counter(a.kind for a in actors)
    assert len(gazetteer.actors) - len(gazetteer.bodies.new) >= 1500  # type: ignore[union-attr]
    assert set(kinds) == set(KINDS)
    assert kinds["media"] >= 60
    assert [a.id for a in actors if not a.description.strip()] == []


def test_media_outlets_cited_as_sources_are_listed(gazetteer: Gazetteer) -> None:
    media = {a.id for a in gazetteer.actors.values() if a.kind == "media"}
    for must in ("tass", "ria-novosti", "interfax", "irna", "isna", "tasnim", "fars-news",
                 "mehr-news", "press-tv", "kcna", "reuters", "associated-press", "afp",
                 "bloomberg", "sputnik", "izvestia", "kommersant", "al-jazeera", "al-arabiya",
                 "al-mayadeen", "haaretz", "times-of-israel", "ynet", "channel-12", "kan",
                 "anadolu", "sana", "wafa", "saba", "meduza", "novaya-gazeta"):
        assert must in media, must


def test_every_full_form_and_acronym_has_one_owner(gazetteer: Gazetteer) -> None:
    owners: dict[str, set[str]] = {}
    for actor in gazetteer.actors.values():
        for form in (*actor.full_forms(), *actor.acronyms):
            owners.setdefault(key_of(form), set()).add(actor.id)
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}


def test_shared_surnames_are_disambiguated(gazetteer: Gazetteer) -> None:
    """A surname listed by two actors needs cues on each, or a deliberate entry above; and
    no listed surname may be another actor's full name."""
    listed: dict[str, set[str]] = {}
    full: dict[str, set[str]] = {}
    for actor in gazetteer.actors.values():
        for form in actor.surnames:
            listed.setdefault(key_of(form), set()).add(actor.id)
        for form in (*actor.full_forms(), *actor.acronyms):
            full.setdefault(key_of(form), set()).add(actor.id)
    for key, ids in listed.items():
        if len(ids) > 1 and SHARED_SURNAMES.get(key) != ids:
            assert all(gazetteer.actors[i].cues for i in ids), (key, ids)
        assert not (full.get(key, set()) - ids), (key, ids, full[key])


def test_no_common_english_word_is_a_form(gazetteer: Gazetteer) -> None:
    bad = []
    for actor in gazetteer.actors.values():
        for form in (*actor.full_forms(), *actor.surnames):
            if script_of(form) != "latin":
                continue
            key = key_of(form).strip()
            if form.islower() and " " not in key:
                bad.append((actor.id, form))  # would match lowercase running text
            if key in COMMON_WORDS:
                bad.append((actor.id, form))
    assert bad == []


def test_native_scripts_for_the_region(gazetteer: Gazetteer) -> None:
    """Spot checks that region actors carry their names in their own script."""
    def scripts(actor_id: str) -> set[str]:
        return {script_of(f) for f in gazetteer.actors[actor_id].full_forms()}
    for ident in ("vyacheslav-gladkov", "alexander-bastrykin", "denis-pushilin", "tass",
                  "oleh-syniehubov", "maria-kalesnikava"):
        assert "cyrillic" in scripts(ident), ident
    for ident in ("eskandar-momeni", "ali-mohammad-naini", "irna", "basim-al-awadi",
                  "youssef-rajji", "ismail-al-thawabta", "mohammed-al-bukhaiti"):
        assert "arabic" in scripts(ident), ident
    hebrew = [i for i in ("amir-ohana", "omer-dostri", "shlomi-binder", "haaretz")
              if not any("\u0590" <= ch <= "\u05ff" for f in gazetteer.actors[i].full_forms()
                         for ch in f)]
    assert hebrew == []


def test_new_second_rank_is_found(matcher: Matcher) -> None:
    body = ("Belgorod Governor Vyacheslav Gladkov said two people were hurt. TASS quoted "
            "Marat Khusnullin. Гладков сообщил о пострадавших, передаёт РИА Новости. "
            "قال المتحدث باسم الحكومة العراقية باسم العوادي. "
            "سخنگوی سپاه علی‌محمد نائینی گفت. The Gaza health ministry and Lebanon's health "
            "ministry gave new tolls.")
    got = {m.actor_id for m in matcher.match("", body)}
    assert {"vyacheslav-gladkov", "tass", "marat-khusnullin", "ria-novosti", "basim-al-awadi",
            "ali-mohammad-naini", "gaza-health-ministry", "lebanon-health-ministry"} <= got


PRECISION_SENTENCES = [
    # English: common words, capitalised at the start of a sentence or in titles
    "Hope returned to the market as Victory Day approached and Unity was the word of the week.",
    "Justice, Prosperity and Freedom were the slogans painted on the new stadium.",
    "Patriot fans queued outside the cinema for the premiere.",
    "New people arrived in the village every spring, a farmer said.",
    "The Guardian angels of the old city were painted on the cathedral ceiling.",
    "Memorial services were held on Sunday for the victims of the flood.",
    "Amnesty for tax debts was approved by the city council.",
    "Sputnik V and other vaccines were discussed at the medical conference.",
    "Michael Bloomberg donated to a museum in New York.",
    "The state of Georgia hosted the college football final.",
    "The Bolton Wanderers beat their rivals two goals to one.",
    "Gina Albanese, a baker, spoke about housing in Naples.",
    "Ivanov and Smirnov, two chess players, drew their game in Tula.",
    "Mr Kim runs a bakery on the corner; his cousin Mr Lee sells flowers.",
    "Abu Hamza, a local shopkeeper, said prices had risen.",
    "A fine china set and a roast turkey were on the table.",
    "United Russia Cup results were published by the football club.",
    "Sabah Ahmed, a teacher, opened a new library in the suburbs.",
    "Fars province farmers sold pistachios at the bazaar.",
    "Petra and Aqaba attracted many tourists last year.",
    "Rafik Hariri International Airport reopened after the storm.",
    "Pahlavi dynasty coins were sold at auction in London.",
    "Who will run the daily business? CCTV cameras watched the empty square.",
    "The Liberal Democrats won seats, and the military said nothing about the vote.",
    "Das Bild seines Landes ist ein anderes; er war Leiter des Stabes.",
    "The reporter never met the Turk who sold him a carpet.",
    # Russian
    "Спутник был запущен на орбиту в пятницу, сообщили учёные.",
    "Дождь шёл весь день, и мемориал закрыли для посетителей.",
    "Коммерсанты из Казани открыли новый рынок.",
    "Иванов и Смирнов сыграли вничью в шахматном турнире.",
    "Новые люди приезжают в город каждую весну.",
    "Чайка летала над морем, а рыбаки вернулись домой.",
    # Arabic
    "قال مصدر إن الجزيرة العربية شهدت أمطاراً غزيرة هذا الأسبوع.",
    "تحدث المعلم عن اللغة العربية في الشرق الأوسط أمام الطلاب.",
    "نشرت الصحيفة صور الحدث في المسيرة السنوية للمدينة.",
    "أعلن الإخوان في العائلة عن حفل زفاف في عمان.",
    "رفع المنار فوق الميناء القديم قرب الأهرام ليلة أمس.",
    "دعا البيان إلى ضمان سلامة المدنيين وتوفير القدرة على العلاج.",
    # Persian
    "کیهان بزرگ است و ستاره‌ها در آسمان می‌درخشند.",
    "رئیس مجلس دانش‌آموزان مدرسه امروز سخنرانی کرد.",
    "باران در استان فارس باعث خوشحالی کشاورزان شد.",
    "مهر ماه در تهران هوای خوبی دارد و تسنیم به مدرسه رفت.",
    "وزیر کشور در سخنرانی خود به مشکلات اشاره کرد.",
]


@pytest.mark.parametrize("sentence", PRECISION_SENTENCES)
def test_precision_sentences_name_no_actor(matcher: Matcher, sentence: str) -> None:
    got = [(m.actor_id, sentence[m.start:m.end]) for m in matcher.match("", sentence)]
    assert got == []


def test_enough_precision_sentences_in_each_language() -> None:
    def lang(s: str) -> str:
        if any("\u0400" <= c <= "\u04ff" for c in s):
            return "ru"
        if any(c in "پچژگکی" for c in s):
            return "fa"
        return "ar" if any("\u0600" <= c <= "\u06ff" for c in s) else "en"
    counts = Counter(lang(s) for s in PRECISION_SENTENCES)
    assert len(PRECISION_SENTENCES) >= 30
    assert min(counts[k] for k in ("en", "ru", "ar", "fa")) >= 4
