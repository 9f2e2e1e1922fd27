"""Write the user's own actors.toml when they add an actor or an alias from the app.

A new entry is appended as text, so the user's comments stay. An alias for an id the file
already lists means editing that entry, and the file is then rewritten from its parsed content
(comments in it are lost; a header says so). Either way the result is validated before it
replaces the old file, so a bad write can never break the gazetteer.
"""

from __future__ import annotations

import hashlib
import json
import re
import tomllib
import unicodedata
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from tui.core.actors.gazetteer import KINDS, GazetteerError, load_gazetteer
from tui.core.actors.owners import check_free
from tui.core.config.userfiles import replace_checked

_HEADER = ("# Your additions to newsdesk's actor gazetteer (same schema as the bundled one).\n"
           "# newsdesk rewrites this file when you add aliases or forget an actor from the app.\n")


def slug(name: str) -> str:
    """A Latin slug for ids; names in other scripts get a stable hash-based id instead."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    text = re.sub(r"[^a-z0-9]+", "-", ascii_name.casefold()).strip("-")
    if len(text) < 2:
        text = "actor-" + hashlib.sha1(name.encode()).hexdigest()[:8]
    return text


def _value(value: Any) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def _table(entry: dict[str, Any]) -> str:
    return "[[actor]]\n" + "".join(f"{k} = {_value(v)}\n" for k, v in entry.items())


def _entries(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    entries = tomllib.loads(path.read_text(encoding="utf-8-sig")).get("actor", [])
    return [dict(e) for e in entries]


def _replace(path: Path, text: str) -> None:
    replace_checked(path, text, load_gazetteer)


def add_alias(path: Path, actor_id: str, alias: str) -> None:
    """Teach the matcher another spelling of a known actor; one that is another actor's
    name is refused (owners.NameTaken)."""
    alias = alias.strip()
    if not alias:
        raise GazetteerError("the alias is empty")
    check_free(load_gazetteer(path if path.exists() else None), alias, actor_id)
    entries = _entries(path)
    mine = next((e for e in entries if e.get("id") == actor_id), None)
    if mine is None:
        old = path.read_text(encoding="utf-8-sig") if path.exists() else _HEADER
        _replace(path, old.rstrip("\n") + "\n\n" + _table({"id": actor_id, "aliases": [alias]}))
        return
    mine["aliases"] = [*mine.get("aliases", []), alias]
    _replace(path, _HEADER + "\n" + "\n".join(_table(e) for e in entries))


def add_actor(path: Path, name: str, kind: str, description: str = "") -> str:
    """A new actor the gazetteer lacks; returns its id. A name the matcher reads as a listed
    actor's is refused (owners.NameTaken), in any script and inflection."""
    if kind not in KINDS:
        raise GazetteerError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    name = " ".join(name.split())
    if not name:
        raise GazetteerError("the actor's name is empty")
    actor_id = slug(name)
    gazetteer = load_gazetteer(path if path.exists() else None)
    check_free(gazetteer, name)  # a copy of a listed actor would take its mentions
    if actor_id in gazetteer.actors:
        raise GazetteerError(f"an actor with id {actor_id!r} exists: add an alias to it instead")
    old = path.read_text(encoding="utf-8-sig") if path.exists() else _HEADER
    entry = {"id": actor_id, "name": name, "kind": kind, "description": description}
    _replace(path, old.rstrip("\n") + "\n\n" + _table(entry))
    return actor_id


def added_ids(path: Path, same_as: Mapping[str, str] | None = None) -> set[str]:
    """The ids the user's file adds or adds spellings to (what `forget` can take back); an
    entry that extends a bundled actor by name (`Gazetteer.same_as`: its id -> the bundled
    one's) counts under the bundled id, the one the reader shows."""
    same_as = same_as or {}
    try:
        return {same_as.get(str(e.get("id")), str(e.get("id"))) for e in _entries(path)}
    except (OSError, tomllib.TOMLDecodeError):
        return set()


def _mine(entries: list[dict[str, Any]], actor_id: str,
          same_as: Mapping[str, str]) -> list[dict[str, Any]]:
    """The user's entries for `actor_id`: its own id's, and any merged into it by name."""
    return [e for e in entries if same_as.get(str(e.get("id")), e.get("id")) == actor_id]


def _own(mine: list[dict[str, Any]], same_as: Mapping[str, str]) -> bool:
    """Whether the actor itself is the user's: an entry of theirs names it, and does not
    merely extend a bundled actor of that name."""
    return any("name" in e and str(e.get("id")) not in same_as for e in mine)


def _empty(entry: dict[str, Any], same_as: Mapping[str, str]) -> bool:
    """An entry that adds nothing: its id alone, or a bundled actor's name and kind alone."""
    said = set(entry) - ({"id", "name", "kind"} if str(entry.get("id")) in same_as else {"id"})
    return not said


def additions(path: Path, actor_id: str, same_as: Mapping[str, str] | None = None,
              ) -> tuple[bool, list[str]]:
    """What the user's file adds for `actor_id`: (whether the actor itself is theirs, the
    spellings they gave it), so `forget` can be asked for one of them."""
    same_as = same_as or {}
    mine = _mine(_entries(path), actor_id, same_as)
    aliases = [str(a) for e in mine for a in e.get("aliases", [])]
    return _own(mine, same_as), list(dict.fromkeys(aliases))


def forget(path: Path, actor_id: str, alias: str | None = None,
           same_as: Mapping[str, str] | None = None) -> str:
    """Take back what the user added for `actor_id`: one `alias` of theirs, or (None) all of
    it: a whole actor of theirs goes, and so do their entries for a bundled one (an entry
    merged into it by name too: the bundled actor stays as shipped). Returns what went:
    "alias", "actor" or "aliases"."""
    same_as = same_as or {}
    entries = _entries(path)
    mine = _mine(entries, actor_id, same_as)
    if not mine:
        raise GazetteerError("only actors and spellings you added can be forgotten; this one "
                             "comes with newsdesk")
    if alias is not None:
        if not any(alias in e.get("aliases", []) for e in mine):
            raise GazetteerError(f"{alias!r} is no spelling you added")
        for entry in mine:
            entry["aliases"] = [a for a in entry.get("aliases", []) if a != alias]
            if not entry["aliases"]:
                del entry["aliases"]
        kept = [e for e in entries if not _empty(e, same_as)]  # one saying nothing goes
    else:
        kept = [e for e in entries if not any(e is m for m in mine)]
    _replace(path, _HEADER + ("\n" + "\n".join(_table(e) for e in kept) if kept else ""))
    return "alias" if alias is not None else "actor" if _own(mine, same_as) else "aliases"
