"""bench/related_fresh_errors.py lists exactly the errors behind `related_eval.py --set fresh`'s
figures: as many intrusions and lonely links, and one miss for each same-event article a list
leaves out of its first five (the parts' events have at most six articles, so R@5 counts them
all), each with both articles and the pair's reasons."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.related_data import Cache
from bench.related_eval import shipped_support
from bench.related_fresh_errors import fresh_cache, fresh_errors
from bench.related_metrics import evaluate, related_ids, story_ids


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cache]:
    linked = fresh_cache(tmp_path_factory.mktemp("fresh"))
    yield linked
    linked.close()


@pytest.mark.parametrize("halves", [["l"], ["m"]])
def test_the_rows_are_the_errors_the_figures_count(cache: Cache, halves: list[str]) -> None:
    rows = fresh_errors(cache, halves)
    gold = cache.gold
    scored = [aid for aid, a in gold.items() if a.part in halves]
    truth = {aid: a.truth for aid, a in gold.items()}
    related = related_ids(cache.conn, shipped_support())
    figures = evaluate(truth, related, story_ids(cache.conn), scored)
    members: dict[str, int] = {}
    for a in gold.values():
        members[a.truth] = members.get(a.truth, 0) + 1
    assert max(members[truth[aid]] for aid in scored) <= 6
    wanted = [min(5, members[truth[aid]] - 1) for aid in scored if members[truth[aid]] > 1]
    missed = round(sum(w * (1 - r) for w, r in zip(wanted, figures.r5, strict=True)))

    kinds = [r["kind"] for r in rows]
    assert kinds.count("intrusion") == figures.intrusions
    assert kinds.count("lonely") == figures.lonely_links
    assert kinds.count("miss") == missed
    event = {gold[aid].slug: gold[aid].event for aid in scored}
    for r in rows:
        assert r["slug"] in event and r["other"] != r["slug"] and r["lang"] and r["genre"]
        assert (r["other_event"] == event[str(r["slug"])]) == (r["kind"] == "miss")
        assert isinstance(r["pushes"], str) and "|" in r["pushes"]


def test_the_script_prints_a_line_per_error(tmp_path: Path) -> None:
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[1]
    out = subprocess.run(
        [
            sys.executable,
            str(root / "bench" / "related_fresh_errors.py"),
            "l",
            "--json",
            str(tmp_path / "rows.json"),
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=root,
    ).stdout
    assert out.rstrip().splitlines()[-1].endswith("lonely")
    assert (tmp_path / "rows.json").read_text(encoding="utf-8").startswith("[")
