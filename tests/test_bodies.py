# ruff: noqa: RUF001  (Cyrillic, Arabic and Persian sentences are the point here)
"""State bodies named by description (tui/core/actors/bodies.py, tui/data/bodies.toml): one
rule per form over a table of bodies x states, each rule tested, and the guards that keep it
precise (no body without its state, common nouns, punctuation between the pieces, lowercase).
The sentences are ours."""

from __future__ import annotations

import tomllib

import pytest

from tui.core.actors.bodies import BUNDLED
from tui.core.actors.gazetteer import Gazetteer
from tui.core.actors.matcher import Matcher


def found(matcher: Matcher, body: str) -> list[tuple[str, str]]:
    return [(m.actor_id, body[m.start:m.end]) for m in matcher.match("", body)]


def orgs(matcher: Matcher, body: str) -> list[tuple[str, str]]:
    kinds = matcher.gazetteer.actors
    return [(a, w) for a, w in found(matcher, body) if kinds[a].kind == "org"]


@pytest.mark.parametrize(("text", "actor", "words"), [
    # English: possessive, demonym, "of", "in <capital>"
    ("Jordan's interior ministry said on Monday", "jordan-interior-ministry",
     "Jordan's interior ministry"),
    ("Jordan’s Interior Ministry said", "jordan-interior-ministry", "Jordan’s Interior Ministry"),
    ("the Jordanian interior ministry said", "jordan-interior-ministry",
     "Jordanian interior ministry"),
    ("a statement from the Ministry of the Interior of Jordan", "jordan-interior-ministry",
     "Ministry of the Interior"),  # "Jordan" stays the state's own mention
    ("the foreign ministry in Amman summoned him", "jordan-foreign-ministry",
     "foreign ministry in Amman"),
    ("Kuwait's central bank held rates", "kuwait-central-bank", "Kuwait's central bank"),
    ("the Egyptian Red Crescent sent trucks", "egypt-red-crescent", "Egyptian Red Crescent"),
    ("the US embassy in Moscow warned", "united-states-embassy", "embassy in Moscow"),  # US: state
    # Russian: the head declines, the genitive stays
    ("МИД Иордании заявил", "jordan-foreign-ministry", "МИД"),  # Иордании: Jordan, apart
    ("в министерстве обороны Иордании сообщили", "jordan-defence-ministry",
     "министерстве обороны"),
    ("армия Судана отступила", "sudan-army", "армия"),
    # Arabic: the adjective agrees with the head; a clitic may join the head
    ("قالت وزارة الداخلية الأردنية", "jordan-interior-ministry", "وزارة الداخلية الأردنية"),
    ("وأعلن الجيش السوداني", "sudan-army", "الجيش السوداني"),
    ("وبحسب البعثة الإيرانية لدى الأمم المتحدة", "iran-un-mission",
     "البعثة الإيرانية لدى الأمم المتحدة"),
    # Persian: the state follows the head
    ("وزارت کشور اردن اعلام کرد", "jordan-interior-ministry", "وزارت کشور"),
    # a group's wing or bloc, and a cabinet
    ("Hezbollah's parliamentary bloc met", "loyalty-to-the-resistance",
     "Hezbollah's parliamentary bloc"),
    ("Islamic Jihad's armed wing fired", "pij", "Islamic Jihad's armed wing"),
    ("the Israeli security cabinet approved it", "israel-security-cabinet",
     "Israeli security cabinet"),
])
def test_a_body_is_found_with_its_state_in_any_language(matcher: Matcher, text: str, actor: str,
                                                       words: str) -> None:
    assert (actor, words) in orgs(matcher, text)


def test_the_gazetteers_own_entry_is_the_body(matcher: Matcher) -> None:
    # found among the organisations' names...
    assert orgs(matcher, "Russia's defence ministry said") == [
        ("russia-defence-ministry", "Russia's defence ministry")]
    assert orgs(matcher, "Israel's army said") == [("idf", "Israel's army")]
    # ...or named in the table ("own"): the Pentagon is the United States' defence ministry
    assert orgs(matcher, "America's defense ministry said") == [
        ("pentagon", "America's defense ministry")]
    assert orgs(matcher, "the parliament in Kyiv voted") == [
        ("verkhovna-rada", "parliament in Kyiv")]


