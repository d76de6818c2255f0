"""Filters, URL round trips, date spans, named periods and related events (newsdesk only)."""

from __future__ import annotations

import datetime as dt
import itertools

import pandas as pd
import pytest

from newsdesk.contract.schema import EVENTS
from newsdesk.view.periods import PERIOD_IDS, PERIODS, bands, period_range
from newsdesk.view.prepared import date_spans, prepare_events
from newsdesk.view.queries import counts_per_period, filter_events, key_events, related_events
from newsdesk.view.url_state import ANY_STATUS, Filters, Vocabulary, parse_params, to_params


def event(event_id: str, date: str, precision: str = "day", **fields: str) -> dict[str, str]:
    row = {column: "" for column in EVENTS}
    row.update(event_id=event_id, date=date, date_precision=precision, type="call")
    row.update(status="happened", n_sources="1")
    row.update(fields)
    return row


@pytest.fixture
def prepared() -> pd.DataFrame:
    rows = [
        event("a", "2020-10-07", participants="putin;aliyev", title_ar="بوتين يتصل بعلييف"),
        event(
            "b",
            "2020-11-09",
            type="agreement",
            participants="putin;aliyev;pashinyan",
            topics="ceasefire;peacekeepers",
            n_sources="3",
            place_id="moscow",
        ),
        event("c", "2020-11-01", "month", type="meeting", title_ar="لقاء في موسكو"),
        event("d", "2021-07-20", participants="putin;aliyev", status="planned", n_sources="2"),
        event("e", "2023-03-15", "week", type="incident", summary_en="Road CLOSED again"),
        event(
            "f",
            "2021-01-01",
            "year",
            type="letter",
            participants="pashinyan",
            initiator="pashinyan",
            title_ar="رسالة من باشينيان إلى أردوغان",
        ),
        event("g", "not a date", participants="putin"),
    ]
    names = {"putin": ["Vladimir Putin", "فلاديمير بوتين"], "moscow": ["Moscow", "موسكو"]}
    return prepare_events(pd.DataFrame(rows), names)


def ids(frame: pd.DataFrame) -> list[str]:
    return list(frame["event_id"])


def test_date_spans_never_pretend_a_day() -> None:
    dates = pd.Series(
        [
            "2023-03-05",
            "2023-03-15",
            "2023-03-25",
            "2023-02-25",
            "2021-07-20",
            "2021-05-05",
            "2020-11-09",
            "bad",
        ]
    )
    precisions = pd.Series(["week", "week", "week", "week", "month", "year", "day", "day"])
    ends = pd.Series(["", "", "", "", "", "", "2020-11-10", ""])
    best, start, end = date_spans(dates, precisions, ends)
    assert [d.strftime("%m-%d") for d in start[:7]] == [
        "03-01",
        "03-11",
        "03-21",
        "02-21",
        "07-01",
        "01-01",
        "11-09",
    ]
    assert [d.strftime("%m-%d") for d in end[:7]] == [
        "03-10",
        "03-20",
        "03-31",
        "02-28",
        "07-31",
        "12-31",
        "11-10",
    ]
    assert pd.isna(best.iloc[7]) and pd.isna(start.iloc[7])


def test_unknown_precision_is_read_as_a_month() -> None:
    _, start, end = date_spans(pd.Series(["2022-06-14"]), pd.Series(["fortnight"]))
    assert (start[0].day, end[0].day) == (1, 30)


def test_default_view_shows_happened_events_in_date_order(prepared: pd.DataFrame) -> None:
    assert ids(filter_events(prepared, Filters())) == ["a", "c", "b", "f", "e", "g"]


def test_period_overlap_keeps_month_events(prepared: pd.DataFrame) -> None:
    war = filter_events(prepared, Filters(period="war2020"))
    assert ids(war) == ["a", "c", "b"]  # "November 2020" may fall in the war: not hidden
    after = filter_events(prepared, Filters(period="after"))
    assert ids(after) == []
    year_2021 = filter_events(prepared, Filters(period="ceasefire2021", statuses=()))
    assert ids(year_2021) == ["f", "d"]


