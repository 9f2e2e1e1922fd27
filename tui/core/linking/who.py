# ruff: noqa: RUF001 - Cyrillic, Arabic and Persian letters in the word lists are meant
"""Who struck whom, and where it landed: the agent and the target of an article's attack.

Two attacks a day apart share their actors, their region and their event type: a Houthi drone
on Tel Aviv and Israel's strike on Hodeidah the next day, Iran's missiles at Israel and
Israel's strike on Iran. What tells them apart is how news phrases the act itself: an agent
next to the act ("Israeli jets strike", "US drone strike", "иранского удара", "الغارات
الإسرائيلية", "حمله اسرائیل") and a target after it ("on Tel Aviv", "in Yemen's Hodeidah",
"по Израилю", "على الحديدة", "به تل‌آویو"). Read from the first clause of the headline that
names an act of violence; the lead's first such clause fills only what the headline leaves
out, and nothing further down counts (a retaliation's lead recalls the attack it answers). An
agent or target is a state, a place (a city counts its country too) or an organisation; a
demonym ("Israeli", "израильский") only ever names the agent. A pair then counts targets with
nothing in common against the same event (`apart`); a shared target, and one's agent as the
other's target, were tried as parts too and did not help out of sample
(tests/data/related_eval.md).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache

from tui.core.linking.what import normalise

LEAD_CHARS = 400  # the lead's first sentence or two
BEFORE = 4  # words before an act an agent may stand ("Iran fires about 180 missiles")
AFTER = 7  # words after an act its target may stand ("strikes 85 targets in Iraq")

# Acts of violence, by language: "*" a stem. General news vocabulary, not any one set's words.
ACTS = (
    "strike* struck airstrike* raid* bomb* shell* pound* attack* hit hits missile* rocket*"
    " drone* barrage* warplane* jets invade* invasion incursion* offensive assault* fired"
    " fires launch* targeted targeting killed assassinat* explod* explosion* blast*"
    " shooting",
    "удар* авиаудар* атак* атакова* обстрел* бомб* ракет* беспилот* дрон* налет* вторж*"
    " наступлени* нанес* ударил* убит* взрыв* подорв*",
    "غاره غارات قصف* يقصف* تقصف* هجوم ضربه ضربات صاروخ* صواريخ مسيره مسيرات استهداف استهدف*"
    " يستهدف* تستهدف* اغتيال*"
    " عدوان اجتياح توغل* تفجير* انفجار*",
    "حمله حملات بمباران* موشک* پهپاد* تجاوز ترور* شلیک* انفجار* اصابت",
)
# English acts whose object follows them: "jets strike Yemen's Hodeidah", "missile hits Odesa"
EN_VERBS = frozenset(normalise(
    "strike strikes struck hit hits pound pounds pounded bomb bombs bombed bombard bombards"
    " bombarded shell shells shelled attack attacks attacked target targets targeted"
    " invade invades invaded raid raids raided").split())
# words after which a name is the target: "on Tel Aviv", "по Израилю", "على الحديدة", "به تهران"
TARGET_MARKS = frozenset(normalise(
    "on at in into against across near targeting "
    "по на в во против "
    "على في ضد "
    "به بر در علیه").split())
AND = frozenset(normalise("and и و").split())
# words after which a name is the agent (a passive: "hit by Iranian missiles", "нанесенный ...")
AGENT_MARKS = frozenset(normalise("by from توسط من قبل").split())
# a clause ends at punctuation or at a word that starts another event ("a day after ...");
# after a reply ("in retaliation for the Jordan attack", "в ответ на", "ردا على", "در تلافی")
# the rest of the sentence is the event answered, so the reading of it ends there (not after
# "after": "calls for restraint after Iran's attack on Israel" names its own event)
REPLIES = frozenset(normalise(
    "retaliation revenge response reprisal reply "
    "ответ отместку возмездие "
    "ردا رد انتقاما "
    "تلافی پاسخ انتقام").split())
STOP_WORDS = REPLIES | frozenset(normalise(
    "as after while amid before following when since says said but "
    "после пока когда заявил заявили "
    "بعد اثر إثر بينما عقب "
    "پس بعد هنگامی").split())
# acts whose name before them is the victim, not the agent ("Haniyeh killed in Tehran")
PASSIVE = frozenset(normalise("killed убит").split())
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)?|[;:,.!?()«»\"“”—–|]")
_BREAK = frozenset(";:,.!?()«»\"“”—–|")
_ARABIC = re.compile("[\u0600-\u06ff]")
_PERSIAN = re.compile("[پچژگکی]")  # letters Arabic does not write: "ب" is no clitic there
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_CLITICS = ("و", "ف", "ب", "ل", "ك")


@dataclass(frozen=True, slots=True)
class _Acts:
    exact: frozenset[str]
    stems: tuple[str, ...]


@cache
def _acts() -> _Acts:
    exact, stems = set(), []
    for line in ACTS:
        for cue in normalise(line).split():
            (stems.append(cue[:-1]) if cue.endswith("*") else exact.add(cue))
    return _Acts(frozenset(exact), tuple(sorted(stems, key=len, reverse=True)))


def _is_act(word: str) -> bool:
    acts = _acts()
    return word in acts.exact or word.startswith(acts.stems)


@dataclass(frozen=True, slots=True)
class _Place:
    words: tuple[str, ...]
    keys: tuple[str, ...]  # the place and its country
    kind: str  # "demonym", "state" (a country) or "place" (a city, region, sea)


@cache
def _places() -> dict[str, list[_Place]]:
    """first folded word's first letters -> place forms (demonyms included, in any case:
    "израильский")."""
    from tui.core.linking.text import bundled_places

    index: dict[str, list[_Place]] = {}
    for place, forms in bundled_places():
        kind = {"demonym": "demonym", "country": "state"}.get(place.kind, "place")
        keys = tuple(dict.fromkeys(place.country if kind != "place"
                                   else (place.id, *place.country)))
        for form in forms:
            words = tuple(_fold(w) for w in _TOKEN.findall(form) if w not in _BREAK)
            if words:
                index.setdefault(words[0][:5], []).append(_Place(words, keys, kind))
    return index


@cache
def _kinds() -> dict[str, str]:
    """place id -> "state" (a country) or "place" (a city, region or sea)."""
    from tui.core.linking.text import bundled_places

    return {p.id: "state" if p.kind == "country" else "place"
            for p, _forms in bundled_places() if p.kind != "demonym"}


def _fold(word: str) -> str:
    """As the word lists are written; "Yemen's" is Yemen (then a place of it may follow)."""
    word = normalise(word).replace(" ", "")
    return word[:-2] if word.endswith(("'s", "’s")) else word


def _same(word: str, form: str) -> bool:
    """A text word and a form's word: Russian case endings and Arabic clitics allowed."""
    if word == form:
        return True
    if _ARABIC.match(word):
        return word[:1] in _CLITICS and word[1:] == form
    # a Russian adjective changes its two last letters ("израильский" -> "израильская")
    stem = form[:-2] if form.endswith(("ий", "ый", "ой")) else form[:-1]
    return (not word.isascii() and len(form) >= 4 and word.startswith(stem)
            and len(word) - len(form) <= 3)


