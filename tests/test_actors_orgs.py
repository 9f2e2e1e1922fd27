"""Organisations by class (issue 16's organisations brief): parties, think tanks, companies,
jihadist branches, universities and armed forces named by state, each with the guard that keeps
a common word or a look-alike from lighting up. Sentences are ours."""

from __future__ import annotations

import pytest

from tui.core.actors.gazetteer import load_gazetteer
from tui.core.actors.matcher import Matcher


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(load_gazetteer())


def orgs(matcher: Matcher, body: str) -> list[tuple[str, str]]:
    kinds = matcher.gazetteer.actors
    return [(m.actor_id, body[m.start:m.end]) for m in matcher.match("", body)
            if kinds[m.actor_id].kind == "org"]


@pytest.mark.parametrize(("text", "actor", "words"), [
    ("Embraer said its jet was airworthy.", "embraer", "Embraer"),
    ("Lockheed Martin will deliver more F-35s.", "lockheed-martin", "Lockheed Martin"),
    ("Концерн «Алмаз-Антей» сообщил", "almaz-antey", "Алмаз-Антей"),
    ("Severstal cut its dividend.", "severstal", "Severstal"),
    ("Maersk paused Red Sea sailings.", "maersk", "Maersk"),
    ("Aselsan and Roketsan signed the deal.", "aselsan", "Aselsan"),
    ("Elbit supplies the fence sensors.", "elbit-systems", "Elbit"),
    ("China National Nuclear Corporation bid for the plant.", "cnnc",
     "China National Nuclear Corporation"),
    ("an analyst at Chatham House said", "chatham-house", "Chatham House"),
    ("the Institute for the Study of War assessed", "isw", "Institute for the Study of War"),
    ("ISW said Russian forces advanced", "isw", "ISW"),
    ("a fellow at the Washington Institute said", "washington-institute",
     "the Washington Institute"),
    ("SWP-Experte sagte", "swp", "SWP"),
    ("Crisis Group warned of famine", "crisis-group", "Crisis Group"),
    ("ISIS-K claimed the Crocus attack", "islamic-state", "ISIS-K"),
    ("داعش خراسان مسئولیت را پذیرفت", "islamic-state", "داعش خراسان"),
    ("مقاتلو جبهة النصرة", "al-nusra-front", "جبهة النصرة"),
    ("the Free Syrian Army took the town", "free-syrian-army", "Free Syrian Army"),
    ("قال الجيش السوري الحر", "free-syrian-army", "الجيش السوري الحر"),
    ("students of the University of Tehran", "university-of-tehran", "University of Tehran"),
    ("Istanbul University annulled his diploma", "istanbul-university", "Istanbul University"),
    ("the United National Movement boycotted parliament", "united-national-movement",
     "United National Movement"),
    ("the Party of Action and Solidarity won", "pas-moldova", "Party of Action and Solidarity"),
    ("the İYİ Party said", "iyi-party", "İYİ Party"),
    ("Republicans in Congress objected", "republican-party-us", "Republicans"),
    ("The US military said it struck a depot", "us-armed-forces", "US military"),
])
def test_an_organisation_of_each_class_is_found(matcher: Matcher, text: str, actor: str,
                                                words: str) -> None:
    assert (actor, words) in orgs(matcher, text)


def test_a_shared_party_name_goes_by_its_cues(matcher: Matcher) -> None:
    """"Democratic Party" is South Korea's or the US's: the words around it decide, and with
    none it stays unresolved. "Democrats" alone is the US party's, Israel's only as named."""
    assert orgs(matcher, "In Seoul, lawmakers of the Democratic Party walked out.") == [
        ("democratic-party-korea", "Democratic Party")]
    assert orgs(matcher, "Trump attacked the Democrats over the border.")[-1] == (
        "democratic-party-us", "Democrats")
    assert not [o for o in orgs(matcher, "Israel's Democrats gained two seats.")
                if o[0] == "democratic-party-us"]
    assert orgs(matcher, "American voters backed the Democratic Party.") == [
        ("democratic-party-us", "Democratic Party")]
    assert orgs(matcher, "The Democratic Party met on Sunday.") == []


def test_parliaments_by_their_own_names(matcher: Matcher) -> None:
    assert orgs(matcher, "Kuwait's National Assembly was dissolved. The National Assembly "
                         "will not sit.") == [
        ("kuwait-parliament", "Kuwait's National Assembly"),
        ("kuwait-parliament", "National Assembly")]
    assert orgs(matcher, "صوت مجلس النواب الأردني") == [
        ("jordan-parliament", "مجلس النواب الأردني")]
    assert orgs(matcher, "The National Assembly will not sit.") == []


def test_armed_forces_by_state_as_the_military(matcher: Matcher) -> None:
    """"<State>'s military" is its armed forces; never alone, never as an adjective."""
    assert orgs(matcher, "Iran's military vowed revenge") == [
        ("iran-armed-forces", "Iran's military")]
    assert orgs(matcher, "The Russian military said it struck depots") == [
        ("russia-armed-forces", "Russian military")]
    assert orgs(matcher, "Russian military bloggers and Russian military-technical ties") == []
    assert orgs(matcher, "Syria's military said. The military added") == [
        ("syria-armed-forces", "Syria's military")]


@pytest.mark.parametrize("text", [
    "The Liberal Democrats and the Sweden Democrats gained seats.",
    "the Liberal Democratic Party of Japan chose a leader",
    "The military said nothing.",  # no org from a lowercase generic
    "the army and the military moved in",
    "Congress approved new US military aid for Israel.",  # aid, not the institution acting
    "He wrote about the future of the party and about progress.",
    "Rafael Nadal won again.",  # Rafael alone is no arms maker
    "A grain deal was discussed.",
    "She won the Kremlin Cup in Moscow.",  # the tennis tournament, not the presidency
])
def test_look_alikes_name_no_such_organisation(matcher: Matcher, text: str) -> None:
    bad = {"democratic-party-us", "the-democrats", "us-armed-forces", "rafael",
           "future-party-turkey", "black-sea-grain-initiative", "kremlin"}
    assert not [o for o in orgs(matcher, text) if o[0] in bad]
