"""Linking new or changed articles to the cache, and re-clustering stories around them.

Four steps, so the costly one runs in the worker pool while the writer only writes:

1. `store_raw` (writer, in the analyzer's batch transaction): count the articles' keys into the
   document frequencies and keep what each will be weighed from.
2. `weighed` (a pool worker on a read-only connection, once the run's batches are all stored):
   freeze rarity into the features of the run's articles, and of the fortnight's articles
   weighed when the cache was a tenth smaller or bigger; `store_weighed` (writer) stores them
   and their keys in the candidate index.
3. `link_scores` (a pool worker on a read-only connection): per article, candidates from the
   inverted index - articles sharing an actor, a state, a place, a rare term or a MinHash band
   within +-14 days, never all pairs - scored by the fitted model. It reads only; it returns
   the link rows.
4. `write_links` and `recluster` (writer): store the links both ways, keep each article's best,
   then re-cluster the stories of the region the new links touch from the links as a whole.

The cost of one article depends on how much news shares its keys in its fortnight, not on the
size of the cache. `index_articles` runs all three in this process (tests, benchmarks).
"""

from __future__ import annotations

import sqlite3
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from functools import partial
from itertools import repeat
from operator import itemgetter
from typing import NamedTuple

from orjson import dumps, loads

from tui.core.basics import from_iso
from tui.core.linking import stories as story_logic
from tui.core.linking.decoded import _DECODED_MAX as _DECODED_MAX
from tui.core.linking.decoded import _decoded as _decoded
from tui.core.linking.decoded import features as features
from tui.core.linking.features import (
    Features,
    Raw,
    idf,
    raw_features,
    term_idf,
    weighed_text,
)
from tui.core.linking.name_keys import name_rows
from tui.core.linking.score import DAY, WINDOW_DAYS, Model, default_model, link
from tui.core.linking.story_links import Arrays, at_least
from tui.core.store import links as store
from tui.core.store.actors import unlisted_people

TOP_LINKS = 20  # kept per article
CANDIDATES = 20  # fully scored per article: a pair is looked for from both sides
MAX_KEYS = 200  # rarest keys asked per article (SQLite allows 500 terms in one compound SELECT)
MINHASH_WEIGHT = 3.0  # a shared MinHash band: as telling as a fairly rare word
RECENCY_DAYS = 3.0  # a candidate's prescore halves this many days away
DRIFT = 0.1  # weigh recent articles again once the document count moved by this share
# A link this unlikely may trail a related list as a long shot (the model's link_min is lower)
# but takes no part in making stories: a story's average over its pairs stays what it was.
STORY_LINK_MIN = 0.05

# (article, other, probability, reasons, whether they say more than the time apart: 1 or 0,
# never a bool, which sqlite3 binds ~10x slower: `score.why`)
LinkRow = tuple[int, int, float, str, int]


class Packed(NamedTuple):
    """An article's `Raw` as the writer stores it, serialised by the worker that made it: the
    writer encodes no JSON and walks no features (a fifth of its CPU in a cold run was that),
    and a string crosses the process boundary cheaper than nested dicts. The keys cross as
    their JSON alone: a list of ~160 strings beside it took 25 times the pickling (6.5 us in
    the worker, 8 in the writer, half of a 10k run's result queue); the writer decodes it."""

    raw: str  # Raw.dumps()
    keys_json: str  # Raw.df_keys() as stored

    @property
    def keys(self) -> list[str]:
        return loads(self.keys_json)  # type: ignore[no-any-return]

    def df_keys(self) -> list[str]:
        return self.keys


def pack(raw: Raw) -> Packed:
    return Packed(raw.dumps(), dumps(raw.df_keys()).decode())  # read by SQLite's json_each


def load_raw(conn: sqlite3.Connection, ids: Sequence[int]) -> dict[int, tuple[datetime, Packed]]:
    """Text features computed here, when no worker process computed them."""
    out = {}
    unlisted = unlisted_people(conn, ids)  # as the links analyzer adds them
    for aid, (published, title, body, mentions) in store.texts(conn, ids).items():
        when = from_iso(published)
        rows = [*mentions, *name_rows(unlisted.get(aid, ()))]
        out[aid] = (when, pack(raw_features(title, body, rows, when)))
    return out


