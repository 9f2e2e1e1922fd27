"""The post-clean: the boilerplate trafilatura leaves inside bodies, line by line.

Inline "Read more:" links, ad labels, captions, share and newsletter lines, other stories'
headline links and cards; furniture.py, body_noise.py and promos.py hold the regional and
in-body shapes. Split from extract.py, which had grown past its size by this job alone.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container

from tui.core.ingest import body_noise, furniture, promos
from tui.core.ingest.joiners import ZWNJ_FORMS
from tui.core.ingest.page_meta import norm as _norm
from tui.core.text.mojibake import looks_mojibake
from tui.core.text.sanitize import clean_text, strip_controls

__all__ = ["clean_lines", "clean_lines_text"]

_LEAD = r"^[\s\W]{0,3}"
# A Persian ZWNJ as the page's text holds it (joiners.py stands printable letters in for it
# through trafilatura), a space or none (a tag row's label missed every page before).
_ZW = f"[{ZWNJ_FORMS} ]?"
_SEP = r"\s*[:|\-\u2013\u2014\u00bb\u203a>]"  # "Read more:", "Related |", "See also >"
_XREF = (r"(?:(lea|vea|lee|mira) también|le puede interesar|te puede interesar|notas relacionadas"
         r"|art[íi]culos relacionados|m[áa]s sobre|lesen sie auch|mehr zum thema|[àa] lire aussi"
         r"|lire aussi|leggi anche|czytaj (też|także|więcej)|dowiedz się więcej"
         r"|читайте (также|еще|ещё)|смотрите также|по теме|подробнее|ещё по теме"
         r"|читайте (також|ще)|також читайте"  # Ukrainian
         r"|[اإأ]قرأ (أيضاً|أيضا|ايضاً|ايضا|المزيد|كذلك)|(مواضيع|أخبار|اخبار|مقالات) ذات صلة"
         r"|(بیشتر |همچنین )?بخوانید|(مطالب|اخبار|خبرهای) مرتبط)")
_AD = (r"advertisement|advertising|sponsored( content)?|ad|anzeige|publicité|реклама|إعلان"
       r"|آگهی( تبلیغاتی)?|تبلیغات|reklam|פרסומת"
       r"|haberin devamı reklamdan sonra|reklamdan sonra devam ediyor"  # noqa: RUF001
       r"|המשך (הכתבה|הידיעה) (אחרי|לאחר) הפרסומת"
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
    r"^\W*(читайте|смотрите|ищите) нас в\b.{0,40}$",  # "Читайте нас в Telegram"
    r"^\W*(تابعونا|تابعوا|تابعنا|انضموا إلى|اشترك في) (على|عبر|في)? ?.{0,80}"
    r"(تلغرام|تيليغرام|تويتر|فيسبوك|إنستغرام|يوتيوب|قناتنا|حساباتنا|صفحتنا)\W*$",
    r"^.{0,40}(ما را در|ما را|به کانال|کانال ما در) .{0,40}(تلگرام|اینستاگرام|توییتر|ایتا|بله)"
    r".{0,40}(دنبال کنید|بپیوندید|عضو شوید)\W*$",
    # A news site's typo form: "Found a typo? Select the text and press Ctrl+Enter".
    r"^\W*(нашли|заметили) (опечатку|ошибку)( в тексте)?\s*\?.{0,120}$",
    r"^.{0,120}\bctrl\s*\+\s*enter\b.{0,40}$",
    rf"^\W*(поделиться|поделитесь|شارك|اشتراک{_ZW}گذاری)\b.{{0,60}}$",
    # Newsletter boxes, captions and credits (the cheap ones; the scanning ones are below).
    r"^\W*(sign up|subscribe( now)?|get the newsletter|abone ol(un)?|הירשמו|הרשמו)\W*$",
    r"^\W*enter your e-?mail( address)?\W*$",
    r"^\W*(file )?(photo|photograph|image|picture|pictured|caption|credit|foto|фото|illustration"
    r"|تصوير|عکس|fotoğraf|görsel|צילום)"
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
    (("bülten",), r"^.{0,80}\b(e-?)?bülten\w*\s+(abone ol|kaydol|üye ol)\w*\W*$"),
    (("ניוזלטר",), r"^.{0,60}(הירשמו|הרשמו|הצטרפו|להרשמה)\s+(ל|אל\s+ה?)ניוזלטר.{0,80}$"),
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
    lines = [" ".join(raw.split()) for raw in furniture.drop_bio_boxes(text).splitlines()]
    # (" ".join(raw.split()) is _WS.sub(" ", raw_line).strip(), 4x faster)
    dropped: dict[str, bool] = {}  # a line's verdict, once: a flood of one paragraph repeats it
    for line in promos.drop_podcast_boxes([line for line in lines if line]):
        drop = dropped.get(line)
        if drop is None:
            drop = dropped[line] = bool(
                _is_boilerplate(line, link_texts) or body_noise.is_noise(line)
                or furniture.is_furniture(line) or promos.is_promo(line)
                or (cards and _norm(line) in cards))
        if drop or (kept and kept[-1] == line):
            continue
        kept.append(line)
    return "\n\n".join(promos.drop_pull_quotes(kept))


def clean_lines_text(text: str) -> str:
    """``clean_text(text)`` for text clean_lines made, without its passes when they have
    nothing to do: clean_lines already split the lines, collapsed their whitespace into single
    spaces and dropped blank ones, so only control characters and NFC are left to check."""
    if strip_controls(text) == text and unicodedata.is_normalized("NFC", text) \
            and not looks_mojibake(text):
        return text
    return clean_text(text)
