"""Export articles as a Markdown dossier, a standalone HTML page, or JSON.

Titles and bodies come from feeds and pages, so they are hostile: HTML escapes everything and
links only http(s) URLs; Markdown escapes its own syntax so a title cannot become a link/image.
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


class Source(Protocol):
    """Where a dossier's articles come from (the Desk)."""

    def article(self, article_id: int) -> Article | None: ...

    def actors_of(self, article_id: int) -> list[ArticleActor]: ...


def dossier(source: Source, ids: Iterable[int], fmt: str, query: str) -> str:
    """The articles `ids` (in that order; ones gone are skipped) as a dossier in `fmt`."""
    items = []
    for article_id in ids:
        article = source.article(article_id)
        if article is None:
            continue
        items.append(ExportItem(
            title=article.title, feed=article.feed, published=article.published,
            url=article.url, tags=article.tags, author=article.author, body=article.body,
            links=article.links, actors=[a.name for a in source.actors_of(article_id)]))
    return export_articles(items, fmt, title=f"newsdesk: {query}", generated=utcnow())


def export_articles(articles: Iterable[ExportItem], fmt: str, *,
                    title: str = "newsdesk export", generated: datetime | None = None) -> str:
    """Render `articles` in `fmt` ("md", "json" or "html"); `generated` is stamped if given."""
    items = list(articles)
    if fmt == "md":
        return _markdown(items, title, generated)
    if fmt == "html":
        return _html(items, title, generated)
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
    return {"title": item.title, "feed": item.feed, "published": _when(item.published),
            "url": item.url, "author": item.author, "tags": list(item.tags),
            "actors": list(item.actors), "body": item.body,
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

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~&])")
_MD_LINE_START = re.compile(r"^(\s*)(\d*)([-=>.)])", re.MULTILINE)


def md_escape(text: str) -> str:
    """Backslash-escape Markdown syntax so data renders as the text it is."""
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return _MD_LINE_START.sub(lambda m: f"{m[1]}{m[2]}\\{m[3]}", text)


def _md_inline(text: str) -> str:
    return md_escape(" ".join(text.split()))


def _markdown(items: list[ExportItem], title: str, generated: datetime | None) -> str:
    out = [f"# {_md_inline(title)}", ""]
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
        out += ["*" + " · ".join(meta) + "*", ""]
        url = _safe_url(item.url)
        if url:
            out += [f"<{url.replace('>', '%3E').replace('<', '%3C')}>", ""]
        if item.tags:
            out += ["**Tags:** " + ", ".join(_md_inline(t) for t in item.tags), ""]
        if item.actors:
            out += ["**Actors:** " + ", ".join(_md_inline(a) for a in item.actors), ""]
        for para in paragraphs(marked(item.body, item.links).text):
            out += [md_escape(para), ""]
        out += _md_links(item.links)
    return "\n".join(out).rstrip("\n") + "\n"


# ---------------------------------------------------------------- HTML

_CSS = """body{font:16px/1.55 Georgia,serif;max-width:46em;margin:2em auto;padding:0 1em;color:#222}
h1,h2{font-family:system-ui,sans-serif;line-height:1.25}
.meta{color:#666;font-size:.9em}.tags span{background:#eef;border-radius:3px;padding:0 .3em;
margin-right:.3em;font-size:.85em}article{border-top:1px solid #ccc;margin-top:2em}"""


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _html(items: list[ExportItem], title: str, generated: datetime | None) -> str:
    out = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           '<meta name="referrer" content="no-referrer">',
           f"<title>{_e(title)}</title>", f"<style>{_CSS}</style>", "</head>", "<body>",
           f"<h1>{_e(title)}</h1>",
           f'<p class="meta">{counted(len(items), "article")}'
           + (f", exported {_e(_day(generated))}" if generated else "") + "</p>"]
    if items:
        out.append('<nav><h2>Contents</h2><ol>')
        out += [f'<li><a href="#article-{n}">{_e(item.title) or "(untitled)"}</a> '
                f'<span class="meta">{_e(item.feed)}, {_e(_day(item.published)[:10])}</span></li>'
                for n, item in enumerate(items, 1)]
        out.append("</ol></nav>")
    for n, item in enumerate(items, 1):
        out.append(f'<article id="article-{n}">')
        out.append(f"<h2>{_e(item.title) or '(untitled)'}</h2>")
        meta = [_e(item.feed), f'<time datetime="{_when(item.published)}">'
                f"{_e(_day(item.published))}</time>"]
        if item.author:
            meta.append(f"by {_e(item.author)}")
        url = _safe_url(item.url)
        if url:
            meta.append(f'<a href="{_e(url)}" rel="noopener noreferrer">original</a>')
        out.append(f'<p class="meta">{" · ".join(meta)}</p>')
        if item.tags:
            out.append('<p class="tags">' + "".join(f"<span>{_e(t)}</span>" for t in item.tags)
                       + "</p>")
        if item.actors:
            out.append(f'<p class="meta">Actors: {_e(", ".join(item.actors))}</p>')
        out += [f"<p>{_e(para)}</p>" for para in paragraphs(marked(item.body, item.links).text)]
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
