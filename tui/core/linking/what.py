# ruff: noqa: RUF001, RUF002, RUF003 - Cyrillic, Arabic, Persian, Hebrew and Turkish letters are meant
"""What happened: an article's event-type profile ("air strike", "talks", "inauguration").

Who, where and when do not tell two events apart that share people, a city and a day: the
killing of a leader in a capital the day after an inauguration there, a missile attack and a
visit by the same minister. How news names what happened does: a small lexicon of event
types, written from how reports in English, Russian, Arabic, Persian, Hebrew and Turkish name
them (not from any one set of articles), weighed on the headline and lead: what the piece is
about. Types named only further down are kept at weight 0, as mentioned: the body recalls the
events before (weighing it at a fifth of the lead cost P@1 0.943 -> 0.929 out of sample), but
an article that does not even mention what another is mainly about is unlikely to report the
same event. The profile is computed once per article, in the text half of analysis; a pair
weighs how far two profiles agree (`agreement`) and whether each one's main type is missing
from the other (`clash`).

Cues are matched on folded text (`normalise`): Arabic letter variants and diacritics
dropped, Persian half-spaces read as spaces. A cue ending in "*" matches a word's beginning
(stems: "удар*", "assassinat*"); Arabic and Hebrew words may carry the usual clitics and
prefixes in front ("و", "ب", "ل", "ال"; "ו", "ה", "ב", "ל", "מ", "ש"). The lexicon: lexicon.py.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import compress, repeat
from operator import is_not

from tui.core.linking.lexicon import LEXICON, NATURE, STRIKE_VERBS

TITLE_WEIGHT = 3.0  # per cue in the headline
LEAD_WEIGHT = 1.5  # per cue in the lead
LEAD_CHARS = 600  # the lead: the first paragraph, at most this long
BODY_CHARS = 4000  # read for mentions only; further down is rarely about the event at all
MIN_SHOWN = 0.4  # a shared type weighs this much in both profiles to be named in the reasons
NATURE_WINDOW = 8  # words either side of a strike verb read for a quake or flood (lexicon.py)


_ARABIC_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه",
                              "ی": "ي", "ک": "ك", "\u200c": " ", "\u0640": None,
                              "’": "'", "ё": "е", "-": " ",
                              # Turkish: "İ" lowers to i and a combining dot, and a headline
                              # in capitals writes ı as I: one i for both (lexicon.py)
                              "ı": "i", "\u0307": None})
_DIACRITICS = re.compile("[\u064b-\u0652\u0670]")
_WORD = re.compile(r"[^\W_]+")
_ASCII_WORD = re.compile(r"[a-z0-9]+")  # the same on lower-case ASCII, without Unicode classes
_ARABIC_LETTER = re.compile("[\u0621-\u064a]")
# Arabic clitics a word may carry in front: and/so, with/for/like, the
_CLITICS = tuple(sorted({a + b + c for a in ("", "و", "ف") for b in ("", "ب", "ل", "ك")
                         for c in ("", "ال", "ل")} - {""}, key=len, reverse=True))
# Hebrew prefixes a word may carry: and, that/when, then the/in/to/from/as ("ובתל", "שהותקף")
_HE_PREFIXES = tuple(sorted({a + b + c for a in ("", "ו") for b in ("", "ש", "כש")
                             for c in ("", "ה", "ב", "ל", "מ", "כ", "מה")} - {""},
                            key=len, reverse=True))
_HEBREW_LETTER = re.compile("[\u05d0-\u05ea]")
MIN_STEM = 3


def normalise(text: str) -> str:
    """Lower case, one form per Arabic/Persian letter, no diacritics, no half-spaces."""
    if text.isascii():  # of the folds only "-" is ASCII, and no diacritic is
        return text.lower().replace("-", " ")
    return _DIACRITICS.sub("", text.lower().translate(_ARABIC_FOLD))


def words(text: str) -> list[str]:
    folded = normalise(text)
    return (_ASCII_WORD if folded.isascii() else _WORD).findall(folded)


@dataclass(frozen=True, slots=True)
class _Lexicon:
    exact: dict[str, int]  # one-word cue -> type index
    stems: dict[str, int]  # one-word prefix cue -> type index
    # first word of a longer cue -> (the rest, whether the last is a stem, type index)
    phrases: dict[str, list[tuple[tuple[str, ...], bool, int]]]
    longest_stem: int


@cache
def _lexicon() -> _Lexicon:
    return _build(LEXICON.values())


@cache
def _nature() -> tuple[_Lexicon, _Lexicon]:
    """The strike verbs, and the quake and flood words that make them a disaster's."""
    return _build([("", STRIKE_VERBS)]), _build([("", NATURE)])


