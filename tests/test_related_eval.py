"""The demo guard: cross-outlet linking on the bundled demo site, built the real way.

The demo is served on 127.0.0.1, fetched, parsed and extracted by a Desk, whose analyzers make
actors, links and stories. Gold: articles sharing a non-empty `event` label in articles.toml.
The weights were fitted on the development set, never on the demo: these figures guard against
regressions; the results are the dev set's (test_related_devset.py, tests/data/related_eval.md).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, replace

import pytest

from bench.related_metrics import evaluate as figures_of
from bench.related_metrics import related_ids, story_ids
from tui.core.config.loader import load_config
from tui.core.desk import Desk
from tui.core.linking import index
from tui.core.linking.score import Model, default_model, models
from tui.core.store import coverage
from tui.core.store.write_turns import transaction
from tui.demo.server import DemoServer, write_demo_config
from tui.demo.site import load_site


@dataclass
class Demo:
    conn: sqlite3.Connection
    gold: dict[int, str]  # article id -> event label ("" standalone)
    slug: dict[str, int]  # demo slug -> article id


def _relink(conn: sqlite3.Connection, model: Model) -> None:
    with transaction(conn):
        index.relink(conn, model)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    folder = tmp_path_factory.mktemp("demo")
    with DemoServer() as server:
        desk = Desk.open(load_config(write_demo_config(folder, server)))
        desk.refresh()
    conn = desk.conn
    assert conn.execute("SELECT count(*) FROM link_features").fetchone()[0] == 57
    by_title = {a.title: a for a in load_site().articles}
    gold, slug = {}, {}
    for aid, title in conn.execute("SELECT id, title FROM articles"):
        article = by_title[title]
        gold[aid] = article.event
        slug[article.slug] = aid
    yield Demo(conn, gold, slug)
    desk.close()


def evaluate(demo: Demo) -> dict[str, float]:
    """P@1 and R@5 of related lists; B-cubed precision/recall/F1 of stories
    (bench/related_metrics.py)."""
    truth = {aid: event or f"alone-{aid}" for aid, event in demo.gold.items()}
    return figures_of(truth, related_ids(demo.conn), story_ids(demo.conn)).summary()


def test_labelled_set_is_big_enough(demo: Demo) -> None:
    site = load_site()
    events = {a.event for a in site.articles if a.event}
    assert len(demo.gold) >= 40 and len(site.outlets) >= 5 and len(events) >= 10
    assert any(not e for e in demo.gold.values())


def test_quality(demo: Demo) -> None:
    figures = evaluate(demo)
    print("\nhybrid:", {k: round(v, 3) for k, v in figures.items()})
    assert figures["p@1"] >= 0.9
    assert figures["r@5"] >= 0.9
    assert figures["b3_f1"] >= 0.9


def test_shoigu_in_tehran_pair(demo: Demo) -> None:
    report = demo.slug["shoigu-arrives-in-tehran"]
    tehran = {a for a, e in demo.gold.items() if e == "shoigu-tehran-2024-08"}
    pyongyang = {a for a, e in demo.gold.items() if e == "shoigu-pyongyang-2024-09"}
    near_misses = {a for a, e in demo.gold.items() if e in (
        "shoigu-pyongyang-2024-09", "ashgabat-2024-10", "kazan-brics-2024-10",
        "treaty-moscow-2025-01", "haniyeh-killed-2024-07", "pezeshkian-inauguration-2024-07")}
    first = coverage.related(demo.conn, report)[0]
    assert first.id in tehran
    assert coverage.related(demo.conn, first.id)[0].id == report  # each other's first
    assert "Shoigu" in first.reasons and "Tehran" in first.reasons
    for aid in tehran:
        related = coverage.related(demo.conn, aid, 10)
        listed = [r.id for r in related]
        assert tehran - {aid} <= set(listed)  # all other outlets' coverage of the visit
        assert not set(listed) & pyongyang
        # A near miss may trail the list as a long shot (the Russian report and an analysis of
        # Haniyeh's killing share Haniyeh, the SNSC, Pezeshkian and Tehran), never above the
        # visit's own coverage, and never as a likely link.
        misses = [r for r in related if r.id in near_misses]
        assert all(listed.index(r.id) >= len(tehran) - 1 and r.score < 0.1 for r in misses)
    analysis = next(a for a in tehran if "strategic partner" in
                    demo.conn.execute("SELECT title FROM articles WHERE id = ?", (a,))
                    .fetchone()[0])
    # the analysis two days on is among the visit's own coverage, above any near miss
    assert analysis in {r.id for r in coverage.related(demo.conn, report, len(tehran) - 1)}


NEAR_MISSES = ("shoigu-tehran-2024-08", "shoigu-pyongyang-2024-09", "ashgabat-2024-10",
               "kazan-brics-2024-10", "treaty-moscow-2025-01", "haniyeh-killed-2024-07",
               "pezeshkian-inauguration-2024-07")


# The one confusion left among the hard negatives, on record (tests/data/related_eval.md):
# Haniyeh was killed in Tehran the night after attending Pezeshkian's inauguration there, and
# the two events' reports share nearly every name, the city and the hours. The fitted score
# ranks the killing above the inauguration's own second report, and average linkage puts them
# in one story. Any other mix of the hard negatives is a regression.
KNOWN_MIX = frozenset({"haniyeh-killed-2024-07", "pezeshkian-inauguration-2024-07"})


def test_same_people_different_event_kept_apart(demo: Demo) -> None:
    """The hard negatives share Shoigu, Putin, Pezeshkian, Haniyeh and Tehran, not the event:
    none is ranked where the event's own coverage belongs, or shares its story, except the
    known pair above."""
    for aid, event in demo.gold.items():
        if event not in NEAR_MISSES:
            continue
        same = [a for a, e in demo.gold.items() if e == event and a != aid]
        listed = coverage.related(demo.conn, aid, len(same))
        story = coverage.story_of(demo.conn, aid)
        mixed = {demo.gold[r.id] for r in listed} | (
            {demo.gold[m] for m in story.article_ids} if story else set())
        assert mixed - {event} <= KNOWN_MIX - {event}, (aid, event, mixed)


def test_standalone_articles_stay_alone(demo: Demo) -> None:
    for aid, event in demo.gold.items():
        if not event:
            assert coverage.related(demo.conn, aid) == []
            assert coverage.story_of(demo.conn, aid) is None


def test_arabic_and_persian_coverage_links_across_scripts(demo: Demo) -> None:
    """Each Arabic or Persian report lists its event's coverage in the other languages first
    and shares their story; the Arabic report of the pager blasts, ten days before
    Nasrallah's killing and full of the same names, links to nothing."""
    langs = {a.slug: a.lang for a in load_site().articles}
    for slug, aid in demo.slug.items():
        if langs[slug] not in ("ar", "fa") or not demo.gold[aid]:
            continue
        same = {a for a, e in demo.gold.items() if e == demo.gold[aid] and a != aid}
        listed = [r.id for r in coverage.related(demo.conn, aid, len(same))]
        assert set(listed) == same, slug
        story = coverage.story_of(demo.conn, aid)
        assert story is not None and same <= set(story.article_ids), slug
    pagers = demo.slug["infijar-ajhizat-al-nida"]
    assert coverage.related(demo.conn, pagers) == [] and coverage.story_of(demo.conn, pagers) is None


