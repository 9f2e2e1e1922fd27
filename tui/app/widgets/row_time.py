"""When an article was published, as the list, the reader and the side panel write it: the
user's local zone, and as few columns as still say it unambiguously."""

from __future__ import annotations

from datetime import datetime


def local_time(moment: datetime, wide: bool, now: datetime | None = None) -> str:
    """Published time in the user's local zone (tests pin TZ). Narrow lists give an article
    from another year its date instead of the hour: "08-05 14:00" would read as this year."""
    local = moment.astimezone()
    if wide:
        return local.strftime("%Y-%m-%d %H:%M")
    if local.year != (now or datetime.now(local.tzinfo)).year:
        return local.strftime("%Y-%m-%d ")
    return local.strftime("%m-%d %H:%M")


MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
RECENT_DAYS = 183
"""A date without its year reads as the last one of that name, as in `ls -l`: within about
six months that is the right one."""


def short_time(moment: datetime, now: datetime | None = None) -> str:
    """Six columns for a compact list: "14:05" today, "Jan 18" within six months, "Jan'24"
    before (the month is enough for an old article; the reader shows the whole date)."""
    local = moment.astimezone()
    today = (now or datetime.now(local.tzinfo)).astimezone(local.tzinfo)
    if local.date() == today.date():
        return f"{local:%H:%M} "
    month = MONTHS[local.month - 1]
    if abs((today.date() - local.date()).days) <= RECENT_DAYS:
        return f"{month} {local.day:>2}"
    return f"{month}'{local:%y}"
