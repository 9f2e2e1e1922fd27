"""The demo site as data: outlets, articles and their rendered HTML pages.

Everything is a pure function of ``articles.toml`` and the templates beside it, so the
server (and tests) can rebuild the site for any base URL. Pages carry realistic
boilerplate inside and around the article; ``<!--bp-->`` comments mark it so tests can
check that extraction removed it (comments are invisible to extractors).
"""

from __future__ import annotations

import html
import json
import re
import tomllib
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from string import Template

__all__ = [
    "DemoArticle", "Outlet", "Site", "boilerplate_texts", "load_site", "page_path",
    "render_page",
]

DATA_DIR = Path(__file__).resolve().parent
ARTICLES_FILE = DATA_DIR / "articles.toml"
TEMPLATE_DIR = DATA_DIR / "templates"

_EN_CAPTIONS = (
    "Delegations take their seats before talks, in an archive image.",
    "A view of the capital's skyline at dusk, in a file picture.",
    "Officials speak to reporters after a meeting, in an earlier photograph.",
    "Traffic on a main avenue during the morning rush, shown in a file image.",
)
# Captions and photo credits in each demo language ({name}: the outlet's name).
_CAPTIONS = {
    "en": _EN_CAPTIONS,
    "ru": ("Архивное изображение, иллюстрирующее материал.", "Вид на центр города вечером."),
    "ar": ("صورة من الأرشيف تُظهر وفوداً قبل بدء المحادثات.", "منظر عام للعاصمة عند الغروب."),
    "fa": ("تصویر آرشیوی از نشست هیئت‌های دو کشور.", "نمایی از مرکز شهر در شامگاه."),
}
_CREDITS = {"en": "{name} / Archive", "ru": "«{name}»", "ar": "أرشيف {name}", "fa": "آرشیو {name}"}


@dataclass(frozen=True, slots=True)
class Outlet:
    slug: str
    name: str
    lang: str
    tags: tuple[str, ...]
    feed: str  # rss2-summary | rss2-content | rss2-dc | atom | rss1
    template: str
    utc_offset: str
    charset: str = "utf-8"


@dataclass(frozen=True, slots=True)
class DemoArticle:
    slug: str
    outlet: str
    event: str  # shared by articles reporting the same event; "" for standalone pieces
    published: datetime  # aware, in the outlet's local offset
    title: str
    author: str
    lang: str
    paragraphs: tuple[str, ...]
    # Its feed item gives no link, as a wire flash or a press note does: the feed's own text
    # is the article, with no page to fetch (none to fail: a demo shows no false failure).
    feed_only: bool = False
    links: tuple[tuple[str, str], ...] = ()  # (words of a paragraph, a slug or an address)

    @property
    def path(self) -> str:
        return page_path(self.outlet, self.slug)

    @property
    def summary(self) -> str:
        return self.paragraphs[0]


@dataclass(frozen=True, slots=True)
class Site:
    outlets: tuple[Outlet, ...]
    articles: tuple[DemoArticle, ...]

    def outlet(self, slug: str) -> Outlet:
        for outlet in self.outlets:
            if outlet.slug == slug:
                return outlet
        raise KeyError(slug)

    def articles_of(self, outlet: str) -> tuple[DemoArticle, ...]:
        """The outlet's articles, newest first."""
        mine = (a for a in self.articles if a.outlet == outlet)
        return tuple(sorted(mine, key=lambda a: a.published, reverse=True))

    def events(self) -> dict[str, tuple[DemoArticle, ...]]:
        grouped: dict[str, list[DemoArticle]] = {}
        for article in self.articles:
            if article.event:
                grouped.setdefault(article.event, []).append(article)
        return {k: tuple(v) for k, v in grouped.items()}


def page_path(outlet: str, slug: str) -> str:
    return f"/{outlet}/{slug}.html"


@cache
def load_site(path: Path = ARTICLES_FILE) -> Site:
    """Parse ``articles.toml`` (cached: the file ships with the package)."""
    with path.open("rb") as fh:
        data = tomllib.load(fh)
    outlets = tuple(
        Outlet(slug=o["slug"], name=o["name"], lang=o["lang"], tags=tuple(o["tags"]),
               feed=o["feed"], template=o["template"], utc_offset=o["utc_offset"],
               charset=o.get("charset", "utf-8"))
        for o in data["outlet"]
    )
    articles = tuple(
        DemoArticle(slug=a["slug"], outlet=a["outlet"], event=a["event"],
                    published=datetime.fromisoformat(a["published"]), title=a["title"],
                    author=a["author"], lang=a["lang"], paragraphs=tuple(a["paragraphs"]),
                    feed_only=bool(a.get("feed_only", False)),
                    links=tuple((link["words"], link["to"]) for link in a.get("links", ())))
        for a in data["article"]
    )
    return Site(outlets, articles)


@cache
def _template(name: str) -> Template:
    return Template((TEMPLATE_DIR / f"{name}.html").read_text(encoding="utf-8"))


@cache
def _inline(name: str) -> dict[str, Template]:
    with (TEMPLATE_DIR / "inline.toml").open("rb") as fh:
        table = tomllib.load(fh)[name]
    return {key: Template(value) for key, value in table.items()}


