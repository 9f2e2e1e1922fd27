"""Linking new or changed articles to the cache, and placing them in stories.

`index_articles` runs inside the analyzer's transaction after actor mentions are stored. Per
article it (1) counts its keys into the document frequencies, (2) freezes its weighted features,
(3) finds candidates through the store's inverted index - only articles sharing an actor, a
place, a rare term or a MinHash band within the time window, never all pairs - (4) scores them,
keeps the top links in both directions, and (5) places it in a story. The cost of one article
depends on how much news shares its keys that week, not on the size of the cache.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import datetime

from tui.core.linking import stories as story_logic
from tui.core.linking.score import (
    DAY,
    HYBRID,
    WINDOW_DAYS,
    Features,
    Method,
    Raw,
    idf,
    raw_features,
    reasons,
    score,
    weigh,
)
from tui.core.models import from_iso
from tui.core.store import links as store

TOP_LINKS = 20  # kept per article
CANDIDATES = 30  # fully scored per new article
MAX_KEYS = 200  # rarest keys asked per article (SQLite allows 500 terms in one compound SELECT)
MINHASH_WEIGHT = 3.0  # a shared MinHash band: as telling as a fairly rare word


def load_raw(conn: sqlite3.Connection, ids: Sequence[int]) -> dict[int, tuple[datetime, Raw]]:
    """Text features computed here, when no worker process computed them."""
    return {aid: (from_iso(published), raw_features(title, body, mentions))
            for aid, (published, title, body, mentions) in store.texts(conn, ids).items()}


def index_articles(conn: sqlite3.Connection, article_ids: Sequence[int], *,
                   method: Method = HYBRID,
                   raws: dict[int, tuple[datetime, Raw]] | None = None,
                   waiting: Mapping[str, int] | None = None) -> None:
    """Link these (new or changed) articles to the cache and place them in stories.

    `raws` are the articles' text features when a worker process already computed them (the
    CPU-heavy half of linking); otherwise they are computed here. `waiting` counts the keys of
    articles the same run will link next: counted as if known already, so the first batch of a
    big first ingest gets the rarity weights the last one gets (weights are frozen when stored).
    """
    ids = sorted(set(article_ids))
    if not ids:
        return
    store.forget(conn, ids)
    if raws is None:
        raws = load_raw(conn, ids)
    store.count_keys(conn, Counter(key for _w, raw in raws.values()
                                   for key in ["", *raw.df_keys()]).items())
    wanted = {k for _w, raw in raws.values() for k in raw.df_keys()}
    df = store.df(conn, wanted)
    if waiting:
        df = {k: df.get(k, 0) + waiting.get(k, 0) for k in {*df, *wanted, ""}}
    docs = df.get("", 1)
    touched: set[int] = set()
    grown: set[int] = set()
    members: dict[int, list[int]] = {}  # story id -> members, kept for the whole batch
    for aid in ids:
        if aid not in raws:
            continue
        when, raw = raws[aid]
        feats = weigh(raw, when, df, docs)
        store.store_features(conn, aid, feats.published, feats.dumps(), raw.df_keys(),
                             feats.index_keys())
        near = _link(conn, aid, feats, method)
        touched.update((aid, *near))
        grown.update(_place(conn, aid, feats.published, near, method, members))
    store.prune(conn, touched, TOP_LINKS)
    for sid in sorted(grown):
        _relabel(conn, sid)


def candidates(conn: sqlite3.Connection, aid: int, feats: Features) -> list[int]:
    """Articles sharing a key in the window, best prescored by the rarity of what they share."""
    keys = feats.index_keys()
    df = store.df(conn, keys)
    docs = df.get("", 1)
    weighted = sorted(((MINHASH_WEIGHT if key.startswith("m:") else idf(df.get(key, 0), docs), key)
                       for key in keys), reverse=True)[:MAX_KEYS]
    window = (feats.published - WINDOW_DAYS * DAY, feats.published + WINDOW_DAYS * DAY)
    return store.candidates(conn, aid, feats.published, weighted, window, CANDIDATES)


_decoded: dict[tuple[float, str], Features] = {}
_DECODED_MAX = 5_000  # ~5 KB each decoded: bounded at a few tens of MB


def features(conn: sqlite3.Connection, ids: Sequence[int]) -> dict[int, Features]:
    """Stored features by id. Decoding JSON was a sixth of linking time, and in a burst of new
    articles the same neighbours come up again and again: decoded ones are kept, keyed by the
    stored text itself, so a changed article can never be served stale."""
    out = {}
    for aid, published, text in store.features(conn, ids):
        key = (published, text)
        feats = _decoded.pop(key, None)  # re-inserted below: least recently used go first
        if feats is None:
            if len(_decoded) >= _DECODED_MAX:
                del _decoded[next(iter(_decoded))]
            feats = Features.loads(published, text)
        out[aid] = _decoded[key] = feats
    return out


def _link(conn: sqlite3.Connection, aid: int, feats: Features, method: Method) -> dict[int, float]:
    """Score candidates, store the links both ways; returns other id -> score of kept links."""
    near: dict[int, float] = {}
    rows = []
    for other, their in features(conn, candidates(conn, aid, feats)).items():
        s = score(feats, their, method)
        if s.total >= method.link_min:
            near[other] = s.total
            why = reasons(s)
            rows += [(aid, other, s.total, why), (other, aid, s.total, why)]
    store.store_links(conn, rows)
    return near


def _span_ok(conn: sqlite3.Connection, ids: Sequence[int], extra: float) -> bool:
    if not ids:
        return True
    lo, hi = store.span(conn, ids)
    lo, hi = min(lo, extra), max(hi, extra)
    return bool((hi - lo) / DAY <= story_logic.MAX_SPAN_DAYS)


def _place(conn: sqlite3.Connection, aid: int, published: float, near: dict[int, float],
           method: Method, known: dict[int, list[int]]) -> list[int]:
    """Put the article in a story; returns the story to relabel (once per batch). `known`
    caches story members across the batch; the stories changed here are dropped from it."""
    if not near:
        return []
    story_of = store.stories_of(conn, list(near))

    def members(sid: int) -> list[int]:
        if sid not in known:
            known[sid] = store.members(conn, sid)
        return known[sid]

    plan = story_logic.plan(near, story_of, members, lambda a, b: store.linkage(conn, a, b),
                            method.story_min, lambda ids: _span_ok(conn, ids, published))
    if plan.join is not None:
        sid = plan.join
        store.merge_stories(conn, sid, plan.merge)
        for other in plan.merge:
            known.pop(other, None)
        new = [aid]
    elif plan.new_with:
        sid = store.new_story(conn)
        new = [aid, *plan.new_with]
    else:
        return []
    store.join_story(conn, sid, new)
    known.pop(sid, None)
    return [sid]


def _relabel(conn: sqlite3.Connection, sid: int) -> None:
    feats = features(conn, store.members(conn, sid))
    if not feats:
        return
    text, first, last = story_logic.label(feats.values())
    store.label_story(conn, sid, text, first, last)
