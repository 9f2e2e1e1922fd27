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

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import accumulate
from operator import itemgetter

import ahocorasick

from tui.core.actors import given_names
from tui.core.actors.arabic_names import (
    arabic_given,
    arabic_name_before_title,
    arabic_quoted,
    arabic_said,
    arabic_title,
    bare,
    persian_said,
)
from tui.core.actors.name_patterns import (
    ARABIC,
    CAPITAL,
    CYRILLIC,
    TOKEN,
    Found,
    Taken,
    Tok,
    Window,
    after_a_possessive,
    appositions,
    en_after_title,
    en_given_name,
    en_word,
    name_before_title,
    name_lists,
    ru_after_title,
    ru_given_name,
    ru_word,
    title_comma_name,
)
from tui.core.actors.russian_names import PL, RU_TITLE_CASES, given_forms
from tui.core.actors.text import key_of
from tui.core.actors.titles import (
    AR_SAID,
    AR_TITLES,
    EN_SAID,
    EN_TITLES,
    FA_SAID,
    FA_TITLES,
    LATIN_SAID,
    LATIN_TITLES,
    RU_SAID,
)
from tui.core.actors.token_windows import TokenWindows

_BEFORE, _AFTER = 120, 150  # characters of context split into words around a trigger
_EUROPEAN_PARTICLES = {"de", "van", "von", "der", "da", "di", "du", "la", "le", "ter"}
_PREPOSITIONS = {"de", "des", "del", "della", "di", "du", "von", "der", "für", "pour", "para",
                 "dla"}
