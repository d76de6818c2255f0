"""The filtered events in formats other tools read: our own events JSON, TimelineJS, StoryMapJS
and PLOVER-style JSON Lines. Pure functions of the filtered events; no Streamlit.

Why each format looks as it does (the fields were checked against the tools' own sources):

- **Events JSON** is this project's shape: `metadata` (title, period, filters, language,
  generated_at, count, source and licence note) and `events`, one object per event with typed
  values (numbers as numbers, lists as arrays, empty as null), so a script never splits `;`.
- **TimelineJS3** (NUKnightLab/TimelineJS3, `src/js/core/TimelineConfig.js` and
  `src/js/date/TLDate.js`): the root holds `events` (required), `title`, `eras` and `scale`;
  a slide holds `start_date` (required), `end_date`, `text` {`headline`, `text`}, `group`,
  `display_date`, `unique_id`. A date object holds `year` and optionally `month`, `day` and
  `display_date`; TimelineJS picks its display format from the finest part present, so a month
  event carries no `day` and a year event no `month`. `text` is HTML (TimelineJS sanitises it),
  `group` and `display_date` are plain text (it strips their markup).
- **StoryMapJS** (NUKnightLab/StoryMapJS, `src/js/storymap/StoryMap.js`, `slider/Slide.js`,
  `map/Map.js`, `map/leaflet/Map.Leaflet.js`): the root is `{"storymap": {...}}` whose options
  (`language`, `map_type`, `map_as_image`, `calculate_zoom`, `attribution`, ...) override the
  defaults, and `slides`, each with `type` (`overview` for the first), `text` {`headline`,
  `text`}, `date`, `location` {`lat`, `lon`, `name`, `zoom`, `line`}, `media`. A slide without
  coordinates has no marker, so events without a located place are left out and counted.
  StoryMapJS ships no Arabic locale (it would load `locale/ar.js` and stall), so `language`
  stays `en` and Arabic slide text is wrapped in `dir="rtl"`.
- **PLOVER** (openeventdata/PLOVER, `PLOVER_MANUAL.tex` 0.7b1, chapter "JSON Data Fields"):
  one record per line (the manual suggests JSONL) with the required `id`, `date`, `source`,
  `event`, and the optional `enddate`, `recipient`, `event_loc`, `event_text`, `quad_code`,
  `mode`, `context`, `cite_info`, `coder`, `coded_date`, `comment`. Actors follow its actor
  object (`actor_text`, `identifier_id`, `identifier_text`, `office`; `code` is left out: the
  project has no CAMEO/ISO-3 actor codes); the location follows its GeoNames-named object
  (`name`, `latitude`, `longitude`, `country_code`). Planned and denied events carry the
  manual's `future` and `negation` contexts. Events with no PLOVER category (most letters and
  statements) are left out and counted.

TimelineJS and StoryMapJS are made for tens to hundreds of slides: both are capped at
`SLIDE_LIMIT` (the earliest events of the view) and the caller says so.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd

from newsdesk.contract.tables import split_list
from newsdesk.language.strings import Strings, list_join
from newsdesk.view.event_dates import format_event_date, parse_date
from newsdesk.view.markup import esc
from newsdesk.view.names import Lookups
from newsdesk.view.periods import ALL, CUSTOM, bands
from newsdesk.view.url_state import Filters, to_params

SLIDE_LIMIT = 500
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
STORYMAP_LANGUAGES = frozenset({"en"})  # of ours, the locales StoryMapJS ships
STORYMAP_ZOOM = 8
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


# --- shared pieces ---------------------------------------------------------------------------


def _text(row: Mapping[str, object], column: str, lang: str) -> str:
    """`title`/`summary` in `lang`, else in the other language."""
    first, second = (
        (f"{column}_ar", f"{column}_en") if lang == "ar" else (f"{column}_en", f"{column}_ar")
    )
    return str(row.get(first) or row.get(second) or "")


def _records(events: pd.DataFrame) -> list[dict[str, object]]:
    """Plain rows (table columns only), empty cells as ""."""
    columns = [c for c in events.columns if not str(c).startswith("_")]
    return events[columns].fillna("").astype(str).to_dict("records")


def _number(value: object) -> float | None:
    try:
        number = float(str(value))
    except ValueError:
        return None
    return number if number == number else None


def _place(lookups: Lookups, place_id: str, lang: str) -> dict[str, object] | None:
    if not place_id:
        return None
    row = lookups.places.get(place_id, {})
    return {
        "place_id": place_id,
        "name": lookups.place(place_id, lang),
        "country": row.get("country") or None,
        "district_id": row.get("district_id") or None,
        "lat": _number(row.get("lat", "")),
        "lon": _number(row.get("lon", "")),
    }


def _dump(payload: object) -> bytes:
    return json.dumps(payload, ensure_ascii=False, indent=2).encode("utf-8")


# --- events JSON -----------------------------------------------------------------------------


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


def events_json(events: pd.DataFrame, lookups: Lookups, view: ExportView) -> Built:
    """Every event of the view with typed fields; names of people and place in the view's
    language, both languages' titles and summaries kept (the text is data here, not HTML)."""
    items = []
    for row in _records(events):
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
                "place": _place(lookups, row["place_id"], view.lang),
                "topics": split_list(row["topics"]),
                "title": _text(row, "title", view.lang),
                "summary": _text(row, "summary", view.lang),
                "title_en": row["title_en"],
                "title_ar": row["title_ar"],
                "summary_en": row["summary_en"],
                "summary_ar": row["summary_ar"],
                "source_articles": split_list(row["source_articles"]),
                "n_sources": int(_number(row["n_sources"]) or 0),
                "flags": split_list(row["flags"]),
                "plover": row["plover"] or None,
                "confidence": _number(row["confidence"]),
            }
        )
    payload = {
        "metadata": metadata(view, len(items), schema="karabakh-newsdesk-events/1"),
        "events": items,
    }
    return Built(_dump(payload), len(items))


