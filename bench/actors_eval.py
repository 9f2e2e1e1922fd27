"""Precision and recall of actor recognition on held-out text (see bench/actors_data.py).

    python bench/actors_eval.py              # every set, per language
    python bench/actors_eval.py --misses     # and every miss and false hit (never the held-out set's)
    python bench/actors_eval.py --common 10  # and the commonest misses and false hits by kind
    python bench/actors_eval.py --reference  # real pages as labelled, not as we extract them

How a gold actor is matched: a gold name matches any common name of the same entity, so the gold
name and the strings the text uses for it are looked up among the gazetteer's names, aliases and
acronyms; an actor found with one of those ids is a hit. A gold actor the gazetteer has no name
for is a hit when a found actor's words in the text are one of the gold strings, hold one, or
(two words or more) sit in one ("Prime Minister Sheikh Ahmad ... al-Sabah"). Gold strings
in all lowercase are left out (the devset's writer B also labelled generic anaphors, "the
army"; names are what is measured), as are those that only a sentence's first capital keeps
from it ("The army", "Its military spokesman"), and so is a gold actor left with no string;
on real pages so is a gold actor none of whose strings is in the text our extractor kept
(both counted apart).

Categories, each with its own precision and recall: people and organisations (the bar; and
each apart: precision by the kind found, recall by the gold kind),
media, states (gold `states`), places (countries of the places found against gold `places`),
and discovery (names found with a title or an attribution, against the gold people that the
gazetteer did not find). Precision counts what was found by the kind found; recall counts gold
by the gold kind.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.actors_data import (
    Case,
    GoldActor,
    fresh_parts,
    load_devset,
    load_heldout,
    load_realnews,
    realnews_available,
)
from tui.core.actors.gazetteer import Gazetteer, load_gazetteer
from tui.core.actors.text import key_of

CATEGORIES = ("people+orgs", "people", "orgs", "media", "states", "places", "discovery",
              "with discovery")


@dataclass(frozen=True, slots=True)
class Recognized:
    """What a recogniser found in one text."""

    listed: dict[str, tuple[str, ...]]  # gazetteer actor id -> its words in the text
    unlisted: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (name, words in the text)
    countries: frozenset[str] = frozenset()  # state ids of the places named


Recognize = Callable[[Case], Recognized]


@dataclass
class Count:
    tp_found: int = 0  # found and right
    found: int = 0
    tp_gold: int = 0  # gold and found
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp_found / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.tp_gold / self.gold if self.gold else 1.0

    def add(self, other: Count) -> None:
        self.tp_found += other.tp_found
        self.found += other.found
        self.tp_gold += other.tp_gold
        self.gold += other.gold


@dataclass
class Report:
    counts: dict[str, Count] = field(default_factory=lambda: defaultdict(Count))
    by_lang: dict[str, dict[str, Count]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(Count)))
    notes: list[str] = field(default_factory=list)  # misses and false hits, one line each
    left_out: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def add(self, lang: str, category: str, count: Count) -> None:
        self.counts[category].add(count)
        self.by_lang[lang][category].add(count)


class _Names:
    """Gazetteer ids by any full name, alias or acronym (case and script folded)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.ids: dict[str, set[str]] = {}
        for actor in gazetteer.actors.values():
            for form in (*actor.full_forms(), *actor.acronyms):
                self.ids.setdefault(key_of(form), set()).add(actor.id)

    def of(self, names: Iterable[str], kinds: tuple[str, ...]) -> set[str]:
        for name in names:
            found = {i for i in self.ids.get(key_of(name), ())
                     if self.gazetteer.actors[i].kind in kinds}
            if found:
                return found
        return set()


def _category(kind: str) -> str | None:
    return {"person": "people+orgs", "org": "people+orgs", "media": "media"}.get(kind)


_ALONE = {"person": "people", "org": "orgs"}  # people and organisations apart, as well


def _contains(longer: str, shorter: str) -> bool:
    return key_of(shorter) in key_of(longer)


