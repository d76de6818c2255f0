"""The publication date of an article: stated in a dateline, or inferred where the text pins it.

A wrong publication date is worse than none: every relative date of the article (`أمس`,
`الشهر الماضي`) moves with it, some by decades. So a date is inferred only from clues that tie the
report to a day (`publication_clues`): a date told as yesterday's or last Tuesday's
(`أمس السبت، 15 تموز`), a date beside a weekday, `الجاري` with a month, an anniversary, a
`near` phrase; never from history (`منذ 1991`), a document's date, a deadline or a bare year.
When the clues leave more than one day, or give a day outside the years the text reports on, the
article gets no date and a reason the build reports.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from newsdesk.language.word_classes import words
from newsdesk.pipeline.date_context import date_contexts
from newsdesk.pipeline.date_phrases import DateExpr
from newsdesk.pipeline.gazetteer import form_in
from newsdesk.pipeline.publication_clues import (
    Clue,
    coincidences,
    current_month_ahead,
    fits_today,
    report_years,
    safe_date,
    search_years,
    tie_days,
    told_ahead,
    written_dates,
)

_DATELINE_PREFIX = re.compile(r"^[^\n]{0,60}$")
_DATELINE_WORDS = 8
_TIMED_AGAINST_WORDS = 4  # `بعد أسبوع من الذكرى`, `قبل أيام قليلة من مرور عام`
TEMPORAL_WORDS = words("temporal_word")
# a dateline's date stands at the start of its line or after a place or an agency and a
# separator (`موسكو، `, `(يريفان - `), and is followed by the end of the line or a separator
_DATELINE_OPENS = re.compile(r"(?:^|[،,(\-–—:])\s*$")
_DATELINE_CLOSES = re.compile(r"^\s*(?:$|[\-–—):،,])")

NO_CLUE = "no dateline, and no weekday with a dated event nearby"
NO_WEEKDAY = "no dateline, and no weekday given for today or yesterday (`اليوم الاثنين`)"
NO_DAY_FITS = "no dateline, and no day fits every date and weekday the text gives"


@dataclass(frozen=True)
class Publication:
    date: dt.date | None
    basis: str  # metadata, stated, inferred, or "" when nothing allows a date
    reason: str = ""  # why there is no date, for the build report


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
            if not _is_dateline(norm, expr, exprs):
                continue
            options = [d for d in (safe_date(expr.year, m, expr.day) for m in expr.months) if d]
            today = [e for e in all_exprs if e.kind == "today" and e.weekday is not None]
            fitting = [d for d in options if all(fits_today(e, d) for e in today)]
            chosen = (fitting or options)[:1]
            if chosen:
                return chosen[0]
    return None


def _is_dateline(norm: str, expr: DateExpr, exprs: list[DateExpr]) -> bool:
    """`(بروكسل - 15 كانون الأول 2021)`, `الاثنين 20 أيار 2024` alone on its line; not a date
    inside a headline (`علييف: لن ننسى 27 أيلول 2020`) or a sentence (`في 10 نوفمبر 2020`)."""
    weekday = [e for e in exprs if e.kind == "weekday" and e.end <= expr.start]
    start = weekday[-1].start if weekday and expr.weekday is not None else expr.start
    prefix = norm[:start]
    words = norm[: expr.start].split()
    return bool(
        _DATELINE_PREFIX.match(prefix)
        and len(words) <= _DATELINE_WORDS
        and "في" not in words
        and _DATELINE_OPENS.search(prefix)
        and _DATELINE_CLOSES.match(norm[expr.end :])
    )


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


def anniversaries(norm_text: str) -> list[int]:
    """`بمناسبة مرور عام على توقيع البيان`: how many years after a dated event the report is.
    Not an anniversary the report is timed against (`بعد أسبوع من الذكرى الأولى`): the report
    is then some time off it, and a tie to the anniversary's days would date it wrong."""
    return [
        _ANNIVERSARY_YEARS[m.group("n")]
        for m in _ANNIVERSARY.finditer(norm_text)
        if not _timed_against(norm_text[: m.start()])
    ]


def _timed_against(before: str) -> bool:
    """The few words before an anniversary say the report is before or after it."""
    words = before.split()[-_TIMED_AGAINST_WORDS:]
    return any(form_in(word, TEMPORAL_WORDS) for word in words)  # `بعد`, `وبعد`


def infer_date(
    sentences: list[tuple[str, list[DateExpr]]], years_after: list[int] = ()
) -> Publication:
    """The one day the text pins, from every normalised sentence and its date expressions.

    Each clue that ties the report to days (`tie_days`) narrows the days it can be; the
    weekdays the text gives for today must fall on it, and it is neither before a date the text
    writes in full as past nor just before a yearless one it tells as past (`told_ahead`). Of
    several days left, the one on which the most weekdays the text names fall on dates it
    writes out wins; a draw leaves the article undated.
    """
    clues = [
        Clue(expr, context)
        for norm, exprs in sentences
        for expr, context in zip(exprs, date_contexts(norm, exprs), strict=True)
    ]
    written = written_dates(clues)
    reported = report_years(written)
    ties = tie_days(clues, written, years_after, search_years(reported))
    if not ties:
        return Publication(None, "", NO_CLUE)
    past = [day for clue, day in written if clue.context.kind != "future"]
    floor = max(past, default=dt.date.min)
    today = [c.expr for c in clues if c.expr.kind == "today" and c.expr.weekday is not None]
    if not today:  # every clue above ties the report to a span; only a weekday pins its day
        return Publication(None, "", NO_WEEKDAY)
    fitting = sorted(
        day
        for day in set.intersection(*ties)
        if day >= floor
        and all(fits_today(expr, day) for expr in today)
        and not told_ahead(clues, day)
    )
    if not fitting:
        return Publication(None, "", NO_DAY_FITS)
    fitting = [day for day in fitting if not current_month_ahead(clues, day)] or fitting
    # a weekday falling on a date the text plans (`كان مقررا في العشرين`) tells nothing
    exprs = [clue.expr for clue in clues if clue.context.kind != "future"]
    hits = {day: coincidences(exprs, day) for day in fitting}
    best = [day for day in fitting if hits[day] == max(hits.values())]
    if len(best) > 1:
        days = ", ".join(day.isoformat() for day in best[:4])
        return Publication(None, "", f"no dateline, and the text fits several days ({days})")
    day = best[0]
    if day.year not in reported:
        years = f"{min(reported)}-{max(reported)}"
        return Publication(
            None, "", f"inferred {day} but it is outside the years the text reports on ({years})"
        )
    return Publication(day, "inferred")
