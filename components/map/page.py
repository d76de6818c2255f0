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

import math
from collections.abc import Mapping

import folium
import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from components.frame.page import Context, empty_message, url_choice
from components.map.diplomacy import diplomacy
from components.shared.cards import short_date, title_of
from components.shared.charts import TYPE_COLORS
from components.shared.map_common import (
    SEL,
    direction_div,
    event_list,
    folium_frame_css,
    geo_layers,
    places_of,
)
from components.shared.maps import (
    NO_EVENTS,
    MapText,
    district_style,
    folium_map,
    shade,
)
from newsdesk.config import geo_dir
from newsdesk.view.geo import (
    GeoLayers,
    MapSelection,
    count_bins,
    district_counts,
    marker_groups,
    parse_selection,
    placement,
    selected_events,
    selection_from_click,
)
from newsdesk.view.markup import esc, md_escape

VIEWS = ("map", "diplomacy")
W_VIEW = "w_mapview"
MAP_KEY = "nd_map"
_CLICKED = "_nd_map_clicked"  # the last click handled (st_folium repeats it on every rerun)
POPUP_EVENTS = 3
MAP_HEIGHT = 600
# Town labels by zoom: cities and the towns the seven districts are named after from zoom 8
# (the first view), the rest from zoom 9, so labels around Khankendi do not pile up.
KEY_TOWNS = frozenset(
    ("lachin", "kalbajar", "gubadli", "zangilan", "jabrayil", "fuzuli", "aghdam", "goris", "kapan")
)


# --- messages -------------------------------------------------------------------------------


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


# --- the folium map -------------------------------------------------------------------------


def _name(ctx: Context, props: Mapping, place_id: str = "") -> str:
    """A place's name in the UI language: the lexicon's, else the layer's own."""
    lookups = ctx.data.lookups
    if place_id and place_id in lookups.places:
        return lookups.place(place_id, ctx.lang)
    first, second = ("name_ar", "name_en") if ctx.rtl else ("name_en", "name_ar")
    return props.get(first) or props.get(second) or place_id


def district_features(ctx: Context, layers: GeoLayers, counts: Mapping[str, int], bins):
    features = []
    for feature in layers.get("districts")["features"]:
        props = feature["properties"]
        district = props["district_id"]
        count = counts.get(district, 0)
        unit_name = _name(ctx, props)
        lines = [f"<b>{esc(unit_name)}</b>"]
        if props.get("unit_id") != district:
            district_name = _name(ctx, {}, district)
            lines.append(esc(ctx.t("map.counted_with", district=district_name)))
        lines.append(esc(ctx.t("map.n_events", n=f"{count:,}")))
        properties = {
            "style": district_style(count, bins),
            "tip": direction_div(ctx, "<br>".join(lines)),
            "sel": MapSelection("district", district).to_param(),
        }
        features.append(
            {"type": "Feature", "geometry": feature["geometry"], "properties": properties}
        )
    return features


def town_features(ctx: Context, layers: GeoLayers) -> list[dict]:
    style = {"color": "#333", "fill": True, "fillColor": "#333", "fillOpacity": 1, "weight": 1}
    style["radius"] = 2.5
    features = []
    for feature in layers.get("towns")["features"]:
        props = feature["properties"]
        place_id = props.get("place_id", "")
        name = _name(ctx, props, place_id)
        first_zoom = 8 if props.get("kind") == "city" or place_id in KEY_TOWNS else 9
        properties = {
            "style": style,
            "label": f"<span dir='{'rtl' if ctx.rtl else 'ltr'}'>{esc(name)}</span>",
            "label_class": f"nd-town nd-min{first_zoom}",
            "sel": MapSelection("place", place_id).to_param(),
        }
        features.append(
            {"type": "Feature", "geometry": feature["geometry"], "properties": properties}
        )
    return features


