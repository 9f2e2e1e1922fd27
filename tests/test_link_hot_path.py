# ruff: noqa: RUF001 - Cyrillic letters in the texts are meant
"""The text half of linking runs once per article in the pool's workers (10k in a cold run of
the bench site): what it calls per actor mention and per span stays free of fixed costs. An
import statement inside a function runs on every call (~3 us for `from x import a, b, c`),
and `names.actor_kind` and `described_body` ran two per mention and span, ~39 per article
(~0.1 ms, a tenth of the text half)."""

from __future__ import annotations

import builtins
import json
from collections import Counter, defaultdict
from typing import Any

import pytest

from tui.core.actors.gazetteer import load_gazetteer
from tui.core.actors.matcher import Matcher
from tui.core.linking.features import raw_features

ARTICLES = (
    ("Shoigu meets Pezeshkian in Tehran as the IRGC holds drills",
     "Sergei Shoigu met Masoud Pezeshkian in Tehran on Monday. The IRGC said its drills near "
     "Bandar Abbas would go on. Hezbollah and Hamas welcomed the visit."),
    ("Лидер «Хезболлы» выступил с речью",
     "Генсек «Хезболлы» пообещал ответ. В Кремле призвали к сдержанности."),
    ("سخنگوی وزارت امور خارجه", "سخنگوی وزارت امور خارجه گفت ایران پاسخ می‌دهد."),
)


def _rows(title: str, body: str) -> list[tuple[str, int, str]]:
    spans: dict[str, list[list[object]]] = defaultdict(list)
    for m in Matcher(load_gazetteer()).match(title, body):
        spans[m.actor_id].append([m.field, m.start, m.end])
    return [(a, len(s), json.dumps(s)) for a, s in spans.items()]


def test_the_text_half_imports_nothing_per_mention(monkeypatch: pytest.MonkeyPatch) -> None:
    articles = [(title, body, _rows(title, body)) for title, body in ARTICLES]
    assert all(rows for _t, _b, rows in articles)
    for title, body, rows in articles:  # warm: whatever loads once has loaded
        raw_features(title, body, rows)
    seen: Counter[str] = Counter()
    real = builtins.__import__

    def counting(name: str, globals: Any = None, *args: Any) -> Any:
        seen[f"{(globals or {}).get('__name__')} <- {name}"] += 1
        return real(name, globals, *args)

    monkeypatch.setattr(builtins, "__import__", counting)
    for title, body, rows in articles:
        raw_features(title, body, rows)
    monkeypatch.undo()
    assert not [k for k in seen if k.startswith("tui.core.linking.names")], seen


def test_each_unit_names_the_actors_whose_spans_start_in_it() -> None:
    """`acts._actors_in` places each span once (a bisect among the lead's sentences): the
    same sets as asking, unit by unit, every span whether it starts in the unit."""
    import random

    from tui.core.linking.acts import _actors_in, units

    rng = random.Random(9)
    title, body = "Strike hits port. Talks stall", "One. Two words here!  Three?\n\nLater part."
    for lead in (body, "A. B. ", "No mark at all", ""):
        read = units(title, lead)
        for _ in range(300):
            spans = [(f"x{k}", [[rng.choice(["title", "body", "summary"]),
                                 rng.randint(-2, len(lead) + 3), 0]
                                for _ in range(rng.randint(0, 4))]) for k in range(5)]
            want = [{f"a:{a}" for a, found in spans
                     if any(s[0] == field and lo <= s[1] < hi for s in found)}
                    for field, lo, hi, _text in read]
            assert _actors_in(read, spans) == want
