"""What every file of a view shares: the view it was made from (`ExportView`), its file name,
its metadata, the rows and place records the formats are built from, an event's sources, the
card text of a slide, and how many events each tool's file will hold.

These files are for readers and their tools: sources are named by outlet, headline, address
and date (newsdesk.view.source_names), never by file name or character offsets.

TimelineJS and StoryMapJS are made for tens to hundreds of slides: both are capped at
`SLIDE_LIMIT` (the earliest events of the view) and the caller says so.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd

from newsdesk.contract.schema import EVENTS
from newsdesk.contract.tables import split_list
from newsdesk.language.strings import Strings, list_join
from newsdesk.view.markup import esc
from newsdesk.view.names import Lookups
from newsdesk.view.periods import ALL, CUSTOM
from newsdesk.view.source_names import name_source, source_record
from newsdesk.view.url_state import Filters, to_params

SLIDE_LIMIT = 500

# article_id -> its row of articles.csv
Articles = Mapping[str, Mapping[str, str]]


SOURCE_NOTE = {
    "en": (
        "Events extracted from Arabic news reports about the Karabakh conflict; titles and "
        "summaries are the project's own words. Town coordinates: GeoNames (CC BY 4.0)."
    ),
    "ar": (
        "أحداث مستخرجة من تقارير إخبارية عربية عن نزاع قره باغ؛ العناوين والملخصات بصياغة "
        "المشروع. إحداثيات البلدات: GeoNames (بترخيص CC BY 4.0)."
    ),
}


@dataclass(frozen=True)
class ExportView:
    """What every export says about itself: the view it was made from."""

    lang: str
    title: str
    period: str  # the period's label in `lang`
    filters: Filters
    generated_at: str = field(
        default_factory=lambda: dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
    )

    @property
    def params(self) -> dict[str, str | list[str]]:
        return to_params(self.filters)


@dataclass(frozen=True)
class Built:
    """A built file and what was left out of it (so the page can say so)."""

    data: bytes
    included: int
    capped: int = 0  # events past the slide limit
    skipped: int = 0  # events the format cannot hold (no date, no place, no category)


def file_stem(filters: Filters, kind: str = "events") -> str:
    """`karabakh-events-war2020`: the file name carries the period (and `filtered` when more
    than the period narrows the view), so two downloads of different views never collide."""
    if filters.period == CUSTOM:
        start = filters.start.isoformat() if filters.start else "start"
        end = filters.end.isoformat() if filters.end else "end"
        period = f"{start}_{end}"
    else:
        period = filters.period if filters.period != ALL else "all"
    narrowed = {k: v for k, v in to_params(filters).items() if k not in ("period", "from", "to")}
    suffix = "-filtered" if narrowed else ""
    return f"karabakh-{kind}-{period}{suffix}"


def text_in(row: Mapping[str, object], column: str, lang: str) -> str:
    """`title`/`summary` in `lang`, else in the other language."""
    first, second = (
        (f"{column}_ar", f"{column}_en") if lang == "ar" else (f"{column}_en", f"{column}_ar")
    )
    return str(row.get(first) or row.get(second) or "")


def table_rows(events: pd.DataFrame) -> list[dict[str, object]]:
    """Plain rows of the contract's columns (not the prepared ones), empty cells as ""."""
    columns = [c for c in EVENTS if c in events.columns]
    return events[columns].fillna("").astype(str).to_dict("records")


def number(value: object) -> float | None:
    try:
        number = float(str(value))
    except ValueError:
        return None
    return number if number == number else None


def place_record(lookups: Lookups, place_id: str, lang: str) -> dict[str, object] | None:
    if not place_id:
        return None
    row = lookups.places.get(place_id, {})
    return {
        "place_id": place_id,
        "name": lookups.place(place_id, lang),
        "country": row.get("country") or None,
        "district_id": row.get("district_id") or None,
        "lat": number(row.get("lat", "")),
        "lon": number(row.get("lon", "")),
    }


def event_articles(row: Mapping[str, object], articles: Articles) -> list[Mapping[str, str] | None]:
    """The rows of the event's source articles, in its order (None: an id the table lacks)."""
    return [articles.get(article_id) for article_id in split_list(str(row["source_articles"]))]


