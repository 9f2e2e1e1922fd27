"""Export articles as a Markdown dossier, a standalone HTML page, or JSON.

Titles and bodies come from feeds and pages, so they are hostile: HTML escapes everything and
links only http(s) URLs; Markdown escapes its own syntax so a title cannot become a link/image.
A dossier keeps its context: the heading names what was exported (a saved view and its query,
a story), and each article its id (for `newsdesk show ID`) and story. HTML marks each title and
text with its language and direction, so Arabic, Persian and Hebrew read right to left.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal, Protocol

from tui.core.bodylinks import marked
from tui.core.models import Article, ArticleActor, BodyLink, utcnow
from tui.core.query.ast import Flag, QueryError, SavedView, Story, Tag
from tui.core.query.parse import parse
from tui.core.query.saved import ViewLike, find_view
from tui.core.words import counted

Format = Literal["md", "json", "html"]
FORMATS: tuple[Format, ...] = ("md", "json", "html")


@dataclass(frozen=True, slots=True)
class ExportItem:
    title: str
    feed: str
    published: datetime
    url: str | None
    tags: Sequence[str] = ()
    actors: Sequence[str] = ()  # display names
    author: str | None = None
    body: str = ""  # plain text, paragraphs separated by a blank line
    links: Sequence[BodyLink] = ()  # the links the body cites, numbered from 1
    id: int | None = None  # what `newsdesk show ID` takes
    lang: str | None = None  # as the feed declares it, else read from the text
    story_id: int | None = None
    story: str | None = None  # the story's label (place · people · dates)
    read: bool = False  # the triage state, as `list --json` gives it
    saved: bool = False
    dismissed: bool = False


class StoryLike(Protocol):
    @property
    def id(self) -> int: ...

    @property
    def label(self) -> str: ...


class ConfigLike(Protocol):
    @property
    def views(self) -> Sequence[ViewLike]: ...


class Source(Protocol):
    """Where a dossier's articles come from (the Desk)."""

    @property
    def config(self) -> ConfigLike: ...

    def article(self, article_id: int) -> Article | None: ...

    def actors_of(self, article_id: int) -> list[ArticleActor]: ...

    def story_of(self, article_id: int) -> StoryLike | None: ...


def dossier(source: Source, ids: Iterable[int], fmt: str, query: str,
            about: str | None = None) -> str:
    """The articles `ids` (in that order; ones gone are skipped) as a dossier in `fmt`, headed
    by `about` (what the user exported: a view's name, a story...) else by what `query` names.
    """
    items = []
    for article_id in ids:
        article = source.article(article_id)
        if article is None:
            continue
        story = source.story_of(article_id)
        items.append(ExportItem(
            title=article.title, feed=article.feed, published=article.published,
            url=article.url, tags=article.tags, author=article.author, body=article.body,
            links=article.links, actors=[a.name for a in source.actors_of(article_id)],
            id=article.id,
            lang=article.lang, story_id=story.id if story else None,
            story=story.label if story else None, read=article.read, saved=article.saved,
            dismissed=article.dismissed))
    about, shown_query = (about, query) if about else described(source, query, items)
    return export_articles(items, fmt, title=f"newsdesk: {about}", generated=utcnow(),
                           query=shown_query if shown_query != about else "")


def described(source: Source, query: str, items: Sequence[ExportItem]) -> tuple[str, str]:
    """(what a query names, the query to show under it): a saved view by its name with its
    own query, a story by its label, the default export as the saved articles; any other
    query is itself."""
    try:
        node = parse(query)
    except QueryError:  # the query ran already; a bad one would not get here
        return query, query
    if isinstance(node, SavedView):
        try:
            view = find_view(source.config.views, node)
        except QueryError:
            return query, query
        return view.name, view.query
    if isinstance(node, Story):
        label = next((item.story for item in items if item.story_id == node.id), None)
        if label:
            return label, query
    if node == Flag("saved"):
        return "saved articles", query
    if isinstance(node, Tag):
        return f"articles tagged {node.name}", query
    return query, query


def export_articles(articles: Iterable[ExportItem], fmt: str, *,
                    title: str = "newsdesk export", generated: datetime | None = None,
                    query: str = "") -> str:
    """Render `articles` in `fmt` ("md", "json" or "html"); `generated` is stamped if given,
    `query` (what found them) said under the title if given."""
    items = list(articles)
    if fmt == "md":
        return _markdown(items, title, generated, query)
    if fmt == "html":
        return _html(items, title, generated, query)
    if fmt == "json":
        return json.dumps([_record(item) for item in items], ensure_ascii=False, indent=2) + "\n"
    raise ValueError(f"unknown export format {fmt!r} (expected one of {', '.join(FORMATS)})")


