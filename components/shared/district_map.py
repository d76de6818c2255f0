"""The folium map of where a view's events happened: districts shaded by their count, towns
labelled in the UI language, one clustered marker per place and type with a popup mini-card,
the legend. No Streamlit call: the Map page draws it, the Export page saves it whole and the
speed benchmark builds it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import folium
import pandas as pd

from components.frame.page import Context
from components.shared.cards import short_date, title_of
from components.shared.map_common import (
    direction_div,
)
from components.shared.maps import (
    NO_EVENTS,
    MapText,
    district_style,
    folium_map,
    shade,
)
from newsdesk.contract.event_types import facts_of
from newsdesk.view.geo import (
    GeoLayers,
    MapSelection,
    count_bins,
    marker_groups,
)
from newsdesk.view.markup import esc

POPUP_EVENTS = 3


# Town labels by zoom: cities and the towns the seven districts are named after from zoom 8
# (the first view), the rest from zoom 9, so labels around Khankendi do not pile up.
KEY_TOWNS = frozenset(
    ("lachin", "kalbajar", "gubadli", "zangilan", "jabrayil", "fuzuli", "aghdam", "goris", "kapan")
)


def place_name(ctx: Context, props: Mapping, place_id: str = "") -> str:
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
        unit_name = place_name(ctx, props)
        lines = [f"<b>{esc(unit_name)}</b>"]
        if props.get("unit_id") != district:
            district_name = place_name(ctx, {}, district)
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
        name = place_name(ctx, props, place_id)
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
    color = facts_of(kind).color
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
        name = place_name(ctx, {}, place_id)
        color = facts_of(kind).color
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
