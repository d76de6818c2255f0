"""Events page: the cards of the view in date order, or one card when `?event=ID`."""

from __future__ import annotations

import math

import streamlit as st

from components.frame.page import Context, empty_message
from components.shared.cards import event_card
from newsdesk.view.markup import md_escape

PAGE_SIZE = 20
W_PAGE = "w_pg"


def single_event(ctx: Context, event_id: str) -> None:
    """The card named by the link, even when the current filters would hide it."""
    ctx.page_link("events", ctx.t("events.back"))
    events = ctx.data.events
    rows = events[events["event_id"] == event_id]
    if rows.empty:
        st.warning(ctx.t("events.not_found", event_id=md_escape(event_id)))
        return
    if not (ctx.events["event_id"] == event_id).any():  # no set of 800,000 ids per run
        st.caption(ctx.t("events.not_in_view"))
    event_card(ctx, rows.iloc[0].to_dict(), key="single", open_link=False, sources_open=True)


def page_number(ctx: Context, pages: int) -> int:
    """The page of the list, kept in the URL as `pg` (1 is left out)."""
    view = repr(ctx.view_params())
    if W_PAGE not in st.session_state:
        try:
            st.session_state[W_PAGE] = int(st.query_params.get("pg", "1"))
        except ValueError:
            st.session_state[W_PAGE] = 1
    elif st.session_state.get("_pg_view") != view:
        st.session_state[W_PAGE] = 1  # a new view starts on its first page
    st.session_state["_pg_view"] = view
    st.session_state[W_PAGE] = min(max(1, int(st.session_state[W_PAGE] or 1)), pages)
    number = st.number_input(ctx.t("events.page"), 1, pages, step=1, key=W_PAGE)
    if number > 1:
        st.query_params["pg"] = str(number)
    elif "pg" in st.query_params:
        del st.query_params["pg"]
    return int(number)


def events_page(ctx: Context) -> None:
    event_id = st.query_params.get("event", "")
    if event_id:
        single_event(ctx, event_id)
        return
    if ctx.events.empty:
        empty_message(ctx)
        return
    total = len(ctx.events)
    pages = max(1, math.ceil(total / PAGE_SIZE))
    top = st.columns([3, 1])
    top[0].markdown(f"**{ctx.t('events.count', n=f'{total:,}')}**")
    with top[1]:
        number = page_number(ctx, pages) if pages > 1 else 1
    if pages > 1:
        st.caption(ctx.t("events.page_of", page=number, pages=pages))
    chunk = ctx.events.iloc[(number - 1) * PAGE_SIZE : number * PAGE_SIZE]
    for row in chunk.to_dict("records"):
        event_card(ctx, row, key="list")
