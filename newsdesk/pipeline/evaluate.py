"""Scoring extraction against a hand-labelled gold file, per article.

A gold entry names its article by `source`, as a person finds it in the folder
(`pages/x.html`, `feed.jsonl:3`, `texts/x.txt`), or by `file` (a text file, the older form);
the folder is read through the build's own intake (every format, manifests, duplicates), so
what is scored is what the build would extract. With `text_only` every metadata date is
ignored, so the publication date the text alone gives can be measured.

A predicted event matches a gold event when the type is the same, the date is within one day
(the same month where the gold gives only a month) and the participant sets are compatible (one
contains the other). Status is scored apart, because reporting a planned or denied event as
having happened is the error readers are hurt by most.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

from newsdesk.contract.schema import EVENT_TYPES
from newsdesk.pipeline.build import process_article
from newsdesk.pipeline.gazetteer import load_gazetteer
from newsdesk.pipeline.intake import read_corpus
from newsdesk.pipeline.merge import EventRecord, cluster_mentions, to_records

TEXT_ONLY = " (text only)"  # a quality-table row measured with every metadata date ignored
# Statements are scored apart: a report's statements are many and their bounds are soft
CORE_TYPES = tuple(t for t in EVENT_TYPES if t != "statement")
TABLE_TYPES = ("call", "meeting", "agreement", "statement", "incident", "hostilities")
# the README quality table's figure columns, in order (`table_figures` gives them)
TABLE_FIGURES = (
    *(f"{t} F1" for t in TABLE_TYPES),
    "core F1",
    "overall P",
    "overall R",
    "overall F1",
)


@dataclass
class Report:
    tp: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)
    status_errors: int = 0
    status_ok: int = 0
    shown_as_happened: int = 0
    planned_or_denied: int = 0
    published_ok: int = 0
    published_wrong: int = 0
    published_absent: int = 0
    articles: int = 0
    details: list[str] = field(default_factory=list)


def load_gold(path: Path) -> list[dict]:
    if not path.exists():
        raise FileNotFoundError(f"gold file not found: {path}")
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, list):
        raise ValueError(f"{path}: expected a JSON list of articles")
    for number, item in enumerate(data, 1):
        if "events" not in item:
            raise ValueError(f"{path}: article {number} has no 'events'")
        if not (item.get("source") or item.get("file")):
            raise ValueError(f"{path}: article {number} has neither 'source' nor 'file'")
    return data


def source_of(item: dict) -> str:
    """Where the gold entry's article is: `source`, else `file`."""
    return item.get("source") or item["file"]


def date_matches(gold: dict, record: EventRecord) -> bool:
    text = gold["date"]
    if gold.get("date_precision") == "month" or len(text) == 7:
        year, month = int(text[:4]), int(text[5:7])
        return (record.date.year, record.date.month) == (year, month)
    return abs((record.date - dt.date.fromisoformat(text)).days) <= 1


def participants_match(gold: dict, record: EventRecord) -> bool:
    """Gold names surnames (`grigoryan`, `von der leyen`); actor ids may carry a first name to
    tell namesakes apart (`grigoryan_mher`) and use underscores for spaces."""
    wanted = {_surname_key(p) for p in gold.get("participants") or []}
    found = {_surname_key(p) for p in record.participants}
    found_surnames = {key.split(" ")[0] if key not in wanted else key for key in found}
    return wanted <= found_surnames or found_surnames <= wanted


def _surname_key(actor_id: str) -> str:
    return actor_id.lower().replace("_", " ").strip()


def evaluate_corpus(corpus: Path, gold_path: Path, text_only: bool = False) -> Report:
    gold = load_gold(gold_path)
    gaz = load_gazetteer()
    intake = read_corpus(corpus)
    by_source = {article.source: article for article in intake.articles}
    report = Report()
    for item in gold:
        source = source_of(item)
        raw = by_source.get(source)
        if raw is None:
            why = [str(p) for p in intake.problems if source in (p.file, f"{p.file}:{p.line}")]
            raise FileNotFoundError(
                f"gold names {source}, which is not an article of {corpus}"
                + (f" ({'; '.join(why)})" if why else "")
            )
        outcome = process_article(replace(raw, published=None) if text_only else raw, gaz)
        records = to_records(cluster_mentions(outcome.mentions, gaz.place_by_id))
        report.articles += 1
        _score_publication(item, outcome.article["published"] if outcome.article else "", report)
        _score_article(item, records, report)
    return report


def evaluate_set(sets_dir: Path, name: str) -> Report:
    """A named development or held-out set, as the README's quality table names its rows:
    the folder `sets_dir/name` with its gold.json (its articles in `articles/` where it has
    one), and `name (text only)` the same with every metadata date ignored."""
    text_only = name.endswith(TEXT_ONLY)
    folder = sets_dir / name.removesuffix(TEXT_ONLY)
    articles = folder / "articles" if (folder / "articles").is_dir() else folder
    return evaluate_corpus(articles, folder / "gold.json", text_only=text_only)


def _score_publication(item: dict, published: str, report: Report) -> None:
    if published == item.get("published"):
        report.published_ok += 1
    elif item.get("published"):
        report.details.append(
            f"{source_of(item)}: published {published or '?'}, gold {item['published']}"
        )
        if published:
            report.published_wrong += 1
        else:
            report.published_absent += 1


