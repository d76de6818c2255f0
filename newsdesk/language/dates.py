"""Dates written as precisely as they are known, in English and Arabic.

A month is never shown as a day: week precision reads "mid-March 2023" / "منتصف آذار/مارس
2023", and when sources disagree on the day both days are given ("9 or 10 November 2020").
The Arabic month names are those of data/lexicon/months.csv, the list the pipeline reads dates
with, so every spelling the cards write is one the pipeline reads back.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache

from newsdesk.language.lexicon import read_lexicon

MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WRITTEN_SYSTEMS = ("levantine", "western")  # `آذار/مارس`: both, Levantine first


@cache
def written_month_names(system: str) -> tuple[str, ...]:
    """The twelve Arabic month names of one system (`levantine` or `western`), January first,
    as cards write them: the rows of data/lexicon/months.csv marked `written`, which also lists
    every other spelling the pipeline reads."""
    names = {
        int(row["month"]): row["name_ar"]
        for row in read_lexicon("months.csv")
        if row["system"] == system and row["written"] == "yes"
    }
    return tuple(names[month] for month in range(1, 13))


@dataclass(frozen=True)
class MonthPart:
    """A third of a month, as news reports write it ("mid-March", `منتصف آذار`).

    The one place that says where early, mid and late begin and end: the pipeline stores an
    event known only to a part of a month as `stored_day` with week precision, the filters give
    it the days `first_day` to `last_day`, and cards write it with `en`/`ar`."""

    name: str
    first_day: int
    last_day: int  # MONTH_END: to the end of the month, whatever its length
    stored_day: int
    en: str
    ar: str


MONTH_END = 31
MONTH_PARTS: tuple[MonthPart, ...] = (
    MonthPart("early", 1, 10, 5, "early", "مطلع"),
    MonthPart("mid", 11, 20, 15, "mid-", "منتصف"),
    MonthPart("late", 21, MONTH_END, 25, "late", "أواخر"),
)
_PART_BY_NAME = {part.name: part for part in MONTH_PARTS}


def month_name(month: int, lang: str) -> str:
    if lang == "ar":
        return "/".join(written_month_names(system)[month - 1] for system in WRITTEN_SYSTEMS)
    return MONTHS_EN[month - 1]


def part_of_month(day: int) -> MonthPart:
    return next(part for part in MONTH_PARTS if day <= part.last_day)


def month_part(name: str) -> MonthPart | None:
    """The part named `early`, `mid` or `late`; None for any other name."""
    return _PART_BY_NAME.get(name)


def format_date(
    date: dt.date, precision: str, lang: str = "en", other_days: tuple[dt.date, ...] = ()
) -> str:
    """`other_days`: further days that sources give for the same event (a date conflict)."""
    month = month_name(date.month, lang)
    if precision == "year":
        return str(date.year)
    if precision == "month":
        return f"{month} {date.year}"
    if precision == "week":
        part = part_of_month(date.day)
        if lang == "ar":
            return f"{part.ar} {month} {date.year}"
        joiner = "" if part.en.endswith("-") else " "
        return f"{part.en}{joiner}{month} {date.year}"
    days = sorted({date, *other_days})
    if len(days) > 1 and all((d.year, d.month) == (date.year, date.month) for d in days):
        word = " أو " if lang == "ar" else " or "
        numbers = word.join(str(d.day) for d in days)
        return f"{numbers} {month} {date.year}"
    if len(days) > 1:
        word = " أو " if lang == "ar" else " or "
        return word.join(format_date(d, "day", lang) for d in days)
    return f"{date.day} {month} {date.year}"
