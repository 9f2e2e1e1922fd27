"""The actor gazetteer: load the bundled `actors.toml`, merge a user's file over it, validate.

Validation is strict (unknown keys, wrong types, duplicate ids are errors naming file and key)
because a typo in a gazetteer silently costs matches; nobody notices a name that never lights up.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tui.core.actors.bodies import BodyTable, plan
from tui.core.actors.text import key_of
from tui.core.toml_lines import ConfigError, Source

# media: news agencies and outlets cited as sources ("TASS said"), not actors in the event.
KINDS = ("person", "org", "state", "media")
# The words people write for a kind (README says "organisation, state, news outlet"): a user's
# file may use them; the bundled file keeps the short ones.
KIND_WORDS = {"organisation": "org", "organization": "org", "country": "state",
              "outlet": "media", "news outlet": "media", "news agency": "media"}
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_LIST_KEYS = ("aliases", "surnames", "acronyms", "cues", "exclude")
_STR_KEYS = ("id", "name", "kind", "description")
_ALL_KEYS = set(_LIST_KEYS) | set(_STR_KEYS)


class GazetteerError(ConfigError):
    """A gazetteer file is unusable; the message names the file, the line and the key. A
    config error like feeds.toml's: the CLI exits 2, the reader says it and goes on."""


@dataclass(frozen=True, slots=True)
class Actor:
    """A person, organisation or state and every name form it goes by."""

    id: str
    name: str
    kind: str
    description: str = ""
    aliases: tuple[str, ...] = ()
    surnames: tuple[str, ...] = ()  # alone: second reference, or when unambiguous
    acronyms: tuple[str, ...] = ()  # case-sensitive
    cues: tuple[str, ...] = ()  # phrases near an ambiguous surname that point to this actor
    exclude: tuple[str, ...] = ()  # longer phrases that are not this actor ("Richard Wagner")

    def full_forms(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    @property
    def family_first(self) -> bool:
        """A name written family name first ("Kim Yo Jong", "Xi Jinping"): its listed surname
        is its first word, so its last word is a given name, never a second reference."""
        first = key_of(self.name.split()[0])
        return any(key_of(s) == first for s in self.surnames)


@dataclass(frozen=True, slots=True)
class Gazetteer:
    actors: dict[str, Actor]
    content_hash: str
    sources: tuple[str, ...] = field(default=())
    # State bodies found by description (bodies.py); None: names alone.
    bodies: BodyTable | None = field(default=None, compare=False, repr=False)
    # A user's id for a bundled actor it extends by name (parse_gazetteer) -> the bundled id.
    same_as: dict[str, str] = field(default_factory=dict, compare=False, repr=False)
    # Lookup tables for resolve(), built on first use (queries and rules call it often).
    _exact: dict[str, set[str]] = field(default_factory=dict, compare=False, repr=False)
    _full: dict[str, set[str]] = field(default_factory=dict, compare=False, repr=False)

    def _build_index(self) -> None:
        # Built aside and published with one dict.update each (_exact last, as it is the
        # "ready" flag), so a thread racing this one never sees half an index.
        exact: dict[str, set[str]] = {}
        full: dict[str, set[str]] = {}
        for a in self.actors.values():
            last_words = ([f.split()[-1] for f in a.full_forms()]
                          if a.kind == "person" and not a.family_first else [])
            last_words += [w for w in map(_without_article, last_words) if w]
            for f in (*a.full_forms(), *a.acronyms, *a.surnames, *last_words):
                exact.setdefault(key_of(f).strip(), set()).add(a.id)
            for f in a.full_forms():
                full.setdefault(key_of(f).strip(), set()).add(a.id)
        self._full.update(full)
        self._exact.update(exact)

    def resolve(self, name: str) -> list[str]:
        """Actor ids an `actor:NAME` query means: the id; else every actor with that name,
        alias, acronym or surname; else names containing it; else close spellings."""
        query = name.strip()
        if not query:
            return []
        if query in self.actors:
            return [query]
        slug = query.lower().replace(" ", "-")
        if slug in self.actors:
            return [slug]
        if slug in self.same_as:
            return [self.same_as[slug]]
        if not self._exact:
            self._build_index()
        key = key_of(query).strip()
        if key in self._exact:
            return sorted(self._exact[key])
        if len(key) >= 3:
            partial = {i for form, ids in self._full.items() if key in form for i in ids}
            if partial:
                return sorted(partial)
        close = difflib.get_close_matches(key, list(self._exact), n=3, cutoff=0.8)
        return sorted({i for c in close for i in self._exact[c]})


# The Arabic article on a romanised surname, assimilated or not (al-Jalali, as-Sudani, el-Sisi).
_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an|adh|ath)-(?=\w)", re.I)


def _without_article(surname: str) -> str:
    """"al-Jalali" -> "Jalali": `actor:jalali` means him too; "" when there is no article."""
    bare = _ARTICLE.sub("", surname)
    return bare if bare != surname else ""


