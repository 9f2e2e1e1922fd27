"""Named objects (operations, ships, flotillas, accords, plans, summits, forums, exercises) keyed by
one id across scripts, from `tui/data/objects.toml`.

Why: two reports of one event in two scripts share no word the text part can weigh, and
actors carry ids across scripts but a named object did not: «أسطول الصمود» and the Global
Sumud Flotilla, «وعده صادق ۳» and Operation True Promise 3 (issue 15, round 51). The linker's
place matcher (`text.place_matcher`) finds them with its own rules (whole words, Russian
endings, Hebrew prefixes, Arabic articles, Turkish suffixes), under ids `obj:<id>`, so a
shared object is weighed as a shared place: by rarity and prominence, and across scripts.
They are no places: the place filter and the places analyzer never see them.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Mapping
from importlib import resources

from tui.core.toml_lines import ConfigError, Source

PREFIX = "obj:"  # a matcher id's prefix: never a place id
KINDS = ("operation", "vessel", "flotilla", "accord", "plan", "summit", "forum", "exercise")
_KEYS = ("id", "name", "kind", "description", "forms")
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")

# (matcher id, name, kind, forms): what `text.place_matcher` makes a `Place` of
Entry = tuple[str, str, str, tuple[str, ...]]
Split = Callable[[str], tuple[list[str], list[str]]]  # `text.split_words`


class ObjectsError(ConfigError):
    """A bad entry of objects.toml, worded with its file and line."""


def parse(
    text: str,
    split: Split,
    file: str = "objects.toml",
    taken: Mapping[tuple[str, ...], str] | None = None,
) -> tuple[Entry, ...]:
    """Each object as the place matcher takes it (its id `obj:<id>`, name, kind, forms), its
    forms split into words as the matcher splits them (`split`). `taken`: folded words of
    forms that are already another's (a place's), by whose; a form that is one of them, or
    another object's, is refused."""
    source = Source(file, text)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ObjectsError(f"{file}: not valid TOML: {exc}") from None
    unknown = sorted(set(data) - {"object"})
    if unknown:
        raise ObjectsError(f"{file}: unknown table {unknown[0]!r}; write [[object]] tables")
    owner: dict[tuple[str, ...], str] = dict(taken or {})
    out: list[Entry] = []
    ids: set[str] = set()
    for index, raw in enumerate(data.get("object", [])):

        def fail(key: str | None, why: str, index: int = index) -> ObjectsError:
            at = source.where("object", index + 1, key)
            return ObjectsError(
                f"{at}: object #{index + 1}" + (f" key {key!r}" if key else "") + f": {why}"
            )

        if not isinstance(raw, dict):
            raise fail(None, "not a table")
        for key in _KEYS:
            if key not in raw:
                raise fail(None, f"missing key {key!r}")
        if extra := sorted(set(raw) - set(_KEYS)):
            raise fail(extra[0], f"unknown key; the keys are {', '.join(_KEYS)}")
        ident = raw["id"]
        if not isinstance(ident, str) or not _ID.match(ident):
            raise fail("id", "write lower-case words joined by '-', e.g. 'sumud-flotilla'")
        if ident in ids:
            raise fail("id", f"{ident!r} is given twice")
        ids.add(ident)
        for key in ("name", "description"):
            if not isinstance(raw[key], str) or not raw[key].strip():
                raise fail(key, "write a non-empty text")
        if raw["kind"] not in KINDS:
            raise fail("kind", f"{raw['kind']!r} is no kind; write one of {', '.join(KINDS)}")
        forms = raw["forms"]
        if not isinstance(forms, list) or not forms:
            raise fail("forms", "write a list of the names the object goes by")
        for form in forms:
            if not isinstance(form, str) or not form.strip():
                raise fail("forms", f"{form!r} is not a name")
            orig, words = split(form)
            if not words:
                raise fail("forms", f"{form!r} has no word")
            if orig[0].islower():
                raise fail(
                    "forms",
                    f"{form!r} starts with a lower-case word: a name is "
                    "found from a capitalised word, so it would never be",
                )
            said = tuple(words)
            if said in owner and owner[said] != f"object {ident}":
                raise fail("forms", f"{form!r} is already {owner[said]}'s")
            owner[said] = f"object {ident}"
        out.append((PREFIX + ident, raw["name"].strip(), raw["kind"], tuple(forms)))
    return tuple(out)


def bundled(split: Split, taken: Mapping[tuple[str, ...], str]) -> tuple[Entry, ...]:
    """objects.toml's entries (`parse`)."""
    text = resources.files("tui.data").joinpath("objects.toml").read_text(encoding="utf-8")
    return parse(text, split, "objects.toml", taken)


def is_object(place_id: str) -> bool:
    """Whether a matcher id is a named object's, not a place's."""
    return place_id.startswith(PREFIX)
