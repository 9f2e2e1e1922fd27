"""Every part of the development set (tests/data/devset/?.toml) follows the format its README
sets out, so that a part written later (blind, by another hand) is loaded and scored like the
others: known outlets in their own language, offset-aware dates, slugs unique across the set,
event ids ending in their date, near misses naming events the set has, and gold actors whose
`as` strings are really in the article (Arabic forms bare, so a string inside a word counts)."""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any

from bench.related_data import devset_halves, load_devset

DEVSET = Path(__file__).parent / "data" / "devset"
REQUIRED = (
    "slug",
    "outlet",
    "event",
    "genre",
    "published",
    "title",
    "lang",
    "paragraphs",
    "actors",
    "states",
    "places",
)
GENRES = {"wire", "report", "analysis", "oped", "liveblog", "explainer", "reaction", "feature"}
EVENT_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*-\d{4}-\d{2}-\d{2}")


def _parts() -> dict[str, list[dict[str, Any]]]:
    return {
        half: tomllib.loads((DEVSET / f"{half}.toml").read_text(encoding="utf-8"))["article"]
        for half in devset_halves()
    }


def _outlets() -> dict[str, str]:
    data = tomllib.loads((DEVSET / "outlets.toml").read_text(encoding="utf-8"))
    return {o["slug"]: o["lang"] for o in data["outlet"]}


def test_every_part_loads_and_slugs_are_unique_across_the_set() -> None:
    articles = load_devset(devset_halves())
    assert {a.part for a in articles} == set(devset_halves()) >= {"l", "m"}
    repeated = [s for s, n in Counter(a.slug for a in articles).items() if n > 1]
    assert not repeated


def test_articles_follow_the_format() -> None:
    outlets, problems = _outlets(), []
    for half, articles in _parts().items():
        for a in articles:
            where = f"{half}:{a.get('slug')}"
            problems += [f"{where} lacks {k}" for k in REQUIRED if k not in a]
            if outlets.get(a["outlet"]) != a["lang"]:
                problems.append(f"{where}: outlet {a['outlet']} does not write {a['lang']}")
            if datetime.fromisoformat(a["published"]).tzinfo is None:
                problems.append(f"{where}: published has no offset")
            if a["event"] and not EVENT_ID.fullmatch(a["event"]):
                problems.append(f"{where}: event id {a['event']} does not end in its date")
            if a["genre"] not in GENRES:
                problems.append(f"{where}: genre {a['genre']}")
            if not a["title"].strip() or not all(p.strip() for p in a["paragraphs"]):
                problems.append(f"{where}: empty title or paragraph")
    assert not problems, problems


def test_near_misses_name_events_of_the_set() -> None:
    parts = _parts()
    events = {a["event"] for articles in parts.values() for a in articles if a["event"]}
    wrong = [
        (a["slug"], n)
        for articles in parts.values()
        for a in articles
        for n in a.get("near_miss", ())
        if n not in events or n == a["event"]
    ]
    assert not wrong


def test_gold_actors_are_named_as_the_text_names_them() -> None:
    missing = []
    for articles in _parts().values():
        for a in articles:
            text = "\n".join([a["title"], *a["paragraphs"]])
            for actor in a["actors"]:
                assert actor["kind"] in {"person", "org", "media"}, (a["slug"], actor)
                missing += [(a["slug"], s) for s in actor["as"] if s not in text]
    assert not missing
