"""Timeline page: the view drawn over time; a click opens the event's card beneath."""

from __future__ import annotations

import streamlit as st

from components.frame.page import PAGE_ICONS, Context, empty_message, url_choice
from components.shared.cards import event_card
from components.shared.charts import (
    counts_bar_figure,
    selected_event_ids,
)
from components.shared.timeline_chart import build_timeline
from newsdesk.contract.schema import EVENT_TYPES
from newsdesk.view.queries import counts_per_period

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
