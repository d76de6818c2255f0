"""The publishing exports held to the fields their formats document (see the module docstring of
newsdesk.formats.publish_formats for where each list of fields comes from), on made-up events built
here: every date precision, a multi-day range, Arabic and English, events with and without a
place, HTML and a <script> in the text, an event with no PLOVER category, an empty view."""

from __future__ import annotations

import csv
import io
import json

import pandas as pd
import pytest
from openpyxl import load_workbook

from newsdesk.contract.schema import EVENTS, TABLES
from newsdesk.editors.spreadsheets import table_csv, tables_xlsx
from newsdesk.formats.events_json import events_json
from newsdesk.formats.plover import plover_jsonl, plover_parts
from newsdesk.formats.shared import ExportView, file_stem, plan
from newsdesk.formats.storymap import storymap_json
from newsdesk.formats.timelinejs import timeline_date, timelinejs_json
from newsdesk.language.strings import load_strings
from newsdesk.view.names import Lookups
from newsdesk.view.url_state import Filters

SCRIPT = "<script>alert('x')</script>"
PLOVER_CATEGORIES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "INVESTIGATE",
    "DEMAND", "ACCUSE", "REJECT", "SANCTION", "THREATEN", "PROTEST", "MOBILIZE", "COERCE",
    "ASSAULT", "FIGHT",
}  # fmt: skip


def event(event_id: str, date: str, precision: str, kind: str, **fields: str) -> dict[str, str]:
    row = {column: "" for column in EVENTS}
    row.update(
        event_id=event_id,
        date=date,
        date_precision=precision,
        type=kind,
        status="happened",
        n_sources="1",
        confidence="0.7",
        title_en=f"Title {event_id}",
        title_ar=f"عنوان {event_id}",
        summary_en=f"Summary of {event_id}.",
        summary_ar=f"ملخص {event_id}.",
    )
    row.update(fields)
    return row


ROWS = [
    event("e-day", "2021-03-04", "day", "call", participants="alpha;beta", initiator="alpha",
          plover="CONSULT:phone", topics="talks;truce", source_articles="a1;a2", n_sources="2"),
    event("e-range", "2021-04-01", "day", "hostilities", date_end="2021-04-09",
          participants="alpha;beta", place_id="town", plover="ASSAULT"),
    event("e-week", "2021-05-15", "week", "incident", place_id="town", plover="COERCE",
          summary_en=f"{SCRIPT} & <b>bold</b>", summary_ar=f"{SCRIPT} و<b>غامق</b>",
          title_en="Road <closed> & \"blocked\"", flags="inferred_year;date_conflict",
          source_articles="a3;a-missing"),
    event("e-month", "2021-06-01", "month", "meeting", status="planned", place_id="city",
          participants="alpha;beta", plover="CONSULT:visit"),
    event("e-year", "2022-01-01", "year", "letter", participants="beta;alpha", initiator="beta"),
    event("e-denied", "2022-02-02", "day", "meeting", status="denied", place_id="nowhere",
          participants="alpha", plover="CONSULT:multilateral", confidence=""),
    event("e-undated", "", "day", "statement", participants="alpha", plover="SUPPORT"),
]  # fmt: skip


# The events' source articles as articles.csv holds them: a full one with an address, one with
# neither outlet nor headline and an address that is no web link, one whose headline carries
# markup (and an id the table lacks, on e-week). The file names must reach no export.
ARTICLE_ROWS = {
    "a1": {
        "article_id": "a1",
        "file": "a1_secret.txt",
        "outlet": "TASS",
        "title": "القادة يتصلون",
        "url": "https://tass.example/ar/1?x=1&y=2",
        "published": "2021-03-05",
        "published_basis": "metadata",
    },
    "a2": {
        "article_id": "a2",
        "file": "a2_secret.txt",
        "outlet": "",
        "title": "",
        "url": "javascript:alert(1)",
        "published": "2021-03-04",
        "published_basis": "stated",
    },
    "a3": {
        "article_id": "a3",
        "file": "a3_secret.txt",
        "outlet": "Agency",
        "title": f"Road {SCRIPT}",
        "url": "",
        "published": "",
        "published_basis": "",
    },
}
FILES = ("a1_secret.txt", "a2_secret.txt", "a3_secret.txt")


