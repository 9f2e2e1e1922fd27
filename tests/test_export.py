"""Export formats: readable Markdown dossier, escaped standalone HTML, JSON records."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from html.parser import HTMLParser

import pytest

from tui.core.query.export import ExportItem, export_articles, md_escape

WHEN = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)
HOSTILE = '<script>alert("x")</script> [bold red]Breaking[/] & [link](javascript:alert(1))'

ITEMS = [
    ExportItem(title="Envoys meet in Baghdad", feed="Levant Ledger", published=WHEN,
               url="https://ledger.example/envoys", tags=("iran", "gulf"),
               actors=("Iran", "Saudi Arabia"), author="R. Haddad",
               body="Shipping was the first item.\n\nA second round\nis planned.", id=7,
               lang="en", story_id=3, story="Baghdad · Iran, Saudi Arabia · 23 Nov 2026"),
    ExportItem(title=HOSTILE, feed="Feed <b>x</b>", published=WHEN.replace(tzinfo=None),
               url="javascript:alert(1)", tags=("<tag>",), actors=("<img src=x onerror=1>",),
               author='"><svg onload=1>', body="# not a heading\n\n<iframe src=x></iframe>",
               lang='en"><script>', story_id=4, story="<b>story</b>"),
]


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.hrefs += [v or "" for k, v in attrs if k == "href"]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_escapes_everything_hostile() -> None:
    page = export_articles(ITEMS, "html", title="Dossier <x>")
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    parsed = _Collect()
    parsed.feed(page)
    assert not {"script", "iframe", "img", "svg", "b", "tag"} & set(parsed.tags)
    assert "style" in parsed.tags and parsed.tags.count("article") == 2
    text = "".join(parsed.text)
    assert HOSTILE in text  # shown literally, markup and all
    assert "[bold red]Breaking[/]" in text
    assert "<iframe src=x></iframe>" in text
    assert "Dossier <x>" in text
    assert not any(h.startswith("javascript") for h in parsed.hrefs)
    assert "https://ledger.example/envoys" in parsed.hrefs
    assert "#article-2" in parsed.hrefs


def test_html_paragraphs_and_meta() -> None:
    page = export_articles(ITEMS[:1], "html", generated=WHEN)
    assert "<p>Shipping was the first item.</p>" in page
    assert "<p>A second round is planned.</p>" in page
    assert "2026-11-23 09:30 UTC" in page and "R. Haddad" in page
    assert "<bdi>iran</bdi><bdi>gulf</bdi>" in page
    assert "Saudi Arabia" in page and " · id 7 · " in page
    assert "Story: <bdi>Baghdad · Iran, Saudi Arabia · 23 Nov 2026</bdi> (story:3)" in page


def test_markdown_dossier_structure() -> None:
    md = export_articles(ITEMS, "md", title="Weekly dossier", generated=WHEN)
    lines = md.splitlines()
    assert lines[0] == "# Weekly dossier"
    assert "## Contents" in lines
    assert "1. [Envoys meet in Baghdad](#article-1) (Levant Ledger, 2026-11-23)" in lines
    assert "## 1. Envoys meet in Baghdad" in lines
    assert "*Levant Ledger · 2026-11-23 09:30 UTC · by R. Haddad · id 7*" in lines
    assert "**Story:** Baghdad · Iran, Saudi Arabia · 23 Nov 2026 (story:3)" in lines
    assert "**Tags:** iran, gulf" in lines and "**Actors:** Iran, Saudi Arabia" in lines
    assert "<https://ledger.example/envoys>" in lines
    assert "Shipping was the first item." in lines and "A second round is planned." in lines
    assert md.endswith("\n") and not md.endswith("\n\n")


def test_markdown_escapes_syntax() -> None:
    md = export_articles(ITEMS[1:], "md")
    raw_angles = re.findall(r"(?<!\\)<[^>]*>?", md)  # every unescaped '<'
    assert set(raw_angles) == {'<a id="article-1">', "</a>"}  # our anchor only
    assert "\\[bold red\\]Breaking\\[/\\]" in md
    assert "\\# not a heading" in md
    assert "\\[link\\](javascript:alert(1))" in md  # no link without its brackets
    assert "<javascript" not in md
    assert md_escape("- item\n1. one") == "\\- item\n1\\. one"


def test_markdown_leaves_plain_what_markdown_reads_as_text() -> None:
    """Mid-line `+ # ! ( ) &` are text in Markdown: a dossier's heading reads as typed."""
    assert md_escape("Talks #2 (Doha) & more! +dossier") == "Talks #2 (Doha) & more! +dossier"
    assert md_escape("+ list\n# head\nissue #") == "\\+ list\n\\# head\nissue \\#"
    assert md_escape("a &amp; b") == "a \\&amp; b"


