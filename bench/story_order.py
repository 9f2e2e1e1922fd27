"""Where the related lists' errors come from: story-first order or the pair scores.

    python bench/story_order.py            # dev set, 5 folds by event, every variant below

Folds by event as in bench/related_eval.py: per fold the score is fitted on the other folds'
pairs and the cache re-linked with it. Then, in memory, stories are made by each story rule
(its threshold chosen on the training events' B3-F1, never on the fold scored) and each
article's links ordered by each list rule; only the fold's articles are scored. The figures
are in tests/data/related_eval.md ("Story-first or the pair scores").

List rules: the store's (the article's story first, then by probability), probability alone,
the story as a bonus in logits, a tight story (a high threshold) as a first tier, and a
re-rank fitted on the training articles' lists. Story rules: average linkage as shipped, and
average linkage with a veto on merges (every member linked to a share of the other group; a
share of the pairs across linked; two groups apart in time need a higher average).
"""

from __future__ import annotations

import heapq
import math
import sqlite3
import sys
import tempfile
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import related_eval as ev
from bench.related_data import Cache, build_cache, load_devset
from bench.related_metrics import Figures, evaluate, fmt
from tui.core.related_rank import STORY_GAP_DAYS

Links = dict[int, list[tuple[int, float]]]  # article -> (other, probability), as stored
Rule = Callable[[int, int, float, bool], float]  # (article, other, p, same story) -> rank key
Veto = Callable[[list[int], list[int]], bool]  # may these two groups merge?
GRID = (0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6)
TIGHT = (0.4, 0.5, 0.6, 0.7, 0.8)
STORY_LINK_MIN = 0.05  # index.STORY_LINK_MIN


def snapshot(conn: sqlite3.Connection) -> tuple[Links, dict[int, tuple[str, str]],
                                                 dict[int, float]]:
    links: Links = {}
    for a, b, p in conn.execute("SELECT article_id, other_id, score FROM links"):
        links.setdefault(a, []).append((b, p))
    meta = {a: (pub, key) for a, pub, key in conn.execute(
        "SELECT id, published, key FROM articles")}
    published = dict(conn.execute("SELECT article_id, published FROM link_features"))
    return links, meta, published


def as_shown(conn: sqlite3.Connection, links: Links, story: Mapping[int, int]) -> Links:
    """The links a list shows (`related_items.shown`: reasons naming something shared, two
    scripts, or the same story), as the store's lists show them; the stories are made from
    all of `links`."""
    from tui.core.related_items import listed_apart

    why = {(a, b): bool(w) for a, b, w in conn.execute(
        "SELECT article_id, other_id, says_why FROM links")}
    script = dict(conn.execute("SELECT article_id, json_extract(features, '$.s') "
                               "FROM link_weighed"))
    return {a: [(b, p) for b, p in rows
                if (story.get(a) is not None and story.get(a) == story.get(b))
                or listed_apart(why[(a, b)], script.get(a) != script.get(b))]
            for a, rows in links.items()}


def ordered(links: Links, meta: Mapping[int, tuple[str, str]], story: Mapping[int, int],
            rule: Rule, limit: int = 10) -> Callable[[int], list[int]]:
    """Related ids best first by `rule`; ties as the store breaks them (newer, then key)."""
    def related(aid: int) -> list[int]:
        mine = story.get(aid)

        def key(row: tuple[int, float]) -> tuple[float, tuple[int, ...], str]:
            b, p = row
            pub, k = meta[b]
            return (-rule(aid, b, p, mine is not None and story.get(b) == mine),
                    tuple(-ord(c) for c in pub), k)
        return [b for b, _p in sorted(links.get(aid, []), key=key)[:limit]]
    return related


def story_first(_a: int, _b: int, p: float, same: bool) -> float:
    return (10.0 if same else 0.0) + p


def supported(links: Links, weight: float) -> Rule:
    """Story first, then by `related_rank.rank_value`: the store's order with the model's
    second-order weight (`links`: every article's kept links, as the store keeps them)."""
    from tui.core.related_rank import mass, rank_value, support

    if not weight:
        return story_first
    lk = {a: dict(r) for a, r in links.items()}
    return lambda a, b, p, same: (1000.0 if same else 0.0) + rank_value(
        p, support(p, *mass(a, lk.get(a, {}), lk.get(b, {}))[:2]), weight)


