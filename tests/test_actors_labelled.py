
"""Matching quality on hand-labelled articles: precision and recall for people and organisations.

Scored per article over the set of actor ids found vs expected (what an analyst filtering by
actor cares about). States are reported but not held to the bar: their aliases are kept
conservative on purpose (no demonyms).
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from tui.core.actors.matcher import Matcher, load_gazetteer

DATA = Path(__file__).parent / "data" / "actors_labelled.toml"
MIN_PRECISION = 0.95
MIN_RECALL = 0.90


def score(kinds: set[str]) -> tuple[float, float, list[str]]:
    gazetteer = load_gazetteer()
    matcher = Matcher(gazetteer)
    articles = tomllib.loads(DATA.read_text(encoding="utf-8"))["article"]
    tp = fp = fn = 0
    errors = []
    for article in articles:
        def keep(ids: set[str]) -> set[str]:
            return {i for i in ids if gazetteer.actors[i].kind in kinds}
        expected = keep(set(article["expect"]))
        got = keep({m.actor_id for m in matcher.match(article["title"], article["body"])})
        tp += len(got & expected)
        fp += len(got - expected)
        fn += len(expected - got)
        if got != expected:
            errors.append(f"{article['title']!r}: extra {sorted(got - expected)}, "
                          f"missed {sorted(expected - got)}")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, errors


def test_labelled_set_is_big_enough() -> None:
    articles = tomllib.loads(DATA.read_text(encoding="utf-8"))["article"]
    assert len(articles) >= 40
    known = load_gazetteer().actors
    assert [i for a in articles for i in a["expect"] if i not in known] == []


def test_people_and_orgs_precision_recall(capsys: pytest.CaptureFixture[str]) -> None:
    precision, recall, errors = score({"person", "org"})
    with capsys.disabled():
        print(f"\nactors (people+orgs): precision {precision:.3f} recall {recall:.3f}")
        for line in errors:
            print("  ", line)
    assert precision >= MIN_PRECISION
    assert recall >= MIN_RECALL


def test_states_reported(capsys: pytest.CaptureFixture[str]) -> None:
    precision, recall, errors = score({"state"})
    with capsys.disabled():
        print(f"\nstates: precision {precision:.3f} recall {recall:.3f}")
        for line in errors:
            print("  ", line)
    assert precision >= 0.8 and recall >= 0.8
