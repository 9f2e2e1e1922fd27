"""State bodies named by description, found by one rule over a table rather than an entry each:
"Jordan's interior ministry", "the Jordanian interior ministry", "the interior ministry of
Jordan", "the foreign ministry in Amman", "МИД Иордании", "وزارة الداخلية الأردنية", "وزارت کشور
اردن" all name Jordan's interior or foreign ministry, from `tui/data/bodies.toml` (bodies x
states, each with its English, Russian, Arabic and Persian forms).

The matcher's automaton carries the table's pieces as roles on its keys: a body's fixed words
("interior ministry", "министерство обороны") and a state's forms in a slot ("Jordan's",
"Jordanian", "Иордании", "الأردنية"). A body is found only where a fixed piece and a slot of
the kind its template wants touch, one space apart, so "the ministry" or "Jordanian officials"
alone are nothing. Each (state, body) pair is one organisation: the gazetteer's own entry when
it has one (named in `own`, or found by the pair's forms among its organisations), else an
actor made from the table ("jordan-interior-ministry", "Jordanian Interior Ministry").
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections import Counter, defaultdict
from collections.abc import Container, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from tui.core.actors.text import expand_form, key_of, keys_of, normalize, squeeze

BUNDLED = Path(__file__).resolve().parents[2] / "data" / "bodies.toml"
_SLOT = re.compile(r"\{(gen|f|m|fa)\}")
_KINDS = {"gen": "gen", "f": "f", "m": "m", "fa": "fa"}
_NEXT = re.compile(r"[ \u00a0]+(\w[\w-]*)")


class Slot(NamedTuple):
    """A state's form that fills a template's slot."""

    state: str
    kind: str  # poss | dem | name | cap | gen | f | m | fa
    exact: str | None  # an acronym's squeezed form: "US" must be "US", never "us"


class Template(NamedTuple):
    body: str
    kind: str  # the slot's kind
    before: int | None  # the fixed piece before the slot
    after: int | None  # the fixed piece after it


class Alone(NamedTuple):
    """A head alone: the actors of its kind it may refer back to, and the one body of its kind
    of the sole state named in the article that has its own (a `by_state` body), if any."""

    ids: tuple[str, ...]
    local: str | None


class NewBody(NamedTuple):
    """An organisation the table makes for a pair the gazetteer has no entry for."""

    id: str
    name: str
    description: str
    aliases: tuple[str, ...] = ()  # "Navy of Egypt" for "Egyptian Navy": a name as written too


@dataclass(slots=True)
class BodyTable:
    """What the matcher needs: roles per automaton key, templates by piece, the pair's actor."""

    roles: dict[str, list[int | Slot]] = field(default_factory=lambda: defaultdict(list))
    exact: dict[int, str] = field(default_factory=dict)  # piece id -> acronym form
    by_before: dict[int, list[Template]] = field(default_factory=lambda: defaultdict(list))
    by_after: dict[int, list[Template]] = field(default_factory=lambda: defaultdict(list))
    bare: dict[int, str] = field(default_factory=dict)  # piece id -> home state's body actor
    second: dict[int, str] = field(default_factory=dict)  # a head alone -> its body
    host: dict[int, int] = field(default_factory=dict)  # a head -> its "HEAD in" piece
    not_before: dict[int, frozenset[str]] = field(default_factory=dict)  # head -> barred next
    named_only: set[int] = field(default_factory=set)  # pieces that never stand alone
    of_body: dict[str, tuple[str, ...]] = field(default_factory=dict)  # body -> its actors
    fallback: dict[str, str] = field(default_factory=dict)  # a head alone, none named -> actor
    alike: dict[str, frozenset[str]] = field(default_factory=dict)  # fallback -> its kind
    not_by: tuple[str, ...] = ()  # words beside a head that bar its fallback ("secretary")
    by_state: dict[str, dict[str, str]] = field(default_factory=dict)  # body -> state -> own
    actor: dict[tuple[str, str], str] = field(default_factory=dict)
    new: list[NewBody] = field(default_factory=list)
    digest: str = ""
    _pieces: dict[str, int] = field(default_factory=dict)

    def piece(self, form: str, expand: bool = True) -> int:
        """The id of a fixed piece, its automaton keys (declined and with clitics) added."""
        key = key_of(form)
        if key in self._pieces:
            return self._pieces[key]
        pid = self._pieces[key] = len(self._pieces)
        if form.isupper() and len(squeeze(form)) <= 4:
            self.exact[pid] = squeeze(form)
        for variant in expand_form(form) if expand else [form]:
            if pid not in self.roles[key_of(variant)]:
                self.roles[key_of(variant)].append(pid)
        return pid

    def slot(self, form: str, state: str, kind: str) -> None:
        exact = squeeze(form) if squeeze(form).isupper() and len(squeeze(form)) <= 4 else None
        role = Slot(state, kind, exact)
        keys = list(keys_of(form))
        if form.endswith("."):  # "U.S. embassy": the slot ends after its dot
            keys.append(" " + normalize(form).lstrip() + " ")
        for key in keys:
            if role not in self.roles[key]:
                self.roles[key].append(role)

    def compose(self, text: str, parts: Iterable[tuple[int, int, tuple[int | Slot, ...]]],
                ) -> tuple[list[tuple[int, int, str]], list[tuple[int, int, Alone]],
                           set[tuple[int, int]], dict[tuple[int, int], int]]:
        """(start, end, actor id) of the bodies found, from the automaton's role hits; and
        the heads alone ("the interior ministry"), each with the actors it may refer back to."""
        pieces: list[tuple[int, int, int]] = []
        opened: set[tuple[int, int]] = set()  # spans the state's own name opens ("Ukraine's")
        at_start: dict[int, list[tuple[int, int | Slot]]] = defaultdict(list)
        slot_end: dict[int, list[tuple[int, Slot]]] = defaultdict(list)
        for start, stop, roles in parts:
            found = text[start:stop]
            for role in roles:
                if isinstance(role, int):
                    if role in self.exact and squeeze(found) != self.exact[role]:
                        continue
                    pieces.append((start, stop, role))
                    at_start[start].append((stop, role))
                elif not found.islower() and (role.exact is None or
                                              squeeze(found) == role.exact):
                    at_start[start].append((stop, role))
                    slot_end[stop].append((start, role))
        out: list[tuple[int, int, str]] = []
        heads: dict[tuple[int, int], int] = {}
        seconds: list[tuple[int, int, Alone]] = []
        for start, stop, pid in pieces:
            for tpl in self.by_before.get(pid, ()):
                if not _space(text, stop):
                    continue
                for end, role in at_start.get(stop + 1, ()):
                    if isinstance(role, int) or role.kind != tpl.kind:
                        continue
                    if tpl.after is not None:
                        end = next((e for e, r in at_start.get(end + 1, ())
                                    if r == tpl.after), -1) if _space(text, end) else -1
                        if end < 0:
                            continue
                    # A state's name after the head stays its own mention ("МИД | Иордании",
                    # "وزارت کشور | اردن"): the body is the head's words (end marked).
                    self._emit(out, opened, start, end, role.state, tpl.body)
                    if out and out[-1][:2] == (start, end) and tpl.kind in ("gen", "fa", "name") \
                            and tpl.after is None:
                        heads[(start, end)] = _head_end(text, start, stop)
            for tpl in self.by_after.get(pid, ()):
                if tpl.before is None and _space(text, start - 1) and not (
                        pid in self.not_before and _next_word(text, stop) in self.not_before[pid]):
                    for begin, role in slot_end.get(start - 1, ()):
                        if role.kind == tpl.kind:
                            end = self._host_end(text, at_start, pid, start, stop)
                            self._emit(out, opened, begin, end, role.state, tpl.body,
                                       role.kind == "poss")
                            if role.exact is not None and out and out[-1][:2] == (begin, end):
                                heads[(begin, end)] = -start  # "US | embassy": the state
                                # keeps its own mention, the body starts at its head
            if pid in self.bare:
                out.append((start, stop, self.bare[pid]))
            elif pid in self.second:
                seconds.append((start, stop, self._alone(self.second[pid], slot_end)))
        return out, seconds, opened, heads

    def _host_end(self, text: str, at_start: Mapping[int, list[tuple[int, int | Slot]]],
                  pid: int, start: int, stop: int) -> int:
        """Where "the US embassy in Moscow" ends: a body named with its host's capital keeps
        the words (the sender's body; the host is a place, not the actor)."""
        host = self.host.get(pid)
        for end, role in at_start.get(start, ()) if host is not None else ():
            if role == host and _space(text, end):
                for cap_end, cap in at_start.get(end + 1, ()):
                    if isinstance(cap, Slot) and cap.kind == "cap":
                        return cap_end
        return stop

    def _emit(self, out: list[tuple[int, int, str]], opened: set[tuple[int, int]], start: int,
              end: int, state: str, body: str, named: bool = False) -> None:
        actor = self.actor.get((state, body))
        if actor is not None:
            out.append((start, end, actor))
            if named:  # the state's own name opens it ("Ukraine's"): the state acts too
                opened.add((start, end))


    def _alone(self, body: str, slot_end: Mapping[int, list[tuple[int, Slot]]]) -> Alone:
        local = self.by_state.get(body)
        if local:
            states = {role.state for slots in slot_end.values() for _b, role in slots
                      if role.state in local}
            if len(states) == 1:
                return Alone(self.of_body[body], local[states.pop()])
        return Alone(self.of_body[body], None)

    def refer(self, text: str, start: int, end: int, alone: Alone,
              present: Container[str | None]) -> tuple[str, ...]:
        """What a head alone refers to: the bodies of its kind the article named; with none,
        its capitalised form's fallback ("the Security Council": the UN's), unless a body of
        that kind is named anywhere in the article or a word beside it says otherwise
        ("secretary of the Security Council" is a state's); or, for a `by_state` body, the own
        body of the one state named in the article that has one ("Civil defence crews" in a
        report from Lebanon)."""
        named = tuple(a for a in alone.ids if a in present)
        words = text[start:end]
        if named or words.islower() or words.isupper():
            return named
        target = self.fallback.get(key_of(words))
        if target is None:
            return (alone.local,) if alone.local else named
        if any(a in present for a in self.alike.get(target, ())):
            return ()
        near = f" {normalize(text[max(0, start - 24):start])} {normalize(text[end:end + 24])} "
        return () if any(f" {w} " in near for w in self.not_by) else (target,)


