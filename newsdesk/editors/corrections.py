"""The events readers see: the extracted events with the editors' corrections applied.

Corrections are keyed on event_id and field, applied in order of their time, so a rebuild of
the extraction never loses an editor's work; a correction whose event is gone is returned as an
orphan instead of being dropped.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from newsdesk.contract.schema import CREATE_FIELD, DELETE_FIELD, EVENTS, MERGE_FIELD
from newsdesk.contract.tables import join_list, split_list
from newsdesk.pipeline.summaries import TEXT_FIELDS, card_text_for_row, names_from_tables

TRUE_VALUES = frozenset({"1", "true", "yes"})


def reader_events(tables: dict[str, pd.DataFrame]) -> ReaderEvents:
    """The events readers see, from a set of tables: corrections applied, card text in step.

    An edited event whose title and summary were not themselves corrected gets its card text
    written anew from the corrected fields, so a corrected date never sits under a stale title.
    """
    result = apply_corrections(tables["events"], tables["corrections"])
    if tables["corrections"].empty:
        return result
    touched_text = {
        (row["event_id"], row["field"]) for row in tables["corrections"].to_dict("records")
    }
    names = names_from_tables(tables)
    mention_days = _mention_days(tables["mentions"])
    rows = []
    for row in result.events.to_dict("records"):
        if "edited" in split_list(row["flags"]) and _complete(row):
            conflict = "date_conflict" in split_list(row["flags"])
            other = mention_days.get(row["event_id"], ()) if conflict else ()
            text = card_text_for_row(row, names, other)
            for field in TEXT_FIELDS:
                if (row["event_id"], field) not in touched_text:
                    row[field] = getattr(text, field)
        rows.append(row)
    events = pd.DataFrame(rows, columns=list(EVENTS)).fillna("")
    return ReaderEvents(events=events, orphans=result.orphans)


def _complete(row: dict) -> bool:
    try:
        dt.date.fromisoformat(row["date"])
    except (TypeError, ValueError):
        return False
    return bool(row["type"]) and bool(row["date_precision"])


def _mention_days(mentions: pd.DataFrame) -> dict[str, tuple[dt.date, ...]]:
    days: dict[str, set[dt.date]] = {}
    for row in mentions.to_dict("records"):
        if row["date_precision"] == "day":
            days.setdefault(row["event_id"], set()).add(dt.date.fromisoformat(row["date"]))
    return {event_id: tuple(sorted(found)) for event_id, found in days.items()}


@dataclass(frozen=True)
class ReaderEvents:
    """The events as readers see them, and the corrections whose event is gone (orphans)."""

    events: pd.DataFrame
    orphans: pd.DataFrame


def apply_corrections(events: pd.DataFrame, corrections: pd.DataFrame) -> ReaderEvents:
    """Apply field corrections, creations, merges and deletions to the extracted events.

    A `_create` correction starts a new event (its other fields come from the same event_id's
    field corrections); `_merge_into` folds an event's sources into another and removes it;
    `_delete` removes it. Every touched event gets the `edited` flag.
    """
    if corrections.empty:
        return ReaderEvents(events=events.reset_index(drop=True), orphans=corrections)
    rows = {row["event_id"]: dict(row) for row in events.to_dict("records")}
    order = list(rows)
    ordered = corrections.sort_values(["time", "correction_id"], kind="stable")
    orphan_ids: list[str] = []
    created = {
        event_id
        for event_id, field, value in ordered[["event_id", "field", "value"]].itertuples(
            index=False
        )
        if field == CREATE_FIELD and value.strip().lower() in TRUE_VALUES
    }
    for event_id in created:
        if event_id not in rows:
            rows[event_id] = {column: "" for column in EVENTS} | {"event_id": event_id}
            order.append(event_id)
    removed: set[str] = set()
    for record in ordered.to_dict("records"):
        event_id, field, value = record["event_id"], record["field"], record["value"]
        if event_id not in rows:
            orphan_ids.append(record["correction_id"])
            continue
        row = rows[event_id]
        if field == CREATE_FIELD:
            pass
        elif field == DELETE_FIELD:
            if value.strip().lower() in TRUE_VALUES:
                removed.add(event_id)
        elif field == MERGE_FIELD:
            target = rows.get(value)
            if target is None:
                orphan_ids.append(record["correction_id"])
                continue
            _merge_sources(target, row)
            removed.add(event_id)
        elif field in EVENTS and field != "event_id":
            row[field] = value
        else:
            orphan_ids.append(record["correction_id"])
            continue
        row["flags"] = join_list(sorted(set(split_list(row.get("flags"))) | {"edited"}))
    corrected = pd.DataFrame(
        [rows[event_id] for event_id in order if event_id not in removed], columns=list(EVENTS)
    ).fillna("")
    orphans = corrections[corrections["correction_id"].isin(orphan_ids)]
    return ReaderEvents(events=corrected.reset_index(drop=True), orphans=orphans)


def _merge_sources(target: dict, duplicate: dict) -> None:
    sources = split_list(target.get("source_articles")) + split_list(
        duplicate.get("source_articles")
    )
    unique = list(dict.fromkeys(sources))
    target["source_articles"] = join_list(unique)
    target["n_sources"] = str(len(unique))
    target["flags"] = join_list(sorted(set(split_list(target.get("flags"))) | {"edited"}))
