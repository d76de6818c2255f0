"""Named periods of the conflict: filter presets and background bands on the timeline.

A presenter says "the 2020 war" or "the blockade", not two dates; the presets turn those names
into date ranges, and the same ranges are drawn behind the timeline so a reader sees where an
event falls. Labels live in data/ui_strings.json (`period.<id>`), the dates live here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

ALL = "all"
CUSTOM = "custom"


@dataclass(frozen=True)
class Period:
    """A named stretch of time; `None` at either end means open."""

    period_id: str
    start: dt.date | None
    end: dt.date | None
    band: bool  # drawn as a background band on the timeline


PERIODS: tuple[Period, ...] = (
    Period(ALL, None, None, band=False),
    Period("war2020", dt.date(2020, 9, 27), dt.date(2020, 11, 10), band=True),
    Period("ceasefire2021", dt.date(2021, 1, 1), dt.date(2021, 12, 31), band=True),
    Period("y2022", dt.date(2022, 1, 1), dt.date(2022, 12, 31), band=False),
    Period("blockade", dt.date(2022, 12, 1), dt.date(2023, 9, 30), band=True),
    # inside the blockade band: a preset for presenters, not a band of its own
    Period("sep2023", dt.date(2023, 9, 1), dt.date(2023, 9, 30), band=False),
    Period("after", dt.date(2023, 10, 1), None, band=True),
)
PERIOD_IDS: tuple[str, ...] = (*(period.period_id for period in PERIODS), CUSTOM)
_BY_ID = {period.period_id: period for period in PERIODS}


def period_range(
    period_id: str, start: dt.date | None = None, end: dt.date | None = None
) -> tuple[dt.date | None, dt.date | None]:
    """Date range of a preset; `custom` uses the given dates (ordered), unknown means all."""
    if period_id == CUSTOM:
        if start and end and end < start:
            start, end = end, start
        return start, end
    period = _BY_ID.get(period_id) or _BY_ID[ALL]
    return period.start, period.end


def bands() -> tuple[Period, ...]:
    """Periods drawn behind the timeline (they do not overlap)."""
    return tuple(period for period in PERIODS if period.band)
