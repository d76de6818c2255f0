"""Checks on the lexicon data files in data/lexicon/.

Standard library only: the files are read with ``csv`` and checked for their
headers, ids, cross-references, dates, coordinates and a few known facts.
"""

from __future__ import annotations

import csv
import datetime as dt
import itertools
import re
from collections import defaultdict
from functools import cache
from pathlib import Path

import pytest

from newsdesk.contract import schema
from newsdesk.language.arabic import normalize as norm

LEX = Path(__file__).resolve().parent.parent / "data" / "lexicon"

HEADERS = {
    # the build writes these three as they are, so they hold exactly the contract's columns
    "actors.csv": list(schema.ACTORS),
    "offices.csv": ["actor_id", "office", "country", "start", "end"],
    "countries.csv": [
        "country_id",
        "name_en",
        "name_ar",
        "names_ar",
        "adjectives_ar",
        "leader_office",
        "capital_place_id",
    ],
    "role_phrases.csv": ["phrase_ar", "office", "country"],
    "places.csv": list(schema.PLACES),
    "topics.csv": list(schema.TOPICS),
    "months.csv": ["month", "system", "name_ar", "written", "why"],
    "date_context.csv": ["phrase_ar", "context", "reach", "days", "why"],
    "page_clutter.csv": ["kind", "value", "why"],
    "not_people.csv": ["phrase_ar", "why"],
    "word_classes.csv": ["class", "word_ar", "value", "why"],
}

# list-valued columns (";"-separated) per file
LIST_COLUMNS = {
    "actors.csv": ["aliases_ar"],
    "countries.csv": ["names_ar", "adjectives_ar"],
    "places.csv": ["aliases_ar"],
    "topics.csv": ["cues_ar"],
}

OFFICES = {
    "head_of_state",
    "head_of_government",
    "foreign_minister",
    "defence_minister",
    "spokesperson",
    "foreign_ministry_spokesperson",
    "security_council_secretary",
    "european_council_president",
    "eu_foreign_policy_chief",
    "deputy_prime_minister",
    "presidential_aide",
}
# offices that several people may hold at the same time
SHARED_OFFICES = {"deputy_prime_minister", "presidential_aide"}
SPECIAL_OFFICES = {"leader", "counterpart"}

TOPICS = {
    "ceasefire",
    "peacekeepers",
    "border_delimitation",
    "peace_treaty",
    "transport_links",
    "humanitarian",
    "prisoners",
    "investigation",
    "refugees",
    "energy",
    "economy",
    "mines",
    "lachin_corridor",
    "sovereignty",
    "security",
}

ID_RE = re.compile(r"^[a-z0-9]+(?:[_-][a-z0-9]+)*$")
ISO2_RE = re.compile(r"^[a-z]{2}$")
ARABIC_RE = re.compile(r"[\u0600-\u06FF]")

# The bounding box of the South Caucasus area that every place filed under an
# Azerbaijani or Armenian admin-1 district must fall in.
CAUCASUS_LAT = (38.3, 41.9)
CAUCASUS_LON = (43.4, 50.9)


@cache
def read(name: str) -> tuple[list[str], list[dict[str, str]]]:
    raw = (LEX / name).read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf"), f"{name} starts with a BOM"
    text = raw.decode("utf-8")
    reader = csv.reader(text.splitlines())
    rows = list(reader)
    header, body = rows[0], rows[1:]
    for i, r in enumerate(body, start=2):
        assert len(r) == len(header), f"{name}:{i} has {len(r)} cells, expected {len(header)}"
    return header, [dict(zip(header, r, strict=True)) for r in body]


def rows(name: str) -> list[dict[str, str]]:
    return read(name)[1]


def split(cell: str) -> list[str]:
    return [] if cell == "" else cell.split(";")


def parse_date(s: str) -> dt.date:
    return dt.date.fromisoformat(s)


# --------------------------------------------------------------------- generic


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_header_is_exact(name):
    header, body = read(name)
    assert header == HEADERS[name]
    assert body, f"{name} has no rows"


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_cells_are_trimmed_and_lists_clean(name):
    for i, r in enumerate(rows(name), start=2):
        for col, val in r.items():
            assert val == val.strip(), f"{name}:{i} {col} has surrounding whitespace"
            assert "\n" not in val, f"{name}:{i} {col} has a newline"
        for col in LIST_COLUMNS.get(name, []):
            items = split(r[col])
            for it in items:
                assert it and it == it.strip(), f"{name}:{i} {col} has an empty/padded item"
                assert ARABIC_RE.search(it), f"{name}:{i} {col} item {it!r} is not Arabic"
            assert len(items) == len(set(items)), f"{name}:{i} {col} repeats an item"


