"""Date phrases resolved to candidate dates, each with how precisely it is known.

Only here does the publication date come in: the same phrase (`الأربعاء الماضي`, `11 يناير`)
means different days in reports of different days. A phrase may give several candidates (two
month systems that disagree) and a month is never turned into a day (UCDP's habit, DESIGN.md).
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field, replace

from newsdesk.language.dates import month_part
from newsdesk.pipeline.date_phrases import DateExpr

Date = dt.date

MAX_RANGE = dt.timedelta(days=400)  # longer "ranges" are two dates, not one event's span


@dataclass(frozen=True)
class Resolved:
    """One candidate date of a phrase, as precisely as the phrase gives it."""

    date: Date
    precision: str
    flags: frozenset[str] = field(default_factory=frozenset)
    end: Date | None = None  # the last day, for an event told as a range of days


def resolve(
    expr: DateExpr, published: Date | None, context_year: int | None = None
) -> list[Resolved]:
    """Candidate dates of an expression, read against the publication date.

    With no publication date, only a date written with its year, or with the year the text pins
    next to it (`context_year`), resolves: read against a day nobody knows, `أمس` or
    `الشهر الماضي` would be an invented date.
    """
    if published is None:
        return _resolve_own(expr, context_year)
    if expr.kind == "absolute" and expr.until is not None:
        return _resolve_range(expr, published, context_year)
    if expr.kind == "absolute":
        return _resolve_absolute(expr, published, context_year)
    if expr.kind == "year":
        return [Resolved(_part_date(expr.year, 1, expr.part, whole_year=True), "year")]
    if expr.kind == "today":
        return [Resolved(published + dt.timedelta(days=expr.amount), "day")]
    if expr.kind == "weekday":
        if expr.amount > 0:  # `يوم الأربعاء المقبل`: the next one, never today
            ahead = (expr.weekday - published.weekday()) % 7 or 7
            return [Resolved(published + dt.timedelta(days=ahead), "day")]
        back = (published.weekday() - expr.weekday) % 7
        if expr.amount < 0:  # `الأربعاء الماضي`: the last one before today
            back = back or 7
        return [Resolved(published - dt.timedelta(days=back), "day")]
    if expr.kind == "ago":
        if expr.unit == "day":
            return [Resolved(published - dt.timedelta(days=expr.amount), "day")]
        if expr.unit == "week":
            return [Resolved(published - dt.timedelta(days=7 * expr.amount), "week")]
        if expr.unit == "month":
            year, month = _shift_month(published.year, published.month, -expr.amount)
            return [Resolved(Date(year, month, 1), "month")]
        return [Resolved(Date(published.year - expr.amount, 1, 1), "year")]
    if expr.kind == "rel_day":
        year, month = _shift_month(published.year, published.month, expr.year_shift or 0)
        if expr.day > calendar.monthrange(year, month)[1]:
            return []
        return [Resolved(Date(year, month, expr.day), "day")]
    if expr.kind == "rel_month":
        year, month = _shift_month(published.year, published.month, expr.year_shift or 0)
        if expr.part:
            return [Resolved(_part_date(year, month, expr.part), "week")]
        return [Resolved(Date(year, month, 1), "month")]
    if expr.kind == "rel_year":
        return [Resolved(Date(published.year + (expr.year_shift or 0), 1, 1), "year")]
    if expr.kind == "rel_week":
        return [Resolved(published + dt.timedelta(days=7 * (expr.year_shift or 0)), "week")]
    return []


def _resolve_own(expr: DateExpr, year: int | None) -> list[Resolved]:
    """A date in its own words, or with the year the text pins beside it (flagged)."""
    if expr.kind != "absolute" or expr.year_shift is not None or (expr.year or year) is None:
        return []
    until = expr.until
    if until is not None:
        until = replace(until, year=until.year or expr.year or year)
    own = replace(expr, year=expr.year or year, until=until)
    resolved = _resolve_range(own, None, None) if until else _resolve_absolute(own, None, None)
    if expr.year is not None:
        return resolved
    return [replace(r, flags=r.flags | {"inferred_year"}) for r in resolved]


def _resolve_absolute(
    expr: DateExpr, published: Date | None, context_year: int | None
) -> list[Resolved]:
    """`published` may be None only for an expression with its year."""
    results = []
    for month in expr.months:
        flags: set[str] = set()
        if expr.year is not None:
            year = expr.year
        elif (pinned_year := _pinned_year(expr, month, published)) is not None:
            year = pinned_year
        elif expr.year_shift is not None:
            year = published.year
            same_or_later = (month, expr.day or 1) >= (published.month, published.day)
            if expr.year_shift < 0 and (same_or_later or month == published.month):
                year -= 1
            elif expr.year_shift > 0 and (month, expr.day or 1) <= (published.month, published.day):
                year += 1
        elif context_year is not None and (context_year, month) <= (
            published.year,
            published.month,
        ):
            # a nearby year dates a yearless date, but not into the future of the report
            year = context_year
            flags.add("inferred_year")
        else:
            year = published.year
            if (month, expr.day or 1) > (published.month, published.day + 7):
                year -= 1
            flags.add("inferred_year")
        if expr.garbled:
            flags.add("garbled_month")
        if expr.day is not None:
            last = calendar.monthrange(year, month)[1]
            if expr.day > last:
                continue
            results.append(Resolved(Date(year, month, expr.day), "day", frozenset(flags)))
        elif expr.part:
            results.append(Resolved(_part_date(year, month, expr.part), "week", frozenset(flags)))
        else:
            results.append(Resolved(Date(year, month, 1), "month", frozenset(flags)))
    return results


def _resolve_range(
    expr: DateExpr, published: Date | None, context_year: int | None
) -> list[Resolved]:
    """The first day's candidates, each carrying the range's last day when it comes later.

    A month at the end (`من أيلول إلى تشرين الثاني`) ends on that month's last day."""
    starts = _resolve_absolute(replace(expr, until=None), published, context_year)
    if not starts:
        return []
    year_hint = expr.year or starts[0].date.year
    ends = _resolve_absolute(expr.until, published, expr.until.year or year_hint)
    if not ends:
        return starts
    last = ends[0]
    end = last.date
    if last.precision == "month":
        end = Date(end.year, end.month, calendar.monthrange(end.year, end.month)[1])
    elif last.precision != "day":
        return starts
    return [
        replace(start, end=end) if start.date < end <= start.date + MAX_RANGE else start
        for start in starts
    ]


def _pinned_year(expr: DateExpr, month: int, published: Date) -> int | None:
    """The year, near publication, in which a weekday-tied date falls on that weekday."""
    if expr.weekday is None or expr.day is None:
        return None
    options = []
    for year in (published.year - 1, published.year, published.year + 1):
        if expr.day <= calendar.monthrange(year, month)[1]:
            date = Date(year, month, expr.day)
            if date.weekday() == expr.weekday:
                options.append((abs((date - published).days), year))
    return min(options)[1] if options else None


def _part_date(year: int, month: int, part: str | None, whole_year: bool = False) -> Date:
    if whole_year:
        month = {"early": 2, "mid": 6, "late": 11}.get(part or "", 1)
        return Date(year, month, 1)
    found = month_part(part or "")
    return Date(year, month, found.stored_day if found else 1)


def _shift_month(year: int, month: int, shift: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + shift
    return index // 12, index % 12 + 1
