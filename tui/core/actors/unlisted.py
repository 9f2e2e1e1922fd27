# ruff: noqa: RUF001  (Cyrillic and Arabic script are the point here)
"""People the gazetteer does not list, found by how news names a person: with a title
("spokesman John Kirby", "губернатор Белгородской области Вячеслав Гладков") or an attribution
("said Nabih Berri, the parliament speaker", "قال نبيه بري، رئيس مجلس النواب").

Precision first: a name is two or three words, never overlaps what the gazetteer, the offices
or the places found, and is cut at the first word that is no name (months, "Ministry",
acronyms). Kind is always person; the description is the title as the text gives it, so adding
the person to the user's actors.toml keeps what the article said of them.

Every pattern hangs on a title or an attribution verb (titles.py), so the text is scanned once
for those (Aho-Corasick over the matcher's normalised text) and only a window around each is
split into words. Pure (no SQL, no UI), like the matcher.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import ahocorasick

from tui.core.actors.text import key_of
from tui.core.actors.titles import (
    AR_HONORIFICS,
    AR_QUALIFIER,
    AR_SAID,
    AR_STOP,
    AR_TITLES,
    EN_NOT_NAME,
    EN_SAID,
    EN_TITLES,
    FA_SAID,
    FA_TITLES,
    RU_SAID,
    RU_TITLES,
)

_TOKEN = re.compile(r"[^\W_](?:[\w’'\-\u200c]*[^\W_])?")
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_ARABIC = re.compile("[\u0600-\u06ff]")
_PATRONYMIC = ("ович", "евич", "овна", "евна", "ьич", "ична", "инична")
_PARTICLES = {"al", "el", "bin", "ibn", "bint", "abu", "de", "van", "von", "der", "da", "di",
              "du", "la", "le", "ben", "bar", "ter"}
_AL = re.compile(r"^(?:al|el|ad|ash|as|an|ar|at|az)-[A-Z]")
_EN_MODIFIERS = {"national", "security", "foreign", "defence", "defense", "military", "senior",
                 "top", "chief", "deputy", "regional", "local", "state", "federal", "police",
                 "army", "presidential", "government", "opposition", "human", "rights", "press"}
_CAPITAL = re.compile("[A-ZА-ЯЁ]")
_SENTENCE_END = re.compile(r"[.!?;:()\[\]«»\"“”]")
_VERBS = EN_SAID | RU_SAID | AR_SAID | FA_SAID | {"says", "told", "said", "has", "had", "was",
                                                 "is", "will", "would"}
_SPOKESPEOPLE = ("المتحدث", "الناطق", "المتحدثة", "الناطقة")
_BEFORE, _AFTER = 120, 150  # characters of context split into words around a trigger
_TITLE, _SAID = 1, 2

Tok = tuple[int, int, str]  # (start, end, word) in the joined text


@dataclass
class Unlisted:
    """One person found this way in one article."""

    name: str
    description: str
    kind: str = "person"
    spans: list[tuple[int, int]] = field(default_factory=list)  # in the joined text


class UnlistedFinder:
    """`known` are the gazetteer's name keys (see `key_of`): a run that is one is no discovery.
    `given` are first names (from the gazetteer's people): a name found by attribution alone,
    with no title, must start with one."""

    def __init__(self, known: Iterable[str] = (), given: Iterable[str] = ()) -> None:
        self.known = set(known)
        self.given = {g.lower() for g in given}
        self._triggers = ahocorasick.Automaton()
        words: dict[str, int] = {}
        for lexicon, what in ((EN_TITLES | RU_TITLES | AR_TITLES | FA_TITLES, _TITLE),
                              (EN_SAID | RU_SAID | AR_SAID | FA_SAID, _SAID)):
            for word in lexicon:
                key = key_of(word)
                words[key] = words.get(key, 0) | what
        for key, what in words.items():
            self._triggers.add_word(key, (len(key), what))
        self._triggers.make_automaton()

    def find(self, text: str, norm: str, blocked: list[tuple[int, int]]) -> list[Unlisted]:
        """`norm` is the matcher's padded normal form of `text`; `blocked` spans are taken."""
        taken = _Taken(blocked)
        found: dict[str, Unlisted] = {}
        for end, (length, what) in self._triggers.iter(norm):
            start, stop = end - length + 1, end - 1
            if not _worth_a_look(text, start, stop, what):
                continue
            lo = 0 if start < _BEFORE else text.find(" ", start - _BEFORE) + 1
            hi = min(len(text), stop + _AFTER)
            toks = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, lo, hi)]
            i = next((n for n, t in enumerate(toks) if t[0] <= start < t[1]), None)
            if i is None or toks[i][1] != stop:  # a trigger inside a longer word
                continue
            w = _Window(text, toks, taken, lo > 0, hi < len(text))
            for name_toks, description in self._candidates(w, i, what):
                name = " ".join(t[2] for t in name_toks)
                key = key_of(name)
                if key in self.known or any(taken.hits(t) for t in name_toks):
                    continue
                entry = found.setdefault(key, Unlisted(name, _tidy(description)))
                entry.description = entry.description or _tidy(description)
                span = (name_toks[0][0], name_toks[-1][1])
                if span not in entry.spans:
                    entry.spans.append(span)
        for name_toks in _appositions(text, taken):
            key = key_of(" ".join(t[2] for t in name_toks))
            if key not in self.known:
                entry = found.setdefault(key, Unlisted(" ".join(t[2] for t in name_toks), ""))
                entry.spans.append((name_toks[0][0], name_toks[-1][1]))
        for entry in found.values():
            _second_references(text, taken, entry)
        return list(found.values())

    def _candidates(self, w: _Window, i: int, what: int) -> Iterable[tuple[list[Tok], str]]:
        word = w.toks[i][2]
        low = word.lower()
        if _ARABIC.match(word):
            if what & _SAID:
                yield from _arabic_said(w, i)
            if what & _TITLE:
                yield from _arabic_title(w, i)
                yield from _arabic_name_before_title(w, i)
            return
        cyrillic = bool(_CYRILLIC.match(word))
        is_word = _ru_word if cyrillic else _en_word
        if what & _TITLE and cyrillic and low in RU_TITLES:
            yield from _ru_after_title(w, i)
        if what & _TITLE and not cyrillic and low in EN_TITLES:
            yield from _en_after_title(w, i)
        if what & _TITLE and low in (RU_TITLES if cyrillic else EN_TITLES):
            yield from _title_comma_name(w, i, is_word)
        if what & _TITLE:
            yield from _name_before_title(w, i, is_word)
        if what & _SAID and not cyrillic and low in EN_SAID:
            for run in (w.run(i + 1, _en_word), w.run_back(i - 1, _en_word)):
                if len(run) >= 2 and (run[0][2].lower() in self.given
                                           or _after_a_possessive(w, run)):
                    yield run, ""