@pytest.fixture(scope="module")
def events() -> pd.DataFrame:
    return pd.DataFrame(ROWS, columns=list(EVENTS))


@pytest.fixture(scope="module")
def lookups() -> Lookups:
    actors = pd.DataFrame(
        [
            ("alpha", "Anna Alpha", "آنا ألفا", "", "President of A", "رئيسة أ", "aa"),
            ("beta", "Boris Beta", "بوريس بيتا", "", "Prime Minister of B", "رئيس وزراء ب", "bb"),
        ],
        columns=TABLES["actors"],
    )
    places = pd.DataFrame(
        [
            ("town", "Town & <Co>", "البلدة", "", "town", "aa", "aa-d1", "39.5", "46.5"),
            ("city", "City", "المدينة", "", "city", "bb", "", "40.1", "44.5"),
            ("nowhere", "Nowhere", "لا مكان", "", "region", "aa", "", "", ""),
        ],
        columns=TABLES["places"],
    )
    topics = pd.DataFrame([("talks", "Talks", "محادثات", "")], columns=TABLES["topics"])
    return Lookups.from_tables(actors, places, topics)


def view(lang: str = "en") -> ExportView:
    strings = load_strings()
    return ExportView(
        lang=lang,
        title=strings.t(lang, "app.title"),
        period=strings.t(lang, "period.ceasefire2021"),
        filters=Filters(period="ceasefire2021", types=("call",)),
        generated_at="2026-01-02T03:04:05+00:00",
    )


# --- events JSON -----------------------------------------------------------------------------


def test_events_json_has_documented_metadata_and_typed_fields(events, lookups) -> None:
    built = events_json(events, lookups, ARTICLE_ROWS, view())
    payload = json.loads(built.data)
    meta = payload["metadata"]
    for key in ("title", "period", "filters", "language", "generated_at", "count", "source"):
        assert key in meta
    assert meta["count"] == len(ROWS) == len(payload["events"]) == built.included
    assert meta["filters"] == {"period": "ceasefire2021", "type": ["call"]}
    assert meta["language"] == "en"
    first = payload["events"][0]
    assert first["participants"] == [
        {"actor_id": "alpha", "name": "Anna Alpha"},
        {"actor_id": "beta", "name": "Boris Beta"},
    ]
    assert first["topics"] == ["talks", "truce"]
    # sources as readers see them: outlet, headline, address and date, null when unknown
    assert first["sources"] == [
        {
            "outlet": "TASS",
            "title": "القادة يتصلون",
            "url": "https://tass.example/ar/1?x=1&y=2",
            "published": "2021-03-05",
        },
        {"outlet": None, "title": None, "url": None, "published": "2021-03-04"},
    ]
    assert "source_articles" not in first
    assert first["n_sources"] == 2 and isinstance(first["confidence"], float)
    assert first["place"] is None and first["date_end"] is None
    by_id = {item["event_id"]: item for item in payload["events"]}
    assert by_id["e-range"]["place"] == {
        "place_id": "town",
        "name": "Town & <Co>",
        "country": "aa",
        "district_id": "aa-d1",
        "lat": 39.5,
        "lon": 46.5,
    }
    assert by_id["e-week"]["flags"] == ["inferred_year", "date_conflict"]
    assert by_id["e-denied"]["confidence"] is None
    assert by_id["e-undated"]["date"] is None
    assert by_id["e-week"]["sources"] == [
        {"outlet": "Agency", "title": f"Road {SCRIPT}", "url": None, "published": None},
        {"outlet": None, "title": None, "url": None, "published": None},
    ]
    assert not any(file in built.data.decode() for file in FILES)


def test_events_json_in_arabic_names_and_texts(events, lookups) -> None:
    payload = json.loads(events_json(events, lookups, ARTICLE_ROWS, view("ar")).data)
    first = payload["events"][0]
    assert first["participants"][0]["name"] == "آنا ألفا"
    assert first["title"] == "عنوان e-day" and first["title_en"] == "Title e-day"
    assert payload["metadata"]["language"] == "ar"