_ANAPHOR_OPENERS = ("the", "its", "his", "her", "their", "this", "that", "a", "an")


def _a_name(form: str) -> bool:
    """Not a generic anaphor: "the army", or "The army" opening a sentence."""
    if form.islower():
        return False
    first, _, rest = form.partition(" ")
    return not (first.lower() in _ANAPHOR_OPENERS and (not rest or rest.islower()))


def _present(gold: GoldActor, case: Case) -> tuple[str, ...]:
    text = f"{case.title}\n{case.body}"
    return tuple(f for f in gold.forms if f in text)


def score_case(case: Case, got: Recognized, names: _Names, report: Report) -> None:
    kinds = {i: names.gazetteer.actors[i].kind for i in got.listed if i in names.gazetteer.actors}
    gold: list[tuple[GoldActor, set[str]]] = []
    for g in case.actors:
        forms = tuple(f for f in g.forms if _a_name(f))
        if not forms:
            report.left_out["gold actors named only by a generic anaphor"] += 1
            continue
        if case.source == "realnews" and not _present(g, case):
            report.left_out["real-page actors not in our extracted text"] += 1
            continue
        g = GoldActor(g.name, g.kind, forms)
        gold.append((g, names.of((g.name, *forms), ("person", "org", "media"))))
    hit: dict[int, str] = {}  # gold index -> found id
    right: set[str] = set()  # found ids that are some gold actor
    actors = [i for i in got.listed if kinds.get(i) != "state"]
    for actor_id in actors:
        for n, (_g, ids) in enumerate(gold):
            if actor_id in ids:
                hit.setdefault(n, actor_id)
                right.add(actor_id)
    for actor_id in actors:
        if actor_id in right:
            continue
        words = got.listed[actor_id]
        for n, (g, ids) in enumerate(gold):
            if not ids and n not in hit and any(_contains(w, f) or (" " in w and _contains(f, w))
                                                for w in words for f in g.forms):
                hit[n] = actor_id
                right.add(actor_id)
                break
    per = defaultdict(Count)
    for n, (g, _ids) in enumerate(gold):
        cat = _category(g.kind)
        if cat is None:
            continue
        per[cat].gold += 1
        per[cat].tp_gold += n in hit
        if g.kind in _ALONE:
            per[_ALONE[g.kind]].gold += 1
            per[_ALONE[g.kind]].tp_gold += n in hit
        if n not in hit:
            report.notes.append(f"{case.slug} [{case.lang}] missed {g.kind} {g.name!r} "
                                f"as {list(g.forms)}")
    for actor_id in actors:
        cat = _category(kinds.get(actor_id, ""))
        if cat is None:
            continue
        per[cat].found += 1
        per[cat].tp_found += actor_id in right
        if kinds[actor_id] in _ALONE:
            per[_ALONE[kinds[actor_id]]].found += 1
            per[_ALONE[kinds[actor_id]]].tp_found += actor_id in right
        if actor_id not in right:
            report.notes.append(f"{case.slug} [{case.lang}] false {kinds[actor_id]} "
                                f"{actor_id} as {list(got.listed[actor_id])}")
    _discovery(case, got, gold, hit, per, report)
    _states(case, got, names, kinds, per, report)
    for cat, count in per.items():
        report.add(case.lang, cat, count)