def _worth_a_look(text: str, start: int, stop: int, what: int) -> bool:
    """Cheap tests on the raw text before any splitting: a capital after a title or a verb, a
    comma before a title, or Arabic script (no capitals to go by)."""
    if _ARABIC.match(text[start:start + 1]):
        return True
    nxt = text[stop + 1:stop + 2]
    if nxt.isupper() and text[stop:stop + 1] in (" ", "\u00a0"):
        return True
    if what & _TITLE and ("," in text[max(0, start - 90):start]
                          or _CAPITAL.search(text, stop, stop + 80)):
        return True
    return bool(what & _SAID and re.search(r"[A-ZА-ЯЁ][\w’'-]* $", text[max(0, start - 40):start]))


class _Taken:
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


class _Window:
    """The words around one trigger, with the tests the patterns share."""

    def __init__(self, text: str, toks: list[Tok], taken: _Taken, cut: bool,
                 cut_end: bool) -> None:
        self.text, self.toks, self.taken, self.cut, self.cut_end = text, toks, taken, cut, cut_end

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
        return [] if _too_long(out) or (out and j == len(self.toks) and self.cut_end) else out

    def run_back(self, j: int, is_word: Callable[[Tok], bool]) -> list[Tok]:
        """Name words ending at word j, read backwards; [] when the run may go on unseen."""
        out: list[Tok] = []
        while j >= 0 and len(out) < 6 and not self.taken.hits(self.toks[j]) and (
                is_word(self.toks[j]) or (out and self.toks[j][2].lower() in _PARTICLES)):
            out.insert(0, self.toks[j])
            if not self.joined(j):
                break
            j -= 1
        while out and out[0][2].lower() in _PARTICLES:
            out.pop(0)
        if j < 0 and self.cut:
            return []
        return [] if _too_long(out) else out

    def phrase_end(self, n: int) -> int:
        """The end of a title phrase: "the head of Hezbollah's media office", to punctuation."""
        end = self.toks[n][1]
        for m in range(n + 1, min(n + 6, len(self.toks))):
            word = self.toks[m][2]
            if not self.joined(m) or word in AR_STOP or word.lower() in _VERBS:
                break
            end = self.toks[m][1]
        return end


def _too_long(run: list[Tok]) -> bool:
    """Three name words at most, five with particles ("Ahmad Abdullah al-Ahmad al-Sabah")."""
    particles = sum(t[2].lower() in _PARTICLES or bool(_AL.match(t[2])) for t in run)
    return len(run) > (5 if particles else 3)