def source_records(row: Mapping[str, object], articles: Articles) -> list[dict[str, str | None]]:
    """The event's sources as data: outlet, title, url, published (null when unknown)."""
    return [source_record(article) for article in event_articles(row, articles)]


def dump_json(payload: object) -> bytes:
    return json.dumps(payload, ensure_ascii=False, indent=2).encode("utf-8")


def metadata(view: ExportView, count: int, **extra: object) -> dict[str, object]:
    return {
        "title": view.title,
        "period": view.period,
        "filters": view.params,
        "language": view.lang,
        "generated_at": view.generated_at,
        "count": count,
        "source": SOURCE_NOTE.get(view.lang, SOURCE_NOTE["en"]),
        "licence": "Town coordinates: GeoNames, CC BY 4.0 (attribution required).",
        **extra,
    }


def slide_html(
    row: Mapping[str, str], lookups: Lookups, articles: Articles, strings: Strings, lang: str
) -> str:
    """Escaped slide text: the summary, then who, where and how many sources, then the sources
    by outlet, headline and date, linked where they have an address."""
    people = [lookups.actor(a, lang) for a in split_list(row["participants"])]
    lines = [f"<p>{esc(text_in(row, 'summary', lang))}</p>"]
    details = []
    if people:
        details.append(f"{esc(strings.t(lang, 'export.who'))}: {esc(list_join(people, lang))}")
    if row["place_id"]:
        details.append(
            f"{esc(strings.t(lang, 'export.where'))}: {esc(lookups.place(row['place_id'], lang))}"
        )
    details.append(esc(strings.t(lang, "export.n_sources", n=row["n_sources"] or "0")))
    if row["status"] != "happened":
        details.append(esc(strings.t(lang, f"status.{row['status']}")))
    lines.append(f"<p><small>{' · '.join(details)}</small></p>")
    named = [name_source(article, lang, strings).html for article in event_articles(row, articles)]
    if named:
        items = "".join(f"<li><small>{name}</small></li>" for name in named)
        lines.append(f"<ul>{items}</ul>")
    inner = "".join(lines)
    return f'<div dir="rtl">{inner}</div>' if lang == "ar" else inner


def view_line(view: ExportView, strings: Strings, count: int) -> str:
    counted = strings.t(view.lang, "export.n_events", n=count)
    return f"<p>{esc(view.period)} · {esc(counted)}</p>"


def first_slides(
    records: list[dict[str, object]], limit: int
) -> tuple[list[dict[str, object]], int]:
    """The first `limit` records (the view's earliest events) and how many are cut."""
    return records[:limit], max(0, len(records) - limit)


def plan(
    events: pd.DataFrame, lookups: Lookups, limit: int = SLIDE_LIMIT
) -> dict[str, dict[str, int]]:
    """How many events each tool's file will hold, leave out and cut at the slide limit, by
    column operations (the page shows this without building the files)."""
    total = len(events)
    if total == 0:
        empty = {"included": 0, "capped": 0, "skipped": 0}
        return {"timelinejs": dict(empty), "storymap": dict(empty), "plover": dict(empty)}
    dates = pd.to_datetime(
        events["date"].fillna("").astype(str).str[:10], format="%Y-%m-%d", errors="coerce"
    )
    dated = int(dates.notna().sum())
    located_ids = {
        place_id
        for place_id, row in lookups.places.items()
        if number(row.get("lat", "")) is not None and number(row.get("lon", "")) is not None
    }
    located = int(events["place_id"].isin(located_ids).sum())
    coded = int(
        (events["plover"].fillna("").astype(str).str.strip().str.split(":").str[0] != "").sum()
    )

    def slides(usable: int) -> dict[str, int]:
        return {
            "included": min(usable, limit),
            "capped": max(0, usable - limit),
            "skipped": total - usable,
        }

    return {
        "timelinejs": slides(dated),
        "storymap": slides(located),
        "plover": {"included": coded, "capped": 0, "skipped": total - coded},
    }
