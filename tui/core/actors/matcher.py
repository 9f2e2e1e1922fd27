"""Find gazetteer actors in article text: one Aho-Corasick pass, then attribution rules.

Pure (no SQL, no UI). Rules, in the order they apply:
- keys are whole words in any script (see `actor_text`); overlapping hits keep the longest;
- acronyms match case-sensitively; names match in any case except all-lowercase (so "turkey"
  and "fine china" do not, "TURKEY" and "Turkey" do);
- an `exclude` phrase ("Richard Wagner", "Jordan Valley") wins as the longer match and yields
  nothing, which is how known decoys are silenced;
- an organisation inside a person's form ("Kremlin aide") counts too, and a person or a state
  inside an organisation's ("Netanyahu's office", "Turkey's foreign ministry");
- a full name or alias always counts; a surname alone ("Bagheri") goes to the candidate whose
  `cues` ("General Staff") stand beside it, else to the one named nearest before it (title,
  then body), else to the sole actor listing it in `surnames`; else it is dropped.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from operator import attrgetter, itemgetter
from typing import NamedTuple

import ahocorasick

from tui.core.actors.bodies import Slot, body_span
from tui.core.actors.gazetteer import Actor, Gazetteer, GazetteerError, load_gazetteer
from tui.core.actors.name_forms import (
    ACRONYM,
    EXCLUDED,
    FULL,
    SURNAME,
    form_keys,
    name_forms,
)
from tui.core.actors.place_heads import placed
from tui.core.actors.spans import mask, merge_adjacent, nearest_named
from tui.core.actors.text import key_of, normalize, squeeze
from tui.core.actors.translit import spelling_variants
from tui.core.actors.unmarked import placed_back, unmark

__all__ = ["Actor", "Gazetteer", "GazetteerError", "Matcher", "Mention", "load_gazetteer"]

DESCRIBED = 5  # a state body found by description (bodies.py), not a form of the gazetteer
_CUE_BEFORE = 80  # characters scanned for cues before an ambiguous surname
_CUE_AFTER = 50


@dataclass(frozen=True, slots=True)
class Mention:
    actor_id: str
    field: str  # "title" | "body"
    start: int
    end: int
    office: str | None = None  # set when a role phrase named the holder (roles.py)


class _Form(NamedTuple):
    actor_id: str
    use: int
    text: str  # the form as written (acronyms: squeezed), for the case check


class _Hit(NamedTuple):
    start: int  # offsets into title + "\n\n" + body
    end: int
    forms: tuple[_Form, ...]
    strong: str | None  # the one actor whose full name/acronym this is, if exactly one


class _Key(NamedTuple):
    """What the automaton returns for a key, precomputed so the per-hit work stays small."""

    length: int
    forms: tuple[_Form, ...]
    lower_forms: tuple[_Form, ...]  # the forms an all-lowercase hit may still match
    has_acronym: bool
    strong: str | None
    lower_strong: str | None
    roles: tuple[int | Slot, ...] = ()  # pieces of the bodies table (bodies.py)
    piece: bool = False  # a body's fixed words among them (a slot alone composes nothing)
    lead: tuple[_Form, ...] | None = None  # the forms a hit not capitalised as a made name
    # may match, when not all: a body's name made from the table ("Government of Gaza",
    # "Hungarian Government") is a name only as written; "the future government of Gaza",
    # "the Hungarian government" describe (the table's heads judge those)


_FORMS, _LAST, _USE = attrgetter("forms"), itemgetter(-1), attrgetter("use")


def _strong(forms: tuple[_Form, ...]) -> str | None:
    ids = {f.actor_id for f in forms if f.use in (FULL, ACRONYM)}
    return ids.pop() if len(ids) == 1 else None


def _as_written(piece: str, key: _Key) -> bool:
    """Each word capitalised as in one of the key's made names ("Hungarian Government")."""
    caps = [w[:1].isupper() for w in piece.split()]
    return any(f not in (key.lead or ()) and [w[:1].isupper() for w in f.text.split()] == caps
               for f in key.forms)


def _case_ok(form: _Form, found: str) -> bool:
    if form.use == ACRONYM:
        return squeeze(found) == form.text
    # Lowercase text only matches a form written in lowercase ("turkey" is not Turkey).
    return not found.islower() or form.text.islower()