def test_story_of_the_visit(demo: Demo) -> None:
    report = demo.slug["shoigu-arrives-in-tehran"]
    story = coverage.story_of(demo.conn, report)
    assert story is not None
    tehran = {a for a, e in demo.gold.items() if e == "shoigu-tehran-2024-08"}
    assert set(story.article_ids) == tehran
    assert "Shoigu" in story.label and "Tehran" in story.label and "Aug 2024" in story.label
    assert len(story.outlets) == 5
    assert story in coverage.stories(demo.conn)
    listed = coverage.stories(demo.conn)
    assert [s.last for s in listed] == sorted((s.last for s in listed), reverse=True)


def test_query_story_term(demo: Demo) -> None:
    from tui.core.models import utcnow
    from tui.core.query import compile_query

    story = coverage.story_of(demo.conn, demo.slug["shoigu-arrives-in-tehran"])
    assert story is not None
    compiled = compile_query(f"story:{story.id}", now=utcnow(), resolve_actor=lambda _n: [])
    ids = {r[0] for r in demo.conn.execute(
        f"SELECT a.id FROM articles a WHERE {compiled.where}", tuple(compiled.params))}
    assert ids == set(story.article_ids)


def test_tfidf_baseline_scores_lower(demo: Demo) -> None:
    """The comparison in related_eval.md: plain TF-IDF cosine (fitted the same way) loses."""
    hybrid = evaluate(demo)
    _relink(demo.conn, models()["tfidf"])
    try:
        baseline = evaluate(demo)
        print("\ntfidf:", {k: round(v, 3) for k, v in baseline.items()})
    finally:
        _relink(demo.conn, default_model())
    assert baseline["p@1"] < hybrid["p@1"] and baseline["b3_f1"] < hybrid["b3_f1"]


def test_entities_only_ablation(demo: Demo) -> None:
    model = default_model()
    no_text = replace(model, name="no-text", weights={**model.weights, "text": 0.0})
    _relink(demo.conn, no_text)
    try:
        figures = evaluate(demo)
        print("\nno-text:", {k: round(v, 3) for k, v in figures.items()})
    finally:
        _relink(demo.conn, model)
    assert figures["p@1"] <= evaluate(demo)["p@1"]


def test_story_labels_name_the_states_most_headlines_name_and_the_common_place(
        demo: Demo) -> None:
    """Iran's missiles on Israel: both states are in most headlines (Iran once as "Tehran"),
    and no place is in most members (Jericho is in two of four): no West Bank. A state whose
    city is the place (Iran for Tehran) stays out; Russia is in three of five headlines of
    Assad's fall (in Moscow)."""
    def label(slug: str) -> str:
        story = coverage.story_of(demo.conn, demo.slug[slug])
        assert story is not None
        return story.label

    assert label("iran-fires-missiles-at-israel") == "Iran, Israel · 1-2 Oct 2024"
    assert label("shoigu-arrives-in-tehran") == "Shoigu, Pezeshkian · Tehran · 5-6 Aug 2024"
    assert label("damascus-falls-assad-flees") == "Russia, Assad · Damascus · 8-9 Dec 2024"
