"""An event's date as a card writes it: as precisely as it is known, with every day the sources
give when they disagree, and never a day where only a month is known.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

import pandas as pd

from newsdesk.contract.schema import PRECISIONS
from newsdesk.contract.tables import split_list
from newsdesk.language.dates import format_date
from newsdesk.language.strings import Strings, load_strings


def parse_date(value: object) -> dt.date | None:
    """An ISO date from a table cell, or None (empty, malformed or impossible dates)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


def safe_precision(precision: str) -> str:
    """Unknown precisions read as a month: better vague than a false day."""
    return precision if precision in PRECISIONS else "month"


def format_event_date(
    date: object,
    precision: str,
    lang: str,
    date_end: object = "",
    conflict: Iterable[tuple[object, str]] = (),
    strings: Strings | None = None,
) -> str:
    """The date as precisely as it is known, in `lang`.

    `conflict`: (date, precision) pairs the sources give when they disagree (flag
    date_conflict); all distinct ones are shown ("9 or 10 November 2020").
    """
    strings = strings or load_strings()
    best = parse_date(date)
    if best is None:
        return strings.t(lang, "date.unknown")
    precision = safe_precision(precision)
    alternatives = _distinct_dates(conflict)
    if len(alternatives) > 1:
        if all(p == "day" for _, p in alternatives):
            days = [d for d, _ in alternatives]
            return format_date(days[0], "day", lang, tuple(days[1:]))
        word = " أو " if lang == "ar" else " or "
        texts = list(dict.fromkeys(format_date(d, p, lang) for d, p in alternatives))
        return word.join(texts)
    end = parse_date(date_end)
    if precision == "day" and end is not None and end > best:
        if (end.year, end.month) == (best.year, best.month):
            tail = format_date(end, "day", lang)
            return f"{best.day}–{tail}"
        return f"{format_date(best, 'day', lang)} – {format_date(end, 'day', lang)}"
    return format_date(best, precision, lang)


def _distinct_dates(pairs: Iterable[tuple[object, str]]) -> list[tuple[dt.date, str]]:
    found: dict[tuple[dt.date, str], None] = {}
    for value, precision in pairs:
        parsed = parse_date(value)
        if parsed is not None:
            found[(parsed, safe_precision(precision))] = None
    # A day-precise mention makes a coarser mention of the same month redundant.
    days = {(d.year, d.month) for d, p in found if p == "day"}
    kept = [(d, p) for d, p in found if p == "day" or (d.year, d.month) not in days]
    return sorted(kept)


def conflict_dates(event: Mapping[str, str], mentions: pd.DataFrame) -> list[tuple[str, str]]:
    """(date, precision) of each mention when the event is flagged date_conflict, else []."""
    if "date_conflict" not in split_list(event.get("flags", "")) or mentions.empty:
        return []
    return list(
        zip(mentions["date"].astype(str), mentions["date_precision"].astype(str), strict=True)
    )


def event_date_text(
    event: Mapping[str, str], mentions: pd.DataFrame, lang: str, strings: Strings | None = None
) -> str:
    """The card's date line for one event row and its mentions."""
    return format_event_date(
        event.get("date", ""),
        event.get("date_precision", ""),
        lang,
        event.get("date_end", ""),
        conflict_dates(event, mentions),
        strings,
    )


def date_labels(frame: pd.DataFrame, lang: str, strings: Strings | None = None) -> pd.Series:
    """format_event_date for every row (without conflict alternatives), computed once per
    distinct (date, precision, end): the same words as the cards, at column speed."""
    if frame.empty:
        return pd.Series([], index=frame.index, dtype="str")
    parts = [frame[c].fillna("").astype(str) for c in ("date", "date_precision", "date_end")]
    keys = parts[0] + "|" + parts[1] + "|" + parts[2]
    labels = {}
    for key in keys.unique():
        date, precision, end = str(key).split("|")
        labels[key] = format_event_date(date, precision, lang, end, (), strings)
    return keys.map(labels).astype("str")
