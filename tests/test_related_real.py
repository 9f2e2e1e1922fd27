"""Cross-outlet linking on real pages and feeds (../shared/peers/real-news, EVENTS.tsv).

Pages are extracted and feeds parsed by the pool's own workers, stored, and analysed by a Desk
(bench/related_data.py); the shipped weights, nothing fitted here. Same-event groups across
outlets and languages must link (directed links: b in a's related list), and the distractor
groups (the same actors and vocabulary, other events) must never link.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bench.related_data import REAL_NEWS, Cache, build_cache, load_real_news
from bench.related_eval import GroupResult, real_news_report

pytestmark = pytest.mark.skipif(not (REAL_NEWS / "EVENTS.tsv").exists(),
                                reason=f"real-news corpus not found at {REAL_NEWS}")


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, GroupResult]]:
    cache: Cache = build_cache(tmp_path_factory.mktemp("real"), load_real_news())
    try:
        results = {r.name.split()[0]: r for r in real_news_report(cache)}
        for r in results.values():
            print(f"\n{r.name[:50]}: {r.found}/{r.possible}", end="")
        yield results
    finally:
        cache.close()


@pytest.mark.parametrize("group, at_least", [("E01", 20), ("E03", 20), ("E05", 10),
                                             ("E06", 16), ("E08", 6), ("E10", 10)])
def test_same_event_groups_link(report: dict[str, GroupResult], group: str,
                                at_least: int) -> None:
    r = report[group]
    assert not r.missing
    assert r.found >= at_least, (r.name, r.found, r.possible)


@pytest.mark.parametrize("group", ["X01", "X02", "X03"])
def test_distractors_never_link(report: dict[str, GroupResult], group: str) -> None:
    r = report[group]
    assert not r.missing and r.possible > 0
    assert r.found == 0, r.name
