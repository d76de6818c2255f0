"""What the two map views share: the layers and places (cached per version), the right-to-left
wrapper for HTML that Leaflet and deck.gl put into innerHTML, and the cards of a selection."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pandas as pd
import streamlit as st

from components.frame.page import Context
from components.shared.cards import event_card
from newsdesk.config import geo_dir
from newsdesk.view.geo import GeoLayers, geo_version, load_layers, place_frame

SEL, ARC = "sel", "arc"  # URL parameters of a map selection and a diplomacy selection
LIST_LIMIT = 20


@st.cache_resource(show_spinner=False, max_entries=2)
def _layers(directory: str, version: str) -> GeoLayers:
    """Read once per version of the files; pages only read the collections."""
    return load_layers(Path(directory))


@st.cache_resource(show_spinner=False, max_entries=4)
def _places(version: str, _places_table: Mapping[str, Mapping[str, str]]) -> pd.DataFrame:
    """The places frame of one data version (keyed on the version, not on the table)."""
    return place_frame(_places_table)


def geo_layers() -> GeoLayers:
    directory = geo_dir()
    return _layers(str(directory), geo_version(directory))


def places_of(ctx: Context) -> pd.DataFrame:
    return _places(ctx.data.version, ctx.data.lookups.places)


def folium_frame_css(container_key: str, height: int) -> str:
    """CSS that shows the st_folium map inside the keyed container at `height` pixels.

    Streamlit 1.67 shows a v1 component's iframe only after a re-render that follows the
    component's "ready" message, and takes its height from messages that can be handled by a
    stale callback: in Chromium about one load in two left the map `display: none`, or 18 px
    high. The map's own container sets both (the component asks for the same height anyway).
    """
    return (
        f"<style>.st-key-{container_key} iframe {{ display: block !important; "
        f"height: {height}px !important; }}"
        f".st-key-{container_key} div:has(> iframe) {{ height: {height}px !important; }}</style>"
    )


def direction_div(ctx: Context, inner: str, cls: str = "") -> str:
    direction = "rtl" if ctx.rtl else "ltr"
    klass = f" class='{cls}'" if cls else ""
    return f"<div dir='{direction}'{klass}>{inner}</div>"


def clear_selection() -> None:
    st.query_params.pop(SEL, None)
    st.query_params.pop(ARC, None)


def event_list(ctx: Context, chosen: pd.DataFrame, heading: str, place_ids: list[str]) -> None:
    """Cards of the chosen events, newest first, with a link to all of them."""
    st.subheader(heading)
    st.button(ctx.t("map.clear"), on_click=clear_selection, key="w_map_clear")
    if chosen.empty:
        st.info(ctx.t("map.selected_none"))
        return
    shown = chosen.iloc[::-1].head(LIST_LIMIT)
    if len(chosen) > LIST_LIMIT:
        st.caption(ctx.t("map.showing", shown=len(shown), n=f"{len(chosen):,}"))
        known = [p for p in place_ids if p in (ctx.data.vocabulary.places or set())]
        if known:
            ctx.page_link("events", ctx.t("map.open_all", n=f"{len(chosen):,}"), place=known[:50])
    for row in shown.to_dict("records"):
        event_card(ctx, row, key="map", related=False)
