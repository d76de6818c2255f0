"""What pages ask of the prepared events: the events in a view, the key events, the events
related to one, and counts per month or week. Each is a few vectorised masks or a binary
search over the prepared columns, and copies only the rows or columns it returns.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from newsdesk.language.arabic import normalize
from newsdesk.view.prepared import PREPARED, SEARCH_NAMES, PreparedEvents, RowIndex
from newsdesk.view.url_state import Filters


def _any_member(padded: pd.Series, ids: Iterable[str]) -> np.ndarray:
    """Rows whose padded id list holds any of `ids` (one regex scan, however many ids)."""
    ids = [item for item in ids if item]
    if not ids:
        return np.zeros(len(padded), dtype=bool)
    pattern = ";(?:" + "|".join(re.escape(item) for item in ids) + ");"
    return padded.str.contains(pattern, regex=True).to_numpy(dtype=bool, copy=True)


def _member_mask(prepared: pd.DataFrame, column: str, ids: Iterable[str]) -> np.ndarray:
    """`_any_member` over a column of the prepared frame, by its row index when it has one."""
    index = RowIndex.of(prepared)
    if index is None:
        return _any_member(prepared[column], ids)
    mask = np.zeros(len(prepared), dtype=bool)
    mask[index.rows(column, ids)] = True
    return mask


def _term_mask(prepared: pd.DataFrame, term: str) -> np.ndarray:
    """Rows whose titles or summaries contain `term`, or one of whose people, place or topics
    has a name containing it."""
    mask = prepared[PREPARED.search].str.contains(term, regex=False).to_numpy(dtype=bool, copy=True)
    names: Mapping[str, str] = prepared.attrs.get(SEARCH_NAMES, {})
    ids = [key for key, text in names.items() if term in text]
    if ids:
        mask |= _member_mask(prepared, PREPARED.people, ids)
        mask |= _member_mask(prepared, PREPARED.topics, ids)
        mask |= prepared["place_id"].isin(ids).to_numpy(dtype=bool)
    return mask


def filter_events(prepared: PreparedEvents, filters: Filters) -> PreparedEvents:
    """The prepared events in the view, in date order (undated last), then id."""
    if prepared.empty:
        return prepared
    mask = np.ones(len(prepared), dtype=bool)
    start, end = filters.date_range()
    if start is not None:
        mask &= (prepared[PREPARED.end] >= pd.Timestamp(start)).to_numpy(dtype=bool)
    if end is not None:
        mask &= (prepared[PREPARED.start] <= pd.Timestamp(end)).to_numpy(dtype=bool)
    if filters.types:
        mask &= prepared["type"].isin(filters.types).to_numpy(dtype=bool)
    if filters.statuses:
        mask &= prepared["status"].isin(filters.statuses).to_numpy(dtype=bool)
    if filters.places:
        mask &= prepared["place_id"].isin(filters.places).to_numpy(dtype=bool)
    if filters.actors:
        mask &= _member_mask(prepared, PREPARED.people, filters.actors)
    if filters.topics:
        mask &= _member_mask(prepared, PREPARED.topics, filters.topics)
    for term in normalize(filters.query).split():
        if not mask.any():
            break
        mask &= _term_mask(prepared, term)
    if mask.all():
        return prepared
    return PreparedEvents(prepared[mask])


def key_events(filtered: PreparedEvents, limit: int = 5) -> PreparedEvents:
    """The events reported by most sources (then earliest): the ones worth a card on Home.

    Only the rows that can make the top `limit` (as many sources as the `limit`-th best, found
    by a partial sort of the counts) are sorted: sorting and copying all 800,000 events of a
    wide view took most of the Home page's time."""
    if filtered.empty:
        return filtered
    counts = filtered[PREPARED.n_sources].to_numpy()
    if len(counts) > limit > 0:
        floor = np.partition(counts, len(counts) - limit)[len(counts) - limit]
        filtered = filtered[counts >= floor]
    ranked = filtered.assign(_neg=-filtered[PREPARED.n_sources])
    order = ["_neg", PREPARED.date, "event_id"]
    ranked = ranked.sort_values(order, na_position="last", kind="stable")
    return PreparedEvents(ranked.drop(columns="_neg").head(limit))


