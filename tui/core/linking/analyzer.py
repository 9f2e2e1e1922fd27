"""The links analyzer: features of each article's text (in the pool), stored by the writer;
once the run's batches are stored, features weighed, links scored in the pool and written,
stories re-clustered."""

from __future__ import annotations

import sqlite3
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cache, partial
from operator import itemgetter
from typing import TYPE_CHECKING

from tui.core.basics import from_iso

if TYPE_CHECKING:
    from tui.core.linking.features import Raw
    from tui.core.linking.index import LinkRow, Packed, Weighed, Written
    from tui.core.linking.score import Model
    from tui.core.linking.story_links import Arrays
    from tui.core.refresh.analyzer import Batch, Context, Found, Sources, TextItem

CHUNK = 50  # articles per pool job: small enough to spread a run over every worker
# jobs whose links are written in one transaction: an article's neighbours come back in the
# next few jobs too, so one prune ranks what four did; ~60 ms of lock
WRITE_JOBS = 4
WEIGH_CHUNK = 250  # articles weighed per pool job: their keys stored in one statement
LABEL_CHUNK = 200  # stories labelled per pool job
# a round's last TAIL_BLOCKS blocks are written while a worker clusters the stories: their
# results come in once every job is given out, so writing them then left both workers idle
# (bench/cold_timeline.py: with only the last tile's held, the writer wrote the one before
# alone for ~0.5 s, then waited ~1 s on the clustering with nothing to write). A cold 10k
# run's five blocks: two held still left a worker idle for ~0.4 s while the other clustered
# (the writes ~0.15 s of CPU a block, the clustering ~0.8 s); written in the scoring, they
# took a core from the workers there
TAIL_BLOCKS = 3
# the last tiles are scored in jobs of at most SCORE_PAIRS pairs (a cold 10k run's tiles have
# ~13k), so both workers end together
CUT_TILES, SCORE_PAIRS = 3, 5_000


@cache
def _text_tools() -> tuple[Callable[..., Raw], Callable[[Raw], Packed],
                           Callable[..., list[Raw]]]:
    """`raw_features`, `pack` and `signed_features`, imported on the first article only: an
    import statement runs on every call (a few microseconds each)."""
    from tui.core.linking.features import raw_features, signed_features
    from tui.core.linking.index import pack

    return raw_features, pack, signed_features


@cache
def _name_rows() -> Callable[[Iterable[tuple[str, int, str]]], list[tuple[str, int, str]]]:
    """`name_keys.name_rows`, imported once, as `_text_tools` are."""
    from tui.core.linking.name_keys import name_rows

    return name_rows


def _mention_rows(found: Found) -> list[tuple[str, int, str]]:
    """The actors' mention rows, then the unlisted people's as rows of their name keys
    (`name_keys.name_rows`: a person nobody listed links like a listed one)."""
    rows = [row[1:] for row in found.get("actors", [])]
    unlisted = found.get("unlisted")
    if unlisted:
        rows += _name_rows()((row[1], row[4], row[5]) for row in unlisted if row[2] == "person")
    return rows