def popup_html(ctx: Context, place_name: str, kind: str, count: int, latest: list[dict]) -> str:
    """The marker's mini-card: type, place, count and the newest events (escaped)."""
    color = TYPE_COLORS.get(kind, "#7f7f7f")
    head = (
        f"<span class='nd-badge' style='background:{color}'>{esc(ctx.t(f'type.{kind}'))}</span> "
        f"<b>{esc(place_name)}</b> · {esc(ctx.t('map.n_events', n=f'{count:,}'))}"
    )
    items = "".join(
        f"<li><span class='nd-d'>{esc(short_date(ctx, row))}</span> — "
        f"{esc(title_of(row, ctx.lang))}</li>"
        for row in latest
    )
    more = count - len(latest)
    tail = f"<div class='nd-more'>{esc(ctx.t('map.more', n=f'{more:,}'))}</div>" if more else ""
    return direction_div(ctx, f"<div>{head}</div><ul>{items}</ul>{tail}", "nd-pop")


def marker_features(ctx: Context, places: pd.DataFrame) -> list[dict]:
    groups = marker_groups(ctx.events, places, POPUP_EVENTS)
    features = []
    for row in groups.to_dict("records"):
        place_id, kind, count = row["place_id"], row["type"], int(row["n"])
        name = _name(ctx, {}, place_id)
        color = TYPE_COLORS.get(kind, "#7f7f7f")
        style = {
            "color": "#1a1a1a",
            "weight": 1.5,
            "fill": True,
            "fillColor": color,
            "fillOpacity": 0.9,
            "radius": round(6 + 2.2 * math.log2(count), 1),
        }
        tip = f"{ctx.t(f'type.{kind}')} · {name} · {ctx.t('map.n_events', n=f'{count:,}')}"
        properties = {
            "style": style,
            "n": count,
            "type": kind,
            "tip": direction_div(ctx, esc(tip)),
            "popup": popup_html(ctx, name, kind, count, row["latest"]),
            "sel": MapSelection("place", place_id).to_param(),
        }
        geometry = {"type": "Point", "coordinates": [float(row["lon"]), float(row["lat"])]}
        features.append({"type": "Feature", "geometry": geometry, "properties": properties})
    return features


def legend_html(ctx: Context, bins: list[int]) -> str:
    rows = [f"<b>{esc(ctx.t('map.legend_title'))}</b>"]
    rows.append(f"<div><i style='background:{NO_EVENTS}'></i>{esc(ctx.t('map.legend_none'))}</div>")
    for index, low in enumerate(bins):
        high = bins[index + 1] - 1 if index + 1 < len(bins) else None
        if high is None:
            label = ctx.t("map.legend_more", n=f"{low:,}")
        else:
            label = f"{low:,}" if high == low else f"{low:,}–{high:,}"
        rows.append(
            f"<div><i style='background:{shade(low, bins)}'></i><bdi>{esc(label)}</bdi></div>"
        )
    rows.append(f"<div><i class='nd-line'></i>{esc(ctx.t('map.layer_nkao'))}</div>")
    rows.append(f"<div><i class='nd-line nd-cf'></i>{esc(ctx.t('map.layer_ceasefire'))}</div>")
    return direction_div(ctx, "".join(rows))


def build_district_map(
    ctx: Context, layers: GeoLayers, places: pd.DataFrame, counts: Mapping[str, int]
) -> folium.Map:
    """The folium map of the view; no Streamlit call, so the Export page saves it whole and
    the speed benchmark builds it too."""
    bins = count_bins(max(counts.values(), default=0))
    text = MapText(
        districts=ctx.t("map.layer_districts"),
        markers=ctx.t("map.layer_markers"),
        towns=ctx.t("map.layer_towns"),
        nkao=ctx.t("map.layer_nkao"),
        ceasefire=ctx.t("map.layer_ceasefire"),
        legend_html=legend_html(ctx, bins),
        attribution=esc(ctx.t("map.attribution")),
        rtl=ctx.rtl,
    )
    return folium_map(
        countries=layers.get("countries"),
        districts=district_features(ctx, layers, counts, bins),
        nkao=layers.collections.get("nkao"),
        ceasefire=layers.collections.get("ceasefire"),
        towns=town_features(ctx, layers),
        markers=marker_features(ctx, places),
        text=text,
    )


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
            return _name(ctx, feature["properties"])
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


# --- the page -------------------------------------------------------------------------------


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
