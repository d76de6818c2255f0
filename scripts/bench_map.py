"""Server time of the map page on a large synthetic events table.

    python scripts/make_synthetic_events.py --rows 100000     # once: writes synthetic/
    python scripts/bench_map.py [--data synthetic] [--repeats 3]

Each step is one rerun of the page through AppTest (frame, filters, counting, building the
folium map or the pydeck deck, serialising them), timed as the server spends it; the browser's
drawing time is not included. The step list mirrors what a presenter does: open the map,
change the period, pick a type, click a district (`sel=` in the URL), switch to the diplomacy
view, click an arc.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def run(at, repeats: int) -> tuple[float, float]:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - started)
        assert not at.exception, [e.value for e in at.exception]
    return statistics.median(times), max(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=REPO / "synthetic")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    if not (args.data / "events.csv").exists():
        raise SystemExit(f"no events.csv in {args.data}: run scripts/make_synthetic_events.py")
    os.environ["NEWSDESK_DATA"] = str(args.data)
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(REPO / "dashboard.py"), default_timeout=300)
    at.switch_page("pages/map.py")
    started = time.perf_counter()
    at.run()
    print(f"first run (loads and prepares the tables): {time.perf_counter() - started:.2f} s")
    steps = [
        ("map, everything", {}),
        ("map, 2020 war", {"period": "war2020"}),
        ("map, blockade + incidents", {"period": "blockade", "type": "incident"}),
        ("map, district selected", {"sel": "district:az-lachin"}),
        ("map, Arabic", {"lang": "ar"}),
        ("diplomacy, everything", {"view": "diplomacy"}),
        ("diplomacy, 2020 war", {"view": "diplomacy", "period": "war2020"}),
        ("diplomacy, arc selected", {"view": "diplomacy", "arc": "arc:call|baku|moscow"}),
    ]
    for name, params in steps:
        at = AppTest.from_file(str(REPO / "dashboard.py"), default_timeout=300)
        for key, value in params.items():
            at.query_params[key] = value
        at.switch_page("pages/map.py")
        at.run()  # a new session: the first run of the page in it
        median, worst = run(at, args.repeats)
        print(f"{name:28s} rerun median {1000 * median:6.0f} ms   max {1000 * worst:6.0f} ms")


if __name__ == "__main__":
    main()
