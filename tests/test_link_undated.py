"""A piece written back undated (its lead names no day, its headline is no live page's) has its
own days-apart slope: the `undated` part, the flag stored with its link features and given to
an upgraded cache's fortnight by the relink a new linker makes (round 43)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests.link_cache import stored
from tui.core.config.loader import Config, Settings
from tui.core.linking.batch import score_many
from tui.core.linking.features import Features, Raw, raw_features, weigh
from tui.core.linking.score import default_model, link, parts, score
from tui.core.linking.when import event_day, lead_day
from tui.core.models import to_iso, utcnow
from tui.core.refresh import relink
from tui.core.refresh.analysis import Analysis
from tui.core.store.db import connect

START = datetime.fromisoformat("2024-07-19T09:00:00+00:00")  # a Friday
REPORT = ("Houthi drone hits Tel Aviv, one killed",
          "A drone launched by Yemen's Houthis struck a building in Tel Aviv on Friday.")
ANALYSIS = ("Hodeidah strikes: what Israel's first raid on Yemen means",
            "Israel's jets flew two thousand kilometres to hit the port the Houthis depend on.")
LIVE = ("Live: Israel strikes Yemen's Hodeidah port", "Fires are still burning at the port.")


def _features(title: str, body: str, at: datetime) -> Features:
    return weigh(raw_features(title, body, [], at), at, {}, 100)


@pytest.mark.parametrize(("title", "body", "undated"), [
    (*REPORT, False),  # names its day
    (*ANALYSIS, True),  # names none: written back
    (*LIVE, False),  # names none, but a live page's lead is its latest entry
    ("Прямая трансляция: удары по Ходейде", "Пожары в порту.", False),
    ("Удары по Ходейде: онлайн", "Пожары в порту.", False),
    ("Strikes on Hodeidah", "Yesterday Israel's jets hit the port.", False),
    ("Delivery drivers strike", "The drivers want more pay.", True),  # "live" inside no word
])
def test_the_flag_is_read_where_the_day_is(title: str, body: str, undated: bool) -> None:
    at = START.timestamp()
    assert lead_day(title, body, at) == (event_day(title, body, at), undated)


def test_the_flag_is_stored_with_the_features_and_an_older_form_reads_dated() -> None:
    flagged = _features(*ANALYSIS, START)
    assert flagged.undated and Features.loads(flagged.published, flagged.dumps()) == flagged
    raw = raw_features(*ANALYSIS, [], START)
    assert raw.undated and Raw.loads(raw.dumps()) == raw
    older = json.loads(flagged.dumps())
    del older["u"]  # as a release before this one stored it
    assert not Features.loads(flagged.published, json.dumps(older)).undated
    assert "u" not in json.loads(_features(*REPORT, START).dumps())  # stored only when set


def test_the_part_is_the_later_pieces_days_apart_and_eases_the_gap_its_lead_reads() -> None:
    report = _features(*REPORT, START)
    analysis = _features(*ANALYSIS, START + timedelta(days=3))
    assert parts(report, analysis)["undated"] == pytest.approx(3 / 7)
    assert parts(analysis, report) == parts(report, analysis)
    # the earlier piece undated says nothing: a report's later analysis names its day
    assert parts(_features(*ANALYSIS, START), _features(*REPORT, START + timedelta(days=3))
                 )["undated"] == 0.0
    # the same pair with the later lead saying "today": the same days apart and gap between
    # the leads' days (3), only the flag differs. A lead naming no day is read as its
    # publication day, and an undated piece written back days on is about an earlier event
    # more often than one saying "today" is: its odds fall more slowly.
    dated = _features(ANALYSIS[0], "Today " + ANALYSIS[1], START + timedelta(days=3))
    assert not dated.undated and dated.day == analysis.day
    assert default_model().weights["undated"] > 0
    assert score(report, analysis).total > score(report, dated).total


def test_a_related_row_of_an_undated_piece_reads_as_any_other() -> None:
    """The part moves the odds, not the words: the row names what both share and the time
    apart, as a dated piece's does."""
    report = _features(*REPORT, START)
    analysis = _features(*ANALYSIS, START + timedelta(days=2))
    dated = _features(ANALYSIS[0], "Today " + ANALYSIS[1], START + timedelta(days=2))
    model = default_model()
    got, want = link(report, analysis, model), link(report, dated, model)
    assert got is not None and want is not None
    assert got[1:] == want[1:] and "2 days apart" in got[1].split("; ")
    # the rows scored at once say the same, to the bit
    feats = {1: report, 2: analysis, 3: dated}
    pairs = [(1, 2), (2, 1), (1, 3)]
    assert score_many(feats, pairs, model) == [(a, b, *kept) for a, b in pairs
                                                if (kept := link(feats[a], feats[b], model))]


@pytest.fixture
def conn(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    db = connect(tmp_path / "cache.sqlite3")
    yield db
    db.close()


def test_an_upgraded_cache_gets_the_flag_when_the_new_linker_relinks_it(
        conn: sqlite3.Connection, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    analysis = Analysis(Config(path=None, settings=Settings(cache_dir=tmp_path)))
    aid = conn.execute(
        "INSERT INTO articles(key, title, body, published, first_seen) VALUES (?, ?, ?, ?, ?)",
        ("k1", *ANALYSIS, to_iso(utcnow() - timedelta(days=2)), to_iso(utcnow()))).lastrowid
    assert aid is not None and analysis.run_pending(conn) == 1
    assert stored(conn, "link_weighed", "features", aid)["u"] is True
    for table, column in (("link_weighed", "features"), ("link_features", "raw")):
        old = stored(conn, table, column, aid)
        del old["u"]  # as the release before this one stored them
        conn.execute(f"UPDATE {table} SET {column} = ? WHERE article_id = ?",
                     (json.dumps(old), aid))
    assert analysis.run_pending(conn) == 0  # the same linker: read as dated, nothing done
    weights = tmp_path / "weights.json"  # this release's linker: its weights file differs
    weights.write_bytes(Path(relink._WEIGHTS).read_bytes() + b"\n")
    monkeypatch.setattr(relink, "_WEIGHTS", weights)
    assert analysis.run_pending(conn) == 1
    assert stored(conn, "link_weighed", "features", aid)["u"] is True
    assert stored(conn, "link_features", "raw", aid)["u"] is True
