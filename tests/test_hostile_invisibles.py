# ruff: noqa: RUF001  (Cyrillic, Arabic and Persian are the point here)
"""Invisible characters inside names, through a real refresh (loopback server, SQLite): a
zero-width joiner, space or non-joiner between Latin or Cyrillic letters, an invisible
operator, a soft hyphen, a zero-width space or a tatweel inside an Arabic name. Each split
the name for the actors and for search ("Pezes\\u200dhkian" was nobody); the title keeps its
letters. Persian's ZWNJ and an emoji's ZWJ are spelling and stay."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import rss, write_config
from tests.httpserver import LocalServer
from tui.core.config.loader import load_config
from tui.core.desk import Desk
from tui.core.ingest.sanitize import clean_line

SPLIT = {  # title as sent -> the actor it names
    "Pezes\u200dhkian meets Putin in Kazan": "masoud-pezeshkian",
    "Pezes\u200bhkian visits Ankara": "masoud-pezeshkian",
    "Pezes\u200chkian lands in Baku": "masoud-pezeshkian",
    "Netan\u2063yahu addresses the Knesset": "benjamin-netanyahu",
    "Netan\u00adyahu speaks in Jerusalem": "benjamin-netanyahu",
    "Шой\u200dгу прибыл в Тегеран": "sergei-shoigu",
    "بزش\u200bكيان يلتقي بوتين في قازان": "masoud-pezeshkian",
    "نتنيـاهو يتحدث أمام الكنيست": "benjamin-netanyahu",
}
INVISIBLES = "\u200b\u200c\u200d\u2063\u00ad"


def test_names_split_by_invisibles_are_found(server: LocalServer, tmp_path: Path) -> None:
    items = [{"title": t, "link": f"http://127.0.0.1/{n}", "guid": f"g{n}",
              "description": t} for n, t in enumerate(SPLIT)]
    feed = server.add("/feed.xml", body=rss(items))
    config = load_config(write_config(tmp_path, [("Wire", feed)], settings="extract = false"))
    with Desk.open(config) as desk:
        desk.refresh()
        found = {}
        for i in desk.ids():
            article = desk.article(i)
            assert article is not None
            found[article.title] = {a.id for a in desk.actors_of(i)}
        searched = len(desk.ids("Pezeshkian"))
    for title, actor in SPLIT.items():
        stored = "".join(c for c in title if c not in INVISIBLES)
        assert actor in found.get(stored, set()), (title, found)
    assert searched == 3, searched


def test_joiners_that_spell_stay() -> None:
    """Look-alikes: Persian's ZWNJ between its letters, an emoji's ZWJ sequence, a ZWJ
    between an Arabic and a Latin letter, and a ZWNJ in Arabic script (no Latin on either
    side): each is kept as it is."""
    for kept in ("رئیس\u200cجمهور پزشکیان", "می\u200cگوید", "👩\u200d💻 coders in Tehran",
                 "ه\u200dA", "Kazan 👨\u200d👩\u200d👧 summit"):
        assert clean_line(kept) == kept, kept
