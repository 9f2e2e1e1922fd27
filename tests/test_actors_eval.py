"""Actor recognition measured on text the gazetteer was not written from (bench/actors_eval.py):
the development set, where the bar is asserted, and the held-out set and the real-news pages,
reported.

The bar (issue 16): people and organisations, recall >= 0.90 at precision >= 0.95. It is met on
the development set when people found by their title or an attribution (not yet listed) count;
gazetteer names alone are held to a lower floor so a regression shows. The gazetteer was grown
after looking at the development set's misses (tui/data/actors.toml's header lists what), so its
figures are tuned ones; the real-news pages were not looked at for names and are reported.
The held-out set (tests/data/actors_heldout.toml) was written for this without looking at the
gazetteer: it is the honest number, and must never be used to grow the gazetteer or the
recogniser (its floors guard regressions; they are not targets).
"""

from __future__ import annotations

from collections import Counter

import pytest

from bench.actors_data import (
    HELDOUT,
    ROOT,
    load_devset,
    load_heldout,
    load_realnews,
    realnews_available,
)
from bench.actors_eval import Report, evaluate, format_report, recognizer

BAR_PRECISION, BAR_RECALL = 0.95, 0.90


@pytest.fixture(scope="module")
def devset() -> Report:
    return evaluate(load_devset(), recognizer())  # the fitted parts (e, f are scored fresh)


def test_devset_meets_the_bar(devset: Report, capsys: pytest.CaptureFixture[str]) -> None:
    with capsys.disabled():
        print("\n" + format_report("devset", devset))
    both = devset.counts["with discovery"]
    assert both.precision >= BAR_PRECISION and both.recall >= BAR_RECALL, format_report(
        "devset", devset)
    # Floors just under the whole set (a-d, 390 articles): with discovery P 0.970 R 0.940,
    # people+orgs 0.970 / 0.897, people R 0.899, orgs 0.946 / 0.896. Parts c and d (166
    # articles) were written after the gazetteer's last growth and scored fresh at P 0.964
    # R 0.908 (people R 0.917, orgs R 0.823; ar 0.810, en 0.925, fa 0.908, ru 0.897); a and b,
    # which the leaders' classes, the organisations' second pass and the discovery patterns
    # were grown against, read P 0.974 R 0.965.
    assert both.precision >= 0.965 and both.recall >= 0.93
    names = devset.counts["people+orgs"]
    assert names.precision >= 0.965 and names.recall >= 0.885
    assert devset.counts["people"].recall >= 0.885 and devset.counts["orgs"].recall >= 0.885
    assert devset.counts["orgs"].precision >= 0.935
    for lang, counts in devset.by_lang.items():  # every language pulls its weight
        assert counts["people+orgs"].recall >= 0.85, (lang, counts["people+orgs"])


def test_devset_other_categories(devset: Report) -> None:
    assert devset.counts["media"].precision >= 0.95 and devset.counts["media"].recall >= 0.9
    # places: the grown places.toml (P 0.988 R 0.953 -> 0.986 R 0.968 on the 390 texts)
    assert devset.counts["places"].precision >= 0.98 and devset.counts["places"].recall >= 0.96
    # Discovery is measured on the people the gazetteer misses: as the gazetteer lists more,
    # the easy finds move to it (0.971/0.670 before the leaders' classes, 0.964/0.619 after,
    # 0.975/0.824 with the discovery patterns; 0.974/0.755 with parts c and d, fresh).
    assert devset.counts["discovery"].precision >= 0.965
    assert devset.counts["discovery"].recall >= 0.74
    assert devset.counts["states"].precision >= 0.9


@pytest.mark.skipif(not realnews_available(), reason="../shared/peers/real-news is absent")
def test_real_news_pages_reported(capsys: pytest.CaptureFixture[str]) -> None:
    report = evaluate(load_realnews(), recognizer())
    with capsys.disabled():
        print("\n" + format_report("real-news pages (held out)", report))
    # Floors against regressions, not the bar: these pages are mostly about people outside
    # the region (US impeachment hearings, Venezuelan oil) whom no gazetteer of it lists.
    assert report.counts["people+orgs"].precision >= 0.9
    assert report.counts["discovery"].precision >= 0.93
    assert report.counts["with discovery"].recall >= 0.72  # 0.477 before leaders, orgs, discovery


@pytest.fixture(scope="module")
def heldout() -> Report:
    return evaluate(load_heldout(), recognizer())


def test_heldout_set_reported(heldout: Report, capsys: pytest.CaptureFixture[str]) -> None:
    with capsys.disabled():
        print("\n" + format_report("held-out set (never tuned on)", heldout))
    # Floors a little below what was measured when the set was written (names P 0.998 R 0.781;
    # with discovery P 0.998 R 0.839; discovery P 1.00 R 0.63; places P 0.97 R 0.92): they
    # catch a regression. Raising these figures by adding what this set misses to the
    # gazetteer or the recogniser would make them worthless: never do that.
    names, both = heldout.counts["people+orgs"], heldout.counts["with discovery"]
    assert names.precision >= 0.97 and names.recall >= 0.75, format_report("held-out", heldout)
    assert both.precision >= 0.97 and both.recall >= 0.81
    assert heldout.counts["discovery"].precision >= 0.95
    assert heldout.counts["media"].precision >= 0.95 and heldout.counts["media"].recall >= 0.85
    assert heldout.counts["places"].precision >= 0.93 and heldout.counts["places"].recall >= 0.88
    for lang, counts in heldout.by_lang.items():
        assert counts["people+orgs"].recall >= 0.65, (lang, counts["people+orgs"])


def test_heldout_set_is_well_formed() -> None:
    """60 articles in four languages, 120-250 words each, every gold string in its text."""
    cases = load_heldout()
    assert Counter(c.lang for c in cases) == {"en": 35, "ru": 10, "ar": 8, "fa": 7}
    assert len({c.slug for c in cases}) == len(cases)
    assert not {c.slug for c in cases} & {c.slug for c in load_devset()}
    for case in cases:
        assert 120 <= len(case.body.split()) <= 250, case.slug
        text = f"{case.title}\n{case.body}"
        assert len({g.name for g in case.actors}) == len(case.actors), case.slug
        for gold in case.actors:
            assert gold.kind in ("person", "org", "media"), (case.slug, gold)
            assert gold.forms and all(f in text for f in gold.forms), (case.slug, gold)


def test_heldout_set_stays_apart_from_the_recogniser() -> None:
    """Nothing under tui/ (gazetteer, offices, titles, patterns) names the held-out set, as a
    provenance note or a data source would."""
    assert "NEVER USE THIS SET TO TUNE" in HELDOUT.read_text(encoding="utf-8")
    for path in (ROOT / "tui").rglob("*"):
        if path.suffix in (".py", ".toml", ".md", ".txt", ".json"):
            assert HELDOUT.stem not in path.read_text(encoding="utf-8"), path
