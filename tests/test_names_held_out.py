"""bench/names_held_out.py: which gazetteer entries a fold meets unlisted, and the gazetteer
without them (round 53)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.names_held_out import office_actors, own_names, without
from tui.core.actors.gazetteer import BUNDLED, parse_gazetteer


def test_only_names_one_group_alone_names_are_held_out() -> None:
    mentions = {1: {"ann", "iran", "bob"}, 2: {"ann", "cal"}, 3: {"bob"}, 9: {"dan"}}
    group = {1: 0, 2: 1, 3: 0}  # article 9 is unlabelled: it counts for no group
    kinds = {"ann": "person", "bob": "person", "cal": "org", "iran": "state", "dan": "person"}
    assert own_names(mentions, group, kinds, kept={"cal"}) == {"bob": 0}


def test_the_gazetteer_without_them_still_loads_and_lacks_only_them() -> None:
    text = BUNDLED.read_text(encoding="utf-8")
    whole = parse_gazetteer(text, "bundled")
    people = sorted(a for a in whole if whole[a].kind == "person" and a not in office_actors())
    dropped = set(people[:5])
    left = parse_gazetteer(without(text, dropped), "held out")
    assert set(left) == set(whole) - dropped