def body_span(start: int, end: int, cut: int | None) -> tuple[int, int]:
    """The body's own words when its state's name is a mention apart: `cut` > 0 ends them
    before the state ("МИД | Иордании"), < 0 starts them after it ("US | embassy")."""
    return (start, end) if cut is None else (start, cut) if cut > 0 else (-cut, end)


def _head_end(text: str, start: int, stop: int) -> int:
    """The end of a head's words without a closing "of" or "in" ("interior ministry of")."""
    words = text[start:stop]
    for tail in (" of", " in"):
        if words.endswith(tail):
            return stop - len(tail)
    return stop


def _next_word(text: str, at: int) -> str:
    """The word after `at`, normalised ("military | aid": "aid"); a hyphen joining the head to
    the next word is one too ("military-technical")."""
    if text[at:at + 1] == "-":
        return "-"
    match = _NEXT.match(text, at)
    return match.group(1).lower() if match else ""


def _space(text: str, at: int) -> bool:
    """The one character between two touching pieces is a space (no line, comma or dash)."""
    return 0 <= at < len(text) and text[at] in " \u00a0"


@lru_cache(maxsize=4)
def _read(path: Path) -> tuple[dict, str]:  # type: ignore[type-arg]
    raw = path.read_bytes()
    return tomllib.loads(raw.decode("utf-8")), hashlib.sha256(raw).hexdigest()[:16]


