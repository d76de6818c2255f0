"""The clues in a report's dates that tie it to days, for inferring its publication date.

A weekday alone (`اليوم الأربعاء`) falls on a day of every week, and a date the report merely
mentions may be years old, so neither pins the report. What pins it is a date the text ties to
the report's own time: told as yesterday's or tomorrow's (`أمس السبت، 15 تموز`), beside a weekday
(`يوم الخميس الماضي، 23 تشرين الثاني`: within the week before), in the current month
(`السادس من نيسان الجاري`), an anniversary's (`مرور عام على` a dated event) or placed just
before the news (`ويأتي ذلك بعد أقل من أسبوع على` a date). Each gives the set of days the
report can be on (`tie_days`).
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from newsdesk.pipeline.date_context import NEAR, OWN, DateContext
from newsdesk.pipeline.date_phrases import DateExpr
from newsdesk.pipeline.date_resolution import resolve
from newsdesk.pipeline.gazetteer import COVERAGE

COVERAGE_YEARS = range(COVERAGE[0].year, COVERAGE[1].year + 1)
REPORT_LAG_YEARS = 1  # a report comes in the year of its facts or the next (December's, in January)
PINNED_WINDOW_DAYS = 14  # `يوم الأحد 14 مايو`: a bare weekday beside a recent date, either way
WEEK_DAYS = 7  # `الأحد الماضي`/`المقبل`: the last or next one, one to seven days away
ANNIVERSARY_SLACK_DAYS = 3  # `بمناسبة مرور عام`: told on the day or a few days around it
AHEAD_DAYS = 31  # a yearless date this close after a report would be told as coming, not as done


@dataclass(frozen=True)
class Clue:
    """A date expression and what the words before it say about it."""

    expr: DateExpr
    context: DateContext


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def written_dates(clues: list[Clue]) -> list[tuple[Clue, dt.date]]:
    """The dates written with their year (to the day, or the first of a month), in one month
    system: a garbled `11 كانون الأول/يناير 2021` names no one date."""
    written = []
    for clue in clues:
        expr = clue.expr
        if expr.kind != "absolute" or expr.year is None or expr.garbled:
            continue
        day = safe_date(expr.year, expr.months[0], expr.day or 1)
        if day is not None:
            written.append((clue, day))
    return written


def report_years(written: list[tuple[Clue, dt.date]]) -> set[int]:
    """The years the text reports on: those of the dates it writes as its own facts (not
    history, a document's date or a deadline) and each next year; with no such date, the years
    the project covers."""
    own = {day.year for clue, day in written if clue.context.kind in {OWN, NEAR}}
    spread = {year + lag for year in own for lag in range(REPORT_LAG_YEARS + 1)}
    return spread or set(COVERAGE_YEARS)


def search_years(reported: set[int]) -> list[int]:
    """Where a date beside a weekday may fall: the years the project covers and the text's own,
    so that a report outside them is seen as one, and refused, rather than moved into them."""
    return sorted(set(COVERAGE_YEARS) | reported)


def tie_days(
    clues: list[Clue],
    written: list[tuple[Clue, dt.date]],
    years_after: list[int],
    years: list[int],
) -> list[set[dt.date]]:
    """One set of possible publication days per clue that ties the report to days."""
    ties = []
    for clue in clues:
        expr = clue.expr
        if expr.kind != "absolute":
            continue
        if expr.weekday is not None and expr.day is not None:
            ties.append(_beside_weekday(expr, years))
        elif expr.year is None and expr.year_shift == 0:
            ties.append(_rest_of_month(expr, years))
        elif clue.context.kind == NEAR and expr.day is not None and expr.year is not None:
            start = safe_date(expr.year, expr.months[0], expr.day)
            if start is not None:
                ties.append({start + dt.timedelta(days=n) for n in range(1, clue.context.days + 1)})
    told = [day for clue, day in written if clue.expr.day and clue.context.kind != "future"]
    around = _anniversaries(told, years_after)
    if around:
        ties.append(around)
    return ties


def _beside_weekday(expr: DateExpr, years: list[int]) -> set[dt.date]:
    """`أمس السبت، 15 تموز`: the day after; `الخميس الماضي، 23 تشرين الثاني`: one to seven days
    after; a bare weekday: the week around. The year is one in which the weekday fits."""
    days: set[dt.date] = set()
    for year in [expr.year] if expr.year else years:
        for month in expr.months:
            date = safe_date(year, month, expr.day)
            if date is None or date.weekday() != expr.weekday:
                continue
            if expr.pinned_offset is not None:
                offsets = [-expr.pinned_offset]
            elif expr.weekday_shift < 0:
                offsets = list(range(1, WEEK_DAYS + 1))
            elif expr.weekday_shift > 0:
                offsets = list(range(-WEEK_DAYS, 0))
            else:
                offsets = list(range(-PINNED_WINDOW_DAYS, PINNED_WINDOW_DAYS + 1))
            days.update(date + dt.timedelta(days=n) for n in offsets)
    return days


def _rest_of_month(expr: DateExpr, years: list[int]) -> set[dt.date]:
    """`في السادس من نيسان الجاري`: a day of that month, not before the date."""
    days: set[dt.date] = set()
    for year in years:
        for month in expr.months:
            last = calendar.monthrange(year, month)[1]
            first = min(expr.day or 1, last)
            days.update(dt.date(year, month, day) for day in range(first, last + 1))
    return days


def _anniversaries(dates: list[dt.date], years_after: list[int]) -> set[dt.date]:
    days: set[dt.date] = set()
    slack = range(-ANNIVERSARY_SLACK_DAYS, ANNIVERSARY_SLACK_DAYS + 1)
    for written in dates:
        for years in years_after:
            target = safe_date(written.year + years, written.month, written.day)
            if target is not None:
                days.update(target + dt.timedelta(days=n) for n in slack)
    return days


def told_ahead(clues: list[Clue], candidate: dt.date) -> bool:
    """Whether a date the text tells as past without a year (`أي 25 تشرين الثاني`: no
    `المقبل`, no weekday, no deadline word) would fall within the month after the candidate:
    a report does not tell as done what is still ahead of it."""
    for clue in clues:
        expr = clue.expr
        if (
            expr.kind != "absolute"
            or expr.day is None
            or expr.year is not None
            or expr.year_shift is not None
            or expr.weekday is not None
            or clue.context.kind == "future"
        ):
            continue
        for year in (candidate.year, candidate.year + 1):
            for month in expr.months:
                told = safe_date(year, month, expr.day)
                if told is not None and 0 < (told - candidate).days <= AHEAD_DAYS:
                    return True
    return False


def current_month_ahead(clues: list[Clue], candidate: dt.date) -> bool:
    """`هدنتين أعلنتا في العاشر والسابع عشر من الشهر الجاري`: a day of the report's month, told
    not as planned, that would still be ahead of the candidate. Future verbs are not always
    marked (`ستعقد في 20 من الشهر الجاري`), so this only tells apart days that fit otherwise."""
    for clue in clues:
        expr = clue.expr
        if expr.kind != "rel_day" or expr.year_shift or clue.context.kind == "future":
            continue
        told = safe_date(candidate.year, candidate.month, expr.day or 0)
        if told is not None and told > candidate:
            return True
    return False


def fits_today(expr: DateExpr, candidate: dt.date) -> bool:
    """`اليوم الأربعاء`, `أمس الثلاثاء`: the weekday falls on the candidate (or its neighbour)."""
    return (candidate + dt.timedelta(days=expr.amount)).weekday() == expr.weekday


def coincidences(exprs: list[DateExpr], candidate: dt.date) -> int:
    """Weekdays the text names (`ويوم الأربعاء`) that, read from the candidate, fall on dates it
    writes out: the week in which they do is the one the text tells."""
    written = {
        resolved.date
        for expr in exprs
        if expr.kind == "absolute" and expr.day is not None
        for resolved in resolve(expr, candidate)
    }
    return sum(
        any(resolved.date in written for resolved in resolve(expr, candidate))
        for expr in exprs
        if expr.kind == "weekday"
    )