def store_raw(conn: sqlite3.Connection, raws: Mapping[int, tuple[datetime, Packed]],
              ids: Sequence[int]) -> None:
    """Step 1 (writer, per batch): forget what earlier versions of `ids` left, count their
    keys into the document frequencies and keep what they will be weighed from. Weighing
    waits until every article of the run is counted (`weigh_stored`): the first batch of a
    big first ingest is weighed like the last."""
    store.forget(conn, ids)
    mine = [aid for aid in sorted(ids) if aid in raws]
    store.count_key_lists(conn, [raws[aid][1].keys_json for aid in mine])
    store.store_raws(conn, [(aid, raws[aid][0].timestamp(), raws[aid][1].raw,
                             raws[aid][1].keys_json) for aid in mine])


class Weighed(NamedTuple):
    """Weighed features as the writer stores them: (article, features JSON, docs: the document
    count they were weighed at) and their keys' postings in the candidate index, sorted and
    distinct as the index orders them (key, published, article) and held as three columns,
    each key one string: the results of a run's weighing jobs wait for the writer together,
    and tuples of three objects per posting were 50 MB of its peak. Made in the worker:
    building and sorting the postings was a sixth of the writer's linking work."""

    rows: list[tuple[int, str, int]]
    keys: list[str]
    published: array[float]
    ids: array[int]


def weighed(conn: sqlite3.Connection, ids: Sequence[int]) -> Weighed:
    """Step 2 (reads only: a pool worker): freeze rarity, as the cache counts it now, into
    the features of `ids` from what they were stored with."""
    raws = {aid: (published, Raw.loads(raw)) for aid, (published, raw)
            in store.raws(conn, ids).items() if raw}
    df = store.df(conn, {k for _p, raw in raws.values() for k in raw.df_keys()})
    docs = df.get("", 1)
    terms_idf = term_idf(df, docs)
    rows: list[tuple[int, str, int]] = []
    keys: list[str] = []
    times: list[float] = []
    owners: list[int] = []
    # by time, then id: one stable sort by key then gives the index's order (key, time, id)
    # without comparing tuples (a set of (key, time, id) sorted was a fifth of weighing)
    for aid in sorted(raws, key=lambda a: (raws[a][0], a)):
        published, raw = raws[aid]
        text, mine = weighed_text(raw, datetime.fromtimestamp(published, UTC), df, docs,
                                  terms_idf)
        rows.append((aid, text, docs))
        mine = list(dict.fromkeys(mine))  # distinct, as the index holds them
        keys += mine
        times += repeat(published, len(mine))
        owners += repeat(aid, len(mine))
    rows.sort()
    order = sorted(range(len(keys)), key=keys.__getitem__)
    one: dict[str, str] = {}  # each key one object: pickled once, unpickled once
    return Weighed(rows, [one.setdefault(k, k) for k in map(keys.__getitem__, order)],
                   array("d", map(times.__getitem__, order)),
                   array("q", map(owners.__getitem__, order)))


def store_weighed(conn: sqlite3.Connection, weighed: Weighed) -> None:
    """Step 2 (writer): weighed features and their keys in the candidate index."""
    store.set_features(conn, weighed.rows, weighed.keys, weighed.published, weighed.ids)


def weigh_stored(conn: sqlite3.Connection, ids: Sequence[int]) -> None:
    """Step 2 in this process."""
    store_weighed(conn, weighed(conn, ids))


def stale(conn: sqlite3.Connection, drift: float = DRIFT) -> list[int]:
    """The recent articles (the fortnight before the newest) whose rarity weights were frozen
    when the cache held a tenth more or fewer documents: to be weighed and linked again. This
    is what makes links, and the stories made from them, the same whichever articles came
    first."""
    newest = store.newest(conn)
    if newest is None:
        return []
    docs = store.df(conn, []).get("", 0)
    return store.weighed_off(conn, newest - WINDOW_DAYS * DAY, docs, drift)


def reweigh(conn: sqlite3.Connection, ids: Sequence[int]) -> list[int]:
    """Step 2 for a run: weigh `ids` and the stale recent articles (whose old links go);
    returns every article to link."""
    old = sorted(set(stale(conn)) - set(ids))
    store.unlink(conn, old)
    everyone = sorted({*ids, *old})
    weigh_stored(conn, everyone)
    return everyone