_TITLE, _SAID, _GIVEN = 1, 2, 4
# Bylines and credits name real people who are not in the story.
_BYLINE = re.compile(r"\s*(?:\(?(?:additional )?reporting|writing|editing|compiled|photos?) by\b|"
                     r"\s*(?:associated press|ap|reuters) (?:writers?|reporters?)\b|"
                     r"\s*das gespräch führte\b", re.IGNORECASE)



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
        self.given = frozenset({g.lower() for g in given} | given_names.LATIN |
                               given_names.CYRILLIC |
                               {bare(g) for g in given_names.ARABIC_SCRIPT})
        self._triggers = ahocorasick.Automaton()
        words: dict[str, int] = {}
        for lexicon, what in ((EN_TITLES | LATIN_TITLES | set(RU_TITLE_CASES) | AR_TITLES |
                               FA_TITLES, _TITLE),
                              (EN_SAID | LATIN_SAID | RU_SAID | AR_SAID | FA_SAID, _SAID)):
            for word in lexicon:
                key = key_of(word)
                words[key] = words.get(key, 0) | what
        for form in (*given_forms(self.given), *given_names.ARABIC_SCRIPT,
                     *(g for g in self.given if g.isascii() and len(g) > 2)):
            key = key_of(form)  # "Бориса Надеждина", "با مسعود پزشکیان": a name alone
            words[key] = words.get(key, 0) | _GIVEN
        for key, what in words.items():
            self._triggers.add_word(key, (len(key), what))
        self._triggers.make_automaton()

    def find(self, text: str, norm: str, blocked: list[tuple[int, int]]) -> list[Unlisted]:
        """`norm` is the matcher's padded normal form of `text`; `blocked` spans are taken."""
        taken = Taken(blocked)
        found: dict[str, Unlisted] = {}
        seen: dict[tuple[int, int], str] = {}  # span -> the key of the name found there
        windows = TokenWindows(text, TOKEN)
        for end, (length, what) in self._triggers.iter(norm):
            start, stop = end - length + 1, end - 1
            if (what == _GIVEN and taken.hits((start, stop, ""))) or \
                    not _worth_a_look(text, start, stop, what):
                continue  # a given name inside a name already found (most: asked first)
            lo = 0 if start < _BEFORE else text.find(" ", start - _BEFORE) + 1
            hi = min(len(text), stop + _AFTER)
            toks = windows.window(lo, hi)
            # the word holding the trigger: the last to start at or before it (words are in
            # order and apart), if it runs past the trigger's start
            i = bisect_right(toks, start, key=itemgetter(0)) - 1
            if i < 0 or start >= toks[i][1] or toks[i][1] != stop:  # inside a longer word
                continue
            w = Window(text, toks, taken, lo > 0, hi < len(text), self.given)
            for name_toks, description in self._candidates(w, i, what):
                name = " ".join(t[2] for t in name_toks)
                key = key_of(name)
                span = (name_toks[0][0], name_toks[-1][1])
                if span in seen:  # the first title of "пресс-секретарь министра X" rules
                    entry = found[seen[span]]
                    if _weak(entry.description):  # "Dr." gives way to "the doctor at ..."
                        entry.description = _tidy(description) or entry.description
                    continue
                if key in self.known or any(taken.hits(t) for t in name_toks) or \
                        _runs_into_a_name(text, span[1], taken) or \
                        not self._plausible(w, name_toks):
                    continue
                seen[span] = key
                entry = found.setdefault(key, Unlisted(name, _tidy(description)))
                if _weak(entry.description):
                    entry.description = _tidy(description) or entry.description
                entry.spans.append(span)
        for name_toks in (*appositions(text, taken), *name_lists(text, taken, self.given)):
            key = key_of(" ".join(t[2] for t in name_toks))
            if key not in self.known:
                entry = found.setdefault(key, Unlisted(" ".join(t[2] for t in name_toks), ""))
                if (name_toks[0][0], name_toks[-1][1]) not in entry.spans:
                    entry.spans.append((name_toks[0][0], name_toks[-1][1]))
        for entry in found.values():
            _second_references(text, taken, entry)
        return list(found.values())

    def _plausible(self, w: Window, name: list[Tok]) -> bool:
        """Last checks on a name in its context: "Zerfall der Sowjetunion" and "Fragen von
        Journalisten" are nouns (a European particle needs a known first name before it),
        "ministro de Asuntos Exteriores" is a body (no name follows "de", "des", "von"), and
        "writer John Smith contributed" is a byline."""
        words = [t[2].lower() for t in name]
        if any(word in _EUROPEAN_PARTICLES for word in words[1:-1]) and \
                words[0] not in self.given:
            return False
        at = next(n for n, t in enumerate(w.toks) if t[0] == name[0][0])
        if at > 0 and w.toks[at - 1][2].lower() in _PREPOSITIONS and w.joined(at):
            return False
        after = next(n for n, t in enumerate(w.toks) if t[0] == name[-1][0]) + 1
        # "writer Jane Doe in Paris contributed", "Reporting by Jane Doe; Editing by John Roe"
        start = name[0][0]
        clause = w.text[max(w.text.rfind(c, 0, start) for c in "\n;.") + 1:start]
        return "contributed" not in (t[2].lower() for t in w.toks[after:after + 12]) and \
            not _BYLINE.match(clause) and \
            not (w.text[start - 1:start] == "(" and "photo" in w.text[start:start + 90])

    def _candidates(self, w: Window, i: int, what: int) -> Found:
        word = w.toks[i][2]
        low = word.lower()
        if ARABIC.match(word):
            if what & _SAID:
                yield from arabic_said(w, i)
                if word in ("قوله", "قولها"):
                    yield from arabic_quoted(w, i)
                if word in FA_SAID:
                    yield from persian_said(w, i)
            if what & _TITLE:
                yield from arabic_title(w, i)
                yield from arabic_name_before_title(w, i)
            if what & _GIVEN:
                yield from arabic_given(w, i)
            return
        cyrillic = bool(CYRILLIC.match(word))
        is_word = ru_word if cyrillic else en_word
        if what & _GIVEN and word[:1].isupper():
            yield from (ru_given_name if cyrillic else en_given_name)(w, i)
        plural = cyrillic and RU_TITLE_CASES.get(low) == PL  # only "one of the officers, X"
        if what & _TITLE and cyrillic and low in RU_TITLE_CASES and not plural:
            yield from ru_after_title(w, i)
        if what & _TITLE and not cyrillic and low in EN_TITLES:
            yield from en_after_title(w, i)
        elif what & _TITLE and not cyrillic and low in LATIN_TITLES:
            yield from ru_after_title(w, i, en_word)  # "le ministre des Affaires étrangères X"
        if what & _TITLE and low in (RU_TITLE_CASES if cyrillic else EN_TITLES | LATIN_TITLES):
            yield from title_comma_name(w, i, is_word)
        if what & _TITLE and not plural:
            yield from name_before_title(w, i, is_word)
        if what & _SAID and (low in RU_SAID if cyrillic else low in EN_SAID | LATIN_SAID):
            for run in (w.run(i + 1, is_word), w.run_back(i - 1, is_word)):
                if len(run) >= 2 and (run[0][2].lower() in self.given
                                      or (not cyrillic and after_a_possessive(w, run))):
                    yield run, ""  # "said Emily Damor", "заявил Иван Петряев"