def test_a_made_body_is_named_as_a_reader_names_it(matcher: Matcher) -> None:
    """A body the table makes is called by its state's demonym ("British Navy", not "Navy of
    Britain"); the state's name only for a group with none ("Armed Wing of ..."). The UK's
    navy and air force, and Iraq's supreme court, are the gazetteer's own entries."""
    actors = matcher.gazetteer.actors
    assert [(a, actors[a].name) for a, _w in orgs(matcher, "the Jordanian interior ministry")] \
        == [("jordan-interior-ministry", "Jordanian Interior Ministry")]
    assert actors["houthi-yemen-health-ministry"].name == "Houthi Health Ministry"
    assert actors["egypt-navy"].name == "Egyptian Navy"
    assert orgs(matcher, "قالت البحرية البريطانية") == [("royal-navy", "البحرية البريطانية")]
    assert orgs(matcher, "Britain's air force said") == [
        ("royal-air-force", "Britain's air force")]
    assert orgs(matcher, "Iraq's supreme court ruled") == [
        ("iraq-federal-supreme-court", "Iraq's supreme court")]
    made = {b.id: b.name for b in matcher.gazetteer.bodies.new}
    assert not [name for name in made.values() if " of Britain" in name]


def test_home_language_forms_stand_alone(matcher: Matcher) -> None:
    """An Iranian outlet's "foreign ministry" is Iran's, a Russian one's "МВД" Russia's, unless
    another state follows."""
    assert orgs(matcher, "وزارت امور خارجه اعلام کرد") == [
        ("iran-foreign-ministry", "وزارت امور خارجه")]
    assert orgs(matcher, "وزارت امور خارجه آمریکا اعلام کرد") == [
        ("us-state-department", "وزارت امور خارجه")]
    assert orgs(matcher, "МВД сообщило") == [("russia-interior-ministry", "МВД")]
    assert orgs(matcher, "МВД Украины сообщило") == [("ukraine-interior-ministry", "МВД")]


def test_a_body_is_one_mention(matcher: Matcher) -> None:
    """No mention inside a body found by description but its state's own name opening it, as
    for a listed body ("Turkey's foreign ministry"): the state acts through it."""
    assert found(matcher, "Germany's foreign ministry said") == [
        ("germany", "Germany"), ("germany-foreign-ministry", "Germany's foreign ministry")]
    # a state's name after the head is a mention of its own, beside the body's words
    assert found(matcher, "МИД Иордании заявил") == [
        ("jordan-foreign-ministry", "МИД"), ("jordan", "Иордании")]
    assert found(matcher, "the U.S. General Staff") == [
        ("united-states", "U.S"), ("united-states-general-staff", "General Staff")]


@pytest.mark.parametrize("text", [
    "the ministry said on Monday",                      # no state: nothing
    "the interior ministry said",
    "Jordanian officials said the talks went well",     # a demonym alone
    "Jordan's interior minister said",                  # minister is a person, not a body
    "Russian military bloggers said",                   # "military" + a noun: no body
    "Jordanian forces and Egyptian troops",             # soldiers, not an institution
    "jordan's interior ministry said",                  # a lowercase state is no name
    "let us embassy hop",                               # "us" is no US
    "Jordan, interior ministry sources said",           # a comma between the pieces
    "in Jordan\n\nInterior ministry staff",             # a paragraph between them
    "Минобороны Иордании-то",                           # still found, but nothing else
])
def test_no_body_without_its_state_or_across_punctuation(matcher: Matcher, text: str) -> None:
    got = orgs(matcher, text)
    if text.startswith("Минобороны Иордании"):
        assert got == [("jordan-defence-ministry", "Минобороны")]
    else:
        assert got == [], text


def test_a_name_the_table_made_is_a_name_only_as_written(matcher: Matcher) -> None:
    """"Government of Gaza" is a name the table made (no gazetteer entry): "the future
    government of Gaza" describes, it names no body; written as a name it is one. The table's
    heads still judge a description ("the interior ministry of Jordan")."""
    assert orgs(matcher, "issues such as the future government of Gaza were left open") == []
    assert orgs(matcher, "the government of Israel approved the deal") == []
    assert orgs(matcher, "a decree of the Government of Lebanon") == [
        ("lebanon-government", "Government of Lebanon")]
    assert orgs(matcher, "the interior ministry of Jordan said") == [
        ("jordan-interior-ministry", "interior ministry")]
    # the demonym's capital alone does not make "Hungarian government" the made name
    assert orgs(matcher, "the Hungarian government said") == []
    assert orgs(matcher, "a decree of the Hungarian Government") == [
        ("hungary-government", "Hungarian Government")]


def test_an_excluded_form_of_one_body_is_another_states_body(matcher: Matcher) -> None:
    """"МИД Иордании" is excluded from Russia's foreign ministry ("МИД" alone is Russia's): the
    exclusion no longer swallows it, it is Jordan's."""
    assert orgs(matcher, "МИД Иордании и МИД") == [
        ("jordan-foreign-ministry", "МИД"), ("russia-foreign-ministry", "МИД")]


