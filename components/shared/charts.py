"""Figure builders: pure functions of a DataFrame returning a plotly figure (no Streamlit).

Hover texts arrive escaped (newsdesk.view.timeline_rows); labels built here from UI strings
are escaped too, because plotly renders a subset of HTML in hover labels and annotations.
"""

from __future__ import annotations

import html
import math
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from newsdesk.contract.event_types import facts_of
from newsdesk.contract.schema import EVENT_TYPES
from newsdesk.view.periods import Period

BAND_COLORS = ("#d62728", "#2ca02c", "#ff7f0e", "#1f77b4")
DAY_MS = 86_400_000
# plotly's month names are English only, so Arabic axes use numbers; the format follows the
# tick spacing, or a two-week spacing labels one month twice (`09/2020`, `09/2020`).
NUMERIC_DATE_TICKS = [
    dict(dtickrange=[None, "M1"], value="%d/%m/%Y"),
    dict(dtickrange=["M1", "M12"], value="%m/%Y"),
    dict(dtickrange=["M12", None], value="%Y"),
]
FONT = "Noto Sans Arabic, Noto Naskh Arabic, Segoe UI, Tahoma, sans-serif"


def marker_size(n_sources: int) -> float:
    """Area grows with the number of sources, but a 20-source event does not swamp the chart."""
    return 9 + 5 * math.sqrt(max(0, min(n_sources, 25)))


def _bands(
    fig: go.Figure,
    bands: Sequence[Period],
    band_labels: Mapping[str, str],
    lo: pd.Timestamp,
    hi: pd.Timestamp,
) -> None:
    """The named periods as light background bands, labelled when wide enough.

    Built as one layout update (add_vrect per band copies the layout each time: slow)."""
    shapes, notes = [], []
    for number, band in enumerate(bands):
        start = pd.Timestamp(band.start) if band.start else lo
        end = pd.Timestamp(band.end) + pd.Timedelta(days=1) if band.end else hi
        x0, x1 = max(start, lo), min(end, hi)
        if x1 <= x0:
            continue
        shapes.append(
            dict(
                type="rect",
                xref="x",
                yref="paper",
                x0=x0,
                x1=x1,
                y0=0,
                y1=1,
                fillcolor=BAND_COLORS[number % len(BAND_COLORS)],
                opacity=0.07,
                layer="below",
                line_width=0,
            )
        )
        # a label wider than its band would spill over the axis: narrow bands go unlabelled
        if (x1 - x0) >= (hi - lo) * 0.06:
            notes.append(
                dict(
                    x=x0,
                    y=1,
                    xref="x",
                    yref="paper",
                    text=html.escape(band_labels.get(band.period_id, band.period_id)),
                    showarrow=False,
                    xanchor="left",
                    yanchor="top",
                    font=dict(size=11, color="#666"),
                )
            )
    fig.update_layout(shapes=shapes, annotations=notes)


def _column(frame: pd.DataFrame, name: str) -> np.ndarray:
    """A plain numpy column: plotly walks Arrow-backed strings one by one (slow)."""
    return frame[name].to_numpy(dtype=object)