def _discovery(case: Case, got: Recognized, gold: list[tuple[GoldActor, set[str]]],
               hit: dict[int, str], per: dict[str, Count], report: Report) -> None:
    """Unlisted names against gold people the gazetteer did not find."""
    wanted = {n for n, (g, _ids) in enumerate(gold) if g.kind == "person" and n not in hit}
    found: set[int] = set()
    for name, words in got.unlisted:
        match = next((n for n, (g, _ids) in enumerate(gold)
                      if any(_contains(w, f) or (len(name.split()) > 1 and _contains(f, name))
                             for w in (name, *words) for f in (*g.forms, g.name))), None)
        per["discovery"].found += 1
        per["discovery"].tp_found += match is not None
        if match is None:
            report.notes.append(f"{case.slug} [{case.lang}] false unlisted {name!r} "
                                f"as {list(words)}")
        elif match in wanted:
            found.add(match)
    per["discovery"].gold += len(wanted)
    per["discovery"].tp_gold += len(found)
    for n in sorted(wanted - found):
        g = gold[n][0]
        report.notes.append(f"{case.slug} [{case.lang}] missed unlisted {g.name!r} "
                            f"as {list(g.forms)}")
    both = per["with discovery"]
    people_orgs = [n for n, (g, _ids) in enumerate(gold) if _category(g.kind) == "people+orgs"]
    both.gold += len(people_orgs)
    both.tp_gold += sum(n in hit or n in found for n in people_orgs)
    both.found += per["people+orgs"].found + per["discovery"].found
    both.tp_found += per["people+orgs"].tp_found + per["discovery"].tp_found


def _states(case: Case, got: Recognized, names: _Names, kinds: dict[str, str],
            per: dict[str, Count], report: Report) -> None:
    for cat, gold_names, found in (
            ("states", case.states, {i for i, k in kinds.items() if k == "state"}),
            ("places", case.places, set(got.countries))):
        gold = set()
        for name in gold_names:
            ids = names.of((name,), ("state",))
            if not ids:
                report.left_out[f"gold {cat} not in the gazetteer"] += 1
                continue
            gold |= ids
        if cat == "places":  # as gold: a state the gazetteer lacks ("spain") is left out
            known = {s for s in found if (a := names.gazetteer.actors.get(s)) and a.kind == "state"}
            report.left_out["found places of a state not in the gazetteer"] += len(found - known)
            found = known
        per[cat].gold += len(gold)
        per[cat].tp_gold += len(gold & found)
        per[cat].found += len(found)
        per[cat].tp_found += len(found & gold)
        for state in sorted(found - gold):
            report.notes.append(f"{case.slug} [{case.lang}] false {cat[:-1]} {state}")
        for state in sorted(gold - found):
            report.notes.append(f"{case.slug} [{case.lang}] missed {cat[:-1]} {state}")


def evaluate(cases: Iterable[Case], recognize: Recognize,
             gazetteer: Gazetteer | None = None) -> Report:
    names = _Names(gazetteer or load_gazetteer())
    report = Report()
    for case in cases:
        score_case(case, recognize(case), names, report)
    return report


def recognizer(actors_file: Path | None = None, names_only: bool = False) -> Recognize:
    """newsdesk's own recognition: the text halves of the analyzers that find names, places
    and unlisted people, run as a refresh runs them. `names_only`: gazetteer names alone, as
    before role phrases, places and discovery (the baseline)."""
    if names_only:
        return _names_only(actors_file)
    from tui.core.models import to_iso
    from tui.core.places.matcher import countries_of
    from tui.core.refresh.analyzer import Sources, TextItem
    from tui.core.refresh.analyzers import analyse_texts
    from tui.core.store.actors import spans_of

    sources = Sources(str(actors_file) if actors_file else None, f"eval:{actors_file}")

    def recognize(case: Case) -> Recognized:
        fields = {"title": case.title, "body": case.body}
        listed: dict[str, list[str]] = {}
        item = TextItem(0, case.title, case.body, to_iso(case.published), case.lang)
        [found] = analyse_texts([item], sources, ("actors", "places", "unlisted"))
        for _id, actor_id, _n, spans in found["actors"]:
            listed[actor_id] = [fields[s[0]][s[1]:s[2]] for s in spans_of(spans)]
        unlisted = tuple((name, tuple(fields[s[0]][s[1]:s[2]] for s in spans_of(spans)))
                         for _id, name, _kind, _desc, _n, spans in found["unlisted"])
        places = countries_of([place_id for place_id, _n, _spans in found["places"]])
        return Recognized({k: tuple(v) for k, v in listed.items()}, unlisted,
                          frozenset(places))

    return recognize


