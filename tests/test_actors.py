# ruff: noqa: RUF001  (Cyrillic and Arabic script are the point here)
"""Matcher rules and gazetteer loading (pure: no database)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.actors.gazetteer import parse_gazetteer
from tui.core.actors.matcher import (
    Gazetteer,
    GazetteerError,
    Matcher,
    Mention,
    load_gazetteer,
)
from tui.core.actors.text import key_of, normalize, russian_variants


def found(matcher: Matcher, body: str, title: str = "") -> list[tuple[str, str]]:
    out = []
    for m in matcher.match(title, body):
        text = title if m.field == "title" else body
        out.append((m.actor_id, text[m.start:m.end]))
    return out


def ids(matcher: Matcher, body: str, title: str = "") -> set[str]:
    return {m.actor_id for m in matcher.match(title, body)}


# ---------------------------------------------------------------- the bundled gazetteer


def test_bundled_gazetteer_size_and_kinds(gazetteer: Gazetteer) -> None:
    kinds = [a.kind for a in gazetteer.actors.values()]
    assert len(kinds) >= 300
    assert {"person", "org", "state", "media"} == set(kinds)
    for must in ("sergei-shoigu", "andrei-belousov", "masoud-pezeshkian", "ali-bagheri-kani",
                 "mohammad-bagheri", "ahmed-al-sharaa", "irgc", "quds-force", "hts",
                 "wagner-group", "iaea", "brics", "opec-plus", "un-security-council", "iran"):
        assert must in gazetteer.actors


def test_no_full_form_is_shared_by_two_actors(gazetteer: Gazetteer) -> None:
    owners: dict[str, set[str]] = {}
    for actor in gazetteer.actors.values():
        for form in (*actor.full_forms(), *actor.acronyms):
            owners.setdefault(key_of(form), set()).add(actor.id)
    shared = {k: v for k, v in owners.items() if len(v) > 1}
    assert shared == {}


def test_every_actor_has_a_description(gazetteer: Gazetteer) -> None:
    assert [a.id for a in gazetteer.actors.values() if not a.description] == []


# ---------------------------------------------------------------- matching rules


def test_whole_words_only(matcher: Matcher) -> None:
    assert ids(matcher, "The Iranians and Iranistan and Hamasville") == set()
    assert ids(matcher, "Iran, Hamas.") == {"iran", "hamas"}


def test_possessives_and_punctuation(matcher: Matcher) -> None:
    got = found(matcher, "Shoigu's trip and Lavrov’s remarks; al-Julani's men")
    assert got == [("sergei-shoigu", "Shoigu"), ("sergey-lavrov", "Lavrov"),
                   ("ahmed-al-sharaa", "al-Julani")]


def test_transliteration_variants(matcher: Matcher) -> None:
    body = ("Shoygu, Pezeshkiyan, Ismail Haniya, Hassan Nasrullah, Abu Mohammad al-Jolani "
            "and Jolani")
    assert ids(matcher, body) == {"sergei-shoigu", "masoud-pezeshkian", "ismail-haniyeh",
                                  "hassan-nasrallah", "ahmed-al-sharaa"}


def test_diacritics_fold(matcher: Matcher) -> None:
    assert ids(matcher, "Erdoğan met Çavuşoğlu") == {"recep-tayyip-erdogan", "mevlut-cavusoglu"}


def test_acronyms_are_case_sensitive(matcher: Matcher) -> None:
    assert ids(matcher, "The IRGC and the FSB") == {"irgc", "fsb"}
    assert ids(matcher, "Irgc fsb Fsb") == set()
    assert ids(matcher, "tell us about it, Us too") == set()
    assert ids(matcher, "The U.S. and the U.N.") == {"united-states", "united-nations"}


def test_lowercase_common_words_do_not_match(matcher: Matcher) -> None:
    assert ids(matcher, "roast turkey on fine china") == set()
    assert ids(matcher, "TURKEY and China") == {"turkey", "china"}


def test_exclude_phrases_silence_decoys(matcher: Matcher) -> None:
    body = ("Richard Wagner's Ring, the Jordan Valley and Shoigu Street. "
            "Wagner fighters left Jordan.")
    assert found(matcher, body) == [("wagner-group", "Wagner"), ("jordan", "Jordan")]


def test_longest_match_wins_and_no_overlaps(matcher: Matcher) -> None:
    got = found(matcher, "Israel Katz spoke at the UN Security Council about the IRGC Quds Force")
    assert got == [("israel-katz", "Israel Katz"), ("un-security-council", "UN Security Council"),
                   ("quds-force", "IRGC Quds Force")]
    spans = [(m.start, m.end) for m in matcher.match("", "Ali Bagheri Kani")]
    assert spans == [(0, 16)]


def test_cyrillic_and_declension(matcher: Matcher) -> None:
    got = found(matcher, "Владимир Путин поручил Сергею Лаврову; Шойгу и Путина")
    assert got == [("vladimir-putin", "Владимир Путин"), ("sergey-lavrov", "Сергею Лаврову"),
                   ("sergei-shoigu", "Шойгу"), ("vladimir-putin", "Путина")]
    assert "Путиным" in russian_variants("Путин")


def test_arabic_and_persian_script(matcher: Matcher) -> None:
    assert ids(matcher, "قال إسماعيل هنية إن حماس وحزب الله") == {"ismail-haniyeh", "hamas",
                                                               "hezbollah"}
    # Persian letters (ی, ک) and Arabic ones (ي, ك) are the same for matching.
    assert ids(matcher, "سخنان مسعود پزشکیان") == {"masoud-pezeshkian"}
    assert ids(matcher, "سخنان مسعود پزشكيان") == {"masoud-pezeshkian"}


def test_names_do_not_run_from_title_into_body(matcher: Matcher) -> None:
    assert found(matcher, "Khamenei\nsaid", title="Talks with Ali") == [
        ("ali-khamenei", "Khamenei")]
    assert found(matcher, "Talks with Ali\nKhamenei") == [("ali-khamenei", "Ali\nKhamenei")]


def test_offsets_point_into_title_and_body(matcher: Matcher) -> None:
    mentions = matcher.match("Lavrov in Tehran", "Sergey Lavrov arrived.")
    assert mentions[0] == Mention("sergey-lavrov", "title", 0, 6)
    assert mentions[1] == Mention("sergey-lavrov", "body", 0, 13)


# ---------------------------------------------------------------- surnames


def test_surname_as_second_reference(matcher: Matcher) -> None:
    # "Kani" is only derived from "Ali Bagheri Kani": it needs the full name first.
    assert ids(matcher, "Kani said") == set()
    assert found(matcher, "Ali Bagheri Kani arrived. Kani said") == [
        ("ali-bagheri-kani", "Ali Bagheri Kani"), ("ali-bagheri-kani", "Kani")]


def test_listed_unambiguous_surname_counts_alone(matcher: Matcher) -> None:
    assert ids(matcher, "Putin and Shoigu spoke") == {"vladimir-putin", "sergei-shoigu"}
    # Yahya lists "Sinwar"; his brother only derives it, so alone it means Yahya...
    assert ids(matcher, "Sinwar was killed") == {"yahya-sinwar"}
    # ...unless the brother was named before.
    assert found(matcher, "Mohammed Sinwar took over. Sinwar was killed") == [
        ("mohammed-sinwar", "Mohammed Sinwar"), ("mohammed-sinwar", "Sinwar")]


def test_ambiguous_surname_alone_is_dropped(matcher: Matcher) -> None:
    assert ids(matcher, "Bagheri said the talks would go on") == set()
    assert ids(matcher, "Kim spoke") == set()
    assert ids(matcher, "Kim Jong Un spoke. Kim said") == {"kim-jong-un"}


def test_bagheri_case(matcher: Matcher) -> None:
    body = ("Acting foreign minister Ali Bagheri Kani flew to Beirut. In Tehran, the chief of "
            "the Iranian General Staff Bagheri warned Israel. Bagheri Kani later said talks "
            "would continue, and Major General Bagheri inspected troops.")
    got = found(matcher, body)
    assert [g for g in got if "Bagheri" in g[1]] == [
        ("ali-bagheri-kani", "Ali Bagheri Kani"), ("mohammad-bagheri", "Bagheri"),
        ("ali-bagheri-kani", "Bagheri Kani"), ("mohammad-bagheri", "Major General Bagheri")]


def test_cue_words_inside_other_names_do_not_count(matcher: Matcher) -> None:
    body = ("Ali Bagheri Kani spoke in New York. At the UN General Assembly, Bagheri said "
            "Iran wanted talks.")
    assert [m.actor_id for m in matcher.match("", body) if m.actor_id.endswith("bagheri-kani")
            or m.actor_id == "mohammad-bagheri"] == ["ali-bagheri-kani", "ali-bagheri-kani"]


def test_headline_surname_resolved_from_body(matcher: Matcher) -> None:
    mentions = matcher.match("Bagheri warns Israel", "Iran's army chief Mohammad Bagheri said")
    assert mentions[0] == Mention("mohammad-bagheri", "title", 0, 7)


def test_empty_text(matcher: Matcher) -> None:
    assert matcher.match("", "") == []


# ---------------------------------------------------------------- loading and errors


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "actors.toml"
    path.write_text(text, encoding="utf-8")
    return path


GOOD = '''
[[actor]]
id = "jane-doe"
name = "Jane Doe"
kind = "person"
description = "A test person."
aliases = ["J. Doe"]
'''


def test_user_file_adds_and_extends(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD + '''
[[actor]]
id = "sergei-shoigu"
aliases = ["Shoygoo"]
description = "Overridden."
''')
    gaz = load_gazetteer(path)
    base = load_gazetteer()
    assert "jane-doe" in gaz.actors
    shoigu = gaz.actors["sergei-shoigu"]
    assert shoigu.description == "Overridden."
    assert "Shoygoo" in shoigu.aliases and "Sergey Shoigu" in shoigu.aliases
    assert shoigu.name == "Sergei Shoigu"
    assert gaz.content_hash != base.content_hash
    assert ids(Matcher(gaz), "Jane Doe and Shoygoo") == {"jane-doe", "sergei-shoigu"}


def test_missing_user_file_is_fine(tmp_path: Path) -> None:
    assert load_gazetteer(tmp_path / "nope.toml").content_hash == load_gazetteer().content_hash


@pytest.mark.parametrize(("text", "expected"), [
    ("[[actor]\nid = 1", "not valid TOML"),
    ('[[actor]]\nid = "x-y"\nkind = "person"', "missing key 'name'"),
    ('[[actor]]\nid = "x-y"\nname = "X"\nkind = "people"', "key 'kind'"),
    ('[[actor]]\nid = "X Y"\nname = "X"\nkind = "org"', "key 'id'"),
    ('[[actor]]\nid = "x-y"\nname = "X"\nkind = "org"\nalias = ["Z"]', "unknown key 'alias'"),
    ('[[actor]]\nid = "x-y"\nname = "X"\nkind = "org"\naliases = "Z"', "key 'aliases'"),
    ('[[actor]]\nid = "x-y"\nname = "X"\nkind = "org"\naliases = ["--"]', "no letters"),
    ('[actor]\nid = "x-y"', "[[actor]] tables"),
    ('[[actors]]\nid = "x-y"', "unknown top-level key 'actors'"),
])
def test_loader_errors_name_file_and_key(tmp_path: Path, text: str, expected: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(GazetteerError) as info:
        load_gazetteer(path)
    assert str(path) in str(info.value)
    assert expected in str(info.value)


def test_duplicate_id_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match="duplicate id 'jane-doe'"):
        load_gazetteer(write(tmp_path, GOOD + GOOD))


def test_new_user_id_needs_name_and_kind(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match="missing key 'name'"):
        load_gazetteer(write(tmp_path, '[[actor]]\nid = "brand-new"\nkind = "org"'))


def test_parse_gazetteer_wrong_kind_in_bundled_style() -> None:
    with pytest.raises(GazetteerError, match=r"bundled:4: actor\[0\] \(id 'a'\): key 'kind'"):
        parse_gazetteer('[[actor]]\nid = "a"\nname = "A"\nkind = "country"', "bundled")


# ---------------------------------------------------------------- normal forms


def test_normalize_keeps_length() -> None:
    for text in ["İstanbul ’s", "Ёлка", "خامنه‌ای", "Erdoğan", "a\u0640b"]:
        assert len(normalize(text)) == len(text)


def test_role_phrases_do_not_make_lowercase_second_references(matcher: Matcher) -> None:
    body = "Vladimir Putin spoke first. Then President Donald Trump said the president agreed."
    assert found(matcher, body) == [("vladimir-putin", "Vladimir Putin"),
                                    ("donald-trump", "Donald Trump")]


def test_title_and_name_merge_into_one_mention(gazetteer: Gazetteer) -> None:
    """A title is an office's phrase (offices.toml): beside a name of one of its holders, on
    any date, it joins that name's mention."""
    from tui.core.actors.recognize import Recognizer

    body = ("Russian President Vladimir Putin and Iran's supreme leader Ali Khamenei met "
            "Iranian President Ebrahim Raisi.")
    got = [(m.actor_id, body[m.start:m.end]) for m in Recognizer(gazetteer).mentions("", body, None)
           if m.actor_id != "iran"]  # the state, named inside "Iran's supreme leader"
    assert got == [("vladimir-putin", "Russian President Vladimir Putin"),
                   ("ali-khamenei", "Iran's supreme leader Ali Khamenei"),
                   ("ebrahim-raisi", "Iranian President Ebrahim Raisi")]


