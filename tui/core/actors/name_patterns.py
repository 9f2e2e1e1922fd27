# ruff: noqa: RUF001, RUF003  (Cyrillic and Arabic script are the point here)
"""How news names a person, pattern by pattern, for `unlisted.py`: a title then a name
("spokesman John Kirby"), a name then a comma and a title ("Nabih Berri, the parliament
speaker"), a title, a comma and a name, Russian titles with their qualifier ("губернатор
Белгородской области Вячеслав Гладков"), Arabic and Persian verbs, titles and honorifics
("قال نبيه بري، رئيس مجلس النواب"), and an age or "who" after a name ("Romi Gonen, 24,").

Each pattern reads a `Window`: the words around one trigger (a title or an attribution verb),
and yields (name words, the title as the text gives it).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable

from tui.core import scripts
from tui.core.actors.russian_names import (
    GEN,
    GOVERN_GENITIVE,
    KINSHIP,
    NOM,
    RU_TITLE_CASES,
    given_case,
    nominative,
)
from tui.core.actors.titles import (
    AR_SAID,
    AR_STOP,
    EN_ABBREVIATIONS,
    EN_NOT_NAME,
    EN_SAID,
    EN_TITLES,
    FA_SAID,
    LATIN_TITLES,
    RU_SAID,
    TITLE_STOPS,
)

TOKEN = re.compile(r"[^\W_](?:[\w’'\-\u200c]*[^\W_])?")
CYRILLIC = re.compile("[\u0400-\u04ff]")
ARABIC = scripts.ARABIC_LETTER
_PATRONYMIC = ("ович", "евич", "овна", "евна", "ьич", "ична", "инична")
_PARTICLES = {"al", "el", "bin", "ibn", "bint", "abu", "de", "van", "von", "der", "da", "di",
              "du", "la", "le", "ben", "bar", "ter", "бин", "ибн"}
_KUNYA = {"abu", "umm", "абу", "умм"}  # opens a name ("Abu Mohammed"): never stripped
# The Arabic article on a nisba or laqab ("al-Jolani", "аль-Джулани"): a name word in lower case
_AL = re.compile(r"^(?:al|el|ad|ash|as|an|ar|at|az)-[A-Z]")
_RU_AL = re.compile(r"^(?:аль|ал|эль|ад|аш|ас|ан|ар|ат|аз|эд|эш)-[А-ЯЁ]")
_EN_MODIFIERS = {"national", "security", "foreign", "defence", "defense", "military", "senior",
                 "top", "chief", "deputy", "regional", "local", "state", "federal", "police",
                 "army", "presidential", "government", "opposition", "human", "rights", "press"}
CAPITAL = re.compile("[A-ZА-ЯЁ]")
_SENTENCE_END = re.compile(r"[.!?;:()\[\]«»\"“”؟؛]")
VERBS = EN_SAID | RU_SAID | AR_SAID | FA_SAID | {"says", "told", "said", "has", "had", "was",
                                                 "is", "will", "would"}
_SPOKESPEOPLE = ("المتحدث", "الناطق", "المتحدثة", "الناطقة")

Tok = tuple[int, int, str]  # (start, end, word) in the joined text
Found = Iterable[tuple[list[Tok], str]]  # (name words, the title as written)


class Taken:
    """The spans already named, for overlap tests by bisection."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _e in self.spans]
        self.reach = []  # the furthest end among spans[:n+1]
        top = -1
        for _s, e in self.spans:
            top = max(top, e)
            self.reach.append(top)

    def hits(self, tok: Tok) -> bool:
        n = bisect.bisect_left(self.starts, tok[1]) - 1  # spans starting before tok ends
        return n >= 0 and self.reach[n] > tok[0]


