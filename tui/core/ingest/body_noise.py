# ruff: noqa: RUF001  (Cyrillic, Arabic and Persian cue words are the point here)
"""Text inside an article's body that is not the article: embedded posts, update stamps,
other stories' cards.

An embedded tweet, Instagram or Telegram post is someone else's words with their name under
it: its names became the article's actors. A paragraph that reports a post in the article's
own words ("In a post on X, the minister wrote ...") is the article and stays. An "Updated
12:30 GMT" line is the page's furniture; the date is in the page's metadata already.
Two layers: the embeds' own markup leaves the page's tree before extraction (classes and
data attributes the embedding scripts require, so sites keep them), and their leftovers'
shapes leave as lines, for pages and feed HTML that lost the markup.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from tui.core.ingest.joiners import ZWNJ_FORMS

_ZW = f"[{ZWNJ_FORMS} ]?"  # "به‌روزرسانی" with its ZWNJ, a stand-in for it, a space or none

# The markup each platform's embed script looks for: sites cannot rename it. Every one is a
# <blockquote> (Facebook's inside its <div class="fb-post">); Telegram's own is a <script>.
_EMBED_CLASSES = ("twitter-tweet", "twitter-video", "instagram-media", "tiktok-embed",
                  "telegram-post", "fb-post", "fb-xfbml-parse-ignore", "bluesky-embed",
                  "mastodon-embed", "text-post-media", "reddit-embed-bq")
_EMBED_ATTRS = ("data-instgrm-permalink", "data-bluesky-uri", "data-text-post-permalink")
_CUES = _EMBED_CLASSES + _EMBED_ATTRS
_BYTE_CUES = tuple(c.encode() for c in _CUES)


@cache
def _embeds_xpath() -> Any:
    from lxml import etree

    classes = " or ".join(f"contains(concat(' ', normalize-space(@class), ' '), ' {c} ')"
                          for c in _EMBED_CLASSES)
    attrs = " or ".join(f"@{a}" for a in _EMBED_ATTRS)
    return etree.XPath(f"//blockquote[{classes} or {attrs}] | //div[{classes}]")


def has_embeds(page: str | bytes) -> bool:
    """A cheap look before the tree search: the page holds a blockquote and names one of the
    embeds' markers (searching bytes: a str search of a non-ASCII page costs 10x)."""
    if isinstance(page, bytes):
        return b"<blockquote" in page and any(c in page for c in _BYTE_CUES)
    return "<blockquote" in page and any(c in page for c in _CUES)


def drop_embeds(tree: Any) -> None:
    """Embedded posts out of the tree (their text would read as the article's)."""
    for node in _embeds_xpath()(tree):
        if node.getparent() is not None:
            node.drop_tree()


@cache
def _galleries_xpath() -> Any:
    from lxml import etree

    every_item_a_picture = "li and not(li[not(.//img or .//picture)])"
    return etree.XPath(f"//ul[{every_item_a_picture}] | //ol[{every_item_a_picture}]")


_BOX_HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))


def drop_galleries(tree: Any) -> list[Any]:
    """Lists whose every item holds a picture (a gallery's or a carousel's captions) out of
    the tree, and the lists dropped: their captions read as list items of the article, their
    names as its actors. Their links stay the page's links (extract.py reads them): a body
    line that is one of their headlines is another story's, not the article's.

    A list with no text is left (nothing of it could reach the body, and taking it away moved
    trafilatura's choice: a sidebar's "Neueste Meldungen" came into a body), and a heading
    left alone in its box goes with the list ("More Stories From World")."""
    dropped = []
    for node in _galleries_xpath()(tree):
        parent = node.getparent()
        if parent is None or not "".join(node.itertext()).strip():
            continue
        node.drop_tree()
        dropped.append(node)
        rest = [c for c in parent if isinstance(c.tag, str) and c.tag not in ("script", "style")]
        if rest and all(c.tag in _BOX_HEADINGS for c in rest):
            for heading in rest:
                heading.drop_tree()
    return dropped


