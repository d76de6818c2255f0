"""Map page: where the events of the view happened, and the diplomacy between capitals.

Two views (`?view=diplomacy` for the second):
- a folium map centred on Karabakh: districts shaded by the number of events placed in them,
  towns labelled in the UI language, the former NKAO outline and the 1994 line as layers, and
  one clustered marker per place and event type with a popup mini-card;
- a pydeck view of calls and meetings as arcs between capitals or to the venue
  (components.map.diplomacy).

A click selects a district or a place (or an arc); the selection goes through a pure function
(newsdesk.view.geo.selection_from_click, components.map.diplomacy.arc_from_selection) into the URL
(`sel=district:ID`, `sel=place:ID`, `arc=arc:meeting|baku|moscow`), and the page lists the
selected events as cards beneath. So a selection can be shared by link and AppTest can make
one through the URL.

Why streamlit-folium's `last_active_drawing` (checked with streamlit-folium 0.27.4 on Streamlit
1.67): on a click it returns the clicked layer's GeoJSON, properties included, for GeoJSON
features and for markers inside the cluster group alike (the click bubbles up to the group
with the marker as `layer`); `last_object_clicked` gives only the click's coordinates, and
`last_object_clicked_tooltip` the tooltip text, which is translated and not an id. Those
coordinates are returned too, only to tell a new click from the repeated old value. Nothing
else is returned, so panning and zooming do not rerun the app.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from components.frame.page import Context, empty_message, url_choice
from components.map.diplomacy import diplomacy
from components.shared.district_map import build_district_map, place_name
from components.shared.map_common import (
    SEL,
    event_list,
    folium_frame_css,
    geo_layers,
    places_of,
)
from newsdesk.config import geo_dir
from newsdesk.view.geo import (
    GeoLayers,
    MapSelection,
    district_counts,
    parse_selection,
    placement,
    selected_events,
    selection_from_click,
)
from newsdesk.view.markup import md_escape

VIEWS = ("map", "diplomacy")


W_VIEW = "w_mapview"


MAP_KEY = "nd_map"


_CLICKED = "_nd_map_clicked"  # the last click handled (st_folium repeats it on every rerun)


MAP_HEIGHT = 600


def layer_problems(ctx: Context, layers: GeoLayers) -> None:
    """Say which layer files are missing or broken; the page goes on when it can."""
    for problem in layers.problems:
        key = "map.geo_missing" if problem.reason == "missing" else "map.geo_invalid"
        message = ctx.t(
            key,
            file=md_escape(problem.file),
            path=md_escape(str(geo_dir())),
            detail=md_escape(problem.detail),
        )
        st.warning(message, icon=":material/map:")
    if not layers.usable:
        st.error(ctx.t("map.unusable"))


def view_choice(ctx: Context) -> str:
    """The view, kept in the URL as `view=diplomacy` (the default is left out)."""
    return url_choice("view", W_VIEW, VIEWS, ctx.t("map.view"), lambda v: ctx.t(f"map.view_{v}"))


def district_map(
    ctx: Context, layers: GeoLayers, places: pd.DataFrame, counts: Mapping[str, int]
) -> object:
    """Draw the folium map; return st_folium's value (what the last click hit)."""
    fmap = build_district_map(ctx, layers, places, counts)
    with st.container(key="nd-map"):
        st.html(folium_frame_css("nd-map", MAP_HEIGHT))
        value = st_folium(
            fmap,
            key=MAP_KEY,
            height=MAP_HEIGHT,
            use_container_width=True,
            returned_objects=["last_active_drawing", "last_object_clicked"],
        )
    return value


def district_table(ctx: Context, layers: GeoLayers, counts: Mapping[str, int]) -> None:
    """The shading as a table (for reading out, and for the districts too small to see)."""
    if not counts:
        return
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    names = [selection_name(ctx, layers, MapSelection("district", d)) for d, _ in ordered]
    table = pd.DataFrame(
        {ctx.t("map.col_district"): names, ctx.t("map.col_n"): [n for _, n in ordered]}
    )
    with st.expander(ctx.t("map.district_table", n=len(ordered))):
        st.dataframe(table, hide_index=True, key="nd_district_table")


def placement_caption(ctx: Context, places: pd.DataFrame) -> None:
    where = placement(ctx.events, places)
    st.caption(
        ctx.t(
            "map.placement",
            total=f"{len(ctx.events):,}",
            in_district=f"{where.in_district:,}",
            elsewhere=f"{where.elsewhere:,}",
            unplaced=f"{where.unplaced:,}",
        )
    )


def take_click(value: object) -> None:
    """A new click replaces the selection in the URL. st_folium returns its last value on every
    rerun, so a value already handled is an old click; the click's coordinates are part of the
    value, so clicking the same district again after "Clear the selection" is a new click."""
    clicked = selection_from_click(value)
    if clicked is None or st.session_state.get(_CLICKED) == repr(value):
        return
    st.session_state[_CLICKED] = repr(value)
    st.query_params[SEL] = clicked.to_param()


def selection_name(ctx: Context, layers: GeoLayers, selection: MapSelection) -> str:
    if selection.item_id in ctx.data.lookups.places:
        return ctx.data.lookups.place(selection.item_id, ctx.lang)
    for feature in layers.get("districts")["features"]:
        if feature["properties"]["unit_id"] == selection.item_id:
            return place_name(ctx, feature["properties"])
    return selection.item_id


def selected_list(ctx: Context, layers: GeoLayers, places: pd.DataFrame) -> None:
    selection = parse_selection(st.query_params.get(SEL))
    if selection is None:
        st.caption(ctx.t("map.click_hint"))
        return
    chosen = selected_events(ctx.events, places, selection)
    name = selection_name(ctx, layers, selection)
    if selection.kind == "district":
        place_ids = list(places.index[places["district_id"] == selection.item_id])
        heading = ctx.t("map.selected_district", name=md_escape(name))
    else:
        place_ids = [selection.item_id]
        heading = ctx.t("map.selected_place", name=md_escape(name))
    event_list(ctx, chosen, heading, place_ids)


def map_page(ctx: Context) -> None:
    layers = geo_layers()
    layer_problems(ctx, layers)
    view = view_choice(ctx)
    if ctx.events.empty:
        empty_message(ctx)
        return
    if not layers.usable:
        return
    places = places_of(ctx)
    if view == "diplomacy":
        diplomacy(ctx, layers, places)
    else:
        st.caption(ctx.t("map.hint"))
        counts = district_counts(ctx.events, places)
        take_click(district_map(ctx, layers, places, counts))
        placement_caption(ctx, places)
        district_table(ctx, layers, counts)
        selected_list(ctx, layers, places)
    st.caption(f"{ctx.t('map.attribution')}. {ctx.t('map.attribution_note')}")


__all__ = ["map_page"]
