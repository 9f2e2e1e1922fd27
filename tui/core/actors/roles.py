# ruff: noqa: RUF001  (Cyrillic and Arabic script are the point here)
"""Role phrases ("Russia's defence minister", "министр обороны России") to the person who held
the office on the article's date.

A phrase resolves only when the answer is certain, because a wrong name is worse than none:
- the office has exactly one holder over the whole of the article's day in any time zone (a
  handover, a vacancy or an undated article leaves it unresolved);
- the phrase stands for the person on its own: a name right beside it ("Russia's defence
  minister Andrei Belousov", "Andrei Belousov, Russia's defence minister") is the mention, and
  the phrase only a title;
- it is not qualified as another time: "former", "late", "then", "ex-", "бывший", "السابق"...

Offices come from `offices.py`; phrases are matched like gazetteer names (whole words in any
script, Russian declension, Arabic clitics), over the matcher's normalised text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta
from typing import NamedTuple

import ahocorasick

from tui.core.actors.offices import Office, Term
from tui.core.actors.text import expand_form, key_of

# The article's day runs from UTC-12 to UTC+14: any holder change inside it is ambiguous.
_BEFORE, _AFTER = timedelta(hours=14), timedelta(hours=12)
# Words that put the phrase in another time; looked for right before the phrase (or right after
# it, where the language puts them there: "وزير الدفاع السابق", "رئیس‌جمهور سابق").
_TIME_BEFORE = re.compile(
    r"(?:\b(?:former|late|then|ex|erstwhile|previous|outgoing|incoming|future|next"
    r"|deputy|vice|elect)|(?<!\w)(?:бывш\w*|экс|покойн\w*|тогдашн\w*|будущ\w*"
    r"|врио|и\.\s?о\.|зам\w*|вице))[\s-]*$", re.IGNORECASE)
_TIME_AFTER = re.compile(r"^[\s-]*(?:السابق|السابقة|الراحل|سابق|پیشین|elect\b|-elect\b)",
                         re.IGNORECASE)
_NAME_AFTER = re.compile(r"^,?[ \u00a0]+(?:[A-ZА-ЯЁ][\w'’.-]+[ \u00a0]+){0,2}[A-ZА-ЯЁ][\w'’-]+")


class RoleMention(NamedTuple):
    office: str
    actor_id: str
    start: int  # offsets into the matcher's text (title + "\n\n" + body)
    end: int


class Title(NamedTuple):
    """A role phrase right beside a person's name: "Russian President Vladimir Putin"."""

    office: str
    start: int
    end: int
    name: tuple[int, int]  # the name's span