def timeline_figure(
    rows: pd.DataFrame,
    type_labels: Mapping[str, str],
    bands: Sequence[Period] = (),
    band_labels: Mapping[str, str] | None = None,
    lane_order: Sequence[str] | None = None,
    rtl: bool = False,
) -> go.Figure:
    """One lane per type (or person); exact days are dots sized by sources, uncertain dates
    are hatched translucent bars over every day they may be (so they cannot be read as a day),
    and multi-day events (a war, an offensive) are solid bars from first to last day.

    `rows` comes from newsdesk.view.timeline_rows; each point carries its event id in
    customdata so a click can open the card.
    """
    fig = go.Figure()
    if rows.empty:
        fig.update_layout(height=200, margin=dict(l=10, r=10, t=10, b=10))
        return fig
    lanes = list(lane_order) if lane_order else list(dict.fromkeys(rows["lane"]))
    # plain numpy columns, sliced with boolean masks: plotly walks Arrow strings one by one
    kinds = _column(rows, "type")
    lane = _column(rows, "lane")
    hover = _column(rows, "hover")
    ids = _column(rows, "event_id").reshape(-1, 1)
    start = rows["start"].to_numpy()
    end = rows["end"].to_numpy()
    date = rows["date"].to_numpy()
    sizes = np.array([marker_size(n) for n in rows["n"].to_numpy()], dtype=float)
    exact_rows = rows["exact"].to_numpy(dtype=bool)
    multi_day = end > start
    widths = ((end - start) / np.timedelta64(1, "D") + 1) * DAY_MS
    axis_ms = (end.max() - start.min()) / np.timedelta64(1, "ms") + 40 * DAY_MS
    narrow = max(axis_ms * 0.012, 3 * DAY_MS)
    present = set(kinds)
    for kind in [k for k in EVENT_TYPES if k in present] + sorted(present - set(EVENT_TYPES)):
        color = facts_of(kind).color
        label = html.escape(type_labels.get(kind, kind))
        of_kind = kinds == kind
        dots = of_kind & exact_rows & ~multi_day
        first = True
        for part, opacity, pattern in (
            (of_kind & ~exact_rows, 0.35, "/"),  # uncertain date: hatched, translucent
            (of_kind & exact_rows & multi_day, 0.8, ""),  # known first and last day: solid
        ):
            if not part.any():
                continue
            fig.add_trace(
                go.Bar(
                    orientation="h",
                    base=start[part],
                    x=widths[part],
                    y=lane[part],
                    width=0.45,
                    marker=dict(
                        color=color,
                        opacity=opacity,
                        line=dict(color=color, width=1.5),
                        pattern=dict(shape=pattern, fgcolor=color, solidity=0.35),
                    ),
                    customdata=ids[part],
                    hovertext=hover[part],
                    hovertemplate="%{hovertext}<extra></extra>",
                    name=label,
                    legendgroup=kind,
                    showlegend=first and not dots.any(),
                )
            )
            first = False
        # a span of a few days is a sliver on a multi-year axis: mark it with a hollow
        # diamond (hollow = not one known day) so it can be seen and clicked
        slivers = of_kind & ~exact_rows & (widths < narrow)
        if slivers.any():
            fig.add_trace(
                go.Scatter(
                    x=start[slivers] + (end[slivers] - start[slivers]) / 2,
                    y=lane[slivers],
                    mode="markers",
                    marker=dict(
                        symbol="diamond-open",
                        size=sizes[slivers],
                        color=color,
                        line=dict(width=2),
                    ),
                    customdata=ids[slivers],
                    hovertext=hover[slivers],
                    hovertemplate="%{hovertext}<extra></extra>",
                    name=label,
                    legendgroup=kind,
                    showlegend=False,
                )
            )
        if dots.any():
            fig.add_trace(
                go.Scatter(
                    x=date[dots],
                    y=lane[dots],
                    mode="markers",
                    marker=dict(
                        size=sizes[dots],
                        color=color,
                        opacity=0.85,
                        line=dict(color="white", width=1),
                    ),
                    customdata=ids[dots],
                    hovertext=hover[dots],
                    hovertemplate="%{hovertext}<extra></extra>",
                    name=label,
                    legendgroup=kind,
                )
            )
    lo = rows["start"].min() - pd.Timedelta(days=20)
    hi = rows["end"].max() + pd.Timedelta(days=20)
    _bands(fig, bands, band_labels or {}, lo, hi)
    fig.update_layout(
        barmode="overlay",
        height=min(900, 170 + 42 * len(lanes)),
        margin=dict(l=10, r=10, t=30, b=10),
        clickmode="event+select",
        hovermode="closest",
        font=dict(family=FONT),
        legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0),
        xaxis=dict(
            type="date",
            range=[lo, hi],
            rangeslider=dict(visible=True, thickness=0.07),
            tickformatstops=NUMERIC_DATE_TICKS if rtl else None,
        ),
        yaxis=dict(
            type="category",
            categoryorder="array",
            categoryarray=lanes,
            autorange="reversed",
            side="right" if rtl else "left",
        ),
    )
    return fig