def choose_support(links: Links, listed: Links, meta: Mapping[int, tuple[str, str]],
                   story: Mapping[int, int], truth: Mapping[int, str],
                   trained: Sequence[int]) -> float:
    """related_eval.choose_support in memory: the weight of SUPPORT_GRID with the fewest
    intrusions over the `trained` articles' lists (`listed`: the links they show)."""
    best: tuple[int, float] | None = None
    for w in ev.SUPPORT_GRID:
        got = evaluate(truth, ordered(listed, meta, story, supported(links, w)), story,
                       trained).intrusions
        if best is None or got < best[0]:
            best = (got, w)
    assert best is not None
    return best[1]


def score_only(_a: int, _b: int, p: float, _same: bool) -> float:
    return p


def logit(p: float) -> float:
    return math.log(max(p, 1e-4) / max(1 - p, 1e-4))


def bonus(beta: float) -> Rule:
    return lambda _a, _b, p, same: logit(p) + (beta if same else 0.0)


def tiered(story: Mapping[int, int], tight: Mapping[int, int]) -> Rule:
    def rule(a: int, b: int, p: float, same: bool) -> float:
        return (10.0 if a in tight and tight.get(b) == tight[a] else 0.0) + story_first(
            a, b, p, same)
    return rule


def fitted(links: Links, story: Mapping[int, int], trained: Sequence[int],
           truth: Mapping[int, str]) -> Rule:
    """A logistic re-rank fitted on the training articles' lists: logit p, same story, the
    other's average link to the article's story mates, and p over the other's best link."""
    from tui.core.linking.logistic import fit

    lk = {a: dict(r) for a, r in links.items()}
    members: dict[int, list[int]] = {}
    for x, sid in story.items():
        members.setdefault(sid, []).append(x)

    def parts(a: int, b: int, p: float, same: bool) -> list[float]:
        mates = [m for m in members.get(story.get(a, -1), []) if m not in (a, b)]
        support = sum(lk.get(b, {}).get(m, 0.0) for m in mates) / len(mates) if mates else 0.0
        best = max(lk.get(b, {}).values(), default=0.0)
        return [logit(p), 1.0 if same else 0.0, support, p / best if best else 0.0]

    rows, labels = [], []
    for a in trained:
        for b, p in links.get(a, []):
            rows.append(parts(a, b, p, a in story and story.get(b) == story[a]))
            labels.append(int(truth[a] == truth[b]))
    _bias, w = fit(rows, labels, l2=0.1)
    return lambda a, b, p, same: sum(x * y for x, y in zip(w, parts(a, b, p, same),
                                                            strict=True))


# ---------------------------------------------------------------- story rules


def vetoed(published: Mapping[int, float], links: Sequence[tuple[int, int, float]],
           threshold: float, ok: Veto, max_span_days: float = 14.0) -> list[list[int]]:
    """stories.cluster (average linkage, best pair first) with a veto on merges."""
    members = {a: [a] for a in published}
    span = {a: (t, t) for a, t in published.items()}
    sums: dict[int, dict[int, float]] = {a: {} for a in published}
    for a, b, p in links:
        if a != b and a in sums and b in sums:
            sums[a][b] = sums[b][a] = max(p, sums[a].get(b, 0.0))
    heap = [(-p, a, b) for a, row in sums.items() for b, p in row.items()
            if a < b and p >= threshold]
    heapq.heapify(heap)
    while heap:
        neg, a, b = heapq.heappop(heap)
        if a not in members or b not in members or b not in sums[a]:
            continue
        if -neg != sums[a][b] / (len(members[a]) * len(members[b])):
            continue
        lo, hi = min(span[a][0], span[b][0]), max(span[a][1], span[b][1])
        if (hi - lo) / 86400 > max_span_days or not ok(members[a], members[b]):
            continue
        members[a] += members.pop(b)
        span[a] = (lo, hi)
        del span[b]
        theirs = sums.pop(b)
        theirs.pop(a, None)
        sums[a].pop(b, None)
        for other, p in theirs.items():
            sums[other].pop(b, None)
            sums[a][other] = sums[other][a] = sums[a].get(other, 0.0) + p
        for other in sorted(sums[a]):
            avg = sums[a][other] / (len(members[a]) * len(members[other]))
            if avg >= threshold:
                heapq.heappush(heap, (-avg, min(a, other), max(a, other)))
    return sorted(sorted(m) for m in members.values() if len(m) > 1)


def _pairs(links: Sequence[tuple[int, int, float]]) -> dict[tuple[int, int], float]:
    out: dict[tuple[int, int], float] = {}
    for a, b, p in links:
        out[(a, b)] = out[(b, a)] = max(p, out.get((a, b), 0.0))
    return out


