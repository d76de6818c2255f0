"""Presenter page: the events of the view as slides, one at a time, for a room and a projector.

A deck is a title slide for the period and then each event of the view in date order
(newsdesk.view.deck). The slide is in the URL (`event=<id>`, none for the title slide) with the
shared filters (`period=`, `from=`/`to=`, `type=` ...), so a copied link opens the same slide of
the same story, the browser's back button steps back, and a presenter can prepare a deck of
links. `auto=<seconds>` advances by itself and stops at the last slide.

Keys (Streamlit 1.67 `st.button(shortcut=...)`, one key per button; the extra keys are buttons
hidden by CSS, whose shortcuts still work): the arrows follow the screen, so in English → is
next and in Arabic, laid out right to left with Next on the left, ← is next; PageDown and
PageUp (what most presenter clickers send) are next and previous in both languages; Home goes
back to the title slide. Keys are ignored while typing in a field (Streamlit's rule).

The sidebar starts closed and Streamlit's header controls are hidden (`frame(chrome=False)`);
the period is chosen on the page itself, and the settings under the slide hold custom dates,
auto-advance and the link to the current slide.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Mapping
from urllib.parse import urlencode

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from components.frame.page import W_FROM, W_PERIOD, W_TO, Context, empty_message
from components.shared.cards import card_html, mentions_of, short_date, title_of
from components.shared.charts import selected_event_ids, slide_strip_figure
from components.shared.map_common import direction_div, folium_frame_css, geo_layers, places_of
from components.shared.maps import slide_map, styled
from newsdesk.config import lexicon_dir
from newsdesk.contract.event_types import facts_of
from newsdesk.contract.schema import EVENT_TYPES
from newsdesk.contract.tables import split_list
from newsdesk.language.strings import list_join
from newsdesk.view.deck import (
    NEARBY,
    TITLE,
    Slide,
    in_region,
    locate,
    parse_auto,
    strip_window,
    whereabouts,
)
from newsdesk.view.event_dates import format_event_date
from newsdesk.view.geo import capital_places
from newsdesk.view.markup import esc, md_escape
from newsdesk.view.periods import CUSTOM, PERIOD_IDS
from newsdesk.view.prepared import PREPARED

EVENT, AUTO = "event", "auto"  # the page's own URL parameters
W_STORY_PERIOD, W_STORY_FROM, W_STORY_TO = "w_story_period", "w_story_from", "w_story_to"
W_AUTO_ON, W_AUTO_SECONDS = "w_story_auto", "w_story_seconds"
NEXT_KEY, PREV_KEY = "w_story_next", "w_story_prev"
STRIP_KEY = "story_strip"  # + the slide's event id: each slide's strip is a new widget
MAP_KEY = "nd_story_map"
SLIDE_KEY = "nd-slide"
MAP_BOX = "nd-story-map"
KEYS_BOX = "nd-story-keys"
SLIDE_HEIGHT = 420  # px: card and map side by side, the strip beneath, on a 1280x720 screen
STRIP_MAX = 1_500
DEFAULT_AUTO = 20
_DRAWN = "_nd_story_drawn"  # set by a full run, so the auto-advance fragment skips that run
CHART_CONFIG = {"displayModeBar": False, "responsive": True, "scrollZoom": False}

# Presentation type, scoped to the slide; the frame's RTL rules still apply around it.
STORY_CSS = f"""
<style>
.st-key-{SLIDE_KEY} .nd-title {{ font-size: 1.85rem; line-height: 1.25; margin: .3rem 0 .6rem 0; }}
.st-key-{SLIDE_KEY} .nd-card-head {{ font-size: 1.2rem; }}
.st-key-{SLIDE_KEY} .nd-badge {{ font-size: 1.05rem; padding: .05rem .7rem; }}
.st-key-{SLIDE_KEY} .nd-meta {{ font-size: 1.1rem; margin: .2rem 0; }}
.st-key-{SLIDE_KEY} .nd-summary {{ font-size: 1.2rem; line-height: 1.55; margin: .5rem 0; }}
.st-key-{SLIDE_KEY} .nd-story-period {{ font-size: 2.3rem; font-weight: 700; line-height: 1.3; }}
.st-key-{SLIDE_KEY} .nd-story-sub {{ font-size: 1.3rem; margin: .5rem 0; }}
.st-key-{SLIDE_KEY} .nd-story-types {{ display: flex; flex-wrap: wrap; gap: .5rem;
    margin: .8rem 0; }}
