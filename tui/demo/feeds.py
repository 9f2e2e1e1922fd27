"""Feed documents for the demo outlets, one format per outlet.

The formats are deliberately varied so the reader's parser meets what the wild offers:
RSS 2.0 with summaries only, RSS 2.0 with full ``content:encoded``, RSS 2.0 with
``dc:creator``, non-permalink guids and relative links, Atom 1.0 and RSS 1.0 (RDF).
"""

from __future__ import annotations

from collections.abc import Callable
from email.utils import format_datetime
from xml.sax.saxutils import escape, quoteattr

from tui.demo.site import DemoArticle, Outlet, Site, paragraphs_html

__all__ = ["FEED_CONTENT_TYPES", "guid_of", "item_id", "render_feed"]

FEED_CONTENT_TYPES = {
    "rss2-summary": "application/rss+xml",
    "rss2-content": "application/rss+xml",
    "rss2-dc": "application/rss+xml",
    "atom": "application/atom+xml",
    "rss1": "application/rdf+xml",
}

# The in-body link label a full-text feed carries, in the article's language.
_READ_MORE = {"en": "Read more:", "ru": "Читайте также:", "ar": "اقرأ أيضاً:",
              "fa": "بیشتر بخوانید:"}

_NS_CONTENT = 'xmlns:content="http://purl.org/rss/1.0/modules/content/"'
_NS_DC = 'xmlns:dc="http://purl.org/dc/elements/1.1/"'
_NS_ATOM = 'xmlns:atom="http://www.w3.org/2005/Atom"'


def item_id(outlet: str, slug: str) -> str:
    """An item's guid, the same whatever port serves the site: the reader keys articles by
    guid, so a demo run on another port finds the articles it already has (read, tags...)."""
    return f"tag:demo.newsdesk,2024:{outlet}/{slug}"


def guid_of(outlet: Outlet, slug: str) -> str:
    """The guid (or Atom id, or RDF about) an article carries in its outlet's feed."""
    return f"{outlet.slug}:{slug}" if outlet.feed == "rss2-dc" else item_id(outlet.slug, slug)


def _content_html(article: DemoArticle, base_url: str, site: Site) -> str:
    """Full text as feed HTML, with a little of the in-body clutter real feeds carry."""
    paras = paragraphs_html(site, article, base_url)
    others = [a for a in site.articles_of(article.outlet) if a.slug != article.slug]
    if others and len(paras) > 2:
        other = others[0]
        label = _READ_MORE.get(article.lang, _READ_MORE["en"])
        paras.insert(2, f'<p><strong>{label}</strong> <a href="{escape(base_url + other.path)}">'
                        f"{escape(other.title)}</a></p>")
    return "\n".join(paras)


def _cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _rss2(site: Site, outlet: Outlet, base_url: str, feed_url: str) -> str:
    dc = outlet.feed == "rss2-dc"
    content = outlet.feed == "rss2-content"
    home = f"{base_url}/{outlet.slug}/"
    items: list[str] = []
    for art in site.articles_of(outlet.slug):
        # rss2-dc uses links relative to the feed URL; readers must resolve them.
        link = f"{art.slug}.html" if dc else base_url + art.path
        guid = f'<guid isPermaLink="false">{escape(guid_of(outlet, art.slug))}</guid>'
        extra = f"<dc:creator>{escape(art.author)}</dc:creator>" if dc else ""
        if content:
            extra += f"<content:encoded>{_cdata(_content_html(art, base_url, site))}"
            extra += "</content:encoded>"
        link_tag = "" if art.feed_only else f"<link>{escape(link)}</link>"
        items.append(
            f"<item><title>{escape(art.title)}</title>{link_tag}"
            f"<description>{escape(art.summary)}</description>"
            f"<pubDate>{format_datetime(art.published)}</pubDate>{guid}{extra}</item>")
    newest = site.articles_of(outlet.slug)[0].published
    namespaces = " ".join(ns for ns, on in ((_NS_CONTENT, content), (_NS_DC, dc),
                                            (_NS_ATOM, True)) if on)
    return (
        f'<?xml version="1.0" encoding="{outlet.charset}"?>\n'
        f'<rss version="2.0" {namespaces}><channel>'
        f"<title>{escape(outlet.name)}</title><link>{escape(home)}</link>"
        f"<description>{escape(outlet.name)}: latest articles</description>"
        f"<language>{outlet.lang}</language>"
        f"<lastBuildDate>{format_datetime(newest)}</lastBuildDate>"
        f'<atom:link href={quoteattr(feed_url)} rel="self" type="application/rss+xml"/>'
        + "\n".join(items) + "</channel></rss>\n")


