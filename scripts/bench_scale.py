"""How fast the dashboard is at 10,000, 100,000 and 1,000,000 events (a maintainer tool).

    python scripts/make_synthetic_events.py --sizes 10000 100000 1000000   # once
    python scripts/bench_scale.py [--sizes 10k 100k 1m] [--repeats 5] [--no-browser] [--out FILE]

For each size folder (synthetic/10k ...) every measurement runs in fresh processes, so the
memory figures are per size:

- load: the app's own loader without Streamlit's cache (components.frame.data.build_dataset:
  read the CSVs, open the editors' store, apply corrections, prepare_events), and the first
  AppTest run, which does the same through the cache;
- filter: newsdesk.view.queries.filter_events for a few views (everything, the 2020 war, blockade +
  incidents, a text search, a person), views given as URL parameters as a link gives them;
- timeline: the timeline page's figures for the view
  (components.shared.timeline_chart.build_timeline, a heat strip above MAX_MARKERS events, and
  the per-month bars), serialised to JSON;
- map: the map page's folium map for the view (district counts, markers with popups, layers;
  components.shared.district_map.build_district_map), rendered to HTML as st_folium does;
- rerun: a full page rerun through AppTest after a period change, for home, timeline, events
  and map (server time; every rerun gets a period it has not had before in that session);
- browser: headless Chromium (Playwright, /usr/bin/chromium) against `streamlit run` on the
  folder: a link with a period until the script is idle and the page's chart, cards or map
  are visible, then a period chosen in the sidebar until the page shows the new view;
- memory: peak RSS of the process that loaded the tables and ran the steps above (ru_maxrss),
  and peak RSS of the streamlit server after the browser visits.

Prints the medians as Markdown tables (and writes them to --out). The editors' store of each
run is a temporary SQLite file, never one in the synthetic folder. Figures vary with the load
of the machine: run it when the machine is quiet, and compare medians.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))  # the dashboard server the browser tests use

from devserver import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    ServerDidNotStart,
    dashboard_server,
)

IDLE = "[data-testid=stApp][data-test-script-state=notRunning]"
# URL parameters of the views timed for filter, timeline and map ("{actor}": a known person)
VIEWS: dict[str, dict[str, str]] = {
    "everything": {},
    "2020 war": {"period": "war2020"},
    "blockade + incidents": {"period": "blockade", "type": "incident"},
    "search": {"q": "تجريبي 12"},
    "person": {"actor": "{actor}"},
}
# the periods a rerun switches to, in turn (each new in its session: no cache can answer)
PERIODS = ("war2020", "ceasefire2021", "y2022", "blockade", "after")
PAGES = {
    "home": None,
    "timeline": "pages/timeline.py",
    "events": "pages/events.py",
    "map": "pages/map.py",
}
# what must be visible before a page counts as interactive in the browser
VISIBLE = {
    "home": ".st-key-nd-body .stPlotlyChart .main-svg",
    "timeline": ".st-key-nd-body .stPlotlyChart .main-svg",
    "events": ".st-key-nd-body [class*='st-key-card-list-']",
    "map": ".st-key-nd-map iframe",
}
URLS = {"home": "", "timeline": "timeline", "events": "events", "map": "map"}


def median_ms(times: list[float]) -> float:
    return 1000 * statistics.median(times)


def timed(action: Callable[[], object], repeats: int) -> tuple[float, object]:
    """Median milliseconds of `repeats` calls, and the last call's result."""
    times, result = [], None
    for _ in range(repeats):
        started = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - started)
    return median_ms(times), result