class LinksAnalyzer:
    name = "links"

    def __init__(self, model: Model | None = None) -> None:
        self.model = model

    def warm(self, sources: Sources) -> None:
        """The place matcher, and what the first batch's text half would load (~0.1 s of a
        worker: numpy, the features' modules): now, while the last feeds come in."""
        from tui.core.linking import index  # noqa: F401 - features, score, what, when with it
        from tui.core.linking.minhash import minhash_words
        from tui.core.linking.text import place_matcher

        place_matcher()
        minhash_words([])  # loads numpy

    def text(self, item: TextItem, found: Found, sources: Sources) -> Packed:
        raw_features, pack, _signed = _text_tools()
        return pack(raw_features(item.title, item.body, _mention_rows(found),
                                 from_iso(item.published)))

    def texts(self, items: Sequence[TextItem], found: Sequence[Found], sources: Sources
              ) -> list[Packed]:
        """`text` of each of a pool job's articles, their MinHash signatures made together."""
        _raw, pack, signed_features = _text_tools()
        return list(map(pack, signed_features([
            (item.title, item.body, _mention_rows(their), from_iso(item.published))
            for item, their in zip(items, found, strict=True)])))

    def write(self, conn: sqlite3.Connection, batch: Batch, context: Context) -> None:
        from tui.core.linking.index import store_raw

        raws = {item.id: (from_iso(item.published), batch.found[item.id][self.name])
                for item in batch.items if self.name in batch.found.get(item.id, {})}
        store_raw(conn, raws, batch.ids)

    def finish_run(self, conn: sqlite3.Connection, ids: Sequence[int], context: Context) -> None:
        """Weigh, then score candidates (pool, read-only); the writer stores what comes back,
        then re-clusters the stories around the run."""
        import uuid

        from tui.core.linking import index
        from tui.core.linking.decoded import forget_df
        from tui.core.linking.pool import weigh_job
        from tui.core.linking.rounds import ROUND_MIN
        from tui.core.linking.score import default_model
        from tui.core.store.links import unlink
        from tui.core.store.unchecked import parents_unchecked
        from tui.core.store.write_turns import db_file, transaction

        model = self.model or default_model()
        path = db_file(conn)
        if path is None or not ids:
            return
        run = uuid.uuid4().hex  # the workers' decoded features known current in this run
        with transaction(conn):  # the fortnight weighed when the cache was a tenth off, again
            old = sorted(set(index.stale(conn)) - set(ids))
            unlink(conn, old)
        everyone = sorted({*ids, *old})
        chunks = [everyone[i:i + CHUNK] for i in range(0, len(everyone), CHUNK)]
        weigh = [everyone[i:i + WEIGH_CHUNK] for i in range(0, len(everyone), WEIGH_CHUNK)]
        pending: list[Weighed] = []
        with parents_unchecked(conn):  # set_features stores keys of present articles only
            for n, weighed in enumerate(context.in_pool(weigh_job, [(str(path), c, run)
                                                                    for c in weigh]), 1):
                pending.append(weighed)
                if n % WRITE_JOBS and n < len(weigh):
                    continue
                with transaction(conn):  # ~0.1 s of lock: a job's keys fall all over the
                    for done in pending:  # index, and a commit per job wrote its pages again
                        index.store_weighed(conn, done)
                pending = []
        forget_df()  # the run's counts, where its weighing ran here (no pool, a worker died)
        written, unwritten = None, None
        if len(everyone) >= ROUND_MIN:
            written, unwritten = _link_round(conn, str(path), everyone, model, context, run)
        else:
            _link_each(conn, str(path), chunks, model, context, run)
        # a round's last links are written while a worker clusters the stories from `written`
        # (its floor is STORY_LINK_MIN or lower: recluster reads none of the run's back)
        flush = None if unwritten is None else partial(unwritten.write, conn)
        index.recluster(conn, everyone, model, partial(_labels, str(path), context, run),
                        written, partial(_stories, context, flush))
        if flush is not None:
            flush()  # nothing linked at story strength (no clustering): written now


def _labels(path: str, context: Context, run: str, stories: list[tuple[int, list[int]]]
            ) -> Iterator[tuple[int, str, float, float]]:
    """Stories' labels from their members' features, in the pool (workers hold many decoded)."""
    from tui.core.linking.pool import label_job

    step = LABEL_CHUNK
    for rows in context.in_pool(label_job, [(path, stories[i:i + step], context.sources(), run)
                                            for i in range(0, len(stories), step)]):
        yield from rows


def _stories(context: Context, meanwhile: Callable[[], None] | None,
             published: dict[int, float], links: Arrays, threshold: float,
             join_min: float) -> list[list[int]]:
    """The stories' groups in the pool: the writer keeps neither numpy nor the rows' dicts.
    `meanwhile` runs once the job is submitted: the one job left the writer and a core idle."""
    from tui.core.linking.pool import stories_job

    def jobs() -> Iterator[tuple[object, ...]]:
        yield published, links, threshold, join_min
        if meanwhile is not None:  # in_pool takes the next job after submitting this one
            meanwhile()

    groups: list[list[int]]
    [groups] = context.in_pool(stories_job, jobs())
    return groups


def _link_each(conn: sqlite3.Connection, path: str, chunks: list[list[int]], model: Model,
               context: Context, run: str) -> None:
    """A small run: each article's candidates from SQL, scored from its side (pool)."""
    from tui.core.linking import index
    from tui.core.linking.pool import link_job
    from tui.core.store.write_turns import transaction

    jobs = [(path, c, model, context.sources(), run) for c in chunks]
    pending: list[LinkRow] = []
    for n, rows in enumerate(context.in_pool(link_job, jobs), 1):
        pending += rows
        if n % WRITE_JOBS == 0 or n == len(jobs):
            with transaction(conn):  # the same links as one job at a time (scores
                index.write_links(conn, pending)  # are symmetric), fewer prunes
            pending = []


