"""Find gazetteer actors in article text: one Aho-Corasick pass, then attribution rules.

Pure (no SQL, no UI). Rules, in the order they apply:
- keys are whole words in any script (see `actor_text`); overlapping hits keep the longest;
- acronyms match case-sensitively; names match in any case except all-lowercase (so "turkey"
  and "fine china" do not, "TURKEY" and "Turkey" do);
- a full name or alias always counts; a surname alone ("Bagheri") is attributed, in order, to
  the candidate whose `cues` ("General Staff") stand right before/after it, else to the
  candidate named nearest before it in the same article (title, then body), else to the sole
  actor that lists it in `surnames` (a person's last name is otherwise only a second
  reference); otherwise it is dropped as ambiguous.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

import ahocorasick

from tui.core.actor_gazetteer import Actor, Gazetteer, GazetteerError, load_gazetteer
from tui.core.actor_text import expand_form, key_of, last_token, normalize, squeeze

__all__ = ["Actor", "Gazetteer", "GazetteerError", "Matcher", "Mention", "load_gazetteer",
           "summarize"]

FULL, ACRONYM, SURNAME, DERIVED = 0, 1, 2, 3  # how a name form may be used
_CUE_BEFORE = 80  # characters scanned for cues before an ambiguous surname
_CUE_AFTER = 50


@dataclass(frozen=True, slots=True)
class Mention:
    actor_id: str
    field: str  # "title" | "body"
    start: int
    end: int


class _Form(NamedTuple):
    actor_id: str
    use: int
    text: str  # the form as written (acronyms: squeezed), for the case check


class _Hit(NamedTuple):
    start: int  # offsets into title + "\n" + body
    end: int
    forms: tuple[_Form, ...]


def _case_ok(form: _Form, found: str) -> bool:
    if form.use == ACRONYM:
        return squeeze(found) == form.text
    # Lowercase text only matches a form written in lowercase ("turkey" is not Turkey).
    return not found.islower() or form.text.islower()


class Matcher:
    """Built once per gazetteer (~a second for thousands of forms), then reused for every article."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        forms: dict[str, dict[str, _Form]] = {}

        def add(actor: Actor, form: str, use: int) -> None:
            variants = [form] if use == ACRONYM else expand_form(form)
            for variant in variants:
                key = key_of(variant)
                if len(key.strip()) < 2:
                    continue
                slot = forms.setdefault(key, {})
                # Per key and actor keep the strongest use (FULL beats SURNAME beats DERIVED).
                old = slot.get(actor.id)
                if old is None or use < old.use:
                    text = squeeze(variant) if use == ACRONYM else variant
                    slot[actor.id] = _Form(actor.id, use, text)

        for actor in gazetteer.actors.values():
            for form in actor.full_forms():
                add(actor, form, FULL)
            for form in actor.acronyms:
                add(actor, form, ACRONYM)
            for form in actor.surnames:
                add(actor, form, SURNAME)
            if actor.kind == "person":
                for form in actor.full_forms():
                    derived = last_token(form)
                    if derived is not None:
                        add(actor, derived, DERIVED)
        self._cues = {a.id: tuple(key_of(c) for c in a.cues) for a in gazetteer.actors.values()}
        self._automaton = ahocorasick.Automaton()
        for key, slot in forms.items():
            entries = tuple(sorted(slot.values(), key=lambda f: (f.use, f.actor_id)))
            self._automaton.add_word(key, (len(key), entries))
        self._automaton.make_automaton()
        self.key_count = len(forms)

    def _hits(self, text: str) -> list[_Hit]:
        """Valid, non-overlapping hits, longest first wins, returned in text order."""
        norm = " " + normalize(text) + " "
        found: list[_Hit] = []
        for end, (length, entries) in self._automaton.iter(norm):
            start, stop = end - length + 1, end - 1  # key is padded: inner text in `text` coords
            piece = text[start:stop]
            ok = tuple(f for f in entries if _case_ok(f, piece))
            if ok:
                found.append(_Hit(start, stop, ok))
        if len(found) < 2:
            return found
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
        return kept

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
        """Every actor mention in the article, in text order, with offsets into title/body."""
        text = f"{title}\n{body}"
        hits = self._hits(text)
        if not hits:
            return []
        named: dict[str, list[int]] = {}  # actor -> starts of attributed mentions
        resolved: list[tuple[int, int, str]] = []
        pending: list[_Hit] = []
        for hit in hits:
            strong = {f.actor_id for f in hit.forms if f.use in (FULL, ACRONYM)}
            if len(strong) == 1:
                actor_id = strong.pop()
                named.setdefault(actor_id, []).append(hit.start)
                resolved.append((hit.start, hit.end, actor_id))
            else:
                pending.append(hit)
        norm = ""
        for hit in pending:
            candidates = list(dict.fromkeys(f.actor_id for f in hit.forms))
            choice = None
            if any(self._cues.get(c) for c in candidates):
                norm = norm or " " + normalize(text) + " "
                choice = self._cue_pick(norm, hit, candidates)
            in_title = hit.start < len(title)
            if choice is None:
                # A headline surname is spelled out in the body, so the title may look ahead.
                choice = _nearest_named(named, candidates, hit.start, ahead=in_title)
            if choice is None:
                listed = [f.actor_id for f in hit.forms if f.use == SURNAME]
                if len(listed) == 1:  # one actor claims the bare surname; others only derive it
                    choice = listed[0]
            if choice is None and not in_title:
                choice = _nearest_named(named, candidates, hit.start, ahead=True)
            if choice is not None:
                if not in_title:  # a body surname sets the referent for the ones after it
                    bisect.insort(named.setdefault(choice, []), hit.start)
                resolved.append((hit.start, hit.end, choice))
        resolved = _merge_adjacent(sorted(resolved), text)
        split = len(title) + 1
        return [Mention(a, "title", s, e) if s < split else Mention(a, "body", s - split, e - split)
                for s, e, a in resolved]


def _nearest_named(named: dict[str, list[int]], candidates: list[str], at: int,
                   ahead: bool) -> str | None:
    """Of the candidates named in the article, the one named closest before `at`; with
    `ahead`, failing that, the one named closest after it."""
    best: tuple[int, str] | None = None
    for actor_id in candidates:
        starts = named.get(actor_id)
        if not starts:
            continue
        i = bisect.bisect_left(starts, at)
        if i == 0 and not ahead:
            continue
        distance = at - starts[i - 1] if i > 0 else 10**9 + starts[i] - at
        if best is None or distance < best[0]:
            best = (distance, actor_id)
    return None if best is None else best[1]


def _merge_adjacent(spans: list[tuple[int, int, str]], text: str) -> list[tuple[int, int, str]]:
    """One mention for "Russian President Vladimir Putin": same actor, only spaces between."""
    out: list[tuple[int, int, str]] = []
    for start, end, actor_id in spans:
        if out and out[-1][2] == actor_id and not text[out[-1][1]:start].strip() \
                and "\n" not in text[out[-1][1]:start]:
            out[-1] = (out[-1][0], end, actor_id)
        else:
            out.append((start, end, actor_id))
    return out


def summarize(mentions: Iterable[Mention]) -> list[tuple[str, int]]:
    """(actor_id, count), most mentioned first, ties by id for stable output."""
    counts = Counter(m.actor_id for m in mentions)
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))