def _build(types: Iterable[tuple[str, tuple[str, ...]]]) -> _Lexicon:
    exact: dict[str, int] = {}
    stems: dict[str, int] = {}
    phrases: dict[str, list[tuple[tuple[str, ...], bool, int]]] = {}
    for i, (_label, lines) in enumerate(types):
        for line in lines:
            for cue in line.split():
                prefix = cue.endswith("*")
                parts = words(cue.rstrip("*").replace("_", " "))
                if len(parts) > 1:
                    phrases.setdefault(parts[0], []).append((tuple(parts[1:]), prefix, i))
                else:
                    (stems if prefix else exact).setdefault(parts[0], i)
    for options in phrases.values():
        options.sort(key=lambda o: -len(o[0]))
    return _Lexicon(exact, stems, phrases, max(map(len, stems), default=0))


# word -> the type it names (None: none); a worker sees the same words article after article
_ONE: dict[str, int | None] = {}
_ONE_MAX = 50_000


def _one(word: str, lex: _Lexicon) -> int | None:
    """The type a single word names: whole word first, then its longest stem cue."""
    if word in _ONE:
        return _ONE[word]
    if len(_ONE) > _ONE_MAX:
        _ONE.clear()
    found = lex.exact.get(word)
    if found is None:
        for n in range(min(len(word), lex.longest_stem), MIN_STEM - 1, -1):
            if word[:n] in lex.stems:
                found = lex.stems[word[:n]]
                break
    _ONE[word] = found
    return found


def _forms(word: str) -> tuple[str, ...]:
    """The word, and for Arabic or Hebrew the word without each prefix it may start with."""
    if word.isascii():
        return (word,)
    if _ARABIC_LETTER.match(word):
        prefixes = _CLITICS
    elif _HEBREW_LETTER.match(word):
        prefixes = _HE_PREFIXES
    else:
        return (word,)
    return (word, *(word[len(c):] for c in prefixes
                    if word.startswith(c) and len(word) - len(c) >= MIN_STEM))


# word -> no form of it is a cue or begins one (most words): such a word is passed over
_PLAIN: dict[str, bool] = {}


def _plain(word: str, lex: _Lexicon) -> bool:
    if len(_PLAIN) > _ONE_MAX:
        _PLAIN.clear()
    plain = _PLAIN[word] = all(form not in lex.phrases and _one(form, lex) is None
                               for form in _forms(word))
    return plain


def _count(found: list[str], weight: float, out: dict[str, float], lex: _Lexicon,
           hits: list[tuple[int, int, int]] | None = None) -> None:
    """Cues in `found`, longest phrase first; only the words that are or begin a cue are
    looked at (a plain word names no type and starts no phrase: the scan steps over it).
    `hits`: each cue found added as (first word, words, type index); a strike verb read as a
    quake spans the words it was read with, so `sentence_types` sees it cross sentences."""
    known = _PLAIN.get
    after = 0  # words before this are inside a phrase already counted
    # the words known plain are passed over in C (most are); the test below is the same
    for i in compress(range(len(found)), map(is_not, map(known, found), repeat(True))):
        word = found[i]
        if i < after or known(word) or (known(word) is None and _plain(word, lex)):
            continue
        hit, width = None, 1
        for form in _forms(word):
            for rest, prefix, kind in lex.phrases.get(form, ()):
                tail = found[i + 1:i + 1 + len(rest)]
                if len(tail) == len(rest) and all(
                        w.startswith(r) if prefix and j == len(rest) - 1 else w == r
                        for j, (w, r) in enumerate(zip(tail, rest, strict=True))):
                    hit, width = kind, 1 + len(rest)
                    break
            if hit is None:
                hit = _one(form, lex)
            if hit is not None:
                break
        reach = i, width
        if hit == _AIR_STRIKE and _nature_near(found, i, word):
            hit = _DISASTER  # "a magnitude 7.1 quake struck"
            lo = max(0, i - NATURE_WINDOW)  # the words the verb was read with
            reach = lo, min(len(found), i + NATURE_WINDOW + 1) - lo
        if hit is not None:
            out[_TYPES[hit]] = out.get(_TYPES[hit], 0.0) + weight
            if hits is not None:
                hits.append((*reach, hit))
        after = i + width


