"""Actor recognition measured on text the gazetteer was not written from (bench/actors_eval.py):
the development set, where the bar is asserted, and the real-news pages, reported.

The bar (issue 16): people and organisations, recall >= 0.90 at precision >= 0.95. It is met on
the development set when people found by their title or an attribution (not yet listed) count;
gazetteer names alone are held to a lower floor so a regression shows. The gazetteer was grown
after looking at the development set's misses (tui/data/actors.toml's header lists what), so its
figures are tuned ones; the real-news pages were not looked at for names and are reported.
"""

from __future__ import annotations

import pytest

from bench.actors_data import load_devset, load_realnews, realnews_available
from bench.actors_eval import Report, evaluate, format_report, recognizer

BAR_PRECISION, BAR_RECALL = 0.95, 0.90


@pytest.fixture(scope="module")
def devset() -> Report:
    return evaluate(load_devset(), recognizer())


def test_devset_meets_the_bar(devset: Report, capsys: pytest.CaptureFixture[str]) -> None:
    with capsys.disabled():
        print("\n" + format_report("devset", devset))
    both = devset.counts["with discovery"]
    assert both.precision >= BAR_PRECISION and both.recall >= BAR_RECALL, format_report(
        "devset", devset)
    names = devset.counts["people+orgs"]
    assert names.precision >= 0.96 and names.recall >= 0.85
    for lang, counts in devset.by_lang.items():  # every language pulls its weight
        assert counts["people+orgs"].recall >= 0.8, (lang, counts["people+orgs"])


def test_devset_other_categories(devset: Report) -> None:
    assert devset.counts["media"].precision >= 0.95 and devset.counts["media"].recall >= 0.9
    assert devset.counts["places"].precision >= 0.95 and devset.counts["places"].recall >= 0.9
    assert devset.counts["discovery"].precision >= 0.95
    assert devset.counts["states"].precision >= 0.9


@pytest.mark.skipif(not realnews_available(), reason="../shared/peers/real-news is absent")
def test_real_news_pages_reported(capsys: pytest.CaptureFixture[str]) -> None:
    report = evaluate(load_realnews(), recognizer())
    with capsys.disabled():
        print("\n" + format_report("real-news pages (held out)", report))
    # Floors against regressions, not the bar: these pages are mostly about people outside
    # the region (US impeachment hearings, Venezuelan oil) whom no gazetteer of it lists.
    assert report.counts["people+orgs"].precision >= 0.88
    assert report.counts["discovery"].precision >= 0.9
    assert report.counts["with discovery"].recall >= 0.42