def test_events_json_of_an_empty_view(events, lookups) -> None:
    payload = json.loads(events_json(events.iloc[0:0], lookups, ARTICLE_ROWS, view()).data)
    assert payload["events"] == [] and payload["metadata"]["count"] == 0


# --- TimelineJS ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("precision", "expected"),
    [
        ("day", {"year": "2021", "month": "5", "day": "15"}),
        ("week", {"year": "2021", "month": "5"}),
        ("month", {"year": "2021", "month": "5"}),
        ("year", {"year": "2021"}),
    ],
)
def test_timeline_dates_are_only_as_precise_as_known(precision: str, expected: dict) -> None:
    assert timeline_date("2021-05-15", precision) == expected
    assert timeline_date("", precision) is None


def test_timelinejs_slides_follow_the_documented_fields(events, lookups) -> None:
    strings = load_strings()
    built = timelinejs_json(events, lookups, ARTICLE_ROWS, strings, view())
    payload = json.loads(built.data)
    assert set(payload) <= {"events", "title", "eras", "scale"}
    assert payload["scale"] == "human"
    assert {"headline", "text"} <= set(payload["title"]["text"])
    slides = payload["events"]
    assert built.included == len(slides) == len(ROWS) - 1 and built.skipped == 1
    allowed = {"start_date", "end_date", "text", "media", "group", "display_date", "unique_id"}
    for slide in slides:
        assert set(slide) <= allowed
        assert isinstance(slide["start_date"]["year"], str)
        assert set(slide["text"]) == {"headline", "text"}
    ids = [slide["unique_id"] for slide in slides]
    assert len(set(ids)) == len(ids) and "e-undated" not in ids
    by_id = {slide["unique_id"]: slide for slide in slides}
    assert by_id["e-day"]["start_date"] == {"year": "2021", "month": "3", "day": "4"}
    assert "end_date" not in by_id["e-day"]
    assert by_id["e-range"]["end_date"] == {"year": "2021", "month": "4", "day": "9"}
    assert by_id["e-month"]["start_date"] == {"year": "2021", "month": "6"}
    assert by_id["e-year"]["start_date"] == {"year": "2022"}
    assert by_id["e-week"]["display_date"] == "mid-May 2021"
    assert by_id["e-day"]["group"] == strings.t("en", "type.call")
    for era in payload["eras"]:
        assert {"start_date", "end_date", "text"} <= set(era)


def test_timelinejs_text_is_escaped(events, lookups) -> None:
    data = timelinejs_json(events, lookups, ARTICLE_ROWS, load_strings(), view()).data.decode()
    assert "<script>" not in data and "<b>" not in data
    slide = next(s for s in json.loads(data)["events"] if s["unique_id"] == "e-week")
    assert slide["text"]["headline"] == "Road &lt;closed&gt; &amp; &quot;blocked&quot;"
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in slide["text"]["text"]


def test_slides_name_their_sources_with_links_not_files(events, lookups) -> None:
    """A slide lists its sources by outlet, headline and date; a web address is a link opened
    in a new tab, a `javascript:` one is no link (and says so), markup stays text."""
    strings = load_strings()
    for built in (
        timelinejs_json(events, lookups, ARTICLE_ROWS, strings, view()),
        storymap_json(events, lookups, ARTICLE_ROWS, strings, view()),
    ):
        data = built.data.decode()
        assert not any(file in data for file in FILES)
        assert "javascript:" not in data and SCRIPT not in data
    slides = json.loads(timelinejs_json(events, lookups, ARTICLE_ROWS, strings, view()).data)
    text = {slide["unique_id"]: slide["text"]["text"] for slide in slides["events"]}
    assert (
        '<a href="https://tass.example/ar/1?x=1&amp;y=2" target="_blank" rel="noopener">'
        "<bdi class='nd-outlet'>TASS</bdi>: “<bdi>القادة يتصلون</bdi>”</a>"
    ) in text["e-day"]
    assert "(5 March 2021)" in text["e-day"]
    assert (
        "An article of 4 March 2021</span> <span class='nd-ref nd-no-link'>· no link"
        in (text["e-day"])
    )
    assert "“<bdi>Road &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;</bdi>”" in text["e-week"]
    assert "An article of unknown date" in text["e-week"]  # the id articles.csv lacks
    assert "<ul>" not in text["e-range"]  # no sources, no list
    arabic = json.loads(timelinejs_json(events, lookups, ARTICLE_ROWS, strings, view("ar")).data)
    first = arabic["events"][0]["text"]["text"]
    assert "<bdi class='nd-outlet'>TASS</bdi>: «<bdi>القادة يتصلون</bdi>»" in first
    assert "(5 آذار/مارس 2021)" in first and "مقال نُشر في 4 آذار/مارس 2021" in first