def _where(source: Source, index: int, raw: dict[str, Any], key: str | None = None) -> str:
    """"FILE:LINE: actor[0] (id 'x')": the line of `key` in the index-th [[actor]] table."""
    ident = raw.get("id")
    return (f"{source.where('actor', index + 1, key)}: actor[{index}]"
            + (f" (id {ident!r})" if isinstance(ident, str) else ""))


def _kind(raw: dict[str, Any], where: str, words: bool) -> None:
    """A kind the gazetteer knows; with `words` (a user's file), also the words people write
    for one ("organisation"), put in its place. Else the error suggests the kind meant."""
    given = raw["kind"]
    if given in KINDS:
        return
    spelt = " ".join(given.lower().replace("_", " ").split())
    if words and (spelt in KINDS or spelt in KIND_WORDS):
        raw["kind"] = KIND_WORDS.get(spelt, spelt)
        return
    close = difflib.get_close_matches(spelt, [*KINDS, *KIND_WORDS], n=1, cutoff=0.6)
    meant = f" (did you mean {KIND_WORDS.get(close[0], close[0])!r}?)" if close else ""
    raise GazetteerError(f"{where}: key 'kind': {given!r} is no kind{meant}; write one of "
                         "person, org (an organisation), state (a country), media (a news "
                         "outlet)")


def _check_entry(raw: Any, source: Source, index: int, partial: bool) -> dict[str, Any]:
    """Validate one [[actor]] table; `partial` allows omitting name/kind (user overrides)."""
    if not isinstance(raw, dict):
        raise GazetteerError(
            f"{source.where('actor', index + 1)}: actor[{index}]: expected a table, "
            f"got {type(raw).__name__}")
    raw = dict(raw)  # a copy: a kind's word is put right in it
    where = _where(source, index, raw)
    for key in raw:
        if key not in _ALL_KEYS:
            known = ", ".join(sorted(_ALL_KEYS))
            meant = difflib.get_close_matches(key, sorted(_ALL_KEYS), n=1)
            hint = f"did you mean {meant[0]!r}? " if meant else ""
            raise GazetteerError(f"{_where(source, index, raw, key)}: unknown key {key!r} "
                                 f"({hint}known: {known})")
    required = ("id",) if partial else ("id", "name", "kind")
    for key in required:
        if key not in raw:
            raise GazetteerError(f"{where}: missing key {key!r}")
    for key in _STR_KEYS:
        if key in raw and not isinstance(raw[key], str):
            raise GazetteerError(f"{_where(source, index, raw, key)}: key {key!r}: expected a "
                                 f"string, got {raw[key]!r}")
    if not _SLUG.match(raw["id"]):
        raise GazetteerError(f"{_where(source, index, raw, 'id')}: key 'id': expected a "
                             "lowercase slug like 'sergei-shoigu'")
    if "name" in raw and not raw["name"].strip():
        raise GazetteerError(f"{_where(source, index, raw, 'name')}: key 'name': must not be "
                             "empty")
    if "kind" in raw:
        _kind(raw, _where(source, index, raw, "kind"), words=partial)
    for key in _LIST_KEYS:
        value = raw.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise GazetteerError(f"{_where(source, index, raw, key)}: key {key!r}: expected a "
                                 "list of strings")
        for item in value:
            if not key_of(item).strip():
                raise GazetteerError(f"{_where(source, index, raw, key)}: key {key!r}: "
                                     f"{item!r} has no letters or digits")
    return {str(key): value for key, value in raw.items()}


def _read(path_text: str, source: str) -> list[Any]:
    try:
        data = tomllib.loads(path_text)
    except tomllib.TOMLDecodeError as exc:
        raise GazetteerError(f"{source}: not valid TOML: {exc}") from None
    entries = data.get("actor", [])
    extra = set(data) - {"actor"}
    if extra:
        raise GazetteerError(f"{source}: unknown top-level key {sorted(extra)[0]!r} "
                             "(expected only [[actor]] tables)")
    if not isinstance(entries, list):
        raise GazetteerError(f"{source}: key 'actor': expected [[actor]] tables")
    return entries


def _actor(raw: dict[str, Any]) -> Actor:
    return Actor(
        id=raw["id"], name=raw["name"].strip(), kind=raw["kind"],
        description=raw.get("description", "").strip(),
        **{k: tuple(dict.fromkeys(s.strip() for s in raw.get(k, []))) for k in _LIST_KEYS},
    )


def _merge(base: Actor, raw: dict[str, Any]) -> Actor:
    """A user entry with an existing id: scalars replace, lists extend."""
    lists = {k: tuple(dict.fromkeys((*getattr(base, k), *(s.strip() for s in raw.get(k, [])))))
             for k in _LIST_KEYS}
    return Actor(id=base.id, name=raw.get("name", base.name).strip(),
                 kind=raw.get("kind", base.kind),
                 description=raw.get("description", base.description).strip(), **lists)


