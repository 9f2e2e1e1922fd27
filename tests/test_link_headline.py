"""The `headline` part: the Jaccard of two same-script headlines' own terms, read only where
both bodies are longer than a feed's summary (rounds 45-47). The terms and the summary flag
are stored with the link features and given to an upgraded cache's fortnight by the relink a
new linker makes."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests.link_cache import stored
from tui.core.config.loader import Config, Settings
from tui.core.linking.batch import score_many
from tui.core.linking.features import SUMMARY_WORDS, Features, Raw, raw_features, weigh
from tui.core.linking.score import default_model, link, parts, score
from tui.core.linking.text import count_words, terms
from tui.core.models import to_iso, utcnow
from tui.core.refresh import relink
from tui.core.refresh.analysis import Analysis
from tui.core.store.db import connect

START = datetime.fromisoformat("2024-10-08T09:00:00+00:00")
LEAD = (
    "A blast brought down part of the road span of the bridge over the strait on Saturday; "
    "Kyiv and Moscow traded accusations, and ferries filled with cars by noon. Engineers "
    "said the rail span beside it stood, though trains were held at both ends while divers "
    "looked at the piers; officials on the peninsula asked drivers to wait for the ferries "
    "and promised the road would reopen within weeks, a promise few in the queues believed."
)
SUMMARY = (  # a feed that carries only its items' summaries: a few dozen words
    "A blast brought down part of the road span of the bridge over the strait on Saturday; "
    "ferries filled with cars by noon."
)
BLAST = "Blast brings down part of strait bridge, ferries fill"
BLAST_AGAIN = "Bridge over the strait partly down after blast; ferries fill"
ANSWER = "Moscow orders missile barrage in revenge for strait bridge blast"
OWN_WORDS = "Cars queue at the crossing as Kyiv celebrates"
RUSSIAN = "Взрыв обрушил часть моста через пролив"


def _features(title: str, at: datetime = START, body: str = LEAD) -> Features:
    return weigh(raw_features(title, body, [], at), at, {}, 100)


def test_the_headlines_terms_are_its_own_words_stored_and_read_back() -> None:
    assert count_words(LEAD) > SUMMARY_WORDS >= count_words(SUMMARY)
    blast = _features(BLAST)
    assert blast.head_terms == frozenset(terms(BLAST, ""))  # the stems the text part counts
    assert {"blast", "strait", "fill"} <= blast.head_terms
    assert "noon" not in blast.head_terms and "noon" in blast.terms  # the body's stay out
    assert Features.loads(blast.published, blast.dumps()) == blast
    raw = raw_features(BLAST, LEAD, [], START)
    assert raw.head_terms == tuple(sorted(blast.head_terms))
    assert Raw.loads(raw.dumps()) == raw
    older = json.loads(blast.dumps())
    del older["ht"]  # as a release before this one stored it
    assert Features.loads(blast.published, json.dumps(older)).head_terms == frozenset()
    assert "ht" not in json.loads(_features("", body=LEAD).dumps())  # stored only when some
    assert not blast.summary and "sm" not in json.loads(blast.dumps())  # stored only when set


def test_a_summary_only_item_is_flagged_stored_and_read_back() -> None:
    short = _features(BLAST, body=SUMMARY)
    assert short.summary and json.loads(short.dumps())["sm"] is True
    assert Features.loads(short.published, short.dumps()) == short
    raw = raw_features(BLAST, SUMMARY, [], START)
    assert raw.summary and Raw.loads(raw.dumps()) == raw
    assert raw.head_terms == tuple(sorted(_features(BLAST).head_terms))  # read, and kept raw
    assert short.head_terms == frozenset()  # never read beside it: not stored weighed
    assert "ht" not in json.loads(short.dumps())
    edge = " ".join(["word"] * SUMMARY_WORDS)
    assert _features(BLAST, body=edge).summary  # at most SUMMARY_WORDS: a summary
    assert not _features(BLAST, body=edge + " more").summary


def test_the_part_is_the_headlines_shared_terms_over_their_union() -> None:
    blast, again = _features(BLAST), _features(BLAST_AGAIN)
    hx, hy = blast.head_terms, again.head_terms
    want = len(hx & hy) / len(hx | hy)
    assert 0 < want < 1
    assert parts(blast, again)["headline"] == want == parts(again, blast)["headline"]
    assert parts(blast, _features(RUSSIAN))["headline"] == 0.0  # words across scripts: none
    assert parts(blast, _features("", body=LEAD))["headline"] == 0.0


def test_the_part_is_not_read_beside_a_summary_only_item() -> None:
    """For a summary-only item the headline is most of its text: the same event's items share
    their headlines' words as much as their whole text, and a negative part would take back
    what the text part gave (round 46: real news E07, ten lenta.ru summaries, 55 -> 43/90
    ungated). The pair is scored as if no headline part existed."""
    long_blast, again = _features(BLAST), _features(BLAST_AGAIN)
    short_blast = _features(BLAST, body=SUMMARY)
    short_again = _features(BLAST_AGAIN, START + timedelta(hours=2), body=SUMMARY)
    assert parts(long_blast, again)["headline"] > 0
    # the flag alone gates it, even where a summary's terms were given (weighed, it has none)
    termed = replace(short_blast, head_terms=long_blast.head_terms)
    for x, y in (
        (short_blast, short_again),
        (short_blast, again),
        (again, short_blast),
        (termed, again),
        (again, termed),
    ):
        assert parts(x, y)["headline"] == 0.0
    model = default_model()
    without = replace(model, weights={**model.weights, "headline": 0.0})
    assert model.weights["headline"] != 0
    assert (
        score(short_blast, short_again, model).total
        == score(short_blast, short_again, without).total
    )


def test_an_answer_whose_headline_repeats_the_reports_words_scores_lower() -> None:
    """Both later pieces carry the first one's lead word for word (names, places, days): the
    answer's headline names the blast it answers ("in revenge for ... blast"), the same
    event's second report tells it in its own words. Fitted on the set, the part is negative
    (round 45): past what the text part already counts, shared headline words are what an
    adjacent event's report shares."""
    blast = _features(BLAST)
    other_words = _features(OWN_WORDS, START + timedelta(hours=6))
    answer = _features(ANSWER, START + timedelta(hours=6))
    assert default_model().weights["headline"] < 0
    assert parts(blast, answer)["headline"] > parts(blast, other_words)["headline"]
    assert score(blast, other_words).total > score(blast, answer).total