def _cue_at(found: list[str], i: int, lex: _Lexicon) -> bool:
    """Some form of word `i` is, or begins with `found`'s next words, a cue of `lex`."""
    for form in _forms(found[i]):
        if form in lex.exact or any(form[:n] in lex.stems for n in range(
                min(len(form), lex.longest_stem), MIN_STEM - 1, -1)):
            return True
        for rest, prefix, _kind in lex.phrases.get(form, ()):
            tail = found[i + 1:i + 1 + len(rest)]
            if len(tail) == len(rest) and all(
                    w.startswith(r) if prefix and j == len(rest) - 1 else w == r
                    for j, (w, r) in enumerate(zip(tail, rest, strict=True))):
                return True
    return False


def _nature_near(found: list[str], i: int, word: str) -> bool:
    """Word `i`, an air-strike cue, is a strike verb with a quake or flood word near it."""
    verbs, nature = _nature()
    if not _cue_at([word], 0, verbs):
        return False
    return any(_cue_at(found, k, nature) for k in range(
        max(0, i - NATURE_WINDOW), min(len(found), i + NATURE_WINDOW + 1)) if k != i)


_TYPES = tuple(LEXICON)
_AIR_STRIKE, _DISASTER = _TYPES.index("air_strike"), _TYPES.index("disaster")


def count_types(text: str) -> dict[str, float]:
    """The types `text` names, each with how many of its cues it holds. The last texts' are
    kept: an article's headline is read by `profile`, acts.signature and `headline_kinds`,
    one after another (its lead sentences in between)."""
    known = _TYPES_OF.get(text)
    if known is None:
        if len(_TYPES_OF) >= _TYPES_MAX:
            _TYPES_OF.clear()
        known = _TYPES_OF[text] = {}
        _count(words(text), 1.0, known, _lexicon())
    return dict(known)


# text -> its types: the last few texts read (an article's headline and lead sentences)
_TYPES_OF: dict[str, dict[str, float]] = {}
_TYPES_MAX = 64


def profile(title: str, body: str = "") -> dict[str, float]:
    """Type -> weight: cues in the headline count twice what cues in the lead do; a type
    named only further down is there at 0."""
    # the first paragraph's first LEAD_CHARS, then what follows them up to BODY_CHARS (the
    # paragraph's tail, a space, the next paragraphs): cut from the body, not from copies of it
    end = body.find("\n\n")
    end = len(body) if end < 0 else end
    lead = body[:min(end, LEAD_CHARS)]
    rest = (body[LEAD_CHARS:end][:BODY_CHARS] + " " + body[end + 2:end + 2 + BODY_CHARS]
            )[:BODY_CHARS]
    # the headline's cues counted once (`count_types`): n cues of a type weigh n * 3.0,
    # the float the weight added n times made
    out = {kind: n * TITLE_WEIGHT for kind, n in count_types(title).items()}
    lex = _lexicon()
    norm = normalise(lead)
    found = (_ASCII_WORD if norm.isascii() else _WORD).findall(norm)  # words(lead)
    hits: list[tuple[int, int, int]] = []
    _count(found, LEAD_WEIGHT, out, lex, hits)
    _LAST_LEAD[:] = [(lead, norm, len(found), hits)]
    _count(words(rest), 0.0, out, lex)
    return {k: round(v, 2) for k, v in sorted(out.items())}


# the last lead `profile` read: (lead, its normal form, its words, the cues found in them),
# for `sentence_types`: acts.signature reads the same lead's sentences right after
_LAST_LEAD: list[tuple[str, str, int, list[tuple[int, int, int]]]] = []


