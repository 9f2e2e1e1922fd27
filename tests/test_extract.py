"""Page extraction: every demo page comes out clean; hostile input never raises."""

from __future__ import annotations

import pickle
import random
import time

import pytest

from tui.core.ingest.extract import Extracted, clean_lines, decode_html, extract_page, html_to_text
from tui.demo.site import boilerplate_texts, load_site, render_page

SITE = load_site()
BASE = "http://127.0.0.1:8000"
PAGES = [a for a in SITE.articles if not a.feed_only]

RU_PARA = ("Банк России в пятницу повысил ключевую ставку сразу на два процентных пункта. "
           "Регулятор объяснил решение ростом инфляции и высоким спросом в экономике страны.")
EN_PARA = ("Café owners in Zürich said the naïve plan would cost more than expected, "
           "according to officials who spoke on Tuesday after a long meeting.")


def _page(paragraph: str, head: str = "", count: int = 5) -> str:
    body = "".join(f"<p>{paragraph} ({i})</p>" for i in range(count))
    return (f"<html><head>{head}<title>Test</title></head><body><article><h1>Test</h1>"
            f"{body}</article></body></html>")


@pytest.mark.parametrize("article", PAGES, ids=[a.slug for a in PAGES])
def test_demo_page_extracts_clean(article) -> None:  # type: ignore[no-untyped-def]
    outlet = SITE.outlet(article.outlet)
    raw = render_page(SITE, article, BASE)
    result = extract_page(raw, BASE + article.path, f"text/html; charset={outlet.charset}")
    assert result.error is None
    paragraphs = result.body.split("\n\n")
    for para in article.paragraphs:
        assert para in paragraphs, para[:60]
    own_text = " ".join(article.paragraphs) + " " + article.title
    for junk in boilerplate_texts(raw.decode(outlet.charset)):
        if junk in own_text:  # e.g. a nav label "Saudi Arabia" the article also names
            continue
        assert junk not in result.body, junk
    assert result.published and result.published.startswith(article.published.date().isoformat())


def test_metadata_comes_through() -> None:
    article = SITE.articles_of("gulf-dispatch")[0]
    result = extract_page(render_page(SITE, article, BASE), BASE + article.path,
                          "text/html; charset=utf-8")
    assert result.title == article.title
    assert result.author == article.author
    assert result.sitename


def test_result_is_picklable() -> None:
    result = extract_page(_page(EN_PARA).encode(), "http://x/")
    assert pickle.loads(pickle.dumps(result)) == result


# ---------------------------------------------------------------- the post-clean

def test_clean_keeps_real_sentences_that_look_like_boilerplate() -> None:
    text = "\n".join([
        "Read more widely, and the plan turns out to be old.",
        "Readers in Tehran were told the talks would continue.",
        "Read together, the two statements point the same way.",
        "Related matters were discussed at length by the ministers on Monday.",
        "Sharing intelligence was the main topic, officials said.",
        "The photographer said the image: a crowded square, was taken at dawn, and added "
        "that it was later used by several agencies across the region. Editors agreed. "
        "Nobody disputed the caption. It ran on the front page.",
        "Advertisements for the rally appeared across the city.",
        "وزير الخارجية قال: اقرأ أيضاً ما كتبناه أمس عن المفاوضات في الدوحة.",
        "او گفت این گزارش را باید با دقت بخوانید: هر دو طرف خواهان آتش‌بس هستند.",
        "إعلانات الحملة الانتخابية انتشرت في شوارع بيروت.",
        "Министр сказал, что журналисты нашли ошибку в докладе и попросили её исправить.",
        "Нашли опечатку в законе депутаты только через год после его принятия.",  # noqa: RUF001
        "تابعونا في هذا الملف خلال الأيام المقبلة، قال المتحدث باسم الوزارة للصحفيين.",
        "کاربران ایرانی می‌گویند برای دسترسی به تلگرام باید از فیلترشکن استفاده کنند.",
    ])
    assert clean_lines(text).split("\n\n") == text.split("\n")


