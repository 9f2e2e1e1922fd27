"""A round's workers read the postings of the run's window (tui/core/linking/rounds.py):
key by key as its articles ask, or, for a round about as big as the cache, every key at once."""

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