def plan(orgs: Mapping[str, Iterable[str]], taken: Container[str],
         path: Path = BUNDLED) -> BodyTable:
    """The table for a gazetteer whose organisations go by `orgs` (id -> full forms) and whose
    ids are `taken`: each pair's actor, and the organisations to add for the others."""
    data, digest = _read(path)
    table = BodyTable(digest=digest)
    named: dict[str, set[str]] = defaultdict(set)
    for org_id, forms in orgs.items():
        for form in forms:
            named[key_of(form)].add(org_id)
    templates = [(body, list(_templates(table, body))) for body in data["body"]]
    for _body, tpls in templates:
        for tpl in tpls:
            if tpl.before is not None:
                table.by_before[tpl.before].append(tpl)
            elif tpl.after is not None:
                table.by_after[tpl.after].append(tpl)
    home = data.get("home", {})
    for state in data["state"]:
        sid = state["id"]
        slots = _slots(state)
        for kind, forms in slots.items():
            for form in forms:
                table.slot(form, sid, kind)
        for body in data["body"]:
            if body["id"] in state.get("bodies", (body["id"],)):
                table.actor[(sid, body["id"])] = _pair_actor(state, body, slots, named, orgs,
                                                             taken, table)
        for lang, state_of in home.items():
            if state_of != sid:
                continue
            for body in data["body"]:
                for form in body.get(f"bare_{lang}", ()):
                    table.bare[table.piece(form)] = table.actor[(sid, body["id"])]
    table.not_by = tuple(normalize(w).strip() for w in data.get("fallback", {}).get("not_by", ()))
    for body in data["body"]:  # a head alone with none of its kind named: its fallback
        for head, target in body.get("alone", {}).items():
            table.fallback[key_of(head)] = target
            table.alike[target] = frozenset(
                {i for i, forms in orgs.items() if i != target and any(
                    key_of(head) in key_of(f) for f in forms)}
                | {a for (_s, b), a in table.actor.items() if b == body["id"] and a != target})
    new_ids = {n.id for n in table.new}
    for body in data["body"]:  # "by_state": a head alone may be the sole named state's own
        if body.get("by_state"):
            table.by_state[body["id"]] = {s: a for (s, b), a in table.actor.items()
                                          if b == body["id"] and a not in new_ids}
    for body, tpls in templates:  # a head alone refers back to a body of its kind named before
        table.of_body[body["id"]] = tuple(dict.fromkeys(
            a for (_s, b), a in table.actor.items() if b == body["id"]))
        for tpl in tpls:
            for pid in (tpl.after if tpl.before is None else tpl.before,):
                if pid is not None and tpl.kind in ("dem", "gen", "f", "m") \
                        and pid not in table.bare and pid not in table.named_only:
                    table.second[pid] = body["id"]
    return table