# --------------------------------------------------------------------------- lines

_MONTHS = (r"jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t|tember)?"
           r"|oct(ober)?|nov(ember)?|dec(ember)?|mon(day)?|tue(s|sday)?|wed(nesday)?"
           r"|thu(rs|rsday)?|fri(day)?|sat(urday)?|sun(day)?"
           r"|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября"
           r"|декабря|янв|фев|мар|апр|июн|июл|авг|сен|окт|ноя|дек"
           r"|يناير|فبراير|مارس|أبريل|ابريل|مايو|يونيو|يوليو|أغسطس|اغسطس|سبتمبر|أكتوبر|اكتوبر"
           r"|نوفمبر|ديسمبر|كانون الثاني|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول"
           r"|تشرين الأول|تشرين الثاني|كانون الأول"
           r"|فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند"
           r"|ژانویه|فوریه|مارس|آوریل|مه|ژوئن|ژوئیه|اوت|سپتامبر|اکتبر|نوامبر|دسامبر"
           r"|понедельник|вторник|среда|четверг|пятница|суббота|воскресенье"
           r"|الأحد|الاثنين|الإثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|السبت"
           rf"|(یک|دو|سه|چهار|پنج)?{_ZW}شنبه|جمعه")
_TIME_WORDS = (r"at|on|am|pm|a\.m\.|p\.m\.|gmt|utc|bst|cet|cest|est|edt|et|pt|msk|ast|irst"
               r"|local time|ago|an?|hours?|hrs?|minutes?|mins?|days?|today|yesterday"
               r"|в|г\.?|года|мск|назад|час(а|ов)?|минут[уы]?|вчера|сегодня"
               r"|الساعة|ساعة|ساعات|بتوقيت|غرينتش|مكة|القدس|منذ|دقيقة|دقائق|مساء[ًا]?"
               r"|صباح[ًا]?|في|م|ص|هـ"
               r"|ساعت|پیش|دقیقه|روز|به وقت|تهران|امروز|دیروز|ش|ه\.ش")
_STAMP_LABEL = (r"(last |first )?(updated|modified|published|posted)( on| at)?"
                r"|update|обновлено|обновлён|обновлен|опубликовано|дата (обновления|публикации)"
                r"|последнее обновление|(آخر )?تحديث|تم التحديث|(تاريخ )?(النشر|نشر)( في)?"
                rf"|(آخرین )?(به{_ZW}روز{_ZW}رسانی|بروز{_ZW}رسانی)|(تاریخ )?انتشار")
_STAMP_TOKEN = rf"(\d+|{_MONTHS}|{_TIME_WORDS}|{_STAMP_LABEL})(?!\w)\.?"
# A whole line of labels, dates and times: "Updated 12:30 GMT", "Published 3 Oct 2024 |
# Updated 4 Oct", "Обновлено: 3 октября, 14:05", "آخر تحديث: 3 أكتوبر 2024".
_STAMP = re.compile(rf"^\W*({_STAMP_LABEL})\b\s*:?(\s*[:,|/\u00b7\u2022\u2013\u2014-]?\s*"
                    rf"{_STAMP_TOKEN})*\W*$", re.I)
_STAMP_CUE = re.compile(rf"^\W*({_STAMP_LABEL})\b", re.I)
# A live blog's entry stamp with no label: a clock or a numeric date among stamp tokens
# ("14:05, 3 октября 2024", "03.10.2024, 14:05", "14:05 GMT, 3 Oct 2024").
_CLOCK = re.compile(r"\d{1,2}:\d{2}|\d{1,2}\.\d{1,2}\.\d{2,4}")
_BARE_STAMP = re.compile(rf"^\W*{_STAMP_TOKEN}(\s*[:,|/.\u00b7\u2022\u2013\u2014-]?\s*"
                         rf"{_STAMP_TOKEN})*\W*$", re.I)