@pytest.mark.parametrize(
    ("name", "col"),
    [
        ("actors.csv", "actor_id"),
        ("countries.csv", "country_id"),
        ("places.csv", "place_id"),
        ("topics.csv", "topic_id"),
    ],
)
def test_ids_lowercase_ascii_and_unique(name, col):
    ids = [r[col] for r in rows(name)]
    for i in ids:
        assert i.isascii() and ID_RE.match(i), f"{name}: bad id {i!r}"
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    assert not dupes, f"{name}: duplicate ids {dupes}"


def country_ids() -> set[str]:
    return {r["country_id"] for r in rows("countries.csv")}


# ---------------------------------------------------------------------- actors


def test_actor_fields():
    known = country_ids() | {"un", "nato"}
    for r in rows("actors.csv"):
        aid = r["actor_id"]
        assert r["name_en"] and r["role_en"], aid
        assert ARABIC_RE.search(r["name_ar"]) and ARABIC_RE.search(r["role_ar"]), aid
        assert r["name_ar"] in split(r["aliases_ar"]), f"{aid}: name_ar missing from aliases_ar"
        assert r["country"] in known, f"{aid}: unknown country {r['country']!r}"


def test_no_alias_shared_by_two_actors():
    owner: dict[str, str] = {}
    clashes = []
    for r in rows("actors.csv"):
        for alias in {norm(a) for a in split(r["aliases_ar"])}:
            other = owner.setdefault(alias, r["actor_id"])
            if other != r["actor_id"]:
                clashes.append((alias, other, r["actor_id"]))
    assert not clashes, clashes


def test_expected_actors_present():
    ids = {r["actor_id"] for r in rows("actors.csv")}
    expected = {
        "putin", "aliyev", "pashinyan", "lavrov", "bayramov", "mirzoyan", "ayvazyan",
        "mnatsakanyan", "peskov", "zakharova", "erdogan", "cavusoglu", "fidan", "macron",
        "michel", "scholz", "blinken", "borrell", "sarkissian", "khachaturyan", "hajiyev",
        "shoigu", "overchuk", "mishustin", "harutyunyan", "shahramanyan", "raisi",
        "sullivan", "guterres", "tokayev", "biden",
    }  # fmt: skip
    assert expected <= ids, sorted(expected - ids)


def test_actor_aliases_do_not_collide_with_country_or_role_phrases():
    # actor aliases, country names/adjectives and role phrases share one phrase matcher
    templ, fixed = expand_role_phrases()
    other = set(templ) | set(fixed)
    for c in rows("countries.csv"):
        other |= {norm(x) for x in split(c["names_ar"]) + split(c["adjectives_ar"])}
    for r in rows("actors.csv"):
        clash = {norm(a) for a in split(r["aliases_ar"])} & other
        assert not clash, f"{r['actor_id']}: {sorted(clash)}"


def test_actor_alias_spot_checks():
    by_id = {r["actor_id"]: set(split(r["aliases_ar"])) for r in rows("actors.csv")}
    assert {"باشينيان", "باشنيان", "نيكول"} <= by_id["pashinyan"]
    assert {"أردوغان", "إردوغان"} <= by_id["erdogan"]
    assert {"تشاووش أوغلو", "جاويش أوغلو"} <= by_id["cavusoglu"]
    assert "إلهام" in by_id["aliyev"]
    assert "لافروف" in by_id["lavrov"]


# --------------------------------------------------------------------- offices


def test_office_rows_valid():
    actors = {r["actor_id"] for r in rows("actors.csv")}
    countries = country_ids()
    for i, r in enumerate(rows("offices.csv"), start=2):
        assert r["actor_id"] in actors, f"offices.csv:{i} unknown actor {r['actor_id']!r}"
        assert r["office"] in OFFICES, f"offices.csv:{i} unknown office {r['office']!r}"
        assert r["country"] in countries, f"offices.csv:{i} unknown country {r['country']!r}"
        start = parse_date(r["start"])
        if r["end"]:
            assert parse_date(r["end"]) >= start, f"offices.csv:{i} ends before it starts"