def test_custom_period_and_undated_events(prepared: pd.DataFrame) -> None:
    view = Filters(period="custom", start=dt.date(2023, 3, 18), end=dt.date(2023, 3, 19))
    assert ids(filter_events(prepared, view)) == ["e"]  # mid-March spans the 11th to the 20th
    assert "g" not in ids(filter_events(prepared, Filters(period="y2022")))


def test_people_places_topics_types_status(prepared: pd.DataFrame) -> None:
    assert ids(filter_events(prepared, Filters(actors=("pashinyan",)))) == ["b", "f"]
    assert ids(filter_events(prepared, Filters(places=("moscow",)))) == ["b"]
    assert ids(filter_events(prepared, Filters(topics=("peacekeepers",)))) == ["b"]
    assert ids(filter_events(prepared, Filters(types=("letter", "incident")))) == ["f", "e"]
    assert ids(filter_events(prepared, Filters(statuses=("planned",)))) == ["d"]
    assert ids(filter_events(prepared, Filters(actors=("nobody",)))) == []


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("اردوغان", ["f"]),  # أ written as ا
        ("أردوغان", ["f"]),
        ("رساله", ["f"]),  # ة written as ه
        ("بوتين", ["a", "b", "g"]),  # title, and names of the participants
        ("فلاديمير   بوتين", ["a", "b", "g"]),
        ("بُوتِين", ["a", "b", "g"]),  # diacritics
        ("بـوتـين", ["a", "b", "g"]),  # tatweel
        ("vladimir PUTIN", ["a", "b", "g"]),
        ("closed", ["e"]),
        ("موسكو", ["c", "b"]),
        ("nothing-like-this", []),
    ],
)
def test_search_matches_spelling_variants(
    prepared: pd.DataFrame, query: str, expected: list[str]
) -> None:
    assert ids(filter_events(prepared, Filters(query=query))) == expected


def test_search_with_arabic_indic_digits() -> None:
    frame = prepare_events(pd.DataFrame([event("x", "2023-09-21", title_ar="باكو، 21 سبتمبر")]))
    assert ids(filter_events(frame, Filters(query="٢١ سبتمبر"))) == ["x"]


def test_url_round_trip() -> None:
    view = Filters(
        period="custom",
        start=dt.date(2021, 1, 1),
        end=dt.date(2021, 3, 31),
        types=("call", "meeting"),
        actors=("putin",),
        places=("moscow",),
        topics=("ceasefire",),
        statuses=(),
        query="بوتين",
    )
    params = to_params(view)
    assert params["status"] == ANY_STATUS
    assert parse_params(params) == view
    assert to_params(Filters()) == {}
    assert parse_params({}) == Filters()


def test_bad_urls_fall_back_to_defaults() -> None:
    vocab = Vocabulary(actors=frozenset({"putin"}))
    parsed = parse_params(
        {
            "period": "the-moon",
            "type": ["call", "party", "call"],
            "actor": ["putin", "ghost"],
            "status": "maybe",
            "from": "2020-13-45",
        },
        vocab,
    )
    assert parsed == Filters(types=("call",), actors=("putin",))
    swapped = parse_params({"period": "custom", "from": "2021-05-01", "to": "2021-01-01"})
    assert (swapped.start, swapped.end) == (dt.date(2021, 1, 1), dt.date(2021, 5, 1))


def test_named_periods() -> None:
    assert period_range("war2020") == (dt.date(2020, 9, 27), dt.date(2020, 11, 10))
    assert period_range("blockade") == (dt.date(2022, 12, 1), dt.date(2023, 9, 30))
    assert period_range("after") == (dt.date(2023, 10, 1), None)
    assert period_range("all") == (None, None)
    assert period_range("nonsense") == (None, None)
    assert set(PERIOD_IDS) >= {"war2020", "ceasefire2021", "y2022", "blockade", "after", "all"}
    assert "custom" not in {period.period_id for period in PERIODS}
    drawn = sorted(bands(), key=lambda p: p.start)
    assert all(a.end is not None and a.end < b.start for a, b in itertools.pairwise(drawn))


def test_key_events_most_sources_first(prepared: pd.DataFrame) -> None:
    view = filter_events(prepared, Filters(statuses=()))
    assert ids(key_events(view, 3)) == ["b", "d", "a"]


