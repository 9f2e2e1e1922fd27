"""Offices with dated holders (`offices.toml`): who was Russia's defence minister on that day.

Loading only: the matcher that turns a role phrase into the holder on an article's date is built
on top of this. Validation is strict, like the gazetteer's, because a wrong date or a mistyped
actor id silently resolves a phrase to the wrong person: unknown keys, bad or reversed dates,
overlapping terms of one office, a phrase claimed by two offices, and holders or countries that
are not actor ids are errors naming the file and the entry.
"""

from __future__ import annotations

import itertools
import re
import tomllib
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from tui.core.actors.gazetteer import Gazetteer, GazetteerError, load_gazetteer
from tui.core.actors.text import key_of

BUNDLED = Path(__file__).resolve().parents[2] / "data" / "offices.toml"
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_OFFICE_KEYS = {"id", "title", "country", "phrases", "holders"}
_HOLDER_KEYS = {"actor", "from", "to", "acting"}


class OfficeError(GazetteerError):
    """An offices file is unusable; the message names the file and the entry."""


@dataclass(frozen=True, slots=True)
class Term:
    actor: str
    start: date
    end: date | None = None  # last day in office; None: holds it now
    acting: bool = False

    def covers(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class Office:
    id: str
    title: str
    country: str
    phrases: tuple[str, ...]
    holders: tuple[Term, ...]

    def holder_on(self, day: date) -> Term | None:
        """The term covering `day`; on a handover day (one ends, the next starts), the new one."""
        found = [t for t in self.holders if t.covers(day)]
        return found[-1] if found else None


def _date(value: Any, where: str, key: str) -> date:
    if not isinstance(value, str) or not _DATE.match(value):
        raise OfficeError(f"{where}: key {key!r}: expected a date 'YYYY-MM-DD', got {value!r}")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise OfficeError(f"{where}: key {key!r}: no such date {value!r}") from None


def _term(raw: Any, where: str, actors: Gazetteer) -> Term:
    if not isinstance(raw, dict):
        raise OfficeError(f"{where}: expected a table {{ actor = ..., from = ... }}")
    for key in raw:
        if key not in _HOLDER_KEYS:
            raise OfficeError(f"{where}: unknown key {key!r} "
                              f"(known: {', '.join(sorted(_HOLDER_KEYS))})")
    for key in ("actor", "from"):
        if key not in raw:
            raise OfficeError(f"{where}: missing key {key!r}")
    actor = raw["actor"]
    if not isinstance(actor, str) or actor not in actors.actors:
        raise OfficeError(f"{where}: key 'actor': {actor!r} is not an actor id in the gazetteer")
    acting = raw.get("acting", False)
    if not isinstance(acting, bool):
        raise OfficeError(f"{where}: key 'acting': expected true or false, got {acting!r}")
    start = _date(raw["from"], where, "from")
    end = _date(raw["to"], where, "to") if "to" in raw else None
    if end is not None and end < start:
        raise OfficeError(f"{where}: 'to' {end} is before 'from' {start}")
    return Term(actor, start, end, acting)


def _office(raw: Any, where: str, actors: Gazetteer) -> Office:
    if not isinstance(raw, dict):
        raise OfficeError(f"{where}: expected a table, got {type(raw).__name__}")
    ident = raw.get("id")
    if isinstance(ident, str):
        where = f"{where} (id {ident!r})"
    for key in raw:
        if key not in _OFFICE_KEYS:
            raise OfficeError(f"{where}: unknown key {key!r} "
                              f"(known: {', '.join(sorted(_OFFICE_KEYS))})")
    for key in sorted(_OFFICE_KEYS):
        if key not in raw:
            raise OfficeError(f"{where}: missing key {key!r}")
    for key in ("id", "title", "country"):
        if not isinstance(raw[key], str) or not raw[key].strip():
            raise OfficeError(f"{where}: key {key!r}: expected a non-empty string")
    if not _SLUG.match(raw["id"]):
        raise OfficeError(f"{where}: key 'id': expected a lowercase slug "
                          "like 'ru-defence-minister'")
    if raw["country"] not in actors.actors:
        raise OfficeError(f"{where}: key 'country': {raw['country']!r} is not an actor id")
    phrases = raw["phrases"]
    if not isinstance(phrases, list) or not phrases or \
            not all(isinstance(p, str) and key_of(p).strip() for p in phrases):
        raise OfficeError(f"{where}: key 'phrases': expected a non-empty list of phrases")
    holders = raw["holders"]
    if not isinstance(holders, list) or not holders:
        raise OfficeError(f"{where}: key 'holders': expected a non-empty list of terms")
    terms = tuple(_term(h, f"{where}: holders[{i}]", actors) for i, h in enumerate(holders))
    for before, after in itertools.pairwise(terms):
        if after.start < before.start:
            raise OfficeError(f"{where}: holders are not in date order "
                              f"({before.actor} {before.start}, then {after.actor} {after.start})")
        if before.end is None or after.start < before.end:
            raise OfficeError(f"{where}: terms overlap: {before.actor} (from {before.start}"
                              f"{'' if before.end is None else f' to {before.end}'}) and "
                              f"{after.actor} (from {after.start})")
    return Office(raw["id"], raw["title"].strip(), raw["country"],
                  tuple(dict.fromkeys(p.strip() for p in phrases)), terms)


def parse_offices(text: str, source: str, actors: Gazetteer) -> dict[str, Office]:
    """Offices from one file's text, checked against the gazetteer `actors`."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise OfficeError(f"{source}: not valid TOML: {exc}") from None
    extra = set(data) - {"office"}
    if extra:
        raise OfficeError(f"{source}: unknown top-level key {sorted(extra)[0]!r} "
                          "(expected only [[office]] tables)")
    entries = data.get("office", [])
    if not isinstance(entries, list):
        raise OfficeError(f"{source}: key 'office': expected [[office]] tables")
    offices: dict[str, Office] = {}
    owner: dict[str, str] = {}  # phrase key -> office id
    for index, raw in enumerate(entries):
        office = _office(raw, f"{source}: office[{index}]", actors)
        if office.id in offices:
            raise OfficeError(f"{source}: office[{index}]: duplicate id {office.id!r}")
        for phrase in office.phrases:
            key = key_of(phrase)
            if owner.get(key, office.id) != office.id:
                raise OfficeError(f"{source}: office[{index}] (id {office.id!r}): phrase "
                                  f"{phrase!r} is already a phrase of {owner[key]!r}")
            owner[key] = office.id
        offices[office.id] = office
    return offices


def load_offices(gazetteer: Gazetteer | None = None, path: Path = BUNDLED) -> dict[str, Office]:
    """The bundled offices, validated against `gazetteer` (the bundled one by default)."""
    actors = gazetteer if gazetteer is not None else load_gazetteer()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise OfficeError(f"{path}: cannot read: {exc}") from None
    return parse_offices(text, path.name if path == BUNDLED else str(path), actors)