def test_user_cues_and_surnames_extend(tmp_path: Path) -> None:
    path = write(tmp_path, '''
[[actor]]
id = "ali-bagheri-kani"
cues = ["envoy"]
''')
    gaz = load_gazetteer(path)
    assert "envoy" in gaz.actors["ali-bagheri-kani"].cues
    assert "negotiator" in gaz.actors["ali-bagheri-kani"].cues
    assert ids(Matcher(gaz), "The envoy Bagheri said") == {"ali-bagheri-kani"}


# ---------------------------------------------------------------- properties

_NAMES = st.sampled_from(["Shoigu", "Sergei Shoigu", "IRGC", "Bagheri", "Ali Bagheri Kani",
                          "General Staff", "Путина", "حزب الله", "Kim", "U.S.", "’s", "-", "\n"])
_TEXT = st.lists(st.one_of(_NAMES, st.text(max_size=8)), max_size=30).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(title=_TEXT, body=_TEXT)
def test_mentions_are_in_bounds_sorted_and_disjoint(title: str, body: str) -> None:
    matcher = _shared_matcher()
    mentions = matcher.match(title, body)
    last = {"title": 0, "body": 0}
    for m in mentions:
        text = title if m.field == "title" else body
        assert 0 <= m.start < m.end <= len(text)
        assert m.start >= last[m.field]
        last[m.field] = m.end
        assert text[m.start].isalnum() and text[m.end - 1].isalnum()