Entity = tuple[tuple[str, ...], str]  # (keys, kind: demonym, state, place, actor)


def _entities(words: list[str], actors: dict[int, tuple[str, str]]
              ) -> dict[int, tuple[Entity, int]]:
    """word index -> (entity, words it spans): actors (found by the gazetteer) first."""
    out: dict[int, tuple[Entity, int]] = {i: (((a,), kind), 1) for i, (a, kind)
                                          in actors.items()}
    places = _places()
    i = 0
    while i < len(words):
        if i in out:
            i += 1
            continue
        w = words[i]
        # forms are indexed by their first five letters; a short one declined ("Киеву" for
        # "Киев") or with a clitic ("والحديدة") is found by its own first letters
        heads = [w[:5], w[:4], w[:3]]
        if _ARABIC.match(w) and w[:1] in _CLITICS:
            heads += [w[1:6], w[1:5], w[1:4]]
        best: _Place | None = None
        # the most words, then the longest form: "украинские" is the demonym "украинский",
        # not the country "Украина" declined
        for head in heads:
            for p in places.get(head, ()):
                n = len(p.words)
                if (best is None or (n, len(p.words[0])) > (len(best.words), len(best.words[0]))
                        ) and i + n <= len(words) and all(
                        _same(words[i + k], p.words[k]) for k in range(n)):
                    best = p
        if best is not None:
            out[i] = ((best.keys, best.kind), len(best.words))
            i += len(best.words)
        else:
            i += 1
    return out