def _link_round(conn: sqlite3.Connection, path: str, everyone: list[int], model: Model,
                context: Context, run: str) -> tuple[Written, Unwritten]:
    """A big run as one round (rounds.py): candidates from postings held in memory, every
    pair scored once, each article's best links kept once all its pairs are in; the same
    links as `_link_each`. Returns the links from `everyone`, for the stories, and those of
    them still to write (`Unwritten`): the last `TAIL_BLOCKS` blocks', whose writing the
    workers waited for or shared their cores with, are written while a worker clusters the
    stories (the writer and a core idle there). Holding every block's for then left the
    writes, mostly I/O, longer than the clustering (bench/finish_phases.py: 3.7 s against
    1.2 s, busy box, before the writes were made columns)."""
    from tui.core.linking import index, rounds, tiling
    from tui.core.linking.pool import candidates_job, score_job
    from tui.core.store.links import published

    window = rounds.window_of(published(conn, everyone))
    token = run  # a worker's postings serve this round only
    whole = rounds.reads_whole(conn, everyone)
    step = rounds.CANDIDATE_CHUNK
    tiler = rounds.Tiler(everyone)  # each job's pairs grouped while the workers rank on
    for part in context.in_pool(candidates_job, [(path, token, everyone[i:i + step], window,
                                                  whole)
                                                 for i in range(0, len(everyone), step)]):
        tiler.add(part)
    rounds.forget()  # held here too when there is no pool
    tiled = tiler.packed()  # a tile's pairs as one array: pickled as bytes, not pair by pair
    del tiler
    members: dict[int, list[int]] = {}
    for aid, b in rounds.blocks(everyone).items():
        members.setdefault(b, []).append(aid)
    parts, complete, _first = tiling.pieces(tiled, SCORE_PAIRS, CUT_TILES)
    jobs = [(path, pairs, model, context.sources(), run) for pairs in parts]
    best = rounds.Best(index.TOP_LINKS)
    written = index.Written(min(index.STORY_LINK_MIN, model.story_min))
    pending = Unwritten()
    held_from = max(members, default=0) + 1 - TAIL_BLOCKS
    for n, rows in enumerate(context.in_pool(score_job, jobs)):
        best.add(rows)
        for b in complete.get(n, ()):  # written while the workers score the rest; the
            kept = best.take(members.get(b, []))  # last blocks', while they cluster
            if b < held_from:
                _write_best(conn, kept)
            else:
                pending.add(kept)
            written.add(kept)
    mine = set(everyone)
    outside = [a for a in best.held() if a not in mine]  # older articles: pruned with the
    _write_best(conn, best.take(outside))  # links they had
    index.prune_all(conn, set(outside))
    kept = best.take(best.held())  # none: every block of the run is complete by now
    pending.add(kept)
    written.add(kept)
    return written, pending


class Unwritten:
    """Best links of a round until the writer stores them, as columns: ~33 bytes a link (a
    row tuple each ~160)."""

    def __init__(self) -> None:
        self.a, self.b, self.p, self.says = array("q"), array("q"), array("d"), array("b")
        self.why: list[str] = []

    def clear(self) -> None:
        del self.a[:], self.b[:], self.p[:], self.says[:], self.why[:]

    def add(self, rows: Sequence[LinkRow]) -> None:
        self.a.extend(map(itemgetter(0), rows))
        self.b.extend(map(itemgetter(1), rows))
        self.p.extend(map(itemgetter(2), rows))
        self.why.extend(map(itemgetter(3), rows))
        self.says.extend(map(itemgetter(4), rows))

    def write(self, conn: sqlite3.Connection, chunk: int = 10_000) -> None:
        """Every link held, in the order added, in `_write_best`'s short transactions (rows
        made as SQLite takes them, none listed); then none is held."""
        from tui.core.store.links import store_links
        from tui.core.store.unchecked import missing_articles, parents_unchecked
        from tui.core.store.write_turns import transaction

        with parents_unchecked(conn):
            for i in range(0, len(self.a), chunk):
                a, b = self.a[i:i + chunk], self.b[i:i + chunk]
                rows: Iterable[LinkRow] = zip(a, b, self.p[i:i + chunk], self.why[i:i + chunk],
                                              self.says[i:i + chunk], strict=True)
                with transaction(conn):
                    if gone := missing_articles(conn, sorted(set(a) | set(b))):
                        rows = [r for r in rows if r[0] not in gone and r[1] not in gone]
                    store_links(conn, rows)
        self.clear()


def _write_best(conn: sqlite3.Connection, rows: list[LinkRow], chunk: int = 10_000) -> None:
    """Short transactions: the app writes too. Links of articles still in the cache (not
    pruned meanwhile) only, checked here once per article: SQLite checked both ends of every
    row."""
    from tui.core.store.links import store_links
    from tui.core.store.unchecked import missing_articles, parents_unchecked
    from tui.core.store.write_turns import transaction

    with parents_unchecked(conn):
        for i in range(0, len(rows), chunk):
            part = rows[i:i + chunk]
            with transaction(conn):
                ids = sorted({row[0] for row in part} | {row[1] for row in part})
                if gone := missing_articles(conn, ids):
                    part = [r for r in part if r[0] not in gone and r[1] not in gone]
                store_links(conn, part)
