"""The publication date of an article: stated in a dateline, or inferred from the text.

Many reports carry no date of their own but say `اليوم السبت` and `السادس من نيسان الجاري`;
the publication date is then the date, no earlier than the latest date written in full, that
fits every weekday and `الجاري` clue, preferring dates on which the weekdays the text names
fall on the dates it gives.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from newsdesk.dates import DateExpr, resolve

_DATELINE_PREFIX = re.compile(r"^[^\n]{0,60}$")
_DATELINE_WORDS = 8
SEARCH_DAYS = 2 * 366


@dataclass(frozen=True)
class Publication:
    date: dt.date | None
    basis: str  # stated, inferred, or "" when nothing in the text allows a date


def stated_date(first_sentences: list[tuple[str, list[DateExpr]]]) -> dt.date | None:
    """A full date at the head of one of the first lines, as in `موسكو، 20 يوليو 2021 —`."""
    for norm, exprs in first_sentences:
        for expr in exprs:
            if expr.kind != "absolute" or expr.day is None or expr.year is None or expr.garbled:
                continue
            prefix = norm[: expr.start]
            words = prefix.split()
            if (
                _DATELINE_PREFIX.match(prefix)
                and len(words) <= _DATELINE_WORDS
                and "في" not in words
            ):
                return dt.date(expr.year, expr.months[0], expr.day)
    return None


def infer_date(exprs: list[DateExpr]) -> dt.date | None:
    """The most plausible publication date given every date expression of the article."""
    full = [
        dt.date(e.year, e.months[0], e.day or 1)
        for e in exprs
        if e.kind == "absolute" and e.year is not None and not e.garbled and _valid(e)
    ]
    years = [e.year for e in exprs if e.kind == "year"]
    if not full and not years:
        return None
    floor = max(full) if full else dt.date(max(years), 1, 1)
    constrained = [e for e in exprs if _constrains(e)]
    if not constrained:
        return floor
    best: tuple[float, dt.date] | None = None
    for offset in range(SEARCH_DAYS):
        candidate = floor + dt.timedelta(days=offset)
        if not all(_fits(e, candidate) for e in constrained):
            continue
        score = offset / 365 - _coincidences(exprs, candidate)
        if best is None or score < best[0]:
            best = (score, candidate)
    return best[1] if best else floor


def _valid(expr: DateExpr) -> bool:
    try:
        dt.date(expr.year, expr.months[0], expr.day or 1)
    except ValueError:
        return False
    return True


def _constrains(expr: DateExpr) -> bool:
    if expr.kind == "today" and expr.weekday is not None:
        return True
    return expr.kind == "absolute" and expr.year is None and expr.year_shift == 0


def _fits(expr: DateExpr, candidate: dt.date) -> bool:
    if expr.kind == "today":
        return (candidate + dt.timedelta(days=expr.amount)).weekday() == expr.weekday
    if candidate.month != expr.months[0]:
        return False
    return expr.day is None or expr.day <= candidate.day


def _coincidences(exprs: list[DateExpr], candidate: dt.date) -> int:
    """How many weekday-only mentions fall on a date the text also gives in full."""
    written = set()
    for expr in exprs:
        if expr.kind == "absolute" and expr.day is not None:
            for resolved in resolve(expr, candidate):
                written.add(resolved.date)
    hits = 0
    for expr in exprs:
        if expr.kind == "weekday" and any(r.date in written for r in resolve(expr, candidate)):
            hits += 1
    return hits
