"""The pure story clustering: average linkage over link probabilities, no chaining, no
dependence on arrival order, stable story ids."""

from __future__ import annotations

import itertools

from tui.core.linking.features import Features
from tui.core.linking.objects import PREFIX as OBJECT_PREFIX
from tui.core.linking.stories import assign_ids, closest, cluster, date_range, label

T = 0.5
DAY = 86400.0


def _at(*ids: int, day: float = 0.0) -> dict[int, float]:
    return {i: day * DAY for i in ids}


def test_a_strong_pair_is_a_story_a_weak_one_is_not() -> None:
    assert cluster(_at(1, 2, 3, 4), {(1, 2): 0.8, (3, 4): 0.3}, T) == [[1, 2]]


def test_a_weak_link_joins_a_story_not_a_story_of_its_own() -> None:
    # 3 links to the core 1-2 only weakly (an analysis, a later reaction): it joins it
    assert cluster(_at(1, 2, 3), {(1, 2): 0.8, (2, 3): 0.3}, T) == [[1, 2, 3]]
    # below JOIN_MIN on average it stays alone
    assert cluster(_at(1, 2, 3), {(1, 2): 0.8, (2, 3): 0.06}, T) == [[1, 2]]


def test_a_piece_on_two_adjacent_events_joins_one_and_glues_nothing() -> None:
    # 1-2 (a strike) and 3-4 (the counter-strike) are tight; 5 recounts both, the strike more
    links = {(1, 2): 0.9, (3, 4): 0.9, (5, 1): 0.8, (5, 2): 0.7, (5, 3): 0.6, (5, 4): 0.6,
             (2, 3): 0.4}
    assert cluster(_at(1, 2, 3, 4, 5), links, T) == [[1, 2, 5], [3, 4]]


def test_average_not_single_linkage_stops_chains() -> None:
    # 1-2 and 3-4 are tight; one strong bridge 2-3 alone does not make one story of four
    links = {(1, 2): 0.9, (3, 4): 0.9, (2, 3): 0.7}
    assert cluster(_at(1, 2, 3, 4), links, T) == [[1, 2], [3, 4]]
    # when the groups link across on average, they are one event
    links.update({(1, 3): 0.6, (1, 4): 0.5, (2, 4): 0.6})
    assert cluster(_at(1, 2, 3, 4), links, T) == [[1, 2, 3, 4]]


def test_the_same_links_in_any_order_give_the_same_stories() -> None:
    links = {(1, 2): 0.9, (2, 3): 0.55, (1, 3): 0.52, (4, 5): 0.8, (3, 4): 0.6, (5, 6): 0.51}
    want = cluster(_at(1, 2, 3, 4, 5, 6), links, T)
    for order in itertools.permutations(range(1, 7)):
        published = {i: 0.0 for i in order}
        shuffled = dict(sorted(links.items(), key=lambda kv: order.index(kv[0][0])))
        flipped = {(b, a) if order.index(a) % 2 else (a, b): p for (a, b), p in shuffled.items()}
        assert cluster(published, flipped, T) == want


def test_a_pair_whose_sides_link_closer_elsewhere_seeds_no_story() -> None:
    # two tight events, and 7-8: a pair strong enough for a core, but 7's two closest are
    # of the first event and 8's of the second (a report and the next day's counter-strike)
    links = {(1, 2): 0.9, (1, 3): 0.9, (2, 3): 0.9, (4, 5): 0.9, (4, 6): 0.9, (5, 6): 0.9,
             (7, 8): 0.6, (7, 1): 0.7, (7, 2): 0.7, (8, 4): 0.7, (8, 5): 0.7}
    published = _at(*range(1, 9))
    assert cluster(published, links, T, seed_top=0) == [[1, 2, 3], [4, 5, 6], [7, 8]]
    # as mutual near neighbours only: no core of their own, each joins the event it links best
    assert cluster(published, links, T) == [[1, 2, 3, 7], [4, 5, 6, 8]]


def test_mutual_near_neighbours_still_seed_a_lone_pair() -> None:
    # an event of two reports has nothing closer: it is a story as before
    assert cluster(_at(1, 2, 3), {(1, 2): 0.8, (2, 3): 0.2}, T) == [[1, 2, 3]]
    assert cluster(_at(1, 2), {(1, 2): 0.8}, T, seed_top=1) == [[1, 2]]


def test_closest_links_whatever_their_order() -> None:
    rows = {1: {4: 0.5, 2: 0.9, 3: 0.5}, 2: {1: 0.9}}
    assert closest(rows, [1, 2], 2) == {1: frozenset({2, 3}), 2: frozenset({1})}  # tie: lower id
    flipped = {1: dict(reversed(list(rows[1].items()))), 2: rows[2]}
    assert closest(flipped, [1, 2], 2) == closest(rows, [1, 2], 2)


