# ruff: noqa: RUF001  (Cyrillic, Arabic and Persian are the point here)
"""Page furniture from Russian, Arabic and Persian outlets, and English shapes the post-clean
missed (furniture.py): a "Читайте также" line with no colon, Arabic and Persian photo
credits, a live blog's bare clock, cookie and paywall notices, corrections, "most read"
headings, source and author labels, author boxes, Russian legal footnotes and the
foreign-agent label. Each stayed in the body, its names the article's
actors. Sentences that only look like them stay. Every line here is our own wording."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import one_page_article
from tests.httpserver import LocalServer
from tests.test_extract_teasers import PARAS, _html, body_with
from tui.core.ingest.extract import clean_lines

FURNITURE = {  # (markup, what may not stay)
    "ru read also, no colon": ("<p><strong>ЧИТАЙТЕ ТАКЖЕ</strong> <a href='/o/1'>Шойгу прибыл "
                               "в Тегеран на переговоры</a></p>", "Шойгу"),
    "ar read also, two dots": ("<p>اقرأ أيضاً.. <a href='/o/2'>هنية يلتقي بزشكيان في طهران</a>"
                               "</p>", "هنية"),
    "fa read more, no colon": ("<p>بیشتر بخوانید <a href='/o/3'>سفر شویگو به تهران</a></p>",
                               "شویگو"),
    "ar photo credit": ("<p>الصورة: رويترز</p>", "رويترز"),
    "ar caption and agency": ("<p>رجب طيب أردوغان خلال مؤتمر صحفي في أنقرة (أ ف ب)</p>",
                              "أردوغان"),
    "fa photo by": ("<p>عکس از: خبرگزاری تسنیم</p>", "تسنیم"),
    "fa photo source": ("<p>منبع عکس: ایرنا</p>", "ایرنا"),
    "live clock": ("<p>14:05 МСК</p>", "14:05"),
    "live age ar": ("<p>منذ 5 دقائق</p>", "دقائق"),
    "cookie ru": ("<p>Этот сайт использует куки. Продолжая просмотр, вы соглашаетесь с "
                  "политикой конфиденциальности.</p>", "куки"),
    "cookie ar": ("<p>نستخدم ملفات تعريف الارتباط لتحسين تجربتك على موقعنا.</p>", "الارتباط"),
    "cookie fa": ("<p>این وب‌سایت از کوکی‌ها برای بهبود تجربه شما استفاده می‌کند.</p>", "کوکی"),
    "cookie en": ("<p>By continuing to browse this site you agree to our use of cookies.</p>",
                  "cookies"),
    "paywall en": ("<p>This article is for subscribers only. Subscribe to continue reading.</p>",
                   "subscribers"),
    "paywall ru": ("<p>Чтобы продолжить чтение, оформите подписку.</p>", "подписку"),
    "paywall ar": ("<p>للاستمرار في القراءة، اشترك الآن.</p>", "اشترك"),
    "correction": ("<p>Correction: An earlier version of this article misspelled the name of "
                   "Mohammad Javad Zarif.</p>", "Zarif"),
    "earlier version": ("<p>An earlier version of this story misstated when Ismail Haniyeh was "
                        "killed.</p>", "Haniyeh"),
    "update note": ("<p>Editor's note: This story has been updated to include comment from "
                    "Sergei Lavrov.</p>", "Lavrov"),
    "bio": ("<p>Jane Doe covers Lebanon for the Desk from Beirut. Follow her on X.</p>",
            "Lebanon for the Desk"),
    "most read ru": ("<h2>Самое читаемое</h2><ul><li><a href='/o/8'>Кадыров встретился с "
                     "Путиным в Кремле</a></li></ul>", "Самое читаемое"),
    "most read ar": ("<h3>الأكثر قراءة</h3>", "الأكثر قراءة"),
    "most read fa": ("<h3>پربازدیدترین</h3>", "پربازدیدترین"),
    "newsletter ar": ("<p>اشترك في النشرة البريدية ليصلك أهم الأخبار</p>", "النشرة"),
    "newsletter fa": ("<p>برای دریافت آخرین اخبار در خبرنامه ما عضو شوید</p>", "خبرنامه"),
    "channel ru": ("<p>Больше новостей — в нашем Telegram-канале</p>", "Telegram"),
    "author ru": ("<p>Автор: Иван Петров, обозреватель отдела политики</p>", "Петров"),
    "source ru": ("<p>Источник: ТАСС</p>", "ТАСС"),
    "source ar": ("<p>المصدر: الجزيرة + وكالات</p>", "الجزيرة"),
    "source fa": ("<p>منبع: خبرگزاری مهر</p>", "مهر"),
    "ar watch also": ("<p>شاهد أيضا: نتنياهو يتحدث أمام الكنيست</p>", "نتنياهو"),
    "gallery": ("<p>In pictures: Assad's palace after the fall of Damascus</p>", "Assad"),
    "ru banned footnote": ("<p>* Meta (Instagram и Facebook) признана экстремистской "
                           "организацией и запрещена в России</p>", "Meta"),
    "ru terror footnote": ("<p>*«Исламское государство» — террористическая организация, "
                           "запрещена в РФ</p>", "Исламское"),
    "ru agent label": ("<p>ДАННОЕ СООБЩЕНИЕ (МАТЕРИАЛ) СОЗДАНО И (ИЛИ) РАСПРОСТРАНЕНО "
                       "ИНОСТРАННЫМ СРЕДСТВОМ МАССОВОЙ ИНФОРМАЦИИ, ВЫПОЛНЯЮЩИМ ФУНКЦИИ "
                       "ИНОСТРАННОГО АГЕНТА</p>", "АГЕНТА"),
    "ru agent label, named": ("<p>Настоящий материал произведен, распространен и (или) "
                              "направлен иностранным агентом «Медуза»</p>", "Медуза"),
    "ru channel promo": ("<p>Подписывайтесь на «Ведомости» в Telegram</p>", "Ведомости"),
    "log-in prompt": ("<p>Already have an account? Log in</p>", "account"),
    "log-in prompt ru": ("<p>Уже есть подписка? Войдите</p>", "подписка"),
    "age label": ("<p>18+</p>", "18+"),
    "comment counter": ("<p>Комментарии (12)</p>", "Комментарии"),
    "ar follow app": ("<p>تابعوا آخر الأخبار عبر تطبيق واتساب</p>", "واتساب"),
    "author box": ("<h4>Об авторе</h4><p>Иван Петров — корреспондент отдела международной "
                   "политики, раньше работал в «Коммерсанте».</p>", "Коммерсант"),
}
KEPT = [  # the article's own sentences, near each shape above
    "Подробнее о переговорах рассказал источник в Кремле",
    "At 14:05 the sirens sounded across Haifa, the army said.",
    "The regulator said the site uses cookies to track visitors without their consent.",
    "Readers who subscribe to the paper's print edition will keep reading it on Sundays.",
    "The report was amended after objections from Russia and China.",
    "He urged his supporters to follow him on Telegram.",
    "Correction of the exchange rate by the central bank surprised traders.",
    "Источник в правительстве сообщил, что встреча пройдёт в Анкаре.",
    "قال المصدر إن الاجتماع سيعقد في أنقرة الأسبوع المقبل.",
    "The photo, taken in Gaza on Tuesday, was shared widely (Reuters could not verify it).",
    "Photo agencies were barred from the hearing, the court said.",
    "Суд признал организацию экстремистской и запретил её деятельность в России.",
    "Этот материал был опубликован в понедельник, и его распространили иностранные агентства.",
    "Comments by the minister drew criticism in Tehran.",
    "In pictures taken on Tuesday, the damage to the embassy is visible.",
    "About the author of the letter, the ministry said nothing.",
    "Иван Петров — корреспондент, задержанный в Тегеране, вышел на свободу.",
]


@pytest.mark.parametrize("name", list(FURNITURE))
def test_each_notice_leaves_the_body(name: str) -> None:
    markup, trace = FURNITURE[name]
    body = body_with(["", markup])
    assert body.split("\n\n")[-len(PARAS):] == PARAS, body
    assert trace not in body, body


def test_sentences_like_them_are_kept() -> None:
    assert clean_lines("\n".join(KEPT)).split("\n\n") == KEPT


def test_furnitures_names_are_not_the_articles_actors(server: LocalServer,
                                                      tmp_path: Path) -> None:
    inserts = ["", FURNITURE["correction"][0], FURNITURE["ar caption and agency"][0],
               FURNITURE["earlier version"][0], FURNITURE["update note"][0],
               FURNITURE["ru read also, no colon"][0]]
    article, actors = one_page_article(server, tmp_path, _html(inserts),
                                       "text/html; charset=utf-8")
    assert article.body.split("\n\n")[-len(PARAS):] == PARAS
    assert "oman" in actors
    assert not actors & {"mohammad-javad-zarif", "recep-tayyip-erdogan", "ismail-haniyeh",
                         "sergei-lavrov", "sergei-shoigu"}, actors
