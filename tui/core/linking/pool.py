"""Weighing, link scoring and story labels as pool jobs: a worker reads the cache (read-only)
and returns rows for the writer to store.

The writer commits the run's unweighed features and key counts first, so a worker sees every
article of the run and the rarity of every key; it weighs them, then (once the writer stored
those) scores candidates, the CPU-heavy part of linking; the writer only writes.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from array import array

    from tui.core.linking.index import LinkRow, Weighed
    from tui.core.linking.rounds import Pair
    from tui.core.linking.score import Model
    from tui.core.linking.story_links import Arrays
    from tui.core.refresh.analyzer import Sources

_readers: dict[str, sqlite3.Connection] = {}


def _reader(path: str) -> sqlite3.Connection:
    if path not in _readers:
        from tui.core.store.db import connect_readonly

        for conn in _readers.values():
            conn.close()
        _readers.clear()
        _readers[path] = connect_readonly(Path(path))
    return _readers[path]


def _names_from(sources: Sources) -> None:
    """Reasons name actors from the user's gazetteer: the one the text halves loaded in this
    worker (built here only if this process has not built it yet)."""
    from tui.core.actors.analyzer import recognizer_for

    recognizer_for(sources)


def weigh_job(path: str, ids: list[int], run: str = "") -> Weighed:
    from tui.core.linking.index import weighed

    return weighed(_reader(path), ids, run)


def link_job(path: str, ids: list[int], model: Model, sources: Sources, run: str = ""
             ) -> list[LinkRow]:
    from tui.core.linking.decoded import forget_df
    from tui.core.linking.index import link_scores

    forget_df()  # every weighing job is done once linking starts: the run's counts can go
    _names_from(sources)
    return link_scores(_reader(path), ids, model, run)


def candidates_job(path: str, token: str, ids: list[int], window: tuple[float, float],
                   whole: bool = False) -> list[tuple[int, list[int]]]:
    from tui.core.linking.rounds import round_candidates

    return round_candidates(_reader(path), path, token, ids, window, whole)


def label_job(path: str, stories: list[tuple[int, list[int]]], sources: Sources,
              run: str = "") -> list[tuple[int, str, float, float]]:
    from tui.core.linking.index import story_labels

    _names_from(sources)
    return list(story_labels(_reader(path), stories, keep=True, run=run))


def score_job(path: str, pairs: list[Pair] | array[int], model: Model, sources: Sources,
              run: str = "") -> list[LinkRow]:
    from tui.core.linking.decoded import forget_df
    from tui.core.linking.index import TOP_LINKS
    from tui.core.linking.job_best import could_be_best
    from tui.core.linking.rounds import forget, score_pairs

    forget()  # every candidates job is done once scoring starts: the postings can go
    forget_df()  # and every weighing job: the run's document counts too
    _names_from(sources)
    return could_be_best(score_pairs(_reader(path), pairs, model, run), TOP_LINKS)


def stories_job(published: dict[int, float], links: Arrays, threshold: float,
                join_min: float) -> list[list[int]]:
    from tui.core.linking.index import stories_from

    return stories_from(published, links, threshold, join_min)