def _when(when: datetime) -> str:
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _day(when: datetime) -> str:
    return _when(when).replace("T", " ")[:16] + " UTC"


def _record(item: ExportItem) -> dict[str, object]:
    """As `show --json` names them (`read`, `saved`, `dismissed` as `list --json`'s):
    `story` is {"id", "label"} or null."""
    story = None if item.story_id is None else {"id": item.story_id, "label": item.story}
    return {"id": item.id, "title": item.title, "feed": item.feed,
            "published": _when(item.published), "url": item.url, "read": item.read,
            "saved": item.saved, "dismissed": item.dismissed, "author": item.author,
            "lang": item.lang, "tags": list(item.tags), "actors": list(item.actors),
            "story": story, "body": item.body,
            "links": [{"number": n, "url": link.url, "offsets": list(link.at)}
                      for n, link in enumerate(item.links, 1)]}


def paragraphs(body: str) -> list[str]:
    """Blank-line separated paragraphs, inner line breaks folded to spaces."""
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", body) if p.strip()]


def _safe_url(url: str | None) -> str | None:
    if url and re.match(r"https?://", url, re.IGNORECASE) and not re.search(r"\s", url):
        return url
    return None


# ---------------------------------------------------------------- Markdown

# Inline syntax anywhere; `#`, `+`, `-`, `=`, `>` and an ordered list's `1.` / `1)` only where
# a line starts (mid-line they are plain text: `+dossier` is not escaped into `\+dossier`).
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|~]|&(?=#?\w+;)|#(?=#*[ \t]*$))", re.MULTILINE)
_MD_LINE_START = re.compile(r"^(\s*)(\d*)([-=>.)+#])", re.MULTILINE)


def md_escape(text: str) -> str:
    """Backslash-escape Markdown syntax so data renders as the text it is."""
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return _MD_LINE_START.sub(lambda m: f"{m[1]}{m[2]}\\{m[3]}", text)


def _md_inline(text: str) -> str:
    """`text` on one line after a prefix ("# ", "**Query:** "): only inline syntax matters."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _markdown(items: list[ExportItem], title: str, generated: datetime | None,
              query: str = "") -> str:
    out = [f"# {_md_inline(title)}", ""]
    if query:
        out += [f"**Query:** {_md_inline(query)}", ""]
    count = counted(len(items), 'article')
    out += [f"*{count}" + (f", exported {_day(generated)}*" if generated else "*"), ""]
    if items:
        out += ["## Contents", ""]
        out += [f"{n}. [{_md_inline(item.title) or '(untitled)'}](#article-{n}) "
                f"({_md_inline(item.feed)}, {_day(item.published)[:10]})"
                for n, item in enumerate(items, 1)]
        out.append("")
    for n, item in enumerate(items, 1):
        out += ["---", "", f'<a id="article-{n}"></a>', "",
                f"## {n}. {_md_inline(item.title) or '(untitled)'}", ""]
        meta = [_md_inline(item.feed), _day(item.published)]
        if item.author:
            meta.append(f"by {_md_inline(item.author)}")
        if item.id is not None:
            meta.append(f"id {item.id}")
        out += ["*" + " · ".join(meta) + "*", ""]
        url = _safe_url(item.url)
        if url:
            out += [f"<{url.replace('>', '%3E').replace('<', '%3C')}>", ""]
        if item.tags:
            out += ["**Tags:** " + ", ".join(_md_inline(t) for t in item.tags), ""]
        if item.actors:
            out += ["**Actors:** " + ", ".join(_md_inline(a) for a in item.actors), ""]
        if item.story:
            out += [f"**Story:** {_md_inline(item.story)} (story:{item.story_id})", ""]
        for para in paragraphs(marked(item.body, item.links).text):
            out += [md_escape(para), ""]
        out += _md_links(item.links)
    return "\n".join(out).rstrip("\n") + "\n"


# ---------------------------------------------------------------- HTML

# Logical margins and isolated names keep the English frame intact around right-to-left text.
_CSS = """body{font:16px/1.55 Georgia,serif;max-width:46em;margin:2em auto;padding:0 1em;color:#222}
h1,h2{font-family:system-ui,sans-serif;line-height:1.25}
.meta{color:#666;font-size:.9em}.tags bdi{background:#eef;border-radius:3px;padding:0 .3em;
margin-inline-end:.3em;font-size:.85em}article{border-top:1px solid #ccc;margin-top:2em}
:lang(ar),:lang(fa),:lang(ur){font-family:"Noto Naskh Arabic",Vazirmatn,Tahoma,serif;
line-height:1.8}"""

RTL_LANGUAGES = frozenset(("ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ku-arab",
                           "pa-arab", "ps", "sd", "syr", "ug", "ur", "yi"))
RTL_SCRIPTS = frozenset(("arab", "hebr", "syrc", "thaa", "nkoo", "adlm", "rohg", "mand", "samr"))
UNKNOWN = ' dir="auto"'
_LANG_TAG = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*")


def lang_attributes(lang: str | None) -> str:
    """` lang="fa" dir="rtl"` for an article's language; `dir="auto"` (each paragraph by its
    own letters) when it is unknown or no language tag a browser reads."""
    if not lang or not _LANG_TAG.fullmatch(lang.strip()):
        return UNKNOWN
    code = lang.strip().replace("_", "-")
    subtags = code.lower().split("-")
    rtl = subtags[0] in RTL_LANGUAGES or "-".join(subtags[:2]) in RTL_LANGUAGES or any(
        tag in RTL_SCRIPTS for tag in subtags[1:])
    return f' lang="{_e(code)}" dir="{"rtl" if rtl else "ltr"}"'


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _bdi(text: str) -> str:
    """A name (feed, author, tag) isolated: an Arabic one cannot reorder the text around it."""
    return f"<bdi>{_e(text)}</bdi>"


def _html(items: list[ExportItem], title: str, generated: datetime | None,
          query: str = "") -> str:
    out = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           '<meta name="referrer" content="no-referrer">',
           f"<title>{_e(title)}</title>", f"<style>{_CSS}</style>", "</head>", "<body>",
           f"<h1>{_e(title)}</h1>"]
    if query:
        out.append(f'<p class="meta">Query: <code dir="auto">{_e(query)}</code></p>')
    out.append(f'<p class="meta">{counted(len(items), "article")}'
               + (f", exported {_e(_day(generated))}" if generated else "") + "</p>")
    if items:
        out.append('<nav><h2>Contents</h2><ol>')
        out += [f'<li><a href="#article-{n}"{lang_attributes(item.lang)}>'
                f'{_e(item.title) or "(untitled)"}</a> '
                f'<span class="meta">{_bdi(item.feed)}, {_e(_day(item.published)[:10])}</span>'
                "</li>" for n, item in enumerate(items, 1)]
        out.append("</ol></nav>")
    for n, item in enumerate(items, 1):
        lang = lang_attributes(item.lang)
        out.append(f'<article id="article-{n}">')
        out.append(f"<h2{lang}>{_e(item.title) or '(untitled)'}</h2>")
        meta = [_bdi(item.feed), f'<time datetime="{_when(item.published)}">'
                f"{_e(_day(item.published))}</time>"]
        if item.author:
            meta.append(f"by {_bdi(item.author)}")
        if item.id is not None:
            meta.append(f"id {item.id}")
        url = _safe_url(item.url)
        if url:
            meta.append(f'<a href="{_e(url)}" rel="noopener noreferrer">original</a>')
        out.append(f'<p class="meta">{" · ".join(meta)}</p>')
        if item.tags:
            out.append('<p class="tags">' + "".join(_bdi(t) for t in item.tags) + "</p>")
        if item.actors:
            out.append(f'<p class="meta">Actors: {", ".join(_bdi(a) for a in item.actors)}</p>')
        if item.story:
            out.append(f'<p class="meta">Story: {_bdi(item.story)} (story:{item.story_id})</p>')
        each = lang if lang == UNKNOWN else ""  # unknown: each paragraph by its letters
        out.append(f'<div class="text"{lang}>')
        text = marked(item.body, item.links).text
        out += [f"<p{each}>{_e(para)}</p>" for para in paragraphs(text)]
        out.append("</div>")
        out += _html_links(item.links)
        out.append("</article>")
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- the links a body cites

def _md_links(links: Sequence[BodyLink]) -> list[str]:
    """The numbered list after the text (its markers are the text's `[n]`, escaped)."""
    shown = [(n, url) for n, link in enumerate(links, 1) if (url := _safe_url(link.url))]
    if not shown:
        return []
    return ["**Links:**", "", *(f"\\[{n}\\] <{url.replace('>', '%3E').replace('<', '%3C')}>  "
                                for n, url in shown), ""]


def _html_links(links: Sequence[BodyLink]) -> list[str]:
    shown = [(n, url) for n, link in enumerate(links, 1) if (url := _safe_url(link.url))]
    if not shown:
        return []
    return ['<p class="meta">Links:</p>', '<ol class="links">',
            *(f'<li value="{n}"><a href="{_e(url)}" rel="noopener noreferrer">{_e(url)}</a></li>'
              for n, url in shown), "</ol>"]
