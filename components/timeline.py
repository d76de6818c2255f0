"""Timeline page: the view drawn over time; a click opens the event's card beneath."""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

from components.frame.page import PAGE_ICONS, Context, empty_message, url_choice
from components.shared.cards import event_card
from components.shared.charts import (
    counts_bar_figure,
    heat_strip_figure,
    selected_event_ids,
    timeline_figure,
)
from newsdesk.contract.schema import EVENT_TYPES
from newsdesk.view.periods import bands
from newsdesk.view.prepared import PREPARED
from newsdesk.view.queries import counts_per_period
from newsdesk.view.timeline_rows import timeline_rows

MAX_MARKERS = 5_000  # above this the timeline shows counts, not single events
LANES = ("type", "person")
W_LANES = "w_lanes"
CHART_KEY = "timeline_chart"
CHART_CONFIG = {"displaylogo": False, "responsive": True, "scrollZoom": False}


def lane_choice(ctx: Context) -> str:
    """Lanes per type (default) or per person; kept in the URL as `lanes=person`."""
    return url_choice(
        "lanes", W_LANES, LANES, ctx.t("timeline.lanes"), lambda x: ctx.t(f"timeline.lane_{x}")
    )


def selection_to_event(selection: object) -> str | None:
    """The event to open for a chart selection: the first clicked event, if any."""
    ids = selected_event_ids(selection)
    return ids[0] if ids else None


def aggregation_unit(ctx: Context) -> str | None:
    """ "week" or "month" when the view has too many events to draw one by one and the
    timeline shows counts per that unit instead; None when it draws every event."""
    if len(ctx.events) <= MAX_MARKERS:
        return None
    return "week" if _span_days(ctx) <= 2 * 366 else "month"


def build_timeline(ctx: Context, lanes: str = "type") -> tuple[go.Figure, str | None]:
    """The timeline figure of the view, and the unit ("week"/"month") when there are too many
    events to draw one by one and it shows counts instead (None otherwise). The page draws it;
    the Export page saves it as HTML and PNG."""
    type_labels = {k: ctx.t(f"type.{k}") for k in EVENT_TYPES}
    band_labels = {p.period_id: ctx.t(f"band.{p.period_id}") for p in bands()}
    unit = aggregation_unit(ctx)
    if unit:
        counts = counts_per_period(ctx.events, "W" if unit == "week" else "M")
        fig = heat_strip_figure(
            counts, type_labels, ctx.t("timeline.count"), bands(), band_labels, ctx.rtl
        )
        return fig, unit
    rows = timeline_rows(
        ctx.events, ctx.data.lookups, ctx.lang, lanes, ctx.strings, ctx.data.mentions
    )
    order = [type_labels[k] for k in EVENT_TYPES if type_labels[k] in set(rows["lane"])]
    if lanes == "person":
        order = list(rows["lane"].value_counts().index)
    return timeline_figure(rows, type_labels, bands(), band_labels, order, ctx.rtl), None


def timeline_chart(ctx: Context, lanes: str) -> str | None:
    """Draw the chart; return the id of a clicked event (or None)."""
    fig, unit = build_timeline(ctx, lanes)
    if unit:
        st.info(
            ctx.t(
                "timeline.aggregated", n=f"{len(ctx.events):,}", unit=ctx.t(f"timeline.unit.{unit}")
            )
        )
        st.plotly_chart(fig, config=CHART_CONFIG, key="timeline_heat")
        return None
    st.caption(ctx.t("timeline.hint"))
    state = st.plotly_chart(
        fig,
        on_select="rerun",
        selection_mode=("points",),
        key=CHART_KEY,
        config=CHART_CONFIG,
    )
    return selection_to_event(state)


def _span_days(ctx: Context) -> int:
    dates = ctx.events[PREPARED.date]  # min and max skip missing dates: no copy of the column
    return int((dates.max() - dates.min()).days) if dates.notna().any() else 0


def timeline_page(ctx: Context) -> None:
    lanes = lane_choice(ctx)
    if ctx.events.empty:
        empty_message(ctx)
        return
    clicked = timeline_chart(ctx, lanes)
    if clicked:
        st.query_params["event"] = clicked
    event_id = clicked or st.query_params.get("event", "")
    if event_id:
        rows = ctx.data.events[ctx.data.events["event_id"] == event_id]
        if not rows.empty:
            st.subheader(ctx.t("timeline.selected"))
            event_card(ctx, rows.iloc[0].to_dict(), key="selected", sources_open=True)
            ctx.page_link("story", ctx.t("story.present"), icon=PAGE_ICONS["story"], event=event_id)
    st.subheader(ctx.t("timeline.per_month"))
    type_labels = {k: ctx.t(f"type.{k}") for k in EVENT_TYPES}
    counts = counts_per_period(ctx.events, "M")
    st.plotly_chart(
        counts_bar_figure(counts, type_labels, ctx.t("timeline.count"), rtl=ctx.rtl),
        config={"displayModeBar": False, "responsive": True},
        key="timeline_months",
    )