def test_related_events_share_a_participant_within_30_days(prepared: pd.DataFrame) -> None:
    assert ids(related_events(prepared, "b")) == []  # a is 33 days earlier
    frame = prepare_events(
        pd.DataFrame(
            [
                event("x", "2020-11-09", participants="putin;aliyev"),
                event("y", "2020-11-30", participants="aliyev"),
                event("z", "2020-11-20", participants="erdogan"),
                event("w", "2021-02-01", participants="putin"),
            ]
        )
    )
    assert ids(related_events(frame, "x")) == ["y"]
    assert ids(related_events(frame, "missing")) == []
    shuffled = frame.iloc[::-1].reset_index(drop=True)  # not in date order: full scan
    assert ids(related_events(shuffled, "x")) == ["y"]


def test_counts_per_period(prepared: pd.DataFrame) -> None:
    counts = counts_per_period(filter_events(prepared, Filters(statuses=())), "M")
    assert counts["n"].sum() == 6  # the undated event is not counted
    weekly = counts_per_period(filter_events(prepared, Filters()), "W")
    assert set(weekly["type"]) == {"call", "agreement", "meeting", "letter", "incident"}


def test_empty_tables() -> None:
    empty = prepare_events(pd.DataFrame(columns=list(EVENTS)))
    assert filter_events(empty, Filters(query="x", actors=("a",))).empty
    assert counts_per_period(empty).empty
    assert key_events(empty).empty
    assert related_events(empty, "x").empty


def test_fast_normalisation_equals_newsdesk_arabic() -> None:
    from newsdesk.language.arabic import normalize
    from newsdesk.view.prepared import normalize_many

    samples = [
        "إلهام  علييف\u00a0يستقبل ﻻفروف",
        "مُحَمَّد — قرة باغ، ٢١ سبتمبر ٢٠٢٣",
        "  The KREMLIN said “yes”\n\tagain ",
        "بـوتـين  ى ة آ ٱ",
        "",
    ]
    assert normalize_many(samples) == [normalize(text) for text in samples]


def test_date_conflicts_span_every_date_the_sources_give() -> None:
    events = pd.DataFrame(
        [
            event("c", "2020-11-10", flags="date_conflict"),
            event("d", "2020-11-10"),
        ]
    )
    mentions = pd.DataFrame(
        {
            "event_id": ["c", "c", "d"],
            "date": ["2020-11-10", "2020-11-09", "2020-11-10"],
            "date_precision": ["day", "day", "day"],
        }
    )
    frame = prepare_events(events, mentions=mentions).set_index("event_id")
    assert (frame.loc["c", "_start"].day, frame.loc["c", "_end"].day) == (9, 10)
    assert not frame.loc["c", "_exact"] and frame.loc["d", "_exact"]
    prepared = prepare_events(events, mentions=mentions)
    on_the_9th = Filters(period="custom", start=dt.date(2020, 11, 9), end=dt.date(2020, 11, 9))
    assert ids(filter_events(prepared, on_the_9th)) == ["c"]  # may have been the 9th


def test_key_events_on_many_ties_equal_a_full_sort() -> None:
    """Only the rows that can make the top are sorted; the answer is the full sort's."""
    rows = [
        event(f"e{n:03d}", f"2021-{1 + n % 12:02d}-{1 + n % 28:02d}", n_sources=str(n % 4))
        for n in range(300)
    ]
    rows.append(event("undated", "", n_sources="3"))
    view = filter_events(prepare_events(pd.DataFrame(rows)), Filters(statuses=()))
    full = view.assign(_neg=-view["_n"]).sort_values(
        ["_neg", "_date", "event_id"], na_position="last", kind="stable"
    )
    for limit in (1, 5, 80, 400):
        assert ids(key_events(view, limit)) == ids(full.head(limit))


