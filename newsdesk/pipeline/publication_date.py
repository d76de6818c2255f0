"""The publication date of an article: stated in a dateline, or inferred from the text.

Many reports carry no date of their own but say `اليوم السبت`, `يوم الأحد 14 مايو` and
`السادس من نيسان الجاري`. The publication date is then the day that fits every such clue: not
before the latest date written in full (or, with no year anywhere, inside the period the
project covers), on the weekday the text names, in the month `الجاري` names, with every date
tied to a weekday falling on it; among those, the one closest to the dates the text gives,
preferring days on which the weekdays the text mentions fall on dates it writes out.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from newsdesk.pipeline.date_phrases import DateExpr
from newsdesk.pipeline.date_resolution import resolve

_DATELINE_PREFIX = re.compile(r"^[^\n]{0,60}$")
_DATELINE_WORDS = 8
SEARCH_DAYS = 3 * 366
COVERAGE = (dt.date(2020, 1, 1), dt.date(2024, 12, 31))
PINNED_WINDOW_DAYS = 8


@dataclass(frozen=True)
class Publication:
    date: dt.date | None
    basis: str  # metadata, stated, inferred, or "" when nothing allows a date


def stated_date(
    first_sentences: list[tuple[str, list[DateExpr]]], all_exprs: list[DateExpr] = ()
) -> dt.date | None:
    """A full date at the head of one of the first lines, as in `موسكو، 20 يوليو 2021 —`.

    A dateline whose two month names disagree is read in the month that fits the weekday the
    article gives for today (`اليوم الاثنين`), else in the Western month.
    """
    for norm, exprs in first_sentences:
        for expr in exprs:
            if expr.kind != "absolute" or expr.day is None or expr.year is None:
                continue
            prefix = norm[: expr.start]
            words = prefix.split()
            if not (
                _DATELINE_PREFIX.match(prefix)
                and len(words) <= _DATELINE_WORDS
                and "في" not in words
            ):
                continue
            options = [d for d in (_safe_date(expr.year, m, expr.day) for m in expr.months) if d]
            today = [e for e in all_exprs if e.kind == "today" and e.weekday is not None]
            fitting = [d for d in options if all(_fits(e, d) for e in today)]
            chosen = (fitting or options)[:1]
            if chosen:
                return chosen[0]
    return None


_ANNIVERSARY = re.compile(
    r"(?:مرور|الذكري(?: السنويه)?)\s+(?P<n>عام|عامين|سنه|سنتين|الاولي|الثانيه|الثالثه"
    r"|ثلاثه اعوام|ثلاث سنوات)(?![\w])"
)
_ANNIVERSARY_YEARS = {
    "عام": 1,
    "سنه": 1,
    "الاولي": 1,
    "عامين": 2,
    "سنتين": 2,
    "الثانيه": 2,
    "الثالثه": 3,
    "ثلاثه اعوام": 3,
    "ثلاث سنوات": 3,
}
ANNIVERSARY_SLACK_DAYS = 3


def anniversaries(norm_text: str) -> list[int]:
    """`بمناسبة مرور عام على توقيع البيان`: how many years after a dated event the report is."""
    return [_ANNIVERSARY_YEARS[m.group("n")] for m in _ANNIVERSARY.finditer(norm_text)]


def infer_date(exprs: list[DateExpr], years_after: list[int] = ()) -> dt.date | None:
    """The most plausible publication date given every date expression of the article."""
    full = [
        dt.date(e.year, e.months[0], e.day or 1)
        for e in exprs
        if e.kind == "absolute" and e.year is not None and not e.garbled and _valid(e)
    ]
    years = [e.year for e in exprs if e.kind == "year"]
    constrained = [e for e in exprs if _constrains(e)]
    pinned = [e for e in constrained if e.kind == "absolute" and e.weekday is not None]
    if full or years:
        floor = max(full) if full else dt.date(max(years), 1, 1)
        last = floor + dt.timedelta(days=SEARCH_DAYS)
    elif pinned:
        floor, last = COVERAGE
    else:
        return None
    if not constrained:
        return floor
    fitting = []
    day = floor
    while day <= last:
        if all(_fits(e, day) for e in constrained):
            fitting.append(day)
        day += dt.timedelta(days=1)
    if not fitting:
        return floor if (full or years) else None
    reference = max(full) if full else fitting[0]

    def score(day: dt.date) -> tuple[float, dt.date]:
        hits = _coincidences(exprs, day, reference)
        hits += 2 * sum(
            any(_near_anniversary(day, written, years) for written in full) for years in years_after
        )
        return abs((day - reference).days) / 365 - hits, day

    return min(fitting, key=score)


def _near_anniversary(day: dt.date, written: dt.date, years: int) -> bool:
    target = _safe_date(written.year + years, written.month, written.day)
    return target is not None and abs((day - target).days) <= ANNIVERSARY_SLACK_DAYS


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _valid(expr: DateExpr) -> bool:
    return _safe_date(expr.year, expr.months[0], expr.day or 1) is not None


def _constrains(expr: DateExpr) -> bool:
    if expr.kind == "today" and expr.weekday is not None:
        return True
    if expr.kind != "absolute" or expr.year is not None or expr.garbled:
        return False
    return expr.year_shift == 0 or (expr.weekday is not None and expr.day is not None)


def _fits(expr: DateExpr, candidate: dt.date) -> bool:
    if expr.kind == "today":
        return (candidate + dt.timedelta(days=expr.amount)).weekday() == expr.weekday
    if expr.weekday is not None and expr.day is not None:
        if expr.pinned_offset is not None:
            day = candidate + dt.timedelta(days=expr.pinned_offset)
            return (day.month, day.day) == (expr.months[0], expr.day)
        for year in (candidate.year - 1, candidate.year, candidate.year + 1):
            near = _safe_date(year, expr.months[0], expr.day)
            if near and abs((near - candidate).days) <= PINNED_WINDOW_DAYS:
                return near.weekday() == expr.weekday
        return False
    if candidate.month != expr.months[0]:
        return False
    return expr.day is None or expr.day <= candidate.day


def _coincidences(exprs: list[DateExpr], candidate: dt.date, floor: dt.date) -> int:
    """Clues that agree with a candidate: weekdays falling on written dates, and dates said to
    be `last` (الماضي) that are not older than the latest dated fact in the text."""
    written = set()
    hits = 0
    for expr in exprs:
        if expr.kind == "absolute" and expr.day is not None:
            for resolved in resolve(expr, candidate):
                written.add(resolved.date)
                if expr.year is None and expr.year_shift == -1 and resolved.date >= floor:
                    hits += 1
    for expr in exprs:
        if expr.kind == "weekday" and any(r.date in written for r in resolve(expr, candidate)):
            hits += 1
    return hits
