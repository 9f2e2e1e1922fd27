# ruff: noqa: RUF001  (Cyrillic capitals in a pattern)
"""Everything the actors analyzers find in one article, from one normalised copy of its text:
gazetteer names (matcher.py), role phrases resolved to the holder on the article's date
(roles.py), and people the gazetteer does not list yet (unlisted.py).

Built once per process and gazetteer version; the analyzers and the evaluation call it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from tui.core.actors.demonyms import DemonymStates
from tui.core.actors.gazetteer import Gazetteer
from tui.core.actors.matcher import Matcher, Mention, joined, padded_norm
from tui.core.actors.offices import Office, OfficeError, load_offices
from tui.core.actors.roles import RoleResolver
from tui.core.actors.text import key_of
from tui.core.actors.titles import EN_NOT_NAME, EN_TITLES, RU_TITLES
from tui.core.actors.unlisted import UnlistedFinder
from tui.core.actors.unlisted_gate import UnlistedGate
from tui.core.actors.unmarked import unmark

Span = tuple[str, int, int]  # (field "title"|"body", start, end)
# a mention as `Mention`'s fields: (actor id, field, start, end, office or None)
Placed = tuple[str, str, int, int, str | None]
_WORD_BEFORE = re.compile(r"([A-ZА-ЯЁ][\w'’-]+)[ \u00a0]$")


def _given_name(word: str) -> bool:
    return len(word) > 2 and word[:1].isupper() and word.lower() not in _NOT_GIVEN


def _placed(spans: Sequence[tuple[int, int, str]], split: int, office: str | None = None
            ) -> list[Placed]:
    """`matcher.to_mentions` as tuples; `split`: where the body starts in the joined text."""
    return [(a, "title", s, e, office) if s < split else (a, "body", s - split, e - split, office)
            for s, e, a in spans]


def _text_order(m: Placed) -> tuple[bool, int]:
    """Title first, then by start (the order `mentions` are in)."""
    return m[1] != "title", m[2]


_NOT_GIVEN = EN_TITLES | EN_NOT_NAME | RU_TITLES | {"sheikh", "king", "prince", "emir", "mr",
                                                    "queen", "pope", "ayatollah", "sayyed"}


@dataclass(frozen=True, slots=True)
class UnlistedName:
    """A person named with a title or an attribution whom the gazetteer lacks."""

    name: str
    kind: str
    description: str
    spans: tuple[Span, ...]


class Recognizer:
    def __init__(self, gazetteer: Gazetteer, offices: dict[str, Office] | None = None) -> None:
        self.gazetteer = gazetteer
        self.matcher = Matcher(gazetteer)
        if offices is None:
            try:
                offices = load_offices(gazetteer)
            except OfficeError:  # a user's override removed a holder: no roles, no crash
                offices = {}
        self.roles = RoleResolver(offices)
        self.demonyms = DemonymStates({a.id for a in gazetteer.actors.values()
                                       if a.kind == "state"})
        known: set[str] = set()
        given: set[str] = set()  # first names of the gazetteer's people, in any script
        for actor in gazetteer.actors.values():
            for form in (*actor.full_forms(), *actor.acronyms, *actor.surnames):
                known.add(key_of(form))
            if actor.kind == "person":
                given.update(w.split()[0] for w in actor.full_forms()
                             if " " in w and _given_name(w.split()[0]))
        self.given = {g.lower() for g in given}
        self.unlisted_finder = UnlistedFinder(known, given)
        self.unlisted_gate = UnlistedGate()

    def mentions(self, title: str, body: str, published: datetime | None) -> list[Mention]:
        """Gazetteer mentions, then role phrases resolved on `published` (None: undated, so no
        role resolves), in text order; found in the text without vowel marks (unmarked.py),
        spans as written."""
        return [Mention(*found) for found in self.mention_tuples(title, body, published)]

    def mention_tuples(self, title: str, body: str, published: datetime | None
                       ) -> list[Placed]:
        """`mentions` as (actor id, field, start, end, office) tuples, what the actors
        analyzer writes rows from: no object made per mention."""
        title_, body_ = unmark(title), unmark(body)
        found = self._mentions(title_.text, body_.text, published)
        if title_.where is None and body_.where is None:
            return found
        return [(actor_id, field, *(title_ if field == "title" else body_).back(start, end),
                 office) for actor_id, field, start, end, office in found]

    def _mentions(self, title: str, body: str, published: datetime | None) -> list[Placed]:
        text = joined(title, body)
        norm = padded_norm(text)
        actors = self.gazetteer.actors
        spans: list[tuple[int, int, str]] = []
        people: list[tuple[int, int]] = []  # the people's spans among them
        for span in self.matcher.match_text(text, norm, len(title)):
            if actors[span[2]].kind != "person":  # each actor's kind asked once
                spans.append(span)
            elif not self._someone_else(text, span):
                spans.append(span)
                people.append(span[:2])
        for title_span in self.roles.titles(text, norm, people):
            # "Russian President Vladimir Putin": the title joins the holder's mention. A name
            # between two titles ("Qatar's Prime Minister X, CIA Director Y") may already have
            # grown by the first, so the mention is the span holding the name.
            start, end = title_span.name
            n = next((n for n, (s, e, _a) in enumerate(spans) if s <= start and end <= e), None)
            if n is None:
                continue
            s, e, actor_id = spans[n]
            if self.roles.held_by(title_span.office, actor_id):
                spans[n] = (min(s, title_span.start), max(e, title_span.end), actor_id)
        split = len(title) + 2
        mentions = _placed(spans, split)
        taken = [(s, e) for s, e, _a in spans]
        for role in self.roles.find(text, norm, published, people):
            if (role.start, role.end, role.actor_id) not in spans:
                taken.append((role.start, role.end))
                mentions += _placed([(role.start, role.end, role.actor_id)], split, role.office)
        # "Israeli strikes": the state acts, where no name or role holds the demonym
        mentions += _placed([d for d in self.demonyms.find(text) if not any(
            s < d[1] and d[0] < e for s, e in taken)], split)
        mentions.sort(key=_text_order)
        return mentions

    def _someone_else(self, text: str, span: tuple[int, int, str]) -> bool:
        """A listed person's surname alone, after another first name: "Mohsen Eslami" is not
        Mohammad Eslami."""
        start, end, actor_id = span
        actor = self.gazetteer.actors[actor_id]
        word = text[start:end]
        if actor.kind != "person" or " " in word.strip():
            return False
        before = _WORD_BEFORE.search(text, max(0, start - 40), start)
        if before is None or before.group(1).lower() not in self.given:
            return False
        own = {w.lower() for form in actor.full_forms() for w in form.split()}
        return before.group(1).lower() not in own

    def unlisted(self, title: str, body: str, taken: Sequence[Span]) -> list[UnlistedName]:
        """People named with a title or an attribution, outside the `taken` spans (what the
        gazetteer, the offices and the places found). Read without vowel marks (unmarked.py):
        a mark never cuts a name, which is given without them; spans are as written."""
        title_, body_ = unmark(title), unmark(body)
        if title_.where is not None or body_.where is not None:
            taken = [(f, *(title_ if f == "title" else body_).forth(s, e)) for f, s, e in taken]
        found = self._unlisted(title_.text, body_.text, taken)
        if title_.where is None and body_.where is None:
            return found
        return [replace(u, spans=tuple((f, *(title_ if f == "title" else body_).back(s, e))
                                       for f, s, e in u.spans)) for u in found]

    def _unlisted(self, title: str, body: str, taken: Sequence[Span]) -> list[UnlistedName]:
        text = joined(title, body)
        split = len(title) + 2
        blocked = [(s if f == "title" else s + split, e if f == "title" else e + split)
                   for f, s, e in taken]
        if not self.unlisted_gate.may_name(text, blocked):  # most articles: nobody unlisted
            return []
        norm = padded_norm(text)
        # An office's phrase is no name on any date: undated, no holder resolved it, so it
        # was not in `taken`, and "مستشار للرئيس الإيراني" read as a person after a title.
        blocked += self.roles.phrases(text, norm)
        out = []
        for found in self.unlisted_finder.find(text, norm, blocked):
            spans = tuple(("title", s, e) if s < split else ("body", s - split, e - split)
                          for s, e in found.spans)
            out.append(UnlistedName(found.name, found.kind, found.description, spans))
        return out