def test_a_described_general_staff_is_still_a_cue(matcher: Matcher) -> None:
    got = found(matcher, "the chief of the Iranian General Staff Bagheri warned")
    assert ("mohammad-bagheri", "Bagheri") in got


def test_the_table_is_sound(gazetteer: Gazetteer) -> None:
    data = tomllib.loads(BUNDLED.read_text(encoding="utf-8"))
    actors = gazetteer.actors
    bodies = {b["id"] for b in data["body"]}
    assert len(bodies) == len(data["body"])
    states = [s["id"] for s in data["state"]]
    assert len(set(states)) == len(states)
    for state in data["state"]:
        assert state["id"] not in actors or actors[state["id"]].kind == "state", state["id"]
        for body, own in state.get("own", {}).items():
            assert body in bodies, (state["id"], body)
            assert actors[own].kind == "org", (state["id"], own)
    for body in data["body"]:
        for lang in ("ru", "ar", "fa"):
            for form in body.get(lang, ()):
                assert form.count("{") == 1, form
    table = gazetteer.bodies
    assert table is not None
    for (state, body), actor in table.actor.items():
        assert actors[actor].kind == "org", (state, body, actor)
    made = [actors[b.id] for b in table.new]
    assert all(a.description and a.name for a in made)


def test_a_group_runs_its_own_bodies(matcher: Matcher) -> None:
    """"Hamas-run health ministry" is Gaza's, and Hamas stays named; the Houthis' bodies are
    their own, and only those the table gives them."""
    assert found(matcher, "the Hamas-run health ministry said") == [
        ("gaza-health-ministry", "Hamas-run health ministry")]
    assert ("houthi-yemen-health-ministry", "Houthi-run health ministry") in found(
        matcher, "the Houthi-run health ministry said")
    assert orgs(matcher, "the Houthi embassy") == [("houthis", "Houthi")]
    # the UN is no state, and has one body here
    assert orgs(matcher, "the U.N. Security Council met") == [
        ("un-security-council", "U.N. Security Council")]
    assert orgs(matcher, "the UN army") == [("united-nations", "UN")]


def test_a_head_alone_refers_back_to_the_body_named_before(matcher: Matcher) -> None:
    assert found(matcher, "Jordan's interior ministry said. Later the interior ministry added") == [
        ("jordan", "Jordan"), ("jordan-interior-ministry", "Jordan's interior ministry"),
        ("jordan-interior-ministry", "interior ministry")]
    assert found(matcher, "The UN Security Council met. The Security Council voted.") == [
        ("un-security-council", "UN Security Council"),
        ("un-security-council", "Security Council")]
    assert found(matcher, "Russia's Security Council met; the Security Council secretary")[
        -1] == ("russia-security-council", "Security Council")
    assert found(matcher, "قال الجيش الإسرائيلي. وقال الجيش") == [
        ("idf", "الجيش الإسرائيلي"), ("idf", "الجيش")]
    # with none of its kind named before, a head alone is nothing
    assert orgs(matcher, "security council members met. The interior ministry said") == []
    assert orgs(matcher, "Egypt's foreign ministry spoke. The interior ministry said") == [
        ("egypt-foreign-ministry", "Egypt's foreign ministry")]


def test_the_security_council_alone_is_the_uns_only_with_no_other_of_its_kind(
        matcher: Matcher) -> None:
    """A capitalised head alone falls back to the body it means when the article names none of
    its kind ("alone" in bodies.toml); a council of that kind named anywhere, or a word beside
    it ("secretary of the Security Council"), keeps it from the UN."""
    assert orgs(matcher, "Lebanon said the Security Council must act.") == [
        ("un-security-council", "Security Council")]
    assert orgs(matcher, "National Security Council spokesman John Kirby said.") == [
        ("us-nsc", "National Security Council")]
    # another council of that kind named, before or after: never the UN's
    assert ("un-security-council", "Security Council") not in orgs(
        matcher, "Iran's Supreme National Security Council met. The Security Council must act.")
    assert orgs(matcher, "The Security Council met. Russia's Security Council said.") == [
        ("russia-security-council", "Security Council"),
        ("russia-security-council", "Russia's Security Council")]
    assert orgs(matcher, "Israel's National Security Council warned. The National Security "
                         "Council said.")[-1] == ("israel-security-council",
                                                  "National Security Council")
    # a state's office beside it, a lowercase or all-caps head: nothing
    assert orgs(matcher, "Shoigu will become secretary of the Security Council.") == []
    assert orgs(matcher, "the Security Council secretary flew to Tehran") == []
    assert orgs(matcher, "the security council must act") == []
    assert orgs(matcher, "THE SECURITY COUNCIL MUST ACT") == []


