"""Export page: the current view as files for slides, articles and other tools.

One download button per format. Each file is made only when its button is clicked
(`st.download_button` takes a callable) and kept per data version and view with
`st.cache_data`, so the page itself costs a few counts even at 100,000 events. The PNG is
the exception: it needs a headless browser, which may be missing or fail, so it is drawn on
request and the page says plainly when it cannot be, offering the HTML instead.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import streamlit as st

from components.frame.page import Context, empty_message
from components.shared.district_map import build_district_map
from components.shared.map_assets import local_files
from components.shared.map_common import geo_layers, places_of
from components.shared.timeline_chart import aggregation_unit, build_timeline
from newsdesk.contract.schema import EVENTS
from newsdesk.editors.spreadsheets import table_csv, tables_xlsx
from newsdesk.formats.events_json import events_json
from newsdesk.formats.plover import plover_jsonl
from newsdesk.formats.shared import SLIDE_LIMIT, ExportView, file_stem, plan
from newsdesk.formats.standalone import (
    PngUnavailable,
    figure_png,
    map_html,
    png_available,
    timeline_html,
)
from newsdesk.formats.storymap import storymap_json
from newsdesk.formats.timelinejs import timelinejs_json
from newsdesk.view.geo import district_counts

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PNG_WIDTH = 1400  # drawn at scale 2: 2800 pixels wide
_PNG = "_nd_export_png"  # session state: (view key, PNG bytes or the reason there is none)


@st.cache_data(show_spinner=False, max_entries=32)
def _cached(kind: str, view_key: str, _make: Callable[[], bytes]) -> bytes:
    """One built file per kind and view (the key holds the data version, view and language)."""
    return _make()


def view_key(ctx: Context) -> str:
    return json.dumps([ctx.data.version, ctx.lang, ctx.view_params()], sort_keys=True)


def export_view(ctx: Context) -> ExportView:
    period = ctx.filters.period
    label = ctx.t(f"period.{period}")
    if period == "custom":
        start, end = ctx.filters.date_range()
        label = f"{start or '…'} – {end or '…'}"
    return ExportView(lang=ctx.lang, title=ctx.t("app.title"), period=label, filters=ctx.filters)


def heading_lines(ctx: Context, view: ExportView) -> list[str]:
    """The lines under a standalone file's title: the period, the count, the other filters."""
    extra = {k: v for k, v in view.params.items() if k != "period"}
    filters = "; ".join(
        f"{k}={','.join(v) if isinstance(v, list) else v}" for k, v in extra.items()
    )
    return [f"{view.period} · {ctx.t('export.n_events', n=f'{len(ctx.events):,}')}", filters]


def _item(label: str, help_text: str) -> None:
    st.markdown(f"**{label}**")
    st.caption(help_text)


def _button(kind: str, data: bytes | Callable[[], bytes], file_name: str, mime: str) -> None:
    st.download_button(
        file_name,
        data,
        file_name=file_name,
        mime=mime,
        key=f"nd-export-{kind}",
        icon=":material/download:",
        on_click="ignore",
    )


def _offer(ctx: Context, kind: str, make: Callable[[], bytes], file_name: str, mime: str) -> None:
    """A download whose file is built on the click, once per kind and view."""
    key = view_key(ctx)
    _button(kind, lambda: _cached(kind, key, make), file_name, mime)


def _tables(ctx: Context, stem: str, view: ExportView) -> None:
    events = ctx.events
    table = events[list(EVENTS)]
    _item(ctx.t("export.csv"), ctx.t("export.csv_help"))
    _offer(ctx, "csv", lambda: table_csv(table, "events"), f"{stem}.csv", "text/csv")
    _item(ctx.t("export.xlsx"), ctx.t("export.xlsx_help"))
    _offer(ctx, "xlsx", lambda: tables_xlsx({"events": table}), f"{stem}.xlsx", XLSX_MIME)
    _item(ctx.t("export.json"), ctx.t("export.json_help"))
    lookups, articles = ctx.data.lookups, ctx.data.article_index()
    _offer(
        ctx,
        "json",
        lambda: events_json(events, lookups, articles, view).data,
        f"{stem}.json",
        "application/json",
    )