def heat_strip_figure(
    counts: pd.DataFrame,
    type_labels: Mapping[str, str],
    count_label: str,
    bands: Sequence[Period] = (),
    band_labels: Mapping[str, str] | None = None,
    rtl: bool = False,
) -> go.Figure:
    """Counts per type per period as a heat strip: the large-data stand-in for the timeline."""
    fig = go.Figure()
    if counts.empty:
        fig.update_layout(height=200)
        return fig
    order = [k for k in EVENT_TYPES if k in set(counts["type"])]
    order += sorted(set(counts["type"]) - set(order))
    table = counts.pivot_table(index="type", columns="period", values="n", aggfunc="sum")
    table = table.reindex(order).fillna(0)
    labels = [html.escape(type_labels.get(k, k)) for k in table.index]
    fig.add_trace(
        go.Heatmap(
            x=table.columns,
            y=labels,
            z=table.to_numpy(),
            colorscale="YlOrRd",
            hovertemplate=(
                f"%{{y}} · %{{x|%Y-%m-%d}}: %{{z}} {html.escape(count_label)}<extra></extra>"
            ),
            colorbar=dict(title=html.escape(count_label), thickness=12),
        )
    )
    lo = pd.Timestamp(table.columns.min()) - pd.Timedelta(days=20)
    hi = pd.Timestamp(table.columns.max()) + pd.Timedelta(days=40)
    _bands(fig, bands, band_labels or {}, lo, hi)
    fig.update_layout(
        height=min(600, 160 + 40 * len(labels)),
        margin=dict(l=10, r=10, t=30, b=10),
        font=dict(family=FONT),
        xaxis=dict(
            type="date",
            rangeslider=dict(visible=True, thickness=0.07),
            tickformatstops=NUMERIC_DATE_TICKS if rtl else None,
        ),
        yaxis=dict(autorange="reversed", side="right" if rtl else "left"),
    )
    return fig


def counts_bar_figure(
    counts: pd.DataFrame,
    type_labels: Mapping[str, str],
    count_label: str,
    height: int = 260,
    rtl: bool = False,
) -> go.Figure:
    """Events per month (or week), stacked by type."""
    fig = go.Figure()
    order = [k for k in EVENT_TYPES if k in set(counts["type"])] if not counts.empty else []
    order += sorted(set(counts["type"]) - set(order)) if not counts.empty else []
    for kind in order:
        part = counts[counts["type"] == kind]
        label = html.escape(type_labels.get(kind, kind))
        fig.add_trace(
            go.Bar(
                x=part["period"],
                y=part["n"],
                name=label,
                marker_color=facts_of(kind).color,
                hovertemplate=f"{label} · %{{x|%Y-%m}}: %{{y}}<extra></extra>",
            )
        )
    fig.update_layout(
        barmode="stack",
        height=height,
        margin=dict(l=10, r=10, t=10, b=10),
        font=dict(family=FONT),
        legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0),
        xaxis=dict(type="date", tickformatstops=NUMERIC_DATE_TICKS if rtl else None),
        yaxis=dict(title=html.escape(count_label), rangemode="tozero"),
    )
    return fig


def type_counts_figure(
    counts: Mapping[str, int], type_labels: Mapping[str, str], rtl: bool = False
) -> go.Figure:
    """How many events of each type are in the view: one horizontal bar per type."""
    kinds = [k for k in EVENT_TYPES if counts.get(k)] + sorted(
        k for k in counts if k not in EVENT_TYPES and counts[k]
    )
    labels = [html.escape(type_labels.get(k, k)) for k in kinds]
    fig = go.Figure(
        go.Bar(
            x=[counts[k] for k in kinds],
            y=labels,
            orientation="h",
            marker_color=[facts_of(k).color for k in kinds],
            text=[counts[k] for k in kinds],
            textposition="outside",
            textangle=0,
            cliponaxis=False,
            hovertemplate="%{y}: %{x}<extra></extra>",
        )
    )
    fig.update_layout(
        height=max(140, 40 + 30 * len(kinds)),
        margin=dict(l=10, r=10, t=10, b=10),
        font=dict(family=FONT),
        yaxis=dict(autorange="reversed", side="right" if rtl else "left"),
        xaxis=dict(rangemode="tozero", autorange="reversed" if rtl else True),
    )
    return fig