class Window:
    """The words around one trigger, with the tests the patterns share."""

    def __init__(self, text: str, toks: list[Tok], taken: Taken, cut: bool,
                 cut_end: bool, given: frozenset[str] = frozenset()) -> None:
        self.text, self.toks, self.taken, self.cut, self.cut_end = text, toks, taken, cut, cut_end
        self.given = given  # given names (lower case; Arabic script as `bare` gives them)

    def joined(self, j: int) -> bool:
        """Word j follows word j-1 with only a space between."""
        return 0 < j < len(self.toks) and \
            self.text[self.toks[j - 1][1]:self.toks[j][0]] in (" ", "\u00a0")

    def gap(self, j: int) -> str:
        """What stands between word j-1 and word j."""
        return self.text[self.toks[j - 1][1]:self.toks[j][0]] if 0 < j < len(self.toks) else ""

    def sentence_start(self, j: int) -> bool:
        if j == 0:
            return not self.cut
        between = self.gap(j)
        return bool(_SENTENCE_END.search(between)) or "\n" in between

    def run(self, j: int, is_word: Callable[[Tok], bool]) -> list[Tok]:
        """Name words from word j on, one space apart (particles inside), at most three."""
        out: list[Tok] = []
        while j < len(self.toks) and len(out) < 6 and (not out or self.joined(j)):
            tok = self.toks[j]
            if self.taken.hits(tok) or not (is_word(tok) or (
                    out and tok[2].lower() in _PARTICLES and j + 1 < len(self.toks))):
                break
            out.append(tok)
            j += 1
        while out and out[-1][2].lower() in _PARTICLES:
            out.pop()
        return [] if too_long(out) or (out and j == len(self.toks) and self.cut_end) else out

    def run_back(self, j: int, is_word: Callable[[Tok], bool]) -> list[Tok]:
        """Name words ending at word j, read backwards; [] when the run may go on unseen."""
        out: list[Tok] = []
        while j >= 0 and len(out) < 6 and not self.taken.hits(self.toks[j]) and (
                is_word(self.toks[j]) or (out and self.toks[j][2].lower() in _PARTICLES)):
            out.insert(0, self.toks[j])
            if not self.joined(j):
                break
            j -= 1
        while out and out[0][2].lower() in _PARTICLES - _KUNYA:
            out.pop(0)
        if j < 0 and self.cut:
            return []
        return [] if too_long(out) else out

    def phrase_end(self, n: int) -> int:
        """The end of a title phrase: "the head of Hezbollah's media office", to punctuation."""
        end = self.toks[n][1]
        for m in range(n + 1, min(n + 6, len(self.toks))):
            word = self.toks[m][2]
            if not self.joined(m) or word in AR_STOP or word.lower() in VERBS:
                break
            end = self.toks[m][1]
        return end


def too_long(run: list[Tok]) -> bool:
    """Three name words at most, five with particles ("Ahmad Abdullah al-Ahmad al-Sabah")."""
    particles = sum(t[2].lower() in _PARTICLES or bool(_AL.match(t[2]) or _RU_AL.match(t[2]))
                    for t in run)
    return len(run) > (5 if particles else 3)


# -- English -------------------------------------------------------------------------------
def en_word(tok: Tok) -> bool:
    word = tok[2]
    if _AL.match(word):
        return True
    low = word.lower()
    return (len(word) > 1 and word[:1].isupper() and not word.isupper()
            and low not in EN_NOT_NAME and low not in EN_TITLES and low not in LATIN_TITLES
            and not (low.endswith("s") and low[:-1] in EN_TITLES)  # "Prime Ministers"
            and not low.endswith("'s")
            and not low.endswith("’s") and not CYRILLIC.match(word))


def en_after_title(w: Window, i: int) -> Found:
    """"Belgorod Governor Vyacheslav Gladkov", "spokesman John Kirby"."""
    run = w.run(i + 1, en_word)
    abbreviated = w.toks[i][2].lower() in EN_ABBREVIATIONS and w.gap(i + 1) == ". "
    if len(run) < 2 or not (w.joined(i + 1) or abbreviated):  # "Maj. Gen. Yaron Fink"
        return
    start = i
    while start > 0 and i - start < 4 and ((w.joined(start) and not w.sentence_start(start)) or (
            w.gap(start) == ". " and w.toks[start - 1][2].lower() in EN_ABBREVIATIONS)):
        before = w.toks[start - 1][2]
        if before.lower() in ("the", "a", "an") or not (
                before[:1].isupper() or before.lower() in EN_TITLES | _EN_MODIFIERS):
            break
        start -= 1
    end = w.toks[i][1] + (1 if abbreviated else 0)  # "Maj. Gen."
    yield run, w.text[w.toks[start][0]:end]