# "— Jane Doe (@janedoe) October 3, 2024": the name and date under an embedded post.
_ATTRIBUTION = re.compile(r"^[\u2014\u2013-]+\s*[^()\n]{1,80}\(@\w{1,30}\)\s*[^.!?]{0,60}$")
_POST_LINES = re.compile(
    r"^\W*(view this post on instagram|a post shared by .{1,80}|посмотреть эту публикацию в "
    r"instagram|публикация от .{1,80}|(https?://)?(www\.)?(t\.me|twitter\.com|x\.com"
    r"|instagram\.com|facebook\.com|tiktok\.com)/\S*)\W*$", re.I)
_PIC = re.compile(r"\bpic\.twitter\.com/\w+")


def is_noise(line: str) -> bool:
    """An embedded post's leftover line, or an update or entry stamp alone on its line."""
    if len(line) > 300:
        return False
    if "pic.twitter.com/" in line and _PIC.search(line):
        return True
    if ("(@" in line and _ATTRIBUTION.match(line)) or _POST_LINES.match(line):
        return True
    if len(line) > 120 or not any(c.isdigit() for c in line):
        return False
    if _STAMP_CUE.match(line) is not None:
        return _STAMP.match(line) is not None
    return _CLOCK.search(line) is not None and _BARE_STAMP.match(line) is not None


# --------------------------------------------------------------------------- story cards

_HEADINGS = "h2|h3|h4|h5|h6"
_HEADING_TAGS = frozenset(_HEADINGS.split("|"))
# What a card's headline link sits in when it is not a heading: a paragraph or bold text
# holding the link and nothing else ("<p><strong><a>Headline</a></strong></p>").
_WRAPPERS = _HEADING_TAGS | {"p", "strong", "b"}
_SUMMARY_TAGS = frozenset({"p", "div", "span"})


@cache
def _headline_links() -> Any:
    """Links in a heading, a paragraph or bold text, or holding a heading (from the links: a
    third of the cost of asking every element whether it is a heading)."""
    from lxml import etree

    heads = _HEADINGS.split("|")
    around = " or ".join(f"parent::{h}" for h in (*heads, "p", "strong", "b"))
    return etree.XPath(f"//a[{around} or {' or '.join(heads)}]")


def _words(node: Any) -> str:
    return " ".join(node.text_content().split())


def _headline(link: Any) -> Any:
    """The element that is a card's headline round `link`: the outermost heading, paragraph
    or bold text holding the link's words and no others, or a link holding a heading; None
    when the link is neither (a link inside a sentence, a bare link)."""
    head, words = link, None
    parent = link.getparent()
    while parent is not None and parent.tag in _WRAPPERS:
        if (parent.text or "").strip() or (head.tail or "").strip():
            break  # words beside it: a link in a sentence (most links; no text_content)
        words = words or _words(link)
        if _words(parent) != words:
            break
        head, parent = parent, parent.getparent()
    if head is link and not any(h.tag in _HEADING_TAGS for h in link.iterdescendants()):
        return None
    return head


def card_summaries(tree: Any) -> frozenset[str]:
    """The normalised summaries of other stories' cards on the page: a small box holding a
    headline that is a link (a heading, paragraph or bold text holding only the link, or a
    link holding a heading) and a short unlinked summary under it. trafilatura drops the
    linked headline and keeps the summary, whose names became the article's actors. A box
    of over 700 characters is the article's own (a section under a linked heading); a link
    to a place in the page (#entry) heads the page's own text."""
    found: set[str] = set()
    for link in _headline_links()(tree):
        if (link.get("href") or "#").startswith("#"):
            continue
        head = _headline(link)
        box = head.getparent() if head is not None else None
        if box is None or box.tag not in ("div", "li", "article", "section") or len(box) > 4:
            continue
        summaries = [s for s in head.itersiblings() if s.tag in _SUMMARY_TAGS]
        if summaries and len(box.text_content()) <= 700:
            found.update(n for s in summaries if len(n := " ".join(
                s.text_content().split()).casefold()) >= 15)
    return frozenset(found)