def test_timelinejs_in_arabic_is_right_to_left(events, lookups) -> None:
    payload = json.loads(
        timelinejs_json(events, lookups, ARTICLE_ROWS, load_strings(), view("ar")).data
    )
    slide = payload["events"][0]
    assert slide["text"]["headline"] == "عنوان e-day"
    assert slide["text"]["text"].startswith('<div dir="rtl">')
    assert "آنا ألفا" in slide["text"]["text"]


def test_timelinejs_is_capped(events, lookups) -> None:
    built = timelinejs_json(events, lookups, ARTICLE_ROWS, load_strings(), view(), limit=2)
    payload = json.loads(built.data)
    assert [s["unique_id"] for s in payload["events"]] == ["e-day", "e-range"]
    assert (built.included, built.capped, built.skipped) == (2, 4, 1)


def test_timelinejs_of_an_empty_view(events, lookups) -> None:
    built = timelinejs_json(events.iloc[0:0], lookups, ARTICLE_ROWS, load_strings(), view())
    assert json.loads(built.data)["events"] == [] and built.included == 0


# --- StoryMapJS ------------------------------------------------------------------------------


def test_storymap_follows_the_documented_fields(events, lookups) -> None:
    built = storymap_json(events, lookups, ARTICLE_ROWS, load_strings(), view())
    storymap = json.loads(built.data)["storymap"]
    for option in ("language", "map_type", "map_as_image", "slides"):
        assert option in storymap
    assert storymap["language"] == "en" and storymap["map_as_image"] is False
    overview, *slides = storymap["slides"]
    assert overview["type"] == "overview" and "headline" in overview["text"]
    # located: e-range, e-week (town), e-month (city); e-denied's place has no coordinates
    assert [s["location"]["name"] for s in slides] == ["Town & <Co>", "Town & <Co>", "City"]
    assert (built.included, built.skipped) == (3, 4)
    for slide in slides:
        location = slide["location"]
        assert isinstance(location["lat"], float) and isinstance(location["lon"], float)
        assert isinstance(location["zoom"], int) and location["line"] is True
        assert set(slide["text"]) == {"headline", "text"} and slide["date"]
        assert "type" not in slide
    assert "<script>" not in built.data.decode()


def test_storymap_in_arabic(events, lookups) -> None:
    storymap = json.loads(
        storymap_json(events, lookups, ARTICLE_ROWS, load_strings(), view("ar")).data
    )
    storymap = storymap["storymap"]
    # StoryMapJS has no Arabic locale: its chrome stays English, the text is Arabic and RTL
    assert storymap["language"] == "en"
    slide = storymap["slides"][1]
    assert slide["location"]["name"] == "البلدة"
    assert slide["text"]["text"].startswith('<div dir="rtl">')


def test_storymap_cap_and_empty(events, lookups) -> None:
    built = storymap_json(events, lookups, ARTICLE_ROWS, load_strings(), view(), limit=1)
    assert len(json.loads(built.data)["storymap"]["slides"]) == 2
    assert (built.included, built.capped) == (1, 2)
    empty = storymap_json(events.iloc[0:0], lookups, ARTICLE_ROWS, load_strings(), view())
    assert len(json.loads(empty.data)["storymap"]["slides"]) == 1


# --- PLOVER ----------------------------------------------------------------------------------


def test_plover_parts() -> None:
    assert plover_parts("CONSULT:phone") == ("CONSULT", "phone")
    assert plover_parts("SUPPORT") == ("SUPPORT", None)
    assert plover_parts("") == ("", None)


