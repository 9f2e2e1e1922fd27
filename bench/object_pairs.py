"""Issue 15, round 51: the development set's article pairs that name one named object
(`tui/data/objects.toml`, found by the linker's matcher), by class.

    python bench/object_pairs.py [--parts a b c ...] [--list]

Same-event pairs across scripts share nothing else the text part reads, and before the table
no id either: each is a pair the matching missed. Same-event pairs in one script that name
the object in other words ("Sumud Flotilla" / "Global Sumud Flotilla", "Rising Lion" /
"Operation Rising Lion") shared it only through a paraphrase. Other events' pairs that name
one object are what the table could join wrongly (within the linker's 14-day window or not).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.related_data import FITTED_PARTS, load_devset


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--parts", nargs="+", default=[*FITTED_PARTS, "p"])
    parser.add_argument("--list", action="store_true", help="every pair, by class")
    args = parser.parse_args()
    from tui.core.linking.objects import is_object
    from tui.core.linking.text import place_matcher, split_words
    from tui.core.scripts import script_of

    matcher = place_matcher()
    kind = {k: v.kind for k, v in matcher.places.items() if is_object(k)}
    arts = load_devset(args.parts)
    named: dict[str, dict[str, set[str]]] = {}  # slug -> object id -> the words it was named by
    script = {}
    for a in arts:
        found: dict[str, set[str]] = {}
        for field in (a.title, a.body):
            words = split_words(field)
            for i, n, pid in matcher.spans(words):
                if is_object(pid):
                    found.setdefault(pid, set()).add(" ".join(words[1][i : i + n]))
        named[a.slug] = found
        script[a.slug] = script_of(f"{a.title} {a.body[:2000]}")
    classes: Counter[str] = Counter()
    kinds: Counter[tuple[str, str]] = Counter()
    rows: dict[str, list[str]] = {}
    for x, y in combinations(arts, 2):
        shared = named[x.slug].keys() & named[y.slug].keys()
        if not shared:
            continue
        days = abs((x.published - y.published).total_seconds()) / 86400
        cross = script[x.slug] != script[y.slug]
        if x.event and x.event == y.event:
            if cross:
                cls = "same event, across scripts"
            elif any(named[x.slug][o] != named[y.slug][o] for o in shared):
                cls = "same event, one script, named in other words"
            else:
                cls = "same event, one script, the same words"
        else:
            cls = (
                f"other events, {'within' if days <= 14 else 'past'} 14 days, "
                f"{'across scripts' if cross else 'one script'}"
            )
        classes[cls] += 1
        for o in shared:
            kinds[cls, kind.get(o, "?")] += 1
        rows.setdefault(cls, []).append(
            f"{x.slug} ({x.lang}) ~ {y.slug} ({y.lang}): "
            f"{', '.join(sorted(o[4:] for o in shared))}, {days:.1f} days"
        )
    print(
        f"parts {' '.join(args.parts)}: {len(arts)} articles, "
        f"{sum(1 for v in named.values() if v)} name an object of the table"
    )
    for cls, n in sorted(classes.items()):
        by_kind = ", ".join(f"{k} {m}" for (c, k), m in sorted(kinds.items()) if c == cls)
        print(f"  {cls}: {n} pairs ({by_kind})")
        if args.list:
            for row in rows[cls]:
                print(f"      {row}")


if __name__ == "__main__":
    main()
