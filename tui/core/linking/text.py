# ruff: noqa: RUF001, RUF003 - Cyrillic letters in word lists and comments are meant
"""Text pieces of event features: word tokens, salient terms, places, and MinHash signatures.

Pure and deterministic (no `hash()`, which is salted per process): features are stored in the
cache and compared with ones computed by another process later.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import chain, compress, repeat
from typing import Any, cast

from tui.core.linking import objects
from tui.core.linking.minhash import jaccard as jaccard
from tui.core.linking.turkish import without_suffixes
from tui.core.places.matcher import NOT_PLACES


def _split(text: str) -> frozenset[str]:
    return frozenset(text.split())


_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
# The same pattern for ASCII-only text (no ’ to look for): the engine skips Unicode class tests.
_ASCII_WORD = re.compile(r"[A-Za-z0-9]+(?:'[A-Za-z0-9]+)?")
_POSSESSIVE = re.compile(r"'s(?= |\Z)")  # in folded words joined by single spaces
_CYRILLIC = re.compile(r"[а-яА-ЯёЁ]")
# Russian case endings a place name may take after its stem (Тегеран-е, Москв-у, Курск-ой).
_RU_ENDINGS = _split("а я у ю е и ы о ой ей ом ем ью ям ях ах ами ями ию ии ией ого ую ая") | {""}
# A named object's words take adjective endings too («Железные мечи», «Авраамовым
# соглашениям»); a place's do not ("донецкие" is no mention of Donetsk here).
_RU_ADJ_ENDINGS = _RU_ENDINGS | _split("ые ых ым ыми ый ий ое ее ие их им ими ому ему ия иям ь")
# by a form's level (`_word_ok`): none, a place's, a named object's
_ENDINGS: tuple[frozenset[str], ...] = (frozenset(), _RU_ENDINGS, _RU_ADJ_ENDINGS)
_RU_FINAL = "аяоеьйыи"
_CUT = "~"  # marks a stem whose final vowel was cut: it matches only with an ending after it
# Hebrew writes "and", "the", "in", "to", "from", "that" and "as" onto the next word ("בתימן",
# in Yemen; "ולבנון", and Lebanon): a place name is also looked for after one or two of them.
_HE_PREFIXES = _split("ו ה ב ל מ ש כ וב ול ומ וה וש וכ שב של שמ שה מה כש")
# Common words that read as a prefix and a place: "מקרים" is "cases", not "from Crimea".
_HE_NOT_PLACES = _split("מקרים")
_LEAD_WORDS = 40

_EN_STOP = _split("""
a about above after again against ago ahead all almost along already also although always am
among an and another any are around as at away back be became because become been before began
being below between both but by came can cannot could day days did do does doing done down
during each early either else end even ever every few first for former from further get gave
give given had has have having he her here hers him his how however i if in including inside
instead into is it its itself just last later least less like likely made make makes many may me
meanwhile might more most much must my near nearly neither never new next no nor not now of off
often on once one only onto or other others our out over own per put rather really said same saw
say says see seen set several she should since so some still such than that the their them then
there these they this those though three through thus time to told too took toward towards two
under until up upon us very was we week weeks well were what whatever when where whether which
while who whom whose why will with within without would year years yet you your monday tuesday
wednesday thursday friday saturday sunday january february march april june july august
september october november december mr mrs ms according among amid official officials people
country countries government side sides part while
""")
_RU_STOP = _split("""
а без более бы был была были было быть в вам вас весь во вот все всего всех вы где да даже для
до его ее ей если есть еще же за здесь и из или им их к как ко когда который которая которые кто
ли либо между меня мне может мы на над надо наш не него нее нет ни них но ну о об однако он она
они оно от очень по под после при про с со так также такой там те тем то того тоже той только
том тот ту ты у уже хотя чего чей чем что чтобы эта эти это этот я года году год понедельник
вторник среду среда четверг пятницу пятница субботу воскресенье заявил заявила сообщил сообщила
словам время рамках сторон стороны
""")
STOPWORDS = _EN_STOP | _RU_STOP


# Arabic and Persian spell the same letters with other code points (ي/ی, ك/ک, ة/ه, أ/ا):
# one spelling, so an Arabic and a Persian piece share "ايران", "مسقط", "رجايي".
_AR_FOLD = str.maketrans({"ی": "ي", "ى": "ي", "ئ": "ي", "ک": "ك", "ة": "ه", "ۀ": "ه",
                          "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا"})
# Arabic writes "the" (and "and the", "in the", "for the") onto the word: "الشهيد" is Persian
# "شهید", "بالميناء" is "الميناء". Terms and place names are read without them.
_AR_ARTICLES = ("وال", "فال", "بال", "كال", "لل", "ال")
_AR_PROCLITICS = ("و", "ف", "ب", "ل")


def fold(text: str) -> str:
    folded = text.lower().replace("ё", "е").replace("’", "'")
    return folded if folded.isascii() else folded.translate(_AR_FOLD)


def bare_arabic(word: str) -> str:
    """A folded Arabic-script word without its article ("الشهيد" -> "شهيد"); others as they are."""
    if "\u0621" <= word[:1] <= "\u064a":
        for article in _AR_ARTICLES:
            if word.startswith(article) and len(word) - len(article) >= 3:
                return word[len(article):]
    return word


def stem(token: str) -> str:
    """A crude, cheap stem: enough to make "missiles"/"missile" and "договора"/"договор" meet."""
    if not token.isascii() and _CYRILLIC.match(token):
        return token[:6]
    if len(token) > 4 and token.endswith("ies"):
        return token[:-3] + "y"
    if len(token) > 3 and token.endswith("s") and not token.endswith(("ss", "us", "is")):
        return token[:-1]
    return token


Words = tuple[list[str], list[str]]  # (as written, folded): parallel word lists
PlaceSpan = tuple[int, int, str]  # (first word, words, place id): a place named in a text


def split_words(text: str) -> Words:
    """The word tokens of `text` as written and folded; a possessive 's is dropped when folded.

    One regex pass and one fold of the words joined by spaces, instead of a fold per word: the
    result is the same, since a space is neither cased nor case-ignorable, so lower() treats
    each word as it would alone (Greek final sigma included).
    """
    orig = (_ASCII_WORD if text.isascii() else _WORD).findall(text)
    if not orig:
        return [], []
    return orig, _POSSESSIVE.sub("", fold(" ".join(orig))).split(" ")


def count_words(text: str) -> int:
    """How many words `split_words` finds in `text`."""
    return len((_ASCII_WORD if text.isascii() else _WORD).findall(text))


def terms(title: str, body: str) -> Counter[str]:
    """Stemmed content words, title words counting double (a headline says what the story is)."""
    return terms_of(split_words(title)[1], split_words(body)[1])


_TERM_OF: dict[str, str | None] = {}  # folded word -> its term (None: not counted), kept
_TERM_CACHE_MAX, _UNSEEN = 50_000, object()  # _UNSEEN: `terms_of`'s word not in _TERM_OF yet


def terms_of(title_words: Sequence[str], body_words: Sequence[str]) -> Counter[str]:
    """`terms` from folded words: each distinct word is judged and stemmed once, and the
    counting is done in C (Counter of the words' terms, the title's given twice: the same
    counts, keys in the order the terms are first met, as a loop over the words made)."""
    known = _TERM_OF
    if len(known) > _TERM_CACHE_MAX:
        known.clear()
    head = list(map(known.get, title_words, repeat(_UNSEEN)))  # _UNSEEN: a word not judged yet
    counts: Counter[Any] = Counter(chain(head, head, map(known.get, body_words, repeat(_UNSEEN))))
    if _UNSEEN in counts:  # the new words judged, and all counted again
        known.update({w: _term(w) for w in set(title_words).union(body_words) if w not in known})
        head = list(map(known.__getitem__, title_words))
        counts = Counter(chain(head, head, map(known.__getitem__, body_words)))
    counts.pop(None, None)
    return cast("Counter[str]", counts)


def _term(word: str) -> str | None:
    """The stem a folded word counts under, or None for stopwords, short words and digits."""
    if word in STOPWORDS:
        return None
    if word.isdigit():
        return stem(word) if len(word) >= 2 else None
    return stem(word) if len(word) >= 3 else None


# ---------------------------------------------------------------- places


@dataclass(frozen=True, slots=True)
class Place:
    id: str
    name: str
    kind: str  # city | region | water | country | demonym
    country: tuple[str, ...] = ()  # state actor ids the place belongs to


class PlaceMatcher:
    """Whole-word place names; Cyrillic forms also match declined endings."""

    def __init__(self, places: list[tuple[Place, list[str]]]) -> None:
        self.places = {p.id: p for p, _forms in places}
        # first folded word -> [(form words, place id, cyrillic: 0 no, 1 a place's endings,
        # 2 a named object's, adjectives' too)]
        self._index: dict[str, list[tuple[tuple[str, ...], str, int]]] = {}
        # Arabic-script first word without its article -> [(form words, place id)]
        self._bare: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        self._words: set[str] = set()  # every word of a form, as written in it ("sana'a")
        for place, forms in places:
            for form in forms:
                words = tuple(split_words(form)[1])
                if not words:
                    continue
                self._words.update(words)
                cyr = (2 if objects.is_object(place.id) else 1) if _CYRILLIC.search(form) else 0
                if cyr:
                    words = tuple(_ru_stem(w) for w in words)
                self._index.setdefault(words[0].rstrip(_CUT), []).append((words, place.id, cyr))
                if "\u0621" <= words[0][:1] <= "\u064a":
                    self._bare.setdefault(bare_arabic(words[0]), []).append((words, place.id))
        # Phrases that hold a place's name and name none ("مسقط رأسه", his birthplace): as the
        # longest match they win, and `spans` drops them (id "").
        for phrase in NOT_PLACES:
            words = tuple(split_words(phrase)[1])
            self._index.setdefault(words[0], []).append((words, "", 0))
            self._bare.setdefault(bare_arabic(words[0]), []).append((words, ""))

    def _heads(self, word: str) -> Sequence[tuple[tuple[str, ...], str, int]]:
        direct = self._index.get(word, ())
        if word.isascii() or not _CYRILLIC.match(word):
            return direct
        found = list(direct)
        for cut in range(0, min(4, len(word) - 1)):
            head = word[:len(word) - cut] if cut else word
            if cut and word[len(word) - cut:] not in _RU_ADJ_ENDINGS:
                continue
            found.extend(e for e in self._index.get(head, ()) if e[2])
        return found

    def match(self, title: str, body: str) -> dict[str, tuple[int, bool, bool]]:
        """place id -> (mentions, named in the title, named in the lead)."""
        return self.match_words(split_words(title), split_words(body))

    def match_words(self, title: Words, body: Words) -> dict[str, tuple[int, bool, bool]]:
        """`match` on words split already; only capitalised words can start a place name."""
        return self.tally(self.spans(title), self.spans(body))

    @staticmethod
    def tally(title: Sequence[PlaceSpan], body: Sequence[PlaceSpan]
              ) -> dict[str, tuple[int, bool, bool]]:
        """`match_words` from the `spans` of the title and of the body."""
        count: Counter[str] = Counter(place_id for _i, _n, place_id in title)
        in_title = set(count)
        early: set[str] = set()
        for i, _n, place_id in body:
            count[place_id] += 1
            if i < _LEAD_WORDS:
                early.add(place_id)
        return {p: (n, p in in_title, p in early) for p, n in count.items()}

    def spans(self, words: Words) -> list[PlaceSpan]:
        """(first word, words, place id) of each place name in one field, in order."""
        orig, folded = words
        # A word may start a name if not lower-case, and if it starts a form, or is not ASCII
        # (a Cyrillic stem, a Hebrew prefix, an Arabic article): the rest are passed over in C.
        # Each word's answer kept by the word as written (`split_words` folds each alone), but
        if "'" in "".join(folded):  # where Turkish endings are cut ("Hatay'da", turkish.py)
            folded = without_suffixes(orig, folded, self._words)
            may = list(map(self._may_start, orig, folded))
        else:
            known = self.__dict__.setdefault("_may", {})  # word -> it may start a name
            if len(known) > _TERM_CACHE_MAX:
                known.clear()
            may = list(map(known.get, orig))  # None: a word not judged yet (each new word is)
            if None in may:
                known.update({word: self._may_start(word, fold) for word, fold
                              in zip(orig, folded, strict=True) if word not in known})
                may = list(map(known.__getitem__, orig))
        out: list[PlaceSpan] = []
        after = 0  # words before this are inside a place name already counted
        for i in compress(range(len(orig)), may):
            if i < after:
                continue
            best: tuple[int, str] | None = None
            for form, place_id, cyr in self._heads(folded[i]):
                # not Cyrillic: indexed by its first word as it is, the rest must follow as is
                if (best is None or len(form) > best[0]) and (_seq_match(folded, i, form, cyr)
                        if cyr else tuple(folded[i + 1:i + len(form)]) == form[1:]):
                    best = (len(form), place_id)
            if best is None and "\u0590" <= folded[i][:1] <= "\u05ff":
                best = self._after_prefix(folded, i)
            elif best is None and "\u0621" <= folded[i][:1] <= "\u064a":
                best = self._after_article(folded, i)
            if best is not None:
                if best[1]:
                    out.append((i, *best))
                after = i + best[0]
        return out

    def _may_start(self, word: str, folded: str) -> bool:
        return not word.islower() and (folded in self._index or not folded.isascii())

    def _after_prefix(self, folded: list[str], i: int) -> tuple[int, str] | None:
        """The longest place name at word `i` read without a Hebrew prefix (`_HE_PREFIXES`)."""
        word = folded[i]
        if word in _HE_NOT_PLACES or word[1:] in _HE_NOT_PLACES:
            return None
        best: tuple[int, str] | None = None
        for cut in (1, 2):
            if len(word) - cut < 3 or word[:cut] not in _HE_PREFIXES:
                continue
            for form, place_id, _cyr in self._index.get(word[cut:], ()):
                if (best is None or len(form) > best[0]) and _seq_match(
                        folded, i + 1, form[1:], 0):
                    best = (len(form), place_id)
        return best

    def _after_article(self, folded: list[str], i: int) -> tuple[int, str] | None:
        """The longest place name at word `i` read without an Arabic article or a one-letter
        proclitic ("والقاهرة", "بطهران", "لإيران"), as its forms are without theirs."""
        word = folded[i]
        heads = {bare_arabic(word)}
        if word[:1] in _AR_PROCLITICS and len(word) > 4:
            heads.add(bare_arabic(word[1:]))
        best: tuple[int, str] | None = None
        for head in heads:
            for form, place_id in self._bare.get(head, ()):
                if (best is None or len(form) > best[0]) and _seq_match(
                        folded, i + 1, form[1:], 0):
                    best = (len(form), place_id)
        return best


def _ru_stem(word: str) -> str:
    """A Cyrillic form's word as matched: its stem, marked `_CUT` when a final vowel was cut
    ("Исмаилия" -> "исмаил~"), so the bare stem, a name ("Исмаил Хания", "Герман Греф"),
    is no place; "тегеран" stays whole and matches bare."""
    stem = word.rstrip(_RU_FINAL) or word
    return stem if stem == word else stem + _CUT


def _word_ok(word: str, want: str, cyr: int) -> bool:
    if word == want:
        return True
    if not cyr:
        return False
    endings = _ENDINGS[cyr]
    if want[-1] == _CUT:  # an ending must stand where the form's vowel was
        stem = want[:-1]
        return len(word) > len(stem) and word.startswith(stem) and word[len(stem):] in endings
    return word.startswith(want) and word[len(want):] in endings


def _seq_match(folded: list[str], i: int, words: tuple[str, ...], cyr: int) -> bool:
    if i + len(words) > len(folded):
        return False
    return all(_word_ok(folded[i + k], w, cyr) for k, w in enumerate(words))


@lru_cache(maxsize=1)
def bundled_places() -> tuple[tuple[Place, tuple[str, ...]], ...]:
    """Every place in places.toml, its forms (demonyms too) and `written` ones ("şam": kept)."""
    text = resources.files("tui.data").joinpath("places.toml").read_text(encoding="utf-8")
    out = []
    for p in tomllib.loads(text).get("place", []):
        country = p.get("country", ())
        country = (country,) if isinstance(country, str) else tuple(country)
        out.append((Place(p["id"], p["name"], p.get("kind", "city"), country),
                    (*p["forms"], *p.get("written", ()))))
    return tuple(out)


@lru_cache(maxsize=1)
def bundled_objects() -> tuple[tuple[Place, tuple[str, ...]], ...]:
    """Every named object in objects.toml (`objects.py`) as the matcher takes a place: id
    `obj:<id>`, its kind; a form that is a place's is refused (`objects.ObjectsError`)."""
    taken = {tuple(split_words(form)[1]): f"place {place.id}"
             for place, forms in bundled_places() for form in forms}
    return tuple((Place(ident, name, kind), forms)
                 for ident, name, kind, forms in objects.bundled(split_words, taken))


_matchers: dict[bool, PlaceMatcher] = {}


def place_matcher(demonyms: bool = False) -> PlaceMatcher:
    """The linker's matcher: places and named objects (`bundled_objects`); with `demonyms`
    ("Iranian"), for place filtering, places and demonyms only. Built once per process,
    unless a pool worker adopted a prebuilt copy (`adopt_matcher`)."""
    if demonyms not in _matchers:
        found = [(p, list(forms)) for p, forms in bundled_places()
                 if demonyms or p.kind != "demonym"]
        if not demonyms:
            found.extend((p, list(forms)) for p, forms in bundled_objects())
        _matchers[demonyms] = PlaceMatcher(found)
    return _matchers[demonyms]


def adopt_matcher(matcher: PlaceMatcher) -> None:
    """The matcher without demonyms, from a prebuilt copy (actors/prebuilt.py)."""
    _matchers[False] = matcher