.st-key-{SLIDE_KEY} .nd-story-types .nd-badge {{ font-size: 1.15rem; }}
.nd-story-count {{ font-size: 1.35rem; font-weight: 700; text-align: center;
    white-space: nowrap; padding-top: .3rem; }}
.st-key-{KEYS_BOX} {{ display: none; }}
.st-key-nd-body [data-testid="stCode"] {{ direction: ltr; text-align: left; }}
</style>
"""


# --- where the story stands ------------------------------------------------------------------


def strip_key(event_id: str) -> str:
    return f"{STRIP_KEY}-{event_id or 'title'}"


def wanted_event() -> str:
    """The slide asked for: a click on the last run's strip, else `event=` of the URL.

    The strip's selection is read from session state before anything is drawn, so a click
    draws the clicked slide at once (no flash of the old one and no second run)."""
    current = st.query_params.get(EVENT, "")
    clicked = selected_event_ids(st.session_state.get(strip_key(current)))
    if clicked and clicked[0] != current:
        st.query_params[EVENT] = clicked[0]
        return clicked[0]
    return current


def go_to(event_id: str) -> None:
    """Button callback: open the slide of `event_id` (TITLE: the title slide)."""
    if event_id == TITLE:
        st.query_params.pop(EVENT, None)
    else:
        st.query_params[EVENT] = event_id


def choose_period() -> None:
    """The page's period choice goes into the frame's filter, which writes the URL; a new
    period starts at its title slide."""
    st.session_state[W_PERIOD] = st.session_state[W_STORY_PERIOD]
    st.query_params.pop(EVENT, None)


def choose_dates() -> None:
    st.session_state[W_PERIOD] = CUSTOM
    st.session_state[W_FROM] = st.session_state[W_STORY_FROM]
    st.session_state[W_TO] = st.session_state[W_STORY_TO]
    st.query_params.pop(EVENT, None)


def choose_auto() -> None:
    if st.session_state[W_AUTO_ON]:
        st.query_params[AUTO] = str(parse_auto(st.session_state[W_AUTO_SECONDS]))
    else:
        st.query_params.pop(AUTO, None)


# --- the bar: period, previous, counter, next -----------------------------------------------


def period_label(ctx: Context, period: str) -> str:
    return ctx.t(f"period.{period}")


def nav_bar(ctx: Context, slide: Slide) -> None:
    """Period choice, the buttons and the counter. In Arabic the row is laid out right to left
    (the body is RTL), so Previous is on the right and Next on the left, and the arrow keys
    (shown on the buttons by Streamlit) point the way the buttons sit."""
    st.session_state[W_STORY_PERIOD] = ctx.filters.period
    back, ahead = ("Right", "Left") if ctx.rtl else ("Left", "Right")
    cols = st.columns([5, 2, 1.3, 2], vertical_alignment="center")
    cols[0].selectbox(
        ctx.t("filters.period"),
        PERIOD_IDS,
        format_func=lambda p: period_label(ctx, p),
        key=W_STORY_PERIOD,
        on_change=choose_period,
        label_visibility="collapsed",
    )
    cols[1].button(
        ctx.t("story.previous"),
        key=PREV_KEY,
        shortcut=back,
        disabled=slide.previous is None,
        on_click=go_to,
        args=(slide.previous or TITLE,),
        width="stretch",
    )
    counter = (
        ctx.t("story.counter", n=slide.number, total=slide.total) if not slide.is_title else ""
    )
    cols[2].html(f"<div class='nd-story-count'><bdi>{esc(counter)}</bdi></div>")
    cols[3].button(
        ctx.t("story.next"),
        key=NEXT_KEY,
        shortcut=ahead,
        disabled=slide.following is None,
        on_click=go_to,
        args=(slide.following or TITLE,),
        width="stretch",
        type="primary",
    )
    # Clicker keys and Home: hidden buttons, one shortcut each (a button takes one).
    with st.container(key=KEYS_BOX):
        for key, shortcut, target in (
            ("w_story_pgdn", "PageDown", slide.following),
            ("w_story_pgup", "PageUp", slide.previous),
            ("w_story_home", "Home", TITLE if not slide.is_title else None),
        ):
            st.button(
                shortcut,
                key=key,
                shortcut=shortcut,
                disabled=target is None,
                on_click=go_to,
                args=(target or TITLE,),
            )


# --- the slides ------------------------------------------------------------------------------


def period_title(ctx: Context) -> str:
    """The period as the title slide names it (custom dates written out)."""
    filters = ctx.filters
    if filters.period != CUSTOM:
        return period_label(ctx, filters.period)
    start, end = filters.date_range()

    def day(value: dt.date | None) -> str:
        return format_event_date(value, "day", ctx.lang, strings=ctx.strings) if value else "…"

    return ctx.t("story.custom_title", start=day(start), end=day(end))


def filter_line(ctx: Context) -> str:
    """The filters besides the period, in words (types, people, places, topics, search)."""
    lookups, filters, lang = ctx.data.lookups, ctx.filters, ctx.lang
    parts = [ctx.t(f"type.{kind}") for kind in filters.types]
    parts += [lookups.actor(actor, lang) for actor in filters.actors]
    parts += [lookups.place(place, lang) for place in filters.places]
    parts += [lookups.topic(topic, lang) for topic in filters.topics]
    if filters.query:
        parts.append(f"“{filters.query}”")
    return list_join(parts, lang)


def title_slide(ctx: Context) -> None:
    """The period's name, its first and last event, and how many events of each type."""
    counts = ctx.events["type"].value_counts()
    chips = "".join(
        f"<span class='nd-badge' style='background:{facts_of(kind).color}'>"
        f"{esc(ctx.t(f'type.{kind}'))} <bdi>{int(counts[kind])}</bdi></span>"
        for kind in [k for k in EVENT_TYPES if k in counts.index]
    )
    dated = ctx.events.dropna(subset=[PREPARED.date])
    lines = [f"<div class='nd-story-period'>{esc(period_title(ctx))}</div>"]
    also = filter_line(ctx)
    if also:
        lines.append(f"<div class='nd-story-sub'>{esc(also)}</div>")
    lines.append(
        f"<div class='nd-story-sub'>{esc(ctx.t('story.n_events', n=f'{len(ctx.events):,}'))}</div>"
    )
    if not dated.empty:
        first, last = dated.iloc[0].to_dict(), dated.iloc[-1].to_dict()
        span = ctx.t("story.span", first=short_date(ctx, first), last=short_date(ctx, last))
        lines.append(f"<div class='nd-story-sub'>{esc(span)}</div>")
    lines.append(f"<div class='nd-story-types'>{chips}</div>")
    hint = ctx.t("story.start_hint_rtl" if ctx.rtl else "story.start_hint")
    lines.append(f"<div class='nd-ref'>{esc(hint)}</div>")
    st.html(direction_div(ctx, "".join(lines)))


