"""What to say about `name:value` when `name` is no field.

An unknown field used to be searched as words, so `from:2024-08-01` listed nothing and a script
could not tell a typo from an empty result. It is an error now, and the message says what the
user probably meant, which fields exist, and how to search the text itself (quote it).

`from:`, `date:` and `source:` are not aliases: `from:` is a sender in mail search and a start
here, `date:` a single day the language has no term for, and `source:` either the feed an article
came from or an outlet it cites (an `actor:` of kind media). Each names what to write instead.
"""

from __future__ import annotations

import difflib
import re
from datetime import date, timedelta

from tui.core.query.ast import FIELDS

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_TIME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\S*|[0-9]{1,6} ?[a-z]{1,6}|today|yesterday",
                   re.IGNORECASE)

_START = {"from", "after", "start", "starting", "newer", "dated"}
_END = {"until", "till", "to", "end", "older", "upto"}
_DAY = {"date", "on", "day", "published", "pub"}
_OUTLET = {"from", "source", "src", "outlet", "site", "publisher", "paper", "channel", "website",
           "media", "agency", "domain", "host", "url"}
_PERSON = {"person", "who", "people", "org", "organisation", "organization", "mentions",
           "name", "by", "group", "leader"}
_PLACE = {"city", "region", "location", "loc", "where", "in", "province", "capital"}
_TAGGED = {"label", "labels", "tagged", "folder", "category", "cat"}
_STATUS = {"status", "state", "has", "flag", "flags", "seen", "unread", "starred"}
_TITLE = {"headline", "subject", "heading", "header"}
_WORDS = {"text", "body", "content", "all", "any", "word", "words", "contains", "search"}


def unknown_field(name: str, value: str, text: str) -> str:
    """The message for `name:value` (`text`: the whole term as typed, unquoted)."""
    hint = _hint(name.lower(), value)
    fields = " ".join(f"{f}:" for f in FIELDS)
    quoted = '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    lead = f" ({hint})" if hint else ""
    return (f"unknown field '{name.lower()}:'{lead}; to search for the text itself, quote it: "
            f"{quoted}; the fields are {fields}")


def _hint(name: str, value: str) -> str | None:
    shown = value if value else "..."
    timed = bool(value) and _TIME.fullmatch(value) is not None
    if name in _DAY and timed:
        return f"for that day: {_one_day(value)}"
    if name in _START and timed:
        return f"since:{value} finds articles from then on"
    if name in _END and timed:
        return f"before:{value} finds articles older than that"
    if name in _OUTLET:
        return (f"feed:{shown} is the outlet an article came from; actor:{shown} an outlet "
                "it cites")
    if name in _DAY | _START | _END:
        return "since:DATE and before:DATE bound the time (a date like 2024-08-01, or 3d, 1w)"
    if name in _PERSON:
        return f"actor:{shown} finds articles naming a person or organisation"
    if name in _PLACE:
        return f"place:{shown} finds articles naming a place"
    if name in _TAGGED:
        return f"+{shown} or tag:{shown} finds tagged articles"
    if name in _STATUS:
        return "is:unread, is:read, is:saved or is:dismissed"
    if name in _TITLE:
        return f"title:{shown} searches the titles"
    if name in _WORDS:
        return f"plain words ({shown}) search titles and text"
    close = difflib.get_close_matches(name, FIELDS, n=1, cutoff=0.6)
    return f"did you mean {close[0]}:{value}?" if close else None


def _one_day(value: str) -> str:
    """`since:D before:D+1` for a date; relative days keep their own words."""
    low = value.lower()
    if low == "today":
        return "since:today"
    if low == "yesterday":
        return "since:yesterday before:today"
    found = _DATE.match(value)
    if found is None:
        return f"since:{value}"
    try:
        day = date.fromisoformat(found.group(0))
        after = day + timedelta(days=1)
    except (ValueError, OverflowError):
        return f"since:{value}"
    return f"since:{day.isoformat()} before:{after.isoformat()}"
