"""Stored link features and raws are written and read by orjson, with json behind it: the same
text as json wrote and the same values as json reads, and json still takes what orjson refuses."""

from __future__ import annotations

import json
import math
from datetime import datetime

from tui.core.jsonfast import loads
from tui.core.linking.features import Features, Raw, raw_features, term_idf, weigh
from tui.core.linking.what import HARM

BODY = ("Sergei Shoigu met Masoud Pezeshkian in Tehran on Monday; talks on Kursk and the Red Sea "
        "went on in Moscow. Ураган в Тегеране, «кавычки» and a quote \" and a tab\t.")
WHEN = datetime.fromisoformat("2024-08-05T10:00:00+00:00")
ROWS = [("sergei-shoigu", 1, json.dumps([["body", 0, 13]]))]


def _json_text(f: Features | Raw) -> str:
    """What the stored form was when json wrote it."""
    return json.dumps({"s": f.script, "a": f.actors, "st": f.states, "p": f.places,
                       "f": f.focus, "t": f.terms, "m": f.sig, "l": f.lead, "h": f.heads,
                       "d": f.day, "w": f.what, **({"r": True} if f.repeat else {}),
                       **({"o": sorted(f.acts)} if f.acts else {}),
                       **({"k": f.kinds} if f.kinds else {}),
                       **({"u": True} if f.undated else {}),
                       **({"ht": sorted(f.head_terms)} if f.head_terms else {}),
                       **({"sm": True} if f.summary else {})},
                      separators=(",", ":"), ensure_ascii=False)


def test_stored_text_is_what_json_wrote_and_reads_back_the_same() -> None:
    raw = raw_features("Shoigu in Tehran", BODY, ROWS, WHEN)
    df = {"t:tehran": 3, "p:tehran": 2, "a:sergei-shoigu": 1}
    feats = weigh(raw, WHEN, df, 50)
    assert raw.dumps() == _json_text(raw)
    assert feats.dumps() == _json_text(feats)
    assert Raw.loads(raw.dumps()) == raw
    again = Features.loads(feats.published, feats.dumps())
    assert again == feats and list(again.terms.items()) == list(feats.terms.items())


def test_a_repeat_is_stored_and_read_back() -> None:
    raw = raw_features("Second wave of blasts hits Tehran", BODY, ROWS, WHEN)
    feats = weigh(raw, WHEN, {}, 50)
    assert raw.repeat and feats.repeat
    assert raw.kinds == feats.kinds == HARM  # "blasts": violence done
    assert raw.dumps() == _json_text(raw) and feats.dumps() == _json_text(feats)
    assert Raw.loads(raw.dumps()) == raw
    assert Features.loads(feats.published, feats.dumps()) == feats


def test_term_idf_weighs_as_each_article_alone() -> None:
    raw = raw_features("Shoigu in Tehran", BODY, ROWS, WHEN)
    df = {"t:tehran": 3, "t:talk": 40, "p:tehran": 2, "": 50}
    assert weigh(raw, WHEN, df, 50, term_idf(df, 50)).dumps() == weigh(raw, WHEN, df, 50).dumps()


def test_json_takes_what_orjson_refuses() -> None:
    got = loads('{"a": NaN, "b": 123456789012345678901234567890}')
    assert math.isnan(got["a"]) and got["b"] == 123456789012345678901234567890
    huge = Raw("latn", {}, {}, {}, {}, {"x": 1 << 70}, (1,), "", ())
    assert Raw.loads(huge.dumps()) == huge  # written by json: orjson stops at 64 bits
