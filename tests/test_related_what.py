"""What happened: event-type profiles of articles, and what a pair makes of two of them."""

from __future__ import annotations

from datetime import datetime

from tui.core.linking.features import Features, raw_features, weigh
from tui.core.linking.score import Score, parts, reasons, score
from tui.core.linking.what import agreement, clash, profile, shared, unit


def _main(title: str, body: str = "") -> str:
    got = unit(profile(title, body))
    return min(got, key=lambda k: (-got[k], k))


def test_each_language_names_its_events() -> None:
    assert _main("Drone hits apartment block in coastal city") == "drone"
    assert _main("Беспилотник атаковал нефтебазу под Курском") == "drone"
    assert _main("مسيّرة تستهدف مبنى في المدينة الساحلية") == "drone"
    assert _main("پهپاد به ساختمانی در شهر ساحلی برخورد کرد") == "drone"
    assert _main("New president sworn in before parliament") == "inauguration"
    assert _main("Инаугурация президента прошла в Кремле") == "inauguration"
    assert _main("مراسم تحلیف رئیس‌جمهور در مجلس برگزار شد") == "inauguration"
    assert _main("وفد يصل إلى العاصمة لإجراء محادثات حول الهدنة") in {"talks", "ceasefire"}
    assert _main("Парламент одобрил новые санкции") == "sanctions"
    assert _main("Crowds protest outside parliament for a third night") == "protest"


def test_the_headline_weighs_most_and_the_body_only_mentions() -> None:
    body = "Thousands marched in the capital on Sunday.\n\nThe treaty was signed a year ago."
    got = profile("Ministers hold talks on trade", body)
    assert got["talks"] > got["protest"] > 0  # headline 3, lead 1.5 a cue
    assert got["treaty"] == 0.0  # further down: recalled, not what happened, but mentioned
    assert unit(got)["treaty"] == 0.0 and unit({"treaty": 0.0}) == {}


def test_arabic_clitics_and_persian_half_spaces() -> None:
    assert "air_strike" in profile("وبالغارات على المدينة", "")  # و + ب + ال + غارات
    assert "ceasefire" in profile("آتش‌بس در جنوب لبنان", "")  # half-space in آتش‌بس
    assert "nuclear" in profile("برنامه هسته‌ای", "")


def test_agreement_and_clash() -> None:
    strike = unit(profile("Air strike on port kills five"))
    raid = unit(profile("Warplanes bomb the port for a second night"))
    vote = unit(profile("Voters go to the polls in a runoff election"))
    assert agreement(strike, raid) > 0.5 and not clash(strike, raid)
    assert agreement(strike, vote) == 0.0 and clash(strike, vote)
    assert agreement({}, vote) == 0.0
    # a report of the vote that mentions the strike further down does not clash with it
    recalls = unit(profile("Voters go to the polls in a runoff election",
                           "Turnout was high.\n\nA day earlier an air strike hit the port."))
    assert not clash(strike, recalls) and agreement(strike, recalls) == 0.0
    assert shared(strike, raid) == ["air strike"]


def _feats(title: str, body: str, when: str) -> Features:
    at = datetime.fromisoformat(when)
    return weigh(raw_features(title, body, [], at), at, {}, 100)


def test_a_pair_weighs_what_happened_and_says_so() -> None:
    a = _feats("Drone strike on the harbour", "A drone hit the harbour at dawn.",
               "2024-07-19T08:00:00+00:00")
    b = _feats("Harbour hit by drone overnight", "The drone attack set a depot ablaze.",
               "2024-07-19T12:00:00+00:00")
    c = _feats("Parliament votes in new speaker", "Deputies elected a speaker on Friday.",
               "2024-07-19T12:00:00+00:00")
    assert parts(a, b)["what"] > 0.5 and parts(a, b)["what_clash"] == 0.0
    assert parts(a, c)["what"] == 0.0 and parts(a, c)["what_clash"] == 1.0
    assert "both: drone attack" in reasons(score(a, b))
    # stored and read back: the profile is part of the features
    again = Features.loads(a.published, a.dumps())
    assert again.what == a.what


def test_features_stored_before_event_types_read_as_no_evidence() -> None:
    a = _feats("Drone strike on the harbour", "A drone hit the harbour.", "2024-07-19T08:00:00+00:00")
    old = a.dumps().replace(',"w":' + __import__("json").dumps(a.what, separators=(",", ":")),
                            "")
    assert '"w"' not in old
    b = Features.loads(a.published, old)
    assert b.what == {} and parts(a, b)["what"] == 0.0 and parts(a, b)["what_clash"] == 0.0


def test_reasons_name_what_both_report() -> None:
    s = Score(0.5, {}, 2.2, 0.41, 0.1, ("a:sergei-shoigu",), ("talks",))
    assert reasons(s) == "Shoigu; both: talks; 2 days apart; text 0.41"
