"""How `evaluate` pairs the pipeline's events with the gold's: the scores in the README are only
as honest as this pairing."""

from __future__ import annotations

import datetime as dt

from newsdesk.pipeline.evaluate import Report, _score_article
from newsdesk.pipeline.merge import EventRecord


def record(day: str, status: str, kind: str = "incident", people=()) -> EventRecord:
    return EventRecord(
        event_id=f"{day}-{status}",
        date=dt.date.fromisoformat(day),
        precision="day",
        type=kind,
        status=status,
        participants=list(people),
        initiator="",
        place_id="",
        topics=[],
        sources=[],
        flags=[],
        plover="",
        confidence=1.0,
        mentions=[],
    )


def test_each_gold_event_takes_the_record_that_fits_it_best_not_the_first_within_a_day():
    """A blast today and yesterday's denied claim: both records are within a day of both gold
    events, and pairing by order would score two status errors that are not there."""
    gold = {
        "source": "a.txt",
        "events": [
            {"date": "2024-02-13", "type": "incident", "participants": [], "status": "happened"},
            {"date": "2024-02-12", "type": "incident", "participants": [], "status": "denied"},
        ],
    }
    report = Report()
    _score_article(gold, [record("2024-02-12", "denied"), record("2024-02-13", "happened")], report)
    assert (report.tp["incident"], report.status_ok, report.status_errors) == (2, 2, 0)
    assert report.shown_as_happened == 0


def test_an_event_naming_no_one_does_not_take_the_record_a_named_event_fits_exactly():
    """An office's statement on the 12th and Macron's tweet on the 13th, one record found (the
    tweet): it is the tweet's, not the office statement's one day off."""
    gold = {
        "source": "a.txt",
        "events": [
            {"date": "2021-05-12", "type": "statement", "participants": [], "status": "happened"},
            {"date": "2021-05-13", "type": "statement", "participants": ["macron"]},
        ],
    }
    report = Report()
    _score_article(gold, [record("2021-05-13", "happened", "statement", ["macron"])], report)
    assert report.tp["statement"] == 1
    assert report.details == ["a.txt: MISSED statement 2021-05-12  happened"]


def test_pairs_are_as_many_as_can_be_even_when_the_best_fit_comes_first():
    """Macron's statement fits his record best and the office's one too; the office's
    statement (two days before the office's record) fits only Macron's: both pair."""
    gold = {
        "source": "a.txt",
        "events": [
            {"date": "2021-05-13", "type": "statement", "participants": ["macron"]},
            {"date": "2021-05-11", "type": "statement", "participants": []},
        ],
    }
    found = [
        record("2021-05-12", "happened", "statement", ["macron"]),
        record("2021-05-13", "happened", "statement"),
    ]
    report = Report()
    _score_article(gold, found, report)
    assert (report.tp["statement"], report.fn["statement"], report.fp["statement"]) == (2, 0, 0)
