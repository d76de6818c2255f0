"""The committed map layers in data/geo/: Natural Earth's attribute errors are fixed, the
former NKAO has its real size, every lexicon district has a polygon, the files stay small."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest
from shapely.geometry import Point, shape

from geobuild import area_km2, distance_km
from newsdesk.language.lexicon import read_lexicon
from newsdesk.view import geo

GEO = Path(__file__).resolve().parent.parent / "data" / "geo"


@cache
def collection(name: str) -> dict:
    return json.loads((GEO / name).read_text(encoding="utf-8"))


@cache
def units() -> dict[str, dict]:
    features = collection("districts.geojson")["features"]
    return {f["properties"]["unit_id"]: f for f in features}


def props(unit_id: str) -> dict:
    return units()[unit_id]["properties"]


def test_all_layers_load_without_problems() -> None:
    layers = geo.load_layers(GEO)
    assert layers.problems == ()
    assert layers.usable


def test_files_stay_small() -> None:
    sizes = {name: (GEO / name).stat().st_size for name in geo.GEO_FILES.values()}
    assert sum(sizes.values()) < 400_000, sizes


def test_all_admin1_units_of_both_countries() -> None:
    countries = [f["properties"]["country"] for f in units().values()]
    assert countries.count("az") == 78
    assert countries.count("am") == 11


def test_lachin_is_named_lachin_not_lankaran() -> None:
    lachin = props("az-lachin")
    assert (lachin["ne_code"], lachin["ne_name"]) == ("AZ.SU", "Lankaran")
    assert lachin["name_en"] == "Lachin District"
    assert lachin["name_ar"] == "منطقة لاتشين"
    # Lankaran proper is on the Caspian coast, far from Lachin
    lankaran = shape(units()["az-lankaran"]["geometry"]).centroid
    assert lankaran.x > 48.5
    assert shape(units()["az-lachin"]["geometry"]).centroid.x < 46.7


def test_khojaly_and_khankendi_are_not_swapped() -> None:
    khojaly, khankendi = props("az-khojaly"), props("az-khankendi")
    assert (khojaly["ne_name"], khankendi["ne_name"]) == ("Xocalı", "Stepanakert")
    assert khojaly["name_en"] == "Khojaly District"
    assert khankendi["name_en"] == "Khankendi (city)"
    assert khojaly["area_km2"] > 500 > 50 > khankendi["area_km2"]
    city = shape(units()["az-khankendi"]["geometry"])
    assert city.buffer(0.01).contains(Point(46.7528, 39.8177))  # GeoNames 146970


def test_shusha_district_and_city_are_two_units_counted_as_one_district() -> None:
    district, city = props("az-shusha"), props("az-shusha-city")
    assert (district["ne_code"], city["ne_code"]) == ("AZ.SU", "AZ.SS")
    assert district["name_en"] == "Shusha District"
    assert city["name_en"] == "Shusha (city)"
    assert city["district_id"] == district["district_id"] == "az-shusha"
    assert city["area_km2"] < 20 < district["area_km2"]


def test_old_names_are_replaced() -> None:
    assert props("az-goygol")["name_en"] == "Goygol District"
    assert props("az-goygol")["ne_name"] == "Xanlar"
    assert props("az-shabran")["name_en"] == "Shabran District"
    assert props("az-shabran")["ne_name"] == "Dəvəçi"
    names = {f["properties"]["name_en"] for f in units().values()}
    assert not {"Xanlar", "Dəvəçi", "Lankaran", "Stepanakert"} & names


def test_every_unit_has_both_names_and_a_unique_id() -> None:
    for unit_id, feature in units().items():
        p = feature["properties"]
        assert p["name_en"] and p["name_ar"], unit_id
        assert unit_id.startswith(("az-", "am-"))


def test_every_lexicon_district_has_a_polygon() -> None:
    districts = {f["properties"]["district_id"] for f in units().values()}
    places = read_lexicon("places.csv")
    lexicon = {p["district_id"] for p in places if p["district_id"]}
    assert lexicon <= districts, lexicon - districts
    kinds = {p["place_id"]: p["kind"] for p in places}
    for district_id in lexicon:
        assert kinds[district_id] == "district"


def test_places_lie_in_or_near_their_district() -> None:
    """The district is carried on the place record; coordinates only have to be close (1:10m
    borders are 1-3 km off: Lachin town falls just outside its polygon)."""
    polygons: dict[str, list] = {}
    for feature in units().values():
        polygons.setdefault(feature["properties"]["district_id"], []).append(
            shape(feature["geometry"])
        )
    for place in read_lexicon("places.csv"):
        if not place["district_id"] or place["kind"] == "district":
            continue
        point = Point(float(place["lon"]), float(place["lat"]))
        near = min(polygon.distance(point) for polygon in polygons[place["district_id"]])
        # towns under ~5 km; venues and corridor points are approximate (±0.05 degrees)
        limit = 0.05 if place["kind"] in ("city", "town", "village") else 0.1
        assert near < limit, (place["place_id"], near)


def test_nkao_outline_is_about_4280_km2_and_holds_khankendi() -> None:
    feature = collection("nkao_1991.geojson")["features"][0]
    polygon = shape(feature["geometry"])
    assert polygon.geom_type == "Polygon" and polygon.is_valid
    assert area_km2(polygon) == pytest.approx(4280, rel=0.02)
    assert polygon.contains(Point(46.7528, 39.8177))  # Khankendi
    assert polygon.contains(Point(46.7499, 39.7601))  # Shusha
    assert not polygon.contains(Point(46.5461, 39.6383))  # Lachin was outside the oblast


def test_ceasefire_line_runs_across_the_region() -> None:
    line = shape(collection("ceasefire_1994.geojson")["features"][0]["geometry"])
    assert line.geom_type in ("LineString", "MultiLineString")
    west, south, east, north = line.bounds
    assert west < 46.1 and east > 47.3 and south < 39.5 and north > 40.4


def test_region_countries_and_world_outlines() -> None:
    region = {f["properties"]["iso_a2"] for f in collection("countries_region.geojson")["features"]}
    assert {"az", "am", "ge", "ir", "tr", "ru"} <= region
    world = collection("countries_world.geojson")["features"]
    isos = {f["properties"]["iso_a2"] for f in world}
    assert {"az", "am", "ru", "be", "cz", "es", "us", "kz", "is"} <= isos
    arabic = {f["properties"]["iso_a2"]: f["properties"]["name_ar"] for f in world}
    assert arabic["az"] == "أذربيجان"


def test_towns_carry_geonames_ids_and_sit_where_the_lexicon_says() -> None:
    towns = {f["properties"]["place_id"]: f for f in collection("towns.geojson")["features"]}
    assert towns["khankendi"]["properties"]["geonameid"] == 146970
    places = {p["place_id"]: p for p in read_lexicon("places.csv")}
    for place_id, feature in towns.items():
        lon, lat = feature["geometry"]["coordinates"]
        place = places[place_id]
        assert distance_km(lat, lon, float(place["lat"]), float(place["lon"])) < 6, place_id
        assert feature["properties"]["district_id"] == place["district_id"]
