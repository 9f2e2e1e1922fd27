# ruff: noqa: RUF001, RUF002  (Cyrillic script is the point here)
"""Places named in an article, for the place filter (`place:iran` / `country:iran`): the country,
its capital, its cities, its regions and its demonym, in any script.

The linker has its own place matcher (linking/text.py), tuned to pin events: capitalised words
only and no demonyms. This one is for finding: "иранских" and "الإيرانية" count, so forms match
like gazetteer names (normalised text, whole words, Arabic clitics), and Cyrillic forms with
any case ending after their stem (Тегеран-е, Москв-у, иранск-ая). A Latin form matches in any
case but all-lowercase, as actor names do ("turkey" is no country).
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

import ahocorasick

from tui.core.actors.text import expand_form, key_of, normalize, script_of

# Kinds whose country a `place:COUNTRY` filter takes in; straits and seas are shared waters.
COUNTRY_PARTS = ("country", "city", "region", "demonym")
_RU_FINAL = "аяоеьйыи"
_POSSESSIVE = re.compile(r"['’]s\b")  # "Jordan's": a person's name never holds one
# Phrases that hold a place's name and name no place; as the longest match they win and are
# dropped: Arabic "مسقط رأس" (birthplace) holds Muscat (مسقط, the Persian and Arabic name).
NOT_PLACES = ("مسقط رأس", "مسقط رأسه", "مسقط رأسها", "مسقط رأسهم", "مسقط رأسي")
_RU_ENDINGS = ("", "а", "я", "у", "ю", "е", "и", "ы", "о", "ой", "ей", "ом", "ем", "ью", "ям",
               "ях", "ах", "ами", "ями", "ию", "ии", "ией", "ого", "ему", "ому", "ую", "ая",
               "ий", "ый", "ое", "ые", "ых", "ым", "ыми", "им", "ими", "их", "ие", "юю", "яя")
# A region in -ье keeps its soft sign in every case (Приморья, Подмосковьем); only a form that
# ends so takes these ("семья" is no case of Семей).
_SOFT_ENDINGS = ("ья", "ью", "ьем", "ьи")


@dataclass(frozen=True, slots=True)
class Place:
    id: str
    name: str
    kind: str  # city | region | water | country | demonym
    country: tuple[str, ...]  # state actor ids the place belongs to
    forms: tuple[str, ...]
    written: tuple[str, ...] = ()  # forms matched only with their own letters ("Şam", not "Sam")


class _Key(NamedTuple):
    length: int
    place_id: str
    lower_ok: bool  # the form is written in lowercase (Russian adjectives), so text may be too
    written: str = ""  # the form casefolded, when the text must spell it so (`Place.written`)


@lru_cache(maxsize=1)
def bundled_places() -> dict[str, Place]:
    text = resources.files("tui.data").joinpath("places.toml").read_text(encoding="utf-8")
    out = {}
    for raw in tomllib.loads(text).get("place", []):
        country = raw.get("country", ())
        out[raw["id"]] = Place(raw["id"], raw["name"], raw.get("kind", "city"),
                               (country,) if isinstance(country, str) else tuple(country),
                               tuple(raw.get("forms", ())), tuple(raw.get("written", ())))
    return out


def _keys(form: str) -> list[str]:
    """The automaton keys of `form` and its inflected spellings: Russian endings after the
    stem, Arabic clitics. An ending is appended to the stem's key, not normalised again: the
    endings are plain lowercase letters, and a grown gazetteer has some 60,000 of them."""
    if script_of(form) != "cyrillic" or " " in form:
        return [key_of(v) for v in expand_form(form)]
    stem = form.rstrip(_RU_FINAL)
    if len(stem) < 3:
        return [key_of(form)]
    base = key_of(stem)[:-1]
    soft = _SOFT_ENDINGS if form.endswith("ье") else ()
    return [key_of(form), *(f"{base}{e} " for e in (*_RU_ENDINGS, *soft) if e or stem == form)]


class PlaceFinder:
    """One Aho-Corasick pass over the normalised text; built once per process (~80 ms)."""

    def __init__(self, places: dict[str, Place]) -> None:
        self.places = places
        keys: dict[str, _Key] = {}
        for place in places.values():
            for form in place.forms:
                lower_ok = form.islower()
                for key in _keys(form):
                    if len(key.strip()) >= 2 and key not in keys:
                        keys[key] = _Key(len(key), place.id, lower_ok)
            for form in place.written:
                for key in _keys(form):
                    keys.setdefault(key, _Key(len(key), place.id, False, form.casefold()))
        for phrase in NOT_PLACES:
            for key in _keys(phrase):
                keys[key] = _Key(len(key), "", False)
        self._automaton = ahocorasick.Automaton()
        for key, value in keys.items():
            self._automaton.add_word(key, value)
        self._automaton.make_automaton()

    def find(self, text: str, norm: str | None = None,
             blocked: list[tuple[int, int]] = ()) -> list[tuple[int, int, str]]:  # type: ignore[assignment]
        """(start, end, place id) in `text`, longest first wins; a place's name inside a
        `blocked` span (a person's or a body's name: "Jordan Bardella") is none, a demonym
        still is ("Iranian President Masoud Pezeshkian" names Iran), and so is a possessive
        one, which only a title joined to the name holds ("Jordan's foreign minister Ayman
        Safadi")."""
        norm = norm if norm is not None else " " + normalize(text) + " "
        hits = []
        for end, key in self._automaton.iter(norm):
            start, stop = end - key.length + 1, end - 1
            piece = text[start:stop]
            if (piece.islower() and not key.lower_ok) or (
                    key.written and piece.casefold() != key.written):
                continue
            hits.append((start, stop, key.place_id))
        kept: list[tuple[int, int, str]] = []
        # the kept hits, apart and non-empty, by start: their ends are in the same order, so
        # the one kept hit a new one can overlap is the last that starts before it ends
        starts: list[int] = []
        ends: list[int] = []
        for hit in sorted(hits, key=lambda h: (h[0] - h[1], h[0])):
            start, stop, place_id = hit
            n = bisect_left(starts, stop)
            if n and ends[n - 1] > start:
                continue
            if place_id and self.places[place_id].kind != "demonym" and \
                    not _POSSESSIVE.match(text, stop) and \
                    any(s < stop and start < e for s, e in blocked):
                continue
            kept.append(hit)
            starts.insert(n, start)
            ends.insert(n, stop)
        return sorted(hit for hit in kept if hit[2])

    def counts(self, text: str) -> Counter[str]:
        return Counter(place_id for _s, _e, place_id in self.find(text))


_finder: list[PlaceFinder] = []


def place_finder() -> PlaceFinder:
    """Built once per process, unless a pool worker adopted a prebuilt copy first
    (actors/prebuilt.py: unpickling it costs a quarter of parsing places.toml and building)."""
    if not _finder:
        _finder.append(PlaceFinder(bundled_places()))
    return _finder[0]


def adopt_finder(finder: PlaceFinder) -> None:
    _finder[:] = [finder]


@lru_cache(maxsize=1)
def _names() -> dict[str, list[str]]:
    """Place ids by id, name and every form (normalised)."""
    out: dict[str, list[str]] = {}
    for place in bundled_places().values():
        for name in (place.id, place.name, *place.forms):
            ids = out.setdefault(key_of(name).strip(), [])
            if place.id not in ids:
                ids.append(place.id)
    return out


def resolve_place(name: str) -> list[str]:
    """Place ids a `place:NAME` filter matches: a country (by name, form, demonym or state id)
    takes in its capital, cities, regions and demonym; a city or region only itself."""
    places = bundled_places()
    key = key_of(name.replace("-", " ")).strip()
    found = _names().get(key) or _names().get(key_of(name).strip()) or []
    if not found and name.strip().lower() in places:
        found = [name.strip().lower()]
    out: list[str] = []
    for place_id in found:
        place = places[place_id]
        if place.kind in ("country", "demonym"):
            out += [p.id for p in places.values()
                    if p.kind in COUNTRY_PARTS and set(p.country) & set(place.country)]
        else:
            out.append(place_id)
    return list(dict.fromkeys(out))


def countries_of(place_ids: list[str]) -> set[str]:
    """The states these places belong to (the evaluation's and the reader's view)."""
    places = bundled_places()
    return {c for p in place_ids if p in places and places[p].kind in COUNTRY_PARTS
            for c in places[p].country}