def event_slide(ctx: Context, row: Mapping[str, str]) -> None:
    """The card in large type, and how many sources report it."""
    st.html(card_html(ctx, row, mentions_of(ctx, row["event_id"]), notes=False))
    n_sources = len(split_list(row.get("source_articles", "")))
    st.html(direction_div(ctx, esc(ctx.t("story.sources", n=n_sources)), "nd-meta"))


def slide_place(ctx: Context, row: Mapping[str, str]) -> None:
    """The event's place on a small offline map, or the participants' capitals, or a note."""
    layers = geo_layers()
    if not layers.usable:
        st.caption(ctx.t("story.no_map"))
        return
    places = places_of(ctx)
    located_rows = places.dropna(subset=["lat", "lon"])
    located = {
        place_id: (float(lat), float(lon))
        for place_id, lat, lon in zip(
            located_rows.index, located_rows["lat"], located_rows["lon"], strict=True
        )
    }
    countries = ctx.data.lookups.actor_countries()
    where = whereabouts(row, located, countries, capital_places(str(lexicon_dir())))
    color = facts_of(row.get("type", "")).color
    points = [
        {
            "lat": located[place_id][0],
            "lon": located[place_id][1],
            "color": color if where.kind == "place" else "#9a9a9a",
            "label": direction_div(ctx, esc(ctx.data.lookups.place(place_id, ctx.lang))),
        }
        for place_id in where.place_ids
    ]
    close = all(in_region(p["lat"], p["lon"]) for p in points)
    near = all(in_region(p["lat"], p["lon"], NEARBY) for p in points)
    outline = {"color": "#7d7d7d", "weight": 0.6, "fill": False}
    nkao = {
        "color": "#222",
        "weight": 2,
        "dashArray": "6 4",
        "fillColor": "#d62728",
        "fillOpacity": 0.12,
    }
    outlines = [styled(layers.get("nkao"), nkao)]
    if near:
        outlines.insert(0, styled(layers.get("districts"), outline))
    world = layers.collections.get("world") if not near else None
    fmap = slide_map(
        world or layers.get("countries"),
        outlines,
        points,
        attribution=esc(ctx.t("map.attribution")),
        close=close,
    )
    with st.container(key=MAP_BOX):
        st.html(folium_frame_css(MAP_BOX, SLIDE_HEIGHT - 40))
        st_folium(
            fmap,
            key=MAP_KEY,
            height=SLIDE_HEIGHT - 40,
            use_container_width=True,
            returned_objects=[],
        )
    names = list_join([ctx.data.lookups.place(p, ctx.lang) for p in where.place_ids], ctx.lang)
    st.caption(ctx.t(f"story.where_{where.kind}", names=md_escape(names)))


