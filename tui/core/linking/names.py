"""What linking shows of an actor or place: its kind and a short display name.

From the gazetteer in use (the user's actors included), computed once per gazetteer.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tui.core.linking.text import place_matcher

_names: dict[str, dict[str, tuple[str, str]]] = {}
_in_use: list[Callable[[], Any]] = []


def _gazetteer() -> Any:
    """The gazetteer in use, its module imported on the first call only: an import statement
    runs on every call, and the text half asks per actor mention and span (those imports
    were ~7% of `raw_features`)."""
    if not _in_use:
        from tui.core.actors.gazetteer import in_use

        _in_use.append(in_use)
    return _in_use[0]()


def _actors() -> dict[str, tuple[str, str]]:
    """actor id -> (short display name, kind)."""
    gazetteer = _gazetteer()
    if gazetteer.content_hash not in _names:

        def short(a: Any) -> str:
            if a.kind != "person":
                return str(a.acronyms[0] if a.acronyms and len(a.name) > 24 else a.name)
            return str(a.surnames[0] if a.surnames else a.name.split()[-1])

        _names.clear()
        _names[gazetteer.content_hash] = {a.id: (short(a), a.kind)
                                          for a in gazetteer.actors.values()}
    return _names[gazetteer.content_hash]


def actor_kind(actor_id: str) -> str:
    known = _actors().get(actor_id)
    return known[1] if known else ""


def described_body(actor_id: str, words: str | None = None) -> bool:
    """A state body found by description and not by a name of its own: an organisation the
    bodies table made ("Interior Ministry of Jordan"), or `words` that are none of the forms the
    matcher finds a listed body by ("وزارت امور خارجه" alone; a name declined or with a clitic
    is still a name). Like a state, it says little about which event an article is about, so it
    drives no links (the linker's features stay those of names)."""
    made, forms = _bodies()
    if actor_id in made:
        return True
    listed = forms.get(actor_id)
    if listed is None or words is None:
        return False
    return _key_of[0](words) not in listed


def listed_body(actor_id: str) -> bool:
    """A listed body, the one kind for which `described_body(actor_id, words)` depends on the
    words: for any other actor, asked once, not once a span."""
    return actor_id in _bodies()[1]


_body_forms: dict[str, tuple[frozenset[str], dict[str, set[str]]]] = {}
_key_of: list[Callable[[str], str]] = []  # actors.text.key_of, bound with the forms


def _bodies() -> tuple[frozenset[str], dict[str, set[str]]]:
    """(ids the bodies table made, listed body id -> its listed forms' keys), per gazetteer."""
    gazetteer = _gazetteer()
    if gazetteer.content_hash not in _body_forms:
        from tui.core.actors.text import expand_form, key_of, keys_of

        bodies = gazetteer.bodies
        made = frozenset(b.id for b in bodies.new) if bodies is not None else frozenset()
        listed = set(bodies.actor.values()) - made if bodies is not None else set()
        # every key the matcher finds a listed form by, declined (Russian) and with clitics
        # (Arabic) too: a name in the genitive is a name, not a description
        forms = {a: {k for f in gazetteer.actors[a].full_forms() for v in expand_form(f)
                     for k in keys_of(v)} | {key_of(f) for f in gazetteer.actors[a].acronyms}
                 for a in listed if a in gazetteer.actors}
        _body_forms.clear()
        _body_forms[gazetteer.content_hash] = (made, forms)
        _key_of[:] = [key_of]
    return _body_forms[gazetteer.content_hash]


_facts: dict[str, dict[str, tuple[str, bool, bool]]] = {}


def actor_facts() -> dict[str, tuple[str, bool, bool]]:
    """actor id -> (kind, drives links, listed body) of the gazetteer in use, for the ids asked
    so far (`features.actor_fact` adds the rest): what the links' text half asked per mention
    row, three walks to the gazetteer each, looked up once per article."""
    gazetteer = _gazetteer()
    found = _facts.get(gazetteer.content_hash)
    if found is None:
        _facts.clear()
        found = _facts[gazetteer.content_hash] = {}
    return found


def drives_links(kind: str) -> bool:
    """The one rule on which actors may link articles: a news outlet cited as a source ("TASS
    reported", kind media) says nothing about which event an article is about, so it is
    highlighted and searchable but never a link feature."""
    return kind != "media"


_FACTS_MAX = 50_000


def actor_fact(facts: dict[str, tuple[str, bool, bool]], actor_id: str
               ) -> tuple[str, bool, bool]:
    """`facts[actor_id]` (`names.actor_facts`), made when missing: the actor's kind, whether
    it may drive links (`drives_links`, and no body made by description), and whether it is
    a listed body (`names.listed_body`)."""
    if len(facts) > _FACTS_MAX:  # the ids asked include unlisted people's name keys
        facts.clear()
    kind = actor_kind(actor_id)
    fact = facts[actor_id] = (kind, drives_links(kind) and not described_body(actor_id),
                              listed_body(actor_id))
    return fact


def place_kind(place_id: str) -> str:
    place = place_matcher().places.get(place_id)
    return place.kind if place else ""


def place_country(place_id: str) -> tuple[str, ...]:
    """The states (their actor ids) a place belongs to; a country is its own."""
    place = place_matcher().places.get(place_id)
    return place.country if place else ()


def display_name(key: str) -> str:
    """"a:sergei-shoigu" -> "Shoigu", "p:tehran" -> "Tehran"; a person nobody listed by
    the key of their name ("a:~Borodin" -> "Borodin", `name_keys`)."""
    kind, _, ident = key.partition(":")
    if ident[:1] == "~":
        return ident[1:]
    if kind == "p":
        place = place_matcher().places.get(ident)
        return place.name if place else ident
    known = _actors().get(ident)
    return known[0] if known else ident.replace("-", " ").title()