def test_office_terms_do_not_overlap():
    terms = defaultdict(list)
    for r in rows("offices.csv"):
        if r["office"] in SHARED_OFFICES:
            continue
        end = parse_date(r["end"]) if r["end"] else dt.date.max
        terms[(r["office"], r["country"])].append((parse_date(r["start"]), end, r["actor_id"]))
    for key, spans in terms.items():
        spans.sort()
        for (_s1, e1, a1), (s2, _e2, a2) in itertools.pairwise(spans):
            # a successor may take over on the day the predecessor's term ends
            assert s2 >= e1, f"{key}: {a1} (to {e1}) overlaps {a2} (from {s2})"


def holders(office: str, country: str, day: str) -> set[str]:
    d = parse_date(day)
    out = set()
    for r in rows("offices.csv"):
        if r["office"] != office or r["country"] != country:
            continue
        end = parse_date(r["end"]) if r["end"] else dt.date.max
        if parse_date(r["start"]) <= d <= end:
            out.add(r["actor_id"])
    return out


@pytest.mark.parametrize(
    ("office", "country", "day", "who"),
    [
        ("head_of_state", "ru", "2020-11-10", "putin"),
        ("head_of_state", "az", "2023-09-20", "aliyev"),
        ("head_of_government", "am", "2021-06-01", "pashinyan"),
        ("head_of_state", "am", "2021-01-01", "sarkissian"),
        ("head_of_state", "am", "2023-01-01", "khachaturyan"),
        ("foreign_minister", "am", "2020-10-01", "mnatsakanyan"),
        ("foreign_minister", "am", "2021-03-01", "ayvazyan"),
        ("foreign_minister", "am", "2022-10-06", "mirzoyan"),
        ("foreign_minister", "az", "2020-10-01", "bayramov"),
        ("foreign_minister", "tr", "2022-01-01", "cavusoglu"),
        ("foreign_minister", "tr", "2024-01-01", "fidan"),
        ("foreign_minister", "ru", "2023-01-01", "lavrov"),
        ("spokesperson", "ru", "2022-01-01", "peskov"),
        ("foreign_ministry_spokesperson", "ru", "2022-01-01", "zakharova"),
        ("head_of_state", "nk", "2022-01-01", "harutyunyan"),
        ("head_of_state", "nk", "2023-09-20", "shahramanyan"),
        ("european_council_president", "eu", "2023-10-05", "michel"),
        ("eu_foreign_policy_chief", "eu", "2023-10-05", "borrell"),
        ("head_of_state", "ir", "2022-01-01", "raisi"),
        ("head_of_state", "us", "2022-01-01", "biden"),
        ("foreign_minister", "us", "2023-05-01", "blinken"),
        ("head_of_government", "de", "2024-02-17", "scholz"),
    ],
)
def test_known_office_holders(office, country, day, who):
    assert holders(office, country, day) == {who}


def test_known_vacancies():
    # between Sarkissian's resignation and Khachaturyan's inauguration
    assert holders("head_of_state", "am", "2022-02-20") == set()
    # between Ayvazyan and Mirzoyan
    assert holders("foreign_minister", "am", "2021-07-01") == set()


# ------------------------------------------------------------------- countries


def place_rows() -> dict[str, dict[str, str]]:
    return {r["place_id"]: r for r in rows("places.csv")}


def test_country_rows():
    places = place_rows()
    for r in rows("countries.csv"):
        cid = r["country_id"]
        assert ISO2_RE.match(cid), cid
        names = split(r["names_ar"])
        assert names and r["name_ar"] in names, f"{cid}: name_ar missing from names_ar"
        for adj in split(r["adjectives_ar"]):
            assert adj.startswith(("ال", "الأ", "الإ", "الآ")), f"{cid}: {adj!r} is not definite"
        if cid != "nk":
            assert split(r["adjectives_ar"]), f"{cid}: no adjectives"
        assert r["leader_office"] in OFFICES, f"{cid}: bad leader_office"
        assert r["capital_place_id"] in places, (
            f"{cid}: capital {r['capital_place_id']!r} not in places"
        )