def rss_mb(pid: int | str = "self", field: str = "VmRSS") -> float:
    """Resident memory of a process in MB (VmHWM: its peak), from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# --- the steps, in a worker process per size ----------------------------------------------


def steps(folder: Path, repeats: int) -> dict:
    """load, filter, timeline and map, timed in this process (which holds one dataset)."""
    from components.frame.data import build_dataset, dataset_key
    from components.frame.page import Context
    from components.shared.charts import counts_bar_figure
    from components.shared.district_map import build_district_map
    from components.shared.timeline_chart import build_timeline
    from newsdesk.config import geo_dir
    from newsdesk.contract.schema import EVENT_TYPES
    from newsdesk.language.strings import load_strings
    from newsdesk.view.geo import district_counts, load_layers, place_frame
    from newsdesk.view.queries import counts_per_period, filter_events
    from newsdesk.view.url_state import parse_params

    strings = load_strings()
    started = time.perf_counter()
    data = build_dataset(*dataset_key())
    result: dict = {
        "events": len(data.events),
        "load_ms": 1000 * (time.perf_counter() - started),
        "rss_after_load_mb": rss_mb(),
    }
    actors = data.vocabulary.actors or frozenset()
    actor = "putin" if "putin" in actors else min(actors, default="")
    layers = load_layers(geo_dir())
    places = place_frame(data.lookups.places)  # cached per data version in the app
    labels = {k: strings.t("en", f"type.{k}") for k in EVENT_TYPES}
    views = {}
    for name, raw in VIEWS.items():
        params = {key: value.format(actor=actor) for key, value in raw.items()}
        filters = parse_params(params, data.vocabulary)
        filter_ms, events = timed(lambda f=filters: filter_events(data.events, f), repeats)
        ctx = Context("timeline", "en", strings, data, filters, events, body=None)

        def timeline(ctx: Context = ctx) -> None:
            build_timeline(ctx, "type")[0].to_json()
            months = counts_per_period(ctx.events, "M")
            counts_bar_figure(months, labels, strings.t("en", "timeline.count")).to_json()

        def folium_html(ctx: Context = ctx) -> int:
            counts = district_counts(ctx.events, places)
            return len(build_district_map(ctx, layers, places, counts).get_root().render())

        timeline_ms, _ = timed(timeline, repeats)
        map_ms, html_size = timed(folium_html, repeats)
        views[name] = {
            "events": len(events),
            "filter_ms": filter_ms,
            "timeline_ms": timeline_ms,
            "map_ms": map_ms,
            "map_html_kb": html_size / 1024,
        }
    result["views"] = views
    result["peak_rss_mb"] = peak_mb()
    return result


def reruns(folder: Path, repeats: int) -> dict:
    """Full page reruns through AppTest after a period change (server time)."""
    from streamlit.testing.v1 import AppTest

    result: dict = {}
    for number, (page, path) in enumerate(PAGES.items()):
        at = AppTest.from_file(str(REPO / "dashboard.py"), default_timeout=600)
        if path:
            at.switch_page(path)
        started = time.perf_counter()
        at.run()
        if number == 0:
            result["first_run_ms"] = 1000 * (time.perf_counter() - started)
        times = []
        for index in range(repeats):
            at.selectbox(key="w_period").set_value(PERIODS[index % len(PERIODS)])
            started = time.perf_counter()
            at.run()
            times.append(time.perf_counter() - started)
            if at.exception:
                raise SystemExit(f"{page}: {[e.value for e in at.exception]}")
        result[f"rerun_{page}_ms"] = median_ms(times)
    result["peak_rss_mb"] = peak_mb()
    return result


# --- the browser ----------------------------------------------------------------------------


def browser(folder: Path, env: dict[str, str], repeats: int) -> dict:
    """Time until interactive, and a period change, in headless Chromium."""
    from playwright.sync_api import sync_playwright

    log_path = Path(tempfile.mkdtemp(prefix="bench_scale_log_")) / "streamlit.log"
    result: dict = {}
    try:
        with dashboard_server(env, log_path, timeout=600) as (base, server):
            with sync_playwright() as playwright:
                chromium = playwright.chromium.launch(
                    executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
                )
                context = chromium.new_context(viewport={"width": 1400, "height": 1200})
                tab = context.new_page()
                tab.set_default_timeout(600_000)
                result["first_load_ms"] = open_view(tab, base, "timeline")  # loads the tables
                for page in PAGES:
                    loads, changes = [], []
                    for index in range(repeats):
                        loads.append(open_view(tab, base, page))
                        changes.append(change_period(tab, page, PERIODS[2 + index % 3]))
                    result[f"browser_{page}_ms"] = statistics.median(loads)
                    result[f"browser_change_{page}_ms"] = statistics.median(changes)
                chromium.close()
            result["server_peak_rss_mb"] = rss_mb(server.pid, "VmHWM")
            result["server_rss_mb"] = rss_mb(server.pid)
    except ServerDidNotStart as error:
        raise SystemExit(f"{error}\n(log: {log_path})") from error
    return result


def wait_ready(tab, page: str) -> None:
    tab.wait_for_selector(".st-key-nd-body h1")
    tab.wait_for_selector(IDLE)
    tab.wait_for_selector(VISIBLE[page], state="visible")
    if page == "map":  # the map counts once Leaflet has drawn the districts
        frame = tab.frame_locator(VISIBLE[page])
        frame.locator("path.leaflet-interactive").first.wait_for(state="attached")


def open_view(tab, base: str, page: str) -> float:
    """Milliseconds from following a link (the 2020 war) to an idle page showing its view."""
    started = time.perf_counter()
    tab.goto(f"{base}/{URLS[page]}?period=war2020")
    wait_ready(tab, page)
    return 1000 * (time.perf_counter() - started)


def change_period(tab, page: str, period: str) -> float:
    """Milliseconds from choosing a period in the sidebar to the page showing the new view."""
    from newsdesk.language.strings import load_strings

    label = load_strings().t("en", f"period.{period}")
    body = tab.locator(".st-key-nd-body")
    before = body.inner_text()
    tab.locator(".st-key-nd-side [data-testid=stSelectbox] input").first.click()
    started = time.perf_counter()
    tab.get_by_role("option", name=label, exact=True).click()
    tab.wait_for_function(
        "before => document.querySelector('.st-key-nd-body').innerText !== before", arg=before
    )
    wait_ready(tab, page)
    return 1000 * (time.perf_counter() - started)


# --- the driver -----------------------------------------------------------------------------


def run_worker(kind: str, folder: Path, repeats: int, env: dict[str, str]) -> dict:
    """One measurement kind in a fresh interpreter; its result comes back as JSON."""
    command = [sys.executable, __file__, "--worker", kind, "--folder", str(folder)]
    command += ["--repeats", str(repeats)]
    done = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"{kind} on {folder} failed:\n{done.stderr[-4000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure(folder: Path, repeats: int, with_browser: bool) -> dict:
    store = tempfile.mkdtemp(prefix="bench_scale_store_")
    env = dict(os.environ, NEWSDESK_DATA=str(folder))
    env["NEWSDESK_DB_URL"] = f"sqlite:///{Path(store) / 'store.sqlite'}"
    print(f"{folder.name}: steps ...", file=sys.stderr, flush=True)
    result = {"steps": run_worker("steps", folder, repeats, env)}
    print(f"{folder.name}: reruns ...", file=sys.stderr, flush=True)
    result["reruns"] = run_worker("reruns", folder, repeats, env)
    if with_browser:
        print(f"{folder.name}: browser ...", file=sys.stderr, flush=True)
        result["browser"] = browser(folder, env, repeats)
    return result


def fmt_ms(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value / 1000:.1f} s" if value >= 10_000 else f"{value:,.0f} ms"


def tables(results: dict[str, dict]) -> str:
    """The figures as Markdown: one summary table, then the views one by one."""
    sizes = list(results)
    head = "| step | " + " | ".join(f"{results[s]['steps']['events']:,} events" for s in sizes)
    lines = [head + " |", "|---|" + "---:|" * len(sizes)]

    def row(label: str, values: list[str]) -> None:
        lines.append(f"| {label} | " + " | ".join(values) + " |")

    def get(size: str, part: str, key: str) -> float | None:
        return results[size].get(part, {}).get(key)

    def view(size: str, name: str, key: str) -> float:
        return results[size]["steps"]["views"][name][key]

    row(
        "load: read CSVs, apply corrections, prepare (once per data version)",
        [fmt_ms(get(s, "steps", "load_ms")) for s in sizes],
    )
    row(
        "first page run through AppTest (the load, through the cache)",
        [fmt_ms(get(s, "reruns", "first_run_ms")) for s in sizes],
    )
    for key, label in (
        ("filter_ms", "filter, the 2020 war"),
        ("timeline_ms", "timeline figures, the 2020 war"),
        ("map_ms", "folium map + HTML, the 2020 war"),
    ):
        row(label, [fmt_ms(view(s, "2020 war", key)) for s in sizes])
    for key, label in (
        ("filter_ms", "filter, slowest view"),
        ("timeline_ms", "timeline figures, slowest view"),
        ("map_ms", "folium map + HTML, slowest view"),
    ):
        row(
            label,
            [fmt_ms(max(v[key] for v in results[s]["steps"]["views"].values())) for s in sizes],
        )
    for page in PAGES:
        row(
            f"**rerun after a period change: {page}** (AppTest, server)",
            [fmt_ms(get(s, "reruns", f"rerun_{page}_ms")) for s in sizes],
        )
    if all("browser" in results[s] for s in sizes):
        row(
            "browser: first link on a fresh server (loads the tables)",
            [fmt_ms(get(s, "browser", "first_load_ms")) for s in sizes],
        )
        for page in PAGES:
            row(
                f"browser: link to {page} until interactive",
                [fmt_ms(get(s, "browser", f"browser_{page}_ms")) for s in sizes],
            )
            row(
                f"browser: period change on {page}",
                [fmt_ms(get(s, "browser", f"browser_change_{page}_ms")) for s in sizes],
            )
        row(
            "server peak RSS", [f"{get(s, 'browser', 'server_peak_rss_mb'):,.0f} MB" for s in sizes]
        )
    row(
        "RSS after load (steps process)",
        [f"{get(s, 'steps', 'rss_after_load_mb'):,.0f} MB" for s in sizes],
    )
    row("peak RSS (steps process)", [f"{get(s, 'steps', 'peak_rss_mb'):,.0f} MB" for s in sizes])
    row("peak RSS (AppTest process)", [f"{get(s, 'reruns', 'peak_rss_mb'):,.0f} MB" for s in sizes])
    lines += ["", "| size | view | events in view | filter | timeline | map | map HTML |"]
    lines.append("|---|---|---:|---:|---:|---:|---:|")
    for size in sizes:
        for name, v in results[size]["steps"]["views"].items():
            lines.append(
                f"| {size} | {name} | {v['events']:,} | {fmt_ms(v['filter_ms'])} | "
                f"{fmt_ms(v['timeline_ms'])} | {fmt_ms(v['map_ms'])} | {v['map_html_kb']:,.0f} kB |"
            )
    return "\n".join(lines)


def machine() -> str:
    model = "unknown CPU"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            model = line.split(":", 1)[1].strip()
            break
    memory = rss_total_gb()
    return (
        f"{platform.machine()}, {os.cpu_count()} cores ({model}), {memory:.0f} GB RAM, "
        f"Python {platform.python_version()}, {time.strftime('%Y-%m-%d')}, "
        f"load average {os.getloadavg()[0]:.2f} at the end"
    )


def rss_total_gb() -> float:
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            return int(line.split()[1]) / 1024 / 1024
    return float("nan")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", type=Path, default=REPO / "synthetic")
    parser.add_argument("--sizes", nargs="+", default=["10k", "100k", "1m"], help="folders")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium steps")
    parser.add_argument("--out", type=Path, help="also write the tables to this file")
    parser.add_argument("--worker", choices=("steps", "reruns"), help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        work = steps if args.worker == "steps" else reruns
        print(json.dumps(work(args.folder, args.repeats)))
        return 0
    results = {}
    for size in args.sizes:
        folder = (args.base / size).resolve()
        if not (folder / "SYNTHETIC.txt").exists():
            raise SystemExit(
                f"no synthetic tables in {folder}: run scripts/make_synthetic_events.py --sizes"
            )
        results[size] = measure(folder, args.repeats, not args.no_browser)
    text = tables(results) + f"\n\nMachine: {machine()}; medians of {args.repeats} runs.\n"
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
        (args.out.with_suffix(".json")).write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
