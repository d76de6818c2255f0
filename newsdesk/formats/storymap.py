"""The view as Knight Lab StoryMapJS reads it.

StoryMapJS (NUKnightLab/StoryMapJS, `src/js/storymap/StoryMap.js`, `slider/Slide.js`,
`map/Map.js`, `map/leaflet/Map.Leaflet.js`): the root is `{"storymap": {...}}` whose options
(`language`, `map_type`, `map_as_image`, `calculate_zoom`, `attribution`, ...) override the
defaults, and `slides`, each with `type` (`overview` for the first), `text` {`headline`,
`text`}, `date`, `location` {`lat`, `lon`, `name`, `zoom`, `line`}, `media`. A slide without
coordinates has no marker, so events without a located place are left out and counted.
StoryMapJS ships no Arabic locale (it would load `locale/ar.js` and stall), so `language`
stays `en` and Arabic slide text is wrapped in `dir="rtl"`.
"""

from __future__ import annotations

import pandas as pd

from newsdesk.formats.shared import (
    SLIDE_LIMIT,
    Articles,
    Built,
    ExportView,
    dump_json,
    first_slides,
    place_record,
    slide_html,
    table_rows,
    text_in,
    view_line,
)
from newsdesk.language.strings import Strings
from newsdesk.view.event_dates import format_event_date
from newsdesk.view.markup import esc
from newsdesk.view.names import Lookups

STORYMAP_LANGUAGES = frozenset({"en"})  # of ours, the locales StoryMapJS ships


STORYMAP_ZOOM = 8


def storymap_json(
    events: pd.DataFrame,
    lookups: Lookups,
    articles: Articles,
    strings: Strings,
    view: ExportView,
    limit: int = SLIDE_LIMIT,
) -> Built:
    """StoryMapJS JSON: an overview slide, then one slide per located event in date order."""
    lang = view.lang
    located = []
    for row in table_rows(events):
        place = place_record(lookups, row["place_id"], lang)
        if place and place["lat"] is not None and place["lon"] is not None:
            located.append((row, place))
    skipped = len(events) - len(located)
    shown, capped = first_slides(located, limit)  # type: ignore[arg-type]
    slides: list[dict[str, object]] = [
        {
            "type": "overview",
            "text": {
                "headline": esc(view.title),
                "text": _rtl(view_line(view, strings, len(shown)), lang),
            },
            "location": {"line": False},
        }
    ]
    for row, place in shown:
        slides.append(
            {
                "text": {
                    "headline": esc(text_in(row, "title", lang)),
                    "text": slide_html(row, lookups, articles, strings, lang),
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
    return Built(dump_json(payload), len(shown), capped, skipped)


def _rtl(inner: str, lang: str) -> str:
    return f'<div dir="rtl">{inner}</div>' if lang == "ar" else inner