# --- TimelineJS ------------------------------------------------------------------------------


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


def _card_html(row: Mapping[str, str], lookups: Lookups, strings: Strings, lang: str) -> str:
    """Escaped slide text: the summary, then who, where and how many sources."""
    people = [lookups.actor(a, lang) for a in split_list(row["participants"])]
    lines = [f"<p>{esc(_text(row, 'summary', lang))}</p>"]
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
    inner = "".join(lines)
    return f'<div dir="rtl">{inner}</div>' if lang == "ar" else inner


def _view_line(view: ExportView, strings: Strings, count: int) -> str:
    counted = strings.t(view.lang, "export.n_events", n=count)
    return f"<p>{esc(view.period)} · {esc(counted)}</p>"


def _cap(records: list[dict[str, object]], limit: int) -> tuple[list[dict[str, object]], int]:
    return records[:limit], max(0, len(records) - limit)


def timelinejs_json(
    events: pd.DataFrame,
    lookups: Lookups,
    strings: Strings,
    view: ExportView,
    limit: int = SLIDE_LIMIT,
) -> Built:
    """TimelineJS3 JSON of the view's first `limit` dated events (they come in date order)."""
    lang = view.lang
    dated = [row for row in _records(events) if parse_date(row["date"]) is not None]
    skipped = len(events) - len(dated)
    shown, capped = _cap(dated, limit)
    slides = []
    for row in shown:
        precision = row["date_precision"]
        start = timeline_date(row["date"], precision)
        slide: dict[str, object] = {
            "unique_id": row["event_id"],
            "start_date": start,
            "text": {
                "headline": esc(_text(row, "title", lang)),
                "text": _card_html(row, lookups, strings, lang),
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
                "text": _view_line(view, strings, len(slides)),
            }
        },
        "events": slides,
        "eras": _eras(strings, lang),
        "scale": "human",
    }
    return Built(_dump(payload), len(slides), capped, skipped)


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


# --- StoryMapJS ------------------------------------------------------------------------------


def storymap_json(
    events: pd.DataFrame,
    lookups: Lookups,
    strings: Strings,
    view: ExportView,
    limit: int = SLIDE_LIMIT,
) -> Built:
    """StoryMapJS JSON: an overview slide, then one slide per located event in date order."""
    lang = view.lang
    located = []
    for row in _records(events):
        place = _place(lookups, row["place_id"], lang)
        if place and place["lat"] is not None and place["lon"] is not None:
            located.append((row, place))
    skipped = len(events) - len(located)
    shown, capped = _cap(located, limit)  # type: ignore[arg-type]
    slides: list[dict[str, object]] = [
        {
            "type": "overview",
            "text": {
                "headline": esc(view.title),
                "text": _rtl(_view_line(view, strings, len(shown)), lang),
            },
            "location": {"line": False},
        }
    ]
    for row, place in shown:
        slides.append(
            {
                "text": {
                    "headline": esc(_text(row, "title", lang)),
                    "text": _card_html(row, lookups, strings, lang),
                },
                "date": format_event_date(
                    row["date"], row["date_precision"], lang, row["date_end"], (), strings
                ),
                "location": {
                    "lat": place["lat"],
                    "lon": place["lon"],
                    "name": place["name"],
                    "zoom": STORYMAP_ZOOM,
                    "line": True,
                },
                "media": {"url": "", "caption": "", "credit": ""},
            }
        )
    payload = {
        "storymap": {
            "language": lang if lang in STORYMAP_LANGUAGES else "en",
            "map_type": "osm:standard",
            "map_as_image": False,
            "calculate_zoom": False,
            "attribution": esc(strings.t(lang, "map.attribution")),
            "call_to_action": False,
            "slides": slides,
        }
    }
    return Built(_dump(payload), len(shown), capped, skipped)


def _rtl(inner: str, lang: str) -> str:
    return f'<div dir="rtl">{inner}</div>' if lang == "ar" else inner


# --- PLOVER ----------------------------------------------------------------------------------


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


def plover_jsonl(events: pd.DataFrame, lookups: Lookups, view: ExportView) -> Built:
    """One PLOVER record per line for every event that has a PLOVER category.

    Actors: when the event has an initiator (the side that called or visited), it is the
    `source` and the other participants the `recipient`; otherwise all participants are
    `source` and there is no recipient, as the manual does for consultations without a
    host/visitor distinction.
    """
    lang = view.lang
    coded_date = view.generated_at[:10]
    lines = []
    for row in _records(events):
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
        place = _place(lookups, row["place_id"], lang)
        if place:
            record["event_loc"] = {
                "name": place["name"],
                "latitude": place["lat"],
                "longitude": place["lon"],
                "country_code": (place["country"] or "").upper() or None,
            }
        record["event_text"] = [_text(row, "summary", lang)]
        record["date_precision"] = row["date_precision"]
        record["cite_info"] = {
            "corpus": "karabakh-arabic-news",
            "citation": split_list(row["source_articles"]),
            "language": "ar",
        }
        record["coder"] = "karabakh-newsdesk"
        record["coded_date"] = coded_date
        lines.append(json.dumps(record, ensure_ascii=False))
    text = "".join(f"{line}\n" for line in lines)
    return Built(text.encode("utf-8"), len(lines), skipped=len(events) - len(lines))


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
        if _number(row.get("lat", "")) is not None and _number(row.get("lon", "")) is not None
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