def _charts(ctx: Context, view: ExportView) -> None:
    lines = heading_lines(ctx, view)
    title = f"{ctx.t('nav.timeline')} · {view.title}"
    unit = aggregation_unit(ctx)
    if unit:
        st.caption(ctx.t("export.aggregated", unit=ctx.t(f"timeline.unit.{unit}")))
    _item(ctx.t("export.timeline_html"), ctx.t("export.timeline_html_help"))
    timeline_stem = file_stem(ctx.filters, "timeline")
    _offer(
        ctx,
        "timeline-html",
        lambda: timeline_html(build_timeline(ctx)[0], title, lines, ctx.lang),
        f"{timeline_stem}.html",
        "text/html",
    )
    _item(ctx.t("export.timeline_png"), ctx.t("export.timeline_png_help"))
    _png(ctx, timeline_stem)
    _item(ctx.t("export.map_html"), ctx.t("export.map_html_help"))
    _offer(
        ctx,
        "map-html",
        lambda: _map_file(ctx, view, lines),
        f"{file_stem(ctx.filters, 'map')}.html",
        "text/html",
    )


def _map_file(ctx: Context, view: ExportView, lines: list[str]) -> bytes:
    layers = geo_layers()
    places = places_of(ctx)
    fmap = build_district_map(ctx, layers, places, district_counts(ctx.events, places))
    title = f"{ctx.t('nav.map')} · {view.title}"
    return map_html(fmap, title, lines, ctx.lang, local_files())


def _png(ctx: Context, stem: str) -> None:
    available, reason = png_available()
    if not available:
        st.warning(ctx.t("export.png_unavailable", reason=reason))
        return
    key = view_key(ctx)
    if st.button(ctx.t("export.png_make"), key="w_export_png", icon=":material/image:"):
        with st.spinner(ctx.t("export.png_make")):
            try:
                result: bytes | str = _cached(
                    "timeline-png", key, lambda: figure_png(build_timeline(ctx)[0], PNG_WIDTH)
                )
            except PngUnavailable as error:
                result = str(error)
        st.session_state[_PNG] = (key, result)
    kept = st.session_state.get(_PNG)
    if not kept or kept[0] != key:
        return
    if isinstance(kept[1], bytes):
        _button("timeline-png", kept[1], f"{stem}.png", "image/png")
    else:
        st.warning(ctx.t("export.png_unavailable", reason=kept[1]))


def _tools(ctx: Context, stem: str, view: ExportView) -> None:
    events, lookups, strings = ctx.events, ctx.data.lookups, ctx.strings
    articles = ctx.data.article_index()
    counts = plan(events, lookups, SLIDE_LIMIT)
    _item(ctx.t("export.timelinejs"), ctx.t("export.timelinejs_help"))
    _notes(ctx, "TimelineJS", counts["timelinejs"], "export.skipped_date")
    _offer(
        ctx,
        "timelinejs",
        lambda: timelinejs_json(events, lookups, articles, strings, view).data,
        f"{stem}-timelinejs.json",
        "application/json",
    )
    _item(ctx.t("export.storymap"), ctx.t("export.storymap_help"))
    _notes(ctx, "StoryMapJS", counts["storymap"], "export.skipped_place")
    _offer(
        ctx,
        "storymap",
        lambda: storymap_json(events, lookups, articles, strings, view).data,
        f"{stem}-storymap.json",
        "application/json",
    )
    _item(ctx.t("export.plover"), ctx.t("export.plover_help"))
    _notes(ctx, "PLOVER", counts["plover"], "export.skipped_plover")
    _offer(
        ctx,
        "plover",
        lambda: plover_jsonl(events, lookups, articles, view).data,
        f"{stem}-plover.jsonl",
        "application/x-ndjson",
    )


def _notes(ctx: Context, tool: str, counts: dict[str, int], skipped_key: str) -> None:
    if counts["skipped"]:
        st.caption(ctx.t(skipped_key, n=f"{counts['skipped']:,}"))
    if counts["capped"]:
        st.info(
            ctx.t(
                "export.capped",
                shown=f"{counts['included']:,}",
                n=f"{counts['included'] + counts['capped']:,}",
                tool=tool,
            )
        )


def export_page(ctx: Context) -> None:
    st.caption(ctx.t("export.intro"))
    if ctx.events.empty:
        st.info(ctx.t("export.none"))
        empty_message(ctx)
        return
    st.markdown(f"**{ctx.t('export.count', n=f'{len(ctx.events):,}')}**")
    view = export_view(ctx)
    stem = file_stem(ctx.filters)
    columns = st.columns(3)
    with columns[0]:
        st.subheader(ctx.t("export.section_tables"))
        _tables(ctx, stem, view)
    with columns[1]:
        st.subheader(ctx.t("export.section_charts"))
        _charts(ctx, view)
    with columns[2]:
        st.subheader(ctx.t("export.section_tools"))
        _tools(ctx, stem, view)


__all__ = ["export_page", "heading_lines", "view_key"]
