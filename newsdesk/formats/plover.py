"""The view as PLOVER event records, for researchers.

PLOVER (openeventdata/PLOVER, `PLOVER_MANUAL.tex` 0.7b1, chapter "JSON Data Fields"):
one record per line (the manual suggests JSONL) with the required `id`, `date`, `source`,
`event`, and the optional `enddate`, `recipient`, `event_loc`, `event_text`, `quad_code`,
`mode`, `context`, `cite_info`, `coder`, `coded_date`, `comment`. Actors follow its actor
object (`actor_text`, `identifier_id`, `identifier_text`, `office`; `code` is left out: the
project has no CAMEO/ISO-3 actor codes); the location follows its GeoNames-named object
(`name`, `latitude`, `longitude`, `country_code`). Planned and denied events carry the
manual's `future` and `negation` contexts. Events with no PLOVER category (most letters and
statements) are left out and counted. `cite_info` follows the manual's citation object
(`corpus`, `publication`, `title`, `url`, `language`), one per source article since an event
may rest on several, as a list (the manual allows lists for fields with several values), with
the article's publication date as `published`; no file names.
"""

from __future__ import annotations

import json

import pandas as pd

from newsdesk.contract.tables import split_list
from newsdesk.formats.shared import (
    Articles,
    Built,
    ExportView,
    place_record,
    source_records,
    table_rows,
    text_in,
)
from newsdesk.view.names import Lookups

PLOVER_QUADS = {
    "AGREE": 1,
    "CONSULT": 1,
    "SUPPORT": 1,
    "CONCEDE": 1,
    "COOPERATE": 2,
    "AID": 2,
    "RETREAT": 2,
    "INVESTIGATE": 2,
    "DEMAND": 3,
    "ACCUSE": 3,
    "REJECT": 3,
    "SANCTION": 3,
    "THREATEN": 3,
    "PROTEST": 4,
    "MOBILIZE": 4,
    "COERCE": 4,
    "ASSAULT": 4,
}


PLOVER_CONTEXT = {"planned": "future", "denied": "negation"}
CORPUS = "karabakh-arabic-news"


def plover_parts(code: str) -> tuple[str, str | None]:
    """`CONSULT:phone` -> (`CONSULT`, `phone`); `SUPPORT` -> (`SUPPORT`, None)."""
    category, _, mode = code.strip().partition(":")
    return category.strip().upper(), (mode.strip() or None)


def _actor(lookups: Lookups, actor_id: str, lang: str) -> dict[str, object]:
    row = lookups.actors.get(actor_id, {})
    return {
        "actor_text": lookups.actor(actor_id, lang),
        "identifier_id": actor_id,
        "identifier_text": row.get("name_en") or actor_id,
        "office": lookups.actor_role(actor_id, lang) or None,
        "country": row.get("country") or None,
    }


def _citation(source: dict[str, str | None]) -> dict[str, str]:
    """The manual's citation object for one source; what is unknown is left out."""
    fields = {
        "corpus": CORPUS,
        "publication": source["outlet"],
        "title": source["title"],
        "url": source["url"],
        "published": source["published"],
        "language": "ar",
    }
    return {name: value for name, value in fields.items() if value}


def plover_jsonl(
    events: pd.DataFrame, lookups: Lookups, articles: Articles, view: ExportView
) -> Built:
    """One PLOVER record per line for every event that has a PLOVER category.

    Actors: when the event has an initiator (the side that called or visited), it is the
    `source` and the other participants the `recipient`; otherwise all participants are
    `source` and there is no recipient, as the manual does for consultations without a
    host/visitor distinction.
    """
    lang = view.lang
    coded_date = view.generated_at[:10]
    lines = []
    for row in table_rows(events):
        category, mode = plover_parts(row["plover"])
        if not category:
            continue
        people = split_list(row["participants"])
        initiator = row["initiator"]
        if initiator:
            source = [initiator]
            recipient = [p for p in people if p != initiator]
        else:
            source, recipient = people, []
        record: dict[str, object] = {
            "id": row["event_id"],
            "date": row["date"],
            "source": [_actor(lookups, a, lang) for a in source],
            "event": [category],
        }
        if row["date_end"]:
            record["enddate"] = row["date_end"]
        if recipient:
            record["recipient"] = [_actor(lookups, a, lang) for a in recipient]
        if mode:
            record["mode"] = [mode]
        if row["status"] in PLOVER_CONTEXT:
            record["context"] = [PLOVER_CONTEXT[row["status"]]]
        if category in PLOVER_QUADS:
            record["quad_code"] = PLOVER_QUADS[category]
        place = place_record(lookups, row["place_id"], lang)
        if place:
            record["event_loc"] = {
                "name": place["name"],
                "latitude": place["lat"],
                "longitude": place["lon"],
                "country_code": (place["country"] or "").upper() or None,
            }
        record["event_text"] = [text_in(row, "summary", lang)]
        record["date_precision"] = row["date_precision"]
        record["cite_info"] = [_citation(source) for source in source_records(row, articles)]
        record["coder"] = "karabakh-newsdesk"
        record["coded_date"] = coded_date
        lines.append(json.dumps(record, ensure_ascii=False))
    text = "".join(f"{line}\n" for line in lines)
    return Built(text.encode("utf-8"), len(lines), skipped=len(events) - len(lines))
