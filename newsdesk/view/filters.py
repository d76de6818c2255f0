"""Filtering the published events: the view a reader chose, as data that fits in a URL.

A view is a `Filters` value. `parse_params` reads it from URL query parameters and `to_params`
writes it back, so a link reproduces the exact view and pages can hand it on. `prepare_events`
builds, once per data version, the columns that make filtering 100,000 events fast (parsed date
spans, padded id lists, a normalised search text); `filter_events` is then a few vectorised masks.

Dates: an event is in a period when the span its date may cover (a day, a third of a month, a
month, a year, see `date_spans`) overlaps the period, so an event known only as "November 2020"
is not hidden from a view of the 2020 war.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from newsdesk.contract.schema import EVENT_TYPES, STATUSES
from newsdesk.language.arabic import normalize
from newsdesk.language.dates import MONTH_PARTS
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


# --- prepared events -------------------------------------------------------------------------


def _padded(column: pd.Series) -> pd.Series:
    """`a;b` -> `;a;b;` so that membership of id `a` is a plain substring test for `;a;`."""
    cleaned = column.fillna("").astype(str).str.replace(r"\s*;\s*", ";", regex=True).str.strip()
    return ";" + cleaned + ";"


def date_spans(
    dates: pd.Series, precisions: pd.Series, date_ends: pd.Series | None = None
) -> tuple[pd.Series, pd.Series, pd.Series]:
    """Best date and first/last day the event may fall on, given its precision.

    day: the day (to date_end for multi-day events); week: the third of the month the label
    names (early 1-10, mid 11-20, late 21-end); month: the month; year: the year. An unknown
    precision is treated as a month, so no false day is ever implied. Invalid dates are NaT.
    """
    best = pd.to_datetime(dates.fillna(""), format="%Y-%m-%d", errors="coerce")
    precision = precisions.fillna("").astype(str).to_numpy()
    day = best.dt.day.to_numpy()
    month_start = best.dt.to_period("M").dt.start_time
    month_end = best.dt.to_period("M").dt.end_time.dt.normalize()
    year_start = best.dt.to_period("Y").dt.start_time
    year_end = best.dt.to_period("Y").dt.end_time.dt.normalize()
    first_day = np.ones(len(day), dtype=np.int64)
    last_day = np.full(len(day), 31, dtype=np.int64)
    for part in reversed(MONTH_PARTS):  # the earliest part that can hold the day wins
        holds = day <= part.last_day
        first_day = np.where(holds, part.first_day, first_day)
        last_day = np.where(holds, part.last_day, last_day)
    week_start = month_start + pd.to_timedelta(first_day - 1, unit="D")
    week_end = (month_start + pd.to_timedelta(last_day - 1, unit="D")).where(
        last_day < 28, month_end
    )
    day_end = best
    if date_ends is not None:
        ends = pd.to_datetime(date_ends.fillna(""), format="%Y-%m-%d", errors="coerce")
        day_end = ends.where(ends > best, best)
    is_day = precision == "day"
    is_week = precision == "week"
    is_year = precision == "year"
    start = pd.Series(
        np.select(
            [is_day, is_week, is_year],
            [best.to_numpy(), week_start.to_numpy(), year_start.to_numpy()],
            month_start.to_numpy(),
        ),
        index=best.index,
    )
    end = pd.Series(
        np.select(
            [is_day, is_week, is_year],
            [day_end.to_numpy(), week_end.to_numpy(), year_end.to_numpy()],
            month_end.to_numpy(),
        ),
        index=best.index,
    )
    return best, pd.to_datetime(start), pd.to_datetime(end)


def normalize_many(texts: Iterable[str]) -> list[str]:
    """`normalize` over many texts (the search index of every event)."""
    return [normalize(text) for text in texts]


SEARCH_COLUMNS = ("title_en", "title_ar", "summary_en", "summary_ar", "type")
SEARCH_CHUNK = 50_000


def _search_text(frame: pd.DataFrame) -> pd.Series:
    """The normalised titles, summaries and type of every event, built 50,000 events at a time
    into Arrow chunks: the Python strings of a million events at once took a gigabyte."""
    chunks = [pa.array([], type=pa.large_string())]
    for first in range(0, len(frame), SEARCH_CHUNK):
        block = frame.iloc[first : first + SEARCH_CHUNK]
        cells = [block[column].fillna("").astype(str).tolist() for column in SEARCH_COLUMNS]
        joined = [" ".join(values) for values in zip(*cells, strict=True)]
        chunks.append(pa.array(normalize_many(joined), type=pa.large_string()))
    text = pa.chunked_array(chunks, type=pa.large_string())
    return pd.Series(pd.array(text, dtype="str"), index=frame.index)


SEARCH_NAMES = "search_names"  # prepared.attrs key: id -> normalised names and aliases


class _SharedNames(dict):
    """The names kept in `attrs`. pandas deep-copies `attrs` into every derived frame; this
    read-only table is shared instead (a copy per operation cost 10 ms on 100,000 events)."""

    def __deepcopy__(self, memo: dict) -> _SharedNames:
        return self


def prepare_events(
    events: pd.DataFrame,
    names: Mapping[str, Iterable[str]] | None = None,
    mentions: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Events plus the helper columns filtering needs (all prefixed `_`), sorted by date.

    `names` maps an actor, place or topic id to the names a reader may search for (both
    languages); they are normalised once per id and kept in `attrs`, so the search text of each
    event holds only its own titles and summaries (a third of the size, and of the time).

    `mentions`: when the sources disagree on the date (flag date_conflict), the event's span
    covers every date its mentions give and it is not `_exact`: "9 or 10 November" is neither
    day, so it is filtered as both and drawn as a span, not as a dot on one of them.
    """
    # a new frame over the same columns (copy-on-write): adding columns never touches `events`,
    # and the one full copy is the reordering below (a copy first and a sort last made three
    # copies of a million events at once)
    frame = events.reset_index(drop=True)
    for column in (
        "date",
        "date_end",
        "date_precision",
        "participants",
        "initiator",
        "topics",
        "flags",
    ):
        if column not in frame:
            frame[column] = ""
    best, start, end = date_spans(frame["date"], frame["date_precision"], frame["date_end"])
    frame["_date"] = best
    frame["_start"] = start
    frame["_end"] = end
    conflict = frame["flags"].fillna("").astype(str).str.contains("date_conflict", regex=False)
    frame["_exact"] = (frame["date_precision"] == "day").to_numpy(dtype=bool) & ~conflict.to_numpy(
        dtype=bool
    )
    if mentions is not None and not mentions.empty and conflict.any():
        _widen_conflicts(frame, conflict.to_numpy(dtype=bool), mentions)
    participants = frame["participants"].fillna("").astype(str)
    initiator = frame["initiator"].fillna("").astype(str)
    frame["_people"] = _padded(participants + ";" + initiator)
    frame["_topics"] = _padded(frame["topics"])
    frame["_n"] = pd.to_numeric(frame["n_sources"], errors="coerce").fillna(0).astype(int)
    keys = pd.DataFrame({"_date": frame["_date"], "event_id": frame["event_id"]})
    order = keys.sort_values(["_date", "event_id"], na_position="last", kind="stable").index
    frame = frame.take(order.to_numpy()).reset_index(drop=True)
    # Text columns stay as read, Arrow strings (pandas 3's `str`), not Python objects: under
    # half the memory (1.7 GB -> 0.75 GB at a million events), for a dearer copy of the widest
    # views (all 80,000 happened events of 100,000: 30 -> 70 ms; see README, Speed at scale).
    frame["_search"] = _search_text(frame)
    frame.attrs[SEARCH_NAMES] = _SharedNames(
        {key: normalize_many([" ".join(values)])[0] for key, values in (names or {}).items()}
    )
    frame.attrs[ROW_INDEX] = _RowIndex(frame)
    return frame


