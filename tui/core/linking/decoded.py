"""What a worker holds for the finish_run it serves: stored features by id, decoded once and
kept, checked against the stored text (or trusted within one finish_run), and the run's
document counts as its weighing read them. `index` re-exports `features`."""

from __future__ import annotations

import sqlite3
import zlib
from collections.abc import Sequence

from tui.core.linking.features import Features, loads_any
from tui.core.store import links as store

_decoded: dict[int, tuple[tuple[float, int, int], str, Features]] = {}
# article -> (its stored text's key: published, length, CRC; the run it was last known
# current in; the features). ~6.3 KB each decoded (orjson shares their keys). A round's
# scoring jobs pair every block of the run with every other (blocks go by arrival, not
# time), and the pool hands them to its workers in turn, so a worker meets most of the run
# again and again: holding 4,500 (two blocks and a bit) decoded a cold 10k run's articles 3.2
# times over (31,846 decodes in two workers), holding the whole run once each (20,000), ~0.4 s
# less CPU for ~35 MB more a worker (63 MB). Bigger runs decode some again rather than hold
# more.
_DECODED_MAX = 10_000


def _text_key(published: float, text: str) -> tuple[float, int, int]:
    return published, len(text), zlib.crc32(text.encode())


def _hold(aid: int, key: tuple[float, int, int], run: str, feats: Features) -> None:
    if len(_decoded) >= _DECODED_MAX:
        del _decoded[next(iter(_decoded))]  # the least recently used
    _decoded[aid] = (key, run, feats)


def hold(aid: int, published: float, text: str, run: str, feats: Features) -> None:
    """`feats`, made here as `text` (the features the writer is storing for `aid`), held as
    current in `run`: `features` serves them to that run's jobs unread. Not held when
    `feats` would not be what decoding `text` gives (a publication time with a fraction of
    a microsecond, which the datetime it was weighed through rounded)."""
    if feats.published == published:
        _hold(aid, _text_key(published, text), run, feats)


def features(conn: sqlite3.Connection, ids: Sequence[int], keep: bool = True, run: str = ""
             ) -> dict[int, Features]:
    """Stored features by id. Decoding JSON was a sixth of linking time, and in a burst of new
    articles the same neighbours come up again and again: decoded ones are kept, checked
    against the stored text itself (its length and CRC), so a changed article is never
    served stale. `run`: the finish_run asking (its token), which writes no features after
    weighing them: one held as current in it (weighed here, or read and checked once) is
    served without reading its text again (a cold run's scoring jobs read ~84 MB of it to
    check). `keep=False` (the writer labelling stories) reads what is kept but keeps
    nothing."""
    out: dict[int, Features] = {}
    ask: Sequence[int] = ids
    if run and keep:
        ask = []
        for aid in ids:
            held = _decoded.pop(aid, None)  # re-inserted: least recently used go first
            if held is None:
                ask.append(aid)
            elif held[1] == run:
                out[aid] = held[2]
                _decoded[aid] = held
            else:
                _decoded[aid] = held
                ask.append(aid)
    for aid, published, text in store.features(conn, ask):
        key = _text_key(published, text)
        if not keep:
            held = _decoded.get(aid)
            found = held[2] if held is not None and held[0] == key else loads_any(published,
                                                                                  text)
            if found is not None:
                out[aid] = found
            continue
        held = _decoded.pop(aid, None)
        if held is not None and held[0] == key:
            feats = held[2]
        else:
            decoded = loads_any(published, text)
            if decoded is None:  # written by another version: skipped until re-analysed
                continue
            feats = decoded
        _hold(aid, key, run, feats)
        out[aid] = feats
    return out


_run_df: dict[str, tuple[set[str], dict[str, int]]] = {}  # run -> (keys asked, counts found)


def run_df(conn: sqlite3.Connection, keys: set[str], run: str) -> dict[str, int]:
    """`store.df(conn, keys)`, each key read once a `run` (a finish_run's token) in this
    worker: the writer counts no keys while a finish_run weighs (its batches counted theirs
    as they were stored), and a cold 10k run's weighing jobs asked 13 times as many keys as
    there were (81k for 6k). `forget_df` lets them go once the run's weighing is done: its
    scoring or linking jobs (the pool's), and the writer (where no pool weighed): a token is
    never met again, so what is left is memory, not stale counts."""
    if not run:
        return store.df(conn, keys)
    held = _run_df.get(run)
    if held is None:
        _run_df.clear()  # one run at a time
        held = _run_df[run] = (set(), {})
    asked, found = held
    wanted = keys | {""}
    if missing := wanted - asked:
        found.update(store.df(conn, missing))
        asked |= missing
    return {k: found[k] for k in wanted if k in found}


def forget_df() -> None:
    """Let the last run's document counts go (its weighing is done)."""
    _run_df.clear()
