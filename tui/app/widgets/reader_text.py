"""What the reader draws of one article: its header and body as Rich text, with the links'
`[n]` markers, the actors' mentions styled by kind, the words a search matched, role phrases,
and where a text that is not the page's own came from. No widget here: the reader paints what
these return, and tests read them without a screen.

Everything from the feed or page is untrusted, so it goes into `rich.text.Text` as it is
(never parsed as markup). Mentions come from the spans the analysis stored, which index the
stored title and body; the link markers are drawn in here, so spans are carried over to them.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.style import Style
from rich.text import Text

from tui.app.widgets.row_time import local_time
from tui.app.widgets.side_panel import StyleOf, style_key
from tui.core import tagnames
from tui.core.bodylinks import link_lines, marked
from tui.core.models import Article, ArticleActor
from tui.core.query.marks import Mark, spans
from tui.core.visual import isolated


def mention_spans(article: Article,
                  actors: Sequence[ArticleActor]) -> list[tuple[str, int, int, str]]:
    """(field, start, end, style key) for every stored span that fits the text shown."""
    sizes = {"title": len(article.title or ""), "body": len(article.body or "")}
    out = []
    for actor in actors:
        for field, start, end in actor.spans:
            if field in sizes and 0 <= start < end <= sizes[field]:
                out.append((field, start, end, style_key(actor)))
    return out


def role_lines(article: Article, actors: Sequence[ArticleActor],
               keys: tuple[str, str] = ("L", "4")) -> list[str]:
    """"Russia's defence minister → Andrei Belousov": each role phrase the analysis resolved
    to the holder on the article's date, once; then the people the gazetteer does not list,
    with what the article called them and the keys (`keys`: add one, show the actors panel)
    that add them: below 100 columns the panel is hidden until asked for."""
    fields = {"title": article.title or "", "body": article.body or ""}
    lines: list[str] = []
    for actor in actors:
        for field, start, end, _office in actor.roles:
            phrase = " ".join(fields.get(field, "")[start:end].split())
            line = f"{isolated(phrase)} → {isolated(str(actor.name))}"
            if phrase and line not in lines:
                lines.append(line)
    unlisted = [unlisted_note(a) for a in actors if not a.listed]
    if unlisted:
        lines.append("not listed: " + "; ".join(unlisted)
                     + f"  ({keys[0]} adds one in the actors panel, key {keys[1]})")
    return lines


def unlisted_note(actor: ArticleActor) -> str:
    """"Name (title)", and the listed actor whose name it is only another spelling of: a
    duplicate is seen before `L` makes it."""
    said = [actor.description] if actor.description else []
    if actor.spelt_like is not None:
        _id, owner, form = actor.spelt_like
        said.append(f"spelt like {owner}'s {form}" if form != owner else f"spelt like {owner}")
    name = isolated(str(actor.name))
    return f"{name} ({isolated(', '.join(said))})" if said else name


def article_text(article: Article, actors: Sequence[ArticleActor] = (),
                 style_of: StyleOf | None = None,
                 found: Sequence[Mark] = (),
                 keys: tuple[str, str] = ("L", "4")) -> tuple[Text, Text]:
    """(header, body) for an `Article`, actor mentions styled by kind and the words a search
    matched (`found`) marked over them (a background: the actor's colour stays); `keys` as
    `role_lines` takes them."""
    header = Text()
    header.append_text(Text(shown_title(article.title), "bold"))
    title_end = len(header)
    header.append("\n")
    meta = [isolated(article.feed or "")]
    if article.author:
        meta.append(isolated(article.author))
    meta.append(local_time(article.published, True))
    header.append(" · ".join(meta), "italic")
    header.append(f" · id {article.id}", "bold")  # what every CLI command takes
    if article.url:
        header.append("\n")
        header.append(article.url, "underline")
    flags = []
    if article.saved:
        flags.append("★ saved")
    if article.tags:
        flags.append(" ".join(map(tagnames.hashtag, article.tags)))
    if flags:
        header.append("\n")
        header.append("  ".join(flags), "bold")
    for line in role_lines(article, actors, keys):
        header.append("\n")
        header.append(line, "dim")
    body_text, rest = shown_body(article.body or article.summary or "")
    # The links' markers go in as the text is shown (the stored body has none): spans of the
    # stored body are carried over to the text with its markers.
    cited = marked(body_text, article.links if article.body else ())
    body = Text(cited.text if body_text else "(no text was extracted for this article)")
    for start, end, _number in cited.markers:
        body.stylize("dim", start, end)
    for field, start, end, kind in mention_spans(article, actors):
        style = (style_of(kind) if style_of else None) or Style(underline=True)
        if field == "body":
            body.stylize(style, cited.start(start), cited.end(end))
        elif article.title and end <= title_end:  # the title opens the header
            header.stylize(style, start, end)
    if found:
        match = (style_of(MATCH) if style_of else None) or Style(reverse=True)
        for start, end in spans(list(found), body_text):
            body.stylize(match, cited.start(start), cited.end(end))
        if article.title:
            for start, end in spans(list(found), shown_title(article.title), "title"):
                header.stylize(match, start, end)
    if rest:
        body.append(f"\n\n[the text goes on for {rest:,} more characters, too long to lay out "
                    f"here: `newsdesk show {article.id}` prints it whole]", "dim italic")
    if article.body and article.links:
        body.append("\n\nLinks (O and the number opens one):\n" + "\n".join(
            link_lines(article.links)), "dim")
    if note := source_note(article):
        body.append(f"\n\n[{note}]", "dim italic")
    return header, body


READER_MAX_CHARS = 100_000
"""What the reader lays out of one body (~16,000 words, longer than any report): laying out
text costs ~4.5 s a megabyte, and a 3 MB feed item froze the app for 14 s."""
TITLE_MAX_CHARS = 300


def shown_body(text: str) -> tuple[str, int]:
    """(what the reader shows, how many characters it leaves out), cut at a paragraph end."""
    if len(text) <= READER_MAX_CHARS:
        return text, 0
    cut = text.rfind("\n", READER_MAX_CHARS // 2, READER_MAX_CHARS)
    cut = cut if cut > 0 else READER_MAX_CHARS
    return text[:cut].rstrip(), len(text) - cut


def shown_title(title: str) -> str:
    """A headline as the header has room for: a feed's 3,000-character title filled the
    screen before any text."""
    if not title:
        return "(untitled)"
    return title if len(title) <= TITLE_MAX_CHARS else title[:TITLE_MAX_CHARS - 1] + "…"


MATCH = "match"
"""The style key (`reader--match`) of the words the list's search matched."""


_SOURCES = {"feed-content": "the feed's full text", "summary": "the feed's summary"}


def source_note(article: Article) -> str:
    """Where a text that is not the page's own came from, and why, in the reader's words."""
    if not article.body_source or article.body_source == "page":  # a caveat, if any
        return f"the article's page: {article.extract_error}" if article.extract_error else ""
    note = f"text from {_SOURCES.get(article.body_source, 'the feed')}"
    if article.page_due and not article.page_tries:  # a failed page: its error says more
        return note + "; fetching the article's page…"
    if article.extract_error:
        return note + f"; the article's page: {article.extract_error}"
    return note