def test_clean_drops_boilerplate_lines() -> None:
    junk = ["Read more: Putin and Pezeshkian meet in Kazan", "READ MORE: Another headline",
            "ALSO READ: Something else", "See also: A story", "Related:", "Related articles",
            "Advertisement", "ADVERTISEMENT", "Sponsored", "Share this article",
            "Share on WhatsApp", "Share: Facebook | Twitter | Email",
            "Sign up for our newsletter", "Subscribe to the Tehran Wire Review newsletter.",
            "Photo: AFP / Getty Images", "Officials meet in Ashgabat. (Photo: Reuters)",
            "A view of the city at dusk. Photo: Levant Ledger / Archive",
            "Image credit: Tehran Wire Review / File", "Читайте также: Заголовок",
            "Реклама", "Фото: «Северный вестник»", "Поделиться:",
            "Подпишитесь на нашу рассылку: главные новости дня каждое утро.",
            "Подписывайтесь на наш Telegram-канал, чтобы первыми узнавать главные новости!",
            "Нашли опечатку? Выделите текст и нажмите Ctrl+Enter",
            "Found a typo? Select it and press Ctrl+Enter.",
            "تابعونا على تلغرام وتويتر", "تابعوا آخر الأخبار عبر قناتنا على تيليغرام",
            "ما را در تلگرام دنبال کنید", "به کانال تلگرام پیک البرز بپیوندید",
            "We use cookies to personalise content and ads.",
            "اقرأ أيضاً: عنوان مقال آخر", "اقرأ أيضا: عنوان", "مواضيع ذات صلة", "إعلان",
            "شارك هذا المقال", "تصوير: أرشيف بريد المشرق",
            "بیشتر بخوانید: عنوان خبری دیگر", "اخبار مرتبط", "آگهی تبلیغاتی",
            "اشتراک\u200cگذاری این خبر:", "عکس: آرشیو پیک البرز"]  # noqa: RUF001
    keep = "Shoigu met Ahmadian in Tehran on Monday."
    assert clean_lines("\n".join([keep, *junk, keep + " Again."])) == (
        f"{keep}\n\n{keep} Again.")


def test_clean_drops_lines_that_are_other_headline_links() -> None:
    links = frozenset({"putin and pezeshkian meet in kazan"})
    text = "Putin and Pezeshkian meet in Kazan\nA real sentence about the visit."
    assert clean_lines(text, links) == "A real sentence about the visit."


def test_html_to_text_keeps_paragraphs_and_drops_clutter() -> None:
    html = ("<p>First paragraph\n  wraps in source.</p><p><strong>Read more:</strong> "
            "<a href='/x'>Some other headline here</a></p><figure><img src='a.jpg'>"
            "<figcaption>A caption</figcaption></figure><div>Advertisement</div>"
            "<script>var x = 1;</script><p>Readers were told &amp; agreed.</p>tail text")
    assert html_to_text(html) == (
        "First paragraph wraps in source.\n\nReaders were told & agreed.\n\ntail text")
    assert html_to_text("plain &amp; simple") == "plain & simple"
    assert html_to_text("") == ""
    assert html_to_text("<p>unclosed <b>bold") == "unclosed bold"


# ---------------------------------------------------------------- hostile input

def test_cp1251_page_declared_in_meta_or_not_at_all() -> None:
    raw = _page(RU_PARA, "<meta charset='windows-1251'>").encode("cp1251")
    for ctype in ("text/html; charset=windows-1251", "text/html", None):
        assert RU_PARA in extract_page(raw, "http://x/", ctype).body
    bare = _page(RU_PARA).encode("cp1251")
    for ctype in ("text/html", "text/html; charset=utf-8", "text/html; charset=iso-8859-1"):
        assert RU_PARA in extract_page(bare, "http://x/", ctype).body, ctype


def test_wrong_charset_labels() -> None:
    utf8 = _page(EN_PARA).encode("utf-8")
    for ctype in ("text/html; charset=iso-8859-1", "text/html; charset=windows-1251"):
        assert EN_PARA in extract_page(utf8, "http://x/", ctype).body
    latin = _page(EN_PARA).encode("cp1252")
    assert EN_PARA in extract_page(latin, "http://x/", "text/html; charset=utf-8").body
    assert EN_PARA in extract_page(latin, "http://x/", "text/html; charset=bogus-99").body
    assert decode_html(b"\xef\xbb\xbfhello") == "hello"