def _worth_a_look(text: str, start: int, stop: int, what: int) -> bool:
    """Cheap tests on the raw text before any splitting: a capital after a title or a verb, a
    comma before a title, or Arabic script (no capitals to go by)."""
    if ARABIC.match(text[start:start + 1]):
        return True
    nxt = text[stop + 1:stop + 2]
    if nxt.isupper() and text[stop:stop + 1] in (" ", "\u00a0"):
        return True
    if what & _TITLE and ("," in text[max(0, start - 90):start]
                          or CAPITAL.search(text, stop, stop + 80)):
        return True
    return bool(what & _SAID and _CAPITALISED_BEFORE.search(text, max(0, start - 40), start))


_CAPITALISED_BEFORE = re.compile(r"[A-ZА-ЯЁ][\w’'-]* $")  # a capitalised word, then a space


def _runs_into_a_name(text: str, end: int, taken: Taken) -> bool:
    """"HTS leader Abu Mohammed al-Jolani": the words before a listed name, with only a space
    between, are the front of that name (a kunya, a first name the gazetteer lacks), not
    another person."""
    gap = len(text) - len(text[end:].lstrip(" \u00a0"))
    return gap - end in (1, 2) and not ARABIC.match(text[gap:gap + 1]) and \
        taken.hits((gap, gap + 1, ""))  # Arabic writes "and" onto the next word: "والإيراني"


# -- after the patterns --------------------------------------------------------------------
def _second_references(text: str, taken: Taken, entry: Unlisted) -> None:
    """The name again, or its last word alone (Latin, four letters or more), elsewhere."""
    last = entry.name.split()[-1]
    forms = [entry.name] + ([last] if len(last) >= 4 and last.isascii() and last[0].isupper()
                            else [])
    for form in forms:
        inside = _within(entry.spans)  # the form's own spans never hold one another
        for span in whole_word_spans(text, form):
            if not taken.hits((span[0], span[1], form)) and not inside(span[0]):
                entry.spans.append(span)
    entry.spans.sort()


def _within(spans: list[tuple[int, int]]) -> Callable[[int], bool]:
    """Whether an offset falls inside one of `spans`, by bisection: a scan of the spans for
    each repetition took a body repeating one name 8,000 times 5 s."""
    held = sorted(spans)
    starts = [start for start, _ in held]
    reach = list(accumulate((end for _, end in held), max))  # the furthest end so far

    def inside(at: int) -> bool:
        i = bisect_right(starts, at) - 1
        return i >= 0 and reach[i] > at

    return inside


def whole_word_spans(text: str, form: str) -> list[tuple[int, int]]:
    """The spans `re.finditer(rf"(?<!\\w){re.escape(form)}(?!\\w)", text)` gives, by
    `str.find`: a pattern per name was compiled per article (the names differ), a sixth of
    the finder's time. \\w is `isalnum()` or "_" for str patterns; a match resumes at its end,
    a miss one character on, as the regex engine does."""
    out = []
    size, at = len(form), text.find(form)
    while at >= 0 and size:
        end = at + size
        if (at == 0 or not _word_char(text[at - 1])) and \
                (end == len(text) or not _word_char(text[end])):
            out.append((at, end))
            at = text.find(form, end)
        else:
            at = text.find(form, at + 1)
    return out


def _word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


_HONORIFICS = {"dr", "mr", "mrs", "ms", "prof", "sir", "آقای", "خانم", "السيد", "السيدة",
               "الدكتور", "دکتر", "د"}


def _weak(description: str) -> bool:
    """No description, or only an honorific ("Dr.", "آقای")."""
    return all(word.strip(".").lower() in _HONORIFICS for word in description.split())


def _tidy(description: str) -> str:
    words = description.strip(" ,،").split()
    while words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words)