def test_json_records_round_trip() -> None:
    data = json.loads(export_articles(ITEMS, "json"))
    assert [d["title"] for d in data] == ["Envoys meet in Baghdad", HOSTILE]
    first = data[0]
    assert first == {"id": 7, "title": "Envoys meet in Baghdad", "feed": "Levant Ledger",
                     "published": "2026-11-23T09:30:00Z", "url": "https://ledger.example/envoys",
                     "read": False, "saved": False, "dismissed": False,
                     "author": "R. Haddad", "lang": "en", "tags": ["iran", "gulf"],
                     "actors": ["Iran", "Saudi Arabia"],
                     "story": {"id": 3, "label": "Baghdad · Iran, Saudi Arabia · 23 Nov 2026"},
                     "body": "Shipping was the first item.\n\nA second round\nis planned.",
                     "links": []}
    assert data[1]["published"] == "2026-11-23T09:30:00Z"  # naive is taken as UTC


def test_non_ascii_is_kept() -> None:
    item = ExportItem(title="Переговоры в Стамбуле", feed="وكالة", published=WHEN, url=None)
    for fmt in ("md", "json", "html"):
        out = export_articles([item], fmt)
        assert "Переговоры в Стамбуле" in out and "وكالة" in out


def test_empty_and_unknown_format() -> None:
    assert json.loads(export_articles([], "json")) == []
    assert "0 articles" in export_articles([], "md")
    assert "<ol>" not in export_articles([], "html")
    with pytest.raises(ValueError, match="unknown export format"):
        export_articles(ITEMS, "pdf")


class _Marked(HTMLParser):
    """The lang and dir of each title (contents and article) and article text."""

    def __init__(self) -> None:
        super().__init__()
        self.marks: list[tuple[str, str | None, str | None]] = []
        self.para_dirs: list[str | None] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        link = tag == "a" and (found.get("href") or "").startswith("#")
        title = tag == "h2" and "dir" in found  # not the "Contents" heading
        if link or title or (tag == "div" and found.get("class") == "text"):
            self.marks.append((tag, found.get("lang"), found.get("dir")))
        if tag == "p" and not found.get("class"):
            self.para_dirs.append(found.get("dir"))


@pytest.mark.parametrize(("lang", "want"), [
    ("fa", ("fa", "rtl")), ("ar", ("ar", "rtl")), ("he-IL", ("he-IL", "rtl")),
    ("ur_PK", ("ur-PK", "rtl")), ("az-Arab", ("az-Arab", "rtl")), ("ru", ("ru", "ltr")),
    ("en-us", ("en-us", "ltr")), (None, (None, "auto")), ("Persian", (None, "auto")),
    ('"><x', (None, "auto"))])
def test_html_marks_each_title_and_text_with_its_language_and_direction(lang, want) -> None:
    item = ExportItem(title="مسعود پزشکیان سوگند یاد کرد", feed="خبرگزاری", published=WHEN,
                      url=None, lang=lang, body="نخستین بند.\n\nبند دوم.")
    marked = _Marked()
    marked.feed(export_articles([item], "html"))
    assert marked.marks == [("a", *want), ("h2", *want), ("div", *want)]
    # a language unknown: each paragraph takes its direction from its own letters
    assert marked.para_dirs == (["auto", "auto"] if want[1] == "auto" else [None, None])


def test_html_isolates_names_so_right_to_left_ones_keep_the_line_in_order() -> None:
    item = ExportItem(title="Talks", feed="وكالة الأنباء", published=WHEN, url=None,
                      author="رضا", tags=("ایران",), actors=("حزب الله",), lang="en")
    page = export_articles([item], "html")
    for name in ("وكالة الأنباء", "رضا", "ایران", "حزب الله"):
        assert f"<bdi>{name}</bdi>" in page
    assert "margin-right" not in page and "margin-inline-end" in page


def test_the_query_is_said_under_the_title() -> None:
    md = export_articles(ITEMS[:1], "md", title="newsdesk: RU-IR treaty", query="story:3")
    assert md.splitlines()[:3] == ["# newsdesk: RU-IR treaty", "", "**Query:** story:3"]
    page = export_articles(ITEMS[:1], "html", title="newsdesk: RU-IR treaty", query="story:3")
    assert '<p class="meta">Query: <code dir="auto">story:3</code></p>' in page