ROW_INDEX = "row_index"  # prepared.attrs key: where each person and topic occurs


class _RowIndex:
    """Where each person and topic occurs in one prepared frame (sorted row positions per id),
    and how many of its rows are dated (they come first, in date order).

    A person filter then sets the rows of that person instead of running a regular expression
    over every event (300 ms at a million), and a card's related events are found by binary
    search. It is valid for the frame it was built for only: `of` hands it out while the frame
    still holds the very `_people` array it indexed. Anything derived (a filtered view, a
    reordered copy, a frame with new columns assigned) has other arrays and is answered by the
    scans, as before. Shared, not copied, into derived frames' `attrs` (see `_SharedNames`)."""

    def __init__(self, frame: pd.DataFrame) -> None:
        self._source = frame["_people"].array
        self.n_dated = int(frame["_date"].notna().sum())
        self.positions = {column: _positions(frame[column]) for column in ("_people", "_topics")}

    def __deepcopy__(self, memo: dict) -> _RowIndex:
        return self

    @staticmethod
    def of(frame: pd.DataFrame) -> _RowIndex | None:
        index = frame.attrs.get(ROW_INDEX)
        if isinstance(index, _RowIndex) and "_people" in frame:
            return index if frame["_people"].array is index._source else None
        return None

    def rows(self, column: str, ids: Iterable[str]) -> np.ndarray:
        """Sorted positions of the rows whose `column` list holds any of `ids`."""
        found = [self.positions[column].get(item) for item in ids if item]
        found = [rows for rows in found if rows is not None]
        if not found:
            return np.zeros(0, dtype=np.int64)
        return found[0] if len(found) == 1 else np.unique(np.concatenate(found))