def test_expected_countries_and_leader_offices():
    lead = {r["country_id"]: r["leader_office"] for r in rows("countries.csv")}
    expected = {"ru", "az", "am", "tr", "fr", "de", "us", "ir", "eu", "nk", "ge", "kz", "by"}
    assert expected <= set(lead)
    assert lead["am"] == "head_of_government"
    assert lead["az"] == "head_of_state"
    assert lead["de"] == "head_of_government"
    assert lead["eu"] == "european_council_president"


def test_country_names_and_adjectives_unambiguous():
    for col in ("names_ar", "adjectives_ar"):
        owner: dict[str, str] = {}
        for r in rows("countries.csv"):
            for item in {norm(x) for x in split(r[col])}:
                other = owner.setdefault(item, r["country_id"])
                assert other == r["country_id"], (
                    f"{col}: {item!r} used by {other} and {r['country_id']}"
                )


def test_country_spot_checks():
    c = {r["country_id"]: r for r in rows("countries.csv")}
    assert {"الأذري", "الأذربيجاني", "الأذربيجانية"} <= set(split(c["az"]["adjectives_ar"]))
    assert {"الأرمني", "الأرمينية"} <= set(split(c["am"]["adjectives_ar"]))
    assert "جمهورية آرتساخ" in split(c["nk"]["names_ar"])
    assert "روسيا الاتحادية" in split(c["ru"]["names_ar"])


# ---------------------------------------------------------------- role phrases


def expand_role_phrases() -> tuple[dict[str, set], dict[str, set]]:
    """Expand templates the way the pipeline does: returns (template map, fixed map)."""
    countries = rows("countries.csv")
    templ: dict[str, set] = defaultdict(set)
    fixed: dict[str, set] = defaultdict(set)
    for r in rows("role_phrases.csv"):
        p = r["phrase_ar"]
        if "{name}" in p or "{adj}" in p:
            slot, col = ("{name}", "names_ar") if "{name}" in p else ("{adj}", "adjectives_ar")
            for c in countries:
                for v in split(c[col]):
                    templ[norm(p.replace(slot, v))].add((r["office"], c["country_id"]))
        else:
            fixed[norm(p)].add((r["office"], r["country"]))
    return templ, fixed


def test_role_phrase_rows():
    countries = country_ids()
    seen = set()
    for i, r in enumerate(rows("role_phrases.csv"), start=2):
        p = r["phrase_ar"]
        assert ARABIC_RE.search(p), f"role_phrases.csv:{i}"
        assert r["office"] in OFFICES | SPECIAL_OFFICES, f"role_phrases.csv:{i} bad office"
        assert (p, r["office"], r["country"]) not in seen, f"role_phrases.csv:{i} duplicate row"
        seen.add((p, r["office"], r["country"]))
        slots = re.findall(r"\{[^}]*\}", p)
        if slots:
            assert slots in (["{name}"], ["{adj}"]), f"role_phrases.csv:{i} bad placeholder {slots}"
            assert r["country"] == "", f"role_phrases.csv:{i} template with a country"
        else:
            assert "{" not in p and "}" not in p, f"role_phrases.csv:{i}"
            assert r["country"] in countries, f"role_phrases.csv:{i} fixed phrase needs a country"
            assert r["office"] != "counterpart", (
                f"role_phrases.csv:{i} counterpart needs a template"
            )


def test_role_phrase_expansions_unambiguous():
    templ, fixed = expand_role_phrases()
    for phrase, targets in fixed.items():
        assert len(targets) == 1, f"fixed phrase {phrase!r} maps to {targets}"
    for phrase, targets in templ.items():
        # a fixed phrase takes precedence over template expansions
        if phrase in fixed:
            continue
        assert len(targets) == 1, f"expanded phrase {phrase!r} maps to {targets}"


