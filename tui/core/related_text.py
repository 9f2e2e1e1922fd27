# ruff: noqa: RUF001, RUF003 - Cyrillic letters in word lists and comments are meant
"""Text pieces of event features: word tokens, salient terms, places, and MinHash signatures.

Pure and deterministic (no `hash()`, which is salted per process): features are stored in the
cache and compared with ones computed by another process later.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
import zlib
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


def _split(text: str) -> frozenset[str]:
    return frozenset(text.split())


_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_CYRILLIC = re.compile(r"[а-яА-ЯёЁ]")
# Russian case endings a place name may take after its stem (Тегеран-е, Москв-у, Курск-ой).
_RU_ENDINGS = _split("а я у ю е и ы о ой ей ом ем ью ям ях ах ами ями ию ии ией ого ую ая") | {""}
_RU_FINAL = "аяоеьйыи"
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


def fold(text: str) -> str:
    return text.lower().replace("ё", "е").replace("’", "'")


def stem(token: str) -> str:
    """A crude, cheap stem: enough to make "missiles"/"missile" and "договора"/"договор" meet."""
    if _CYRILLIC.match(token):
        return token[:6]
    if len(token) > 4 and token.endswith("ies"):
        return token[:-3] + "y"
    if len(token) > 3 and token.endswith("s") and not token.endswith(("ss", "us", "is")):
        return token[:-1]
    return token


def tokens(text: str) -> list[tuple[str, str]]:
    """(original, folded) word tokens in order; a possessive 's is dropped."""
    out = []
    for match in _WORD.finditer(text):
        word = fold(match.group())
        out.append((match.group(), word[:-2] if word.endswith("'s") else word))
    return out


def terms(title: str, body: str) -> Counter[str]:
    """Stemmed content words, title words counting double (a headline says what the story is)."""
    counts: Counter[str] = Counter()
    for weight, text in ((2, title), (1, body)):
        for _orig, word in tokens(text):
            if word in STOPWORDS or (len(word) < 3 and not word.isdigit()):
                continue
            if word.isdigit() and len(word) < 2:
                continue
            counts[stem(word)] += weight
    return counts


def script_of(text: str) -> str:
    """'cyrl', 'arab' or 'latn': term overlap only means something within one script."""
    sample = text[:2000]
    letters = [c for c in sample if c.isalpha()]
    if not letters:
        return "latn"
    cyr = sum(1 for c in letters if "\u0400" <= c <= "\u04ff")
    arab = sum(1 for c in letters if "\u0600" <= c <= "\u06ff")
    if cyr * 2 > len(letters):
        return "cyrl"
    if arab * 2 > len(letters):
        return "arab"
    return "latn"


# ---------------------------------------------------------------- places


@dataclass(frozen=True, slots=True)
class Place:
    id: str
    name: str
    kind: str  # city | region | water | country


class PlaceMatcher:
    """Whole-word place names; Cyrillic forms also match declined endings."""

    def __init__(self, places: list[tuple[Place, list[str]]]) -> None:
        self.places = {p.id: p for p, _forms in places}
        # first folded word -> [(form words, place id, cyrillic)]
        self._index: dict[str, list[tuple[tuple[str, ...], str, bool]]] = {}
        for place, forms in places:
            for form in forms:
                words = tuple(w for _o, w in tokens(form))
                if not words:
                    continue
                cyr = bool(_CYRILLIC.search(form))
                if cyr:
                    words = tuple(w.rstrip(_RU_FINAL) or w for w in words)
                self._index.setdefault(words[0], []).append((words, place.id, cyr))

    def _heads(self, word: str) -> list[tuple[tuple[str, ...], str, bool]]:
        found = list(self._index.get(word, ()))
        if _CYRILLIC.match(word):
            for cut in range(0, min(4, len(word) - 1)):
                head = word[:len(word) - cut] if cut else word
                if cut and word[len(word) - cut:] not in _RU_ENDINGS:
                    continue
                found.extend(e for e in self._index.get(head, ()) if e[2])
        return found

    def match(self, title: str, body: str) -> dict[str, tuple[int, bool, bool]]:
        """place id -> (mentions, named in the title, named in the lead)."""
        count: Counter[str] = Counter()
        in_title: set[str] = set()
        early: set[str] = set()
        for field, text in (("title", title), ("body", body)):
            toks = tokens(text)
            i = 0
            while i < len(toks):
                orig, word = toks[i]
                best: tuple[int, str] | None = None
                if not orig.islower():
                    for words, place_id, cyr in self._heads(word):
                        longer = best is None or len(words) > best[0]
                        if longer and _seq_match(toks, i, words, cyr):
                            best = (len(words), place_id)
                if best is None:
                    i += 1
                    continue
                count[best[1]] += 1
                if field == "title":
                    in_title.add(best[1])
                elif i < _LEAD_WORDS:
                    early.add(best[1])
                i += best[0]
        return {p: (n, p in in_title, p in early) for p, n in count.items()}


def _word_ok(word: str, want: str, cyr: bool) -> bool:
    if word == want:
        return True
    return cyr and word.startswith(want) and word[len(want):] in _RU_ENDINGS


def _seq_match(toks: list[tuple[str, str]], i: int, words: tuple[str, ...], cyr: bool) -> bool:
    if i + len(words) > len(toks):
        return False
    return all(_word_ok(toks[i + k][1], w, cyr) for k, w in enumerate(words))


@lru_cache(maxsize=1)
def place_matcher() -> PlaceMatcher:
    text = resources.files("tui.data").joinpath("places.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    return PlaceMatcher([(Place(p["id"], p["name"], p.get("kind", "city")), list(p["forms"]))
                         for p in data.get("place", [])])


# ---------------------------------------------------------------- near-duplicates

NUM_HASHES = 32
BANDS = 8  # LSH: 8 bands of 4 rows; pairs with Jaccard >= ~0.6 very likely share a band
_MASKS = [int.from_bytes(hashlib.blake2b(bytes([i]), digest_size=8).digest(), "big")
          for i in range(NUM_HASHES)]


def minhash(title: str, body: str, width: int = 4) -> tuple[int, ...]:
    """MinHash of word `width`-shingles: the same wire copy in two feeds gets a near-equal sig.

    One 64-bit hash per shingle, XOR-ed with fixed masks for the other "permutations": cheap,
    and good enough to tell copies (Jaccard > 0.5) from merely related texts.
    """
    words = [w for _o, w in tokens(f"{title} {body}")]
    if len(words) < width:
        words = words + [""] * (width - len(words))
    shingles = {int.from_bytes(hashlib.blake2b(" ".join(words[i:i + width]).encode(),
                                               digest_size=8).digest(), "big")
                for i in range(len(words) - width + 1)}
    return tuple(min(s ^ mask for s in shingles) >> 32 for mask in _MASKS)


def jaccard(sig_a: tuple[int, ...], sig_b: tuple[int, ...]) -> float:
    if not sig_a or len(sig_a) != len(sig_b):
        return 0.0
    return sum(1 for x, y in zip(sig_a, sig_b, strict=True) if x == y) / len(sig_a)


def lsh_keys(sig: tuple[int, ...]) -> list[str]:
    rows = len(sig) // BANDS
    return [f"m:{b}:{zlib.crc32(repr(sig[b * rows:(b + 1) * rows]).encode()):08x}"
            for b in range(BANDS)]
