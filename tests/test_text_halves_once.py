# ruff: noqa: RUF001  (Cyrillic, Arabic and Hebrew script are the point here)
"""The text halves' shortcuts give what the code they replace gives: the actors analyzer's
mentions as tuples (no `Mention` made per hit) are `Recognizer.mentions` field for field, their
rows the rows `mention_rows_spans` makes of those mentions (vowel marks moving spans back
included), the links' per-actor facts are what `actor_kind`, `drives_links`,
`described_body` and `listed_body` say one by one, and the shared span read is the copy's
contents."""

from __future__ import annotations

import dataclasses

import pytest

from tui.core import span_reads
from tui.core.actors.analyzer import ActorsAnalyzer, recognizer_for
from tui.core.actors.gazetteer import in_use
from tui.core.linking import names
from tui.core.models import from_iso
from tui.core.refresh.analyzer import Sources, TextItem
from tui.core.refresh.match_sources import sources_digest
from tui.core.store.actors import mention_rows_spans, placed_rows_spans

TEXTS = [
    ("Putin and Erdogan meet in Sochi as Iranian drones strike Kyiv",
     "Russian President Vladimir Putin met Turkish President Recep Tayyip Erdogan in Sochi on "
     "Monday. Russia's defence minister said Ukraine's capital was hit again. Israeli strikes "
     "went on; Jordan's interior ministry said nothing.\n\nЗеленский заявил, что Киев "
     "выстоял. قال وزير الخارجية الإيراني عباس عراقجي إن طهران لم ترسل شيئا."),
    # vowel marks: the spans found in the unmarked text move back over them
    ("إسماعيل هَنِيَّة في طهران", "قال إسماعيل هَنِيَّة إن الحرس الثوري الإيراني لم يرد. "
     "وزار عباس عراقجي الدوحة."),
    ("", "The Kremlin said Peskov spoke; the UN General Assembly met. Hamas and the IRGC "
     "were named, as was Netanyahu's office."),
]
DATES = ["2024-09-17T15:00:00Z", None]


@pytest.fixture(scope="module")
def sources() -> Sources:
    return Sources(None, sources_digest(None))


@pytest.mark.parametrize("when", DATES)
@pytest.mark.parametrize(("title", "body"), TEXTS)
def test_mention_tuples_are_the_mentions(sources: Sources, title: str, body: str,
                                         when: str | None) -> None:
    recognizer = recognizer_for(sources)
    published = from_iso(when) if when else None
    mentions = recognizer.mentions(title, body, published)
    tuples = recognizer.mention_tuples(title, body, published)
    assert mentions and tuples == [dataclasses.astuple(m) for m in mentions]
    assert placed_rows_spans(3, tuples) == mention_rows_spans(3, mentions)


def test_the_analyzer_writes_the_rows_of_the_mentions(sources: Sources) -> None:
    title, body = TEXTS[0]
    item = TextItem(5, title, body, DATES[0] or "")
    mentions = recognizer_for(sources).mentions(title, body, from_iso(item.published))
    assert ActorsAnalyzer().text(item, {}, sources) == mention_rows_spans(5, mentions)[0]


def test_actor_facts_are_the_checks_one_by_one(sources: Sources) -> None:
    recognizer_for(sources)
    gazetteer = in_use()
    facts = names.actor_facts()
    made = {b.id for b in gazetteer.bodies.new} if gazetteer.bodies is not None else set()
    asked = [*sorted(gazetteer.actors)[:400], *sorted(made), "no-such-actor"]
    kinds = set()
    for actor_id in asked:
        kind, drives, listed = names.actor_fact(facts, actor_id)
        kinds.add((kind, drives, listed))
        assert kind == names.actor_kind(actor_id)
        assert drives == (names.drives_links(kind) and not names.described_body(actor_id))
        assert listed == names.listed_body(actor_id)
        assert names.actor_facts()[actor_id] == (kind, drives, listed)
    # media drive nothing, made bodies drive nothing, and listed bodies are among them
    assert any(not drives for _k, drives, _l in kinds)
    assert any(listed for _k, _d, listed in kinds)


def test_the_shared_read_is_the_copy(sources: Sources) -> None:
    rows = ActorsAnalyzer().text(TextItem(9, *TEXTS[0], DATES[0] or ""), {}, sources)
    for row in rows:
        assert span_reads.shared_tuples(row[3]) == span_reads.span_tuples(row[3])
        assert span_reads.shared_tuples(row[3]) is span_reads.shared_tuples(row[3])
