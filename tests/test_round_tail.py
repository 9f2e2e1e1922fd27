"""The end of a round's scoring (tui/core/linking/analyzer.py `_link_round`): what the writer
does once every scoring job is given out, when the workers have nothing left but the stories.

- A job sends only the rows that can still be among an end's best (`job_best.could_be_best`):
  `rounds.Best` keeps the same links as when it got every row.
- The last `TAIL_BLOCKS` blocks' links are written while a worker clusters the stories, not
  before it while both workers wait or during the scoring, where they took a worker's core.
- A tile is scored in jobs of at most `SCORE_PAIRS` pairs (`tiling.pieces`), so the last one
  does not hold one worker while the other idles; a block is complete after its last piece.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tui.core.linking import analyzer, rounds
from tui.core.linking.job_best import could_be_best


def _jobs(seed: int) -> list[list[tuple[int, int, float, str, int]]]:
    """Scored pairs in jobs, each pair once: few distinct scores (ties) and hub articles."""
    rng = random.Random(seed)
    pairs = {
        (min(a, b), max(a, b))
        for a, b in (
            (rng.randrange(60), rng.choice([rng.randrange(60), rng.randrange(4)]))
            for _ in range(1500)
        )
        if a != b
    }
    rows = [
        (a, b, rng.choice([0.2, 0.35, 0.5, 0.9, rng.random()]), f"{a}-{b}", rng.randrange(2))
        for a, b in sorted(pairs)
    ]
    rng.shuffle(rows)
    cuts = sorted(rng.sample(range(1, len(rows)), 6))
    return [rows[i:j] for i, j in zip([0, *cuts], [*cuts, len(rows)], strict=True)]


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("keep", [1, 3, 20])
def test_a_jobs_rows_cut_to_its_possible_best_keep_the_same_links(seed: int, keep: int) -> None:
    whole, cut = rounds.Best(keep), rounds.Best(keep)
    sent = 0
    for job in _jobs(seed):
        whole.add(job)
        kept = could_be_best(job, keep)
        assert kept == [row for row in job if row in kept]  # in their order
        sent += len(kept)
        cut.add(kept)
    everyone = sorted(set(whole.held()) | set(cut.held()))
    assert cut.take(everyone) == whole.take(everyone)
    if keep < 20:
        assert sent < sum(map(len, _jobs(seed)))  # something was left out


def test_the_last_jobs_blocks_wait_for_the_clustering(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bench.related_data import build_cache, load_devset
    from tui.core.linking.pool import score_job, stories_job
    from tui.core.refresh.analysis import Analysis

    monkeypatch.setattr(rounds, "ROUND_MIN", 1)
    monkeypatch.setattr(rounds, "BLOCK", 40)
    monkeypatch.setattr(analyzer, "SCORE_PAIRS", 60)  # the last tiles in several jobs
    cache = build_cache(tmp_path, sorted(load_devset(), key=lambda a: a.slug), analyse=False)
    try:
        desk: Any = cache.desk
        conn = desk.conn
        ids = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY id")]
        blocks = rounds.blocks(ids)
        assert max(blocks.values()) >= 3
        seen: dict[str, Any] = {"scoring jobs": 0}

        class Watching(Analysis):
            def in_pool(self, fn: Callable[..., Any], jobs: Any) -> Iterator[Any]:
                if fn is stories_job:  # the links the writer stored before the clustering
                    seen["linked"] = {
                        r[0] for r in conn.execute("SELECT DISTINCT article_id FROM links")
                    }
                for result in super().in_pool(fn, jobs):
                    seen["scoring jobs"] += fn is score_job
                    yield result

        desk._analysis = Watching(desk.config, None)
        desk.analyse_pending()
        last = max(blocks.values())
        before = {blocks[a] for a in seen["linked"]}
        after = {blocks[r[0]] for r in conn.execute("SELECT article_id FROM links")}
        held = set(range(last + 1 - analyzer.TAIL_BLOCKS, last + 1))
        assert analyzer.TAIL_BLOCKS >= 3 and max(blocks.values()) >= analyzer.TAIL_BLOCKS
        assert seen["scoring jobs"] > 2 * analyzer.TAIL_BLOCKS
        assert held <= after  # linked in the end
        assert before and not before & held  # the last blocks' links wait
        assert before == set(blocks.values()) - held  # the others' were written in scoring
    finally:
        cache.close()


def test_tiles_in_pieces_say_a_block_is_done_after_its_last_piece() -> None:
    from array import array

    from tui.core.linking import tiling

    tiled = [
        ((0, 0), array("q", range(5))),
        ((0, 1), array("q", range(2))),
        ((1, 1), array("q", range(7))),
    ]
    jobs, complete, first = tiling.pieces(tiled, 3, 3)
    assert [list(j) for j in jobs] == [[0, 1, 2], [3, 4], [0, 1], [0, 1, 2], [3, 4, 5], [6]]
    assert first == [0, 2, 3]
    assert complete == {2: [0], 5: [1]}  # as complete_after says per tile: {1: [0], 2: [1]}
    jobs, complete, first = tiling.pieces(tiled, 3, 1)  # only the last tile cut
    assert [list(j) for j in jobs] == [[0, 1, 2, 3, 4], [0, 1], [0, 1, 2], [3, 4, 5], [6]]
    assert (complete, first) == ({1: [0], 4: [1]}, [0, 1, 2])
    assert tiling.complete_after([key for key, _p in tiled]) == {1: [0], 2: [1]}
