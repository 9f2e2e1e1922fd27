"""What every layer shares without the records of models.py: the database's time format and
the words feeds' health is said in. The records are dataclasses, each about a millisecond to
create at import: an unchanged fetch needs none of them, only these."""

from __future__ import annotations

from datetime import UTC, datetime

from tui.core.words import counted

BIDI_MODES = ("auto", "app", "terminal")
"""`[settings] bidi`: auto (the app reorders unless the terminal says it does bidi), app
(always reorders), terminal (never: the terminal does it; core/visual.py). Here, where the
config's check takes it without loading `visual` or `visual_parts` (their regexes and
dataclasses) on every command."""


def to_iso(moment: datetime) -> str:
    """The one time format in the database: UTC, second precision, sortable as text."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def from_iso(text: str) -> datetime:
    """`to_iso` read back. Its exact shape goes through fromisoformat (strptime was a twentieth
    of analysing an article's text); anything else through strptime, which says what is wrong."""
    if (len(text) == 20 and text.isascii() and text[19] == "Z" and text[10] == "T"
            and text[4] == text[7] == "-" and text[13] == text[16] == ":"):
        return datetime.fromisoformat(text[:19]).replace(tzinfo=UTC)
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)


def utcnow() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


REFUSED_PAGE = "refused to fetch the page from"
"""How a link policy's refusal starts (ingest/addresses.py): the store finds such pages by it
to try them again once `allow_private_links` allows them (store/page_retry.py)."""


def pages_failed(count: int) -> str:
    """The warning a feed carries when pages the last refresh fetched for it gave no text
    (`feeds`, the reader's feed list): the feed itself was read, so it is no failure."""
    return (f"{count} of the article pages last fetched failed (their articles keep the "
            "feed's text)")


def pages_waiting(count: int, per_refresh: int, *, budget: bool = True) -> str:
    """The warning a feed carries while some of its article pages wait (one wording for the
    refresh summary and for `feeds`). `budget` False: not the page budget's doing, the last
    refresh stopped before it got to them (interrupted, killed)."""
    waits = "waits" if count == 1 else "wait"
    if not budget:
        return (f"{counted(count, 'article page')} {waits} for the next refresh (the last one "
                "stopped before it got to them) or for the reader to open them")
    return (f"{counted(count, 'article page')} {waits} for later refreshes (at most "
            f"{per_refresh} a feed each refresh, newest first) or for the reader to open them")


def pages_retried(count: int) -> str:
    """The note of a feed some of whose pages failed for a reason that passes: they are
    tried again, each try later than the last (store/page_retry.py)."""
    return (f"{counted(count, 'failed article page')} will be tried again by later refreshes "
            "(or when the reader opens them)")
