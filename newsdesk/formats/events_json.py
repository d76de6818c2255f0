"""Events JSON is this project's shape: `metadata` (title, period, filters, language,
generated_at, count, source and licence note) and `events`, one object per event with typed
values (numbers as numbers, lists as arrays, empty as null), so a script never splits `;`.
Sources are objects (outlet, title, url, published), as readers see them: no file names.
"""

from __future__ import annotations

import pandas as pd

from newsdesk.contract.tables import split_list
from newsdesk.formats.shared import (
    Articles,
    Built,
    ExportView,
    dump_json,
    metadata,
    number,
    place_record,
    source_records,
    table_rows,
    text_in,
)
from newsdesk.view.names import Lookups


def events_json(
    events: pd.DataFrame, lookups: Lookups, articles: Articles, view: ExportView
) -> Built:
    """Every event of the view with typed fields; names of people and place in the view's
    language, both languages' titles and summaries kept (the text is data here, not HTML)."""
    items = []
    for row in table_rows(events):
        people = split_list(row["participants"])
        items.append(
            {
                "event_id": row["event_id"],
                "date": row["date"] or None,
                "date_end": row["date_end"] or None,
                "date_precision": row["date_precision"],
                "type": row["type"],
                "status": row["status"],
                "participants": [
                    {"actor_id": actor, "name": lookups.actor(actor, view.lang)} for actor in people
                ],
                "initiator": row["initiator"] or None,
                "place": place_record(lookups, row["place_id"], view.lang),
                "topics": split_list(row["topics"]),
                "title": text_in(row, "title", view.lang),
                "summary": text_in(row, "summary", view.lang),
                "title_en": row["title_en"],
                "title_ar": row["title_ar"],
                "summary_en": row["summary_en"],
                "summary_ar": row["summary_ar"],
                "sources": source_records(row, articles),
                "n_sources": int(number(row["n_sources"]) or 0),
                "flags": split_list(row["flags"]),
                "plover": row["plover"] or None,
                "confidence": number(row["confidence"]),
            }
        )
    payload = {
        "metadata": metadata(view, len(items), schema="karabakh-newsdesk-events/1"),
        "events": items,
    }
    return Built(dump_json(payload), len(items))
