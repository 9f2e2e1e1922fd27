"""What hostile4's gallery and pull-quote rules took or let in beside their aim, on pages of
our own in the shapes of the stored peer pages they changed: a list of the author's stories
(pictured) holding the article's own headline let that headline into the body once the list
left the tree; a box left with its heading alone ("More Stories From World") and a picture
list with no text; a lead repeated after its dateline as the first paragraph."""

from __future__ import annotations

from lxml import html

from tests.test_extract_teasers import PARAS
from tui.core.ingest import body_noise
from tui.core.ingest.extract import extract_page

HEADLINE = "Envoys from Tehran and Muscat meet to discuss a detainee exchange"
LEAD = ("It is too early to say when the borders will reopen, the Omani foreign minister "
        "said on Wednesday")


def _body(article: str) -> list[str]:
    page = ("<!doctype html><html><head><meta charset='utf-8'><title>Envoys meet in Muscat"
            "</title></head><body><nav><a href='/'>Home</a></nav><div class='container'>"
            f"<div class='main'>{article}</div></div></body></html>").encode()
    return extract_page(page, "http://127.0.0.1/a", "text/html; charset=utf-8").body.split("\n\n")


def _story() -> str:
    return "".join(f"<p>{p}</p>" for p in PARAS)


def test_own_headline_in_a_pictured_list_stays_a_link() -> None:
    """The author's other stories, pictured, one of them this article: the list leaves the
    tree, and its links stay the page's (the headline line is a link's text, not prose)."""
    more = "".join(f"<li><a href='/o/{i}'><img src='/i/{i}.jpg'></a><a href='/o/{i}'>Another "
                   f"story number {i} on the talks in Doha</a></li>" for i in range(4))
    body = _body(f"<h1>{HEADLINE}</h1>{_story()}<aside class='more-from-author'><ul><li>"
                 f"<a href='/a'><img src='/i/a.jpg'></a><a href='/a'>{HEADLINE}</a></li>{more}"
                 "</ul></aside>")
    assert HEADLINE not in body and body[-len(PARAS):] == PARAS, body


def test_a_heading_stays_when_the_page_holds_no_link_of_it() -> None:
    """Look-alike: the same headline as the article's own heading, no list repeating it."""
    body = _body(f"<h1>{HEADLINE}</h1>{_story()}")
    assert body[-len(PARAS):] == PARAS, body


def test_a_lead_repeated_after_its_dateline_stays() -> None:
    """The standfirst over the first paragraph, which is the same sentence after a dateline:
    no pull quote (that stands beside other sentences of a paragraph), so both stay."""
    first = f"MUSCAT (Desk News / Gulf Wire - 29th April, 2025) {LEAD}."
    body = _body(f"<p class='lead'>{LEAD}</p><p>{first}</p>{_story()}")
    assert body[:2] == [LEAD, first], body


def _tree(markup: str) -> html.HtmlElement:
    return html.fromstring(f"<html><body><div class='main'>{markup}</div></body></html>")


def test_a_box_left_with_its_heading_alone_loses_it() -> None:
    items = "".join(f"<li><a href='/o/{i}'><img src='/{i}.jpg'>Other story {i}</a></li>"
                    for i in range(3))
    tree = _tree(f"<p>Text</p><div class='widget'><h3>More Stories From the Region</h3>"
                 f"<ul>{items}</ul><script>ads()</script></div>")
    dropped = body_noise.drop_galleries(tree)
    assert len(dropped) == 1 and "More Stories" not in tree.text_content(), html.tostring(tree)


def test_a_heading_with_more_under_it_stays() -> None:
    """Look-alikes: a heading over a paragraph and a gallery keeps its paragraph's company,
    and a picture list without text (nothing of it could reach a body) is left in place."""
    gallery = "<ul><li><img src='a.jpg'>Crowds in Tehran</li><li><img src='b.jpg'>Muscat</li></ul>"
    tree = _tree(f"<div><h2>The talks in Muscat</h2><p>Officials met.</p>{gallery}</div>"
                 "<div><h3>Photos</h3><ul class='carousel'><li><a href='/1'><img src='c.jpg'>"
                 "</a></li><li><a href='/2'><img src='d.jpg'></a></li></ul></div>")
    dropped = body_noise.drop_galleries(tree)
    text = tree.text_content()
    assert len(dropped) == 1 and "The talks in Muscat" in text and "Photos" in text, text
    assert tree.xpath("//ul[@class='carousel']"), html.tostring(tree)
