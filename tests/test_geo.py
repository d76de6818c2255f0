"""newsdesk.view.geo on small frames made here: counting by district through the place record,
markers per place and type, the reader's selection, diplomacy arcs, and broken layer files."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from newsdesk.view import geo

PLACES = {
    "lachin": {"district_id": "az-lachin", "kind": "town", "lat": "39.6383", "lon": "46.5461"},
    "hakari_bridge": {"district_id": "az-lachin", "kind": "venue", "lat": "39.58", "lon": "46.5"},
    "az-lachin": {"district_id": "az-lachin", "kind": "district", "lat": "39.65", "lon": "46.45"},
    "shusha": {"district_id": "az-shusha", "kind": "city", "lat": "39.7601", "lon": "46.7499"},
    "karabakh": {"district_id": "", "kind": "region", "lat": "39.85", "lon": "46.75"},
    "moscow": {"district_id": "", "kind": "city", "lat": "55.7522", "lon": "37.6156"},
    "baku": {"district_id": "az-baku", "kind": "city", "lat": "40.3777", "lon": "49.892"},
    "yerevan": {"district_id": "am-yerevan", "kind": "city", "lat": "40.1811", "lon": "44.5136"},
    "nowhere": {"district_id": "", "kind": "city", "lat": "", "lon": ""},
}


def events(*rows: tuple[str, str, str, str, str]) -> pd.DataFrame:
    """(event_id, date, type, place_id, participants) rows, in date order as the app keeps them."""
    frame = pd.DataFrame(rows, columns=["event_id", "date", "type", "place_id", "participants"])
    for column in ("date_precision", "date_end", "flags", "status", "title_en", "title_ar"):
        frame[column] = ""
    frame["_date"] = pd.to_datetime(frame["date"])
    return frame.sort_values("_date", kind="stable").reset_index(drop=True)


@pytest.fixture
def places() -> pd.DataFrame:
    return geo.place_frame(PLACES)


VIEW = events(
    ("e1", "2020-10-01", "hostilities", "karabakh", ""),
    ("e2", "2022-12-12", "incident", "lachin", ""),
    ("e3", "2023-03-15", "incident", "hakari_bridge", ""),
    ("e4", "2023-04-23", "incident", "lachin", ""),
    ("e5", "2023-09-19", "statement", "shusha", "aliyev"),
    ("e6", "2021-01-11", "meeting", "moscow", "putin;aliyev;pashinyan"),
    ("e7", "2021-06-01", "call", "", "putin;aliyev"),
    ("e8", "2022-05-01", "call", "", "aliyev;putin"),
    ("e9", "2022-06-01", "letter", "", "pashinyan"),
    ("e10", "2022-06-02", "incident", "nowhere", ""),
)


def test_districts_are_counted_through_the_place_record(places: pd.DataFrame) -> None:
    # hakari_bridge is counted in Lachin because its record says so, whatever its coordinates
    assert geo.district_counts(VIEW, places) == {"az-lachin": 3, "az-shusha": 1}
    assert geo.placement(VIEW, places) == geo.Placement(in_district=4, elsewhere=3, unplaced=3)


def test_a_period_changes_the_counts(places: pd.DataFrame) -> None:
    early = VIEW[VIEW["_date"] < "2023-01-01"]
    assert geo.district_counts(early, places) == {"az-lachin": 1}


def test_count_classes_start_at_one() -> None:
    assert geo.count_bins(0) == [1]
    assert geo.count_bins(2) == [1, 2]
    assert geo.count_bins(37) == [1, 2, 5, 10, 20]
    bins = geo.count_bins(60_000)
    assert bins[0] == 1 and len(bins) == 5 and bins[-1] <= 60_000


def test_markers_group_events_by_place_and_type_newest_first(places: pd.DataFrame) -> None:
    groups = geo.marker_groups(VIEW, places, latest=1)
    keys = list(zip(groups["place_id"], groups["type"], groups["n"], strict=True))
    assert ("lachin", "incident", 2) in keys
    assert ("hakari_bridge", "incident", 1) in keys
    assert all(place != "nowhere" for place, _, _ in keys)  # no coordinates, no marker
    lachin = groups[groups["place_id"] == "lachin"].iloc[0]
    assert [row["event_id"] for row in lachin["latest"]] == ["e4"]
    assert geo.marker_groups(VIEW.iloc[0:0], places).empty


def test_selection_from_a_folium_click_and_from_the_url(places: pd.DataFrame) -> None:
    district_click = {
        "last_active_drawing": {
            "type": "Feature",
            "properties": {"sel": "district:az-lachin", "tip": "<b>Lachin</b>"},
            "geometry": {"type": "Polygon", "coordinates": []},
        }
    }
    marker_click = {"last_active_drawing": {"properties": {"sel": "place:shusha", "n": 1}}}
    assert geo.selection_from_click(district_click) == geo.MapSelection("district", "az-lachin")
    assert geo.selection_from_click(marker_click) == geo.MapSelection("place", "shusha")
    for nothing in (None, {}, {"last_active_drawing": None}, {"last_active_drawing": {}}):
        assert geo.selection_from_click(nothing) is None
    assert geo.parse_selection("town:x") is None
    assert geo.parse_selection("place:") is None
    assert geo.parse_selection(geo.MapSelection("place", "lachin").to_param()).item_id == "lachin"
    chosen = geo.selected_events(VIEW, places, geo.MapSelection("district", "az-lachin"))
    assert list(chosen["event_id"]) == ["e2", "e3", "e4"]
    chosen = geo.selected_events(VIEW, places, geo.MapSelection("place", "lachin"))
    assert list(chosen["event_id"]) == ["e2", "e4"]
    assert geo.selected_events(VIEW, places, None).empty


def test_diplomacy_arcs_join_capitals_or_run_to_the_venue(places: pd.DataFrame) -> None:
    countries = {"putin": "ru", "aliyev": "az", "pashinyan": "am"}
    capitals = {"ru": "moscow", "az": "baku", "am": "yerevan"}
    arcs = geo.diplomacy_arcs(VIEW, countries, capitals, places)
    found = {row["arc_id"]: row["n"] for row in arcs.to_dict("records")}
    # the Moscow meeting: Baku and Yerevan to the venue, none from Moscow to itself
    assert found["meeting|baku|moscow"] == 1
    assert found["meeting|yerevan|moscow"] == 1
    # two calls between the same capitals, whichever order the participants are listed in
    assert found["call|baku|moscow"] == 2
    assert len(found) == 3
    top = arcs.iloc[0]
    assert top["arc_id"] == "call|baku|moscow" and sorted(top["event_ids"]) == ["e7", "e8"]
    assert geo.diplomacy_arcs(VIEW, {}, capitals, places).empty


def test_capitals_come_from_the_lexicon() -> None:
    capitals = geo.capital_places()
    assert capitals["az"] == "baku" and capitals["am"] == "yerevan" and capitals["eu"] == "brussels"


def test_missing_and_broken_layers_are_reported_not_raised(tmp_path: Path) -> None:
    layers = geo.load_layers(tmp_path)
    assert {p.reason for p in layers.problems} == {"missing"}
    assert not layers.usable
    assert layers.get("districts")["features"] == []
    (tmp_path / "districts.geojson").write_text("{not json", encoding="utf-8")
    (tmp_path / "countries_region.geojson").write_text(
        json.dumps({"type": "FeatureCollection", "features": [{"type": "Feature"}]}),
        encoding="utf-8",
    )
    problems = {p.layer: p for p in geo.load_layers(tmp_path).problems}
    assert problems["districts"].reason == "invalid"
    assert problems["countries"].detail == "feature 0 has no geometry"
    feature = {"type": "Feature", "properties": {}, "geometry": {"type": "Point"}}
    (tmp_path / "districts.geojson").write_text(
        json.dumps({"type": "FeatureCollection", "features": [feature]}), encoding="utf-8"
    )
    problems = {p.layer: p for p in geo.load_layers(tmp_path).problems}
    assert problems["districts"].detail == "feature 0 has no unit_id"