# -- English -------------------------------------------------------------------------------
def _en_word(tok: Tok) -> bool:
    word = tok[2]
    if _AL.match(word):
        return True
    low = word.lower()
    return (len(word) > 1 and word[:1].isupper() and not word.isupper()
            and low not in EN_NOT_NAME and low not in EN_TITLES and not low.endswith("'s")
            and not low.endswith("’s") and not _CYRILLIC.match(word))


def _en_after_title(w: _Window, i: int) -> Iterable[tuple[list[Tok], str]]:
    """"Belgorod Governor Vyacheslav Gladkov", "spokesman John Kirby"."""
    run = w.run(i + 1, _en_word)
    if len(run) < 2 or not w.joined(i + 1):
        return
    start = i
    while start > 0 and i - start < 4 and w.joined(start) and not w.sentence_start(start):
        before = w.toks[start - 1][2]
        if before.lower() in ("the", "a", "an") or not (
                before[:1].isupper() or before.lower() in EN_TITLES | _EN_MODIFIERS):
            break
        start -= 1
    yield run, w.text[w.toks[start][0]:w.toks[i][1]]


def _title_comma_name(w: _Window, i: int, is_word: Callable[[Tok], bool],
                      ) -> Iterable[tuple[list[Tok], str]]:
    """"Odesa's mayor, Gennadiy Trukhanov, said": a title, a comma, a name, then a comma or a
    verb."""
    if w.gap(i + 1).strip() != ",":
        return
    run = w.run(i + 1, is_word)
    after = i + 1 + len(run)
    if len(run) < 2 or after >= len(w.toks):
        return
    if w.gap(after).strip() in (",", ".", ";") or (w.joined(after) and w.toks[after][2].lower()
                                                   in _VERBS):
        start = i
        while start > 0 and i - start < 4 and w.joined(start) and \
                w.toks[start - 1][2].lower() not in ("the", "a", "an"):
            start -= 1
        yield run, w.text[w.toks[start][0]:w.toks[i][1]]


def _after_a_possessive(w: _Window, run: list[Tok]) -> bool:
    """"Lithuania's Gabrielius Landsbergis said": a name after a country's possessive."""
    j = w.toks.index(run[0])
    return j > 0 and w.joined(j) and w.toks[j - 1][2].lower().endswith(("'s", "’s"))


def _name_before_title(w: _Window, n: int, is_word: Callable[[Tok], bool],
                       ) -> Iterable[tuple[list[Tok], str]]:
    """A name, a comma, then this title a few words on: "Nabih Berri, the parliament speaker",
    "Набих Берри, спикер парламента"."""
    k = n
    while k > 0 and n - k < 5 and w.joined(k):
        k -= 1
    if k == 0 or w.gap(k).strip() not in (",", "،"):
        return
    run = w.run_back(k - 1, is_word)
    if len(run) == 3 and is_word is _ru_word and not run[1][2].lower().endswith(_PATRONYMIC):
        run = run[1:]  # "Малайзии Анвар Ибрагим": a place the data lacks, then the name
    if len(run) >= 2:
        yield run, w.text[w.toks[k][0]:w.phrase_end(n)]


def _ru_word(tok: Tok) -> bool:
    word = tok[2]
    return bool(_CYRILLIC.match(word)) and word[:1].isupper() and not word.isupper() \
        and word.lower() not in RU_TITLES


def _ru_after_title(w: _Window, i: int) -> Iterable[tuple[list[Tok], str]]:
    """"губернатор Белгородской области Вячеслав Гладков": the name ends the capitalised run
    that closes the title's qualifier (up to five words)."""
    for j in range(i + 1, min(i + 7, len(w.toks))):
        if not w.joined(j):
            return
        run = w.run(j, _ru_word)
        if len(run) < 2:  # nothing, or a word of the qualifier ("Белгородской области")
            continue
        after = j + len(run)
        if w.joined(after) and w.toks[after][2][:1].isupper():
            return
        if len(run) == 3 and not run[1][2].lower().endswith(_PATRONYMIC):
            run = run[1:]  # "Турции Хакан Фидан" when the place was not known
        if len(run) in (2, 3):
            yield run, w.text[w.toks[i][0]:w.toks[j - 1][1]]
        return


# -- Arabic and Persian --------------------------------------------------------------------
def _ar_word(tok: Tok) -> bool:
    word = tok[2]
    return bool(_ARABIC.match(word)) and word not in AR_STOP and word not in AR_TITLES \
        and word not in AR_QUALIFIER and word not in AR_SAID and word not in FA_TITLES \
        and word not in FA_SAID