def related_events(
    prepared: PreparedEvents,
    event: str | Mapping[str, object],
    days: int = 30,
    columns: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Other events that share a participant and whose date is within `days` of this one.

    `event` is an event id or a prepared row (a card has the row: no lookup by id). The
    prepared events are in date order, so the window is found by binary search: a card costs
    the same on 100,000 events as on 100. `columns`: only these columns of the related events
    (a card links a few fields of each; copying all thirty cost more than finding them).
    """
    if isinstance(event, str):
        rows = prepared[prepared["event_id"] == event]
        if rows.empty:
            return prepared.iloc[0:0]
        row = rows.iloc[0]
    else:
        row = event
    event_id = row["event_id"]
    people = [p for p in row[PREPARED.people].strip(";").split(";") if p]
    if not people or pd.isna(row[PREPARED.date]):
        return prepared.iloc[0:0]
    index = RowIndex.of(prepared)
    if index is not None:  # in date order by construction: binary search per person
        dates = prepared[PREPARED.date].to_numpy()[: index.n_dated]
        lo = np.datetime64(row[PREPARED.date] - pd.Timedelta(days=days))
        hi = np.datetime64(row[PREPARED.date] + pd.Timedelta(days=days))
        first, last = np.searchsorted(dates, lo, "left"), np.searchsorted(dates, hi, "right")
        found = []
        for person in people:
            rows = index.positions[PREPARED.people].get(person)
            if rows is not None:
                found.append(rows[np.searchsorted(rows, first) : np.searchsorted(rows, last)])
        rows = np.unique(np.concatenate(found)) if found else np.zeros(0, dtype=np.int64)
        rows = rows[(prepared["event_id"].iloc[rows] != event_id).to_numpy(dtype=bool)]
        return (prepared if columns is None else prepared[list(columns)]).iloc[rows]
    dates = prepared[PREPARED.date]
    dated = int(dates.notna().sum())
    head = dates.iloc[:dated]
    values = head.to_numpy()
    ordered = bool(head.notna().all() and head.is_monotonic_increasing)
    if ordered:
        lo = np.searchsorted(
            values, (row[PREPARED.date] - pd.Timedelta(days=days)).to_datetime64(), "left"
        )
        hi = np.searchsorted(
            values, (row[PREPARED.date] + pd.Timedelta(days=days)).to_datetime64(), "right"
        )
        candidates = prepared.iloc[lo:hi]
    else:  # not in date order (a hand-made frame): scan it all
        near = (dates - row[PREPARED.date]).abs() <= pd.Timedelta(days=days)
        candidates = prepared[near.to_numpy(dtype=bool)]
    keep = _any_member(candidates[PREPARED.people], people)
    keep &= (candidates["event_id"] != event_id).to_numpy(dtype=bool)
    related = candidates[keep]
    if not ordered:
        related = related.sort_values([PREPARED.date, "event_id"], kind="stable")
    return related if columns is None else related[list(columns)]


def counts_per_period(filtered: PreparedEvents, freq: str = "M") -> pd.DataFrame:
    """Counts per type per month (`M`) or week (`W`, from Monday), on the best date: columns
    period, type, n, in order of period then type.

    Computed on numpy arrays (months and Mondays by datetime64 arithmetic, one `np.unique` over
    a period-and-type key): no copy of the filtered frame and no pandas Periods, which took a
    third of a second at 800,000 events."""
    dates = filtered[PREPARED.date].to_numpy(dtype="datetime64[ns]")
    known = ~np.isnat(dates)
    if not known.any():
        return pd.DataFrame({"period": pd.Series(dtype="datetime64[ns]"), "type": [], "n": []})
    days = dates[known].astype("datetime64[D]")
    if freq == "W":
        # 1970-01-01 was a Thursday: step back to the Monday that starts each week
        starts = days - (days.astype(np.int64) + 3) % 7
    else:
        starts = days.astype("datetime64[M]").astype("datetime64[D]")
    codes, kinds = pd.factorize(filtered["type"].to_numpy(dtype=object)[known], sort=True)
    width = max(len(kinds), 1)
    keys, n = np.unique(starts.astype(np.int64) * width + codes, return_counts=True)
    return pd.DataFrame(
        {
            "period": (keys // width).astype("datetime64[D]").astype("datetime64[us]"),
            "type": np.asarray(kinds, dtype=object)[keys % width],
            "n": n.astype(np.int64),
        }
    )