def _slots(state: dict) -> dict[str, list[str]]:  # type: ignore[type-arg]
    names = state.get("names", [])
    return {"name": names, "dem": state.get("demonyms", []),
            "poss": [n + "'s" for n in names if not n.startswith("the ")],
            "cap": state.get("capitals", []),
            **{kind: state.get(kind, []) for kind in ("gen", "f", "m", "fa")}}


def _templates(table: BodyTable, body: dict) -> Iterable[Template]:  # type: ignore[type-arg]
    bid = body["id"]
    for head in body.get("en", ()):
        piece = table.piece(head, expand=False)
        if head in body.get("named_only", ()):  # never alone; not when these words follow
            table.named_only.add(piece)
            table.not_before[piece] = frozenset(
                ["-", *(w.lower() for w in body.get("not_before", ()))])
        if body.get("host"):
            table.host[piece] = table.piece(f"{head} in", expand=False)
        yield Template(bid, "poss", None, piece)
        yield Template(bid, "dem", None, piece)
        yield Template(bid, "name", table.piece(f"{head} of", expand=False), None)
        if body.get("capital"):
            yield Template(bid, "cap", table.piece(f"{head} in", expand=False), None)
    for lang in ("ru", "ar", "fa"):
        for form in body.get(lang, ()):
            match = _SLOT.search(form)
            if match is None:
                continue
            before, after = form[:match.start()].strip(), form[match.end():].strip()
            if form in body.get("named_only", ()):  # "الخارجية {f}": "وزير الخارجية" is no body
                table.named_only.add(table.piece(before) if before else table.piece(after))
            yield Template(bid, _KINDS[match.group(1)],
                           table.piece(before) if before else None,
                           table.piece(after, expand=False) if after else None)


def _pair_actor(state: dict, body: dict, slots: dict[str, list[str]],  # type: ignore[type-arg]
                named: Mapping[str, set[str]], orgs: Mapping[str, Iterable[str]],
                taken: Container[str], table: BodyTable) -> str:
    sid, bid = state["id"], body["id"]
    own = state.get("own", {}).get(bid)
    if own is not None and own in orgs:
        return str(own)
    votes: Counter[str] = Counter()
    for form in _sample_forms(body, slots):
        votes.update(named.get(key_of(form), ()))
    if votes:
        return sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    ident = f"{sid}-{bid}"
    if ident in orgs:
        return ident
    if ident in taken:  # an id of another kind: keep it, name the body apart
        ident = f"{ident}-body"
    name = slots["name"][0] if slots["name"] else state.get("label", sid)
    made = _made_name(body["name"], name, slots["dem"])
    table.new.append(NewBody(ident, made, f"{name.removeprefix('the ')}'s "
                             f"{body['name'].lower()}, named by description (bodies.toml).",
                             tuple({f"{body['name']} of {name}"} - {made})))
    return ident


def _made_name(body: str, state: str, demonyms: list[str]) -> str:
    """As a reader names a state's body: by its demonym ("British Navy", "Houthi Health
    Ministry"), not "Navy of Britain"; by its name only when it has none ("Armed Wing of
    Hamas"). The "of" form stays an alias: "the Government of Lebanon" names it too."""
    return f"{demonyms[0]} {body}" if demonyms else f"{body} of {state}"


def _sample_forms(body: dict, slots: dict[str, list[str]]) -> Iterable[str]:  # type: ignore[type-arg]
    """A few of the pair's forms, to find the gazetteer's own entry for it."""
    for head in body.get("en", ())[:2]:
        for form in slots["poss"][:2]:
            yield f"{form} {head}"
        for form in slots["dem"][:2]:
            yield f"{form} {head}"
    for lang in ("ru", "ar", "fa"):
        for template in body.get(lang, ()):
            match = _SLOT.search(template)
            if match is not None:
                for form in slots[match.group(1)][:1]:
                    yield _SLOT.sub(form, template)