@dataclass(frozen=True, slots=True)
class Roles:
    agents: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    # derived: where it landed (states, and places below them), and who was hit (actors)
    states: frozenset[str] = field(default=frozenset(), compare=False)
    places: frozenset[str] = field(default=frozenset(), compare=False)
    victims: frozenset[str] = field(default=frozenset(), compare=False)

    def __post_init__(self) -> None:
        kinds = _kinds()
        object.__setattr__(self, "states", frozenset(
            k for k in self.targets if kinds.get(k) == "state"))
        object.__setattr__(self, "places", frozenset(
            k for k in self.targets if kinds.get(k) == "place"))
        object.__setattr__(self, "victims", frozenset(
            k for k in self.targets if k not in kinds))

    def dumps(self) -> list[list[str]]:
        return [list(self.agents), list(self.targets)]

    @classmethod
    def loads(cls, data: Sequence[Sequence[str]] | None) -> Roles:
        return cls(tuple(data[0]), tuple(data[1])) if data else NONE


NONE = Roles()  # no act read: shared, as most articles have it (every candidate loads one)


def _verb(word: str) -> bool:
    """A Russian act in the past tense ("атаковали", "нанес"): what follows is its object."""
    return word.endswith(("л", "ла", "ли", "ло")) or word.startswith("нанес")


def _clause_roles(words: list[str], ents: dict[int, tuple[Entity, int]], start: int,
                  end: int, act: int, script: str) -> tuple[set[str], set[str]]:
    """The agents and targets around the act at `act` (words start:end are its clause)."""
    agents: set[str] = set()
    targets: set[str] = set()
    # before the act: its subject or adjective ("Iran fires", "Israeli jets", "US drone"),
    # or where it happened ("the Nuseirat school raid"); before a passive, the victim
    # (in English; in Russian, Arabic and Persian a place before the act is rather the
    # subject of another verb: "Тегеран осудил теракт", "تهران حمله را محکوم کرد")
    # Not across another act or a clause word: in "US troops killed in drone attack" the
    # drone has no agent, in "Missiles over Lebanon as Iran strikes" Lebanon does not strike.
    passive = words[act] in PASSIVE
    first = max(start, act - BEFORE)
    first = next((j + 1 for j in range(act - 1, first - 1, -1) if words[j] in STOP_WORDS
                  or (j not in ents and _is_act(words[j]))), first)
    for i in range(first, act):
        if i in ents:
            (keys, kind), n = ents[i]
            near = act - (i + n) <= 1  # "Israeli air strike", "the Nuseirat school raid"
            if not passive and (kind in ("state", "actor") or (kind == "demonym" and near)):
                agents.update(keys)
            elif near and script == "latn":  # "US soldiers killed": the victims
                targets.update(keys)
            elif script == "fa" and i + n < act and words[i + n] == "را":
                targets.update(keys)  # Persian marks the object: "بندر حدیده را بمباران کردند"
    # after it: the target after a mark ("on", "по", "على", "به") or as its object right
    # after a verb; the agent after "by"/"from", or as a genitive or adjective in Russian,
    # Arabic and Persian ("удар Ирана", "الغارات الإسرائيلية", "حمله اسرائیل")
    marked = by = False
    chain = -1  # where a target just read ends: "Yemen's Hodeidah" names one place
    i = act + 1
    while i < min(end, act + 1 + AFTER):
        w = words[i]
        if w in STOP_WORDS:
            break
        if w in TARGET_MARKS or (script == "arab" and w[:1] == "ب" and i not in ents) or (
                w in AND and chain == i):  # "in Iraq and Syria", "по Киеву и Одессе"
            marked, by = True, False
        elif w in AGENT_MARKS:
            marked, by = False, True
        if i not in ents:
            i += 1
            continue
        (keys, kind), n = ents[i]
        next_act = any(_is_act(words[j]) for j in range(i + n, min(i + n + 2, end)))
        if by or (kind == "demonym" and next_act):  # "in an Israeli air strike"
            agents.update(keys)
        elif marked or i == chain:
            if kind != "demonym" or not agents:
                targets.update(keys)
                chain = i + n
            marked = False  # one mark, one target: "attacks on US forces to avoid embarrassing
            # Baghdad" did not strike Baghdad
        elif i - act <= 2:  # right after the act, no mark
            if script == "latn":
                if words[i - 1] in EN_VERBS or (words[i - 1] == "the" and words[i - 2] in EN_VERBS):
                    targets.update(keys)  # "strike Yemen's Hodeidah", "hits the Odesa port"
                    chain = i + n
            elif kind == "place" or (script == "cyrl" and _verb(words[act])
                                     and kind != "demonym"):  # "атаковали украинские дроны"
                targets.update(keys)  # "атаковали Одессу", "قصف غزة"
                chain = i + n
            else:
                agents.update(keys)  # "удар Ирана", "الغارات الإسرائيلية"
        i += n
    return agents, targets