@given(st.text())
def test_normalize_is_length_preserving(text: str) -> None:
    assert len(normalize(text)) == len(text)


_MATCHER: list[Matcher] = []


def _shared_matcher() -> Matcher:
    if not _MATCHER:
        _MATCHER.append(Matcher(load_gazetteer()))
    return _MATCHER[0]


@pytest.mark.parametrize(("form", "declined"), [
    ("Совет безопасности России", "Совета безопасности России"),  # only the head declines
    ("Генеральный штаб Вооружённых сил России", "Генерального штаба Вооружённых сил России"),
    ("Партия справедливости и развития", "Партии справедливости и развития"),
    ("Высший совет национальной безопасности", "Высшего совета национальной безопасности"),
    ("Министерство обороны России", "Министерства обороны России"),
    ("Белый дом", "Белого дома"),
    ("Исламское государство", "Исламского государства"),
    ("Сергей Лавров", "Сергея Лаврова"),  # a person's name: every word
    ("Ким Чен Ын", "Ким Чен Ыном"),  # surname first: only the last word, however short
    ("Ким Чен Ын", "Ким Чен Ыну"),
    ("Яир Лапид", "Яира Лапида"),  # a short first name is no surname: every word
])
def test_russian_names_of_bodies_decline_their_head(form: str, declined: str) -> None:
    from tui.core.actors.text import russian_variants

    assert declined in russian_variants(form)


