"""Issue 15, round 56 probe: "another act". Adjacent events with the same people (a second
strike on one city, the next round of talks) told apart by what each text says happened this
time, on story_fit's in-memory folds as sig_probe runs them (tier3, refitted per fold).

    python bench/act_probe.py --only base acts_jac lead_repeat [--seeds 7 8 9] [--folds 5]

"acts_jac": the Jaccard of the two articles' what-to-whom keys (acts.py: "type a:id" per
headline or lead sentence), when both have some (acts_apart is its zero, as a flag);
"acts_jac12": acts_jac half a day or more apart only; "acts_new": the share of the later
one's keys the earlier one lacks (both have some, half a day or more apart);
"acts_apart24": acts_apart a day or more apart only; "lead_repeat": the later one's lead
(not its headline, `repeat`'s) says its event repeats an earlier one or comes after it ("a
day after", "спустя", "غداة", "یک روز پس از"), half a day or more apart.
"apart_mass": acts_apart times the shared names' mass (same people, other acts; "_12":
half a day or more apart); "unmet_mass": (1 - acts_jac) times that mass. `acts_jac` ships as
`score.acts_alike`: run this probe on a tree without it (its base is then the product's).
Figures: tests/data/related_eval.md, round 56.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import names_probe as npr
from bench import sig_probe as sp
from bench import story_fit as sf
from bench.related_eval import Pair

LEAD_AGAIN: dict[int, bool] = {}  # the lead says again / after another
_AFTER = re.compile(
    r"(?<![\w\u200c])(?:(?:a|one|two|three|four|five|six|\d+) (?:days?|weeks?|hours?) "
    r"(?:after|since)|the day after|days after|a week after|"
    r"спустя|на следующий день|через (?:день|сутки|неделю|два дня|несколько дней) после|"
    r"غداة|بعد يوم|بعد يومين|بعد أيام|بعد أسبوع|"
    r"(?:یک|دو|چند) روز (?:پس|بعد) از|روز بعد از|یک هفته پس از)(?![\w\u200c])",
    re.IGNORECASE,
)


def _days(p: Pair) -> float:
    return p.parts["days"] * 7


def _later(p: Pair) -> tuple[int, int]:
    x, y = npr.FEATS[p.a], npr.FEATS[p.b]
    if abs(y.published - x.published) > sp.ev.APART_DAYS * sp.DAY:  # background: b moved
        return (p.b, p.a) if p.parts["days"] >= 0 else (p.a, p.b)
    return (p.a, p.b) if x.published >= y.published else (p.b, p.a)


def acts_jac(p: Pair) -> float:
    x, y = npr.FEATS[p.a].acts, npr.FEATS[p.b].acts
    if not (x and y):
        return 0.0
    met = len(x & y)
    return met / (len(x) + len(y) - met)


def acts_new(p: Pair) -> float:
    if _days(p) < 0.5:
        return 0.0
    late, early = _later(p)
    x, y = npr.FEATS[late].acts, npr.FEATS[early].acts
    if not (x and y):
        return 0.0
    return len(x - y) / len(x)


def acts_apart24(p: Pair) -> float:
    return p.parts["acts_apart"] if _days(p) >= 1.0 else 0.0


def lead_repeat(p: Pair) -> float:
    if _days(p) < 0.5:
        return 0.0
    late, _early = _later(p)
    return 1.0 if LEAD_AGAIN[late] else 0.0


def apart_mass(p: Pair) -> float:
    """Same people, other acts: acts_apart times the shared names' mass (`mass`), so the
    fit can discount the names two adjacent events share."""
    return p.parts["acts_apart"] * p.parts["mass"]


def unmet_mass(p: Pair) -> float:
    """The graded form: (1 - acts_jac) times the shared mass, both with acts."""
    x, y = npr.FEATS[p.a].acts, npr.FEATS[p.b].acts
    return (1.0 - acts_jac(p)) * p.parts["mass"] if x and y else 0.0


def apart_mass12(p: Pair) -> float:
    return apart_mass(p) if _days(p) >= 0.5 else 0.0


def acts_jac12(p: Pair) -> float:
    """acts_jac half a day or more apart only: the same act told again a day on."""
    return acts_jac(p) if _days(p) >= 0.5 else 0.0


NEW = {
    "acts_jac12": acts_jac12,
    "apart_mass": apart_mass,
    "unmet_mass": unmet_mass,
    "apart_mass12": apart_mass12,
    "acts_jac": acts_jac,
    "acts_new": acts_new,
    "acts_apart24": acts_apart24,
    "lead_repeat": lead_repeat,
}
sp.PAIRWISE.update(NEW)
sp.EXTRA.update({n: {n: f} for n, f in NEW.items()})  # type: ignore[misc]
sp.EXTRA["jac_repeat"] = {"acts_jac": acts_jac, "lead_repeat": lead_repeat}  # type: ignore[dict-item]


def main() -> None:
    from tui.core.linking import index
    from tui.core.linking.acts import lead_of
    from tui.core.linking.when import repeats

    args = sf.probe_args()

    def read(conn: object, gold: dict[int, object]) -> dict[int, object]:
        for aid, body in conn.execute(  # type: ignore[attr-defined]
            "SELECT id, coalesce(body, '') FROM articles"
        ):
            lead = lead_of(body)
            LEAD_AGAIN[aid] = repeats(lead) or _AFTER.search(lead) is not None
            sp.DATED[aid] = False  # sig_probe's own parts are not asked here
        return index.features(conn, sorted(gold))  # type: ignore[arg-type]

    bench, feats = sf.rv.load_with(read, seeds=args.seeds)
    npr.FEATS.update(feats)  # type: ignore[arg-type]
    sp.report(bench, args)


if __name__ == "__main__":
    main()