def candidates(conn: sqlite3.Connection, aid: int, feats: Features,
               df: Mapping[str, int] | None = None) -> list[int]:
    """Articles sharing a key in the window, best first by the rarity of what they share and
    how close in time they are. `df`: the document frequencies of (at least) its keys, when
    the caller read them for a whole chunk at once."""
    keys = feats.index_keys()
    if df is None:
        df = store.df(conn, keys)
    docs = df.get("", 1)
    weighted = sorted(((MINHASH_WEIGHT if key.startswith("m:") else idf(df.get(key, 0), docs), key)
                       for key in keys), reverse=True)[:MAX_KEYS]
    window = (feats.published - WINDOW_DAYS * DAY, feats.published + WINDOW_DAYS * DAY)
    return store.candidates(conn, aid, feats.published, weighted, window, CANDIDATES,
                            RECENCY_DAYS * DAY)


def link_scores(conn: sqlite3.Connection, ids: Sequence[int],
                model: Model | None = None, run: str = "") -> list[LinkRow]:
    """Step 2 (reads only): each article's links to its candidates, from its side.

    Per chunk, not per article: the rarity of every key and the features of every candidate
    are read (and decoded) once; neighbours in a chunk share most of their candidates, and
    reading them per article was a third of linking. `run`: the finish_run's token
    (`features`)."""
    model = model or default_model()
    rows: list[LinkRow] = []
    mine = features(conn, ids, run=run)
    df = store.df(conn, {key for feats in mine.values() for key in feats.index_keys()})
    found = {aid: candidates(conn, aid, mine[aid], df) for aid in ids if aid in mine}
    theirs = features(conn, sorted({o for cands in found.values() for o in cands} - mine.keys()),
                      run=run)
    theirs.update(mine)
    for aid, cands in found.items():
        feats = mine[aid]
        for other in sorted(cands):  # the order features() gave: by id
            if other not in theirs:
                continue
            if kept := link(feats, theirs[other], model):
                rows.append((aid, other, *kept))
    return rows


def write_links(conn: sqlite3.Connection, rows: Sequence[LinkRow]) -> None:
    """Step 3a: links both ways; every article touched keeps its TOP_LINKS best."""
    store.store_links(conn, [*rows, *((b, a, s, why, says) for a, b, s, why, says in rows)])
    store.prune(conn, {row[0] for row in rows} | {row[1] for row in rows}, TOP_LINKS)


def prune_all(conn: sqlite3.Connection, touched: set[int], chunk: int = 500) -> None:
    """Every touched article keeps its TOP_LINKS best of all that was written: pruning once
    at the end keeps what pruning after every write did (a link dropped there was behind
    TOP_LINKS better ones, which stay). Short transactions: the app writes too."""
    from tui.core.store.write_turns import transaction

    ordered = sorted(touched)
    for i in range(0, len(ordered), chunk):
        with transaction(conn):
            store.prune(conn, set(ordered[i:i + chunk]), TOP_LINKS)


class Written:
    """The links a round (rounds.py) wrote from its own articles, which have no others (their
    old ones went when they were re-analysed), as (article, other, score) from `floor` on:
    three arrays, 24 bytes a link. `recluster` makes the stories from these instead of
    reading every link back."""

    def __init__(self, floor: float) -> None:
        self.floor = floor
        self.a, self.b, self.p = array("q"), array("q"), array("d")

    def add(self, rows: Sequence[LinkRow]) -> None:
        floor = self.floor
        kept = [row for row in rows if row[2] >= floor]
        self.a.extend(map(itemgetter(0), kept))
        self.b.extend(map(itemgetter(1), kept))
        self.p.extend(map(itemgetter(2), kept))

    def rows(self) -> Iterator[tuple[int, int, float]]:
        return zip(self.a, self.b, self.p, strict=True)


Labels = Callable[[list[tuple[int, list[int]]]], Iterable[tuple[int, str, float, float]]]
Clusters = Callable[[dict[int, float], Arrays, float, float], list[list[int]]]


def stories_from(published: dict[int, float], links: Arrays, threshold: float,
                 join_min: float) -> list[list[int]]:
    """`stories.cluster` of `links` from STORY_LINK_MIN on; for a run, in a pool worker: its
    numpy and dicts (tens of MB for a cold 10k run) stay out of the writer."""
    return story_logic.cluster(published, at_least(links, STORY_LINK_MIN), threshold,
                               join_min=join_min)