class RoleResolver:
    """Built once with the gazetteer (a few thousand phrase forms), reused for every article."""

    def __init__(self, offices: Mapping[str, Office]) -> None:
        self.offices = dict(offices)
        self._automaton = ahocorasick.Automaton()
        keys: dict[str, tuple[int, str, bool]] = {}
        for office in self.offices.values():
            for phrase in office.phrases:
                for variant in expand_form(phrase):
                    key = key_of(variant)
                    keys.setdefault(key, (len(key), office.id, variant.islower()))
        for key, value in keys.items():
            self._automaton.add_word(key, value)
        self.size = len(keys)
        if keys:
            self._automaton.make_automaton()

    def holder(self, office_id: str, published: datetime | None) -> str | None:
        """The one holder over the article's whole day, or None (vacancy, handover, undated)."""
        office = self.offices.get(office_id)
        if office is None or published is None:
            return None
        when = published if published.tzinfo else published.replace(tzinfo=UTC)
        first, last = (when - _BEFORE).date(), (when + _AFTER).date()
        days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
        holders = {t.actor for day in days for t in _terms_on(office, day)}
        if len(holders) != 1 or any(not _terms_on(office, day) for day in days):
            return None
        return holders.pop()

    def held_by(self, office_id: str, actor_id: str) -> bool:
        """Whether the person held the office at any time the file knows of."""
        office = self.offices.get(office_id)
        return office is not None and any(t.actor == actor_id for t in office.holders)

    def titles(self, text: str, norm: str, names: list[tuple[int, int]]) -> list[Title]:
        """Phrases right beside a name (a title, not a mention of their own), any date."""
        out = []
        for start, stop, office_id in self._phrases(text, norm):
            for s, e in names:
                if (s >= stop and _only_spaces(text[stop:s])) or (
                        e <= start and _only_spaces(text[e:start])):
                    out.append(Title(office_id, start, stop, (s, e)))
                    break
        return out

    def find(self, text: str, norm: str, published: datetime | None,
             names: list[tuple[int, int]]) -> list[RoleMention]:
        """Phrases in `text` (with `norm` its padded normal form) that resolve on `published`;
        `names` are the (start, end) spans of the people the gazetteer found."""
        if published is None:
            return []
        out = []
        for start, stop, office_id in self._phrases(text, norm):
            if _beside_a_name(text, start, stop, names) or _other_time(text, start, stop):
                continue
            actor_id = self.holder(office_id, published)
            if actor_id is not None:
                out.append(RoleMention(office_id, actor_id, start, stop))
        return out

    def phrases(self, text: str, norm: str) -> list[tuple[int, int]]:
        """Every office phrase in `text`, whatever the date: an office, never a person's
        name, even where no holder resolves (an undated article, "the former ...")."""
        return [(start, stop) for start, stop, _office in self._phrases(text, norm)]

    def _phrases(self, text: str, norm: str) -> list[tuple[int, int, str]]:
        """Every office phrase, longest first wins; the last texts' kept, as `titles`, `find`
        and `phrases` (the unlisted analyzer's) read the same articles one after another."""
        if not self.size:
            return []
        kept = _phrases_of.get(text)
        if kept is not None and kept[0] is self and kept[1] == norm:
            return kept[2]
        hits: list[tuple[int, int, str]] = []
        for end, (length, office_id, lower_ok) in self._automaton.iter(norm):
            start, stop = end - length + 1, end - 1
            if text[start:stop].islower() and not lower_ok:
                continue
            hits.append((start, stop, office_id))
        found = _longest(hits)
        if len(_phrases_of) >= 128:
            _phrases_of.clear()
        _phrases_of[text] = (self, norm, found)
        return found


# text -> (resolver, norm, its phrases), for the last texts read (`RoleResolver._phrases`):
# the actors and unlisted analyzers read a pool job's articles one after another
_phrases_of: dict[str, tuple[RoleResolver, str, list[tuple[int, int, str]]]] = {}


def _terms_on(office: Office, day: date) -> list[Term]:
    return [t for t in office.holders if t.covers(day)]


def _longest(hits: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    kept: list[tuple[int, int, str]] = []
    for hit in sorted(hits, key=lambda h: (h[0] - h[1], h[0])):
        if all(hit[1] <= k[0] or hit[0] >= k[1] for k in kept):
            kept.append(hit)
    return sorted(kept)


def _beside_a_name(text: str, start: int, end: int, names: list[tuple[int, int]]) -> bool:
    """A person named right before or after the phrase, or a capitalised name after it."""
    for s, e in names:
        if (s >= end and _only_spaces(text[end:s])) or (e <= start
                                                        and _only_spaces(text[e:start])):
            return True
    after = _NAME_AFTER.match(text[end:end + 60])
    return after is not None and after.group().strip(" ,").split()[0].lower() not in _NOT_NAMES


def _only_spaces(between: str) -> bool:
    return not between.strip(" ,\u00a0") and "\n" not in between


# Capitalised words after a phrase that are not a name ("the Iranian president Tuesday").
_NOT_NAMES = frozenset("""monday tuesday wednesday thursday friday saturday sunday january
february march april may june july august september october november december in on at and but
понедельник вторник среду среда четверг пятницу пятница субботу воскресенье в на""".split())  # noqa: SIM905


def _other_time(text: str, start: int, end: int) -> bool:
    return bool(_TIME_BEFORE.search(text[max(0, start - 24):start])
                or _TIME_AFTER.match(text[end:end + 16]))