def title_comma_name(w: Window, i: int, is_word: Callable[[Tok], bool],
                      ) -> Found:
    """"Odesa's mayor, Gennadiy Trukhanov, said": a title, a comma, a name, then a comma or a
    verb; the title may take a short lowercase qualifier ("The lawyer for the family, X Y,")."""
    k, of = i, False  # "the governor of East Azerbaijan province, X Y,": names after "of"
    while k + 1 < len(w.toks) and k - i < 5 and w.joined(k + 1) and \
            (w.toks[k + 1][2].islower() or of):
        of = of or w.toks[k + 1][2] in ("of", "for")
        k += 1
    if w.gap(k + 1).strip() != ",":
        return
    run = w.run(k + 1, is_word)
    after = k + 1 + len(run)
    if len(run) < 2 or after >= len(w.toks):
        return
    if w.gap(after).strip() in (",", ".", ";") or (w.joined(after) and w.toks[after][2].lower()
                                                   in VERBS):
        start = i  # back over "Odesa's", "White House", "deputy": not "le", "sur Facebook"
        while start > 0 and i - start < 4 and w.joined(start) and \
                w.toks[start - 1][2].lower() not in TITLE_STOPS:
            start -= 1
        yield run, w.text[w.toks[start][0]:w.toks[k][1]]



def after_a_possessive(w: Window, run: list[Tok]) -> bool:
    """"Lithuania's Gabrielius Landsbergis said": a name after a country's possessive."""
    j = w.toks.index(run[0])
    return j > 0 and w.joined(j) and w.toks[j - 1][2].lower().endswith(("'s", "’s"))


_NAMED_AFTER = {"имени", "им", "улица", "улицы", "улице", "улицу", "проспект", "проспекта",
                "проспекте", "площадь", "площади", "орден", "ордена", "орденом", "премия",
                "премии", "святого", "святой", "святых", "храм", "храма", "собор", "собора"}


def ru_given_name(w: Window, i: int) -> Found:
    """"Бориса Надеждина и Екатерину Дунцову", "Дмитрий Песков лишь напомнил": a common
    given name and a surname, in any case, are a person in Russian news (shown in the
    nominative), unless a street, an order or a church is named after them."""
    case = given_case(w.toks[i][2], w.given)
    if case is None or (i > 0 and w.joined(i) and (
            w.toks[i - 1][2][:1].isupper() or w.toks[i - 1][2].lower() in _NAMED_AFTER)):
        return  # inside a longer name ("Ким Чен Ын"), or "улица Льва Толстого"
    run = w.run(i, ru_word)
    if not 2 <= len(run) <= 3:
        return
    words = nominative([t[2] for t in run], case, w.given)
    yield [(s, e, word) for (s, e, _w), word in zip(run, words, strict=True)], ""


def en_given_name(w: Window, i: int) -> Found:
    """"Yassin Rabia was killed", "a cast that includes Robert De Niro": a common given name
    and a surname alone, when no capitalised word runs on either side ("George Washington
    University", "the John Lewis store")."""
    before = w.toks[i - 1][2] if i > 0 and w.joined(i) else ""
    if w.toks[i][2].lower() in _PARTICLES or w.toks[i][2].lower() in _NOT_ALONE or \
            before[:1].isupper() or \
            before.lower() in ("the", "of", "a", "an"):
        return  # "Ben Yehuda Street" opens with a particle
    run = w.run(i, en_word)
    after = i + len(run)
    if 2 <= len(run) <= 3 and not (after < len(w.toks) and w.joined(after) and
                                   w.toks[after][2][:1].isupper()) and \
            not run[-1][2].lower().endswith(_NAMED_FOR):
        yield run, ""