def test_rows_scored_at_once_say_the_same_to_the_bit() -> None:
    feats = {
        1: _features(BLAST),
        2: _features(BLAST_AGAIN, START + timedelta(hours=6)),
        3: _features(ANSWER, START + timedelta(hours=6)),
        4: _features(RUSSIAN, START + timedelta(hours=2)),
        5: _features("", START + timedelta(hours=3)),
        6: _features(BLAST, START + timedelta(hours=1), body=SUMMARY),
        7: _features(BLAST_AGAIN, START + timedelta(hours=4), body=SUMMARY),
        8: replace(  # a summary given its headline's terms: the flag gates it here too
            _features(BLAST, START + timedelta(hours=5), body=SUMMARY),
            head_terms=_features(BLAST).head_terms,
        ),
    }
    model = default_model()
    pairs = [(a, b) for a in feats for b in feats if a != b]
    want = [(a, b, *kept) for a, b in pairs if (kept := link(feats[a], feats[b], model))]
    assert len(want) > 4 and feats[6].summary and feats[7].summary
    assert score_many(feats, pairs, model) == want


@pytest.fixture
def conn(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    db = connect(tmp_path / "cache.sqlite3")
    yield db
    db.close()


def test_an_upgraded_cache_gets_the_terms_when_the_new_linker_relinks_it(
    conn: sqlite3.Connection, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    analysis = Analysis(Config(path=None, settings=Settings(cache_dir=tmp_path)))
    aid, short = (
        conn.execute(
            "INSERT INTO articles(key, title, body, published, first_seen) VALUES (?,?,?,?,?)",
            (key, BLAST, body, to_iso(utcnow() - timedelta(days=2)), to_iso(utcnow())),
        ).lastrowid
        for key, body in (("k1", LEAD), ("k2", SUMMARY))
    )
    assert aid is not None and short is not None and analysis.run_pending(conn) == 2
    terms = stored(conn, "link_weighed", "features", aid)["ht"]
    assert terms and terms == stored(conn, "link_features", "raw", aid)["ht"]
    assert stored(conn, "link_weighed", "features", short)["sm"] is True
    for table, column in (("link_weighed", "features"), ("link_features", "raw")):
        for art in (aid, short):
            old = stored(conn, table, column, art)
            old.pop("ht", None)  # as the release before this one stored them
            old.pop("sm", None)
            conn.execute(
                f"UPDATE {table} SET {column} = ? WHERE article_id = ?", (json.dumps(old), art)
            )
    assert analysis.run_pending(conn) == 0  # the same linker: no headline terms, nothing done
    weights = tmp_path / "weights.json"  # this release's linker: its weights file differs
    weights.write_bytes(Path(relink._WEIGHTS).read_bytes() + b"\n")
    monkeypatch.setattr(relink, "_WEIGHTS", weights)
    assert analysis.run_pending(conn) == 2
    for table, column in (("link_weighed", "features"), ("link_features", "raw")):
        assert stored(conn, table, column, aid)["ht"] == terms
        assert "sm" not in stored(conn, table, column, aid)
        assert stored(conn, table, column, short)["sm"] is True
    assert stored(conn, "link_features", "raw", short)["ht"] == terms  # weighed: none
    assert "ht" not in stored(conn, "link_weighed", "features", short)
