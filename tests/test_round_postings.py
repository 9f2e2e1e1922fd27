"""A round's workers read the postings of the run's window (tui/core/linking/rounds.py):
key by key as its articles ask (a row per key, each key's postings as row-by-row reading gives
them, none for a key one article alone holds), or, for a round about as big as the cache, every
key at once."""

from __future__ import annotations

from pathlib import Path

from tests.test_link_rounds import _made_index
from tui.core.linking import rounds


def test_a_round_as_big_as_the_cache_reads_the_windows_postings_in_one_walk(
        tmp_path: Path) -> None:
    """A cold fill's round asks for most keys of the index: its workers read every key with
    two postings or more in the window with one statement (asking 83k keys by name, 500 a
    statement, was ~0.5 s of each worker's CPU), a key outside them held empty; a small run
    in a big cache still asks for its own keys."""
    from tui.core.store.db import connect, connect_readonly

    ids = _made_index(tmp_path / "c.db")
    conn = connect_readonly(tmp_path / "c.db")
    statements: list[str] = []
    conn.set_trace_callback(statements.append)
    window = (1.7e9 - 30 * 86400.0, 1.7e9 + 60 * 86400.0)
    held = rounds.Postings(window, whole=True)
    held.load(conn, {"w1", "common", "no-such-key"})
    assert held.complete and len([s for s in statements if "link_keys" in s]) == 2
    each = rounds.Postings(window)
    each.load(conn, set(held.block) | {"edge", "no-such-key"})
    assert not each.complete and held.block.keys() <= each.block.keys()
    for key in [*held.block, "edge", "no-such-key"]:  # "edge": none in this window
        b, c = held.block.get(key, held.empty), each.block[key]
        assert held.known[held.dense[held.start[b]:held.start[b + 1]]].tolist() == \
            each.known[each.dense[each.start[c]:each.start[c + 1]]].tolist(), key
        assert held.times[held.start[b]:held.start[b + 1]].tolist() == \
            each.times[each.start[c]:each.start[c + 1]].tolist(), key
    conn.close()
    assert rounds.reads_whole(connect_readonly(tmp_path / "c.db"), ids[-80:])  # 80 of 309
    assert not rounds.reads_whole(connect_readonly(tmp_path / "c.db"), ids[-70:])
    writer = connect(tmp_path / "c.db")
    writer.execute("UPDATE link_keys SET published = published + 1 WHERE article_id = 5 "
                   "AND key = 'common'")  # two times for one article: read key by key
    writer.commit()
    writer.close()
    conn = connect_readonly(tmp_path / "c.db")
    held = rounds.Postings(window, whole=True)
    held.load(conn, {"w1"})
    assert not held.complete and set(held.block) == {"w1"}
    conn.close()


def _postings_db(path: Path, rows: list[tuple[str, float, int]]) -> None:
    from tui.core.store.db import connect

    conn = connect(path)
    conn.execute("PRAGMA foreign_keys = OFF")  # postings only: no articles behind them
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO link_keys(key, published, article_id) VALUES(?, ?, ?)", rows)
    conn.commit()
    conn.close()


def test_a_rounds_postings_are_read_a_row_per_key_not_per_posting(tmp_path: Path) -> None:
    """Loading 100k postings (2,000 articles, 50 keys each) made a tuple, a float, an int and
    the key's string per posting: ~240 bytes each at the peak, a third of a worker's
    candidates work in a cold 10k run. Now a row per key (its articles' ids) and per article."""
    import tracemalloc

    from tui.core.store.db import connect_readonly

    _postings_db(tmp_path / "c.db", [(f"k{k:02d}", 1.7e9 + aid * 60.5, aid)
                                     for aid in range(1, 2001) for k in range(50)])
    conn = connect_readonly(tmp_path / "c.db")
    held = rounds.Postings((1.6e9, 1.8e9))
    tracemalloc.start()
    held.load(conn, {f"k{k:02d}" for k in range(50)})
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    conn.close()
    assert len(held.times) == 100_000 and held.known[held.dense[:3]].tolist() == [1, 2, 3]
    assert peak < 120 * 100_000  # ~64 bytes a posting now


def test_postings_read_by_key_are_those_read_row_by_row(tmp_path: Path) -> None:
    """The same counts, articles and times in the index's order (ties in time by id), keys
    without postings in the window included; and row by row when an article's postings
    carry two times (set_features never writes that, but the rows say what is stored)."""
    import numpy as np

    from tui.core.store.db import connect_readonly

    rows = [(f"k{aid % 5}", 1.7e9 + (aid // 3) * 10.0, aid) for aid in range(1, 300)]
    rows += [("edge", 1.7e9 - 1.0, 400), ("late", 1.7e9 + 5e6, 401), ("m:1", 1.7e9 + 10.0, 4)]
    _postings_db(tmp_path / "c.db", rows)
    conn = connect_readonly(tmp_path / "c.db")
    window = (1.7e9 - 1.0, 1.7e9 + 1000.0)
    keys = sorted({key for key, _t, _a in rows} | {"none"})
    got, want = rounds.Postings(window)._listed(conn, keys), rounds._rows(conn, keys, window)
    # "late" is out of the window; "edge" and "m:1" hold one posting there: none is loaded
    assert got is not None and len(got[1]) == len(rows) - 3
    for mine, theirs in zip(got, want, strict=True):
        assert mine.dtype == theirs.dtype and np.array_equal(mine, theirs)
    conn.close()
    _postings_db(tmp_path / "c.db", [("k9", 1.7e9 + 20.0, 5)])  # article 5 at a second time
    conn = connect_readonly(tmp_path / "c.db")
    assert rounds.Postings(window)._listed(conn, sorted([*keys, "k9"])) is None
    held = rounds.Postings(window)
    held.load(conn, {*keys, "k9"})
    assert held.times.tolist() == rounds._rows(conn, sorted({*keys, "k9"}), window)[2].tolist()
    conn.close()


def test_a_key_one_article_alone_holds_in_the_window_loads_no_posting(tmp_path: Path) -> None:
    """Its one posting is the asking article's own, which ranks nothing: most MinHash bands of
    a cold run (75k of its 83k keys), read from SQLite and held for nothing before. A key two
    articles hold is loaded whole, however far apart in the window they are."""
    from tui.core.store.db import connect_readonly

    _postings_db(tmp_path / "c.db", [("m:solo", 1.7e9, 1), ("t:alone", 1.7e9 + 5.0, 2),
                                     ("t:two", 1.7e9, 1), ("t:two", 1.7e9 + 900.0, 3),
                                     ("t:once-in", 1.7e9 + 5.0, 2), ("t:once-in", 1.8e9, 4)])
    conn = connect_readonly(tmp_path / "c.db")
    keys = ["m:solo", "t:alone", "t:once-in", "t:two"]
    held = rounds.Postings((1.7e9 - 1.0, 1.7e9 + 1000.0))
    assert held._listed(conn, keys) is not None  # read a row per key, not row by row
    held.load(conn, set(keys))
    size = {key: int(held.start[held.block[key] + 1] - held.start[held.block[key]])
            for key in keys}
    assert size == {"m:solo": 0, "t:alone": 0, "t:once-in": 0, "t:two": 2}
    assert held.known[held.dense].tolist() == [1, 3]
    assert rounds._rows(conn, keys, held.window)[1].tolist() == [1, 3]
    conn.close()
