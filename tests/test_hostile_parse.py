"""The parser on hostile documents, without the network: it never raises, and whatever it hands
to the store is clean text, storable in SQLite and bounded in size."""

from __future__ import annotations

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import rss
from tests.test_sanitize import FORBIDDEN
from tui.core.ingest.parse import MAX_ENTRIES, cap_entries, parse_feed
from tui.core.refresh.prepare import prepare_feed


def _check_clean(data: bytes) -> None:
    parsed = prepare_feed(data, {}, "http://127.0.0.1/feed.xml")
    for value in (parsed.title, parsed.lang, parsed.error, parsed.warning):
        assert not FORBIDDEN.search(value or "")
    for entry in parsed.entries:
        for value in (entry.title, entry.url, entry.author, entry.summary, entry.feed_content,
                      entry.lang, entry.body):
            assert not FORBIDDEN.search(value or ""), entry
        entry.key.encode("utf-8")  # storable
        assert entry.url is None or entry.url.startswith(("http://", "https://"))


_nasty = st.sampled_from(["&#x1b;]52;c;QUJD&#x7;", "&#27;[2J", "&#xD800;", "&#0;", "\u202e",
                          "&#x9b;31m", "[link=file:///etc]x[/]", "<![CDATA[\x1b[31m]]>",
                          "&lt;script&gt;", "&amp;#x1b;[1m", "\x85", "&#1114112;", "&bogus;"])
_piece = st.one_of(_nasty, st.text(max_size=20).map(lambda t: t.replace("<", "").replace("&", "")))
_field = st.lists(_piece, max_size=6).map("".join)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(_field, _field, _field, _field), min_size=1, max_size=4), _field)
def test_fuzzed_items_come_out_clean(items: list[tuple[str, str, str, str]], title: str) -> None:
    body = rss([{"title": t, "link": "http://127.0.0.1/" + link, "guid": g, "description": d}
                for t, link, g, d in items], title=title)
    _check_clean(body)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes_never_raise(data: bytes) -> None:
    parsed = parse_feed(data, {"content-type": "application/xml"}, "http://127.0.0.1/f")
    assert isinstance(parsed.entries, tuple)  # an outcome, never an exception


def test_surrogate_reference_does_not_sink_the_feed() -> None:
    """`&#xD800;` made feedparser raise UnicodeEncodeError: the whole feed was lost."""
    data = rss([{"title": "Bad &#xD800; char", "guid": "1"}, {"title": "Fine", "guid": "2"}])
    parsed = parse_feed(data, {}, "http://127.0.0.1/f")
    assert parsed.error is None and [e.title for e in parsed.entries] == ["Bad \ufffd char", "Fine"]


def test_copy_pasted_guids_keep_distinct_items() -> None:
    items = [{"title": f"Story {i}", "link": f"http://127.0.0.1/{i}", "guid": "same"}
             for i in range(3)]
    keys = [e.key for e in parse_feed(rss(items), {}, "http://127.0.0.1/f").entries]
    assert len(set(keys)) == 3 and keys[0] == "guid:same"


def test_html_titles_become_text() -> None:
    data = (b'<feed xmlns="http://www.w3.org/2005/Atom"><title type="html">&lt;b&gt;Desk'
            b'&lt;/b&gt; &amp;amp; co</title><entry><id>1</id><title type="xhtml"><div '
            b'xmlns="http://www.w3.org/1999/xhtml">A <em>big</em> day</div></title></entry></feed>')
    parsed = parse_feed(data, {}, "http://127.0.0.1/f")
    assert parsed.title == "Desk & co" and parsed.entries[0].title == "A big day"


def test_huge_feed_is_cut_before_feedparser() -> None:
    items = [{"title": f"Item {i}", "guid": f"g{i}"} for i in range(50_000)]
    data = rss(items)
    cut, skipped = cap_entries(data)
    assert skipped == 50_000 - MAX_ENTRIES and cut.endswith(b"</channel></rss>")
    started = time.monotonic()
    parsed = parse_feed(data, {}, "http://127.0.0.1/f")
    assert time.monotonic() - started < 10
    assert len(parsed.entries) == MAX_ENTRIES and parsed.truncated_entries == 45_000
    # the cut document is still well-formed: its items' missing dates are all there is to say
    assert parsed.warning == "5000 items with missing or invalid dates: dated when fetched"


def test_billion_laughs_is_refused_cheaply() -> None:
    lol = '<!ENTITY l0 "lollollollollollollollollollol">' + "".join(
        f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    data = (f'<?xml version="1.0"?><!DOCTYPE rss [{lol}]><rss version="2.0"><channel><title>'
            f'&l9;</title><item><title>&l9;</title><guid>1</guid></item></channel></rss>').encode()
    started = time.monotonic()
    parsed = parse_feed(data, {}, "http://127.0.0.1/f")
    assert time.monotonic() - started < 5
    assert len(parsed.title or "") < 1000 and all(len(e.title) < 1000 for e in parsed.entries)


def test_scripts_and_styles_in_feed_html_never_become_text() -> None:
    """feedparser's sanitizer is off (we only ever make text of feed HTML): ours drops them."""
    atom = (b'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            b'<title>t</title><entry><id>x1</id><link href="http://127.0.0.1/a"/>'
            b'<title type="html">Talks &lt;script&gt;steal()&lt;/script&gt;resume'
            b'&lt;style&gt;p{color:red}&lt;/style&gt;</title>'
            b'<summary type="html">&lt;p&gt;Envoys met.&lt;/p&gt;&lt;script&gt;steal()'
            b'&lt;/script&gt;&lt;style&gt;p{color:red}&lt;/style&gt;</summary></entry></feed>')
    entry = prepare_feed(atom, {}, "http://127.0.0.1/feed.xml").entries[0]
    assert entry.title == "Talks resume"
    assert entry.body == "Envoys met."


def test_repeated_items_are_counted_once_in_the_note() -> None:
    """An endless or looping feed repeats one undated item thousands of times: it is stored
    once, and the note spoke of 4999 undated items beside '1 item recovered'."""
    items = [{"title": "Same words again"}] * 40 + [{"title": "Other words", "guid": "o"}]
    parsed = parse_feed(rss(items), {}, "http://127.0.0.1/f")
    assert [e.title for e in parsed.entries] == ["Same words again", "Other words"]
    assert parsed.warning == "2 items with missing or invalid dates: dated when fetched"


def test_an_unreadable_date_on_feedparsers_path_raises_no_deprecation_warning() -> None:
    """A malformed document (feedparser's path) whose item's date cannot be read: its entry
    has no updated_parsed, and asking feedparser's dict for it warned (issue 310's fallback)."""
    import warnings

    doc = rss([{"title": "Dated vaguely", "guid": "v1", "pubDate": "some day last week"}])
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        parsed = parse_feed(doc + b"<stray", {}, "http://127.0.0.1/feed.xml")
    assert [(e.title, e.published) for e in parsed.entries] == [("Dated vaguely", None)]
