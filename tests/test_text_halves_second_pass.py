# ruff: noqa: RUF001  (Cyrillic and Arabic script are the point here)
"""The text halves' second pass gives what the code it replaced gave: the spans the actors
analyzer hands over are the spans its rows decode to, a headline in ASCII repeats by the
English words alone, and the place finder's overlap test by bisection keeps the hits the
test against every kept hit kept."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core import span_reads
from tui.core.actors.analyzer import ActorsAnalyzer, spans_read
from tui.core.actors.text import normalize
from tui.core.jsonfast import loads
from tui.core.linking import when
from tui.core.places.analyzer import PlacesAnalyzer
from tui.core.places.matcher import _POSSESSIVE, PlaceFinder, place_finder
from tui.core.refresh.analyzer import Sources, TextItem
from tui.core.refresh.match_sources import sources_digest

ARTICLE = TextItem(
    7, "Putin and Erdogan meet in Sochi as Iranian drones strike Kyiv",
    "Russian President Vladimir Putin met Turkish President Recep Tayyip Erdogan in Sochi on "
    "Monday. Russia's defence minister said Ukraine's capital was hit again.\n\nЗеленский "
    "заявил, что Киев выстоял. قال وزير الخارجية الإيراني عباس عراقجي إن طهران لم ترسل شيئا.",
    "2024-09-17T15:00:00Z")


def test_the_spans_handed_over_are_what_the_rows_decode_to() -> None:
    sources = Sources(None, sources_digest(None))
    rows = ActorsAnalyzer().text(ARTICLE, {}, sources)
    assert len(rows) >= 5
    for _id, _actor, count, spans_json in rows:
        # the rows are read without decoding them again: the memo holds them already
        assert spans_json in span_reads._LISTS._found
        assert spans_json in span_reads._TUPLES._found
        assert span_reads.span_lists(spans_json) == loads(spans_json)
        assert spans_read(spans_json) == [tuple(s) for s in loads(spans_json)]
        assert len(spans_read(spans_json)) == count
    # and the places read beside those names are the same as from decoded rows
    found = {"actors": rows}
    primed = PlacesAnalyzer().text(ARTICLE, found, sources)
    span_reads._LISTS._found.clear()
    span_reads._TUPLES._found.clear()
    assert PlacesAnalyzer().text(ARTICLE, found, sources) == primed


def test_a_read_copy_may_be_changed() -> None:
    spans_json = '[["title",0,5],["body",3,9,"ru-defence"]]'
    span_reads.prime([spans_json], [[["title", 0, 5], ["body", 3, 9, "ru-defence"]]])
    span_reads.span_tuples(spans_json).append(("body", 0, 1))
    span_reads.span_lists(spans_json).append(["body", 0, 1])
    assert span_reads.span_tuples(spans_json) == [("title", 0, 5), ("body", 3, 9, "ru-defence")]
    assert span_reads.span_lists(spans_json) == loads(spans_json)


words = st.sampled_from(["second", "Second", "SECOND", "secondary", "new", "New", "wave",
                         "WAVE", "strikes", "strike", "again", "Again", "_again", "fresh",
                         "x", " ", "\u200c", "9", "-", "Renewed", "another", "new  wave"])


@given(st.lists(words, max_size=12))
def test_an_ascii_headline_repeats_as_the_whole_pattern_says(parts: list[str]) -> None:
    title = " ".join(parts).encode("ascii", "ignore").decode()
    assert when.repeats(title) == (when._REPEAT.search(title) is not None)


def test_repeats_outside_ascii_still_read_every_language() -> None:
    assert when.repeats("Новые удары по энергосистеме")
    assert when.repeats("Fresh strikes — again")
    assert not when.repeats("Secondary schools reopen — again?".replace("again", "soon"))


def _find_by_every_kept(finder: PlaceFinder, text: str, blocked: list[tuple[int, int]]
                        ) -> list[tuple[int, int, str]]:
    """PlaceFinder.find as it was: each hit tested against every hit kept before it."""
    norm = " " + normalize(text) + " "
    hits = []
    for end, key in finder._automaton.iter(norm):
        start, stop = end - key.length + 1, end - 1
        piece = text[start:stop]
        if (piece.islower() and not key.lower_ok) or (
                key.written and piece.casefold() != key.written):
            continue
        hits.append((start, stop, key.place_id))
    kept: list[tuple[int, int, str]] = []
    for hit in sorted(hits, key=lambda h: (h[0] - h[1], h[0])):
        free = not hit[2] or finder.places[hit[2]].kind == "demonym" or \
            _POSSESSIVE.match(text, hit[1])
        if all(hit[1] <= k[0] or hit[0] >= k[1] for k in kept) and (free or not any(
                s < hit[1] and hit[0] < e for s, e in blocked)):
            kept.append(hit)
    return sorted(hit for hit in kept if hit[2])


PLACES = ["New York", "York", "New", "Gaza City", "Gaza", "Gaza Strip", "Tel Aviv", "Aviv",
          "Jordan", "Jordan's", "Iranian", "Iran", "South Korea", "Korea", "North", "Kyiv",
          "Киев", "Киеве", "طهران", "بطهران", "West Bank", "Bank", "the", "Strip", "City"]


@settings(deadline=None)  # the first example builds the place finder
@given(st.lists(st.sampled_from(PLACES), max_size=14),
       st.lists(st.tuples(st.integers(0, 80), st.integers(1, 20)), max_size=3))
def test_the_overlap_test_by_bisection_keeps_what_every_kept_hit_kept(
        parts: list[str], blocks: list[tuple[int, int]]) -> None:
    text = " ".join(parts)
    blocked = [(s, s + n) for s, n in blocks]
    finder = place_finder()
    assert finder.find(text, blocked=blocked) == _find_by_every_kept(finder, text, blocked)


def test_a_place_in_a_name_is_none_with_vowel_marks_or_without() -> None:
    """The spans of names block places alike where the text's marks move offsets (the
    names read forth through them) and where nothing moves (read as they are)."""
    sources = Sources(None, sources_digest(None))
    plain = TextItem(8, "Jordan Bardella spoke in Jordan", "Marine Le Pen was in Gaza City.",
                     "2024-09-17T15:00:00Z")
    marked = plain._replace(body="قالَ عَبّاس " + plain.body)  # fatha, shadda: offsets move
    for item, shift in ((plain, 0), (marked, len("قالَ عَبّاس "))):
        rows = ActorsAnalyzer().text(item, {}, sources)
        places = PlacesAnalyzer().text(item, {"actors": rows}, sources)
        assert sorted(places) == [("gaza", 1, [("body", 21 + shift, 25 + shift)]),
                                  ("jordan", 1, [("title", 25, 31)])]