@pytest.mark.parametrize(
    ("phrase", "office", "country"),
    [
        ("رئيس أذربيجان", "head_of_state", "az"),
        ("رئيس جمهورية أذربيجان", "head_of_state", "az"),
        ("رئيس وزراء أرمينيا", "head_of_government", "am"),
        ("رئيس الوزراء الأرميني", "head_of_government", "am"),
        ("وزير الخارجية الروسي", "foreign_minister", "ru"),
        ("وزير الخارجية الأمريكي", "foreign_minister", "us"),
        ("الرئيس الأذربيجاني", "head_of_state", "az"),
        ("زعيم روسيا", "leader", "ru"),
        ("نظيره الأذربيجاني", "counterpart", "az"),
        ("رئيس المجلس الأوروبي", "european_council_president", "eu"),
        ("المتحدث باسم الكرملين", "spokesperson", "ru"),
        ("الناطق باسم الكرملين", "spokesperson", "ru"),
        ("المتحدثة باسم الخارجية الروسية", "foreign_ministry_spokesperson", "ru"),
        ("سيد الكرملين", "head_of_state", "ru"),
        ("مسؤول السياسة الخارجية في الاتحاد الأوروبي", "eu_foreign_policy_chief", "eu"),
        ("وزير خارجية الاتحاد الأوروبي", "eu_foreign_policy_chief", "eu"),
    ],
)
def test_role_phrase_resolves(phrase, office, country):
    templ, fixed = expand_role_phrases()
    key = norm(phrase)
    got = fixed.get(key) or templ.get(key)
    assert got == {(office, country)}, f"{phrase!r} -> {got}"


# ---------------------------------------------------------------------- places


def test_place_kinds_countries_and_coordinates():
    for r in rows("places.csv"):
        pid = r["place_id"]
        assert r["kind"] in schema.PLACE_KINDS, f"{pid}: bad kind {r['kind']!r}"
        assert r["country"] == "" or ISO2_RE.match(r["country"]), f"{pid}: bad country"
        assert r["name_ar"] in split(r["aliases_ar"]), f"{pid}: name_ar missing from aliases_ar"
        lat, lon = float(r["lat"]), float(r["lon"])
        assert -90 <= lat <= 90 and -180 <= lon <= 180, pid
        if r["kind"] == "country":
            assert r["country"] and not r["district_id"], pid


def test_district_references():
    places = place_rows()
    for pid, r in places.items():
        d = r["district_id"]
        if r["kind"] == "district":
            assert d == pid, f"district {pid} must be its own district_id (got {d!r})"
        if d:
            assert d in places, f"{pid}: district_id {d!r} is not a place"
            assert places[d]["kind"] == "district", f"{pid}: {d!r} is not of kind district"
            prefix = d.split("-", 1)[0]
            assert r["country"] == prefix, f"{pid}: country {r['country']!r} vs district {d!r}"


def test_caucasus_places_within_bounds():
    for r in rows("places.csv"):
        if r["district_id"].startswith(("az-", "am-")):
            lat, lon = float(r["lat"]), float(r["lon"])
            assert CAUCASUS_LAT[0] <= lat <= CAUCASUS_LAT[1], (r["place_id"], lat)
            assert CAUCASUS_LON[0] <= lon <= CAUCASUS_LON[1], (r["place_id"], lon)


def test_az_am_settlements_carry_a_district():
    for r in rows("places.csv"):
        if r["country"] in {"az", "am"} and r["kind"] in {
            "city",
            "town",
            "village",
            "venue",
            "corridor",
        }:
            assert r["district_id"], f"{r['place_id']} has no district_id"


def test_no_alias_shared_by_two_places():
    owner: dict[str, str] = {}
    clashes = []
    for r in rows("places.csv"):
        for alias in {norm(a) for a in split(r["aliases_ar"])}:
            other = owner.setdefault(alias, r["place_id"])
            if other != r["place_id"]:
                clashes.append((alias, other, r["place_id"]))
    assert not clashes, clashes


def find_place(*aliases: str) -> dict[str, str]:
    want = {norm(a) for a in aliases}
    hits = [r for r in rows("places.csv") if want <= {norm(a) for a in split(r["aliases_ar"])}]
    assert len(hits) == 1, f"{aliases}: {[h['place_id'] for h in hits]}"
    return hits[0]