def test_counts_per_period_months_and_mondays() -> None:
    rows = [
        event("a", "2021-03-01"),  # a Monday
        event("b", "2021-03-07"),  # the Sunday of that week
        event("c", "2021-03-08", type="meeting"),  # the next Monday
        event("d", "2021-02-28"),  # the Sunday before
        event("e", "", type="meeting"),
    ]
    prepared = prepare_events(pd.DataFrame(rows))
    weekly = counts_per_period(prepared, "W")
    assert [(str(p.date()), t, n) for p, t, n in weekly.itertuples(index=False)] == [
        ("2021-02-22", "call", 1),
        ("2021-03-01", "call", 2),
        ("2021-03-08", "meeting", 1),
    ]
    monthly = counts_per_period(prepared, "M")
    assert [(str(p.date()), t, n) for p, t, n in monthly.itertuples(index=False)] == [
        ("2021-02-01", "call", 1),
        ("2021-03-01", "call", 2),
        ("2021-03-01", "meeting", 1),
    ]


def test_indexed_mentions_are_found_by_their_event_row() -> None:
    from newsdesk.view.prepared import event_mentions, index_mentions

    prepared = prepare_events(
        pd.DataFrame([event("late", "2022-01-01"), event("early", "2020-01-01"), event("x", "")])
    )
    mentions = pd.DataFrame(
        {
            "mention_id": ["m1", "m2", "m3", "m4", "m5"],
            "event_id": ["late", "gone", "early", "late", "early"],
            "article_id": ["a1", "a1", "a2", "a3", "a1"],
        }
    )
    ordered = index_mentions(prepared, mentions)
    assert list(ordered.sort_index()["mention_id"]) == ["m1", "m2", "m3", "m4", "m5"]
    found = {
        row["event_id"]: list(event_mentions(ordered, row)["mention_id"])
        for row in prepared.to_dict("records")
    }
    assert found == {"early": ["m3", "m5"], "late": ["m1", "m4"], "x": []}
    # a row without the slice (from elsewhere) is looked up by its id
    assert list(event_mentions(mentions, {"event_id": "late"})["mention_id"]) == ["m1", "m4"]
    empty = index_mentions(prepared, mentions.iloc[0:0])
    assert empty.empty and prepared["_m1"].eq(0).all()


def test_row_index_answers_as_the_scans_do() -> None:
    """The prepared frame's row index (people, topics, date order) gives the scans' answers;
    derived frames (a copy, a filtered view) are answered by the scans themselves."""
    from newsdesk.view.prepared import RowIndex, index_mentions

    people = ["putin", "aliyev", "pashinyan", "erdogan", "a.b", ""]
    rows = []
    for n in range(400):
        who = ";".join(dict.fromkeys(people[(n * k) % 6] for k in (1, 2, 5)))
        rows.append(
            event(
                f"e{n:03d}",
                f"2021-{1 + n % 12:02d}-{1 + (n * 7) % 28:02d}" if n % 37 else "",
                participants=f" {who} ",
                initiator=people[n % 6] if n % 3 else "",
                topics=["ceasefire;prisoners", "", "ceasefire", " prisoners ; transport"][n % 4],
                status=("happened", "planned")[n % 2],
            )
        )
    prepared = prepare_events(pd.DataFrame(rows), {"putin": ["Vladimir Putin"]})
    index_mentions(prepared, pd.DataFrame({"event_id": ["e001"], "article_id": ["a"]}))
    assert RowIndex.of(prepared) is not None  # adding the mention slices keeps it valid
    copied = prepared.copy()
    assert RowIndex.of(copied) is None
    views = [
        Filters(actors=("putin",)),
        Filters(actors=("a.b", "erdogan"), statuses=()),
        Filters(topics=("prisoners",), period="ceasefire2021"),
        Filters(query="vladimir"),
        Filters(actors=("nobody",)),
    ]
    for view in views:
        assert ids(filter_events(prepared, view)) == ids(filter_events(copied, view)), view
    for row in prepared.to_dict("records"):
        assert ids(related_events(prepared, row)) == ids(related_events(copied, row))


def test_related_events_with_only_some_columns(prepared: pd.DataFrame) -> None:
    full = related_events(prepared, "a", days=400)
    few = related_events(prepared, "a", days=400, columns=["event_id", "date"])
    assert list(few.columns) == ["event_id", "date"]
    assert ids(few) == ids(full) == ["b", "d"]