class Matcher:
    """Built once per gazetteer (~0.1 s for thousands of forms), reused for every article."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        forms: dict[str, dict[str, _Form]] = {}
        self._family_first: set[str] = set()

        def add(actor: Actor, form: str, use: int) -> None:
            for variant, key in form_keys(form, use):
                slot = forms.setdefault(key, {})
                # Per key and actor keep the strongest use (FULL, SURNAME, then DERIVED).
                old = slot.get(actor.id)
                text = squeeze(variant) if use == ACRONYM else variant
                if old is None or use < old.use:
                    slot[actor.id] = _Form(actor.id, use, text)
                elif use == old.use == ACRONYM and text != old.text:
                    # "TUSAŞ" folds to the key of "TUSAS": each spelling is kept, as an
                    # acronym matches only as written (`_case_ok`), so "MIT" is no "MİT".
                    slot[f"{actor.id}\t{text}"] = _Form(actor.id, use, text)

        for actor in gazetteer.actors.values():
            for form, use in name_forms(actor):
                add(actor, form, use)
            if actor.kind == "person" and actor.family_first:
                self._family_first.add(actor.id)
        listed = set(forms)  # a spelling some actor lists is never another's variant
        for actor in gazetteer.actors.values():
            for variant in spelling_variants(actor):
                for _, key in form_keys(variant, FULL):
                    if key not in listed:
                        slot = forms.setdefault(key, {})
                        slot.setdefault(actor.id, _Form(actor.id, FULL, variant))
        self._cues = {a.id: tuple(key_of(c) for c in a.cues) for a in gazetteer.actors.values()}
        self._cue_names = frozenset(k for keys in self._cues.values() for k in keys)
        self._bodies = gazetteer.bodies
        roles = self._bodies.roles if self._bodies is not None else {}
        made = {b.id for b in self._bodies.new} if self._bodies is not None else set()
        self._automaton = ahocorasick.Automaton()
        for key in forms.keys() | roles.keys():
            entries = tuple(sorted(forms.get(key, {}).values(), key=lambda f: (f.use, f.actor_id)))
            lower = tuple(f for f in entries if f.use != ACRONYM and f.text.islower())
            lead = tuple(f for f in entries if f.actor_id not in made or f.text[:1].islower())
            self._automaton.add_word(key, _Key(
                len(key), entries, lower, any(f.use == ACRONYM for f in entries),
                _strong(entries), _strong(lower), tuple(roles.get(key, ())),
                any(isinstance(r, int) for r in roles.get(key, ())),
                None if lead == entries else lead))
        self._automaton.make_automaton()
        self.key_count = len(forms)

    def _hits(self, text: str, norm: str) -> tuple[list[_Hit], set[tuple[int, int]]]:
        """Valid, non-overlapping hits, longest first wins, in text order; bodies' spans."""
        found: list[_Hit] = []
        parts: list[tuple[int, int, tuple[int | Slot, ...]]] = []
        pieces = False
        key: _Key
        for end, key in self._automaton.iter(norm):
            start, stop = end - key.length + 1, end - 1  # key is padded: `text` coordinates
            if key.roles:
                parts.append((start, stop, key.roles))
                pieces = pieces or key.piece
                if not key.forms:
                    continue
            piece = text[start:stop]
            if key.has_acronym:
                ok = tuple(f for f in key.forms if _case_ok(f, piece))
                if ok:
                    found.append(_Hit(start, stop, ok, _strong(ok)))
            elif key.lead is not None and not _as_written(piece, key):
                if key.lead:
                    found.append(_Hit(start, stop, key.lead, _strong(key.lead)))
            elif not piece.islower():
                found.append(_Hit(start, stop, key.forms, key.strong))
            elif key.lower_forms:
                found.append(_Hit(start, stop, key.lower_forms, key.lower_strong))
        # some hit's strongest use excluded (forms sort by use, EXCLUDED last): asked in C
        if EXCLUDED in map(_USE, map(_LAST, map(_FORMS, found))):
            found = _apply_excludes(found)
        described: set[tuple[int, int]] = set()
        if pieces and self._bodies is not None:
            found = self._with_bodies(text, parts, found, described)
        if len(found) < 2:
            return found, described
        found.sort(key=lambda h: (h.start - h.end, h.start))
        starts: list[int] = []
        ends: list[int] = []
        kept: list[_Hit] = []
        for hit in found:
            i = bisect.bisect_left(starts, hit.start)
            if i > 0 and ends[i - 1] > hit.start:
                continue
            if i < len(starts) and starts[i] < hit.end:
                continue
            starts.insert(i, hit.start)
            ends.insert(i, hit.end)
            kept.insert(i, hit)
        return kept, described

    def _with_bodies(self, text: str, parts: list[tuple[int, int, tuple[int | Slot, ...]]],
                     found: list[_Hit], spans: set[tuple[int, int]]) -> list[_Hit]:
        """State bodies named by description (spans into `spans`), first: a tie with an
        excluded phrase goes to the body, a listed name of the same span stays listed."""
        assert self._bodies is not None
        described, alone, opened, heads = self._bodies.compose(text, parts)
        if not described and not alone:
            return found
        named = {(h.start, h.end) for h in found if h.forms}
        bodies = [_Hit(*body_span(s, e, heads.get((s, e))), (_Form(a, DESCRIBED, text[s:e]),),
                       a) for s, e, a in described if (s, e) not in named]
        if heads:  # a head before its state: what else claims the words yields to the body
            spans_ = [(s, e) for (s, e), cut in heads.items() if cut > 0 and (s, e) not in named]
            found = [h for h in found if not any(
                s <= h.start and h.end <= e and (not h.forms or h.end <= heads[(s, e)])
                for s, e in spans_)]
        spans.update((h.start, h.end) for h in bodies if (h.start, h.end) not in opened)
        # A head alone ("the interior ministry") refers back to a body of its kind named; a
        # body's words inside an organisation's longer name name no body ("البحرية البريطانية"
        # in UKMTO's Arabic name is no Royal Navy for "القوات البحرية" to refer back to).
        orgs = [(h.start, h.end) for h in found if h.strong and
                self.gazetteer.actors[h.strong].kind in ("org", "media")]
        present = {h.strong for h in found} | {a for s, e, a in described if not any(
            hs <= s and e <= he and he - hs > e - s for hs, he in orgs)}
        for s, e, ids in alone:
            refer = self._bodies.refer(text, s, e, ids, present)
            refs = tuple(_Form(a, SURNAME, text[s:e]) for a in refer)
            if refs and (s, e) not in named:
                bodies.append(_Hit(s, e, refs, None))
        return bodies + found if bodies else found

    def _cue_pick(self, norm: str, hit: _Hit, candidates: list[str]) -> str | None:
        """The candidate whose cue phrase sits closest to the hit, if any does."""
        # norm is text shifted by one (leading pad): the spaces around the name are included.
        before = norm[max(0, hit.start + 1 - _CUE_BEFORE):hit.start + 1]
        after = norm[hit.end + 1:hit.end + 2 + _CUE_AFTER]
        best: tuple[int, str] | None = None
        for actor_id in candidates:
            for cue in self._cues.get(actor_id, ()):
                pos = before.rfind(cue)
                if pos >= 0:
                    distance = len(before) - (pos + len(cue))
                    if best is None or distance < best[0]:
                        best = (distance, actor_id)
                pos = after.find(cue)
                if pos >= 0 and (best is None or pos + 1 < best[0]):
                    best = (pos + 1, actor_id)
        return None if best is None else best[1]

    def match(self, title: str, body: str) -> list[Mention]:
        """Every actor mention in the article, in text order, with offsets into title/body
        (read without vowel marks: unmarked.py)."""
        title_, body_ = unmark(title), unmark(body)
        text, split = joined(title_.text, body_.text), len(title_.text)
        return placed_back(to_mentions(self.match_text(text, padded_norm(text), split), split),
                           title_, body_)

    def match_text(self, text: str, norm: str, title_len: int) -> list[tuple[int, int, str]]:
        """(start, end, actor id) in `text` (see `joined`), `norm` its `padded_norm`."""
        hits, described = self._hits(text, norm)
        if not hits:
            return []
        named: dict[str, list[int]] = {}  # actor -> starts of attributed mentions
        resolved: list[tuple[int, int, str]] = []
        pending: list[_Hit] = []
        for hit in hits:
            if not hit.forms:  # "Richard Wagner": the span yields no mention
                continue
            if hit.strong is not None:
                named.setdefault(hit.strong, []).append(hit.start)
                resolved.append((hit.start, hit.end, hit.strong))
            else:
                pending.append(hit)
        # norm with every name blanked, "UN General Assembly" is no "General" cue, but a name
        # that is a cue as a whole ("Trump" beside a bare "Democrats") stays to be read.
        masked = ""
        places: set[str] | None = None  # surnames written as a place's name somewhere
        for hit in pending:
            candidates = list(dict.fromkeys(f.actor_id for f in hit.forms))
            choice = None
            if any(self._cues.get(c) for c in candidates):
                # A body found by description is no other name: its "General Staff" is a cue.
                masked = masked or mask(norm, [
                    h for h in hits if (h.start, h.end) not in described
                    and norm[h.start:h.end + 2] not in self._cue_names])
                choice = self._cue_pick(masked, hit, candidates)
            in_title = hit.start < title_len
            if choice is None:
                # A headline surname is spelled out in the body, so the title may look ahead.
                choice = nearest_named(named, candidates, hit.start, ahead=in_title)
            if choice is None:
                listed = [f.actor_id for f in hit.forms if f.use == SURNAME]
                # one actor claims the bare surname (others only derive it), unless a place's
                # head noun stands by it here or anywhere: "the Mulino range" (place_heads.py)
                if len(listed) == 1:
                    places = places if places is not None else placed(text, pending)
                    if text[hit.start:hit.end] not in places:
                        choice = listed[0]
            if choice is None and not in_title:
                choice = nearest_named(named, candidates, hit.start, ahead=True)
            if choice in self._family_first and _NAME_GOES_ON.match(text, hit.end) \
                    and all(f.use != FULL for f in hit.forms):
                continue  # "Kim" of "Kim Jong Il" is not Kim Jong Un, named before
            if choice is not None:
                if not in_title:  # a body surname sets the referent for the ones after it
                    bisect.insort(named.setdefault(choice, []), hit.start)
                resolved.append((hit.start, hit.end, choice))
        resolved.extend(self._inner_orgs(text, norm, resolved, described))
        return merge_adjacent(sorted(resolved), text)

    def _inner_orgs(self, text: str, norm: str, resolved: list[tuple[int, int, str]],
                    described: set[tuple[int, int]]) -> list[tuple[int, int, str]]:
        """Organisations named inside a person's longer form ("Kremlin" in "Kremlin aide"),
        people and states inside an organisation's ("Netanyahu" in "Netanyahu's office",
        "Turkey" in "Turkey's foreign ministry": the state acts through it)."""
        actors = self.gazetteer.actors
        inner_kinds = {"person": ("org", "media"), "org": ("person", "state")}
        out: list[tuple[int, int, str]] = []
        for start, end, actor_id in resolved:
            if (start, end) in described:  # no mention inside but a state's own name
                continue  # opening it ("Ukraine's ..."): "U.S. General Staff" is one
            wanted = inner_kinds.get(actors[actor_id].kind)
            if wanted is None or " " not in text[start:end].strip():
                continue
            piece = norm[start:end + 2]  # the span and its padding spaces, as keys are
            for stop, key in self._automaton.iter(piece):
                inner = stop - key.length + 1 + start, stop - 1 + start
                if inner[1] - inner[0] >= end - start:
                    continue
                words = text[inner[0]:inner[1]]
                found = {f.actor_id for f in key.forms if f.use in (FULL, ACRONYM, SURNAME)
                         and actors[f.actor_id].kind in wanted and _case_ok(f, words)}
                if len(found) != 1:  # one actor of that kind must claim the words
                    continue
                inner_id = found.pop()
                # A state acts through a body it opens ("Turkey's foreign ministry", "US
                # Central Command"), not one whose proper name ends on it ("Islamic
                # Resistance in Iraq", "Atomic Energy Organization of Iran").
                if actors[inner_id].kind != "state" or inner[0] == start:
                    out.append((inner[0], inner[1], inner_id))
        return out