def _atom(site: Site, outlet: Outlet, base_url: str, feed_url: str) -> str:
    entries: list[str] = []
    articles = site.articles_of(outlet.slug)
    for art in articles:
        url = base_url + art.path
        link = ("" if art.feed_only else
                f'<link rel="alternate" type="text/html" href={quoteattr(url)}/>')
        entries.append(
            f"<entry><id>{escape(guid_of(outlet, art.slug))}</id>"
            f"<title>{escape(art.title)}</title>{link}"
            f"<published>{art.published.isoformat()}</published>"
            f"<updated>{art.published.isoformat()}</updated>"
            f"<author><name>{escape(art.author)}</name></author>"
            f"<summary>{escape(art.summary)}</summary>"
            f'<content type="html">{escape(_content_html(art, base_url, site))}</content>'
            "</entry>")
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{outlet.lang}">'
        f"<id>tag:demo.newsdesk,2024:{outlet.slug}</id><title>{escape(outlet.name)}</title>"
        f"<updated>{articles[0].published.isoformat()}</updated>"
        f'<link rel="self" href={quoteattr(feed_url)}/>'
        f'<link rel="alternate" href={quoteattr(f"{base_url}/{outlet.slug}/")}/>'
        + "\n".join(entries) + "</feed>\n")


def _rss1(site: Site, outlet: Outlet, base_url: str, feed_url: str) -> str:
    articles = site.articles_of(outlet.slug)
    # rdf:about is the item's identity (the guid readers key on): kept free of the port.
    seq = "".join(f"<rdf:li rdf:resource={quoteattr(guid_of(outlet, a.slug))}/>"
                  for a in articles)
    items = "\n".join(
        f"<item rdf:about={quoteattr(guid_of(outlet, a.slug))}>"
        f"<title>{escape(a.title)}</title>"
        f"<link>{escape(base_url + a.path)}</link>"
        f"<description>{escape(a.summary)}</description>"
        f"<dc:date>{a.published.isoformat()}</dc:date>"
        f"<dc:creator>{escape(a.author)}</dc:creator></item>"
        for a in articles)
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        f'xmlns="http://purl.org/rss/1.0/" {_NS_DC}>'
        f"<channel rdf:about={quoteattr(feed_url)}><title>{escape(outlet.name)}</title>"
        f"<link>{escape(f'{base_url}/{outlet.slug}/')}</link>"
        f"<description>{escape(outlet.name)}: analysis</description>"
        f"<dc:language>{outlet.lang}</dc:language>"
        f"<items><rdf:Seq>{seq}</rdf:Seq></items></channel>\n{items}</rdf:RDF>\n")


_RENDERERS: dict[str, Callable[[Site, Outlet, str, str], str]] = {
    "rss2-summary": _rss2, "rss2-content": _rss2, "rss2-dc": _rss2,
    "atom": _atom, "rss1": _rss1,
}


def render_feed(site: Site, outlet: Outlet, base_url: str) -> bytes:
    """The outlet's feed document, encoded in the charset its XML declaration names."""
    feed_url = f"{base_url}/{outlet.slug}/feed.xml"
    charset = outlet.charset if outlet.feed.startswith("rss2") else "utf-8"
    text = _RENDERERS[outlet.feed](site, outlet, base_url, feed_url)
    return text.encode(charset, errors="xmlcharrefreplace")