def _positions(padded: pd.Series) -> dict[str, np.ndarray]:
    """id -> sorted row positions, from a padded `;a;b;` column (Arrow kernels throughout)."""
    values = pa.array(padded.fillna(""), type=pa.large_string())
    if isinstance(values, pa.ChunkedArray):
        values = values.combine_chunks()
    lists = pc.split_pattern(values, ";")
    parents = pc.list_parent_indices(lists).to_numpy()
    tokens = pc.list_flatten(lists)
    keep = pc.not_equal(tokens, "").to_numpy(zero_copy_only=False)
    encoded = pc.dictionary_encode(tokens.filter(pa.array(keep)))
    ids = encoded.dictionary.to_pylist()
    codes = encoded.indices.to_numpy(zero_copy_only=False).astype(np.int64)
    n_rows = max(len(padded), 1)
    keys = np.unique(codes * n_rows + parents[keep])  # sorted by id, then row; no repeats
    rows = keys % n_rows
    bounds = np.searchsorted(keys // n_rows, np.arange(len(ids) + 1))
    return {item: rows[bounds[i] : bounds[i + 1]] for i, item in enumerate(ids)}


def index_mentions(prepared: pd.DataFrame, mentions: pd.DataFrame) -> pd.DataFrame:
    """The mentions reordered to follow the prepared events; adds to `prepared` (a frame just
    built by `prepare_events`, not yet shared) the columns `_m0`, `_m1`: the slice of each
    event's mentions in the returned frame, in their original order.

    A card then finds its mentions in constant time (`event_mentions`) instead of comparing
    every one of 1,500,000 mention rows (20 ms a card at a million events). Mentions of events
    that are not published stay, after all the others, so per-article views still see them;
    their index labels are kept, so `sort_index()` gives the table's own order back."""
    n_events = len(prepared)
    if mentions.empty:
        prepared["_m0"] = np.zeros(n_events, dtype=np.int64)
        prepared["_m1"] = np.zeros(n_events, dtype=np.int64)
        return mentions
    positions = pd.Index(prepared["event_id"]).get_indexer(mentions["event_id"])
    positions = np.where(positions < 0, n_events, positions)
    order = np.argsort(positions, kind="stable")
    counts = np.bincount(positions, minlength=n_events + 1)[:n_events]
    ends = np.cumsum(counts)
    prepared["_m0"] = ends - counts
    prepared["_m1"] = ends
    return mentions.take(order)


def event_mentions(mentions: pd.DataFrame, event: Mapping[str, object]) -> pd.DataFrame:
    """The mentions of one event row: by its `_m0`/`_m1` slice when `mentions` is the frame
    `index_mentions` returned for the events the row comes from, else by comparing ids."""
    if mentions.empty:
        return mentions
    if "_m0" in event and "_m1" in event:
        return mentions.iloc[int(event["_m0"]) : int(event["_m1"])]
    return mentions[mentions["event_id"] == event["event_id"]]


def _widen_conflicts(frame: pd.DataFrame, conflict: np.ndarray, mentions: pd.DataFrame) -> None:
    """Stretch each conflicting event's span over the spans of its mentions' dates."""
    ids = set(frame.loc[conflict, "event_id"])
    own = mentions[mentions["event_id"].isin(ids)]
    if own.empty:
        return
    _, starts, ends = date_spans(own["date"], own["date_precision"])
    spans = (
        pd.DataFrame(
            {
                "event_id": own["event_id"].to_numpy(),
                "start": starts.to_numpy(),
                "end": ends.to_numpy(),
            }
        )
        .groupby("event_id")
        .agg(start=("start", "min"), end=("end", "max"))
    )
    rows = frame.index[conflict]
    found_start = frame.loc[rows, "event_id"].map(spans["start"])
    found_end = frame.loc[rows, "event_id"].map(spans["end"])
    frame.loc[rows, "_start"] = pd.concat([frame.loc[rows, "_start"], found_start], axis=1).min(
        axis=1
    )
    frame.loc[rows, "_end"] = pd.concat([frame.loc[rows, "_end"], found_end], axis=1).max(axis=1)


def _any_member(padded: pd.Series, ids: Iterable[str]) -> np.ndarray:
    """Rows whose padded id list holds any of `ids` (one regex scan, however many ids)."""
    ids = [item for item in ids if item]
    if not ids:
        return np.zeros(len(padded), dtype=bool)
    pattern = ";(?:" + "|".join(re.escape(item) for item in ids) + ");"
    return padded.str.contains(pattern, regex=True).to_numpy(dtype=bool, copy=True)


def _member_mask(prepared: pd.DataFrame, column: str, ids: Iterable[str]) -> np.ndarray:
    """`_any_member` over a column of the prepared frame, by its row index when it has one."""
    index = _RowIndex.of(prepared)
    if index is None:
        return _any_member(prepared[column], ids)
    mask = np.zeros(len(prepared), dtype=bool)
    mask[index.rows(column, ids)] = True
    return mask


def _term_mask(prepared: pd.DataFrame, term: str) -> np.ndarray:
    """Rows whose titles or summaries contain `term`, or one of whose people, place or topics
    has a name containing it."""
    mask = prepared["_search"].str.contains(term, regex=False).to_numpy(dtype=bool, copy=True)
    names: Mapping[str, str] = prepared.attrs.get(SEARCH_NAMES, {})
    ids = [key for key, text in names.items() if term in text]
    if ids:
        mask |= _member_mask(prepared, "_people", ids)
        mask |= _member_mask(prepared, "_topics", ids)
        mask |= prepared["place_id"].isin(ids).to_numpy(dtype=bool)
    return mask


def filter_events(prepared: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """The prepared events in the view, in date order (undated last), then id."""
    if prepared.empty:
        return prepared
    mask = np.ones(len(prepared), dtype=bool)
    start, end = filters.date_range()
    if start is not None:
        mask &= (prepared["_end"] >= pd.Timestamp(start)).to_numpy(dtype=bool)
    if end is not None:
        mask &= (prepared["_start"] <= pd.Timestamp(end)).to_numpy(dtype=bool)
    if filters.types:
        mask &= prepared["type"].isin(filters.types).to_numpy(dtype=bool)
    if filters.statuses:
        mask &= prepared["status"].isin(filters.statuses).to_numpy(dtype=bool)
    if filters.places:
        mask &= prepared["place_id"].isin(filters.places).to_numpy(dtype=bool)
    if filters.actors:
        mask &= _member_mask(prepared, "_people", filters.actors)
    if filters.topics:
        mask &= _member_mask(prepared, "_topics", filters.topics)
    for term in normalize(filters.query).split():
        if not mask.any():
            break
        mask &= _term_mask(prepared, term)
    if mask.all():
        return prepared
    return prepared[mask]


def key_events(filtered: pd.DataFrame, limit: int = 5) -> pd.DataFrame:
    """The events reported by most sources (then earliest): the ones worth a card on Home.

    Only the rows that can make the top `limit` (as many sources as the `limit`-th best, found
    by a partial sort of the counts) are sorted: sorting and copying all 800,000 events of a
    wide view took most of the Home page's time."""
    if filtered.empty:
        return filtered
    counts = filtered["_n"].to_numpy()
    if len(counts) > limit > 0:
        floor = np.partition(counts, len(counts) - limit)[len(counts) - limit]
        filtered = filtered[counts >= floor]
    ranked = filtered.assign(_neg=-filtered["_n"])
    ranked = ranked.sort_values(["_neg", "_date", "event_id"], na_position="last", kind="stable")
    return ranked.drop(columns="_neg").head(limit)


def related_events(
    prepared: pd.DataFrame,
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
    people = [p for p in row["_people"].strip(";").split(";") if p]
    if not people or pd.isna(row["_date"]):
        return prepared.iloc[0:0]
    index = _RowIndex.of(prepared)
    if index is not None:  # in date order by construction: binary search per person
        dates = prepared["_date"].to_numpy()[: index.n_dated]
        lo = np.datetime64(row["_date"] - pd.Timedelta(days=days))
        hi = np.datetime64(row["_date"] + pd.Timedelta(days=days))
        first, last = np.searchsorted(dates, lo, "left"), np.searchsorted(dates, hi, "right")
        found = []
        for person in people:
            rows = index.positions["_people"].get(person)
            if rows is not None:
                found.append(rows[np.searchsorted(rows, first) : np.searchsorted(rows, last)])
        rows = np.unique(np.concatenate(found)) if found else np.zeros(0, dtype=np.int64)
        rows = rows[(prepared["event_id"].iloc[rows] != event_id).to_numpy(dtype=bool)]
        return (prepared if columns is None else prepared[list(columns)]).iloc[rows]
    dates = prepared["_date"]
    dated = int(dates.notna().sum())
    head = dates.iloc[:dated]
    values = head.to_numpy()
    ordered = bool(head.notna().all() and head.is_monotonic_increasing)
    if ordered:
        lo = np.searchsorted(
            values, (row["_date"] - pd.Timedelta(days=days)).to_datetime64(), "left"
        )
        hi = np.searchsorted(
            values, (row["_date"] + pd.Timedelta(days=days)).to_datetime64(), "right"
        )
        candidates = prepared.iloc[lo:hi]
    else:  # not in date order (a hand-made frame): scan it all
        near = (dates - row["_date"]).abs() <= pd.Timedelta(days=days)
        candidates = prepared[near.to_numpy(dtype=bool)]
    keep = _any_member(candidates["_people"], people)
    keep &= (candidates["event_id"] != event_id).to_numpy(dtype=bool)
    related = candidates[keep]
    if not ordered:
        related = related.sort_values(["_date", "event_id"], kind="stable")
    return related if columns is None else related[list(columns)]


def counts_per_period(filtered: pd.DataFrame, freq: str = "M") -> pd.DataFrame:
    """Counts per type per month (`M`) or week (`W`, from Monday), on the best date: columns
    period, type, n, in order of period then type.

    Computed on numpy arrays (months and Mondays by datetime64 arithmetic, one `np.unique` over
    a period-and-type key): no copy of the filtered frame and no pandas Periods, which took a
    third of a second at 800,000 events."""
    dates = filtered["_date"].to_numpy(dtype="datetime64[ns]")
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