def _names_only(actors_file: Path | None) -> Recognize:
    from tui.core.actors.matcher import Matcher

    matcher = Matcher(load_gazetteer(actors_file))

    def recognize(case: Case) -> Recognized:
        fields = {"title": case.title, "body": case.body}
        listed: dict[str, list[str]] = {}
        for m in matcher.match(case.title, case.body):
            listed.setdefault(m.actor_id, []).append(fields[m.field][m.start:m.end])
        return Recognized({k: tuple(v) for k, v in listed.items()})

    return recognize


def format_report(title: str, report: Report) -> str:
    lines = [title]
    for cat in CATEGORIES:
        c = report.counts.get(cat)
        if c is not None:
            lines.append(f"  {cat:15} precision {c.precision:.3f} ({c.tp_found}/{c.found})  "
                         f"recall {c.recall:.3f} ({c.tp_gold}/{c.gold})")
    for lang in sorted(report.by_lang):
        c = report.by_lang[lang].get("people+orgs", Count())
        d = report.by_lang[lang].get("discovery", Count())
        b = report.by_lang[lang].get("with discovery", Count())
        p, o = (report.by_lang[lang].get(k, Count()) for k in ("people", "orgs"))
        lines.append(f"  {lang}: people+orgs P {c.precision:.3f} R {c.recall:.3f} "
                     f"(gold {c.gold}); with discovery P {b.precision:.3f} R {b.recall:.3f}; "
                     f"discovery P {d.precision:.2f} R {d.recall:.2f}; people R "
                     f"{p.recall:.2f}, orgs R {o.recall:.2f} (gold {o.gold})")
    lines += [f"  left out: {what}: {n}" for what, n in sorted(report.left_out.items())]
    return "\n".join(lines)


def common_notes(report: Report, top: int) -> str:
    """The commonest misses and false hits, grouped by what went wrong and the kind."""
    groups: dict[str, Counter[str]] = defaultdict(Counter)
    for note in report.notes:
        _slug, _lang, what, kind, rest = note.split(" ", 4)
        name = rest.rsplit(" as ", 1)[0] if " as " in rest else rest
        groups[f"{what} {kind}"][name.strip("'\"")] += 1
    lines = []
    for group in sorted(groups):
        total = sum(groups[group].values())
        common = ", ".join(f"{n} x{c}" if c > 1 else n
                           for n, c in groups[group].most_common(top))
        lines.append(f"  {group} ({total}): {common}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list every miss and false hit")
    parser.add_argument("--common", type=int, metavar="N",
                        help="the N commonest misses and false hits of each kind")
    parser.add_argument("--reference", action="store_true",
                        help="real pages as labelled, not as our extractor reads them")
    parser.add_argument("--names-only", action="store_true",
                        help="gazetteer names alone (no role phrases, places, discovery)")
    parser.add_argument("--actors", type=Path, help="a user actors.toml over the bundled one")
    args = parser.parse_args()
    recognize = recognizer(args.actors, names_only=args.names_only)
    sets = [("devset", load_devset()), ("held-out set", load_heldout())]
    if fresh_parts():  # written blind to the gazetteer: summaries only, like the held-out set
        sets.insert(1, (f"held-out devset parts {', '.join(fresh_parts())}",
                        load_devset(fresh_parts())))
    if realnews_available():
        sets.append(("real-news pages", load_realnews(reference=args.reference)))
    for title, cases in sets:
        report = evaluate(cases, recognize)
        print(format_report(f"{title} ({len(cases)} texts)", report))
        if title.startswith("held-out"):
            continue  # summaries only: the held-out set is never tuned on, so never listed
        if args.misses:
            print("\n".join("    " + n for n in report.notes))
        if args.common:
            print(common_notes(report, args.common))


if __name__ == "__main__":
    main()
