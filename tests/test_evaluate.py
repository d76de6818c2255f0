"""How `evaluate` pairs the pipeline's events with the gold's: the scores in the README are only
as honest as this pairing."""

from __future__ import annotations

import datetime as dt

from newsdesk.pipeline.evaluate import Report, _score_article
from newsdesk.pipeline.merge import EventRecord


def record(day: str, status: str) -> EventRecord:
    return EventRecord(
        event_id=f"{day}-{status}",
        date=dt.date.fromisoformat(day),
        precision="day",
        type="incident",
        status=status,
        participants=[],
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