def sentence_types(lead: str, bounds: Sequence[tuple[int, int]]) -> list[set[str]] | None:
    """The types each sentence of `lead` names, sentence k being `lead[lo:hi]` of `bounds`
    (in order, apart, only marks and white space between): `count_types` of each, from the
    cues `profile` found in the whole lead, without reading the sentences again. None when
    not known so: the lead not the last profiled, not ASCII (its normal form may move
    offsets), or a cue running from one sentence into the next (the whole lead's scan
    differs from each sentence's only there, as a scan goes on alike up to its first such
    cue)."""
    if not _LAST_LEAD or _LAST_LEAD[0][0] != lead or not lead.isascii():
        return None
    _lead, norm, size, hits = _LAST_LEAD[0]
    starts, at = [], 0
    for lo, hi in bounds:  # a sentence's words: the lead's words inside it, in order
        starts.append(at)
        at += len(_ASCII_WORD.findall(norm, lo, hi))
    if at != size:
        return None
    out: list[set[str]] = [set() for _ in bounds]
    for i, width, kind in hits:
        n = bisect_right(starts, i) - 1
        if n + 1 < len(starts) and i + width > starts[n + 1]:
            return None
        out[n].add(_TYPES[kind])
    return out


def unit(raw: dict[str, float]) -> dict[str, float]:
    """The profile as a unit vector over the log of each type's weight (a cue repeated is not
    that many times the evidence); types only mentioned stay, at 0. Nothing in the headline
    or lead: no profile."""
    vec = {k: math.log1p(v) for k, v in raw.items()}
    norm = math.sqrt(sum(v * v for v in vec.values()))
    return {k: round(v / norm, 3) for k, v in sorted(vec.items())} if norm else {}


def agreement(x: dict[str, float], y: dict[str, float]) -> float:
    """Cosine of two unit profiles (0 when either names no type)."""
    return sum(v * y[k] for k, v in x.items() if k in y)  # x's order: unit sorts its keys


def main_type(x: dict[str, float]) -> str:
    """The type the headline and lead weigh most ("" for none)."""
    return min(x, key=lambda k: (-x[k], k)) if x else ""


def shown(x: dict[str, float]) -> frozenset[str]:
    """The types an article weighs enough to name them in the reasons of a link."""
    return frozenset(k for k, v in x.items() if v >= MIN_SHOWN)


def clash(x: dict[str, float], y: dict[str, float]) -> bool:
    """Each one's main type is not even mentioned by the other: two different things
    happened."""
    return bool(x and y) and main_type(x) not in y and main_type(y) not in x


def shared(x: dict[str, float], y: dict[str, float], both: frozenset[str] | None = None,
           limit: int = 2) -> list[str]:
    """Labels of the types both profiles weigh, most telling first (for the reasons);
    `both`: the types both weigh enough to be named, when the caller knows them."""
    if both is None:
        both = shown(x) & shown(y)
    ranked = sorted(both, key=lambda k: (-min(x[k], y[k]), k)) if len(both) > 1 else both
    return [LEXICON[k][0] for k in ranked][:limit]


# What kind of news a headline reports: violence done, or any other business (talks, a visit,
# a vote, a deal, sanctions, a trial). Two headlines of one kind each and not of the other's
# are most often two events that share actors (the strike, and the talks about it two days
# later); a headline naming both kinds, or no type, says nothing (`kind_apart`).
VIOLENCE = frozenset({"assassination", "deaths", "air_strike", "drone", "missile", "ground",
                      "takeover", "explosion", "shipping", "terror", "retaliation"})
HARM, OTHER = 1, 2  # bits of `headline_kinds`


def headline_kinds(title: str) -> int:
    """HARM | OTHER bits: the kinds of the event types the headline names (0: none)."""
    kinds = 0
    for kind in count_types(title):
        kinds |= HARM if kind in VIOLENCE else OTHER
    return kinds


def kind_apart(x: int, y: int) -> bool:
    """Both headlines name a type, and no kind is in both."""
    return bool(x and y and not x & y)