def _score_article(item: dict, records: list[EventRecord], report: Report) -> None:
    """Each gold event is paired with at most one record and each record with one event, as
    many pairs as can be (`_pair`); events that fit a record best go first, so that an event
    naming no one does not take, one day off, the record a named event fits exactly."""
    events = item["events"]
    options = {
        e: sorted(
            (
                r
                for r, record in enumerate(records)
                if record.type == event["type"]
                and date_matches(event, record)
                and participants_match(event, record)
            ),
            key=lambda r, event=event: _fit(event, records[r]),
            reverse=True,
        )
        for e, event in enumerate(events)
    }
    chosen = _pair(options, lambda e: _fit(events[e], records[options[e][0]]))
    for e, event in enumerate(events):
        gold_status = event.get("status", "happened")
        if gold_status in {"planned", "denied"}:
            report.planned_or_denied += 1
        if e not in chosen:
            report.fn[event["type"]] += 1
            report.details.append(f"{source_of(item)}: MISSED {_gold_text(event)}")
            continue
        record = records[chosen[e]]
        report.tp[event["type"]] += 1
        if record.status == gold_status:
            report.status_ok += 1
        else:
            report.status_errors += 1
            report.details.append(
                f"{source_of(item)}: STATUS {_gold_text(event)} predicted {record.status}"
            )
            if gold_status in {"planned", "denied"} and record.status == "happened":
                report.shown_as_happened += 1
    matched = set(chosen.values())
    for r, record in enumerate(records):
        if r in matched:
            continue
        report.fp[record.type] += 1
        report.details.append(
            f"{source_of(item)}: EXTRA {record.type} {record.date} {record.precision} "
            f"{','.join(record.participants)} {record.status}"
        )


def _pair(options: dict[int, list[int]], best_fit) -> dict[int, int]:
    """The most pairs of events and records (augmenting paths), trying events in the order of
    their best fit and each event's records best first."""
    owner: dict[int, int] = {}

    def place(e: int, seen: set[int]) -> bool:
        for r in options[e]:
            if r in seen:
                continue
            seen.add(r)
            if r not in owner or place(owner[r], seen):
                owner[r] = e
                return True
        return False

    order = sorted((e for e in options if options[e]), key=best_fit, reverse=True)
    for e in order:
        place(e, set())
    return {e: r for r, e in owner.items()}


def _fit(event: dict, record: EventRecord) -> tuple[int, bool, bool]:
    """How well a record that matches a gold event fits it, to pick the best of several: the
    most people in common, then the same status, then the same day (one day off matches too)."""
    return (
        len(set(record.participants) & set(event["participants"])),
        record.status == event.get("status", "happened"),
        record.date.isoformat() == event["date"],
    )


def _gold_text(event: dict) -> str:
    people = ",".join(event.get("participants") or [])
    return f"{event['type']} {event['date']} {people} {event.get('status', 'happened')}"


def scores(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def counts(report: Report, types: tuple[str, ...]) -> tuple[int, int, int]:
    """True positives, false positives and misses summed over some event types."""
    return tuple(sum(tally[t] for t in types) for tally in (report.tp, report.fp, report.fn))


def table_figures(report: Report) -> dict[str, float]:
    """The README quality table's figures for one evaluation, rounded as the table shows
    them: F1 per type, core F1 (every type but statements), and overall P, R and F1."""
    found = {f"{t} F1": scores(*counts(report, (t,)))[2] for t in TABLE_TYPES}
    found["core F1"] = scores(*counts(report, CORE_TYPES))[2]
    overall = scores(*counts(report, EVENT_TYPES))
    found.update(zip(("overall P", "overall R", "overall F1"), overall, strict=True))
    return {column: float(f"{value:.2f}") for column, value in found.items()}


def format_report(report: Report, verbose: bool = False) -> str:
    lines = [f"{'type':<12} {'gold':>5} {'found':>5} {'P':>6} {'R':>6} {'F1':>6}"]
    groups = {"core": CORE_TYPES, "overall": EVENT_TYPES}
    for event_type in (*EVENT_TYPES, *groups):
        tp, fp, fn = counts(report, groups.get(event_type, (event_type,)))
        if tp + fp + fn == 0:
            continue
        precision, recall, f1 = scores(tp, fp, fn)
        lines.append(
            f"{event_type:<12} {tp + fn:>5} {tp + fp:>5} {precision:>6.2f} {recall:>6.2f} "
            f"{f1:>6.2f}"
        )
    lines.append(
        f"status correct on matched events: {report.status_ok}/"
        f"{report.status_ok + report.status_errors}"
    )
    lines.append(
        f"planned or denied events reported as happened: {report.shown_as_happened} "
        f"(of {report.planned_or_denied} planned or denied in the gold)"
    )
    lines.append(f"publication date right: {report.published_ok}/{report.articles} articles")
    lines.append(
        f"publication date wrong: {report.published_wrong}, absent: {report.published_absent}"
    )
    if verbose:
        lines.extend(report.details)
    return "\n".join(lines)
