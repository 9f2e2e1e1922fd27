"""Issue 15, round 48: named objects an article reports on (a vessel, a flight, a named
operation), read from its title and body by a head noun and the name after it: "the tanker
Suez Rajan", "the bulk carrier Eternity C", "flight J2-8243", "Operation Spiderweb",
"сухогруз «Магик Сиз»", "السفينة «...»", "عملیات «...»". A probe's reading (sig_probe's
`obj_apart`), not the linker's: names are case-folded, kept by kind, compared within a script.
"""

from __future__ import annotations

import re

_EN_VESSEL = (
    r"(?:oil |chemical )?tanker|vessel|bulk carrier|cargo ship|freighter|container ship"
    r"|frigate|destroyer|warship|aircraft carrier|MV|M/V"
)
_NAME = r"[«\"“']?((?:[A-Z][\w-]*|[0-9][\w-]*)(?:\s+[A-Z0-9][\w-]*)*)"
_QUOTED = r"\s+[«\"“״]([^»\"”״]{2,40})[»\"”״]"
PATTERNS: dict[str, tuple[re.Pattern[str], ...]] = {
    "vessel": (
        re.compile(rf"\b(?:{_EN_VESSEL})\s+{_NAME}"),
        re.compile(
            r"(?:танкер|сухогруз|судн|балкер|контейнеровоз|фрегат|эсмин|авианос)\w*" + _QUOTED
        ),
        re.compile(
            r"(?:танкер|сухогруз|балкер|контейнеровоз|фрегат)\w*\s+"
            r"((?:[A-Z\u0410-\u042f\u0401][\w-]*)(?:\s+[A-Z\u0410-\u042f\u04010-9][\w-]*)*)"
        ),
        re.compile(r"(?:ال)?(?:ناقلة|سفينة|مدمرة|فرقاطة)" + _QUOTED),
        re.compile(r"(?:کشتی|نفتکش|ناوشکن)" + _QUOTED),
        re.compile(r"(?:הספינה|ספינת|המכלית)" + _QUOTED),
    ),
    "flight": (
        re.compile(r"\b[Ff]light\s+([A-Z0-9]{1,3}-?\d{2,5})\b"),
        re.compile(r"рейс\w*\s+([A-Z\u0410-\u042f0-9]{1,3}-?\d{2,5})\b"),
    ),
    "operation": (
        re.compile(rf"\bOperation\s+{_NAME}"),
        re.compile(r"операци\w*" + _QUOTED),
        re.compile(r"عملية" + _QUOTED),
        re.compile(r"عملیات" + _QUOTED),
        re.compile(r"מבצע" + _QUOTED),
    ),
}


def named_objects(text: str) -> dict[str, frozenset[str]]:
    """The names of each kind of object the text names (kinds with none left out)."""
    out: dict[str, frozenset[str]] = {}
    for kind, patterns in PATTERNS.items():
        got = {m.group(1).strip().casefold() for rx in patterns for m in rx.finditer(text)}
        if got:
            out[kind] = frozenset(got)
    return out


def apart(
    x: dict[str, frozenset[str]],
    y: dict[str, frozenset[str]],
    kinds: tuple[str, ...] = tuple(PATTERNS),
) -> bool:
    """Both name an object of one kind, and no name of that kind is the same."""
    return any(k in x and k in y and x[k].isdisjoint(y[k]) for k in kinds)