def strip(ctx: Context, slide: Slide, deck: list[str]) -> None:
    """All slides of the period on one line, the current one ringed; a click opens a slide."""
    start, end = strip_window(len(deck), slide.number, STRIP_MAX)
    shown = ctx.events.iloc[start:end]
    titles = [
        title_of(row, ctx.lang)
        for row in shown[["event_id", "title_en", "title_ar"]].to_dict("records")
    ]
    dates = shown[PREPARED.date].dt.strftime("%Y-%m-%d").fillna("")
    rows = pd.DataFrame(
        {
            "event_id": shown["event_id"].to_numpy(),
            "date": shown[PREPARED.date].to_numpy(),
            "type": shown["type"].to_numpy(),
            "hover": [
                html.escape(f"{day} · {title}") for day, title in zip(dates, titles, strict=True)
            ],
        }
    )
    type_labels = {k: ctx.t(f"type.{k}") for k in EVENT_TYPES}
    if end - start < len(deck):
        st.caption(ctx.t("story.strip_window", shown=end - start, n=f"{len(deck):,}"))
    st.plotly_chart(
        slide_strip_figure(rows, slide.event_id, type_labels, ctx.rtl),
        on_select="rerun",
        selection_mode=("points",),
        key=strip_key(slide.event_id),
        config=CHART_CONFIG,
    )


# --- settings under the slide ----------------------------------------------------------------


def slide_link(ctx: Context, slide: Slide, auto: int) -> str:
    """The full address of this slide (view, language, event, auto-advance)."""
    params = ctx.view_params(event=slide.event_id, auto=str(auto) if auto else "")
    base = (st.context.url or "").split("?")[0] or "/story"
    return f"{base}?{urlencode(params, doseq=True)}"


