"""Article pages -> clean plain text.

Runs inside a process pool, so everything here is a top-level, picklable function and
never raises: failures come back as ``Extracted.error`` in plain words. trafilatura finds
the article; a line-level post-clean then removes the boilerplate it tends to leave inside
bodies (inline "Read more:" links, ad labels, captions, share and newsletter lines).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from tui.core.ingest import body_noise, charset, furniture
from tui.core.ingest.joiners import ZWNJ_FORMS, Guard, protect
from tui.core.ingest.links import body_links
from tui.core.ingest.mojibake import looks_mojibake, repair_markup
from tui.core.ingest.page_meta import LinkTexts, page_meta
from tui.core.ingest.page_meta import norm as _norm
from tui.core.ingest.sanitize import clean_text, strip_controls
from tui.core.models import BodyLink

__all__ = ["Extracted", "clean_lines", "clean_lines_text", "decode_html", "extract_page",
           "html_to_text"]

MAX_PAGE_BYTES = 8_000_000
"""Pages above this are cut: nothing an article needs lives past the first few MB."""

# trafilatura's cost grows steeply with link count (4.4 MB of <a> tags: 22 s, 900 MiB): such a
# page is an index or a trap, never an article.
MAX_LINKS = 20_000
# Numeric references to control characters (&#x1b; &#7;): after parsing they would become raw
# escapes, and trafilatura finds no text around them.
_CONTROL_REFS = re.compile(
    r"&#(?:[xX]0*(?:[0-8bBcCeEfF]|1[0-9a-fA-F]|7[fF]|[89][0-9a-fA-F])"
    r"|0*(?:[0-8]|1[1-9]|2[0-9]|3[01]|12[7-9]|1[3-5][0-9]));"
)

_ACCEPTED_TYPES = ("html", "xml", "text/plain")


@dataclass(frozen=True, slots=True)
class Extracted:
    body: str  # plain text, paragraphs separated by one blank line; "" when nothing found
    author: str | None
    published: str | None  # ISO date string as found in page metadata, or None
    sitename: str | None
    title: str | None
    error: str | None  # plain-words reason when body == ""
    links: tuple[BodyLink, ...] = ()  # the links the body cites (ingest/links.py)
    note: str | None = None  # a caveat on a body found: its charset guessed or in doubt

    def caveats(self, first: str | None) -> str | None:
        """`first` (the fetch's caveat) and the body's note, in one line; None for neither."""
        return "; ".join(n for n in (first, self.note) if n) or None


# --------------------------------------------------------------------------- decoding

def decode_html(raw: bytes, content_type: str | None = None) -> str:
    """Bytes -> str by the one decoder feeds use too (charset.py)."""
    return charset.decode(raw, content_type).text


_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")  # UTF-16's NULs are no sign of binary data
_BINARY_CONTROLS = bytes([*range(9), *range(14, 32)])


def _ascii_based(encoding: str) -> bool:
    return "utf_16" not in encoding.replace("-", "_") and "utf_32" not in encoding.replace("-", "_")


def _looks_binary(raw: bytes) -> bool:
    sample = raw[:2048]
    if not sample:
        return False
    if sample.startswith((b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04")):
        return True
    controls = len(sample) - len(sample.translate(None, _BINARY_CONTROLS))
    return controls > len(sample) // 20


# --------------------------------------------------------------------------- post-clean

_LEAD = r"^[\s\W]{0,3}"
# A Persian ZWNJ as the page's text holds it (joiners.py stands printable letters in for it
# through trafilatura), a space or none (a tag row's label missed every page before).
_ZW = f"[{ZWNJ_FORMS} ]?"
_SEP = r"\s*[:|\-\u2013\u2014\u00bb\u203a>]"  # "Read more:", "Related |", "See also >"
_XREF = (r"(?:(lea|vea|lee|mira) también|le puede interesar|te puede interesar|notas relacionadas"
         r"|art[íi]culos relacionados|m[áa]s sobre|lesen sie auch|mehr zum thema|[àa] lire aussi"
         r"|lire aussi|leggi anche|czytaj (też|także|więcej)|dowiedz się więcej"
         r"|читайте (также|еще|ещё)|смотрите также|по теме|подробнее|ещё по теме"
         r"|[اإأ]قرأ (أيضاً|أيضا|ايضاً|ايضا|المزيد|كذلك)|(مواضيع|أخبار|اخبار|مقالات) ذات صلة"
         r"|(بیشتر |همچنین )?بخوانید|(مطالب|اخبار|خبرهای) مرتبط)")
_AD = (r"advertisement|advertising|sponsored( content)?|ad|anzeige|publicité|реклама|إعلان"
       r"|آگهی( تبلیغاتی)?|تبلیغات"
       r"|scroll to continue( with content)?|continue reading below|story continues below")
_DROP_PATTERNS = [
    # Inline cross-links: "Read more: Other headline", "ALSO READ | ...", "Related: ...".
    # The bare label too, over the other story's link on the next line.
    _LEAD + r"(read|see|watch|listen)\s+(more|also|next)(" + _SEP + r"|\W*$)",
    _LEAD + r"(also|further)\s+read(" + _SEP + r"|\W*$)",
    _LEAD + r"(related|recommended|more on this|more from|related coverage|related stories"
    r"|related articles|related content|you may also like|you might also like"
    r"|most read|most popular|trending|editor'?s picks|top stories)\b[^.!?]{0,40}[:|]?\s*$",
    _LEAD + r"(related|more on this( story| topic)?)" + _SEP,
    # The same cues in the other languages analysts read.
    _LEAD + _XREF + _SEP,
    _LEAD + _XREF + r"\W*$",
    # Ad slots.
    r"^\W*(" + _AD + r")(\W+(" + _AD + r"))*\W*$",  # one label or a stack of them
    # Share / follow rows.
    r"^\W*(share|tweet|email|print|copy link)( this)?( article| story| page| on [\w ]+)?"
    r"\W*((facebook|twitter|x|whatsapp|telegram|linkedin|email|reddit|copy link)\W*)*$",
    r"^\W*share (this|on|via)\b.{0,60}$",
    r"^\W*(follow us|join us) on\b.{0,60}$",
    r"^\W*(تابعونا|تابعوا|تابعنا|انضموا إلى|اشترك في) (على|عبر|في)? ?.{0,80}"
    r"(تلغرام|تيليغرام|تويتر|فيسبوك|إنستغرام|يوتيوب|قناتنا|حساباتنا|صفحتنا)\W*$",
    r"^.{0,40}(ما را در|ما را|به کانال|کانال ما در) .{0,40}(تلگرام|اینستاگرام|توییتر|ایتا|بله)"
    r".{0,40}(دنبال کنید|بپیوندید|عضو شوید)\W*$",
    # A news site's typo form: "Found a typo? Select the text and press Ctrl+Enter".
    r"^\W*(нашли|заметили) (опечатку|ошибку)( в тексте)?\s*\?.{0,120}$",
    r"^.{0,120}\bctrl\s*\+\s*enter\b.{0,40}$",
    rf"^\W*(поделиться|поделитесь|شارك|اشتراک{_ZW}گذاری)\b.{{0,60}}$",
    # Newsletter boxes, captions and credits (the cheap ones; the scanning ones are below).
    r"^\W*(sign up|subscribe( now)?|get the newsletter)\W*$",
    r"^\W*enter your e-?mail( address)?\W*$",
    r"^\W*(file )?(photo|photograph|image|picture|pictured|caption|credit|foto|фото|illustration"
    r"|تصوير|عکس)"
    r"( credit)?s?\s*[:|/©].{0,150}$",
    r"^\W*©.{0,120}$",
    # Tag rows, video and audio labels, reading times: their names are not the story's.
    r"^\W*(tags|topics|keywords|filed under|теги|темы|ключевые слова|الكلمات المفتاحية"
    rf"|كلمات مفتاحية|الوسوم|برچسب{_ZW}ها|کلیدواژه{_ZW}ها)\s*:[^.!?]{{0,200}}$",  # noqa: RUF001
    r"^\W*(watch|video|podcast|смотрите|видео|شاهد|فيديو|ویدیو)\s*[:|][^.!?]{0,150}$",
    r"^\W*(listen to this (article|story)|\d{1,3}\s*min(ute)?s?\s+read)\W*$",
]
# These look for their cue anywhere in the line (`.{0,N}` before it), thirty times the cost of
# the anchored ones above; each runs only when the line holds one of its cue words, one of
# which every match contains.
_SCANNING_PATTERNS = [  # (cue words, pattern)
    # Newsletter boxes.
    (("newsletter",), r"^.{0,80}\b(sign up|subscribe)\b.{0,60}\bnewsletters?\b.{0,80}$"),
    (("newsletter",), r"^.{0,40}\bnewsletters?\b.{0,40}\b(sign up|subscribe|inbox)\b.{0,60}$"),
    (("signing up", "unsubscribe"),
     r"^.{0,60}\b(by signing up|you can unsubscribe at any time)\b.{0,160}$"),
    (("подпи",), r"^.{0,60}\b(подпишитесь|подписывайтесь|подписаться|подпишись) на "
     r"(нашу |наши |наш )?(рассылк|канал|telegram|телеграм|страниц|аккаунт|дзен).{0,120}$"),
    # A teaser for another story: its headline, then a link to it ("Other headline — read
    # the story", "... | Full story"; a capitalised "Read more" needs no mark before it).
    (("read more", "read the", "read on", "full story", "full article", "full report",
      "continue reading"),
     r"^.{3,200}?\s[\u2013\u2014|:>\u00bb\u203a-]\s*(read (more|on|the (full )?(story|article"
     r"|report))|full (story|article|report)|continue reading)\W*$"),
    (("read more", "full story"),
     r"^.{3,200}?[^.!?\s]\s+(?-i:Read more|READ MORE|Full story|FULL STORY)\W*$"),
    (("читать", "المزيد", "ادامه", "بخوانید"),
     r"^.{3,200}?\s(читать (далее|дальше|полностью)|اقرأ المزيد|ادامه (مطلب|خبر)"
     r"|بیشتر بخوانید)\W*$"),
    # A newsletter box that never says "newsletter".
    (("inbox",), r"^.{0,120}\b(delivered|sent|straight|directly) to your inbox\b.{0,80}$"),
    # Photo credits and captions.
    (("/",), r"^.{0,220}\b(?-i:REUTERS|AFP|EPA|EPA-EFE|AP)/[^\W\d][\w .'-]{1,40}"
     r"(/(?-i:FILE|File)( (?-i:PHOTO|Photo))?)?\W*$"),  # "REUTERS/Jane Doe/File Photo"
    (("getty", "ap photo"), r"^.{0,220}\(([^()]{0,60}\b)?(getty images|ap photo\b[^()]{0,40})"
     r"\)\W*$"),
    (("photo", "image", "picture", "credit", "фото"),
     r"^.{0,220}[\(\[]\s*(photo|image|picture|credit|фото)\s*:[^)\]]{1,80}[\)\]]\W*$"),
    (("photo", "image", "picture", "фото"),
     r"^.{0,200}\b(photo|image|picture|фото)\s*(credit)?\s*:\s*[^.]{1,60}$"),
    (("/", "|"), r"^.{0,160}\s[/|]\s*(reuters|afp|ap|getty images|epa|anadolu|tass|wana"
     r"|ria novosti)( via getty images)?\W*$"),
    # Cookie and consent notices.
    (("cookie",), r"^.{0,160}\b(we use cookies|this (web)?site uses cookies|accept (all )?cookies"
     r"|cookie (policy|settings)|используем (файлы )?cookie)\b.{0,200}$"),
]
# One alternation: a single search instead of a Python loop over the patterns.
_DROP_RE = re.compile("|".join(f"(?:{p})" for p in _DROP_PATTERNS), re.I)
_SCANNING_RE = [re.compile(p, re.I) for _, p in _SCANNING_PATTERNS]
_BY_CUE = [(cue, [r for (cues, _), r in zip(_SCANNING_PATTERNS, _SCANNING_RE, strict=True)
                  if cue in cues])
           for cue in dict.fromkeys(c for cues, _ in _SCANNING_PATTERNS for c in cues)]
# The letters re.I equates with a cue letter (i, s and Cyrillic d, o, t) that str.lower()
# leaves apart, found by testing every code point: a line holding one may match without its
# lowered form holding the cue.
_FOLD_APART = ("\u0130", "\u0131", "\u017f", "\u1c81", "\u1c82", "\u1c84", "\u1c85")


def _scanning_match(line: str) -> bool:
    """Any of _SCANNING_PATTERNS matches; only the patterns whose cue the line holds run."""
    if not line.isascii() and any(c in line for c in _FOLD_APART):
        return any(r.search(line) for r in _SCANNING_RE)
    low = line.lower()
    return any(cue in low and any(r.search(line) for r in regexes) for cue, regexes in _BY_CUE)


_WS = re.compile(r"\s+")
_LINK_LED = re.compile(r"^[-\u2022\u00b7*\s]*(.{15,}?)\s*(?:\([^()]{1,30}\)\W*"
                       r"|[-\u2013\u2014|\u2022\u00b7]\s*[^.!?()]{1,30})$")


def _is_boilerplate(line: str, link_texts: Container[str]) -> bool:
    if len(line) >= 300 and line.count(". ") >= 2:
        # Long lines are real sentences, even when they mention a trigger word; most body
        # paragraphs end here without running twenty regular expressions.
        return False
    if _DROP_RE.search(line) or _scanning_match(line):
        return True
    norm = _norm(line)
    if len(norm) < 15:
        return False
    if line.startswith("- ") and _led_by_link(line[2:], link_texts):
        return True  # a list of other stories: each item its headline link, then its teaser
    if norm.endswith((".", "?", "!")):
        return False
    if norm in link_texts:
        return True
    # Another story's headline link with its source or age after it: "... (Reuters)".
    led = _LINK_LED.match(line)
    return led is not None and _norm(led.group(1)) in link_texts


def _led_by_link(item: str, link_texts: Container[str]) -> bool:
    """A list item whose first words (15 characters or more) are the whole text of a link."""
    words = item.split(" ", 24)[:24]
    return any(_norm(" ".join(words[:n])) in link_texts for n in range(2, len(words) + 1)
               if len(" ".join(words[:n])) >= 15)


def clean_lines(text: str, link_texts: Container[str] = frozenset(),
                cards: Container[str] = frozenset()) -> str:
    """Drop boilerplate lines, collapse whitespace, return blank-line-separated paragraphs.

    ``link_texts`` are the normalised texts of the page's links: a body line that is just
    one of them is a headline link to another article, not prose. ``cards`` are the
    summaries under other stories' linked headlines (body_noise.card_summaries).
    """
    kept: list[str] = []
    for raw_line in furniture.drop_bio_boxes(text).splitlines():
        line = " ".join(raw_line.split())  # _WS.sub(" ", raw_line).strip(), 4x faster
        if not line or _is_boilerplate(line, link_texts) or body_noise.is_noise(line) \
                or furniture.is_furniture(line) or (cards and _norm(line) in cards):
            continue
        if kept and kept[-1] == line:
            continue
        kept.append(line)
    return "\n\n".join(kept)


def clean_lines_text(text: str) -> str:
    """``clean_text(text)`` for text clean_lines made, without its passes when they have
    nothing to do: clean_lines already split the lines, collapsed their whitespace into single
    spaces and dropped blank ones, so only control characters and NFC are left to check."""
    if strip_controls(text) == text and unicodedata.is_normalized("NFC", text) \
            and not looks_mojibake(text):
        return text
    return clean_text(text)


# --------------------------------------------------------------------------- entry points

def _failure(reason: str) -> Extracted:
    return Extracted(body="", author=None, published=None, sitename=None, title=None,
                     error=reason)


def extract_page(raw: bytes, url: str, content_type: str | None = None) -> Extracted:
    """Page bytes -> ``Extracted`` with a clean body (mojibake repaired, controls gone).
    Never raises."""
    try:
        found, page = _extract(raw, url, content_type)
        if not found.body:
            return found
        body = clean_lines_text(found.body)
    except Exception as exc:
        return _failure(f"extraction failed: {type(exc).__name__}: {exc}"[:300])
    if page is None:
        return replace(found, body=body)
    try:
        links = body_links(page[0], body, url, page[1].restore)
    except Exception:  # the text stands without its links
        links = ()
    return replace(found, body=body, links=links)


def _too_many_links(raw: bytes) -> bool:
    """Over MAX_LINKS "<a " or "<A ". Two cheaper bounds come first (each link takes three
    bytes and one "<"): counting "<" runs at memchr speed, 4x counting "<a "."""
    return (len(raw) > 3 * MAX_LINKS and raw.count(b"<") > MAX_LINKS
            and raw.count(b"<a ") + raw.count(b"<A ") > MAX_LINKS)


def _extract(raw: bytes, url: str,
             content_type: str | None) -> tuple[Extracted, tuple[Any, Guard] | None]:
    """The page's text, and (its parsed tree, what stood in for its joiners) when it was HTML:
    the links are read from that tree once the text is final."""
    if not raw or not raw.strip():
        return _failure("the page is empty"), None
    mime = (content_type or "").split(";")[0].strip().lower()
    if mime and not any(t in mime for t in _ACCEPTED_TYPES):
        return _failure(f"not a web page ({mime})"), None
    if _looks_binary(raw) and not raw.startswith(_UTF16_BOMS) and not charset.utf16_order(raw):
        return _failure("the page is binary data, not HTML"), None
    if _too_many_links(raw):
        return _failure(f"the page is a wall of links (over {MAX_LINKS}), not an article"), None
    # Mojibake first: its C1 characters are the evidence the repair needs, and the extractor
    # (and strip_controls) would drop them, leaving a lone "â" for every curly quote.
    page_text = charset.decode(raw[:MAX_PAGE_BYTES], content_type)
    decoded = repair_markup(page_text.text)
    text = strip_controls(_CONTROL_REFS.sub("", decoded))
    if mime == "text/plain":
        body = clean_lines(text.replace("\r\n", "\n"))
        return Extracted(body, None, None, None, None, None if body else "the page is empty",
                         note=page_text.note), None

    import trafilatura
    from trafilatura.utils import load_html

    from tui.core.ingest.trafilatura_setup import options

    text, joiners = protect(text)  # trafilatura would drop Persian's ZWNJ (joiners.py)
    tree = load_html(text)
    if tree is None:
        return _failure("the page is not parseable HTML"), None
    # The cheap look searches the bytes as ASCII, which UTF-16 is not: then the text.
    if body_noise.has_embeds(raw if _ascii_based(page_text.encoding) else text):
        body_noise.drop_embeds(tree)  # posts embedded from X, Instagram, Telegram...
    # The one parse serves both: trafilatura works on a copy of a tree it is given, so the
    # link texts page_meta reads later (only when clean_lines asks) come from the whole page.
    meta = page_meta(tree)
    doc = trafilatura.bare_extraction(tree, options=options(url or None))
    if doc is None:
        return _failure("no article text found on the page"), None
    found = doc.get("text") if isinstance(doc, dict) else getattr(doc, "text", None)
    body = joiners.restore(clean_lines(found if isinstance(found, str) else "", meta.links,
                                       body_noise.card_summaries(tree)))
    return Extracted(body=body, author=joiners.restore_optional(meta.author),
                     published=meta.published, sitename=joiners.restore_optional(meta.sitename),
                     title=joiners.restore_optional(meta.title),
                     error=None if body else "no article text found on the page",
                     note=page_text.note), (tree, joiners)


_BLOCK_TAGS = frozenset({
    "p", "div", "section", "article", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "pre", "tr", "table", "br", "hr", "dd", "dt", "header", "footer", "main"})
_DROP_TAGS = ("script", "style", "noscript", "figure", "figcaption", "aside", "nav", "form",
              "iframe", "button", "svg", "template", "head")


def html_to_text(html: str) -> str:
    """Feed HTML (content:encoded, summaries) -> plain paragraphs, same clean-up as pages."""
    try:
        if "<" not in html:
            import html as html_mod

            return clean_lines(html_mod.unescape(html))
        from lxml import html as lxml_html

        root = lxml_html.fragment_fromstring(html, create_parent="div")
        for bad in _dropped()(root):
            bad.drop_tree()
        if body_noise.has_embeds(html):
            body_noise.drop_embeds(root)
        links = LinkTexts(root)
        parts: list[str] = []
        _walk(root, parts)
        return clean_lines("".join(parts), links)
    except Exception:
        return clean_lines(re.sub(r"<[^>]*>", " ", html))


@cache
def _dropped() -> Any:
    from lxml import etree  # compiled once: compiling took a third of a summary's parse

    return etree.XPath("|".join(f"//{t}" for t in _DROP_TAGS))


def _walk(node: Any, out: list[str]) -> None:
    tag = node.tag.lower() if isinstance(node.tag, str) else ""
    block = tag in _BLOCK_TAGS
    if block:
        out.append("\n")
    if node.text and tag:
        out.append(_WS.sub(" ", node.text))
    for child in node:
        _walk(child, out)
    if block:
        out.append("\n")
    if node.tail:
        out.append(_WS.sub(" ", node.tail))