# Given names that are also months or words ("Jan Yunis" is Khan Younis in Spanish).
_NOT_ALONE = {"jan", "may", "june", "april", "august", "mark", "grant", "chase", "will"}
# "Robert Koch-Institut", "Marine Nationale": a body or a place named after someone.
_NAMED_FOR = ("-institut", "-institute", "-stiftung", "-straße", "-strasse", "-platz",
              "-allee", "-universität", "-gesellschaft", "nationale", "nacional")


def name_before_title(w: Window, n: int, is_word: Callable[[Tok], bool],
                       ) -> Found:
    """A name, a comma, then this title a few words on: "Nabih Berri, the parliament speaker",
    "Набих Берри, спикер парламента"."""
    k = n
    while k > 0 and n - k < 5 and w.joined(k):
        k -= 1
    if k == 0 or w.gap(k).strip() not in (",", "،") or \
            w.toks[k][2].lower() in ("and", "or", "и", "или"):
        return  # "X Y, and Tabriz's prayer leader": the title is the next person's
    run = w.run_back(k - 1, is_word)
    if len(run) == 3 and is_word is ru_word and not run[1][2].lower().endswith(_PATRONYMIC) \
            and given_case(run[0][2], w.given) is None:
        run = run[1:]  # "Малайзии Анвар Ибрагим": a place the data lacks, then the name
    if len(run) >= 2:
        yield run, w.text[w.toks[k][0]:w.phrase_end(n)]


def ru_word(tok: Tok) -> bool:
    word = tok[2]
    return bool(_RU_AL.match(word)) or (
        bool(CYRILLIC.match(word)) and word[:1].isupper() and not word.isupper()
        and word.lower() not in RU_TITLE_CASES)


def ru_after_title(w: Window, i: int, is_word: Callable[[Tok], bool] = ru_word) -> Found:
    """"губернатор Белгородской области Вячеслав Гладков", "le ministre des Affaires étrangères
    Jean-Noël Barrot": the name ends the capitalised run that closes the title's qualifier
    (up to five words)."""
    for j in range(i + 1, min(i + 7, len(w.toks))):
        quoted = w.gap(j) in (" «", "» ")  # "командир батальона «Восток» X Y"
        if not (w.joined(j) or quoted) or (j > i + 1 and w.toks[i][2].lower() in
                                           GOVERN_GENITIVE):
            return
        run = w.run(j, is_word)
        if len(run) < 2:  # nothing, or a word of the qualifier ("Белгородской области")
            continue
        after = j + len(run)
        if w.joined(after) and w.toks[after][2][:1].isupper():
            return
        if is_word is ru_word and len(run) == 3 and \
                not run[1][2].lower().endswith(_PATRONYMIC) and \
                given_case(run[0][2], w.given) is None:
            run = run[1:]  # "Турции Хакан Фидан" when the place was not known
        if len(run) >= 2:
            kin_of = False
            if is_word is ru_word:  # "посла ... Алексея Ерхова": shown as "Алексей Ерхов"
                case = RU_TITLE_CASES.get(w.toks[i][2].lower(), NOM)
                words = nominative([t[2] for t in run], case, w.given)
                if case == NOM and w.toks[i][2].lower() in KINSHIP:  # "внучка Василия Тычко"
                    of = nominative([t[2] for t in run], GEN, w.given)
                    if of[0].lower() in w.given and run[0][2].lower() not in w.given:
                        words, kin_of = of, True  # he is no "внучка": no description
                run = [(s, e, word) for (s, e, _w), word in zip(run, words, strict=True)]
            title = w.toks[i][2]  # "по словам", "семья" say nothing of who the person is
            end = w.toks[j - 1][1] + w.gap(j).startswith("»")
            yield run, "" if kin_of or title.lower() in GOVERN_GENITIVE else \
                w.text[w.toks[i][0]:end]
        return