def settings(ctx: Context, slide: Slide, auto: int) -> None:
    """Custom dates, auto-advance and the link to this slide, under the slide (off screen)."""
    custom = ctx.filters.period == CUSTOM
    with st.expander(ctx.t("story.settings"), expanded=custom and not ctx.filters.start):
        st.markdown(f"**{ctx.t('story.custom')}**")
        start, end = ctx.filters.date_range()
        st.session_state[W_STORY_FROM] = start if custom else None
        st.session_state[W_STORY_TO] = end if custom else None
        cols = st.columns(2)
        for col, key, label in (
            (cols[0], W_STORY_FROM, "filters.from"),
            (cols[1], W_STORY_TO, "filters.to"),
        ):
            col.date_input(
                ctx.t(label),
                min_value=dt.date(1990, 1, 1),
                max_value=dt.date(2100, 12, 31),
                key=key,
                format="YYYY-MM-DD",
                on_change=choose_dates,
            )
        st.markdown(f"**{ctx.t('story.auto')}**")
        st.session_state[W_AUTO_ON] = bool(auto)
        st.session_state[W_AUTO_SECONDS] = auto or DEFAULT_AUTO
        cols = st.columns(2, vertical_alignment="bottom")
        cols[0].toggle(ctx.t("story.auto_on"), key=W_AUTO_ON, on_change=choose_auto)
        cols[1].number_input(
            ctx.t("story.auto_seconds"),
            min_value=5,
            max_value=600,
            step=5,
            key=W_AUTO_SECONDS,
            on_change=choose_auto,
        )
        st.markdown(f"**{ctx.t('story.link')}**")
        st.caption(ctx.t("story.link_hint"))
        st.code(slide_link(ctx, slide, auto), language=None, wrap_lines=True)
        st.caption(ctx.t("story.keys_rtl" if ctx.rtl else "story.keys"))
        if not slide.is_title:
            ctx.page_link(
                "events", ctx.t("card.open"), icon=":material/article:", event=slide.event_id
            )


def auto_advance(slide: Slide, seconds: int) -> None:
    """With `auto=N`: after N seconds on a slide, open the next one; stop at the last slide.

    A fragment that reruns every N seconds; the full run that draws a slide marks it drawn,
    so only the fragment's own timed runs move on (and a manual step restarts the count)."""
    if not seconds or slide.following is None:
        return
    st.session_state[_DRAWN] = True
    following = slide.following

    def tick() -> None:
        if st.session_state.pop(_DRAWN, False):
            return
        go_to(following)
        st.rerun()

    st.fragment(tick, run_every=seconds)()


# --- the page --------------------------------------------------------------------------------


def story_page(ctx: Context) -> None:
    st.html(STORY_CSS)
    deck = list(ctx.events["event_id"]) if not ctx.events.empty else []
    slide = locate(deck, wanted_event())
    auto = parse_auto(st.query_params.get(AUTO))
    if slide.missing:
        st.query_params.pop(EVENT, None)
    nav_bar(ctx, slide)
    if slide.missing:
        known = not ctx.data.events[ctx.data.events["event_id"] == slide.missing].empty
        reason = "story.not_in_view" if known else "story.unknown"
        st.warning(ctx.t(reason, event=md_escape(slide.missing)))
    if not deck:
        empty_message(ctx)
        return
    if slide.is_title:
        with st.container(key=SLIDE_KEY, height=SLIDE_HEIGHT, border=False):
            title_slide(ctx)
    else:
        row = ctx.events.iloc[slide.number - 1].to_dict()
        card, where = st.columns([11, 9])
        with card, st.container(key=SLIDE_KEY, height=SLIDE_HEIGHT, border=True):
            event_slide(ctx, row)
        with where:
            slide_place(ctx, row)
    strip(ctx, slide, deck)
    if auto:
        st.caption(
            ctx.t("story.auto_running", n=auto) if slide.following else ctx.t("story.auto_end")
        )
    auto_advance(slide, auto)
    settings(ctx, slide, auto)
