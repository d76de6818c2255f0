"""Home: what the dataset covers, and the chosen period at a glance."""

from __future__ import annotations

import streamlit as st

from components.frame.page import Context, empty_message
from components.shared.cards import event_card
from components.shared.charts import counts_bar_figure, type_counts_figure
from newsdesk.contract.schema import EVENT_TYPES
from newsdesk.language.strings import list_join
from newsdesk.view.event_dates import format_event_date
from newsdesk.view.markup import md_escape
from newsdesk.view.prepared import PREPARED
from newsdesk.view.queries import counts_per_period, key_events

CHART_CONFIG = {"displayModeBar": False, "responsive": True}


def coverage(ctx: Context) -> None:
    """Counts, date span and outlets of all the events readers see (not only the view)."""
    events, articles = ctx.data.events, ctx.data.articles
    st.subheader(ctx.t("home.coverage"))
    # distinct values first, and min/max that skip missing dates: no pass in Python over
    # 50,000 articles, no copy of a million dates, on every run of the page
    outlets = sorted(set(articles["outlet"].unique()) - {""}) if not articles.empty else []
    dates = events[PREPARED.date] if not events.empty else None
    if dates is not None and dates.notna().any():
        first = format_event_date(dates.min().date(), "day", ctx.lang, strings=ctx.strings)
        last = format_event_date(dates.max().date(), "day", ctx.lang, strings=ctx.strings)
        span = f"{first} – {last}"
    else:
        span = "—"
    cols = st.columns(3)
    cols[0].metric(ctx.t("home.events"), f"{len(events):,}")
    cols[1].metric(ctx.t("home.articles"), f"{len(articles):,}")
    cols[2].metric(ctx.t("home.outlets"), f"{len(outlets):,}")
    st.markdown(f"**{md_escape(ctx.t('home.span'))}:** {md_escape(span)}")
    if outlets:
        st.caption(md_escape(ctx.t("home.sources_list", outlets=list_join(outlets, ctx.lang))))


def home_page(ctx: Context) -> None:
    coverage(ctx)
    st.divider()
    st.markdown(f"**{ctx.t('home.in_period', n=f'{len(ctx.events):,}')}**")
    if ctx.events.empty:
        empty_message(ctx)
        return
    type_labels = {k: ctx.t(f"type.{k}") for k in EVENT_TYPES}
    left, right = st.columns([2, 3])
    with left:
        st.subheader(ctx.t("home.by_type"))
        counts = ctx.events["type"].value_counts().to_dict()
        st.plotly_chart(
            type_counts_figure(counts, type_labels, ctx.rtl),
            config=CHART_CONFIG,
            key="home_types",
        )
    with right:
        st.subheader(ctx.t("home.small_timeline"))
        st.plotly_chart(
            counts_bar_figure(
                counts_per_period(ctx.events, "M"),
                type_labels,
                ctx.t("timeline.count"),
                rtl=ctx.rtl,
            ),
            config=CHART_CONFIG,
            key="home_months",
        )
    st.subheader(ctx.t("home.key_events"))
    for row in key_events(ctx.events, 5).to_dict("records"):
        event_card(ctx, row, key="home", related=False)
    ctx.page_link("events", ctx.t("home.more"), icon=":material/article:")
