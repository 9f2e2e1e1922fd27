# ruff: noqa: RUF001  (Cyrillic, Arabic and Persian are the point here)
"""Invisible characters inside names, through a real refresh (loopback server, SQLite): a
zero-width joiner, space or non-joiner between Latin or Cyrillic letters, an invisible
operator, a grapheme joiner, a soft hyphen, Unicode tags (invisible ASCII: a hidden
"ignore" too), a zero-width space or a tatweel inside an Arabic name. Each split
the name for the actors and for search ("Pezes\\u200dhkian" was nobody); the title keeps its
letters. Persian's ZWNJ and an emoji's ZWJ are spelling and stay."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import actors_by_title, rss, write_config
from tests.httpserver import LocalServer
from tui.core.config.loader import load_config
from tui.core.text.sanitize import clean_line

SPLIT = {  # title as sent -> the actor it names
    "Pezes\u200dhkian meets Putin in Kazan": "masoud-pezeshkian",
    "Pezes\u200bhkian visits Ankara": "masoud-pezeshkian",
    "Pezes\u200chkian lands in Baku": "masoud-pezeshkian",
    "Netan\u2063yahu addresses the Knesset": "benjamin-netanyahu",
    "Netan\u00adyahu speaks in Jerusalem": "benjamin-netanyahu",
    "Шой\u200dгу прибыл в Тегеран": "sergei-shoigu",
    "بزش\u200bكيان يلتقي بوتين في قازان": "masoud-pezeshkian",
    "نتنيـاهو يتحدث أمام الكنيست": "benjamin-netanyahu",
    "Netan\u034fyahu flies to Washington": "benjamin-netanyahu",
    "Pezes\U000e0041hkian \U000e0069\U000e0067\U000e006e\U000e006f\U000e0072\U000e0065 in Doha":
        "masoud-pezeshkian",
}
INVISIBLES = "\u200b\u200c\u200d\u2063\u00ad\u034f" + "".join(map(chr, range(0xE0000, 0xE0080)))


def test_names_split_by_invisibles_are_found(server: LocalServer, tmp_path: Path) -> None:
    items = [{"title": t, "link": f"http://127.0.0.1/{n}", "guid": f"g{n}",
              "description": t} for n, t in enumerate(SPLIT)]
    feed = server.add("/feed.xml", body=rss(items))
    config = load_config(write_config(tmp_path, [("Wire", feed)], settings="extract = false"))
    found, searched = actors_by_title(config, "Pezeshkian")
    for title, actor in SPLIT.items():
        stored = " ".join("".join(c for c in title if c not in INVISIBLES).split())
        assert actor in found.get(stored, set()), (title, found)
    assert searched == 4, searched


def test_joiners_that_spell_stay() -> None:
    """Look-alikes: Persian's ZWNJ between its letters, emoji's ZWJ sequences, a ZWJ between
    an Arabic and a Latin letter, and England's flag (a tag sequence): each is kept."""
    for kept in ("رئیس\u200cجمهور پزشکیان", "می\u200cگوید", "👩\u200d💻 coders in Tehran",
                 "ه\u200dA", "Kazan 👨\u200d👩\u200d👧 summit",
                 "Fans wave \U0001f3f4\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f flags"):
        assert clean_line(kept) == kept, kept