def recluster(conn: sqlite3.Connection, ids: Sequence[int], model: Model | None = None,
              labels: Labels | None = None, written: Written | None = None,
              clusters: Clusters = stories_from) -> None:
    """Step 3b: the stories of the region around `ids`, made again from the links.

    The region: the articles themselves, those they link to at story strength, and every
    member of the stories those are in. Clustering it from scratch gives the stories one pass
    over all of these articles would give, whatever order they came in. `labels`: (story,
    members) -> (story, label, first, last), in the worker pool; here without it. `written`:
    every link from `ids` (a round's), so only the rest of the region's are read (its own may
    reach SQLite meanwhile). `clusters`: (published, links, story threshold, join_min) ->
    groups: `stories_from`, here or pooled. Reads and clustering hold no write lock."""
    model = model or default_model()
    # a link this weak can join a story (one under STORY_LINK_MIN never counts in one)
    reach = max(STORY_LINK_MIN, min(model.story_min, model.join_min))
    if written is not None and written.floor <= min(STORY_LINK_MIN, reach):
        strong = {b for _a, b, p in written.rows() if p >= reach}
    else:
        written = None
        strong = store.neighbours(conn, ids, reach)
    before = store.stories_of(conn, sorted(set(ids) | strong))
    if not strong and not before:
        return  # nothing links at story strength: no story to make or to change
    region = set(ids) | strong | store.members_of(conn, sorted(set(before.values())))
    old = store.stories_of(conn, sorted(region))
    published = store.published(conn, sorted(region))
    if written is None:
        rows: Iterable[tuple[int, int, float]] = store.links_among(conn, sorted(published))
        left, right, score = array("q"), array("q"), array("d")
    else:  # the same rows: ids' from memory, the rest's (older articles') from SQL
        rows = store.links_from(conn, sorted(published.keys() - set(ids)), published.keys())
        left, right, score = array("q", written.a), array("q", written.b), array("d", written.p)
    for row in rows:
        left.append(row[0])
        right.append(row[1])
        score.append(row[2])
    groups = clusters(published, Arrays(left, right, score), model.story_min, model.join_min)
    del published
    from tui.core.store.write_turns import transaction

    with transaction(conn):  # the stories' rows at once (the caller's, when it holds one)
        plan = story_logic.assign_ids(groups, old, lambda: store.new_story(conn))
        store.rewrite_stories(conn, sorted(region), plan)
        todo = [(sid, plan[sid]) for sid in story_logic.changed(plan, old)]
        store.label_stories(conn, (labels or partial(story_labels, conn))(todo))


def index_articles(conn: sqlite3.Connection, article_ids: Sequence[int], *,
                   model: Model | None = None,
                   raws: dict[int, tuple[datetime, Packed]] | None = None) -> None:
    """Every step in this process, in the caller's transaction."""
    ids = sorted(set(article_ids))
    if not ids:
        return
    store_raw(conn, raws if raws is not None else load_raw(conn, ids), ids)
    ids = reweigh(conn, ids)
    write_links(conn, link_scores(conn, ids, model))
    recluster(conn, ids, model)


def relink(conn: sqlite3.Connection, model: Model) -> None:
    """Links and stories of every indexed article again, with `model` (features stay)."""
    ids = store.indexed(conn)
    store.drop_links(conn)
    write_links(conn, link_scores(conn, ids, model))
    recluster(conn, ids, model)


def restory(conn: sqlite3.Connection, model: Model) -> None:
    """Every story again from the links as they are, with `model`'s threshold."""
    conn.execute("DELETE FROM story_articles")
    conn.execute("DELETE FROM stories")
    recluster(conn, store.indexed(conn), model)


def story_labels(conn: sqlite3.Connection, stories: Sequence[tuple[int, list[int]]],
                 chunk: int = 200, keep: bool = False, run: str = ""
                 ) -> Iterator[tuple[int, str, float, float]]:
    """(story, label, first, last) of each (story, members by id), `chunk` stories at a time:
    a few hundred stories' members decoded at once keep the writer small. `keep`: keep the
    decoded features (a pool worker, whose cache serves the next job); `run`: the
    finish_run's token (`features`)."""
    for i in range(0, len(stories), chunk):
        part = stories[i:i + chunk]
        feats = features(conn, sorted({a for _sid, ids in part for a in ids}), keep=keep,
                         run=run)
        for sid, ids in part:
            mine = [feats[a] for a in ids if a in feats]
            if mine:
                yield sid, *story_logic.label(mine)
