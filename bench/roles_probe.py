# ruff: noqa: RUF001 - Cyrillic, Arabic, Persian and Hebrew letters are meant
"""Who did what to whom, and a same-outlet part: pair parts scored out of sample in memory.

    python bench/roles_probe.py                     # FITTED_PARTS, every variant
    python bench/roles_probe.py a b c base same_outlet  # these parts, these variants

The bench (cache, pairs, background draws, each article's roles) is pickled in /tmp per set of
parts, so a second run skips the build. None of the role parts was kept, and the same-outlet
part cuts an outlet's own follow-ups (tests/data/related_eval.md, round 34).

Each headline (else the lead's first sentence naming an act of violence) is read for an agent
(the name before the act, or after "by"; in Arabic the first after the act when none is before)
and a target (a name after a target word: on, against, по, على, به ...; else the first after
the act). Variants add pair parts to the shipped ones and are refitted per fold
(bench/related_variants.py).
"""

from __future__ import annotations

import json
import pickle
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import related_eval as ev
from bench import related_variants as rv
from bench.related_data import FITTED_PARTS

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_ASCII_WORD = re.compile(r"[A-Za-z0-9]+(?:'[A-Za-z0-9]+)?")
TARGET_MARKS = frozenset(
    ["on", "against", "at", "in", "into", "targeting", "targets", "hits", "hit", "over", "near", "по", "на", "против", "в", "во", "على", "علي", "ضد", "في", "استهدف", "به", "علیه", "در", "بر", "נגד", "על"])
AGENT_MARKS = frozenset(["by", "توسط"])
SKIP = frozenset(["the", "a", "an", "its", "their", "of", "s"])


def _tokens(text: str) -> list[tuple[int, int, str]]:
    rx = _ASCII_WORD if text.isascii() else _WORD
    return [(m.start(), m.end(), m.group().lower()) for m in rx.finditer(text)]


def read_unit(text: str, lo: int, field: str, actors: list[tuple[str, list]],
              arabic: bool) -> tuple[frozenset[str], frozenset[str]] | None:
    from tui.core.linking.names import place_country
    from tui.core.linking.text import place_matcher, split_words
    from tui.core.linking.what import VIOLENCE, count_types

    toks = _tokens(text)
    act = next((i for i, (_s, _e, w) in enumerate(toks)
                if any(k in VIOLENCE for k in count_types(w))), None)
    if act is None:
        return None
    ents: dict[int, set[str]] = {}
    for actor, spans in actors:
        for s in spans:
            if s[0] != field or not lo <= s[1] < lo + len(text):
                continue
            at = s[1] - lo
            i = next((j for j, (a, b, _w) in enumerate(toks) if a <= at < b), None)
            if i is not None:
                ents.setdefault(i, set()).add(actor)
    for i, _width, place in place_matcher().spans(split_words(text)):
        ents.setdefault(i, set()).update({place, *place_country(place)})
    if not ents:
        return None
    agent: set[str] = set()
    target: set[str] = set()

    def mark(i: int) -> str:
        j = i - 1
        while j >= 0 and toks[j][2] in SKIP:
            j -= 1
        word = toks[j][2] if j >= 0 else ""
        if word in AGENT_MARKS:
            return "agent"
        if word in TARGET_MARKS:
            return "target"
        first = toks[i][2][:1]
        if "\u05d0" <= first <= "\u05ea" and toks[i][2][:1] in "בל" and i > act:
            return "target"
        return ""

    before = [i for i in sorted(ents) if i < act]
    after = [i for i in sorted(ents) if i > act]
    for i in sorted(ents):
        m = mark(i)
        if m == "agent" and not agent:
            agent = ents[i]
        elif m == "target" and not target:
            target = ents[i]
    if not agent:
        free = [i for i in before if not mark(i)]
        if free:
            agent = ents[free[-1]]
        elif arabic:
            free_after = [i for i in after if not mark(i)]
            if free_after:
                agent = ents[free_after[0]]
    if not target:
        free_after = [i for i in after if not mark(i) and ents[i] is not agent]
        if free_after:
            target = ents[free_after[0]]
    if agent and target and agent == target:
        return None
    return frozenset(agent), frozenset(target)


def roles(title: str, body: str, rows: list[tuple[str, str]], headline_only: bool = False,
          states: bool = False) -> tuple[frozenset, frozenset]:
    from tui.core.linking.acts import units
    from tui.core.linking.names import actor_kind, drives_links

    actors = [(a, json.loads(s) if s else []) for a, s in rows if drives_links(actor_kind(a))]
    arabic = bool(re.search("[\u0621-\u064a]", title))
    agent: frozenset[str] = frozenset()
    target: frozenset[str] = frozenset()
    for field, lo, _hi, text in units(title, body)[:1 if headline_only else None]:
        got = read_unit(text, lo, field, actors, arabic)
        if got is not None and states:
            got = _as_states(got[0]), _as_states(got[1])
        if got is None:
            continue
        agent = agent or got[0]
        target = target or got[1]
        if agent and target:
            break
    return agent, target


