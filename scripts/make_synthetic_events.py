"""Write a large synthetic events table to test the dashboard's speed.

    python scripts/make_synthetic_events.py                 # 100,000 events into synthetic/
    python scripts/make_synthetic_events.py --rows 20000 --out /tmp/syn
    NEWSDESK_DATA=synthetic streamlit run dashboard.py       # look at it
    python scripts/make_synthetic_events.py --measure        # time a filter change

Every event id starts with `syn-` and the folder gets a SYNTHETIC.txt, so the rows can never
be mistaken for extracted events; the script refuses to write into data/. Actors, places and
topics are copied from the given data folder (default data/, falling back to the lexicon) so
names and search work as on the real tables. The synthetic folder is git-ignored.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from newsdesk.schema import EVENT_TYPES, TABLES  # noqa: E402
from newsdesk.tables import read_table, write_rows  # noqa: E402

PRECISIONS = ("day",) * 6 + ("week", "week", "month", "year")
STATUSES = ("happened",) * 8 + ("planned", "denied")
FIRST, LAST = dt.date(2020, 9, 1), dt.date(2024, 12, 31)


def _lookup_rows(source: Path, name: str) -> list[dict[str, str]]:
    path = source / f"{name}.csv"
    if not path.exists():
        path = REPO / "data" / "lexicon" / f"{name}.csv"
    frame = read_table(path, name)
    return frame.to_dict("records")


def make_events(rows: int, actors: list[str], places: list[str], topics: list[str], seed: int):
    """Random but plausible events: 1-3 participants, a place half the time, 0-3 topics."""
    rng = random.Random(seed)
    span = (LAST - FIRST).days
    for number in range(rows):
        day = FIRST + dt.timedelta(days=rng.randrange(span))
        kind = rng.choice(EVENT_TYPES)
        precision = rng.choice(PRECISIONS)
        people = rng.sample(actors, k=min(len(actors), rng.randint(1, 3))) if actors else []
        sources = [f"syn-a{rng.randrange(5000):04d}" for _ in range(rng.randint(1, 4))]
        end = ""
        if kind == "hostilities" and precision == "day":
            end = (day + dt.timedelta(days=rng.randint(1, 40))).isoformat()
        yield {
            "event_id": f"syn-{number:06d}",
            "date": day.isoformat(),
            "date_end": end,
            "date_precision": precision,
            "type": kind,
            "status": rng.choice(STATUSES),
            "participants": ";".join(people),
            "initiator": people[0] if people and kind in ("call", "meeting") else "",
            "place_id": rng.choice(places) if places and rng.random() < 0.5 else "",
            "topics": ";".join(rng.sample(topics, k=min(len(topics), rng.randint(0, 3)))),
            "title_en": f"Synthetic {kind} {number}",
            "title_ar": f"حدث تجريبي {number}",
            "summary_en": f"Synthetic {kind} for speed tests, not a real event ({number}).",
            "summary_ar": f"حدث تجريبي لاختبار السرعة وليس حدثاً حقيقياً ({number}).",
            "source_articles": ";".join(dict.fromkeys(sources)),
            "n_sources": str(len(dict.fromkeys(sources))),
            "flags": "",
            "plover": "",
            "confidence": "0.50",
        }


def write_synthetic(out: Path, rows: int, source: Path, seed: int = 7) -> Path:
    out = out.resolve()
    data = (REPO / "data").resolve()
    if out == data or data in out.parents:
        raise SystemExit(f"refusing to write synthetic events into {data}")
    out.mkdir(parents=True, exist_ok=True)
    lookups = {name: _lookup_rows(source, name) for name in ("actors", "places", "topics")}
    for name, records in lookups.items():
        write_rows(out / f"{name}.csv", TABLES[name], records)
    events = make_events(
        rows,
        [r["actor_id"] for r in lookups["actors"]],
        [r["place_id"] for r in lookups["places"]],
        [r["topic_id"] for r in lookups["topics"]],
        seed,
    )
    write_rows(out / "events.csv", TABLES["events"], events)
    for name in ("mentions", "articles", "corrections"):
        write_rows(out / f"{name}.csv", TABLES[name], [])
    (out / "SYNTHETIC.txt").write_text(
        f"{rows} synthetic events (ids syn-*) for speed tests; not extracted from any article.\n"
        f"Written by scripts/make_synthetic_events.py on {dt.date.today().isoformat()}.\n",
        encoding="utf-8",
    )
    return out


def measure(directory: Path, repeats: int = 5) -> None:
    """Server-side time of the timeline page's work after a filter change: filter the prepared
    events, then build the figure that would be sent (aggregate above 5,000 events)."""
    from components.figures import counts_bar_figure, heat_strip_figure, timeline_figure
    from components.timeline import MAX_MARKERS
    from newsdesk.corrections import apply_corrections
    from newsdesk.display import Lookups, load_strings, timeline_rows
    from newsdesk.filters import Filters, counts_per_period, filter_events, prepare_events
    from newsdesk.periods import bands
    from newsdesk.tables import load_tables

    started = time.perf_counter()
    tables = load_tables(directory)
    published = tables["events"]
    if not tables["corrections"].empty:
        published = apply_corrections(published, tables["corrections"]).events
    lookups = Lookups.from_tables(tables["actors"], tables["places"], tables["topics"])
    prepared = prepare_events(published, lookups.search_names())
    print(
        f"load + prepare {len(prepared):,} events (once per data version): "
        f"{time.perf_counter() - started:.2f} s"
    )
    strings = load_strings()
    labels = {k: strings.t("en", f"type.{k}") for k in EVENT_TYPES}
    some_actor = next(iter(lookups.actors), "putin")
    views = {
        "everything": Filters(),
        "2020 war": Filters(period="war2020"),
        "blockade, calls+meetings": Filters(period="blockade", types=("call", "meeting")),
        f"person {some_actor}": Filters(actors=(some_actor,)),
        "search 'تجريبي 12'": Filters(query="تجريبي 12"),
        "custom week": Filters(period="custom", start=dt.date(2021, 3, 1), end=dt.date(2021, 3, 7)),
    }
    for name, view in views.items():
        times = []
        for _ in range(repeats):
            start = time.perf_counter()
            filtered = filter_events(prepared, view)
            if len(filtered) > MAX_MARKERS:
                fig = heat_strip_figure(
                    counts_per_period(filtered, "M"), labels, "events", bands(), {}
                )
            else:
                rows = timeline_rows(filtered, lookups, "en", "type", strings)
                fig = timeline_figure(rows, labels, bands(), {})
            months = counts_bar_figure(counts_per_period(filtered, "M"), labels, "events")
            fig.to_json()
            months.to_json()
            times.append(time.perf_counter() - start)
        times.sort()
        print(
            f"{name:28s} {len(filtered):>7,} events  median {1000 * times[len(times) // 2]:6.0f} ms"
            f"  max {1000 * times[-1]:6.0f} ms"
        )
    measure_app(directory)


def measure_app(directory: Path) -> None:
    """The whole timeline page through AppTest: a filter change is one rerun of the script
    (frame, widgets, filtering, figures, serialisation), timed as the server spends it."""
    import os

    from streamlit.testing.v1 import AppTest

    os.environ["NEWSDESK_DATA"] = str(directory)
    at = AppTest.from_file(str(REPO / "dashboard.py"), default_timeout=120)
    at.switch_page("pages/timeline.py")
    started = time.perf_counter()
    at.run()
    print(
        f"AppTest first run (loads and prepares the tables): {time.perf_counter() - started:.2f} s"
    )
    steps = [
        ("period: 2020 war", lambda: at.selectbox(key="w_period").set_value("war2020")),
        ("+ type call", lambda: at.multiselect(key="w_type").select("call")),
        ("period: blockade", lambda: at.selectbox(key="w_period").set_value("blockade")),
        ("lanes per person", lambda: at.radio(key="w_lanes").set_value("person")),
        ("search 'تجريبي'", lambda: at.text_input(key="w_q").input("تجريبي")),
        ("period: everything", lambda: at.selectbox(key="w_period").set_value("all")),
        ("clear filters", lambda: at.button(key="w_reset").click()),
    ]
    for name, action in steps:
        action()
        started = time.perf_counter()
        at.run()
        elapsed = time.perf_counter() - started
        assert not at.exception, [e.value for e in at.exception]
        print(f"AppTest rerun after {name:22s} {1000 * elapsed:6.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--out", type=Path, default=REPO / "synthetic")
    parser.add_argument(
        "--source",
        type=Path,
        default=REPO / "data",
        help="data folder whose actors/places/topics are copied",
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--measure", action="store_true", help="time filter changes afterwards")
    args = parser.parse_args()
    out = write_synthetic(args.out, args.rows, args.source, args.seed)
    print(f"wrote {args.rows:,} synthetic events to {out}")
    if args.measure:
        measure(out)


if __name__ == "__main__":
    main()