def joined(title: str, body: str) -> str:
    """Title and body as the matcher reads them: two separators, so a name can wrap a line
    inside the body, never from the title into the body."""
    return f"{title}\n\n{body}"


_NORMS: dict[str, str] = {}  # text -> its padded norm, for the last texts read (128 at most)


def padded_norm(text: str) -> str:
    """" " + normalize(text) + " ", the form every automaton reads; a pool job's are kept, as
    the actors, places and unlisted analyzers read its articles one after another."""
    norm = _NORMS.get(text)
    if norm is None:
        if len(_NORMS) >= 128:
            _NORMS.clear()
        norm = _NORMS[text] = " " + normalize(text) + " "
    return norm


def to_mentions(spans: Iterable[tuple[int, int, str]], title_len: int,
                office: str | None = None) -> list[Mention]:
    split = title_len + 2
    return [Mention(a, "title", s, e, office) if s < split
            else Mention(a, "body", s - split, e - split, office) for s, e, a in spans]


# A capitalised word right after a bare family name: someone else's full name ("Kim Jong Il").
_NAME_GOES_ON = re.compile("[ \u00a0]+[A-Z\u0401\u0410-\u042f]")


def _apply_excludes(found: list[_Hit]) -> list[_Hit]:
    """An `exclude` phrase ("Richard Wagner") that is also another actor's name stays that
    actor's: The Guardian excludes "Guardian Council", which stays the Guardian Council. A
    phrase that is only excluded stays a hit with no forms: as the longest, it swallows the
    span, and `match_text` drops it."""
    out = []
    for hit in found:
        silenced = {f.actor_id for f in hit.forms if f.use == EXCLUDED}
        forms = tuple(f for f in hit.forms if f.actor_id not in silenced)
        if forms == hit.forms:
            out.append(hit)
        else:
            out.append(_Hit(hit.start, hit.end, forms, _strong(forms)))
    return out

