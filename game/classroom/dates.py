"""Dates and times in words, as a teacher writes them: "7 december 2026, 9.15 uur" in Dutch.

Records keep their start as "2026-12-07T09:15" (to 5 minutes, see records.coarse_time); that form is
for files. A page a teacher or a coordinator reads says the date the way their language does, so the
month's name and the order of the parts come from the catalogue, never an ISO date in Dutch text.
"""

from __future__ import annotations

from datetime import datetime

from ..core.translations import NC_, Message, words

MONTHS: tuple[Message, ...] = (
    NC_("month", "January"), NC_("month", "February"), NC_("month", "March"),
    NC_("month", "April"), NC_("month", "May"), NC_("month", "June"), NC_("month", "July"),
    NC_("month", "August"), NC_("month", "September"), NC_("month", "October"),
    NC_("month", "November"), NC_("month", "December"),
)
"""The months' names, January first; Dutch writes them without a capital."""


def _parse(stamp: str) -> datetime | None:
    """A record's "2026-12-07T09:15" (or its date alone); None when it is no real date (the
    record's pattern lets "2026-19-39" through)."""
    try:
        return datetime.strptime(stamp, "%Y-%m-%dT%H:%M" if "T" in stamp else "%Y-%m-%d")
    except ValueError:
        return None


def long_date(stamp: str, lang: str) -> str:
    """The date of `stamp` in words: "7 December 2026", "7 december 2026". A stamp that is no real
    date is shown as it is rather than guessed at."""
    moment = _parse(stamp)
    if moment is None:
        return stamp
    _ = words(lang)
    # TRANSLATORS: a date: {day} is 7, {month} a month's name, {year} 2026. Dutch: 7 december 2026.
    return _("{day} {month} {year}", day=moment.day, month=_.message(MONTHS[moment.month - 1]),
             year=moment.year)


def clock_time(stamp: str, lang: str) -> str:
    """The time of day of `stamp`: "9:15" in English, "9.15 uur" in Dutch; "" without one."""
    moment = _parse(stamp)
    if moment is None or "T" not in stamp:
        return ""
    _ = words(lang)
    # TRANSLATORS: a time of day: {hour} is 9, {minute} 15 (two digits). Dutch: {hour}.{minute} uur
    return _("{hour}:{minute}", hour=moment.hour, minute=str(moment.minute).zfill(2))


def date_and_time(stamp: str, lang: str) -> str:
    """"7 December 2026, 9:15": when a session started, as its record keeps it."""
    time = clock_time(stamp, lang)
    return f"{long_date(stamp, lang)}, {time}" if time else long_date(stamp, lang)
