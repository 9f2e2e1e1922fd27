# ruff: noqa: RUF003 - the dotless ı is meant
"""Turkish case endings after a proper noun's apostrophe, cut for the linker's place matcher.

Turkish writes a name's case ending after an apostrophe ("Hatay'da", "Antakya'daki",
"Tahran'dan", "İsrail'in"), and the linker's words keep "hatay'da" whole: without the cut no
Turkish piece names the places its wire twin does. The actors' matcher and the place finder
read an apostrophe as a space and need none of this.
"""

from __future__ import annotations

from collections.abc import Container

# Case endings with their buffer letters, and "-ki" after a locative or genitive, lowercase.
# The linker keeps "İ" and "ı" as written, and the endings with ı ("Hatay'ın") stay uncut:
# folding ı and İ to i, or adding those endings, cost a-h + k intrusions out of sample (62.7
# -> 64.7 and 66.3, related_eval.md's actors11 section).
_ENDINGS = """
in un ün nin nun nün i u ü yi yu yü ni nu nü a e ya ye na ne da de ta te nda nde
dan den tan ten ndan nden la le yla yle daki deki taki teki ndaki ndeki ninki nunki nünkü
"""
SUFFIXES = frozenset(_ENDINGS.split())


def without_suffixes(orig: list[str], folded: list[str], words: Container[str]) -> list[str]:
    """`folded` with the ending cut after a capitalised word's apostrophe ("hatay'da" ->
    "hatay"), where the ending is lowercase (or the word all capitals: "HATAY'DA") and the
    whole word is no word of a place's form (`words`: "Sana'a", "Ma'an" stay whole)."""
    out = list(folded)
    for i, word in enumerate(folded):
        stem, mark, suffix = word.partition("'")
        if not mark or suffix not in SUFFIXES or word in words:
            continue
        written = orig[i]
        # the ending as written is the word's tail: "İ" lowers to two characters ("İran'a")
        if written[:1].isupper() and (written[-len(suffix):].islower() or written.isupper()):
            out[i] = stem
    return out