def slide_strip_figure(
    rows: pd.DataFrame, current: str, type_labels: Mapping[str, str], rtl: bool = False
) -> go.Figure:
    """The presenter's timeline strip: every slide of the deck as a dot on one line, coloured
    by type, the current one large and ringed, so the audience sees where in the period the
    story stands. `rows` has event_id, date (datetime), type and an escaped `hover`; each dot
    carries its event id in customdata, so a click can jump to that slide."""
    fig = go.Figure()
    dated = rows[rows["date"].notna()]
    ids = _column(dated, "event_id")
    kinds = _column(dated, "type")
    dates = dated["date"].to_numpy()
    hover = _column(dated, "hover")
    present = set(kinds)
    for kind in [k for k in EVENT_TYPES if k in present] + sorted(present - set(EVENT_TYPES)):
        of_kind = kinds == kind
        fig.add_trace(
            go.Scatter(
                x=dates[of_kind],
                y=np.zeros(int(of_kind.sum())),
                mode="markers",
                marker=dict(
                    size=13,
                    color=facts_of(kind).color,
                    opacity=0.75,
                    line=dict(color="white", width=1),
                ),
                customdata=ids[of_kind].reshape(-1, 1),
                hovertext=hover[of_kind],
                hovertemplate="%{hovertext}<extra></extra>",
                name=html.escape(type_labels.get(kind, kind)),
                showlegend=False,
            )
        )
    here = ids == current
    if here.any():
        fig.add_trace(
            go.Scatter(
                x=dates[here],
                y=[0],
                mode="markers",
                marker=dict(
                    size=26,
                    color=facts_of(str(kinds[here][0])).color,
                    line=dict(color="#111", width=3),
                ),
                customdata=ids[here].reshape(-1, 1),
                hovertext=hover[here],
                hovertemplate="%{hovertext}<extra></extra>",
                showlegend=False,
            )
        )
    if len(dates):
        lo, hi = pd.Timestamp(dates.min()), pd.Timestamp(dates.max())
        pad = max((hi - lo) * 0.04, pd.Timedelta(days=2))
        # a few days' story: one tick a day (plotly would label every 12 hours, dates twice)
        fig.update_xaxes(
            range=[lo - pad, hi + pad], dtick=DAY_MS if hi - lo <= pd.Timedelta(days=10) else None
        )
    fig.update_layout(
        height=118,
        margin=dict(l=15, r=15, t=8, b=30),
        font=dict(family=FONT, size=13),
        clickmode="event+select",
        hovermode="closest",
        plot_bgcolor="rgba(0,0,0,0)",
        xaxis=dict(type="date", showgrid=True, tickformat="%d/%m/%Y" if rtl else None),
        yaxis=dict(visible=False, range=[-1, 1], fixedrange=True),
    )
    return fig


def selected_event_ids(selection: object) -> list[str]:
    """Event ids of the points clicked on a chart (from st.plotly_chart's selection state).

    Accepts the PlotlyState object or its dict form; anything unexpected yields [].
    """
    if selection is None:
        return []
    try:
        points = selection["selection"]["points"]  # type: ignore[index]
    except (KeyError, TypeError, IndexError):
        points = getattr(getattr(selection, "selection", None), "points", None) or []
    ids: list[str] = []
    for point in points or []:
        data = point.get("customdata") if isinstance(point, Mapping) else None
        if isinstance(data, (list, tuple)) and data:
            data = data[0]
        if isinstance(data, str) and data and data not in ids:
            ids.append(data)
    return ids