def test_span_guard() -> None:
    published = {1: 0.0, 2: 5 * DAY, 3: 20 * DAY}
    assert cluster(published, {(1, 2): 0.9, (2, 3): 0.9, (1, 3): 0.9}, T) == [[1, 2]]


def test_story_ids_stay_with_most_of_their_members() -> None:
    fresh = itertools.count(100)
    plan = assign_ids([[1, 2, 3], [4, 5]], {1: 7, 2: 7, 4: 7, 5: 9}, lambda: next(fresh))
    assert plan == {7: [1, 2, 3], 9: [4, 5]}
    plan = assign_ids([[1, 2], [3, 4]], {1: 7, 3: 7}, lambda: next(fresh))
    assert plan == {7: [1, 2], 100: [3, 4]}  # one id cannot go to two stories


def test_date_range() -> None:
    start = 1722816000.0  # 2024-08-05
    assert date_range(start, start + 3600) == "5 Aug 2024"
    assert date_range(start, start + DAY) == "5-6 Aug 2024"
    assert date_range(start, start + 30 * DAY) == "5 Aug-4 Sep 2024"


def _member(heads: tuple[str, ...], places: dict[str, float], lead: str = "a:irgc",
            day: float = 0.0) -> Features:
    return Features(published=1_727_800_000 + day * 86_400, script="latin",
                    actors={"irgc": 2.0}, states={}, places=places, focus={lead: 2.0},
                    terms={}, sig=(), lead=lead, heads=heads)


def test_a_label_names_states_most_headlines_name_and_only_a_common_place() -> None:
    members = [_member(("a:iran", "a:israel"), {"jericho": 3.1, "west-bank": 4.7}),
               _member(("a:israel", "p:tehran"), {"tehran": 2.1}),  # Tehran stands for Iran
               _member(("a:irgc", "a:iran"), {"jericho": 3.1}, day=1),
               _member(("a:israel",), {})]
    assert label(members)[0] == "Iran, Israel · 1-2 Oct 2024"  # Jericho: 2 of 4
    members += [_member(("a:irgc",), {}), _member(("a:irgc",), {})]
    assert label(members)[0] == "IRGC · 1-2 Oct 2024"  # Iran and Israel: 3 of 6


def test_a_state_whose_city_is_the_place_stays_out() -> None:
    members = [_member(("p:tehran", "a:iran"), {"tehran": 2.7}) for _ in range(3)]
    assert label(members)[0] == "IRGC · Tehran · 1 Oct 2024"


def test_a_named_object_is_never_a_label_s_place() -> None:
    """The tree cuts a label's place last: "Operation T…" would say nothing, Tehran does."""
    obj = f"{OBJECT_PREFIX}true-promise-2"
    members = [_member(("a:irgc",), {obj: 5.0, "tehran": 2.0}) for _ in range(3)]
    assert label(members)[0] == "IRGC · Tehran · 1 Oct 2024"
    members = [_member(("a:irgc",), {obj: 5.0}) for _ in range(3)]
    assert label(members)[0] == "IRGC · 1 Oct 2024"


def _named(actors: dict[str, float], lead: str, day: float = 0.0) -> Features:
    return Features(published=1_737_000_000 + day * 86_400, script="latin", actors=actors,
                    states={}, places={}, focus={lead: 2.0}, terms={}, sig=(), lead=lead,
                    heads=())


def test_a_label_names_the_people_most_members_name() -> None:
    """A ceasefire covered three times: Hamas in all three, the mediator's prime minister
    and Erdogan each in one, Erdogan the protagonist of his (heavily named): one mention in
    one of three articles is a marginal actor, whatever its weight there."""
    members = [_named({"hamas": 2.0, "icrc": 5.0}, "a:hamas"),
               _named({"recep-tayyip-erdogan": 5.0, "hamas": 1.0}, "a:recep-tayyip-erdogan"),
               _named({"mohammed-bin-abdulrahman-al-thani": 5.0, "hamas": 2.0}, "a:hamas",
                      day=2)]
    assert label(members)[0] == "Hamas · 16-18 Jan 2025"
    members.append(_named({"ismail-haniyeh": 1.0, "hamas": 1.0, "icrc": 1.0}, "a:icrc"))
    assert label(members)[0].startswith("Hamas, ICRC")  # two of four name it: the rest fewer
    pair = [_named({"hamas": 1.0}, "a:hamas"),
            _named({"recep-tayyip-erdogan": 5.0, "hamas": 1.0}, "a:recep-tayyip-erdogan")]
    assert label(pair)[0].startswith("Hamas, Erdogan")  # of two, one is half: by prominence


def test_a_weights_file_names_its_join_min_or_reads_the_hand_set_one() -> None:
    from tui.core.linking.score import from_json
    from tui.core.linking.stories import JOIN_MIN

    model = {"bias": -3.0, "weights": {"text": 5.0}, "link_min": 0.02, "story_min": 0.4}
    assert from_json("hybrid", model).join_min == JOIN_MIN
    assert from_json("hybrid", {**model, "join_min": 0.01}).join_min == 0.01