def test_known_places():
    assert find_place("خانكندي", "ستيباناكيرت")["district_id"] == "az-khankendi"
    lachin = find_place("لاتشين")
    assert lachin["kind"] in {"town", "city"} and lachin["district_id"] == "az-lachin"
    assert find_place("بيردزور")["place_id"] == lachin["place_id"]
    assert find_place("الكرملين")["place_id"] == "moscow"
    assert find_place("شوشا")["district_id"] == "az-shusha"
    assert find_place("هادروت")["district_id"] == "az-khojavend"
    assert find_place("مارتاكيرت")["district_id"] == "az-tartar"
    assert find_place("غوريس")["district_id"] == "am-syunik"
    assert find_place("جيرموك")["district_id"] == "am-vayots-dzor"
    corridor = find_place("ممر لاتشين")
    assert corridor["kind"] == "corridor" and corridor["district_id"] == "az-lachin"
    karabakh = find_place("قره باغ", "ناغورنو كاراباخ", "آرتساخ")
    assert karabakh["place_id"] == "karabakh" and karabakh["kind"] == "region"


def test_seven_districts_and_karabakh_units_present():
    places = place_rows()
    for d in [
        "az-lachin", "az-kalbajar", "az-gubadli", "az-zangilan", "az-jabrayil", "az-fuzuli",
        "az-aghdam", "az-shusha", "az-khankendi", "az-khojaly", "az-khojavend", "az-tartar",
    ]:  # fmt: skip
        assert d in places and places[d]["kind"] == "district", d


def test_khankendi_and_shusha_coordinates():
    places = place_rows()
    k = places["khankendi"]
    assert abs(float(k["lat"]) - 39.815) < 0.02 and abs(float(k["lon"]) - 46.752) < 0.02
    s = places["shusha"]
    assert abs(float(s["lat"]) - 39.758) < 0.02 and abs(float(s["lon"]) - 46.748) < 0.02


# ---------------------------------------------------------------------- topics


def test_topics():
    ts = rows("topics.csv")
    assert {r["topic_id"] for r in ts} == TOPICS
    owner: dict[str, str] = {}
    for r in ts:
        cues = split(r["cues_ar"])
        assert len(cues) >= 5, r["topic_id"]
        for cue in {norm(c) for c in cues}:
            other = owner.setdefault(cue, r["topic_id"])
            assert other == r["topic_id"], f"cue {cue!r} in {other} and {r['topic_id']}"
    cues = {r["topic_id"]: set(split(r["cues_ar"])) for r in ts}
    assert "وقف إطلاق النار" in cues["ceasefire"]
    assert "ترسيم الحدود" in cues["border_delimitation"]
    assert "ممر زنغزور" in cues["transport_links"]


# ---------------------------------------------------------------------- months

MONTH_SYSTEMS = ("levantine", "western")


def test_month_rows():
    for i, r in enumerate(rows("months.csv"), start=2):
        assert 1 <= int(r["month"]) <= 12, f"months.csv:{i} bad month {r['month']!r}"
        assert r["system"] in MONTH_SYSTEMS, f"months.csv:{i} bad system {r['system']!r}"
        assert ARABIC_RE.search(r["name_ar"]), f"months.csv:{i} name_ar is not Arabic"
        assert r["written"] in {"yes", ""}, f"months.csv:{i} written must be 'yes' or empty"
        assert r["why"], f"months.csv:{i} says no why"


def test_one_written_spelling_per_month_and_system():
    written = defaultdict(list)
    for r in rows("months.csv"):
        if r["written"] == "yes":
            written[(r["system"], int(r["month"]))].append(r["name_ar"])
    for system in MONTH_SYSTEMS:
        for month in range(1, 13):
            assert len(written[(system, month)]) == 1, (system, month, written[(system, month)])


def test_month_spellings_unambiguous_and_spot_checks():
    owner: dict[str, int] = {}
    for r in rows("months.csv"):
        other = owner.setdefault(norm(r["name_ar"]), int(r["month"]))
        assert other == int(r["month"]), f"{r['name_ar']!r} is month {other} and {r['month']}"
    written = {
        (r["system"], int(r["month"])): r["name_ar"]
        for r in rows("months.csv")
        if r["written"] == "yes"
    }
    assert written[("levantine", 1)] == "كانون الثاني"
    assert written[("levantine", 11)] == "تشرين الثاني"
    assert written[("western", 2)] == "فبراير"
    assert written[("western", 8)] == "أغسطس"


# ---------------------------------------------------------------- date context

DATE_CONTEXTS = {"history", "document", "future", "near", "frame"}