def every_member(links: Sequence[tuple[int, int, float]], m: float, share: float) -> Veto:
    """Every member of each group links at >= m to `share` of the other group."""
    p = _pairs(links)
    return lambda x, y: all(
        sum(p.get((a, b), 0.0) >= m for b in other) >= share * len(other) - 1e-9
        for side, other in ((x, y), (y, x)) for a in side)


def across(links: Sequence[tuple[int, int, float]], m: float, share: float) -> Veto:
    """`share` of the pairs across the two groups link at >= m."""
    p = _pairs(links)
    return lambda x, y: (sum(p.get((a, b), 0.0) >= m for a in x for b in y)
                         >= share * len(x) * len(y) - 1e-9)


def bursts(published: Mapping[int, float], links: Sequence[tuple[int, int, float]],
           hours: float, floor: float) -> Veto:
    """Two groups `hours` or more apart in time (no overlap) merge only at an average of
    `floor` or more: two bursts a day apart are two events unless linked throughout."""
    p = _pairs(links)

    def ok(x: list[int], y: list[int]) -> bool:
        tx, ty = [published[a] for a in x], [published[a] for a in y]
        if max(min(ty) - max(tx), min(tx) - max(ty)) < hours * 3600:
            return True
        return sum(p.get((a, b), 0.0) for a in x for b in y) / (len(x) * len(y)) >= floor
    return ok


def story_rules(published: Mapping[int, float], links: Sequence[tuple[int, int, float]],
                kept: Sequence[tuple[int, int, float]]
                ) -> dict[str, Callable[[float], list[list[int]]]]:
    """`links`: those stories are made from (STORY_LINK_MIN up); `kept`: every stored one."""
    from tui.core.linking import stories as st

    rules: dict[str, Callable[[float], list[list[int]]]] = {
        "average (shipped)": lambda t: st.cluster(published, links, t)}
    # Average log-odds instead of average probability (a missing link counts as LINK_MIN):
    # the sum of logits over the pairs is what a calibrated score says of the merge.
    floor = logit(0.02)
    odds = [(a, b, logit(p) - floor) for a, b, p in kept]
    rules["average log-odds"] = lambda t: st.cluster(published, odds, logit(t) - floor)
    vetoes: dict[str, Veto] = {}
    for m in (0.3, 0.5):
        for s in (0.34, 0.67):
            vetoes[f"every member >= {m} to {s:.0%}"] = every_member(links, m, s)
    for m in (0.2, 0.3, 0.5):
        for s in (0.5, 0.75):
            vetoes[f"{s:.0%} of pairs across >= {m}"] = across(links, m, s)
    for h in (12, 24):
        for f in (0.4, 0.6):
            vetoes[f"bursts {h} h apart need {f}"] = bursts(published, links, h, f)
    for name, veto in vetoes.items():
        rules[name] = (lambda v: lambda t: vetoed(published, links, t, v))(veto)
    return rules


def as_map(groups: Sequence[Sequence[int]]) -> dict[int, int]:
    return {a: g[0] for g in groups for a in g}


# ---------------------------------------------------------------- the comparison


def story_runs(published: Mapping[int, float], story: Mapping[int, int],
               gap_days: float = STORY_GAP_DAYS) -> dict[int, int]:
    """The story map with each story cut at its time gaps of more than `gap_days`: the lists'
    story tier as the store ranks it (related_rank.run_of), stories themselves unchanged."""
    groups: dict[int, list[int]] = {}
    for a, s in story.items():
        groups.setdefault(s, []).append(a)
    out: list[list[int]] = []
    for m in groups.values():
        m.sort(key=lambda a: (published[a], a))
        start = 0
        for i in range(1, len(m)):
            if published[m[i]] - published[m[i - 1]] > gap_days * 86400:
                out.append(m[start:i])
                start = i
        out.append(m[start:])
    return as_map([sorted(g) for g in out if len(g) > 1])


