"""The view a reader chose, as data that fits in a URL.

A view is a `Filters` value. `parse_params` reads it from URL query parameters and `to_params`
writes it back, so a link reproduces the exact view and pages can hand it on. Anything invalid
in a link falls back to its default, never an error: a link typed by hand or made before a
rebuild must still open.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from newsdesk.contract.schema import EVENT_TYPES, STATUSES
from newsdesk.view.periods import ALL, CUSTOM, PERIOD_IDS, period_range

DEFAULT_STATUSES: tuple[str, ...] = ("happened",)


ANY_STATUS = "any"  # URL value for "no status filter" (an empty list cannot be put in a URL)


# URL parameter names of the shared filters (page-specific parameters such as `event` are not
# filters and are not handed on by the menu).
FILTER_PARAMS: tuple[str, ...] = (
    "period",
    "from",
    "to",
    "type",
    "actor",
    "place",
    "topic",
    "status",
    "q",
)


@dataclass(frozen=True)
class Filters:
    """One view of the events. Empty tuples mean "no restriction"."""

    period: str = ALL
    start: dt.date | None = None  # only for period == "custom"
    end: dt.date | None = None
    types: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    statuses: tuple[str, ...] = DEFAULT_STATUSES
    query: str = ""

    def date_range(self) -> tuple[dt.date | None, dt.date | None]:
        return period_range(self.period, self.start, self.end)


@dataclass(frozen=True)
class Vocabulary:
    """Ids a URL may name; `None` accepts any id (used before the tables are loaded)."""

    actors: frozenset[str] | None = None
    places: frozenset[str] | None = None
    topics: frozenset[str] | None = None
    types: frozenset[str] = field(default_factory=lambda: frozenset(EVENT_TYPES))
    statuses: frozenset[str] = field(default_factory=lambda: frozenset(STATUSES))


def _values(params: Mapping[str, str | list[str]], key: str) -> list[str]:
    value = params.get(key)
    if value is None:
        return []
    items = [value] if isinstance(value, str) else list(value)
    return [item.strip() for item in items]


def _ids(values: Iterable[str], allowed: frozenset[str] | None) -> tuple[str, ...]:
    """Known ids in first-seen order; unknown ids from an old or edited link are dropped."""
    seen = dict.fromkeys(v for v in values if v and (allowed is None or v in allowed))
    return tuple(seen)


def _iso(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def parse_params(
    params: Mapping[str, str | list[str]], vocabulary: Vocabulary | None = None
) -> Filters:
    """The view a URL describes. Anything invalid falls back to its default, never an error:
    a link typed by hand or made before a rebuild must still open."""
    vocab = vocabulary or Vocabulary()
    periods = _values(params, "period")
    period = periods[0] if periods and periods[0] in PERIOD_IDS else ALL
    start = end = None
    if period == CUSTOM:
        froms, tos = _values(params, "from"), _values(params, "to")
        start = _iso(froms[0]) if froms else None
        end = _iso(tos[0]) if tos else None
        if start and end and end < start:
            start, end = end, start
    status_values = _values(params, "status")
    if "status" not in params:
        statuses = DEFAULT_STATUSES
    elif ANY_STATUS in status_values:
        statuses = ()
    else:
        statuses = _ids(status_values, vocab.statuses) or DEFAULT_STATUSES
    queries = _values(params, "q")
    return Filters(
        period=period,
        start=start,
        end=end,
        types=_ids(_values(params, "type"), vocab.types),
        actors=_ids(_values(params, "actor"), vocab.actors),
        places=_ids(_values(params, "place"), vocab.places),
        topics=_ids(_values(params, "topic"), vocab.topics),
        statuses=statuses,
        query=queries[0][:200] if queries else "",
    )


def to_params(filters: Filters) -> dict[str, str | list[str]]:
    """URL parameters of a view; defaults are left out so links stay short."""
    params: dict[str, str | list[str]] = {}
    if filters.period != ALL:
        params["period"] = filters.period
    if filters.period == CUSTOM:
        if filters.start:
            params["from"] = filters.start.isoformat()
        if filters.end:
            params["to"] = filters.end.isoformat()
    for key, values in (
        ("type", filters.types),
        ("actor", filters.actors),
        ("place", filters.places),
        ("topic", filters.topics),
    ):
        if values:
            params[key] = list(values)
    if tuple(filters.statuses) != DEFAULT_STATUSES:
        params["status"] = list(filters.statuses) if filters.statuses else ANY_STATUS
    if filters.query.strip():
        params["q"] = filters.query.strip()
    return params