def paragraphs_html(site: Site, article: DemoArticle, base_url: str) -> list[str]:
    """The article's paragraphs as HTML, its `links` made: the first paragraph holding a
    link's words gets the `<a>` around them (the text itself is unchanged)."""
    out = [html.escape(p) for p in article.paragraphs]
    for words, to in article.links:
        url = to if "://" in to else base_url + page_path(_outlet_of(site, to), to)
        found = html.escape(words)
        at = next((i for i, p in enumerate(out) if found in p), None)
        if at is None:
            raise ValueError(f"{article.slug}: no paragraph says {words!r} (articles.toml links)")
        out[at] = out[at].replace(found, f'<a href="{html.escape(url)}">{found}</a>', 1)
    return [f"<p>{p}</p>" for p in out]


def _outlet_of(site: Site, slug: str) -> str:
    return next(a.outlet for a in site.articles if a.slug == slug)


def _others(site: Site, article: DemoArticle, count: int, *, same_outlet: bool
            ) -> list[DemoArticle]:
    """Deterministic picks of other articles (never ones reporting the same event)."""
    pool = [a for a in site.articles
            if a.slug != article.slug and (not article.event or a.event != article.event)
            and (a.outlet == article.outlet) == same_outlet and a.lang == article.lang]
    if not pool:
        return []
    start = sum(map(ord, article.slug)) % len(pool)
    return [pool[(start + i) % len(pool)] for i in range(min(count, len(pool)))]


def _bp(fragment: str) -> str:
    return f"<!--bp-->{fragment}<!--/bp-->"


def _body_html(site: Site, outlet: Outlet, article: DemoArticle, base_url: str) -> str:
    """Article paragraphs interleaved with the template's in-body boilerplate."""
    snip = _inline(outlet.template)
    esc = html.escape
    index = site.articles.index(article)
    captions = _CAPTIONS.get(article.lang, _EN_CAPTIONS)
    credit = _CREDITS.get(article.lang, _CREDITS["en"]).format(name=outlet.name)
    links = _others(site, article, 3, same_outlet=False) or _others(
        site, article, 3, same_outlet=True)

    def link(tpl: str, other: DemoArticle) -> str:
        return snip[tpl].substitute(url=esc(base_url + other.path), headline=esc(other.title))

    inserts: dict[int, str] = {
        0: snip["figure"].substitute(caption=esc(captions[index % len(captions)]),
                                     credit=esc(credit)),
        2: snip["ad"].substitute(),
    }
    if links:
        inserts[1] = link("read_more", links[0])
    # Mid-article when there is room, else straight after the text.
    inserts[3 if len(article.paragraphs) >= 5 else len(article.paragraphs) - 1] = (
        inserts.get(len(article.paragraphs) - 1, "") + snip["newsletter"].substitute())
    parts: list[str] = []
    for i, para in enumerate(paragraphs_html(site, article, base_url)):
        parts.append(para)
        if i in inserts:
            parts.append(_bp(inserts[i]))
    parts.append(_bp(snip["share"].substitute()))
    if len(links) > 1:
        items = "".join(link("related_item", other) for other in links[1:])
        parts.append(_bp(snip["related"].substitute(items=items)))
    return "\n".join(parts)


def _human_date(when: datetime, lang: str) -> str:
    if lang == "ru":
        return when.strftime("%d.%m.%Y %H:%M")
    if lang in ("ar", "fa"):
        return when.strftime("%Y/%m/%d %H:%M")
    return f"{when.day} {when.strftime('%B %Y, %H:%M')}"


def render_page(site: Site, article: DemoArticle, base_url: str) -> bytes:
    """The article's full HTML page, encoded in its outlet's charset."""
    outlet = site.outlet(article.outlet)
    esc = html.escape
    most_read = "\n".join(
        f'<li><a href="{esc(base_url + o.path)}">{esc(o.title)}</a></li>'
        for o in _others(site, article, 4, same_outlet=True))
    page = _template(outlet.template).substitute(
        lang=outlet.lang,
        charset=outlet.charset,
        site_name=esc(outlet.name),
        headline=esc(article.title),
        headline_json=json.dumps(article.title),
        author=esc(article.author),
        author_json=json.dumps(article.author),
        description=esc(article.summary[:200]),
        canonical=esc(base_url + article.path),
        published_iso=article.published.isoformat(),
        published_human=_human_date(article.published, outlet.lang),
        body=_body_html(site, outlet, article, base_url),
        most_read=most_read,
    )
    return page.encode(outlet.charset, errors="xmlcharrefreplace")


_BP_REGION = re.compile(r"<!--bp-->(.*?)<!--/bp-->", re.S)
_TAG = re.compile(r"<[^>]+>")


def boilerplate_texts(page: str) -> list[str]:
    """Every text run (>= 8 chars) inside the page's marked boilerplate regions."""
    texts: list[str] = []
    for region in _BP_REGION.findall(page):
        for chunk in _TAG.split(region):
            text = " ".join(html.unescape(chunk).split())
            if len(text) >= 8 and text not in texts:
                texts.append(text)
    return texts
