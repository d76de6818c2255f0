"""Display rules: dates as precise as known in both languages, flags in words, escaping,
evidence marks on the right characters, the UI string tables complete in both languages."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pytest

from newsdesk.config import UI_STRINGS_PATH
from newsdesk.view.event_dates import event_date_text, format_event_date
from newsdesk.view.flag_notes import flag_notes_html
from newsdesk.view.markup import highlight_html, md_escape, passage_context_html
from newsdesk.view.names import Lookups
from newsdesk.view.prepared import prepare_events
from newsdesk.view.timeline_rows import timeline_rows


@pytest.mark.parametrize(
    ("date", "precision", "lang", "expected"),
    [
        ("2020-11-09", "day", "en", "9 November 2020"),
        ("2020-11-09", "day", "ar", "9 تشرين الثاني/نوفمبر 2020"),
        ("2023-03-05", "week", "en", "early March 2023"),
        ("2023-03-15", "week", "en", "mid-March 2023"),
        ("2023-03-25", "week", "en", "late March 2023"),
        ("2023-03-05", "week", "ar", "مطلع آذار/مارس 2023"),
        ("2023-03-15", "week", "ar", "منتصف آذار/مارس 2023"),
        ("2023-03-31", "week", "ar", "أواخر آذار/مارس 2023"),
        ("2023-03-01", "month", "en", "March 2023"),
        ("2023-03-01", "month", "ar", "آذار/مارس 2023"),
        ("2023-01-01", "year", "en", "2023"),
        ("2023-01-01", "year", "ar", "2023"),
        ("2023-03-17", "", "en", "March 2023"),  # unknown precision: never a false day
        ("", "day", "en", "date unknown"),
        ("2023-02-30", "day", "ar", "تاريخ غير معروف"),
    ],
)
def test_dates_as_precise_as_known(date: str, precision: str, lang: str, expected: str) -> None:
    assert format_event_date(date, precision, lang) == expected


def test_multi_day_events() -> None:
    assert format_event_date("2023-09-19", "day", "en", "2023-09-20") == "19–20 September 2023"
    assert (
        format_event_date("2020-09-27", "day", "en", "2020-11-10")
        == "27 September 2020 – 10 November 2020"
    )
    assert format_event_date("2023-09-19", "month", "en", "2023-09-20") == "September 2023"


def test_date_conflict_shows_every_date_the_sources_give() -> None:
    conflict = [("2020-11-10", "day"), ("2020-11-09", "day"), ("2020-11-10", "day")]
    assert (
        format_event_date("2020-11-09", "day", "en", conflict=conflict) == "9 or 10 November 2020"
    )
    assert (
        format_event_date("2020-11-09", "day", "ar", conflict=conflict)
        == "9 أو 10 تشرين الثاني/نوفمبر 2020"
    )
    across = [("2020-11-30", "day"), ("2020-12-01", "day")]
    assert (
        format_event_date("2020-11-30", "day", "en", conflict=across)
        == "30 November 2020 or 1 December 2020"
    )
    mixed = [("2021-01-11", "day"), ("2021-12-01", "month")]
    assert (
        format_event_date("2021-01-11", "day", "en", conflict=mixed)
        == "11 January 2021 or December 2021"
    )
    # a month-only mention of the same month adds nothing to a day-precise one
    same = [("2020-11-09", "day"), ("2020-11-01", "month")]
    assert format_event_date("2020-11-09", "day", "en", conflict=same) == "9 November 2020"


def test_event_date_text_uses_mentions_only_when_flagged() -> None:
    mentions = pd.DataFrame(
        {"date": ["2020-11-09", "2020-11-10"], "date_precision": ["day", "day"]}
    )
    flagged = {"date": "2020-11-09", "date_precision": "day", "flags": "date_conflict"}
    assert event_date_text(flagged, mentions, "en") == "9 or 10 November 2020"
    plain = {**flagged, "flags": ""}
    assert event_date_text(plain, mentions, "en") == "9 November 2020"


def test_flags_in_words_say_which_source_says_what() -> None:
    mentions = pd.DataFrame(
        {
            "article_id": ["a1", "a2"],
            "date": ["2020-11-10", "2020-11-09"],
            "date_precision": ["day", "day"],
        }
    )
    articles = {
        "a1": {
            "outlet": "TASS",
            "title": "Leaders <sign>",
            "url": "https://tass.example/a?b=1&c=2",
            "published": "2020-11-10",
            "file": "001.txt",
        },
        "a2": {"outlet": "", "title": "", "url": "", "published": "2020-11-11", "file": "002.txt"},
    }
    event = {"flags": "date_conflict;inferred_year;edited;<strange>"}
    notes = flag_notes_html(event, mentions, articles, "en")
    # each source by outlet, headline and publication date, linked where it has an address;
    # the outlet and headline isolated so Arabic text around them cannot reorder them
    assert notes[0] == (
        "The sources disagree on the date: <span class='nd-source'>"
        '<a href="https://tass.example/a?b=1&amp;c=2" target="_blank" rel="noopener">'
        "<bdi class='nd-outlet'>TASS</bdi>: “<bdi>Leaders &lt;sign&gt;</bdi>”</a> "
        "<span class='nd-source-date'>(10 November 2020)</span></span> says 10 November 2020; "
        "<span class='nd-source'>an article of 11 November 2020</span> says 9 November 2020."
    )
    assert "001.txt" not in notes[0] and "002.txt" not in notes[0]
    assert "inferred from the publication date" in notes[1]
    assert notes[2] == "An editor corrected this event."
    assert notes[3] == "Flag: &lt;strange&gt;"
    arabic = flag_notes_html(event, mentions, articles, "ar")
    assert "تختلف المصادر" in arabic[0] and "10 تشرين الثاني/نوفمبر 2020" in arabic[0]
    assert "«<bdi>Leaders &lt;sign&gt;</bdi>»" in arabic[0]
    assert "مقال نُشر في 11 تشرين الثاني/نوفمبر 2020" in arabic[0]


def test_highlight_escapes_and_marks_the_right_characters() -> None:
    text = "قبل <b>x</b> الدليل هنا & بعد"
    start = text.index("الدليل")
    end = start + len("الدليل هنا")
    marked = highlight_html(text, [(start, end, "<i>title</i>"), ("x", "y", "bad")])
    assert "<b>" not in marked and "&lt;b&gt;x&lt;/b&gt;" in marked
    assert '<mark title="&lt;i&gt;title&lt;/i&gt;">الدليل هنا</mark>' in marked
    assert "&amp; بعد" in marked


def test_highlight_merges_overlaps_and_drops_bad_offsets() -> None:
    text = "abcdefghij"
    marked = highlight_html(text, [(1, 4, "a"), (3, 6, "b"), (8, 30, "c"), (5, 5, "d")])
    assert marked == 'a<mark title="a | b">bcdef</mark>ghij'
    assert passage_context_html(text, 50, 60) is None
    assert passage_context_html("one two <three> four", 8, 15) == (
        "one two <mark>&lt;three&gt;</mark> four"
    )


def test_markdown_labels_show_as_typed() -> None:
    assert md_escape("<b>x</b> *y* [a](b)") == "\\<b\\>x\\</b\\> \\*y\\* \\[a\\]\\(b\\)"


def test_timeline_rows_escape_hover_and_repeat_events_per_person() -> None:
    events = prepare_events(
        pd.DataFrame(
            [
                {
                    "event_id": "e1",
                    "date": "2023-03-15",
                    "date_end": "",
                    "date_precision": "week",
                    "type": "incident",
                    "status": "happened",
                    "participants": "putin;aliyev",
                    "initiator": "",
                    "place_id": "",
                    "topics": "",
                    "title_en": "<script>alert(1)</script>",
                    "title_ar": "",
                    "summary_en": "",
                    "summary_ar": "",
                    "source_articles": "",
                    "n_sources": "2",
                    "flags": "",
                    "plover": "",
                    "confidence": "",
                }
            ]
        )
    )
    lookups = Lookups(actors={"putin": {"name_en": "Vladimir Putin", "name_ar": "بوتين"}})
    rows = timeline_rows(events, lookups, "en", "person")
    assert list(rows["lane"]) == ["Vladimir Putin", "aliyev"]
    assert not rows["exact"].any()
    assert rows["start"][0] == pd.Timestamp(dt.date(2023, 3, 11))
    assert "<script>" not in rows["hover"][0] and "&lt;script&gt;" in rows["hover"][0]
    assert "mid-March 2023" in rows["hover"][0]


def test_ui_strings_complete_in_both_languages() -> None:
    table = json.loads(UI_STRINGS_PATH.read_text(encoding="utf-8"))
    assert set(table["en"]) == set(table["ar"])
    assert all(value.strip() for lang in table.values() for value in lang.values())


def test_column_date_labels_equal_the_card_dates() -> None:
    from newsdesk.view.event_dates import date_labels

    frame = pd.DataFrame(
        {
            "date": ["2020-11-09", "2023-03-15", "2023-03-01", "2021-01-01", "2023-09-19", "x"],
            "date_precision": ["day", "week", "month", "year", "day", "day"],
            "date_end": ["", "", "", "", "2023-09-20", ""],
        }
    )
    for lang in ("en", "ar"):
        expected = [
            format_event_date(d, p, lang, e)
            for d, p, e in frame[["date", "date_precision", "date_end"]].itertuples(index=False)
        ]
        assert list(date_labels(frame, lang)) == expected
