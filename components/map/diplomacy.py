"""The diplomacy view of the map page: calls and meetings of the view as pydeck arcs between
the participants' capitals, or from each capital to the venue of a meeting.

A click on an arc or a city goes through `arc_from_selection` into the URL (`arc=arc:ID`,
`arc=city:ID`) and the page lists those events as cards; the table of the busiest connections
says the same in words.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import pandas as pd
import streamlit as st

from components.frame.page import Context
from components.shared.map_common import ARC, direction_div, event_list
from components.shared.maps import arc_width, diplomacy_deck
from newsdesk.config import lexicon_dir
from newsdesk.contract.event_types import facts_of
from newsdesk.view.geo import GeoLayers, capital_places, diplomacy_arcs
from newsdesk.view.markup import esc, md_escape

DECK_KEY = "nd_deck"
NO_ARC = (90, 90, 90)  # the colour of an arc whose type has none (never drawn today)
MAX_ARCS = 150  # the busiest connections are drawn; the table and selection still see all


def arc_from_selection(state: object) -> tuple[str, str] | None:
    """What a click on the deck selected: ("arc", arc_id) or ("city", place_id)."""
    try:
        objects = state["selection"]["objects"]  # type: ignore[index]
    except (KeyError, TypeError):
        return None
    for layer, field in (("arcs", "arc_id"), ("cities", "place_id")):
        picked = objects.get(layer) or []
        if picked and isinstance(picked[0], Mapping) and picked[0].get(field):
            return layer[:-1] if layer == "arcs" else "city", str(picked[0][field])
    return None


def arcs_of_view(ctx: Context, places: pd.DataFrame) -> pd.DataFrame:
    return diplomacy_arcs(
        ctx.events, ctx.data.lookups.actor_countries(), capital_places(str(lexicon_dir())), places
    )


def diplomacy(ctx: Context, layers: GeoLayers, places: pd.DataFrame) -> None:
    st.caption(ctx.t("map.diplomacy_hint"))
    arcs = arcs_of_view(ctx, places)
    if arcs.empty:
        st.info(ctx.t("map.no_arcs"))
        return
    top = int(arcs["n"].max())
    if len(arcs) > MAX_ARCS:
        st.caption(ctx.t("map.arcs_capped", shown=MAX_ARCS, n=f"{len(arcs):,}"))
    drawn = arcs.head(MAX_ARCS)
    name = {
        p: ctx.data.lookups.place(p, ctx.lang) for p in set(arcs["from_id"]) | set(arcs["to_id"])
    }
    arc_rows, cities = [], {}
    for row in drawn.to_dict("records"):
        label = ctx.t(f"map.arc_{row['type']}", n=f"{row['n']:,}")
        tip = f"<b>{esc(name[row['from_id']])} – {esc(name[row['to_id']])}</b><br>{esc(label)}"
        arc_rows.append(
            {
                "arc_id": row["arc_id"],
                "from_lon": row["from_lon"],
                "from_lat": row["from_lat"],
                "to_lon": row["to_lon"],
                "to_lat": row["to_lat"],
                "color": [*(facts_of(row["type"]).arc_color or NO_ARC), 200],
                "width": arc_width(row["n"], top),
                "height": facts_of(row["type"]).arc_height,
                "tip": direction_div(ctx, tip),
            }
        )
        for end in ("from", "to"):
            place_id = row[f"{end}_id"]
            city = cities.setdefault(
                place_id,
                {
                    "place_id": place_id,
                    "lon": row[f"{end}_lon"],
                    "lat": row[f"{end}_lat"],
                    "ids": set(),
                },
            )
            city["ids"].update(row["event_ids"])
    city_rows = []
    for place_id, city in cities.items():
        count = len(city["ids"])
        tip = f"<b>{esc(name[place_id])}</b><br>{esc(ctx.t('map.city_tip', n=f'{count:,}'))}"
        city_rows.append(
            {
                "place_id": place_id,
                "lon": city["lon"],
                "lat": city["lat"],
                "radius": round(3 + 2 * math.log2(1 + count), 1),
                "tip": direction_div(ctx, tip),
            }
        )
    deck = diplomacy_deck(layers.get("world"), arc_rows, city_rows, "{tip}")
    with st.container(key="nd-deck"):
        state = st.pydeck_chart(
            deck, on_select="rerun", selection_mode="single-object", key=DECK_KEY, height=520
        )
    picked = arc_from_selection(state)
    if picked:
        st.query_params[ARC] = f"{picked[0]}:{picked[1]}"
    arcs_table(ctx, arcs, name)
    chosen_arc(ctx, arcs, name)


def arcs_table(ctx: Context, arcs: pd.DataFrame, name: Mapping[str, str]) -> None:
    st.subheader(ctx.t("map.arcs_table"))
    top = arcs.head(15)
    table = pd.DataFrame(
        {
            ctx.t("map.col_from"): [name[p] for p in top["from_id"]],
            ctx.t("map.col_to"): [name[p] for p in top["to_id"]],
            ctx.t("map.col_type"): [ctx.t(f"type.{k}") for k in top["type"]],
            ctx.t("map.col_n"): top["n"].to_list(),
        }
    )
    st.dataframe(table, hide_index=True, key="nd_arcs_table")


def chosen_arc(ctx: Context, arcs: pd.DataFrame, name: Mapping[str, str]) -> None:
    """The events of the arc or city in `?arc=arc:ID` / `?arc=city:ID`."""
    kind, _, item = st.query_params.get(ARC, "").partition(":")
    if kind == "arc":
        row = arcs[arcs["arc_id"] == item]
        if row.empty:
            return
        first = row.iloc[0]
        ids = set(first["event_ids"])
        heading = ctx.t(
            "map.selected_arc",
            a=md_escape(name[first["from_id"]]),
            b=md_escape(name[first["to_id"]]),
        )
    elif kind == "city" and item in name:
        touching = arcs[(arcs["from_id"] == item) | (arcs["to_id"] == item)]
        ids = {event for group in touching["event_ids"] for event in group}
        heading = ctx.t("map.selected_city", name=md_escape(name[item]))
    else:
        return
    event_list(ctx, ctx.events[ctx.events["event_id"].isin(ids)], heading, [])
