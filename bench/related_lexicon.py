"""Event-type lexicon gaps and the object of an event, scored out of sample in memory.

    python bench/related_lexicon.py

Variants of `what.py`'s lexicon (types added, cues moved) are read into each article's profile
here, and the pair's `what` and `what_clash` recomputed from them, replacing the shipped parts
(bench/related_variants.py: same folds, seeds and fold counts, refitted each time; the shipped
lexicon read again gives main's figures to the last digit, printed first as a check). The
object of an event is read from the headline's named people and places beside its event
types. Figures and what was kept: tests/data/related_eval.md.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import related_eval as ev
from bench import related_variants as rv
from bench.related_data import Labelled

Lexicon = dict[str, tuple[str, tuple[str, ...]]]
Part = Callable[[ev.Pair], float]

# Types news in each language names and the shipped lexicon lacks, one line per language
# (en, ru, ar, fa), from how reports name such events in general, not from the set's misses.
ADDED: Lexicon = {
    # a decree or order is signed too: the signing verb with its object is not an agreement
    "decree": ("decree", (
        "decree* executive_order signed_a_decree signed_an_order signed_into_law signs_decree",
        "указ указа указом указе подписал_указ подписала_указ",
        "مرسوم مرسوما مراسيم",
        "فرمان فرمانی",  # not a stem: فرمانده is a commander
    )),
    # a call-up of reservists; not "призыв*" (призывает: calls for restraint)
    "mobilisation": ("mobilisation", (
        "mobilis* mobiliz* conscript* call-up call_up reservist*",
        "мобилизац* мобилизов* призывник* резервист* военкомат*",
        "تعبئه تجنيد",
        "بسیج_نسبی بسیج_عمومی سربازگیری",  # not بسیج alone: the Basij militia
    )),
    # a town taken or retaken; "captured" and "захват*" stay with the fall of a government
    "territory": ("town taken or retaken", (
        "recaptur* retook retake* retaken regain* liberat* took_control fell_to withdrew_from"
        " pulled_out_of",
        "населенный_пункт населенного_пункта отбил* отвоева* овладел* отступ*",
        "استعاد_السيطره استعادت_السيطره",  # not استعاد* alone: recovering hostages too
        "بازپس_گیری بازپس_گرفت* عقب_نشینی",
    )),
}
SIGNING = frozenset({"signed", "signing", "подписа*", "توقيع", "امضا*"})


def unsigned(lexicon: Lexicon) -> Lexicon:
    """The agreement type without the bare signing verbs."""
    label, lines = lexicon["treaty"]
    return {**lexicon, "treaty": (label, tuple(" ".join(c for c in line.split()
                                                        if c not in SIGNING) for line in lines))}


def _use(lexicon: Lexicon) -> None:
    from tui.core.linking import what

    what.LEXICON.clear()
    what.LEXICON.update(lexicon)
    what._TYPES = tuple(what.LEXICON)
    what._lexicon.cache_clear()
    what._ONE.clear()
    what._PLAIN.clear()


def profiles(gold: Mapping[int, Labelled], lexicon: Lexicon,
             headline_only: bool = False) -> dict[int, dict[str, float]]:
    """Each article's profile read with `lexicon` (unit vectors; raw headline weights)."""
    from tui.core.linking import what

    shipped = dict(what.LEXICON)
    _use(lexicon)
    try:
        if headline_only:
            return {a: {k: v for k, v in what.profile(g.title).items() if v > 0}
                    for a, g in gold.items()}
        return {a: what.unit(what.profile(g.title, g.body)) for a, g in gold.items()}
    finally:
        _use(shipped)


def what_parts(prof: Mapping[int, dict[str, float]]) -> dict[str, Part]:
    """`what` and `what_clash` from other profiles (score._pair's arithmetic)."""
    from tui.core.linking.what import agreement, clash

    return {"what": lambda p: agreement(prof[p.a], prof[p.b]),
            "what_clash": lambda p: 1.0 if clash(prof[p.a], prof[p.b]) else 0.0}


def headline_objects(feats: Mapping[int, object], people: bool) -> dict[int, set[str]]:
    """What the headline names that an event happens to or at: cities and regions (and with
    `people`, persons and organisations), not states."""
    from tui.core.linking.names import actor_kind, place_kind

    out = {}
    for a, f in feats.items():
        keep = set()
        for key in f.heads:  # type: ignore[attr-defined]
            kind, ident = key.split(":", 1)
            if (kind == "p" and place_kind(ident) != "country") or (
                    kind == "a" and people and actor_kind(ident) not in ("state", "media")):
                keep.add(key)
        out[a] = keep
    return out


def object_parts(types: Mapping[int, dict[str, float]], objects: Mapping[int, set[str]],
                 named: Mapping[int, set[str]], strict: bool) -> tuple[Part, Part]:
    """(apart, same): the headlines name one kind of event and objects that share nothing
    (`strict`: neither's object named anywhere in the other), or share one."""
    def one_kind(p: ev.Pair) -> bool:
        return bool(types[p.a].keys() & types[p.b].keys())

    def apart(p: ev.Pair) -> float:
        ox, oy = objects[p.a], objects[p.b]
        if not (one_kind(p) and ox and oy) or ox & oy:
            return 0.0
        return 0.0 if strict and (ox & named[p.b] or oy & named[p.a]) else 1.0

    def same(p: ev.Pair) -> float:
        return 1.0 if one_kind(p) and objects[p.a] & objects[p.b] else 0.0

    return apart, same


def load() -> tuple[rv.Bench, dict[int, Labelled], dict[int, object]]:
    """rv.load's bench, and the articles' texts and features."""
    from tui.core.linking import index

    def more(conn: Any, gold: dict[int, Labelled]) -> tuple[
            dict[int, Labelled], dict[int, object]]:
        return gold, dict(index.features(conn, sorted(gold)))

    bench, (gold, feats) = rv.load_with(more)
    return bench, gold, feats


def main() -> None:
    from tui.core.linking.what import LEXICON

    bench, gold, feats = load()
    shipped: Lexicon = dict(LEXICON)
    lexicons = {"shipped lexicon read again": shipped,
                "+ decree, mobilisation, town": {**shipped, **ADDED},
                "+ the three, unsigned treaty": unsigned({**shipped, **ADDED}),
                "+ decree": {**shipped, "decree": ADDED["decree"]},
                "+ decree, unsigned treaty": unsigned({**shipped, "decree": ADDED["decree"]}),
                "unsigned treaty": unsigned(shipped),
                "+ mobilisation": {**shipped, "mobilisation": ADDED["mobilisation"]},
                "+ town taken or retaken": {**shipped, "territory": ADDED["territory"]}}
    for name, lexicon in lexicons.items():
        rv.report(bench, rv.Variant(name, what_parts(profiles(gold, lexicon))))
    types = profiles(gold, shipped, headline_only=True)
    named = {a: {*(f"a:{k}" for k in f.actors), *(f"p:{k}" for k in f.places)}  # type: ignore[attr-defined]
             for a, f in feats.items()}
    for people in (False, True):
        objects = headline_objects(feats, people)
        for strict in (False, True):
            apart, same = object_parts(types, objects, named, strict)
            name = f"object {'place, person' if people else 'place'}{' strict' if strict else ''}"
            rv.report(bench, rv.Variant(name + " apart", {"object_apart": apart}))
            rv.report(bench, rv.Variant(name + " both", {"object_apart": apart,
                                                         "object_same": same}))


if __name__ == "__main__":
    main()
