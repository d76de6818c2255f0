"""Where the events of a view happened, as data: map layers, counts per district and place,
the reader's map selection, and the diplomacy arcs. No Streamlit, no drawing.

Events are placed through their place record, never by point-in-polygon: an event carries a
place_id, the place carries its district_id (data/lexicon/README.md), and a district polygon
carries the district_id it is counted under. At 1:10m a town can fall outside its own district's
polygon (Lachin town does), so coordinates only say where to draw.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import combinations
from pathlib import Path

import numpy as np
import pandas as pd

from newsdesk.contract.event_types import facts_of, types_where
from newsdesk.contract.tables import files_version, split_list
from newsdesk.language.lexicon import read_lexicon
from newsdesk.view.prepared import PREPARED

GEO_FILES: dict[str, str] = {
    "districts": "districts.geojson",
    "nkao": "nkao_1991.geojson",
    "ceasefire": "ceasefire_1994.geojson",
    "countries": "countries_region.geojson",
    "world": "countries_world.geojson",
    "towns": "towns.geojson",
}
# Layers the map cannot do without; the others only add context.
REQUIRED = ("districts", "countries")
REQUIRED_PROPS = {"districts": ("unit_id", "district_id", "name_en"), "towns": ("place_id",)}
DIPLOMACY_TYPES = types_where(lambda facts: facts.diplomacy)  # drawn as arcs
SELECTION_KINDS = ("district", "place")


def geo_version(directory: Path) -> str:
    return files_version(directory, GEO_FILES.values())


@dataclass(frozen=True)
class GeoProblem:
    """A layer that could not be used: `reason` is `missing` or `invalid`."""

    layer: str
    file: str
    reason: str
    detail: str = ""


@dataclass(frozen=True)
class GeoLayers:
    """The map layers as GeoJSON FeatureCollections; a missing or broken file is an empty
    collection plus a problem, so the page can say what is wrong and still draw the rest."""

    collections: Mapping[str, dict] = field(default_factory=dict)
    problems: tuple[GeoProblem, ...] = ()

    def get(self, layer: str) -> dict:
        return self.collections.get(layer) or {"type": "FeatureCollection", "features": []}

    @property
    def usable(self) -> bool:
        return not any(problem.layer in REQUIRED for problem in self.problems)


def _check(layer: str, data: object) -> str:
    """Why a parsed file is not a usable FeatureCollection ('' when it is)."""
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        return "not a GeoJSON FeatureCollection"
    features = data.get("features")
    if not isinstance(features, list) or not features:
        return "no features"
    for number, feature in enumerate(features):
        if not isinstance(feature, dict) or not isinstance(feature.get("geometry"), dict):
            return f"feature {number} has no geometry"
        props = feature.get("properties") or {}
        for name in REQUIRED_PROPS.get(layer, ()):
            if not props.get(name):
                return f"feature {number} has no {name}"
    return ""


def load_layers(directory: Path) -> GeoLayers:
    collections: dict[str, dict] = {}
    problems: list[GeoProblem] = []
    for layer, name in GEO_FILES.items():
        path = directory / name
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            problems.append(GeoProblem(layer, name, "missing"))
            continue
        except (OSError, ValueError) as error:
            problems.append(GeoProblem(layer, name, "invalid", str(error)[:200]))
            continue
        why = _check(layer, data)
        if why:
            problems.append(GeoProblem(layer, name, "invalid", why))
            continue
        collections[layer] = data
    return GeoLayers(collections, tuple(problems))


# --- places and districts ---------------------------------------------------------------------


def place_frame(places: Mapping[str, Mapping[str, str]]) -> pd.DataFrame:
    """place_id -> district_id, kind, country, lat, lon (NaN where a coordinate is missing)."""
    rows = [
        {
            "place_id": place_id,
            "district_id": row.get("district_id", "") or "",
            "kind": row.get("kind", "") or "",
            "country": row.get("country", "") or "",
            "lat": pd.to_numeric(row.get("lat", ""), errors="coerce"),
            "lon": pd.to_numeric(row.get("lon", ""), errors="coerce"),
        }
        for place_id, row in places.items()
    ]
    columns = ["place_id", "district_id", "kind", "country", "lat", "lon"]
    return pd.DataFrame(rows, columns=columns).set_index("place_id")


def event_districts(events: pd.DataFrame, places: pd.DataFrame) -> pd.Series:
    """The district of each event through its place record ('' when it has none)."""
    return events["place_id"].map(places["district_id"]).fillna("").astype(str)


def district_counts(events: pd.DataFrame, places: pd.DataFrame) -> dict[str, int]:
    districts = event_districts(events, places)
    counts = districts[districts != ""].value_counts()
    return {str(key): int(value) for key, value in counts.items()}


@dataclass(frozen=True)
class Placement:
    """How the events of a view are placed: in a district, at a place without one (Karabakh
    as a whole, a border, a city abroad), or nowhere (no place in the sources)."""

    in_district: int
    elsewhere: int
    unplaced: int


def placement(events: pd.DataFrame, places: pd.DataFrame) -> Placement:
    has_place = events["place_id"] != ""
    in_district = int((event_districts(events, places) != "").sum())
    return Placement(in_district, int(has_place.sum()) - in_district, int((~has_place).sum()))


def count_bins(maximum: int, n_bins: int = 5) -> list[int]:
    """Lower bounds of the shading classes, from 1 up: 1, 2, 5, 10, 20, 50, ... so a district
    with one event is visible and the top class still holds the busiest district."""
    steps = [1, 2, 5]
    bounds: list[int] = []
    scale = 1
    while True:
        for step in steps:
            value = step * scale
            if value > max(maximum, 1):
                return _thin(bounds, n_bins)
            bounds.append(value)
        scale *= 10


def _thin(bounds: list[int], n_bins: int) -> list[int]:
    if len(bounds) <= n_bins:
        return bounds
    picks = np.unique(np.round(np.linspace(0, len(bounds) - 1, n_bins)).astype(int))
    return [bounds[i] for i in picks]


# --- markers ----------------------------------------------------------------------------------


def marker_groups(events: pd.DataFrame, places: pd.DataFrame, latest: int = 3) -> pd.DataFrame:
    """One row per (place, type) with coordinates: the count and the `latest` events (newest
    first). Drawing one marker per group instead of one per event keeps the map light at
    100,000 events (a few hundred markers at most)."""
    has_place = (events["place_id"] != "").to_numpy(dtype=bool)
    columns = ["place_id", "type", "n", "lat", "lon", "latest"]
    if not has_place.any():
        return pd.DataFrame(columns=columns)
    # the two key columns only, indexed by row position: copying every column of the placed
    # events (400,000 of them in a wide view of a million) cost more than the counting
    keys = pd.DataFrame(
        {column: events[column][has_place].array for column in ("place_id", "type")},
        index=np.flatnonzero(has_place),
    )
    counts = keys.groupby(["place_id", "type"], sort=True).size().rename("n").reset_index()
    counts = counts.join(places[["lat", "lon"]], on="place_id")
    counts = counts[counts["lat"].notna() & counts["lon"].notna()]
    # events are kept in date order, so the tail of each group is the newest; one pass over
    # those few rows (not a frame per group: 700 groups cost two seconds that way)
    keep = ["event_id", "date", "date_precision", "date_end", "flags", "type", "status"]
    keep += ["participants", "title_en", "title_ar", "place_id"]
    slice_of_mentions = (PREPARED.first_mention, PREPARED.end_mention)  # for a disputed date
    keep += [column for column in slice_of_mentions if column in events]
    newest_rows = keys.groupby(["place_id", "type"], sort=False).tail(latest).index.to_numpy()
    tail = events[keep].iloc[newest_rows]
    newest: dict[tuple[str, str], list[dict]] = {}
    for record in reversed(tail.to_dict("records")):
        newest.setdefault((record["place_id"], record["type"]), []).append(record)
    counts["latest"] = [
        newest.get((p, t), []) for p, t in zip(counts["place_id"], counts["type"], strict=True)
    ]
    return counts[columns].reset_index(drop=True)


# --- the reader's selection -------------------------------------------------------------------


@dataclass(frozen=True)
class MapSelection:
    """A district or a place the reader clicked; in the URL as `sel=district:az-lachin`."""

    kind: str
    item_id: str

    def to_param(self) -> str:
        return f"{self.kind}:{self.item_id}"


def parse_selection(value: str | None) -> MapSelection | None:
    kind, _, item_id = (value or "").partition(":")
    if kind not in SELECTION_KINDS or not item_id or len(item_id) > 100:
        return None
    return MapSelection(kind, item_id)


def selection_from_click(value: object) -> MapSelection | None:
    """What a click on the folium map selected: the clicked feature's `sel` property, as
    streamlit-folium returns it in `last_active_drawing` (the GeoJSON of the clicked layer)."""
    if not isinstance(value, Mapping):
        return None
    drawing = value.get("last_active_drawing")
    if not isinstance(drawing, Mapping):
        return None
    props = drawing.get("properties")
    return parse_selection(props.get("sel")) if isinstance(props, Mapping) else None


def selected_events(
    events: pd.DataFrame, places: pd.DataFrame, selection: MapSelection | None
) -> pd.DataFrame:
    """The events of the view at the selected place, or placed anywhere in the district."""
    if selection is None:
        return events.iloc[0:0]
    if selection.kind == "place":
        return events[events["place_id"] == selection.item_id]
    return events[event_districts(events, places) == selection.item_id]


# --- diplomacy arcs ---------------------------------------------------------------------------


@lru_cache(maxsize=4)
def capital_places(lexicon: str = "") -> dict[str, str]:
    """Country id -> the place id of its capital (lexicon countries.csv)."""
    rows = read_lexicon("countries.csv", Path(lexicon) if lexicon else None)
    return {row["country_id"]: row["capital_place_id"] for row in rows if row["capital_place_id"]}


def diplomacy_arcs(
    events: pd.DataFrame,
    actor_country: Mapping[str, str],
    capitals: Mapping[str, str],
    places: pd.DataFrame,
) -> pd.DataFrame:
    """Arcs of the calls and meetings of a view, counted.

    A meeting with a known venue draws an arc from each participant's capital to the venue; a
    call (or a meeting without a venue) draws arcs between the participants' capitals. The
    arc id (`kind|from|to`, ends sorted for calls) names the arc in a selection."""
    located = places[places["lat"].notna() & places["lon"].notna()]
    wanted = events[events["type"].isin(DIPLOMACY_TYPES)]
    counts: dict[tuple[str, str, str], list[str]] = {}
    for event_id, kind, people, venue in zip(
        wanted["event_id"],
        wanted["type"],
        wanted["participants"],
        wanted["place_id"],
        strict=True,
    ):
        towns = []
        for actor in split_list(people):
            capital = capitals.get(actor_country.get(actor, ""), "")
            if capital in located.index and capital not in towns:
                towns.append(capital)
        if facts_of(kind).located and venue in located.index:  # a meeting: to its venue
            pairs = [(town, venue) for town in towns if town != venue]
        else:
            pairs = [tuple(sorted(pair)) for pair in combinations(towns, 2)]
        for start, end in dict.fromkeys(pairs):
            counts.setdefault((kind, start, end), []).append(event_id)
    rows = []
    for (kind, start, end), ids in counts.items():
        rows.append(
            {
                "arc_id": f"{kind}|{start}|{end}",
                "type": kind,
                "from_id": start,
                "to_id": end,
                "from_lon": float(located.at[start, "lon"]),
                "from_lat": float(located.at[start, "lat"]),
                "to_lon": float(located.at[end, "lon"]),
                "to_lat": float(located.at[end, "lat"]),
                "n": len(ids),
                "event_ids": ids,
            }
        )
    columns = ["arc_id", "type", "from_id", "to_id", "from_lon", "from_lat", "to_lon"]
    columns += ["to_lat", "n", "event_ids"]
    frame = pd.DataFrame(rows, columns=columns)
    return frame.sort_values(["n", "arc_id"], ascending=[False, True]).reset_index(drop=True)
