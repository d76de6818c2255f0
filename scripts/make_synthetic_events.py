"""Write large synthetic event tables to test the dashboard's speed.

    python scripts/make_synthetic_events.py                      # 100,000 events into synthetic/
    python scripts/make_synthetic_events.py --rows 20000 --out /tmp/syn
    python scripts/make_synthetic_events.py --sizes 10000 100000 1000000
        # synthetic/10k, synthetic/100k, synthetic/1m (one folder per size)
    NEWSDESK_DATA=synthetic/100k streamlit run dashboard.py    # look at it
    python scripts/bench_scale.py                                # time it (see the README)

Every event id starts with `syn-`, every article id with `syn-a`, and each folder gets a
SYNTHETIC.txt, so the rows can never be mistaken for extracted events; the script refuses to
write into data/. Actors, places and topics are copied from the given data folder (default
data/, falling back to the lexicon) so names and search work as on the real tables. The
articles and mentions agree with the events (every source article exists, every event has one
mention per source article, 1% of the events have sources disagreeing on the day, flagged
`date_conflict`), so every page and card works on them. The synthetic folder is git-ignored.

The same seed gives the same tables. The columns are drawn with numpy, whole columns at a
time, so a million events take seconds, not minutes; lists of people, topics and sources come
from a pool of random combinations (65,536 by default), as real tables repeat the same pairs of
leaders.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import random
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from newsdesk.contract.schema import EVENT_TYPES, TABLES  # noqa: E402
from newsdesk.contract.tables import read_table, write_frame, write_rows  # noqa: E402

PRECISIONS = ("day", "week", "month", "year")
PRECISION_WEIGHTS = (0.6, 0.2, 0.1, 0.1)
STATUSES = ("happened", "planned", "denied")
STATUS_WEIGHTS = (0.8, 0.1, 0.1)
SOURCE_COUNTS = (1, 2, 3)
SOURCE_WEIGHTS = (0.6, 0.3, 0.1)
CONFLICT_SHARE = 0.01  # of the events: sources disagree on the day (flag date_conflict)
OUTLETS = ("Synthetic wire A", "Synthetic wire B", "Synthetic wire C")
POOL = 65_536
FIRST, LAST = dt.date(2020, 9, 1), dt.date(2024, 12, 31)


def size_label(rows: int) -> str:
    """The folder name of a size: 10000 -> 10k, 1000000 -> 1m, 2500 -> 2500."""
    if rows >= 1_000_000 and rows % 1_000_000 == 0:
        return f"{rows // 1_000_000}m"
    if rows >= 1_000 and rows % 1_000 == 0:
        return f"{rows // 1_000}k"
    return str(rows)


def _lookup_rows(source: Path, name: str) -> list[dict[str, str]]:
    path = source / f"{name}.csv"
    if not path.exists():
        path = REPO / "data" / "lexicon" / f"{name}.csv"
    frame = read_table(path, name)
    return frame.to_dict("records")


def _pool(rng: random.Random, ids: Sequence[str], low: int, high: int, size: int) -> np.ndarray:
    """`size` random `;` lists of `low` to `high` distinct ids (an object array to index)."""
    cells = [
        ";".join(rng.sample(ids, k=min(len(ids), rng.randint(low, high)))) if ids else ""
        for _ in range(size)
    ]
    return np.array(cells, dtype=object)


def _text(template: str, *columns: Sequence[object]) -> list[str]:
    return [template.format(*values) for values in zip(*columns, strict=True)]


def n_articles_for(rows: int) -> int:
    """About twenty events per article, as a wire service reports them (at least 20)."""
    return max(20, rows // 20)


def make_tables(
    rows: int, actors: list[str], places: list[str], topics: list[str], seed: int
) -> dict[str, pd.DataFrame]:
    """Random but plausible events, articles and mentions (all cells strings).

    Events: 1-3 participants, a place half the time, 0-3 topics, 1-3 source articles, each
    with a mention carrying the event's fields; a conflicting event's second mention gives the
    next day."""
    rng = np.random.default_rng(seed)
    pools = random.Random(seed)
    pool = min(POOL, max(rows, 1))
    people_pool = _pool(pools, actors, 1, 3, pool)
    topic_pool = _pool(pools, topics, 0, 3, pool)
    span = (LAST - FIRST).days
    number = np.arange(rows)
    width = max(6, len(str(max(rows - 1, 0))))
    event_ids = np.array([f"syn-{n:0{width}d}" for n in number], dtype=object)
    first_day = np.datetime64(FIRST.isoformat(), "D")
    days = first_day + rng.integers(0, span, rows).astype("timedelta64[D]")
    kinds = np.array(EVENT_TYPES, dtype=object)[rng.integers(0, len(EVENT_TYPES), rows)]
    precision = rng.choice(np.array(PRECISIONS, dtype=object), rows, p=PRECISION_WEIGHTS)
    status = rng.choice(np.array(STATUSES, dtype=object), rows, p=STATUS_WEIGHTS)
    people = people_pool[rng.integers(0, pool, rows)]
    first_person = np.array([cell.split(";", 1)[0] for cell in people], dtype=object)
    initiator = np.where(np.isin(kinds, ("call", "meeting")), first_person, "")
    place_choices = np.array(list(places) or [""], dtype=object)
    place = np.where(
        rng.random(rows) < 0.5, place_choices[rng.integers(0, len(place_choices), rows)], ""
    )
    topic_cells = topic_pool[rng.integers(0, pool, rows)]
    lasting = (kinds == "hostilities") & (precision == "day")
    ends = days + rng.integers(1, 41, rows).astype("timedelta64[D]")
    date_end = np.where(lasting, ends.astype(str).astype(object), "")
    n_sources = rng.choice(np.array(SOURCE_COUNTS), rows, p=SOURCE_WEIGHTS)
    conflict = (precision == "day") & (n_sources >= 2) & ~lasting
    conflict &= rng.random(rows) < CONFLICT_SHARE / max(conflict.mean(), 1e-9)

    n_art = n_articles_for(rows)
    article_ids = np.array([f"syn-a{a:05d}" for a in range(n_art)], dtype=object)
    first_article = rng.integers(0, n_art, rows)
    stride = rng.integers(1, max(2, n_art // 4), rows)
    sources = np.stack([(first_article + k * stride) % n_art for k in range(3)], axis=1)
    present = np.arange(3)[None, :] < n_sources[:, None]
    source_cells = np.array(
        [";".join(article_ids[row[:n]]) for row, n in zip(sources, n_sources, strict=True)],
        dtype=object,
    )
    dates = days.astype(str).astype(object)
    kind_words = kinds.astype(str)
    events = pd.DataFrame(
        {
            "event_id": event_ids,
            "date": dates,
            "date_end": date_end,
            "date_precision": precision,
            "type": kinds,
            "status": status,
            "participants": people,
            "initiator": initiator,
            "place_id": place,
            "topics": topic_cells,
            "title_en": _text("Synthetic {} {}", kind_words, number),
            "title_ar": _text("حدث تجريبي {}", number),
            "summary_en": _text(
                "Synthetic {} for speed tests, not a real event ({}).", kind_words, number
            ),
            "summary_ar": _text("حدث تجريبي لاختبار السرعة وليس حدثاً حقيقياً ({}).", number),
            "source_articles": source_cells,
            "n_sources": n_sources.astype(str),
            "flags": np.where(conflict, "date_conflict", ""),
            "plover": "",
            "confidence": "0.50",
        }
    )

    # one mention per (event, source article); the second mention of a conflict is a day later
    event_row, slot = np.nonzero(present)
    article = article_ids[sources[event_row, slot]]
    mention_day = days[event_row] + (conflict[event_row] & (slot == 1)).astype("timedelta64[D]")
    start = rng.integers(0, 3000, len(event_row))
    mentions = pd.DataFrame(
        {
            "mention_id": _text("{}-{}", article, event_ids[event_row]),
            "event_id": event_ids[event_row],
            "article_id": article,
            "start": start.astype(str),
            "end": (start + rng.integers(60, 400, len(event_row))).astype(str),
            "type": kinds[event_row],
            "date": mention_day.astype(str).astype(object),
            "date_precision": precision[event_row],
            "participants": people[event_row],
            "place_id": place[event_row],
            "status": status[event_row],
        }
    )
    published = first_day + rng.integers(0, span, n_art).astype("timedelta64[D]")
    articles = pd.DataFrame(
        {
            "article_id": article_ids,
            "file": _text("{}.txt", article_ids),
            "outlet": np.array(OUTLETS, dtype=object)[np.arange(n_art) % len(OUTLETS)],
            "published": published.astype(str),
            "published_basis": "stated",
            "n_chars": rng.integers(1500, 6000, n_art).astype(str),
            "sha256": [hashlib.sha256(a.encode()).hexdigest() for a in article_ids],
        }
    )
    return {"events": events, "mentions": mentions, "articles": articles}


def write_synthetic(out: Path, rows: int, source: Path, seed: int = 7) -> Path:
    """One folder of synthetic tables, with its SYNTHETIC.txt marker."""
    out = out.resolve()
    data = (REPO / "data").resolve()
    if out == data or data in out.parents:
        raise SystemExit(f"refusing to write synthetic events into {data}")
    out.mkdir(parents=True, exist_ok=True)
    lookups = {name: _lookup_rows(source, name) for name in ("actors", "places", "topics")}
    for name, records in lookups.items():
        write_rows(out / f"{name}.csv", TABLES[name], records)
    tables = make_tables(
        rows,
        [r["actor_id"] for r in lookups["actors"]],
        [r["place_id"] for r in lookups["places"]],
        [r["topic_id"] for r in lookups["topics"]],
        seed,
    )
    for name, frame in tables.items():
        write_frame(out / f"{name}.csv", TABLES[name], frame)
    write_rows(out / "corrections.csv", TABLES["corrections"], [])
    (out / "SYNTHETIC.txt").write_text(
        f"{rows} synthetic events (ids syn-*) with {len(tables['articles'])} synthetic articles "
        f"(syn-a*) and {len(tables['mentions'])} mentions, seed {seed}, for speed tests; "
        "not extracted from any article.\n"
        f"Written by scripts/make_synthetic_events.py on {dt.date.today().isoformat()}.\n",
        encoding="utf-8",
    )
    return out


def write_sizes(base: Path, sizes: Sequence[int], source: Path, seed: int = 7) -> list[Path]:
    """One folder per size under `base`, named by `size_label` (synthetic/10k, synthetic/1m)."""
    return [write_synthetic(base / size_label(rows), rows, source, seed) for rows in sizes]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--rows", type=int, help="one table of this many events, into --out")
    size.add_argument(
        "--sizes",
        type=int,
        nargs="+",
        help="several tables, into --out/10k, --out/1m ... (e.g. 10000 100000 1000000)",
    )
    parser.add_argument("--out", type=Path, default=REPO / "synthetic")
    parser.add_argument(
        "--source",
        type=Path,
        default=REPO / "data",
        help="data folder whose actors/places/topics are copied",
    )
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    if any(rows < 1 for rows in (args.sizes or [args.rows or 1])):
        parser.error("sizes must be at least 1")
    if args.sizes:
        folders = write_sizes(args.out, args.sizes, args.source, args.seed)
        for rows, out in zip(args.sizes, folders, strict=True):
            print(f"wrote {rows:,} synthetic events to {out}")
        return
    rows = args.rows or 100_000
    out = write_synthetic(args.out, rows, args.source, args.seed)
    print(f"wrote {rows:,} synthetic events to {out}")


if __name__ == "__main__":
    main()