# "Romi Gonen, 24," "Fatima Abdallah, a nine-year-old", "Qadura Fares, who heads": an age or
# "who" after a name marks a person.
_NAME_WORD = r"(?:[A-ZА-ЯЁ][\w’'-]+|(?:al|el|ad|as|ash)-[A-Z][\w’'-]*)"
_APPOSITION = re.compile(
    rf"(?<![\w’'-])((?:{_NAME_WORD} ){{1,4}}{_NAME_WORD}), "
    r"(?:\d{1,3}(?=[,;.)]| and | и )|an? [\w-]+-year-old\b|who |которы[йе] |которая )")


_APPOSITION_TAIL = re.compile(r", (?=\d|an? |who |котор)")  # where an apposition may be


def _appositions_at(text: str) -> Iterable[re.Match[str]]:
    """_APPOSITION's matches, looked for only before a comma its tail may follow."""
    for tail in _APPOSITION_TAIL.finditer(text):
        at = tail.start()
        m = _APPOSITION.search(text, max(0, at - 160), at + 40)
        while m is not None and m.end(1) < at:
            m = _APPOSITION.search(text, m.end(1), at + 40)
        if m is not None and m.end(1) == at:
            yield m


def appositions(text: str, taken: Taken) -> Iterable[list[Tok]]:
    for m in _appositions_at(text):
        words = [(w.start() + m.start(1), w.end() + m.start(1), w.group())
                 for w in TOKEN.finditer(m.group(1))]
        is_word = ru_word if CYRILLIC.match(words[-1][2]) else en_word
        run: list[Tok] = []
        for tok in reversed(words):  # the name ends the capitalised run
            if not is_word(tok) or taken.hits(tok):
                break
            run.insert(0, tok)
        if 2 <= len(run) <= 3:
            yield run


# "Romi Gonen, Emily Damari and Doron Steinbrecher were freed", "получили Ноа Аргамани,
# Альмог Меир Джан и Шломи Зив": a list of two-or-three-word names, most of them opening with
# a common given name, is a list of people.
_ITEM = rf"{_NAME_WORD}(?: {_NAME_WORD}){{1,2}}"
_LIST = re.compile(rf"(?<![\w’'-])({_ITEM}(?:, {_ITEM})*),? (?:and|и) ({_ITEM})"
                   r"(?![\w’'-]| [A-ZА-ЯЁ])")


def _ands(text: str) -> Iterable[int]:
    """Where " and " or " и " stands between two capitalised words ("Damari and Doron")."""
    for word in (" and ", " и "):
        at = text.find(word)
        while at != -1:
            after = at + len(word)
            if text[after:after + 1].isupper() and (text[at - 1:at].isalpha() or
                                                    text[at - 1:at] == ","):  # ", and Joe"
                yield at
            at = text.find(word, after)


def name_lists(text: str, taken: Taken, given: frozenset[str]) -> Iterable[list[Tok]]:
    """Read only around an "and" between two capitalised words, the list's likely end."""
    done = 0
    for at in sorted(_ands(text)):
        if at < done:
            continue
        lo = max(0, at - 300)
        lo = text.find(" ", lo) + 1 if lo else 0
        m = _LIST.search(text, lo, min(len(text), at + 90))
        while m is not None and m.end() <= at:  # a list that ends before this "and"
            m = _LIST.search(text, m.end(), min(len(text), at + 90))
        if m is None or m.start() > at:
            continue
        done = m.end()
        items = []
        for part in re.finditer(_ITEM, m.group(0)):
            words = [(w.start() + m.start() + part.start(), w.end() + m.start() + part.start(),
                      w.group()) for w in TOKEN.finditer(part.group())]
            items.append(words)
        is_word = ru_word if CYRILLIC.match(items[-1][0][2]) else en_word
        opened = sum(item[0][2].lower() in given for item in items)
        if opened < 2 or 2 * opened < len(items):
            continue
        for item in items:
            if all(is_word(t) and not taken.hits(t) for t in item) and not too_long(item):
                yield item