def _ar_name(w: _Window, j: int, size: int) -> list[Tok] | None:
    name = w.toks[j:j + size]
    if len(name) == size and all(_ar_word(t) and not w.taken.hits(t) for t in name) \
            and all(w.joined(k) for k in range(j + 1, j + size)) \
            and not any(t[2].startswith("ال") for t in name[:-1]):
        return name
    return None


def _ends_here(w: _Window, k: int) -> bool:
    """Word k is no part of the name before it: punctuation, a stop word, or the end."""
    return k >= len(w.toks) or bool(w.gap(k).strip()) or w.toks[k][2] in AR_STOP


def _arabic_said(w: _Window, i: int) -> Iterable[tuple[list[Tok], str]]:
    """"قال نبيه بري، رئيس مجلس النواب": verb, two or three words, a comma, a title."""
    for size in (2, 3):
        name = _ar_name(w, i + 1, size)
        k = i + 1 + size
        if name is not None and w.joined(i + 1) and k < len(w.toks) and \
                w.gap(k).strip() in ("،", ",") and \
                w.toks[k][2].removeprefix("ال") in AR_TITLES | FA_TITLES | {
                    t.removeprefix("ال") for t in AR_TITLES}:
            yield name, w.text[w.toks[k][0]:w.phrase_end(k)]
            return


def _arabic_title(w: _Window, i: int) -> Iterable[tuple[list[Tok], str]]:
    """"المتحدث باسم الخارجية الإيرانية ناصر كنعاني إن": title, qualifier, name, a stop."""
    word = w.toks[i][2]
    if word not in AR_TITLES or (i > 0 and w.toks[i - 1][2] in AR_TITLES):
        return
    j = i + 1
    while j < len(w.toks) and j - i <= 5 and w.joined(j) and (
            w.toks[j][2] in AR_QUALIFIER or w.toks[j][2].startswith(("ال", "لل"))):
        j += 1
    if j == i + 1 and word not in _SPOKESPEOPLE and word not in AR_HONORIFICS:
        return  # a bare "رئيس" before two words is too often "the head of" a thing
    for size in (2, 3):
        name = _ar_name(w, j, size)
        if name is not None and w.joined(j) and _ends_here(w, j + size):
            yield name, w.text[w.toks[i][0]:w.toks[j - 1][1]]
            return


def _arabic_name_before_title(w: _Window, n: int) -> Iterable[tuple[list[Tok], str]]:
    """"اسماعیل بقائی، سخنگوی وزارت خارجه": two or three words that open a sentence (or follow
    a verb), a comma, then the title."""
    if n == 0 or w.gap(n).strip() not in ("،", ","):
        return
    for size in (2, 3):
        j = n - size
        name = _ar_name(w, j, size) if j >= 0 else None
        if name is None:
            continue
        if w.sentence_start(j) or (j > 0 and w.joined(j) and w.toks[j - 1][2] in (
                AR_SAID | FA_SAID | {"و"})):
            yield name, w.text[w.toks[n][0]:w.phrase_end(n)]
            return


# "Romi Gonen, 24," "Qadura Fares, who heads": an age or "who" after a name marks a person.
_APPOSITION = re.compile(
    r"(?<![\w’'-])((?:[A-ZА-ЯЁ][\w’'-]+ ){1,4}[A-ZА-ЯЁ][\w’'-]+), "
    r"(?:\d{1,3}(?=[,;.)]| and | и )|who |которы[йе] |которая )")


def _appositions(text: str, taken: _Taken) -> Iterable[list[Tok]]:
    for m in _APPOSITION.finditer(text):
        words = [(w.start() + m.start(1), w.end() + m.start(1), w.group())
                 for w in _TOKEN.finditer(m.group(1))]
        is_word = _ru_word if _CYRILLIC.match(words[-1][2]) else _en_word
        run: list[Tok] = []
        for tok in reversed(words):  # the name ends the capitalised run
            if not is_word(tok) or taken.hits(tok):
                break
            run.insert(0, tok)
        if 2 <= len(run) <= 3:
            yield run


# -- after the patterns --------------------------------------------------------------------
def _second_references(text: str, taken: _Taken, entry: Unlisted) -> None:
    """The name again, or its last word alone (Latin, four letters or more), elsewhere."""
    last = entry.name.split()[-1]
    forms = [entry.name] + ([last] if len(last) >= 4 and last.isascii() and last[0].isupper()
                            else [])
    for form in forms:
        for m in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", text):
            span = (m.start(), m.end())
            if not taken.hits((span[0], span[1], form)) and \
                    not any(s <= span[0] < e for s, e in entry.spans):
                entry.spans.append(span)
    entry.spans.sort()


def _tidy(description: str) -> str:
    words = description.strip(" ,،").split()
    while words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words)
