# ruff: noqa: RUF002 - Cyrillic letters are meant
"""Where a search matched an article's title and body, for the reader to highlight (as
newsboat highlights search matches).

The words are found as the full-text index found the article: tokens of letters and digits
in any case, without accents; `pipe*` as a prefix; a bare Russian word by its stem
("Курск" marks "Курской"); a bare Arabic-script word with its attached proclitics and
spelling variants ("لبنان" marks "ولبنان"); a phrase as its words in a row (an Arabic-script
one normalised, as the index reads it: "اسماعيل هنية" marks "إسماعيل هَنِيَّة"). Negated terms
find nothing to mark.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from tui.core import arabic_search, search_fold
from tui.core.query.ast import And, Node, Or, Text
from tui.core.query.parse import parse
from tui.core.query.sql import _CYRILLIC_WORD, word_stem

_TOKEN = re.compile(r"[^\W_]+")  # unicode61: letters and digits; the rest separates


def fold(word: str) -> str:
    """A token as compared: any case, no accents (the index's remove_diacritics), ё as е and
    digits as 0-9 (search_fold)."""
    decomposed = unicodedata.normalize("NFKD", search_fold.fold(word))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@dataclass(frozen=True, slots=True)
class Mark:
    """One searched term: its words in a row (the last a prefix when `prefix`), or an
    Arabic word's form; `field` "title" when only titles were searched."""

    words: tuple[str, ...] = ()
    prefix: bool = False
    arabic: str = ""
    field: str | None = None
    arabic_words: tuple[str, ...] = ()  # a quoted Arabic-script phrase, normalised


def marks(query: str) -> list[Mark]:
    """The terms of `query` worth marking (none for a query that does not parse)."""
    try:
        node = parse(query)
    except ValueError:
        return []
    return [mark for text in _texts(node) if (mark := _mark(text)) is not None]


def _texts(node: Node) -> list[Text]:
    if isinstance(node, Text):
        return [node]
    if isinstance(node, And | Or):
        return [text for item in node.items for text in _texts(item)]
    return []  # Not, and every field that is no text


def _mark(term: Text) -> Mark | None:
    text, prefix = term.text, term.prefix
    if not (term.phrase or prefix):
        if _CYRILLIC_WORD.fullmatch(text):
            text, prefix = word_stem(text), True
        elif (arabic := arabic_search.query_word(text)) is not None:
            return Mark(arabic=arabic.removeprefix(arabic_search.MARK), field=term.field)
    elif term.phrase and arabic_search.query_phrase(text) is not None:
        return Mark(field=term.field, arabic_words=tuple(arabic_search.phrase_words(text)))
    words = tuple(fold(word) for word in _TOKEN.findall(text))
    return Mark(words, prefix, field=term.field) if words else None


def spans(found: list[Mark], text: str, field: str = "body") -> list[tuple[int, int]]:
    """(start, end) of every match of `found` in `text` (the article's `field`), in order."""
    wanted = [mark for mark in found if mark.field in (None, field)]
    if not wanted or not text:
        return []
    out: list[tuple[int, int]] = []
    tokens = [(m.start(), m.end(), fold(m.group())) for m in _TOKEN.finditer(text)]
    for mark in wanted:
        if mark.arabic:
            words = [(start, end) for start, end, run in arabic_search.word_runs(text)
                     if mark.arabic in arabic_search.run_forms(run)]
            out += words  # and two words a query joins (نصرالله for "نصر الله"), when apart
            out += [(start, end) for start, end, run in arabic_search.joined_runs(text)
                    if mark.arabic in arabic_search.run_forms(run)
                    and not any(start <= first < end for first, _ in words)]
            continue
        if mark.arabic_words:
            out += _in_a_row(mark.arabic_words, text)
            continue
        size = len(mark.words)
        for i in range(len(tokens) - size + 1):
            if all(_same(tokens[i + k][2], word, mark.prefix and k == size - 1)
                   for k, word in enumerate(mark.words)):
                out.append((tokens[i][0], tokens[i + size - 1][1]))
    return sorted(set(out))


def _same(token: str, word: str, prefix: bool) -> bool:
    return token.startswith(word) if prefix else token == word


def _in_a_row(words: tuple[str, ...], text: str) -> list[tuple[int, int]]:
    """Where the normalised Arabic-script `words` stand in a row in `text`: from the first's
    run to the last's (a run is one word but where punctuation splits it)."""
    runs = [(*_letters_of(text, start, end), word)
            for start, end, run in arabic_search.word_runs(text)
            for word in arabic_search.phrase_words(run)]
    size = len(words)
    return [(runs[i][0], runs[i + size - 1][1]) for i in range(len(runs) - size + 1)
            if all(runs[i + k][2] == word for k, word in enumerate(words))]


def _letters_of(text: str, start: int, end: int) -> tuple[int, int]:
    """A run without the punctuation at its ends ("هنية،"): from its first letter to its last
    letter's marks."""
    while start < end and not text[start].isalpha():
        start += 1
    while end > start and not (text[end - 1].isalpha() or unicodedata.combining(text[end - 1])):
        end -= 1
    return start, end