def test_plover_records_have_the_required_fields(events, lookups) -> None:
    built = plover_jsonl(events, lookups, ARTICLE_ROWS, view())
    lines = built.data.decode().splitlines()
    records = [json.loads(line) for line in lines]
    assert built.included == len(records) == len(ROWS) - 1 and built.skipped == 1  # the letter
    for record in records:
        for key in ("id", "date", "source", "event"):
            assert key in record
        assert isinstance(record["source"], list) and isinstance(record["event"], list)
        assert set(record["event"]) <= PLOVER_CATEGORIES
        assert 1 <= record["quad_code"] <= 4
    by_id = {record["id"]: record for record in records}
    call = by_id["e-day"]
    assert call["event"] == ["CONSULT"] and call["mode"] == ["phone"]
    assert [a["identifier_id"] for a in call["source"]] == ["alpha"]
    assert [a["identifier_id"] for a in call["recipient"]] == ["beta"]
    assert call["source"][0]["actor_text"] == "Anna Alpha"
    # one citation object per source article (the manual's fields), unknown fields left out
    assert call["cite_info"] == [
        {
            "corpus": "karabakh-arabic-news",
            "publication": "TASS",
            "title": "القادة يتصلون",
            "url": "https://tass.example/ar/1?x=1&y=2",
            "published": "2021-03-05",
            "language": "ar",
        },
        {"corpus": "karabakh-arabic-news", "published": "2021-03-04", "language": "ar"},
    ]
    assert by_id["e-range"]["cite_info"] == []
    assert not any(file in built.data.decode() for file in FILES)
    assert by_id["e-range"]["enddate"] == "2021-04-09"
    assert by_id["e-range"]["event_loc"] == {
        "name": "Town & <Co>",
        "latitude": 39.5,
        "longitude": 46.5,
        "country_code": "AA",
    }
    assert "recipient" not in by_id["e-month"]  # no initiator: every participant is a source
    assert by_id["e-month"]["context"] == ["future"]
    assert by_id["e-denied"]["context"] == ["negation"]
    assert by_id["e-week"]["quad_code"] == 4 and by_id["e-day"]["quad_code"] == 1


def test_plover_of_an_empty_view(events, lookups) -> None:
    built = plover_jsonl(events.iloc[0:0], lookups, ARTICLE_ROWS, view())
    assert built.data == b"" and built.included == 0


def test_plan_counts_what_the_builders_build(events, lookups) -> None:
    strings = load_strings()
    counts = plan(events, lookups, limit=2)
    for name, built in (
        ("timelinejs", timelinejs_json(events, lookups, ARTICLE_ROWS, strings, view(), limit=2)),
        ("storymap", storymap_json(events, lookups, ARTICLE_ROWS, strings, view(), limit=2)),
        ("plover", plover_jsonl(events, lookups, ARTICLE_ROWS, view())),
    ):
        assert counts[name] == {
            "included": built.included,
            "capped": built.capped,
            "skipped": built.skipped,
        }, name
    assert plan(events.iloc[0:0], lookups)["storymap"]["included"] == 0


# --- file names and the tables ---------------------------------------------------------------


def test_file_names_carry_the_period() -> None:
    import datetime as dt

    assert file_stem(Filters(period="war2020")) == "karabakh-events-war2020"
    assert file_stem(Filters()) == "karabakh-events-all"
    assert file_stem(Filters(period="war2020", types=("call",))) == (
        "karabakh-events-war2020-filtered"
    )
    custom = Filters(period="custom", start=dt.date(2021, 1, 1), end=dt.date(2021, 2, 1))
    assert file_stem(custom, "timeline") == "karabakh-timeline-2021-01-01_2021-02-01"


def test_csv_and_xlsx_read_back_equal_the_view(events) -> None:
    expected = events.fillna("").astype(str)
    text = table_csv(events, "events").decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    back = pd.DataFrame(rows)[list(EVENTS)]
    pd.testing.assert_frame_equal(back, expected)
    book = load_workbook(io.BytesIO(tables_xlsx({"events": events})))
    sheet = list(book["events"].values)
    header, body = sheet[0], sheet[1:]
    frame = pd.DataFrame(body, columns=header).fillna("")[list(EVENTS)]
    pd.testing.assert_frame_equal(frame.astype(str), expected)