def test_date_context_rows():
    seen = set()
    for i, r in enumerate(rows("date_context.csv"), start=2):
        where = f"date_context.csv:{i}"
        assert ARABIC_RE.search(r["phrase_ar"]), f"{where} phrase_ar is not Arabic"
        assert r["context"] in DATE_CONTEXTS, f"{where} bad context {r['context']!r}"
        assert r["why"], f"{where} says no why"
        if r["context"] == "frame":
            assert r["reach"] == r["days"] == "", f"{where} a frame word has no reach or days"
        else:
            assert r["reach"].isdigit(), f"{where} reach must be a number of words"
        assert r["days"].isdigit() == (r["context"] == "near"), f"{where} days only for near"
        assert norm(r["phrase_ar"]) not in seen, f"{where} repeats {r['phrase_ar']!r}"
        seen.add(norm(r["phrase_ar"]))
    assert {"منذ", "بحلول", "المؤرخ"} <= {r["phrase_ar"] for r in rows("date_context.csv")}


# --------------------------------------------------------------------- page_clutter.csv

CLUTTER_VALUE = {
    "element": re.compile(r"^[a-z]+$"),  # an HTML element's name
    "class": re.compile(r"^[a-z0-9_-]+$"),  # matched in lowercase class and id attributes
    "heading": ARABIC_RE,
}


def test_page_clutter_rows():
    """Each value goes into an XPath in single quotes, so none may hold one; every row says
    why it is clutter."""
    seen = set()
    for i, r in enumerate(rows("page_clutter.csv"), start=2):
        assert r["kind"] in CLUTTER_VALUE, f"page_clutter.csv:{i} unknown kind {r['kind']!r}"
        assert CLUTTER_VALUE[r["kind"]].search(r["value"]), f"page_clutter.csv:{i} bad value"
        assert "'" not in r["value"] and r["why"], f"page_clutter.csv:{i}"
        assert (r["kind"], r["value"]) not in seen, f"page_clutter.csv:{i} repeats a row"
        seen.add((r["kind"], r["value"]))
    for kind in ("article", "main", "body", "p", "h1"):
        assert ("element", kind) not in seen, f"{kind} holds the story: never clutter"


def test_word_classes_hold_values_the_rules_can_read():
    table = rows("word_classes.csv")
    classes = {r["class"] for r in table}
    assert {"ordinal", "month_part", "relative_word", "count_word", "temporal_word"} <= classes
    for r in table:
        assert r["word_ar"] and r["why"], r
        if r["class"] == "ordinal":
            assert 1 <= int(r["value"]) <= 31, r
        elif r["class"] == "month_part":
            assert r["value"] in {"early", "mid", "late"}, r
        elif r["class"] in {"relative_word", "number_word"}:
            int(r["value"])
        elif r["class"] == "ministry_of":
            assert r["value"] in {o["office"] for o in rows("offices.csv")}, r
        elif r["class"] == "count_word":
            amount, unit = r["value"].split()
            assert amount == "some" or int(amount) > 0, r
            assert unit in {"day", "week", "month", "year"}, r
        else:
            assert r["value"] == "", r


def test_no_cue_listed_twice_with_two_meanings():
    """A phrase listed twice (or twice once normalised) with different categories gives
    whichever row the loader meets last, so the rules read a word otherwise than its row says.
    Spelling variants that normalise alike (`هاتفياً`, `هاتفيا`) may repeat one meaning."""
    seen: dict[str, tuple[int, str, str]] = {}
    for number, row in enumerate(rows("cues.csv"), start=2):
        key = norm(row["cue_ar"])
        meaning = (row["category"], row["value"])
        if key in seen:
            first, *first_meaning = seen[key]
            assert tuple(first_meaning) == meaning, f"cues.csv line {number} repeats {first}"
            same = row["cue_ar"] == rows("cues.csv")[first - 2]["cue_ar"]
            assert not same, f"cues.csv line {number} repeats line {first}: {row['cue_ar']}"
        seen[key] = (number, *meaning)


def test_every_word_class_is_explained_in_the_lexicon_readme():
    """The README's table is where a newcomer learns what a rule does with a class."""
    readme = (LEX / "README.md").read_text(encoding="utf-8")
    section = readme.split("## word_classes.csv", 1)[1].split("\n## ", 1)[0]
    missing = sorted(
        {r["class"] for r in rows("word_classes.csv")} - set(re.findall(r"`(\w+)`", section))
    )
    assert not missing, f"data/lexicon/README.md does not explain: {', '.join(missing)}"