@pytest.mark.parametrize("raw, ctype", [
    (b"", None), (b"   \n\t", "text/html"), (b"<html><body></body></html>", None),
    (random.Random(1).randbytes(4096), "text/html"), (random.Random(2).randbytes(4096), None),
    (b"\x00" * 1000, None),
    (b"%PDF-1.7\n%binary", "application/pdf"), (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, None),
    (b"<html><body>" + b"<div>" * 50_000 + b"deep" + b"</div>" * 50_000, None),
    (b"<?xml version='1.0' encoding='utf-8'?><html><body><p>x</p></body></html>", None),
    ("<p>\udcff surrogate</p>".encode("utf-8", "surrogatepass"), "text/html"),
])
def test_hostile_input_never_raises(raw: bytes, ctype: str | None) -> None:
    result = extract_page(raw, "http://x/", ctype)
    assert isinstance(result, Extracted)
    if not result.body:
        assert result.error


def test_plain_text_response() -> None:
    result = extract_page(b"line one\n\nline two\r\nAdvertisement\n", "http://x/", "text/plain")
    assert result.body == "line one\n\nline two"


def test_five_megabyte_page() -> None:
    raw = _page(EN_PARA, count=5 * 1024 * 1024 // 150).encode("utf-8")
    assert len(raw) >= 5 * 1024 * 1024
    start = time.process_time()  # CPU time: a guard against blow-ups, deaf to a busy machine
    result = extract_page(raw, "http://x/", "text/html; charset=utf-8")
    elapsed = time.process_time() - start
    assert result.error is None and EN_PARA in result.body
    assert elapsed < 30, elapsed


def test_cross_link_cues_only_count_at_the_start_of_a_line() -> None:
    from tui.core.ingest.extract import clean_lines

    sentence = "Министр рассказал журналистам подробнее: переговоры продолжатся в среду."
    assert clean_lines(sentence) == sentence
    assert clean_lines("Подробнее: другой заголовок") == ""


def test_precision_skips_only_the_raw_tree_prune() -> None:
    """trafilatura_setup leaves out precision mode's second OVERALL_DISCARD_XPATH pass (the one
    on the raw tree, before readability); other prunes in that module still run, and the pass
    on the cleaned tree still drops a share bar from the body."""
    from lxml import html as lxml_html
    from trafilatura import external
    from trafilatura.xpaths import OVERALL_DISCARD_XPATH

    from tui.core.ingest.trafilatura_setup import options

    options(None)
    prune = external.prune_unwanted_nodes
    assert getattr(prune, "skips_raw_tree_prune", False)
    tree = lxml_html.fromstring('<div><p>kept</p><div class="share-bar">x</div></div>')
    assert prune(tree, OVERALL_DISCARD_XPATH) is tree and len(tree) == 2
    other = [OVERALL_DISCARD_XPATH[0].__class__(".//p")]
    assert [e.tag for e in prune(tree, other)] == ["div"]
    share = ('<div class="share-buttons"><a href="/s">Share this story with your friends '
             'and family today</a></div>')
    page = _page(EN_PARA).replace("<h1>Test</h1>", "<h1>Test</h1>" + share)
    body = extract_page(page.encode(), "https://example.invalid/a").body
    assert EN_PARA[:40] in body and "Share this story" not in body


def test_persian_joiners_survive_extraction() -> None:
    """The zero-width non-joiner is part of Persian spelling (می‌گیرد, not میگیرد); the
    joiner holds emoji together. Both reach the body; other invisible controls do not."""
    para = ("دولت می\u200cگوید گفت\u200cوگو با همسایه\u200cها ادامه می\u200cیابد و "  # noqa: RUF001
            "هیئت\u200cهای دو کشور هفته آینده در تهران دیدار می\u200cکنند. 👩\u200d💻")  # noqa: RUF001
    body = extract_page(_page(para + "\u200b").encode(), "https://example.invalid/fa").body
    assert para in body and "\u200b" not in body
