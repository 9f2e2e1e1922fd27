# ruff: noqa: RUF001 - Cyrillic and Arabic letters in the texts are meant
"""A listed state body drives links when it is named, in whatever form the matcher found the
name by; a bare description ("the foreign ministry" alone) does not (linking/names.py
`described_body`). Russian declines names and Arabic prefixes them: "«Хезболлы»", "لحزب الله"
are Hezbollah named, and dropping them as descriptions cost the linker its recall on Russian
and Arabic coverage (tests/data/related_eval.md)."""

from __future__ import annotations

import json
from collections import defaultdict

from tui.core.actors.gazetteer import load_gazetteer
from tui.core.actors.matcher import Matcher
from tui.core.linking.features import raw_features


def _rows(title: str, body: str) -> list[tuple[str, int, str]]:
    spans: dict[str, list[list[object]]] = defaultdict(list)
    for m in Matcher(load_gazetteer()).match(title, body):
        spans[m.actor_id].append([m.field, m.start, m.end])
    return [(a, len(s), json.dumps(s)) for a, s in spans.items()]


def test_a_declined_or_prefixed_name_of_a_listed_body_drives_links() -> None:
    for title, body in (
            ("Лидер «Хезболлы» выступил с речью",
             "Генсек «Хезболлы» пообещал ответ. В Кремле призвали к сдержанности."),
            ("نصر الله يتوعد", "قال الأمين العام لحزب الله إن الرد قادم.")):
        rows = _rows(title, body)
        assert "hezbollah" in dict((a, n) for a, n, _s in rows)
        assert "hezbollah" in raw_features(title, body, rows).actors, title
    title, body = "Лидер «Хезболлы» выступил с речью", "В Кремле призвали к сдержанности."
    assert "kremlin" in raw_features(title, body, _rows(title, body)).actors


def test_a_bare_description_of_a_body_does_not() -> None:
    title, body = "سخنگوی وزارت امور خارجه", "سخنگوی وزارت امور خارجه گفت ایران پاسخ می‌دهد."
    rows = _rows(title, body)
    assert "iran-foreign-ministry" in dict((a, n) for a, n, _s in rows)  # highlighted
    raw = raw_features(title, body, rows)
    assert "iran-foreign-ministry" not in raw.actors and "iran" in raw.states