def compare(cache: Cache, table: Sequence[ev.Pair], extra: Sequence[ev.Pair],
            every: bool = True) -> dict[str, Figures]:
    """'story rule | list rule' -> pooled out-of-sample figures (`every`: all the rules;
    else only the shipped stories, story-first and score-only)."""
    from tui.core.linking import index
    from tui.core.store.write_turns import transaction

    which = ev.fold_of(list(cache.gold.values()))
    truth = {aid: a.truth for aid, a in cache.gold.items()}
    out: dict[str, Figures] = {}
    for k in range(ev.FOLDS):
        train = ev.training([*table, *extra], which, truth, k)
        with transaction(cache.conn):
            index.relink(cache.conn, ev.hybrid_fitter(train))  # type: ignore[arg-type]
        links, meta, published = snapshot(cache.conn)
        trained = [a for a in cache.gold if which[truth[a]] != k]
        scored = [a for a in cache.gold if which[truth[a]] == k]
        strong = [(a, b, p) for a, rows in links.items() for b, p in rows
                  if p >= STORY_LINK_MIN]
        rules = story_rules(published, strong,
                            [(a, b, p) for a, rows in links.items() for b, p in rows])
        for sname, make in rules.items() if every else list(rules.items())[:1]:
            if sname == "average (shipped)":  # as the store's folds choose (related_eval)
                story = ev.best_stories(published, strong, truth, trained)[2]
            else:
                best: tuple[float, dict[int, int]] | None = None
                for t in GRID:
                    story = as_map(make(t))
                    f1 = evaluate(truth, lambda _a: [], story, trained).summary()["b3_f1"]
                    if best is None or f1 > best[0] + 1e-9:
                        best = (f1, story)
                assert best is not None
                story = best[1]
            listed = as_shown(cache.conn, links, story)
            tier = story_runs(published, story)  # the list's story tier: my run of it
            w = choose_support(links, listed, meta, tier, truth, trained)
            orders: dict[str, Rule] = {"story first": supported(links, w),
                                       "score only": score_only}
            if sname == "average (shipped)":
                _causes(out, truth, ordered(listed, meta, tier, supported(links, w)),
                        ordered(listed, meta, tier, score_only), story, scored)
            if every and sname == "average (shipped)":
                names = {n: i for i, n in enumerate(sorted(set(truth.values())))}
                gold = {a: names[truth[a]] for a in cache.gold}  # the oracle: perfect stories
                out.setdefault("gold stories (oracle) | story first", Figures()).add(evaluate(
                    truth, ordered(as_shown(cache.conn, links, gold), meta, gold, story_first),
                    story, scored))
                orders.update({f"bonus {b} logits": bonus(b) for b in (0.5, 1.0, 2.0)})
                for tt in TIGHT:
                    orders[f"tight {tt} first"] = tiered(story, as_map(make(tt)))
                orders["fitted re-rank"] = fitted(links, story, trained, truth)
            for oname, rule in orders.items():
                related = ordered(listed, meta, tier, rule)
                out.setdefault(f"{sname} | {oname}", Figures()).add(
                    evaluate(truth, related, story, scored))
                if sname == "average (shipped)" and oname in ("story first", "score only"):
                    for lang in sorted({cache.gold[a].lang for a in scored}):
                        mine = [a for a in scored if cache.gold[a].lang == lang]
                        out.setdefault(f"{oname} {lang}", Figures()).add(
                            evaluate(truth, related, story, mine))
    return out


CAUSES = ("P@1 miss, story first", "also a miss by score alone",
          "intruder in the article's story", "intruder outside it", "intruder, article in no story")


def _causes(out: dict[str, Figures], truth: Mapping[int, str], first: Callable[[int], list[int]],
            alone: Callable[[int], list[int]], story: Mapping[int, int],
            scored: Sequence[int]) -> None:
    """Counts, under the name of each cause, in `intrusions` of an empty Figures."""
    for aid in scored:
        same = {b for b in truth if truth[b] == truth[aid] and b != aid}
        if not same:
            continue
        got = first(aid)
        if got and got[0] not in same:
            out.setdefault(CAUSES[0], Figures()).intrusions += 1
            if alone(aid)[0] not in same:
                out.setdefault(CAUSES[1], Figures()).intrusions += 1
        for b in got[:min(5, len(same))]:
            if b not in same:
                cause = (CAUSES[4] if aid not in story else
                         CAUSES[2] if story.get(b) == story[aid] else CAUSES[3])
                out.setdefault(cause, Figures()).intrusions += 1


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        cache = build_cache(Path(tmp), load_devset())
        table = ev.pairs(cache)
        for name, figures in compare(cache, table, ev.background(cache, table)).items():
            if name in CAUSES:
                print(f"{name:<48} {figures.intrusions}")
            else:
                print(f"{name:<48} {fmt(figures.summary())}")
        cache.close()


if __name__ == "__main__":
    main()