def test_an_exclude_phrase_with_a_comma_matches(tmp_path: Path) -> None:
    """The text's normal form keeps a space for the comma and one after it; the exclude
    phrase's key must too, or "Jordan, Minnesota" would still be the state of Jordan."""
    path = write(tmp_path, '''
[[actor]]
id = "jordan"
exclude = ["Jordan, Minnesota"]
''')
    matcher = Matcher(load_gazetteer(path))
    assert ids(matcher, "A storm hit Jordan, Minnesota on Monday.") == set()
    assert ids(matcher, "Jordan, the kingdom, closed a crossing.") == {"jordan"}


def test_a_family_name_first_is_no_second_reference_when_a_name_goes_on() -> None:
    """'Kim Yo Jong' lists 'Kim': her last word 'Jong' is a given name, never a surname, and
    the 'Kim' of 'Kim Jong Il' (unlisted) is not the Kim named before; 'Kim said' still is."""
    matcher = Matcher(load_gazetteer())
    text = "Kim Yo Jong spoke on Monday. Kim Jong Il founded it. Kim said no more."
    found = [(text[m.start:m.end], m.actor_id) for m in matcher.match("", text)]
    assert found == [("Kim Yo Jong", "kim-yo-jong"), ("Kim", "kim-yo-jong")]