def _as_states(ids: frozenset[str]) -> frozenset[str]:
    """A place read as its state, a state as itself; people and bodies as they are."""
    from tui.core.linking.names import actor_kind, place_kind

    out = set()
    for i in ids:
        if place_kind(i) and place_kind(i) != "country":
            continue  # the place's state is in the set too
        out.add(i)
    return frozenset(out) if any(actor_kind(i) == "state" or place_kind(i) == "country"
                                 for i in out) else ids


def load(halves: tuple[str, ...] | None) -> tuple[rv.Bench, dict, dict]:
    name = "".join(halves or FITTED_PARTS)
    path = Path(f"/tmp/linker10_bench_{name}.pkl")
    if path.exists():
        return pickle.loads(path.read_bytes())

    def more(conn: Any, gold: dict[int, Any]) -> tuple[dict, dict, dict, dict]:
        rows: dict[int, list[tuple[str, str]]] = {}
        for aid, actor, spans in conn.execute(
                "SELECT article_id, actor_id, spans FROM actor_mentions"):
            rows.setdefault(aid, []).append((actor, spans))
        role = {a: roles(g.title, g.body, rows.get(a, [])) for a, g in gold.items()}
        role_h = {a: roles(g.title, g.body, rows.get(a, []), True, True) for a, g in gold.items()}
        role_s = {a: roles(g.title, g.body, rows.get(a, []), False, True) for a, g in gold.items()}
        return role, role_h, role_s, {a: g.outlet for a, g in gold.items()}

    bench, (role, role_h, role_s, outlet) = rv.load_with(more, halves=halves)
    out = (bench, {"lead": role, "head_states": role_h, "lead_states": role_s}, outlet)
    path.write_bytes(pickle.dumps(out))
    return out


def run(bench: rv.Bench, variant: rv.Variant) -> None:
    runs = [rv.score(bench, variant, s)["all"].summary() for s in rv.SEEDS]
    mean = {k: sum(r[k] for r in runs) / len(runs) for k in runs[0]}
    print(f"{variant.name:<24} seeds 7/8/9: P@1 {mean['p@1']:.3f}  R@5 {mean['r@5']:.3f}  "
          f"intrusions {mean['intrusions']:.1f}  lonely {mean['lonely_links']:.1f}  "
          f"B3 P {mean['b3_p']:.3f} R {mean['b3_r']:.3f} F1 {mean['b3_f1']:.4f}", flush=True)


def role_parts(role: dict) -> dict:
    def both(p: ev.Pair) -> bool:
        return all(role[x][0] and role[x][1] for x in (p.a, p.b))

    def swapped(p: ev.Pair) -> float:
        (ax, tx), (ay, ty) = role[p.a], role[p.b]
        return 1.0 if both(p) and ax & ty and ay & tx else 0.0

    def differ(p: ev.Pair) -> float:
        (ax, tx), (ay, ty) = role[p.a], role[p.b]
        return 1.0 if both(p) and (ax.isdisjoint(ay) or tx.isdisjoint(ty)) else 0.0

    def agents_differ(p: ev.Pair) -> float:
        (ax, _tx), (ay, _ty) = role[p.a], role[p.b]
        return 1.0 if ax and ay and ax.isdisjoint(ay) else 0.0

    def crossed(p: ev.Pair) -> float:  # one's agent is the other's target, not its agent
        (ax, tx), (ay, ty) = role[p.a], role[p.b]
        return 1.0 if (ax & ty and not ax & ay) or (ay & tx and not ay & ax) else 0.0

    return {"swapped": swapped, "differ": differ, "agents_differ": agents_differ,
            "crossed": crossed}


def main() -> None:
    args = sys.argv[1:]
    halves = tuple(a for a in args if len(a) == 1) or None  # default: related_data.FITTED_PARTS
    only = [a for a in args if len(a) > 1]
    bench, readings, outlet = load(halves)
    same = [p for p in bench.table if p.same]
    other = [p for p in bench.table if not p.same]

    def same_outlet(p: ev.Pair) -> float:
        return 1.0 if outlet[p.a] == outlet[p.b] else 0.0

    def so_days(p: ev.Pair) -> float:
        return same_outlet(p) * p.parts["days"]

    def so_what(p: ev.Pair) -> float:
        return same_outlet(p) * p.parts["what"]

    variants = [rv.Variant("base"), rv.Variant("same_outlet", {"same_outlet": same_outlet}),
                rv.Variant("so+so_days", {"same_outlet": same_outlet, "so_days": so_days}),
                rv.Variant("so+so_what", {"same_outlet": same_outlet, "so_what": so_what})]
    print(f"same_outlet: fires on {sum(map(same_outlet, same)):.0f}/{len(same)} same-event, "
          f"{sum(map(same_outlet, other)):.0f}/{len(other)} other-event candidate pairs")
    for reading, role in readings.items():
        read = sum(1 for a, t in role.values() if a and t)
        print(f"{reading}: agent+target read in {read} of {len(role)}")
        for name, fn in role_parts(role).items():
            print(f"  {name}: fires on {sum(map(fn, same)):.0f}/{len(same)} same-event, "
                  f"{sum(map(fn, other)):.0f}/{len(other)} other-event candidate pairs")
            variants.append(rv.Variant(f"{reading}:{name}", {f"roles_{name}": fn}))
    for variant in variants:
        if not only or variant.name in only:
            run(bench, variant)


if __name__ == "__main__":
    main()