def parse_gazetteer(text: str, source: str, base: dict[str, Actor] | None = None,
                    same_as: dict[str, str] | None = None) -> dict[str, Actor]:
    """Actors from one file's text; with `base`, the file overrides/extends those actors.

    A user entry with a new id but the name of a base actor of the same kind extends that
    actor (`same_as` gets new id -> base id): two actors with one name split the bundled
    one's matches between them, so its other spellings counted for less than before."""
    actors = dict(base or {})
    by_name = {(key_of(a.name).strip(), a.kind): a.id for a in actors.values()}
    seen: set[str] = set()
    lines = Source(source, text)
    for index, raw in enumerate(_read(text, source)):
        entry = _check_entry(raw, lines, index, partial=base is not None)
        ident = entry["id"]
        if ident in seen:
            where = _where(lines, index, entry, "id")
            raise GazetteerError(f"{where}: key 'id': duplicate id {ident!r}")
        seen.add(ident)
        named = by_name.get((key_of(entry.get("name", "")).strip(),
                             entry.get("kind", "")))
        if base is not None and ident not in actors and named and named in base:
            if same_as is not None:
                same_as[ident] = named
            ident = named
        if base is not None and ident in actors:
            actors[ident] = _merge(actors[ident], entry)
        elif base is not None and ("name" not in entry or "kind" not in entry):
            missing = "name" if "name" not in entry else "kind"
            raise GazetteerError(f"{_where(lines, index, entry)}: missing key {missing!r} "
                                 f"(id {ident!r} is new, not an override)")
        else:
            actors[ident] = _actor(entry)
    return actors


def content_hash(actors: dict[str, Actor], extra: str = "") -> str:
    """Changes whenever anything that affects matching changes (ids, forms, kinds; `extra`:
    the bodies table's own hash)."""
    payload = [[a.id, a.name, a.kind, a.aliases, a.surnames, a.acronyms, a.cues, a.exclude]
               for a in sorted(actors.values(), key=lambda a: a.id)]
    text = json.dumps(payload, ensure_ascii=False) + extra
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _with_bodies(actors: dict[str, Actor]) -> tuple[dict[str, Actor], BodyTable]:
    """The bundled actors and an organisation for every state body the table names that they
    lack ("Jordanian Interior Ministry"), before the user's file, which may rename them."""
    table = plan({a.id: a.full_forms() for a in actors.values() if a.kind == "org"}, actors)
    made = {b.id: Actor(b.id, b.name, "org", b.description, b.aliases) for b in table.new}
    return {**actors, **made}, table


BUNDLED = Path(__file__).resolve().parents[2] / "data" / "actors.toml"


def bundled_text() -> str:
    return BUNDLED.read_text(encoding="utf-8")


_in_use: list[Gazetteer] = []


def adopt(gazetteer: Gazetteer) -> None:
    """Make `gazetteer` (loaded some other way: a prebuilt copy) the one in use here."""
    _in_use[:] = [gazetteer]


def in_use() -> Gazetteer:
    """The gazetteer this process last loaded (bundled plus the user's actors.toml), for code
    that names or weighs actors without matching them (linking's kinds, story labels). One per
    process: the app, the CLI and each pool worker run one Desk's configuration."""
    if not _in_use:
        load_gazetteer()
    return _in_use[0]


def _user_text(user_file: Path) -> str:
    try:
        return user_file.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise GazetteerError(f"{user_file}: cannot read: {exc}") from None


def check_user_file(user_file: Path) -> None:
    """The checks of a user's actors.toml that need no bundled data (what a typo or a wrong
    word breaks), in milliseconds where loading the whole gazetteer takes a second or more:
    run before a fetch or a re-match relies on the file. An override of an id the bundled
    file lacks is found only by `load_gazetteer`."""
    text = _user_text(user_file)
    lines, seen = Source(str(user_file), text), set()
    for index, raw in enumerate(_read(text, str(user_file))):
        entry = _check_entry(raw, lines, index, partial=True)
        if entry["id"] in seen:
            raise GazetteerError(f"{_where(lines, index, entry, 'id')}: key 'id': duplicate id "
                                 f"{entry['id']!r}")
        seen.add(entry["id"])


def load_gazetteer(user_file: Path | None = None) -> Gazetteer:
    """The bundled gazetteer, overridden/extended by `user_file` when it exists."""
    actors, table = _with_bodies(parse_gazetteer(bundled_text(), "actors.toml (bundled)"))
    sources = ["bundled"]
    same_as: dict[str, str] = {}
    if user_file is not None and user_file.exists():
        actors = parse_gazetteer(_user_text(user_file), str(user_file), base=actors,
                                 same_as=same_as)
        sources.append(str(user_file))
    gazetteer = Gazetteer(actors=actors, content_hash=content_hash(actors, table.digest),
                          sources=tuple(sources), bodies=table, same_as=same_as)
    _in_use[:] = [gazetteer]
    return gazetteer
