"""The view as Knight Lab TimelineJS3 reads it.

TimelineJS3 (NUKnightLab/TimelineJS3, `src/js/core/TimelineConfig.js` and
`src/js/date/TLDate.js`): the root holds `events` (required), `title`, `eras` and `scale`;
a slide holds `start_date` (required), `end_date`, `text` {`headline`, `text`}, `group`,
`display_date`, `unique_id`. A date object holds `year` and optionally `month`, `day` and
`display_date`; TimelineJS picks its display format from the finest part present, so a month
event carries no `day` and a year event no `month`. `text` is HTML (TimelineJS sanitises it),
`group` and `display_date` are plain text (it strips their markup).
"""

from __future__ import annotations

import pandas as pd

from newsdesk.formats.shared import (
    SLIDE_LIMIT,
    Articles,
    Built,
    ExportView,
    dump_json,
    first_slides,
    slide_html,
    table_rows,
    text_in,
    view_line,
)
from newsdesk.language.strings import Strings
from newsdesk.view.event_dates import format_event_date, parse_date
from newsdesk.view.markup import esc
from newsdesk.view.names import Lookups
from newsdesk.view.periods import bands


def timeline_date(value: object, precision: str) -> dict[str, str] | None:
    """A TimelineJS date object as precise as the date is known: a day gives year, month and
    day; a week or a month gives year and month (TimelineJS has no week); a year gives the
    year alone. Strings, as in the TimelineJS documentation's examples."""
    date = parse_date(value)
    if date is None:
        return None
    if precision == "year":
        return {"year": str(date.year)}
    if precision == "day":
        return {"year": str(date.year), "month": str(date.month), "day": str(date.day)}
    return {"year": str(date.year), "month": str(date.month)}


def timelinejs_json(
    events: pd.DataFrame,
    lookups: Lookups,
    articles: Articles,
    strings: Strings,
    view: ExportView,
    limit: int = SLIDE_LIMIT,
) -> Built:
    """TimelineJS3 JSON of the view's first `limit` dated events (they come in date order)."""
    lang = view.lang
    dated = [row for row in table_rows(events) if parse_date(row["date"]) is not None]
    skipped = len(events) - len(dated)
    shown, capped = first_slides(dated, limit)
    slides = []
    for row in shown:
        precision = row["date_precision"]
        start = timeline_date(row["date"], precision)
        slide: dict[str, object] = {
            "unique_id": row["event_id"],
            "start_date": start,
            "text": {
                "headline": esc(text_in(row, "title", lang)),
                "text": slide_html(row, lookups, articles, strings, lang),
            },
            "group": strings.t(lang, f"type.{row['type']}"),
            "display_date": format_event_date(
                row["date"], precision, lang, row["date_end"], (), strings
            ),
        }
        end = parse_date(row["date_end"])
        if precision == "day" and end is not None and end > parse_date(row["date"]):
            slide["end_date"] = timeline_date(row["date_end"], "day")
        slides.append(slide)
    payload: dict[str, object] = {
        "title": {
            "text": {
                "headline": esc(view.title),
                "text": view_line(view, strings, len(slides)),
            }
        },
        "events": slides,
        "eras": _eras(strings, lang),
        "scale": "human",
    }
    return Built(dump_json(payload), len(slides), capped, skipped)


def _eras(strings: Strings, lang: str) -> list[dict[str, object]]:
    """The named periods with both ends (the timeline's background bands) as eras."""
    eras = []
    for band in bands():
        if band.start is None or band.end is None:
            continue
        eras.append(
            {
                "start_date": timeline_date(band.start.isoformat(), "day"),
                "end_date": timeline_date(band.end.isoformat(), "day"),
                "text": {"headline": esc(strings.t(lang, f"band.{band.period_id}"))},
            }
        )
    return eras
