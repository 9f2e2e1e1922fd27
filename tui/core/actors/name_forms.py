"""The name forms the actor matcher looks for: each actor's listed names, acronyms, surnames,
exclusions and derived last names, with the spellings writers use for them, and the keys
each form is found by in the text's normal form (inflections and spacings)."""

from __future__ import annotations

from collections.abc import Iterator

from tui.core.actors.gazetteer import Actor
from tui.core.actors.spellings import written_alike
from tui.core.actors.text import expand_form, keys_of, last_token, script_of

FULL, ACRONYM, SURNAME, DERIVED, EXCLUDED = 0, 1, 2, 3, 4  # how a name form may be used


def name_forms(actor: Actor) -> Iterator[tuple[str, int]]:
    """(form, use) for every name form of `actor` the matcher looks for, before inflection,
    with the spellings writers use for them (spellings.py)."""
    for form, use in _listed_forms(actor):
        yield form, use
        for spelt in written_alike(form, actor.name) if use != ACRONYM else ():
            yield spelt, use


def _listed_forms(actor: Actor) -> Iterator[tuple[str, int]]:
    yield from ((form, FULL) for form in actor.full_forms())
    yield from ((form, ACRONYM) for form in actor.acronyms)
    yield from ((form, SURNAME) for form in actor.surnames)
    yield from ((form, EXCLUDED) for form in actor.exclude)
    if actor.kind == "person" and not actor.family_first:
        # Last names come from the name and native-script aliases, never from Latin
        # aliases: "Russian President" must not make "President" a second reference.
        native = [f for f in actor.aliases if script_of(f) != "latin"]
        for form in (actor.name, *native):
            derived = last_token(form)
            if derived is not None:
                yield derived, DERIVED


def form_keys(form: str, use: int) -> Iterator[tuple[str, str]]:
    """(variant, automaton key) for `form`: its inflections (not an acronym's), each with the
    spacings the text's normal form may have."""
    for variant in [form] if use == ACRONYM else expand_form(form):
        for key in keys_of(variant):
            if len(key.strip()) >= 2:
                yield variant, key
