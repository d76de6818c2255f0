"""The events readers see, prepared once per data version, so that every filter change is fast.

`prepare_events` adds the columns declared in `PREPARED` (parsed date spans, padded id lists,
sources as a number, a normalised search text, each event's slice of the mentions) and keeps
the events in date order, with an index of where each person and topic occurs. Pages read
these columns through `PREPARED`, never by their names.

Dates: an event is in a period when the span its date may cover (a day, a part of a month, a
month, a year, see `date_spans`) overlaps the period, so an event known only as "November
2020" is not hidden from a view of the 2020 war.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import NewType

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from newsdesk.language.arabic import normalize
from newsdesk.language.dates import MONTH_END, MONTH_PARTS


@dataclass(frozen=True)
class PreparedColumns:
    """The columns `prepare_events` adds beside the contract's. Each name starts with `_`, so it
    never collides with a contract column and never reaches a file a reader downloads (exports
    take the contract's columns)."""

    date: str = "_date"  # best date as a Timestamp; NaT when unknown or malformed
    start: str = "_start"  # first day the date may mean: its precision's span (`date_spans`),
    end: str = "_end"  # widened over every date the sources give when they disagree
    exact: str = "_exact"  # known to the day and undisputed: a dot on a timeline, not a span
    people: str = "_people"  # participants and initiator as `;a;b;` (membership is `;a;`)
    topics: str = "_topics"  # topics as `;a;b;`
    n_sources: str = "_n"  # the number of sources, an int
    search: str = "_search"  # normalised titles, summaries and type, for the text search
    first_mention: str = "_m0"  # the event's mentions are rows first_mention:end_mention of
    end_mention: str = "_m1"  # the frame `index_mentions` returns


PREPARED = PreparedColumns()
# The events with PREPARED's columns, in date order (undated last): what `prepare_events`
# returns and every query takes and returns (a query's result is a subset of its rows).
PreparedEvents = NewType("PreparedEvents", pd.DataFrame)
# and what it keeps in its `attrs`, shared by every frame derived from it:
SEARCH_NAMES = "search_names"  # id -> the normalised names and aliases of a person, place, topic
ROW_INDEX = "row_index"  # where each person and topic occurs (a `RowIndex`)


def _padded(column: pd.Series) -> pd.Series:
    """`a;b` -> `;a;b;` so that membership of id `a` is a plain substring test for `;a;`."""
    cleaned = column.fillna("").astype(str).str.replace(r"\s*;\s*", ";", regex=True).str.strip()
    return ";" + cleaned + ";"


def date_spans(
    dates: pd.Series, precisions: pd.Series, date_ends: pd.Series | None = None
) -> tuple[pd.Series, pd.Series, pd.Series]:
    """Best date and first/last day the event may fall on, given its precision.

    day: the day (to date_end for multi-day events); week: the part of the month the label
    names (`MONTH_PARTS`: early 1-10, mid 11-20, late 21-end); month: the month; year: the
    year. An unknown precision is treated as a month, so no false day is ever implied. Invalid
    dates are NaT.
    """
    best = pd.to_datetime(dates.fillna(""), format="%Y-%m-%d", errors="coerce")
    precision = precisions.fillna("").astype(str).to_numpy()
    day = best.dt.day.to_numpy()
    month_start = best.dt.to_period("M").dt.start_time
    month_end = best.dt.to_period("M").dt.end_time.dt.normalize()
    year_start = best.dt.to_period("Y").dt.start_time
    year_end = best.dt.to_period("Y").dt.end_time.dt.normalize()
    first_day = np.ones(len(day), dtype=np.int64)
    last_day = np.full(len(day), MONTH_END, dtype=np.int64)
    for part in reversed(MONTH_PARTS):  # the earliest part that can hold the day wins
        holds = day <= part.last_day
        first_day = np.where(holds, part.first_day, first_day)
        last_day = np.where(holds, part.last_day, last_day)
    week_start = month_start + pd.to_timedelta(first_day - 1, unit="D")
    week_end = (month_start + pd.to_timedelta(last_day - 1, unit="D")).where(
        last_day < MONTH_END, month_end
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


class _SharedNames(dict):
    """The names kept in `attrs`. pandas deep-copies `attrs` into every derived frame; this
    read-only table is shared instead (a copy per operation cost 10 ms on 100,000 events)."""

    def __deepcopy__(self, memo: dict) -> _SharedNames:
        return self


def prepare_events(
    events: pd.DataFrame,
    names: Mapping[str, Iterable[str]] | None = None,
    mentions: pd.DataFrame | None = None,
) -> PreparedEvents:
    """Events plus the columns of `PREPARED`, sorted by date (undated last), then id.

    `names` maps an actor, place or topic id to the names a reader may search for (both
    languages); they are normalised once per id and kept in `attrs`, so the search text of each
    event holds only its own titles and summaries (a third of the size, and of the time).

    `mentions`: when the sources disagree on the date (flag date_conflict), the event's span
    covers every date its mentions give and it is not exact: "9 or 10 November" is neither day,
    so it is filtered as both and drawn as a span, not as a dot on one of them.
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
    frame[PREPARED.date] = best
    frame[PREPARED.start] = start
    frame[PREPARED.end] = end
    conflict = frame["flags"].fillna("").astype(str).str.contains("date_conflict", regex=False)
    to_the_day = (frame["date_precision"] == "day").to_numpy(dtype=bool)
    frame[PREPARED.exact] = to_the_day & ~conflict.to_numpy(dtype=bool)
    if mentions is not None and not mentions.empty and conflict.any():
        _widen_conflicts(frame, conflict.to_numpy(dtype=bool), mentions)
    participants = frame["participants"].fillna("").astype(str)
    initiator = frame["initiator"].fillna("").astype(str)
    frame[PREPARED.people] = _padded(participants + ";" + initiator)
    frame[PREPARED.topics] = _padded(frame["topics"])
    frame[PREPARED.n_sources] = (
        pd.to_numeric(frame["n_sources"], errors="coerce").fillna(0).astype(int)
    )
    keys = pd.DataFrame({PREPARED.date: frame[PREPARED.date], "event_id": frame["event_id"]})
    order = keys.sort_values([PREPARED.date, "event_id"], na_position="last", kind="stable").index
    frame = frame.take(order.to_numpy()).reset_index(drop=True)
    # Text columns stay as read, Arrow strings (pandas 3's `str`), not Python objects: under
    # half the memory (1.7 GB -> 0.75 GB at a million events), for a dearer copy of the widest
    # views (all 80,000 happened events of 100,000: 30 -> 70 ms; see README, Speed at scale).
    frame[PREPARED.search] = _search_text(frame)
    frame.attrs[SEARCH_NAMES] = _SharedNames(
        {key: normalize_many([" ".join(values)])[0] for key, values in (names or {}).items()}
    )
    frame.attrs[ROW_INDEX] = RowIndex(frame)
    return PreparedEvents(frame)


class RowIndex:
    """Where each person and topic occurs in one prepared frame (sorted row positions per id),
    and how many of its rows are dated (they come first, in date order).

    A person filter then sets the rows of that person instead of running a regular expression
    over every event (300 ms at a million), and a card's related events are found by binary
    search. It is valid for the frame it was built for only: `of` hands it out while the frame
    still holds the very `PREPARED.people` array it indexed. Anything derived (a filtered view, a
    reordered copy, a frame with new columns assigned) has other arrays and is answered by the
    scans, as before. Shared, not copied, into derived frames' `attrs` (see `_SharedNames`)."""

    def __init__(self, frame: pd.DataFrame) -> None:
        self._source = frame[PREPARED.people].array
        self.n_dated = int(frame[PREPARED.date].notna().sum())
        self.positions = {
            column: _positions(frame[column]) for column in (PREPARED.people, PREPARED.topics)
        }

    def __deepcopy__(self, memo: dict) -> RowIndex:
        return self

    @staticmethod
    def of(frame: pd.DataFrame) -> RowIndex | None:
        index = frame.attrs.get(ROW_INDEX)
        if isinstance(index, RowIndex) and PREPARED.people in frame:
            return index if frame[PREPARED.people].array is index._source else None
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
    that readers do not see stay, after all the others, so per-article views still see them;
    their index labels are kept, so `sort_index()` gives the table's own order back."""
    n_events = len(prepared)
    if mentions.empty:
        prepared[PREPARED.first_mention] = np.zeros(n_events, dtype=np.int64)
        prepared[PREPARED.end_mention] = np.zeros(n_events, dtype=np.int64)
        return mentions
    positions = pd.Index(prepared["event_id"]).get_indexer(mentions["event_id"])
    positions = np.where(positions < 0, n_events, positions)
    order = np.argsort(positions, kind="stable")
    counts = np.bincount(positions, minlength=n_events + 1)[:n_events]
    ends = np.cumsum(counts)
    prepared[PREPARED.first_mention] = ends - counts
    prepared[PREPARED.end_mention] = ends
    return mentions.take(order)


def event_mentions(mentions: pd.DataFrame, event: Mapping[str, object]) -> pd.DataFrame:
    """The mentions of one event row: by its `_m0`/`_m1` slice when `mentions` is the frame
    `index_mentions` returned for the events the row comes from, else by comparing ids."""
    if mentions.empty:
        return mentions
    if PREPARED.first_mention in event and PREPARED.end_mention in event:
        return mentions.iloc[int(event[PREPARED.first_mention]) : int(event[PREPARED.end_mention])]
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
    starts = pd.concat([frame.loc[rows, PREPARED.start], found_start], axis=1)
    ends = pd.concat([frame.loc[rows, PREPARED.end], found_end], axis=1)
    frame.loc[rows, PREPARED.start] = starts.min(axis=1)
    frame.loc[rows, PREPARED.end] = ends.max(axis=1)