def roles(title: str, body: str, spans: Iterable[tuple[str, str, str, int, int]] = ()) -> Roles:
    """The agents and targets of the first act of violence the headline names, and what the
    lead's first one adds. `spans`: (actor id, "state" or "actor", field, start, end) of the
    gazetteer's finds."""
    spans = list(spans)
    agents: set[str] = set()
    targets: set[str] = set()
    lead = body.partition("\n\n")[0][:LEAD_CHARS]
    # the lead only fills what the headline leaves out: further on, a lead often recalls the
    # event this one answers ("in its first response to a drone attack ... in Jordan")
    found_a = found_t = False
    for where_, text in (("title", title), ("body", lead)):
        found = [(m.start(), m.group()) for m in _TOKEN.finditer(text)]
        words = [w if w in _BREAK else _fold(w) for _s, w in found]
        if not any(map(_is_act, words)):  # most articles: no act of violence, nothing to read
            continue
        starts = [s for s, _w in found]
        actors: dict[int, tuple[str, str]] = {}
        for actor_id, kind, f, s, e in spans:
            if f == where_ and s < len(text):
                for i, pos in enumerate(starts):
                    if s <= pos < e:
                        actors.setdefault(i, (actor_id, kind))
                        break
        ents = _entities(words, actors)
        script = (("fa" if _PERSIAN.search(text) else "arab") if _ARABIC.search(text)
                  else "latn" if text.isascii()
                  or not _CYRILLIC.search(text) else "cyrl")
        clause = 0
        for i, w in enumerate(words):
            if w in REPLIES:
                break
            if w in _BREAK:
                clause = i + 1
                continue
            if not _is_act(w) or i in ents:
                continue
            end = next((j for j in range(i + 1, len(words)) if words[j] in _BREAK),
                       len(words))
            a, t = _clause_roles(words, ents, clause, end, i, script)
            # the first act with a target gives it; an agent may come from a later clause
            # ("Drone strike on Tel Aviv kills one; Yemen's Houthis claim attack")
            if t and not found_t:
                targets |= t
                found_t = True
            if a and not found_a:
                agents |= a
                found_a = True
            if found_a and found_t:
                break
    return Roles(tuple(sorted(agents)), tuple(sorted(targets))) if agents or targets else NONE


def spans_of(actor_rows: Iterable[tuple[str, int, str]], kinds: dict[str, str]
             ) -> list[tuple[str, str, str, int, int]]:
    """(actor id, "state" or "actor", field, start, end) from actor_mentions rows (actor id,
    count, spans JSON) and the actors' kinds; news outlets cited as sources are left out."""
    out = []
    for actor_id, _count, spans_json in actor_rows:
        kind = kinds.get(actor_id, "")
        if kind == "media":
            continue
        for s in json.loads(spans_json) if spans_json else []:
            out.append((actor_id, "state" if kind == "state" else "actor", s[0], s[1], s[2]))
    return out


def apart(x: Roles, y: Roles) -> float:
    """How far apart two attacks landed: 1 when both name where and no state is in common
    (Tel Aviv and Hodeidah), 0.5 when one state but different cities (Kyiv and Odesa), 0 when
    either names no target or they share one. Only the evidence against: a shared target is
    no evidence for (a city is struck again and again, and shared places already count)."""
    if not (x.states and y.states) or x.places & y.places or x.victims & y.victims:
        return 0.0
    if not x.states & y.states:
        return 1.0
    return 0.5 if x.places and y.places else 0.0


def where(r: Roles) -> str:
    """The most telling target, as a reason names it: "p:hodeidah" (a place before its state)."""
    return f"p:{min(r.places)}" if r.places else f"p:{min(r.states)}" if r.states else ""
