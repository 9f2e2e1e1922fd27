# ruff: noqa: RUF001, RUF002, RUF003  (Cyrillic and Arabic script are the point here)
"""Who already goes by a name, as the matcher reads it: checked before the user adds an actor
or a spelling; and whose name a new one is only another spelling of.

A new actor named like a listed one ("Shoigu", Sergei Shoigu's surname) took that one's
mentions: a full name always wins over a surname, so articles the listed actor had named
went to the copy. The check looks the name up among the keys the matcher builds (every name,
alias, acronym and surname, with their Russian and Arabic inflections, in any script, and the
last names it derives), so it refuses exactly what would collide.
"""

from __future__ import annotations

from tui.core.actors.gazetteer import Actor, Gazetteer, GazetteerError
from tui.core.actors.name_forms import ACRONYM, EXCLUDED, FULL, form_keys, name_forms
from tui.core.actors.text import key_of, keys_of

_index: list[tuple[str, dict[str, dict[str, int]]]] = []  # (content hash, key -> id -> use)
_shapes: list[tuple[str, dict[str, list[tuple[str, str]]]]] = []  # hash, shape -> (id, form)
# The letters transliterations disagree on (Мухаммад / Мухаммед, Mohammed / Muhammad,
# Jolani / Julani), after the matcher's own folding (ё -> е; ي ى -> ی; أ إ آ -> ا).
_VOWELS = str.maketrans(dict.fromkeys("aeiouyаеиоуыэюяاوی", "*"))
_LEAST = 4  # consonants a name needs before a vowel may differ ("Ali" vs "Ala" says nothing)


def _keys(gazetteer: Gazetteer) -> dict[str, dict[str, int]]:
    """Every key the matcher would build, with the strongest use per actor (built once per
    gazetteer version: ~0.2 s)."""
    if _index and _index[0][0] == gazetteer.content_hash:
        return _index[0][1]
    keys: dict[str, dict[str, int]] = {}
    for actor in gazetteer.actors.values():
        for form, use in name_forms(actor):
            if use == EXCLUDED:  # a decoy ("Shoigu Street") is nobody's name
                continue
            for _variant, key in form_keys(form, use):
                slot = keys.setdefault(key, {})
                slot[actor.id] = min(use, slot.get(actor.id, use))
    _index[:] = [(gazetteer.content_hash, keys)]
    return keys


def owners(gazetteer: Gazetteer, name: str) -> dict[str, int]:
    """Actor id -> how `name` is one of theirs (matcher.FULL, ACRONYM, SURNAME, DERIVED)."""
    keys = _keys(gazetteer)
    found: dict[str, int] = {}
    for key in keys_of(" ".join(name.split())):
        for actor_id, use in keys.get(key, {}).items():
            found[actor_id] = min(use, found.get(actor_id, use))
    return found


class NameTaken(GazetteerError):
    """The name is an actor's already; `owners` are their ids (the app points to them),
    `named` the part of the message naming them (the part a short status line cuts)."""

    def __init__(self, message: str, owners: tuple[str, ...], named: str = "") -> None:
        super().__init__(message)
        self.owners = owners
        self.named = named


def _named(actor: Actor) -> str:
    return f"{actor.name} ({actor.id})"


def check_free(gazetteer: Gazetteer, name: str, actor_id: str | None = None) -> None:
    """Raise NameTaken when `name` cannot be added (to `actor_id` as a spelling, or as a new
    actor): another actor's name, alias, acronym or surname is theirs; a name the actor has
    in full already adds nothing (a surname of its own may still become a full alias)."""
    found = owners(gazetteer, name)
    others = [gazetteer.actors[i] for i in sorted(found) if i != actor_id]
    shown = " ".join(name.split())
    if others:
        listed = " and ".join(_named(a) for a in others[:3])
        more = f" and {len(others) - 3} more" if len(others) > 3 else ""
        raise NameTaken(f"{shown} is already a name of {listed}{more}",
                        tuple(a.id for a in others), listed + more)
    if actor_id is not None and found.get(actor_id, EXCLUDED) in (FULL, ACRONYM):
        named = _named(gazetteer.actors[actor_id])
        raise NameTaken(f"{named} already goes by {shown}", (actor_id,), named)


def _shape(name: str) -> str:
    """The matcher's key of `name` with every vowel the same: names whose words differ only in
    which vowel stands where share it ("Абу Мухаммад" and "Абу Мухаммед")."""
    return key_of(name).translate(_VOWELS)


def spelt_alike(gazetteer: Gazetteer, name: str) -> list[tuple[Actor, str]]:
    """(actor, its name or alias) that `name` is only another spelling of: the same words, one
    for one, differing in vowels only (not one of that actor's own names already). A new
    actor with such a name is most likely a duplicate of that one."""
    if not _shapes or _shapes[0][0] != gazetteer.content_hash:
        shapes: dict[str, list[tuple[str, str]]] = {}
        for actor in gazetteer.actors.values():
            for form in actor.full_forms():
                shapes.setdefault(_shape(form), []).append((actor.id, form))
        _shapes[:] = [(gazetteer.content_hash, shapes)]
    shape, key = _shape(name), key_of(name)
    if sum(c.isalpha() for c in shape) < _LEAST:
        return []
    found: dict[str, str] = {}
    for actor_id, form in _shapes[0][1].get(shape, ()):
        found.setdefault(actor_id, form)
    for actor_id in list(found):  # its own name already (in a cheaper test than `owners`)
        if any(key_of(form) == key for form in gazetteer.actors[actor_id].full_forms()):
            del found[actor_id]
    return [(gazetteer.actors[i], form) for i, form in found.items()]


def spelt_like(gazetteer: Gazetteer, name: str) -> tuple[str, str, str] | None:
    """(id, name, spelling) of the first listed actor `name` is only another spelling of."""
    alike = spelt_alike(gazetteer, name)
    return (alike[0][0].id, alike[0][0].name, alike[0][1]) if alike else None


def refusal(gazetteer: Gazetteer, name: str, actor_id: str | None = None) -> NameTaken | None:
    """What `check_free` would raise, or None: asked by a dialog before anything is written."""
    try:
        check_free(gazetteer, name, actor_id)
    except NameTaken as taken:
        return taken
    return None