def test_an_embassy_is_the_senders_named_with_its_hosts_capital(matcher: Matcher) -> None:
    assert found(matcher, "The US embassy in Moscow warned") == [
        ("united-states", "US"), ("united-states-embassy", "embassy in Moscow")]
    assert orgs(matcher, "the Russian embassy in Washington said") == [
        ("russia-embassy", "Russian embassy in Washington")]
    assert orgs(matcher, "Britain's embassy in Tehran closed") == [
        ("united-kingdom-embassy", "Britain's embassy in Tehran")]
    # no sender named: nothing, and a capital is never the embassy's state
    assert orgs(matcher, "an embassy in Moscow was closed") == []


def test_short_and_declined_forms_of_the_ministries(matcher: Matcher) -> None:
    """"الخارجية الروسية" is the ministry without "وزارة", "МИДа России" the declined acronym;
    the short Arabic head alone ("وزير الخارجية", "الدفاع المدني") is no body."""
    assert orgs(matcher, "قالت الخارجية الروسية") == [
        ("russia-foreign-ministry", "الخارجية الروسية")]
    assert orgs(matcher, "أعلنت الدفاع الروسية") == [("russia-defence-ministry", "الدفاع الروسية")]
    assert orgs(matcher, "قالت الخارجية الإيرانية إن وزير الخارجية سيزور الدفاع المدني") == [
        ("iran-foreign-ministry", "الخارجية الإيرانية")]
    assert orgs(matcher, "в МИДе Ирана заявили") == [("iran-foreign-ministry", "МИДе")]
    assert orgs(matcher, "представитель Российского МИДа") == [
        ("russia-foreign-ministry", "Российского МИДа")]


def test_civil_defence_alone_is_the_one_named_states_own(matcher: Matcher) -> None:
    """by_state: a capitalised head alone, none of its kind named, is the own body of the one
    state named (by any form) that has one; two such states, or none, and it is nothing."""
    assert orgs(matcher, "An Israeli strike hit Beirut. Civil defence crews dug.") == [
        ("lebanese-civil-defence", "Civil defence")]
    assert orgs(matcher, "A strike hit Gaza City. Civil defence workers said") == [
        ("gaza-civil-defence", "Civil defence")]
    assert orgs(matcher, "Strikes hit Gaza and Beirut. Civil defence teams dug.") == []
    assert orgs(matcher, "Civil defence teams dug after the quake.") == []
    assert orgs(matcher, "A strike hit Beirut. The civil defence said") == []
    # election commissions too: Georgia alone named, its own; Georgia and Russia, nothing
    assert orgs(matcher, "Georgia voted, the Central Election Commission said.") == [
        ("georgia-cec", "Central Election Commission")]
    assert orgs(matcher, "Georgia voted, the Central Election Commission said, and Russia "
                         "praised it.") == []


def test_emergency_services_civil_aviation_and_pm_offices_by_state(matcher: Matcher) -> None:
    assert orgs(matcher, "Magen David Adom, Israel's emergency service, said") == [
        ("magen-david-adom", "Magen David Adom"),
        ("magen-david-adom", "Israel's emergency service")]
    assert orgs(matcher, "Ukraine's state emergency service said") == [
        ("ukraine-state-emergency-service", "Ukraine's state emergency service")]
    assert orgs(matcher, "The emergency service in Gaza said") == [
        ("gaza-civil-defence", "emergency service in Gaza")]
    assert orgs(matcher, "سازمان هواپیمایی کشوری اعلام کرد") == [
        ("iran-civil-aviation", "سازمان هواپیمایی کشوری")]
    assert orgs(matcher, "Russia's aviation authority said") == [
        ("rosaviatsia", "Russia's aviation authority")]
    assert orgs(matcher, "Israel's prime minister's office said") == [
        ("israel-pmo", "Israel's prime minister's office")]
    assert orgs(matcher, "the emergency service said") == []


def test_an_abbreviation_with_its_dots_matches_before_a_space(matcher: Matcher) -> None:
    """"U.N. General Assembly" is "u n  general assembly" once normalised: two spaces."""
    assert orgs(matcher, "the U.N. General Assembly voted") == [
        ("un-general-assembly", "U.N. General Assembly")]
    assert found(matcher, "the U.S. embassy in Baghdad") == [
        ("united-states", "U.S"), ("united-states-embassy", "embassy in Baghdad")]
